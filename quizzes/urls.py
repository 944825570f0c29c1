from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("<int:quiz_id>/", views.knowledge_check, name="knowledge_check"),
    path("<int:quiz_id>/start/", views.attempt_start, name="attempt_start"),
    path("attempts/<int:attempt_id>/", views.attempt_result, name="attempt_result"),
    path("attempts/<int:attempt_id>/submit/", views.attempt_submit, name="attempt_submit"),
    path(
        "attempts/<int:attempt_id>/lessons/<int:lesson_id>/",
        views.attempt_reread,
        name="attempt_reread",
    ),
]

from django.urls import path

from courses import confidence_views, views

app_name = "courses"
urlpatterns = [
    path("courses/<int:course_id>/start/", views.course_start, name="course_start"),
    path(
        "enrolments/<int:enrolment_id>/lessons/<int:lesson_id>/complete/",
        views.lesson_complete,
        name="lesson_complete",
    ),
    path("enrolments/<int:enrolment_id>/finish/", views.enrolment_finish, name="enrolment_finish"),
    path(
        "enrolments/<int:enrolment_id>/confidence/<str:stage>/",
        confidence_views.confidence,
        name="confidence",
    ),
]

from django.urls import path

from compliance.views import learner, records, requirements

app_name = "compliance"
urlpatterns = [
    path("", requirements.requirement_list, name="requirements"),
    path(
        "partnerships/<int:partnership>/new/",
        requirements.requirement_new,
        name="requirement_new",
    ),
    path("organisations/<int:org>/new/", requirements.requirement_new, name="requirement_new_org"),
    path("<int:pk>/", requirements.requirement_detail, name="requirement"),
    path("<int:pk>/edit/", requirements.requirement_edit, name="requirement_edit"),
    path("<int:pk>/retire/", requirements.requirement_retire, name="requirement_retire"),
    path("team/", learner.team, name="team"),
    path("records/", records.record_list, name="records"),
    path("records/new/<int:assignment>/", records.record_new, name="record_new"),
    path("records/<int:pk>/", records.record_detail, name="record"),
    path("records/<int:pk>/evidence/", records.record_evidence, name="record_evidence"),
]

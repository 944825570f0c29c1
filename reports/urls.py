from django.urls import path

from reports.views import dashboard, evidence, knowledge, organisation, records, schools

app_name = "reports"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("partnerships/<int:partnership>/", dashboard.dashboard, name="dashboard"),
    path(
        "partnerships/<int:partnership>/coverage.<str:fmt>",
        dashboard.dashboard_export,
        name="dashboard_export",
    ),
    path(
        "partnerships/<int:partnership>/snapshots/",
        dashboard.snapshot_now,
        name="snapshot",
    ),
    path(
        "partnerships/<int:partnership>/records.csv",
        records.records_export,
        name="records_export",
    ),
    path(
        "partnerships/<int:partnership>/evidence-pack/",
        evidence.evidence_pack,
        name="evidence_pack",
    ),
    path(
        "partnerships/<int:partnership>/evidence-pack/<int:pk>/",
        evidence.evidence_pack_file,
        name="evidence_pack_file",
    ),
    path("organisations/<int:org>/", organisation.organisation, name="organisation"),
    path(
        "organisations/<int:org>/staff.<str:fmt>",
        organisation.organisation_export,
        name="organisation_export",
    ),
    path("organisations/<int:org>/people/<int:pk>/", organisation.person, name="person"),
    path("partnerships/<int:partnership>/schools/", schools.schools, name="schools"),
    path(
        "partnerships/<int:partnership>/schools.<str:fmt>",
        schools.schools_export,
        name="schools_export",
    ),
    path("partnerships/<int:partnership>/knowledge/", knowledge.knowledge, name="knowledge"),
    path(
        "partnerships/<int:partnership>/knowledge.<str:fmt>",
        knowledge.knowledge_export,
        name="knowledge_export",
    ),
]

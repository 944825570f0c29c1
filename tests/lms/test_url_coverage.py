"""The URL coverage check knows which patterns are the project's."""

from tests.url_coverage import NOT_EXPOSED, project_patterns


def test_project_patterns_include_every_app_and_skip_wagtails_admin():
    patterns = project_patterns()
    for key in (
        "healthz",
        "certificates:verify_result",
        "resources:parent_view",
        "courses:lesson_complete",
        "account_login",
        "wagtail_serve",
        "certificate_stuck_admin:retry",
        "route admin/login/",
    ):
        assert key in patterns, key
    assert "wagtailadmin_home" not in patterns
    assert "wagtailadmin_pages:edit" not in patterns
    assert not NOT_EXPOSED & set(patterns)

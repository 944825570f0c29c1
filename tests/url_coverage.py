"""Every URL pattern of the project is requested by at least one test.

A pytest plugin (loaded by tests/conftest.py). While the tests run it records
every URL pattern Django resolves for a request (the test client, and live
servers in this process); when the session ends it lists the project's patterns
no test requested and fails the run, naming each one.

It is enforced only on a full run: pytest started on the whole ``tests`` folder
(``make test``, ``make test-services``, or bare ``pytest``), with no paths, node
ids or ``-k`` narrowing it, every test not marked ``services`` or ``e2e``
selected (so ``make test-e2e``, which selects only the browser journeys, is not
a full run), and only if every test passed (a stopped or failing run proves
nothing either way). ``LMS_URL_COVERAGE=0`` switches it off.
"""

import os

import pytest

# Project packages: their views are the project's, wherever they are mounted.
PROJECT = ("lms", "kits", "accounts", "organisations", "courses", "quizzes")
PROJECT += ("certificates", "resources", "compliance", "reports")

# Patterns the project mounts but does not offer to anyone, so no test can
# honestly request them. Each needs a reason.
NOT_EXPOSED = {
    # allauth: sign-in by emailed code is off (ACCOUNT_LOGIN_BY_CODE_ENABLED).
    "account_confirm_login_code",
    # allauth: setting a first password is for accounts made by social sign-in,
    # which is not enabled; every account here signs up with a password.
    "account_set_password",
    # Wagtail's own front-end login form: private pages send people to allauth's
    # login instead (WAGTAIL_FRONTEND_LOGIN_URL).
    "wagtailcore_login",
    # Password-protected document collections are not used: documents are
    # guarded by resources/documents.py.
    "wagtaildocs_authenticate_with_password",
}

LANES = ("services", "e2e")  # marks whose tests a lane may leave out

_resolved: set[str] = set()
_narrowed = False  # a test outside the lanes' marks was deselected


def pattern_key(namespaces, url_name, route) -> str:
    """A pattern's name with its namespaces (``certificates:verify``), or its
    route when it has no name."""
    if url_name:
        return ":".join([*namespaces, url_name])
    return f"route {route}"


def _record(match) -> None:
    _resolved.add(pattern_key(match.namespaces, match.url_name, match.route))


def pytest_configure(config):
    from django.core.handlers.base import BaseHandler

    original = BaseHandler.resolve_request

    def resolve_request(self, request):
        match = original(self, request)
        _record(match)
        return match

    BaseHandler.resolve_request = resolve_request


def pytest_deselected(items):
    global _narrowed
    if any(not any(mark in item.keywords for mark in LANES) for item in items):
        _narrowed = True


def _is_project_view(callback) -> bool:
    view = getattr(callback, "view_class", callback)
    return (getattr(view, "__module__", "") or "").startswith(PROJECT)


def project_patterns() -> dict[str, str]:
    """Every enforced pattern: key -> route. Under ``admin/`` only the project's
    own screens count (Wagtail's are tested by Wagtail)."""
    from django.urls import URLResolver, get_resolver

    found, routes = {}, set()

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            part = str(pattern.pattern)
            route = prefix + (part[1:] if prefix and part.startswith("^") else part)
            if isinstance(pattern, URLResolver):
                names = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, route, names)
                continue
            wagtails_own = route.startswith("admin/") and route != "admin/login/"
            if wagtails_own and not _is_project_view(pattern.callback):
                continue
            if route in routes:
                continue  # shadowed by an earlier pattern: it can never answer
            routes.add(route)
            key = pattern_key(namespaces, pattern.name, route)
            if pattern.name not in NOT_EXPOSED:
                found.setdefault(key, route)

    walk(get_resolver().url_patterns, "", [])
    return found


def _full_run(session) -> bool:
    config = session.config
    if os.environ.get("LMS_URL_COVERAGE") == "0" or session.testsfailed or session.shouldstop:
        return False
    if _narrowed:
        return False
    if config.getoption("keyword") or config.getoption("lf", False):
        return False
    testpaths = config.getini("testpaths")
    return [str(arg) for arg in config.args] in (testpaths, [os.path.abspath(p) for p in testpaths])


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    if exitstatus != 0 or not _full_run(session):
        return
    missing = {key: route for key, route in project_patterns().items() if key not in _resolved}
    if not missing:
        return
    lines = [f"  {key:<55} /{route}" for key, route in sorted(missing.items())]
    message = (
        f"{len(missing)} URL pattern(s) of the project are requested by no test:\n"
        + "\n".join(lines)
        + "\nAdd a test that requests each (or, if the project does not expose it, "
        "add it with a reason to NOT_EXPOSED in tests/url_coverage.py)."
    )
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_sep("=", "URL coverage", red=True)
        reporter.write_line(message)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED

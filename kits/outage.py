"""A clear "try again shortly" page, rather than a server error, while the
database cannot be reached (a restart, a failover)."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error

logger = logging.getLogger(__name__)

RETRY_AFTER = "30"


def is_outage(error: BaseException | None) -> bool:
    """Whether ``error`` means the database cannot be reached, not a bug.

    PostgreSQL: no connection at all (no SQLSTATE), class 08 (connection
    exception) or 57P (shut down, starting up). SQLite: a lock held too long.
    """
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    sqlstate = getattr(cause, "sqlstate", "")
    if sqlstate is None or sqlstate.startswith(("08", "57P")):
        return True
    return "database is locked" in str(error)


def unavailable_response() -> HttpResponse:
    """The 503 page. Rendered without the request, so it needs no database."""
    context = {
        "title": "Sorry, the service is unavailable",
        "lines": [
            "We could not reach our records just now. Nothing you sent has been saved.",
            "Please try again in a minute.",
        ],
    }
    response = HttpResponse(render_to_string("plain_error.html", context), status=503)
    response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Answer 503 when a view fails because the database cannot be reached.

    Each write runs in its own transaction (services are atomic), so a request
    cut short this way has written nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            logger.warning("Database unavailable: %s", exception)
            return unavailable_response()
        return None


def server_error_or_outage(request, *args, **kwargs):
    """``handler500``: failures outside views (middleware reading the session)
    still answer 503 when the database is the cause."""
    if is_outage(sys.exc_info()[1]):
        return unavailable_response()
    return server_error(request, *args, **kwargs)

"""``/healthz`` for load balancers: does this node reach its database and cache?"""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kits.cache import cache_answers

logger = logging.getLogger(__name__)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # whatever the driver raises, the answer is "no"
        logger.warning("Database unavailable", exc_info=True)
        connection.close_if_unusable_or_obsolete()
        return False


@never_cache
@require_GET
def healthz(request):
    """200 with ``{"status": "ok", ...}`` when both answer, 503 otherwise. No
    sign-in: it says nothing but "up" or "down" for each."""
    checks = {"database": _database_answers(), "cache": cache_answers()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        **{name: "ok" if up else "unavailable" for name, up in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)

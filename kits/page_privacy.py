"""Wagtail's page privacy (view restrictions: sign-in, password, groups) for views
that act on a page without serving it: starting a course, completing a lesson,
taking a knowledge check, downloading a plan's document.

Wagtail applies these restrictions only when it serves the page itself, so
every such view asks here. A page the request may not view answers 404 there,
exactly like a missing one.
"""

from django.http import Http404
from wagtail.models import Page


def page_viewable(request, page: Page) -> bool:
    """Whether every view restriction on ``page`` and its ancestors accepts the
    request (Wagtail's own test, ``PageViewRestriction.accept_request``)."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def require_page_viewable(request, page: Page) -> None:
    """Raise 404 unless ``page_viewable``."""
    if not page_viewable(request, page):
        raise Http404("No such page.")

"""Refuse requests carrying NUL characters before any view sees them.

PostgreSQL cannot store or compare a string containing NUL, so such a value in
a path, a query string or a form would otherwise fail deep in a query as a
server error. No real input contains one.
"""

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _in(data) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def _carries_nul(request) -> bool:
    if NUL in request.path_info or _in(request.GET):
        return True
    return request.method == "POST" and request.content_type in FORM_TYPES and _in(request.POST)


class RejectNulMiddleware:
    """Answer 400 with a plain explanation; nothing is read or written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _carries_nul(request):
            context = {
                "title": "Sorry, we could not read that address or form",
                "lines": [
                    "It contains a character we cannot accept (a NUL character).",
                    "Nothing has been saved. Go back, check what you entered and try again.",
                ],
            }
            return HttpResponseBadRequest(render_to_string("plain_error.html", context))
        return self.get_response(request)

"""Recent re-authentication before exports, revocations and role changes.

Views call this after their access check, so an out-of-scope object still
answers 404 first. It uses allauth's own decorator, so the request is
suspended, the person confirms their password (or a second factor), and the
request resumes where it left off.
"""

from allauth.account.decorators import reauthentication_required


@reauthentication_required
def _recently_authenticated(request):
    return None


def require_recent_authentication(request) -> None:
    """Raise allauth's ``ReauthenticationRequired`` unless the user signed in or
    confirmed their password in the last few minutes."""
    _recently_authenticated(request)

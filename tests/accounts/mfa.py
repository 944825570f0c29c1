"""Test helpers that act as the learner's authenticator app."""

import time

from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value

PERIOD = 30


def totp_code(secret: str, offset: int = 0) -> str:
    # A code read in the last moment of its 30-second window can reach the server
    # in the next one, where it is refused; like a person, wait for a fresh code.
    left = PERIOD - time.time() % PERIOD
    if offset == 0 and left < 2:
        time.sleep(left + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD + offset))


def activate_totp(client, password: str) -> str:
    """Walk through the real activation pages (confirming the password first, as
    allauth asks); return the secret the authenticator app would hold."""
    page = client.get("/accounts/2fa/totp/activate/")
    if page.status_code == 302 and "/reauthenticate/" in page["Location"]:
        client.post("/accounts/reauthenticate/", {"password": password})
        page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200, page
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return secret


def reauthenticate(client, password: str) -> None:
    """Confirm the password, as allauth asks before exports, revocations and
    role changes."""
    response = client.post("/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302, response.content.decode()[:500]

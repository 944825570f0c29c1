"""Helpers for tests that sign up through the real allauth pages."""

import re

SIGNUP = "/accounts/signup/"


def signup_data(**overrides):
    data = {
        "full_name": "Priya Shah",
        "email": "priya@clinic.example",
        "organisation": "",
        "job_role": "Sexual health nurse",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
    }
    data.update(overrides)
    return data


def verification_path(message) -> str:
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]

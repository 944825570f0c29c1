from allauth.account.forms import LoginForm as AllauthLoginForm

from accounts.mfa_policy import user_needs_mfa


class LoginForm(AllauthLoginForm):
    """Privileged people are never remembered: their session ends with the browser."""

    def login(self, request, redirect_url=None):
        response = super().login(request, redirect_url)
        if user_needs_mfa(self.user):
            request.session.set_expiry(0)
        return response

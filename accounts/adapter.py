from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from accounts.mfa_policy import can_remove_authenticator
from kits.cache import cache_answers
from kits.mail import mail_send_later


class AccountAdapter(DefaultAccountAdapter):
    """The one place allauth is extended: names on sign-up, email through Celery."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "signin_unavailable": (
            "Sign-in is unavailable for a few minutes. Your password has not been "
            "checked. Please try again shortly."
        ),
    }

    def pre_authenticate(self, request, **credentials):
        # Failed sign-ins are counted in the shared cache. Without it there is no
        # limit on password guessing, so sign-in stops (closed) rather than
        # running unlimited; everything else carries on (docs/decisions.md).
        if not cache_answers():
            raise self.validation_error("signin_unavailable")
        super().pre_authenticate(request, **credentials)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", user.full_name)
        user.job_role = form.cleaned_data.get("job_role", user.job_role)
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        if isinstance(message, EmailMultiAlternatives):
            mail_send_later(message)
        else:
            message.send()

    def get_from_email(self):
        return settings.DEFAULT_FROM_EMAIL


class MFAAdapter(DefaultMFAAdapter):
    def get_totp_label(self, user):
        return user.email

    def can_delete_authenticator(self, authenticator) -> bool:
        return can_remove_authenticator(authenticator.user, authenticator)

from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "Organisations"

    def ready(self):
        # Accounts cannot import organisations, so a verified address reaches
        # memberships through allauth's signal rather than the adapter.
        from allauth.account.signals import email_confirmed

        email_confirmed.connect(_email_confirmed, dispatch_uid="organisations_email_confirmed")


def _email_confirmed(sender, request, email_address, **kwargs):
    from organisations.services import memberships_email_verified

    memberships_email_verified(user=email_address.user, email=email_address.email)

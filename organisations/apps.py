from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "Organisations"

    def ready(self):
        # Cache invalidation is the one cross-cutting concern handled by a signal.
        from organisations.contacts import forget_site_default_contacts
        from organisations.models import DefaultContacts

        post_save.connect(
            forget_site_default_contacts,
            sender=DefaultContacts,
            dispatch_uid="organisations.forget_site_default_contacts",
        )

        # Accounts cannot import organisations, so a verified address reaches
        # memberships through allauth's signal rather than the adapter.
        from allauth.account.signals import email_confirmed

        email_confirmed.connect(_email_confirmed, dispatch_uid="organisations_email_confirmed")

        from organisations.models import Membership, PartnershipLead

        # Managers and leads must use MFA; their cached MFA status is forgotten
        # whenever a membership or a lead changes.
        for sender in (Membership, PartnershipLead):
            for signal in (post_save, post_delete):
                signal.connect(_role_changed, sender=sender, dispatch_uid=f"mfa-{sender}-{signal}")


def _email_confirmed(sender, request, email_address, **kwargs):
    from organisations.services import memberships_email_verified

    memberships_email_verified(user=email_address.user, email=email_address.email)


def _role_changed(sender, instance, **kwargs):
    from accounts.mfa_policy import mfa_status_forget

    mfa_status_forget(instance.user_id)

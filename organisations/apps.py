from django.apps import AppConfig
from django.db.models.signals import post_save


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

"""Who a reader should contact about a child: one home, one fallback rule.

The reader's own partnership's local contacts when it has given any; otherwise
the site's default contacts (``DefaultContacts``). Every place that shows
contacts (lesson signposting, lesson plans and their PDFs, printables) gets
them from ``local_contacts_for`` and renders them with
``organisations/includes/local_contacts.html`` (or ``..._pdf.html``).
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Site

from organisations.access import partnership_for_user
from organisations.models import DefaultContacts, Partnership

# A safety net: saving the setting clears the cached copy at once.
DEFAULT_CONTACTS_TTL = 60 * 60


@dataclass(frozen=True)
class LocalContacts:
    name: str
    phone: str = ""
    email: str = ""
    website: str = ""
    designated_officer: str = ""
    notes: str = ""
    is_default: bool = False

    @classmethod
    def of_partnership(cls, partnership: Partnership) -> "LocalContacts":
        return cls(
            name=partnership.name,
            phone=partnership.referral_phone,
            email=partnership.referral_email,
            website=partnership.website,
            designated_officer=partnership.designated_officer,
        )

    @property
    def phone_uri(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def has_contacts(self) -> bool:
        return any([self.phone, self.email, self.website, self.designated_officer])


def local_contacts_for(request) -> LocalContacts:
    """The contacts to show the person making ``request``."""
    user = getattr(request, "user", None)
    partnership = partnership_for_user(user) if user is not None else None
    if partnership is not None:
        contacts = LocalContacts.of_partnership(partnership)
        if contacts.has_contacts:
            return contacts
    site = Site.find_for_request(request) if request is not None else None
    return site_default_contacts(site)


def _cache_key(site_id: int) -> str:
    return f"organisations:default-contacts:{site_id}"


def site_default_contacts(site: Site | None = None) -> LocalContacts:
    """The site's default contacts (the default site's when ``site`` is None),
    kept in the shared cache: they change rarely, and a lesson page must stay
    within its query budget. Saving the setting clears the cache."""
    site = site or Site.objects.get(is_default_site=True)
    contacts = cache.get(_cache_key(site.pk))
    if contacts is None:
        default = DefaultContacts.for_site(site)
        contacts = LocalContacts(
            name=default.name,
            phone=default.referral_phone,
            email=default.referral_email,
            website=default.website,
            notes=default.notes,
            is_default=True,
        )
        cache.set(_cache_key(site.pk), contacts, timeout=DEFAULT_CONTACTS_TTL)
    return contacts


def forget_site_default_contacts(sender, instance, **kwargs) -> None:
    cache.delete(_cache_key(instance.site_id))

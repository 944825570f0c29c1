"""The monthly evidence pack: prepared once per partnership for the month just
ended, kept in private storage, and announced to each lead by an email that
carries a sign-in link, never the pack itself (it leaves the service only
through the checked download view).

Each notice is claimed by a unique row before it is sent, so a rerun, a retry
or two beat processes never email a lead twice; a pack already made is not
made again.
"""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from kits.mail import mail_send_later
from organisations.models import Partnership, PartnershipLead
from reports.evidence import render_evidence_pack
from reports.models import EvidencePack, EvidencePackNotice


def last_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def pack_for_month(partnership: Partnership, start: date, end: date) -> EvidencePack:
    """The partnership's pack for the month ``start``..``end``, made if missing."""
    existing = EvidencePack.objects.filter(partnership=partnership, period_start=start).first()
    if existing:
        return existing
    content = render_evidence_pack(partnership, start, end)
    pack = EvidencePack(partnership=partnership, period_start=start, period_end=end)
    pack.file.save(
        f"evidence-pack-{partnership.pk}-{start:%Y-%m}.pdf", ContentFile(content), save=False
    )
    try:
        with transaction.atomic():
            pack.save()
    except IntegrityError:  # another run made it first: keep theirs
        pack.file.delete(save=False)
        return EvidencePack.objects.get(partnership=partnership, period_start=start)
    return pack


def _notify(pack: EvidencePack, lead) -> None:
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "reports:evidence_pack_file", args=[pack.partnership_id, pack.pk]
    )
    body = render_to_string(
        "reports/email/evidence_pack.txt", {"pack": pack, "lead": lead, "link": link}
    )
    subject = f"Evidence pack for {pack.period_start:%B %Y} is ready"
    mail_send_later(EmailMultiAlternatives(subject=subject, body=body, to=[lead.email]))


def prepare_monthly_packs(*, today: date | None = None) -> int:
    """Make last month's pack for every partnership with a lead, and tell each
    lead once. Returns how many emails this run sent."""
    start, end = last_month(today or timezone.localdate())
    sent = 0
    for partnership in Partnership.objects.filter(leads__isnull=False).distinct().order_by("pk"):
        pack = pack_for_month(partnership, start, end)
        leads = [
            lead.user
            for lead in PartnershipLead.objects.filter(
                partnership=partnership, user__is_active=True
            ).select_related("user")
        ]
        run = secrets.token_hex(16)
        with transaction.atomic():
            EvidencePackNotice.objects.bulk_create(
                [EvidencePackNotice(pack=pack, user=lead, run=run) for lead in leads],
                ignore_conflicts=True,
            )
            mine = set(
                EvidencePackNotice.objects.filter(pack=pack, run=run).values_list(
                    "user_id", flat=True
                )
            )
            for lead in leads:
                if lead.pk in mine:
                    _notify(pack, lead)
                    sent += 1
    return sent

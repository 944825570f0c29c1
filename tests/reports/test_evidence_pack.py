"""The evidence pack PDF, read back as a reader would, and the monthly packs."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from wagtail.models.audit_log import ModelLogEntry

from reports.models import EvidencePack, EvidencePackNotice
from reports.packs import last_month, prepare_monthly_packs
from reports.snapshots import take_snapshot
from tests.certificates.pdfs import pdf_text
from tests.organisations.factories import OrganisationFactory, PartnershipLeadFactory
from tests.resources.factories import DeliveryFactory, LessonPlanPageFactory

pytestmark = pytest.mark.django_db


def url(known, suffix=""):
    return f"/reports/partnerships/{known.partnership.pk}/evidence-pack/{suffix}"


def download(client, known, **period):
    response = client.get(url(known), {"download": "1", **period})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    return pdf_text(response.content)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_pack_holds_the_headline_figures_and_method(lead_client, known):
    text = flat(download(lead_client, known))
    assert known.partnership.name in text
    assert "Live figures on" in text
    assert "23.5%" in text  # coverage of the requirement across the partnership
    for name, figure in (("Ash Health", "30.0%"), ("Birch Police", "20.0%")):
        assert name in text and figure in text
    assert "below target" in text
    assert "Method" in text and "fewer than five people" in text
    entry = ModelLogEntry.objects.get(action="reports.export")
    assert entry.data["what"] == "Evidence pack" and entry.user == known.lead


def test_the_pack_reports_rse_reach_in_the_period(lead_client, known):
    from wagtail.models import Site

    from resources.models import ResourceIndexPage

    home = Site.objects.get(is_default_site=True).root_page
    library = home.add_child(instance=ResourceIndexPage(title="Lesson plans", slug="schools"))
    plan = LessonPlanPageFactory(parent=library)
    teacher = known.ash_people[1]
    today = timezone.localdate()
    DeliveryFactory(
        plan=plan,
        organisation=known.cedar,
        teacher=teacher,
        pupils=27,
        delivered_on=today - datetime.timedelta(days=3),
    )
    DeliveryFactory(
        plan=plan,
        organisation=known.cedar,
        teacher=teacher,
        pupils=30,
        delivered_on=today - datetime.timedelta(days=400),
    )
    text = flat(download(lead_client, known))
    assert re.search(r"Lessons delivered 1\b", text)
    assert re.search(r"Pupils reached \(sum of class sizes\) 27\b", text)
    # By key stage: the one lesson in the period was a key stage 3 plan.
    assert re.search(r"Key stage 3 1 1 27\b", text)


def test_a_past_period_uses_the_snapshot_taken_then(lead_client, known):
    today = timezone.localdate()
    end = today - datetime.timedelta(days=10)
    text = flat(
        download(
            lead_client,
            known,
            start=(end - datetime.timedelta(days=30)).isoformat(),
            end=end.isoformat(),
        )
    )
    assert "No snapshot was taken on or before the end of this period." in text
    take_snapshot(known.partnership, as_at=end - datetime.timedelta(days=1))
    text = flat(download(lead_client, known, end=end.isoformat()))
    assert "From the snapshot taken as at" in text and "23.5%" in text


def test_names_print_as_written_never_as_markup(lead_client, known):
    OrganisationFactory(partnership=known.partnership, name="<b>Zoë & Ångström</b>", headcount=3)
    text = flat(download(lead_client, known))
    assert "<b>Zoë & Ångström</b>" in text


def test_a_bad_period_is_explained_and_makes_no_pdf(lead_client, known):
    response = lead_client.get(
        url(known), {"download": "1", "start": "2026-05-01", "end": "2026-04-01"}
    )
    assert response.status_code == 200
    assert "The end date must be on or after the start date." in response.content.decode()
    response = lead_client.get(url(known), {"download": "1", "start": "not a date"})
    assert response.status_code == 200 and "Enter a valid date" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="reports.export").exists()


def test_monthly_packs_are_made_once_and_each_lead_is_told_once(
    client, known, django_capture_on_commit_callbacks
):
    second = PartnershipLeadFactory(partnership=known.partnership).user
    with django_capture_on_commit_callbacks(execute=True):
        assert prepare_monthly_packs() == 2
    pack = EvidencePack.objects.get()
    start, end = last_month(timezone.localdate())
    assert (pack.period_start, pack.period_end) == (start, end)
    # Kept in private storage, outside the public media folder.
    path = pack.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([known.lead.email, second.email])
    message = mail.outbox[0]
    assert not message.attachments
    link = f"/reports/partnerships/{known.partnership.pk}/evidence-pack/{pack.pk}/"
    assert link in message.body
    # A rerun (or a second beat process) makes nothing and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert prepare_monthly_packs() == 0
    assert EvidencePack.objects.count() == 1 and EvidencePackNotice.objects.count() == 2
    assert len(mail.outbox) == 2
    # The link works for a lead, and for no one else.
    client.force_login(known.lead)
    response = client.get(link)
    assert response.status_code == 200
    assert pdf_text(b"".join(response.streaming_content)).count(known.partnership.name) >= 1
    assert client.get(url(known)).status_code == 200
    client.force_login(known.ash_manager)
    assert client.get(link).status_code == 404
    other = PartnershipLeadFactory().user
    client.force_login(other)
    assert client.get(link).status_code == 404
    assert (
        client.get(
            f"/reports/partnerships/{other.partnership_leads.get().partnership_id}"
            f"/evidence-pack/{pack.pk}/"
        ).status_code
        == 404
    )


@pytest.mark.parametrize("who", ["learner", "manager"])
def test_only_leads_make_packs(client, known, who):
    client.force_login(known.birch_people[1] if who == "learner" else known.ash_manager)
    assert client.get(url(known)).status_code == 404
    assert client.get(url(known), {"download": "1"}).status_code == 404

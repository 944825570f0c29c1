"""Training done elsewhere and exemptions: submitted with evidence, decided by
a manager of the person's organisation, and seen only by those allowed."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from compliance.models import ExternalRecord
from tests.compliance.conftest import assignment_of
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def _submit(client, assignment, **fields):
    data = {
        "kind": "prior",
        "provider": "County Council training",
        "completed_on": (timezone.localdate() - datetime.timedelta(days=20)).isoformat(),
        **fields,
    }
    return client.post(f"/mandatory-training/records/new/{assignment.pk}/", data)


@pytest.fixture
def submitted(manager, requirement, learner, client, django_capture_on_commit_callbacks):
    client.force_login(learner)
    evidence = SimpleUploadedFile("certificate.pdf", PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, assignment_of(learner, requirement), evidence=evidence)
    assert response.status_code == 302
    return ExternalRecord.objects.get()


def _decide(client, record, **data):
    return client.post(f"/mandatory-training/records/{record.pk}/", data)


def test_approved_prior_learning_counts_as_completed_elsewhere(
    submitted, manager, learner, requirement, client, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    until = timezone.localdate() + datetime.timedelta(days=300)
    with django_capture_on_commit_callbacks(execute=True):
        response = _decide(client, submitted, decision="approve", expires_on=until.isoformat())
    assert response.status_code == 302
    assignment = assignment_of(learner, requirement)
    assert (assignment.status, assignment.completed_until) == ("completed", until)
    client.force_login(learner)
    page = client.get("/my-learning/").content.decode()
    assert f"Completed elsewhere until {until:%-d %B %Y}" in page


def test_a_second_decision_changes_nothing(submitted, manager, client):
    client.force_login(manager)
    _decide(client, submitted, decision="decline")
    page = _decide(client, submitted, decision="approve", expires_on="2099-01-01").content.decode()
    assert "already been decided" in page
    submitted.refresh_from_db()
    assert submitted.state == "declined"


def test_declined_prior_learning_counts_for_nothing(
    submitted, manager, learner, requirement, client, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        _decide(client, submitted, decision="decline", note="Not an equivalent course")
    assert assignment_of(learner, requirement).status == "not_started"


def test_approving_prior_learning_needs_an_expiry(submitted, manager, client):
    client.force_login(manager)
    page = _decide(client, submitted, decision="approve").content.decode()
    assert "Enter the date the training done elsewhere runs out" in page
    submitted.refresh_from_db()
    assert submitted.state == "pending"


def test_an_approved_exemption_shows_exempt(
    manager, requirement, learner, client, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    _submit(client, assignment_of(learner, requirement), kind="exemption", reason="Office role")
    record = ExternalRecord.objects.get()
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        _decide(client, record, decision="approve")
    assert assignment_of(learner, requirement).status == "exempt"
    client.force_login(learner)
    assert "Exempt" in client.get("/my-learning/").content.decode()


def test_learners_cannot_approve_their_own(submitted, learner, client):
    client.force_login(learner)
    assert client.get(f"/mandatory-training/records/{submitted.pk}/").status_code == 200
    assert _decide(client, submitted, decision="decline").status_code == 404
    submitted.refresh_from_db()
    assert submitted.state == "pending"


def test_another_organisations_manager_gets_404_for_the_record_and_its_file(
    submitted, partnership, client
):
    elsewhere = OrganisationFactory(partnership=partnership)
    stranger = MembershipFactory(organisation=elsewhere, is_manager=True).user
    client.force_login(stranger)
    assert client.get(f"/mandatory-training/records/{submitted.pk}/").status_code == 404
    assert client.get(f"/mandatory-training/records/{submitted.pk}/evidence/").status_code == 404
    assert _decide(client, submitted, decision="decline").status_code == 404


def test_the_evidence_file_is_private(submitted, manager, lead, learner, client):
    for who in (learner, manager, lead):
        client.force_login(who)
        response = client.get(f"/mandatory-training/records/{submitted.pk}/evidence/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "private, no-store"
    # Stored outside the public media folder, so no public URL reaches it.
    from pathlib import Path

    from django.conf import settings

    assert not Path(submitted.evidence.path).is_relative_to(settings.MEDIA_ROOT)
    assert client.get(submitted.evidence.url).status_code == 404


def test_the_type_is_read_from_the_bytes_not_the_name(manager, requirement, learner, client):
    client.force_login(learner)
    fake = SimpleUploadedFile("evidence.pdf", b"<html>not a pdf</html>", "application/pdf")
    page = _submit(client, assignment_of(learner, requirement), evidence=fake).content.decode()
    assert "must be a PDF, a PNG or a JPEG" in page
    assert not ExternalRecord.objects.exists()
    image = SimpleUploadedFile("photo.pdf", _png(), "application/pdf")
    assert _submit(client, assignment_of(learner, requirement), evidence=image).status_code == 302
    record = ExternalRecord.objects.get()
    assert (record.evidence_type, record.evidence.name.endswith(".png")) == ("image/png", True)


def test_files_over_the_limit_are_refused(manager, requirement, learner, client):
    client.force_login(learner)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (5 * 1024 * 1024), "application/pdf")
    page = _submit(client, assignment_of(learner, requirement), evidence=big).content.decode()
    assert "smaller than 5 MB" in page
    assert not ExternalRecord.objects.exists()


def test_missing_fields_are_explained(manager, requirement, learner, client):
    client.force_login(learner)
    page = _submit(client, assignment_of(learner, requirement), provider="", completed_on="")
    text = page.content.decode()
    assert "Enter who provided the training" in text
    assert "Enter the date the training was completed" in text
    assert not ExternalRecord.objects.exists()


def test_someone_elses_assignment_answers_404(requirement, learner, other_user, client):
    client.force_login(other_user)
    assert _submit(client, assignment_of(learner, requirement)).status_code == 404


def test_a_manager_sees_the_records_waiting_for_a_decision(submitted, manager, learner, client):
    client.force_login(manager)
    page = client.get("/mandatory-training/records/").content.decode()
    assert f'href="/mandatory-training/records/{submitted.pk}/">{learner.full_name}</a>' in page
    assert submitted.requirement.course.title in page
    client.force_login(learner)
    page = client.get("/mandatory-training/records/").content.decode()
    assert "Nothing is waiting for a decision." in page

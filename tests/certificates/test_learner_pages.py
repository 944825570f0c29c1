"""My certificates, and downloads: a learner sees their own and nobody else's."""

import pytest

from certificates.models import Certificate
from certificates.services import certificate_revoke
from tests.accounts.factories import UserFactory
from tests.certificates.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def test_my_certificates_needs_sign_in(client, issued):
    response = client.get("/certificates/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_pending_certificate_is_being_prepared(client, learner, pending):
    client.force_login(learner)
    page = client.get("/certificates/").content.decode()
    assert "Your certificate is being prepared" in page
    assert pending.course_title in page
    assert "/download/" not in page
    assert pending.display_code not in page


def test_an_issued_certificate_can_be_downloaded(client, learner, issued):
    client.force_login(learner)
    page = client.get("/certificates/").content.decode()
    assert "being prepared" not in page.lower().replace("being prepared</", "")
    assert f"/certificates/{issued.pk}/download/" in page
    assert issued.display_code in page
    response = client.get(f"/certificates/{issued.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "private" in response["Cache-Control"]
    assert issued.display_code in pdf_text(response.content)


def test_someone_elses_certificate_is_not_found(client, issued, other_user):
    client.force_login(other_user)
    assert client.get(f"/certificates/{issued.pk}/download/").status_code == 404
    assert issued.course_title not in client.get("/certificates/").content.decode()


def test_a_missing_certificate_is_not_found(client, learner):
    client.force_login(learner)
    assert client.get("/certificates/424242/download/").status_code == 404


def test_a_revoked_certificate_cannot_be_downloaded(client, learner, issued):
    certificate_revoke(certificate=issued, by=UserFactory(is_superuser=True), reason="Error")
    client.force_login(learner)
    assert client.get(f"/certificates/{issued.pk}/download/").status_code == 404
    assert ">Revoked<" in client.get("/certificates/").content.decode()


def test_a_lost_file_is_rendered_again_on_demand(client, learner, issued):
    issued.pdf.storage.delete(issued.pdf.name)
    client.force_login(learner)
    response = client.get(f"/certificates/{issued.pk}/download/")
    assert response.status_code == 200
    assert issued.display_code in pdf_text(response.content)
    issued.refresh_from_db()
    assert issued.pdf.storage.exists(issued.pdf.name)
    assert Certificate.objects.get(pk=issued.pk).issued_at == issued.issued_at


def test_user_text_is_escaped_on_my_certificates(client, course):
    from certificates.services import certificate_issue, certificate_issue_on_completion
    from tests.certificates.factories import completed_enrolment

    user = UserFactory(full_name="<script>alert(1)</script>")
    course.title = "<b>Course</b>"
    course.save()
    certificate = certificate_issue_on_completion(
        enrolment=completed_enrolment(user=user, course=course)
    )
    certificate_issue(certificate_id=certificate.pk)
    client.force_login(user)
    page = client.get("/certificates/").content.decode()
    assert "<b>Course</b>" not in page
    assert "&lt;b&gt;Course&lt;/b&gt;" in page


def test_the_pdf_lives_in_private_storage_with_no_public_address(client, issued, settings):
    from pathlib import Path

    path = Path(issued.pdf.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert issued.code not in issued.pdf.name
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    # Neither the old public address nor a guess at the stored name answers.
    for url in (f"/media/certificates/{issued.code}.pdf", f"/media/{issued.pdf.name}"):
        assert client.get(url).status_code == 404


def test_the_migration_moves_old_public_pdfs_into_private_storage(issued, settings):
    import importlib
    from pathlib import Path

    from django.apps import apps
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    public_name = default_storage.save(f"certificates/{issued.code}.pdf", ContentFile(b"%PDF-old"))
    Certificate.objects.filter(pk=issued.pk).update(pdf=public_name)
    migration = importlib.import_module("certificates.migrations.0002_private_pdfs")
    migration.move_pdfs_out_of_public_media(apps, None)
    issued.refresh_from_db()
    assert not default_storage.exists(public_name)
    assert Path(issued.pdf.path).read_bytes() == b"%PDF-old"
    assert not Path(issued.pdf.path).is_relative_to(settings.MEDIA_ROOT)

"""Lesson-plan documents are kept in private storage, outside the public media
folder, and still reach people only through the checked serving view."""

import importlib
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from resources.models import LessonPlanDocument
from tests.accounts.factories import UserFactory, with_totp
from tests.resources.factories import LessonPlanPageFactory, ParentLinkFactory

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 body parts worksheet"
move = importlib.import_module(
    "resources.migrations.0005_private_documents"
).move_documents_into_private_storage


@pytest.fixture(autouse=True)
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)


@pytest.fixture
def plan(library):
    return LessonPlanPageFactory(parent=library, title="Naming body parts")


def offered(plan, document):
    LessonPlanDocument.objects.create(page=plan, document=document)
    return document


def body_of(client, url):
    response = client.get(url)
    content = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response.status_code, content


def test_a_document_made_in_code_is_stored_privately(client, roots, plan):
    media, private = roots
    document = offered(
        plan, Document.objects.create(title="Worksheet", file=ContentFile(CONTENT, "sheet.pdf"))
    )
    path = Path(document.file.path)
    assert path.is_relative_to(private) and path.read_bytes() == CONTENT
    assert not list(media.rglob("*.pdf"))
    assert document.file.name.startswith("documents/")
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_document_uploaded_in_the_admin_is_stored_privately(client, roots):
    media, private = roots
    client.force_login(with_totp(UserFactory(is_superuser=True, is_staff=True)))
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("consent-cards.pdf", CONTENT, "application/pdf")},
    )
    assert response.status_code == 200, response.content[:500]
    document = Document.objects.get()
    assert Path(document.file.path).is_relative_to(private)
    assert (private / document.file.name).read_bytes() == CONTENT
    assert not list(media.rglob("*.pdf"))
    # The admin's own link goes through the serving view, which editors may use.
    assert body_of(client, document.url) == (200, CONTENT)


def test_it_is_served_to_staff_and_parent_link_holders_only(client, user, plan, school):
    document = offered(
        plan, Document.objects.create(title="Worksheet", file=ContentFile(CONTENT, "sheet.pdf"))
    )
    link = ParentLinkFactory(plan=plan, organisation=school)
    assert body_of(client, document.url)[0] == 404
    assert body_of(client, f"{document.url}?parent={link.token}") == (200, CONTENT)
    client.force_login(user)
    assert body_of(client, document.url) == (200, CONTENT)
    link.revoke()
    client.logout()
    assert body_of(client, f"{document.url}?parent={link.token}")[0] == 404


def _stored_publicly(media: Path, name: str, content: bytes = CONTENT) -> Path:
    """A file as the site stored it before documents moved to private storage."""
    path = media / "documents" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_the_migration_moves_old_public_documents_and_is_safe_to_run_twice(
    client, user, roots, plan
):
    media, private = roots
    old = _stored_publicly(media, "old-plan.pdf")
    orphan = _stored_publicly(media, "nested/unlisted.docx", b"word file")
    document = offered(plan, Document.objects.create(title="Old plan"))
    Document.objects.filter(pk=document.pk).update(file="documents/old-plan.pdf")
    document.refresh_from_db()

    assert move() == 2
    assert not old.exists() and not orphan.exists()
    assert not (media / "documents").exists()
    assert (private / "documents/old-plan.pdf").read_bytes() == CONTENT
    assert (private / "documents/nested/unlisted.docx").read_bytes() == b"word file"
    assert move() == 0  # again: nothing to move, nothing lost
    assert (private / "documents/old-plan.pdf").read_bytes() == CONTENT

    # The row kept its name and is served from its new place.
    client.force_login(user)
    assert body_of(client, document.url) == (200, CONTENT)


def test_a_move_stopped_half_way_finishes_without_losing_a_file(roots):
    media, private = roots
    # Stopped after the copy was renamed into place, before the public delete.
    copied = _stored_publicly(media, "copied.pdf")
    (private / "documents").mkdir(parents=True)
    (private / "documents/copied.pdf").write_bytes(CONTENT)
    # Stopped mid-copy: the partial file is never taken for the document.
    mid_copy = _stored_publicly(media, "mid-copy.pdf")
    (private / "documents/mid-copy.pdf.moving").write_bytes(CONTENT[:5])
    # A different file already holds the name: both are kept.
    clash = _stored_publicly(media, "clash.pdf", b"public version")
    (private / "documents/clash.pdf").write_bytes(b"private version")

    move()
    assert not copied.exists() and not mid_copy.exists()
    assert (private / "documents/copied.pdf").read_bytes() == CONTENT
    assert (private / "documents/mid-copy.pdf").read_bytes() == CONTENT
    assert not (private / "documents/mid-copy.pdf.moving").exists()
    assert clash.read_bytes() == b"public version"
    assert (private / "documents/clash.pdf").read_bytes() == b"private version"

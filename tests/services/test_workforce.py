"""Invitations and imports through the real broker and a real worker process."""

import pytest

from organisations.invitations import invitation_create
from organisations.models import Invitation, Sector, StaffImport, StaffImportState
from organisations.tasks import apply_staff_import, send_invitations
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.services.conftest import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def school(db):
    return OrganisationFactory(name="Riverside Academy", sector=Sector.EDUCATION)


@pytest.fixture
def head(school):
    return MembershipFactory(organisation=school, is_manager=True).user


def mail_to(mail_dir, address):
    return [path for path in mail_dir.iterdir() if address in path.read_text()]


def _invite(school, head, email):
    return invitation_create(
        organisation=school,
        email=email,
        full_name="Wyn Worker",
        job_role="Teacher",
        group=None,
        is_manager=False,
        by=head,
    )


def test_an_invitation_is_emailed_once_by_the_worker_even_if_queued_twice(
    celery_worker_process, mail_dir, school, head
):
    invitation = _invite(school, head, "worker.invite@riverside.sch.example")
    send_invitations.delay([invitation.pk])  # a duplicate message on the broker
    assert wait_for(lambda: Invitation.objects.get(pk=invitation.pk).sends_done == 1)
    send_invitations.delay([invitation.pk])
    # The worker takes one task at a time, in order: once a later invitation's
    # email is out, both duplicates have been handled.
    _invite(school, head, "sentinel@riverside.sch.example")
    assert wait_for(lambda: mail_to(mail_dir, "sentinel@riverside.sch.example"))
    assert len(mail_to(mail_dir, "worker.invite@riverside.sch.example")) == 1


def test_a_confirmed_import_runs_in_the_worker_once(celery_worker_process, school, head):
    content = b"email,full name,job role,workforce group\n" + b"".join(
        f"w{n}@riverside.sch.example,W {n},Teacher,Group 1\n".encode() for n in range(300)
    )
    staff_import = StaffImport.objects.create(
        organisation=school,
        uploaded_by=head,
        filename="staff.csv",
        content=content,
        state=StaffImportState.QUEUED,
    )
    apply_staff_import.delay(staff_import.pk)
    apply_staff_import.delay(staff_import.pk)
    done = wait_for(
        lambda: StaffImport.objects.filter(pk=staff_import.pk, state=StaffImportState.DONE).first(),
        seconds=60,
    )
    assert done and done.result == {"new": 300, "updated": 0, "unchanged": 0}
    assert done.processed == 300
    assert Invitation.objects.filter(organisation=school).count() == 300

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from organisations.models import Invitation, StaffImport, StaffImportState
from organisations.notifications import site_url


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitations(invitation_ids: list[int]) -> int:
    """Email each open invitation whose latest send has not been made. Safe to
    run twice: the send is recorded, under a row lock, before it is made."""
    sent = 0
    for invitation_id in invitation_ids:
        sent += _send_one(invitation_id)
    return sent


def _send_one(invitation_id: int) -> int:
    with transaction.atomic():
        invitation = (
            Invitation.objects.open()
            .select_for_update(skip_locked=True, of=("self",))
            .filter(pk=invitation_id)
            .select_related("organisation", "invited_by")
            .first()
        )
        if invitation is None or invitation.sends_done >= invitation.sends_requested:
            return 0
        invitation.sends_done = invitation.sends_requested
        invitation.last_sent_at = timezone.now()
        invitation.save(update_fields=["sends_done", "last_sent_at"])
        # Sent inside the transaction: if sending fails the record rolls back
        # and the retry sends it; once it succeeds, nothing sends it again.
        _message(invitation).send()
    return 1


def _message(invitation: Invitation) -> EmailMultiAlternatives:
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "service_name": settings.WAGTAIL_SITE_NAME,
        "url": site_url(reverse("organisations:invitation_accept", args=[invitation.token])),
    }
    subject = render_to_string("organisations/email/invitation_subject.txt", context)
    return EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string("organisations/email/invitation_message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
    )


@shared_task
def apply_staff_import(import_id: int) -> None:
    """Import a confirmed staff file. Runs once: a second call finds it taken."""
    from organisations.staff_import import staff_import_apply, staff_import_plan

    with transaction.atomic():
        staff_import = (
            StaffImport.objects.select_for_update(of=("self",))
            .select_related("organisation__partnership", "uploaded_by")
            .filter(pk=import_id, state=StaffImportState.QUEUED)
            .first()
        )
        if staff_import is None:
            return
        staff_import.state = StaffImportState.RUNNING
        staff_import.save(update_fields=["state"])
    organisation = staff_import.organisation
    # Compared again now: the staff may have changed since the preview.
    plan = staff_import_plan(
        organisation=organisation,
        filename=staff_import.filename,
        content=bytes(staff_import.content),
    )
    if plan.problems:
        _finish(
            staff_import, StaffImportState.FAILED, {"problems": [str(p) for p in plan.problems]}
        )
        return
    StaffImport.objects.filter(pk=import_id).update(total=plan.total)

    def progress(done):
        StaffImport.objects.filter(pk=import_id).update(processed=done)

    counts = staff_import_apply(
        organisation=organisation, plan=plan, by=staff_import.uploaded_by, progress=progress
    )
    _finish(staff_import, StaffImportState.DONE, counts)


def _finish(staff_import, state, result) -> None:
    StaffImport.objects.filter(pk=staff_import.pk).update(
        state=state, result=result, finished_at=timezone.now()
    )

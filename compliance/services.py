"""Writes: requirements (make, change, retire) and records of training done
elsewhere or exemptions (submit, decide). Each keeps assignments current by
enqueueing a recompute once it commits."""

import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from compliance.models import ExternalRecord, RecordKind, RecordState, Requirement
from compliance.uploads import evidence_type

REQUIREMENT_FIELDS = (
    "course",
    "renewal_course",
    "sectors",
    "starts_on",
    "due_within_days",
    "due_by",
    "validity_months",
    "window_days",
    "target_percent",
)


def _recompute_requirement_later(requirement: Requirement) -> None:
    from compliance.tasks import recompute_requirement

    recompute_requirement.delay_on_commit(requirement.pk)


def _check(requirement: Requirement) -> None:
    if requirement.due_by and requirement.due_by < requirement.starts_on:
        raise ValidationError("The fixed due date must be on or after the start date.")
    if requirement.renewal_course_id and requirement.renewal_course_id == requirement.course_id:
        raise ValidationError("Choose a different renewal course, or none.")


@transaction.atomic
def requirement_create(
    *, partnership, by, organisations=(), groups=(), owner_organisation=None, **values
) -> Requirement:
    """Require a course of an audience; everyone it covers is assigned on commit."""
    requirement = Requirement(
        partnership=partnership, owner_organisation=owner_organisation, created_by=by, **values
    )
    _check(requirement)
    requirement.save()
    requirement.organisations.set(organisations)
    requirement.groups.set(groups)
    log(requirement, "wagtail.create", user=by)
    _recompute_requirement_later(requirement)
    return requirement


@transaction.atomic
def requirement_update(
    *, requirement: Requirement, by, organisations=(), groups=(), **values
) -> Requirement:
    """Change a requirement; assignments follow on commit (first due dates stay)."""
    if requirement.is_retired:
        raise ValidationError("A retired requirement cannot be changed.")
    for field, value in values.items():
        if field not in REQUIREMENT_FIELDS:
            raise TypeError(field)
        setattr(requirement, field, value)
    _check(requirement)
    requirement.save()
    requirement.organisations.set(organisations)
    requirement.groups.set(groups)
    log(requirement, "wagtail.edit", user=by)
    _recompute_requirement_later(requirement)
    return requirement


@transaction.atomic
def requirement_retire(*, requirement: Requirement, by) -> Requirement:
    """Retire: no more reminders and no more changes; every row stays as history."""
    locked = Requirement.objects.select_for_update().get(pk=requirement.pk)
    if locked.retired_at is None:
        locked.retired_at = timezone.now()
        locked.save(update_fields=["retired_at"])
        log(locked, "compliance.requirement.retire", user=by)
    return locked


@transaction.atomic
def record_submit(
    *,
    user,
    requirement: Requirement,
    by,
    kind: str,
    provider: str = "",
    completed_on: date | None = None,
    reason: str = "",
    evidence=None,
) -> ExternalRecord:
    """Record training done elsewhere, or ask for an exemption, for a manager to decide."""
    if kind == RecordKind.PRIOR_LEARNING and (not completed_on or not provider.strip()):
        raise ValidationError("Give the provider and the date the training was completed.")
    if kind == RecordKind.PRIOR_LEARNING and completed_on > timezone.localdate():
        raise ValidationError("The completion date must be today or in the past.")
    if kind == RecordKind.EXEMPTION and not reason.strip():
        raise ValidationError("Give the reason for the exemption.")
    record = ExternalRecord(
        user=user,
        requirement=requirement,
        kind=kind,
        provider=provider.strip(),
        completed_on=completed_on,
        reason=reason.strip(),
        submitted_by=by,
        token=secrets.token_hex(16),
    )
    if evidence is not None:
        record.evidence_type, extension = evidence_type(evidence)
        record.evidence.save(f"evidence.{extension}", evidence, save=False)
    record.save()
    log(record, "wagtail.create", user=by)
    return record


@transaction.atomic
def record_decide(
    *, record: ExternalRecord, by, approve: bool, expires_on: date | None = None, note: str = ""
) -> ExternalRecord:
    """A manager approves (counting as completed, or exempt, until ``expires_on``)
    or declines. Deciding twice changes nothing: the first decision stands."""
    locked = ExternalRecord.objects.select_for_update().get(pk=record.pk)
    if locked.state != RecordState.PENDING:
        raise ValidationError("This record has already been decided.")
    if locked.user_id == by.pk:
        raise ValidationError("Someone else must decide your own record.")
    if approve and locked.kind == RecordKind.PRIOR_LEARNING and expires_on is None:
        raise ValidationError("Give the date the training done elsewhere runs out.")
    if approve and expires_on and expires_on <= timezone.localdate():
        raise ValidationError("The expiry date must be in the future.")
    locked.state = RecordState.APPROVED if approve else RecordState.DECLINED
    locked.expires_on = expires_on if approve else None
    locked.decided_by, locked.decided_at, locked.decision_note = by, timezone.now(), note.strip()
    locked.save()
    log(locked, "compliance.record.approve" if approve else "compliance.record.decline", user=by)
    from compliance.tasks import recompute_person

    recompute_person.delay_on_commit(locked.user_id)
    return locked

"""Writes to the delivery log and to parent links.

Callers have already checked access: the teacher belongs to the school
(``resources.access.schools_for_teacher``), the user manages it
(``schools_managed_by``), or the entry is theirs (``delivery_for_editing``).
"""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from organisations.models import Organisation
from resources.models import Delivery, LessonPlanPage, ParentLink
from resources.selectors.deliveries import delivery_likely_duplicates

DUPLICATE_MESSAGE = (
    "You have already logged this lesson for this class on this date. "
    "If you taught it again, tick 'Log it anyway'"
)
REUSED_FORM_MESSAGE = "This form has already been used. Check your log, then try again"


def _check_duplicate(*, delivery: Delivery, confirm_duplicate: bool) -> None:
    if confirm_duplicate:
        return
    if delivery_likely_duplicates(
        teacher=delivery.teacher,
        plan=delivery.plan,
        year_group=delivery.year_group,
        class_name=delivery.class_name,
        delivered_on=delivery.delivered_on,
        exclude_pk=delivery.pk,
    ).exists():
        raise ValidationError({"confirm_duplicate": DUPLICATE_MESSAGE})


@transaction.atomic
def delivery_create(
    *,
    teacher,
    organisation: Organisation,
    plan: LessonPlanPage,
    year_group: int,
    class_name: str,
    delivered_on: date,
    pupils: int,
    notes: str,
    submission_token: uuid.UUID,
    confirm_duplicate: bool = False,
) -> Delivery:
    """Log a lesson. Submitting the same form again (same token) returns the
    entry it made instead of a second one; a likely duplicate (same teacher,
    plan, class and date) needs ``confirm_duplicate``.

    Raises ``ValidationError`` for an invalid entry or an unconfirmed duplicate.
    """
    existing = Delivery.objects.filter(submission_token=submission_token).first()
    if existing is not None:
        if existing.teacher_id == teacher.pk:
            return existing
        raise ValidationError(REUSED_FORM_MESSAGE)
    delivery = Delivery(
        teacher=teacher,
        organisation=organisation,
        plan=plan,
        year_group=year_group,
        class_name=class_name.strip(),
        delivered_on=delivered_on,
        pupils=pupils,
        notes=notes.strip(),
        submission_token=submission_token,
    )
    delivery.full_clean(exclude=["submission_token"])
    _check_duplicate(delivery=delivery, confirm_duplicate=confirm_duplicate)
    try:
        with transaction.atomic():
            delivery.save()
    except IntegrityError:
        # A simultaneous submission of the same form won the race.
        return Delivery.objects.get(submission_token=submission_token, teacher=teacher)
    return delivery


@transaction.atomic
def delivery_update(
    *,
    delivery: Delivery,
    organisation: Organisation,
    plan: LessonPlanPage,
    year_group: int,
    class_name: str,
    delivered_on: date,
    pupils: int,
    notes: str,
    confirm_duplicate: bool = False,
) -> Delivery:
    """Change an entry, with the same rules as logging one."""
    delivery.organisation = organisation
    delivery.plan = plan
    delivery.year_group = year_group
    delivery.class_name = class_name.strip()
    delivery.delivered_on = delivered_on
    delivery.pupils = pupils
    delivery.notes = notes.strip()
    delivery.full_clean()
    _check_duplicate(delivery=delivery, confirm_duplicate=confirm_duplicate)
    delivery.save()
    return delivery


@transaction.atomic
def parent_link_create(
    *, organisation: Organisation, plan: LessonPlanPage, created_by
) -> ParentLink:
    """The school's open link to ``plan`` for parents, made if there is none."""
    link = ParentLink.objects.open().filter(organisation=organisation, plan=plan).first()
    if link is not None:
        return link
    try:
        with transaction.atomic():
            return ParentLink.objects.create(
                organisation=organisation, plan=plan, created_by=created_by
            )
    except IntegrityError:
        return ParentLink.objects.open().get(organisation=organisation, plan=plan)

"""What the delivery log shows and exports."""

from datetime import date

from django.db.models import QuerySet

from organisations.models import Organisation
from resources.access import deliveries_editable_by
from resources.models import Delivery, LessonPlanPage

# What the log's tables show: never a plan's StreamFields, which are large.
LOG_COLUMNS = [
    "id",
    "delivered_on",
    "year_group",
    "class_name",
    "pupils",
    "organisation__name",
    "plan__title",
    "plan__key_stage",
]


def deliveries_of_teacher(*, user) -> QuerySet[Delivery]:
    """The entries ``user`` logged, newest first."""
    return deliveries_editable_by(user).select_related("plan", "organisation").only(*LOG_COLUMNS)


def deliveries_of_school(*, school: Organisation) -> QuerySet[Delivery]:
    """Every entry of a school the caller may see, newest first."""
    return (
        Delivery.objects.filter(organisation=school)
        .select_related("plan", "organisation", "teacher")
        .only(*LOG_COLUMNS, "teacher__full_name")
    )


EXPORT_COLUMNS = [
    "delivered_on",
    "organisation__name",
    "plan__title",
    "plan__key_stage",
    "year_group",
    "class_name",
    "pupils",
    "teacher__full_name",
    "notes",
    "created_at",
]


def delivery_export_rows(*, school: Organisation):
    """The school's log as plain tuples in ``EXPORT_COLUMNS`` order, read in
    chunks so memory stays flat however long the log is."""
    return (
        Delivery.objects.filter(organisation=school)
        .order_by("delivered_on", "pk")
        .values_list(*EXPORT_COLUMNS)
        .iterator(chunk_size=2000)
    )


def delivery_likely_duplicates(
    *,
    teacher,
    plan: LessonPlanPage,
    year_group: int,
    class_name: str,
    delivered_on: date,
    exclude_pk: int | None = None,
) -> QuerySet[Delivery]:
    """Entries by the same teacher for the same plan, class and date."""
    duplicates = Delivery.objects.filter(
        teacher=teacher,
        plan=plan,
        year_group=year_group,
        class_name__iexact=class_name.strip(),
        delivered_on=delivered_on,
    )
    return duplicates.exclude(pk=exclude_pk) if exclude_pk else duplicates

from celery import shared_task
from django.utils import timezone

from organisations.models import Partnership
from reports.snapshots import is_month_end, take_snapshot


@shared_task
def take_month_end_snapshots() -> int:
    """Run every evening; on a month's last day it snapshots every partnership.
    Safe to run twice: a day already snapshotted writes nothing."""
    today = timezone.localdate()
    if not is_month_end(today):
        return 0
    return sum(take_snapshot(p, as_at=today) for p in Partnership.objects.order_by("pk"))


@shared_task
def prepare_evidence_packs() -> int:
    """Run on the first of each month: last month's pack for every partnership,
    and one email per lead. Safe to run twice."""
    from reports.packs import prepare_monthly_packs

    return prepare_monthly_packs()

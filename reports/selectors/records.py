"""Every training record of a partnership's workforce, for the full export.

One query joins what each row needs (person, membership, organisation, group,
enrolment, course, certificate) and is read through a server-side cursor in
chunks, so memory stays flat however many records there are and no row costs
a query of its own.
"""

from collections.abc import Iterator

from django.db import transaction
from django.utils import timezone

from courses.models import Enrolment
from organisations.models import MembershipState, Partnership, Sector

HEADER = [
    "Name",
    "Email",
    "Organisation",
    "Sector",
    "Workforce group",
    "Course",
    "Started at",
    "Completed at",
    "Certificate code",
    "Certificate issued at",
    "Certificate valid until",
    "Revoked",
]
CHUNK = 2000
# Filtered and read through the same membership join, so each row names the
# organisation of the active membership that put it in the export.
COLUMNS = (
    "user__full_name",
    "user__email",
    "user__memberships__organisation__name",
    "user__memberships__organisation__sector",
    "user__memberships__group__name",
    "course__title",
    "started_at",
    "completed_at",
    "certificate__code",
    "certificate__issued_at",
    "certificate__expires_at",
    "certificate__revoked_at",
)


def records_of(partnership: Partnership):
    """The values of each row, one per enrolment per active membership in the
    partnership's organisations.

    In no particular order: sorting two million rows would make the server
    read them all before sending the first, and whoever opens the file sorts
    and filters it in their spreadsheet anyway."""
    return (
        Enrolment.objects.filter(
            user__memberships__state=MembershipState.ACTIVE,
            user__memberships__organisation__partnership=partnership,
        )
        .order_by()
        .values_list(*COLUMNS)
    )


def _local(moment, zone, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return moment.astimezone(zone).strftime(fmt) if moment else ""


def record_rows(partnership: Partnership) -> Iterator[list]:
    """The export's rows, read lazily. Times are local (UK) time."""
    sectors = dict(Sector.choices)
    zone = timezone.get_current_timezone()  # looked up once, not per cell
    # A transaction lets the cursor stream as it is read (outside one it would
    # be held open past commit, which makes the server build the whole result
    # first), and every row comes from one consistent snapshot.
    with transaction.atomic():
        rows = records_of(partnership).iterator(chunk_size=CHUNK)
        for name, email, org, sector, group, course, started, completed, *cert in rows:
            code, issued, expires, revoked = cert
            yield [
                name,
                email,
                org,
                sectors.get(sector, sector),
                group or "",
                course,
                _local(started, zone),
                _local(completed, zone),
                code or "",
                _local(issued, zone),
                _local(expires, zone, "%Y-%m-%d"),
                ("Yes" if revoked else "No") if code else "",
            ]

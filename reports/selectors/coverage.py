"""Coverage of mandatory training: who is assigned, who has completed, who is
due soon or overdue, by requirement, sector and organisation.

Read live from the one current row per (person, requirement) that compliance
keeps (``compliance.Assignment``, rebuilt nightly), in a fixed number of
queries whatever the size of the partnership: one for the requirements (and
two for their audiences), one for the organisations with their active members,
and one grouped count of assignments.

The categories do not overlap (docs/decisions.md, "Reports: what the figures
count"):

- completed: a completion that counts today, including one in its renewal window;
- due soon: not completed, due within 30 days;
- overdue: not completed and past due, or a completion that has expired;
- exempt: an approved exemption in force.

Coverage is completed ÷ the larger of the declared headcount and the active
members (for a requirement limited to workforce groups, whose headcount is not
declared, ÷ the members assigned).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from compliance.models import Assignment, AssignmentStatus, Requirement
from organisations.models import (
    Membership,
    MembershipState,
    Organisation,
    Partnership,
    Sector,
)

S = AssignmentStatus
SECTOR_LABELS = dict(Sector.choices)
COUNTED = {
    "assigned": Q(),
    "completed": Q(status=S.COMPLETED) | Q(status=S.DUE_SOON, cycle__gt=0),
    "due_soon": Q(status=S.DUE_SOON, cycle=0),
    "overdue": Q(status__in=[S.OVERDUE, S.EXPIRED]),
    "exempt": Q(status=S.EXEMPT),
}


@dataclass
class Counts:
    headcount: int = 0
    members: int = 0
    assigned: int = 0
    completed: int = 0
    due_soon: int = 0
    overdue: int = 0
    exempt: int = 0
    denominator: int = 0

    def add(self, other: "Counts") -> None:
        # Spelt out: this runs for every organisation of every requirement.
        self.headcount += other.headcount
        self.members += other.members
        self.assigned += other.assigned
        self.completed += other.completed
        self.due_soon += other.due_soon
        self.overdue += other.overdue
        self.exempt += other.exempt
        self.denominator += other.denominator

    @property
    def coverage(self) -> float | None:
        """Percentage to one decimal place; None when there is no one to count."""
        if not self.denominator:
            return None
        return round(100 * self.completed / self.denominator, 1)

    def below(self, target: int) -> bool:
        """Whether coverage is under ``target`` per cent, compared exactly (not
        after rounding)."""
        return bool(self.denominator) and 100 * self.completed < target * self.denominator


@dataclass
class Row:
    """One organisation, one sector or the partnership, on one requirement."""

    label: str
    counts: Counts
    target: int
    sector: str = ""
    organisation: "Organisation | Staffed | None" = None

    @property
    def below_target(self) -> bool:
        return self.counts.below(self.target)

    @property
    def sector_label(self) -> str:
        return SECTOR_LABELS.get(self.sector, self.sector)


@dataclass
class RequirementCoverage:
    requirement: Requirement
    total: Row
    sectors: list[Row] = field(default_factory=list)
    organisations: list[Row] = field(default_factory=list)

    @property
    def target(self) -> int:
        return self.requirement.target_percent


def named_organisations(requirement: Requirement) -> set[int]:
    """The organisations a requirement names (none: not limited by name).
    Needs ``organisations`` prefetched."""
    return {o.pk for o in requirement.organisations.all()}


def in_scope(requirement: Requirement, organisation: "Organisation | Staffed", named=None) -> bool:
    """Whether ``organisation``'s staff are in the requirement's audience, by
    partnership, owner, sector and named organisations (groups apart).
    ``named`` is ``named_organisations(requirement)``, given by a caller that
    asks about many organisations."""
    if organisation.partnership_id != requirement.partnership_id:
        return False
    if requirement.owner_organisation_id and organisation.pk != requirement.owner_organisation_id:
        return False
    if requirement.sectors and organisation.sector not in requirement.sectors:
        return False
    if named is None:
        named = named_organisations(requirement)
    return not named or organisation.pk in named


def denominator(requirement: Requirement, counts: Counts, by_group=None) -> int:
    """What coverage divides by, for one organisation on one requirement.
    ``by_group`` is whether the requirement is limited to workforce groups
    (read from the prefetched groups when not given)."""
    if by_group is None:
        by_group = bool(requirement.groups.all())
    if by_group:
        return counts.assigned
    return max(counts.headcount, counts.members)


def requirements_of(partnership: Partnership, requirement_ids: Iterable[int] | None = None):
    """The partnership's current requirements, with what ``in_scope`` needs."""
    requirements = (
        Requirement.objects.current()
        .filter(partnership=partnership)
        .select_related("course", "owner_organisation")
        .prefetch_related("organisations", "groups")
        .order_by("course__title", "pk")
    )
    if requirement_ids is not None:
        requirements = requirements.filter(pk__in=list(requirement_ids))
    return list(requirements)


@dataclass(frozen=True)
class Staffed:
    """What the coverage figures need of one organisation: who it is, its
    declared headcount and how many active members it has. Read as plain
    values (the dashboard reads 200 at once, and a model instance each cost
    more than the query)."""

    pk: int
    partnership_id: int
    name: str
    sector: str
    headcount: int
    members: int


def organisations_with_members(partnership: Partnership, *, sector: str = "") -> list[Staffed]:
    # A count per organisation, rather than a join of every membership, lets
    # the database count each one from the (organisation, state) index alone.
    active = (
        Membership.objects.filter(organisation=OuterRef("pk"), state=MembershipState.ACTIVE)
        .order_by()
        .values("organisation")
        .annotate(n=Count("*"))
        .values("n")
    )
    organisations = Organisation.objects.filter(partnership=partnership).annotate(
        members=Coalesce(Subquery(active), 0)
    )
    if sector:
        organisations = organisations.filter(sector=sector)
    values = organisations.order_by("name", "pk").values_list(
        "pk", "partnership_id", "name", "sector", "headcount", "members"
    )
    return [Staffed(*row) for row in values]


def category_of(status: str, cycle: int) -> str | None:
    """The one category besides "assigned" that an assignment with ``status``
    in ``cycle`` counts in (None for not started and in progress): the rules
    of ``COUNTED``, for counts already grouped by status and cycle."""
    if status == S.COMPLETED or (status == S.DUE_SOON and cycle > 0):
        return "completed"
    if status == S.DUE_SOON:
        return "due_soon"
    if status in (S.OVERDUE, S.EXPIRED):
        return "overdue"
    if status == S.EXEMPT:
        return "exempt"
    return None


def assignment_counts(requirements: list[Requirement], organisation_ids=None) -> dict:
    """{(requirement id, organisation id): {category: n}} in one grouped query.

    Grouped by exactly the columns of the covering index (requirement,
    in_audience, organisation, status, cycle), the database counts in index
    order from the index alone; the few thousand groups are then folded into
    categories here. Counting filtered columns in the database instead made it
    read the table."""
    if not requirements:
        return {}
    rows = Assignment.objects.filter(requirement__in=[r.pk for r in requirements], in_audience=True)
    if organisation_ids is not None:
        rows = rows.filter(organisation_id__in=list(organisation_ids))
    grouped = (
        rows.values_list("requirement_id", "organisation_id", "status", "cycle")
        .annotate(n=Count("*"))
        .order_by()
    )
    counted: dict = {}
    for requirement_id, organisation_id, status, cycle, n in grouped:
        found = counted.get((requirement_id, organisation_id))
        if found is None:
            found = counted[(requirement_id, organisation_id)] = dict.fromkeys(COUNTED, 0)
        found["assigned"] += n
        category = category_of(status, cycle)
        if category:
            found[category] += n
    return counted


def partnership_coverage(
    partnership: Partnership,
    *,
    sector: str = "",
    requirement_ids: Iterable[int] | None = None,
    requirements: list[Requirement] | None = None,
) -> list[RequirementCoverage]:
    """Each current requirement's figures for the partnership (or one sector of
    it): the total, each sector and each organisation in its audience.
    ``requirements`` is ``requirements_of(partnership)``, for a caller that has
    read it already."""
    if requirements is None:
        requirements = requirements_of(partnership, requirement_ids)
    organisations = organisations_with_members(partnership, sector=sector)
    counted = assignment_counts(requirements, [o.pk for o in organisations] if sector else None)
    return [_coverage(requirement, organisations, counted) for requirement in requirements]


def organisation_counts(requirement, organisation, counted: dict, by_group=None) -> Counts:
    found = counted.get((requirement.pk, organisation.pk), {})
    counts = Counts(headcount=organisation.headcount, members=organisation.members, **found)
    counts.denominator = denominator(requirement, counts, by_group)
    return counts


def _coverage(requirement, organisations, counted) -> RequirementCoverage:
    target = requirement.target_percent
    total = Row("All organisations", Counts(), target)
    sectors: dict[str, Row] = {}
    rows = []
    named = named_organisations(requirement)
    by_group = bool(requirement.groups.all())
    for organisation in organisations:
        if not in_scope(requirement, organisation, named) and (
            (requirement.pk, organisation.pk) not in counted
        ):
            continue
        counts = organisation_counts(requirement, organisation, counted, by_group)
        rows.append(Row(organisation.name, counts, target, organisation.sector, organisation))
        total.counts.add(counts)
        sector_row = sectors.setdefault(
            organisation.sector, Row("", Counts(), target, organisation.sector)
        )
        sector_row.counts.add(counts)
    for row in sectors.values():
        row.label = row.sector_label
    return RequirementCoverage(
        requirement, total, sorted(sectors.values(), key=lambda r: r.label), rows
    )


SORTS = {
    "name": lambda row: row.label.lower(),
    "sector": lambda row: (row.sector_label, row.label.lower()),
    "coverage": lambda row: (row.counts.coverage is None, row.counts.coverage or 0),
    "overdue": lambda row: row.counts.overdue,
    "assigned": lambda row: row.counts.assigned,
}


def sort_rows(rows: list[Row], key: str, descending: bool = False) -> list[Row]:
    """``rows`` ordered by one of ``SORTS`` (by name if ``key`` is unknown)."""
    return sorted(rows, key=SORTS.get(key, SORTS["name"]), reverse=descending)


def month_ends(until: date, months: int = 12) -> list[date]:
    """The last day of each of the ``months`` months up to and including the
    month before ``until``'s, oldest first."""
    ends = []
    first = until.replace(day=1)
    for _ in range(months):
        end = first.fromordinal(first.toordinal() - 1)
        ends.append(end)
        first = end.replace(day=1)
    return ends[::-1]

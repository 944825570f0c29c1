"""Importing a staff list: compare the file with the organisation's staff and
open invitations as sets, then write only the differences in bulk.

Importing the same file twice writes nothing the second time and sends nothing.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.mfa_policy import mfa_status_forget
from organisations.invitations import invitations_enqueue
from organisations.models import Invitation, Membership, Organisation, WorkforceGroup
from organisations.selectors import workforce_groups_of
from organisations.staff_files import Problem, read_staff_file

BATCH = 1000
INVITATION_FIELDS = ["full_name", "job_role", "group_id", "is_manager"]
MEMBER_FIELDS = ["job_role", "group_id", "is_manager"]


@dataclass
class ImportPlan:
    problems: list[Problem] = field(default_factory=list)
    new: list[dict] = field(default_factory=list)
    invitation_updates: list[tuple[int, dict]] = field(default_factory=list)
    member_updates: list[tuple[int, dict]] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    has_manager_column: bool = False
    # Users whose manager flag the import changes: their MFA status is re-read.
    manager_changes: list[int] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new),
            "updated": len(self.invitation_updates) + len(self.member_updates),
            "unchanged": len(self.unchanged),
        }

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _group_lookup(groups: list[WorkforceGroup]) -> dict[str, WorkforceGroup]:
    """Groups by full name and by the label before a colon ("Group 2")."""
    lookup = {}
    for group in groups:
        lookup.setdefault(group.name.split(":")[0].strip().lower(), group)
        lookup[group.name.strip().lower()] = group
    return lookup


def staff_import_plan(*, organisation: Organisation, filename: str, content: bytes):
    """What importing the file would do, or every problem with it. Reads only."""
    parsed = read_staff_file(filename, content)
    plan = ImportPlan(problems=parsed.problems)
    plan.has_manager_column = "is_manager" in parsed.columns
    if plan.problems:
        return plan
    groups = workforce_groups_of(organisation.partnership)
    lookup = _group_lookup(groups)
    default = next((g for g in groups if g.is_default), groups[0])
    for row in parsed.rows:
        group = lookup.get(row["group"].lower()) if row["group"] else default
        if group is None:
            names = "; ".join(g.name for g in groups)
            plan.problems.append(
                Problem(row["row"], "workforce group", f"No group “{row['group']}”. Use: {names}.")
            )
        row["group_id"] = group.pk if group else None
    if plan.problems:
        return plan
    _diff(plan, organisation, parsed.rows)
    return plan


def _diff(plan: ImportPlan, organisation: Organisation, rows: list[dict]) -> None:
    members = {
        row["address"]: row
        for row in Membership.objects.active()
        .filter(organisation=organisation)
        .annotate(address=Lower("user__email"))
        .values("pk", "user_id", "address", *MEMBER_FIELDS)
    }
    invited = {
        row["address"]: row
        for row in Invitation.objects.open()
        .filter(organisation=organisation)
        .annotate(address=Lower("email"))
        .values("pk", "address", *INVITATION_FIELDS)
    }
    member_fields = MEMBER_FIELDS if plan.has_manager_column else MEMBER_FIELDS[:2]
    for row in rows:
        current, fields, target = members.get(row["email"]), member_fields, plan.member_updates
        if current is None:
            current, fields = invited.get(row["email"]), INVITATION_FIELDS
            target = plan.invitation_updates
        if current is None:
            plan.new.append(row)
        elif any(current[name] != row[name] for name in fields):
            target.append((current["pk"], {name: row[name] for name in fields}))
            if target is plan.member_updates and current["is_manager"] != row["is_manager"]:
                plan.manager_changes.append(current["user_id"])
        else:
            plan.unchanged.append(row)


def staff_import_apply(*, organisation: Organisation, plan: ImportPlan, by, progress=None):
    """Write the plan's differences in batches, each in its own transaction, and
    queue the new invitations' emails. ``progress(done)`` is called per batch."""
    done = len(plan.unchanged)
    for start in range(0, len(plan.new), BATCH):
        _create_invitations(organisation, plan.new[start : start + BATCH], by)
        done += len(plan.new[start : start + BATCH])
        progress and progress(done)
    if plan.invitation_updates or plan.member_updates:
        with transaction.atomic():
            _update(Invitation, plan.invitation_updates)
            _update(Membership, plan.member_updates)
            _log_member_changes(plan.member_updates, by)
        for user_id in plan.manager_changes:  # bulk updates send no signals
            mfa_status_forget(user_id)
    done += len(plan.invitation_updates) + len(plan.member_updates)
    progress and progress(done)
    return plan.counts


@transaction.atomic
def _create_invitations(organisation: Organisation, rows: list[dict], by) -> None:
    made = Invitation.objects.bulk_create(
        [
            Invitation(
                organisation=organisation,
                email=row["email"],
                full_name=row["full_name"],
                job_role=row["job_role"],
                group_id=row["group_id"],
                is_manager=row["is_manager"],
                invited_by=by,
            )
            for row in rows
        ],
        batch_size=BATCH,
    )
    invitations_enqueue([invitation.pk for invitation in made])


def _update(model, updates: list[tuple[int, dict]]) -> None:
    if not updates:
        return
    objects = [model(pk=pk, **values) for pk, values in updates]
    fields = sorted({name for _, values in updates for name in values})
    model.objects.bulk_update(objects, fields, batch_size=BATCH)


def _log_member_changes(updates: list[tuple[int, dict]], by) -> None:
    """One log entry per changed member, written in bulk (who, when, what)."""
    if not updates:
        return
    content_type = ContentType.objects.get_for_model(Membership)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(pk),
                label=f"Membership {pk}",
                action="organisations.membership.change",
                data={"imported": values},
                timestamp=now,
                user=by,
            )
            for pk, values in updates
        ],
        batch_size=BATCH,
    )

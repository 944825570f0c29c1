"""Deciding what a loader may write, and reporting what it did.

The rule, for pages and for snippets with revisions alike: an object is
refreshed from its source only while it is exactly as the loader left it. The
loader saves its revisions with no user; any revision by a person (an edit, a
draft, a revert, a workflow submission), unpublishing, or a lock hands the
object to the editors for good.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

OUTCOMES = ("created", "updated", "unchanged", "kept")


def edited_since_load(obj) -> bool:
    """True when someone may have changed ``obj`` since the loader published it."""
    if not obj.live or obj.has_unpublished_changes or obj.locked:
        return True
    revision = obj.latest_revision
    return revision is None or revision.user_id is not None or obj.live_revision_id != revision.pk


def load_outcome(obj, *, digest: str) -> str:
    """What loading a source with hash ``digest`` onto ``obj`` (None: not yet
    loaded) should do: "created", "unchanged", "kept" (an editor's now) or
    "updated"."""
    if obj is None:
        return "created"
    if obj.source_hash == digest:
        return "unchanged"
    if edited_since_load(obj):
        return "kept"
    return "updated"


def publish(obj) -> None:
    """Save a revision as the loader (no user) and publish it, both logged."""
    obj.save_revision(log_action=True).publish(log_action=True)


@dataclass
class LoadReport:
    """The source keys each outcome applied to, and files that could not be read."""

    keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)

    def record(self, outcome: str, key: str) -> None:
        self.keys[outcome].append(key)

    @property
    def counts(self) -> Counter:
        return Counter({name: len(self.keys[name]) for name in OUTCOMES if self.keys[name]})

    created = property(lambda self: self.keys["created"])
    updated = property(lambda self: self.keys["updated"])
    unchanged = property(lambda self: self.keys["unchanged"])
    kept = property(lambda self: self.keys["kept"])

    def summary(self) -> str:
        return ", ".join(f"{len(self.keys[name])} {name}" for name in OUTCOMES)

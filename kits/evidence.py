"""Records that are evidence are never deleted from the admin.

Learner records, attempts and logged lessons are protected in the database
(``on_delete=PROTECT``); this kit turns the refusal into an explanation instead
of an error page, for single and bulk deletes of pages, snippets and users.

An app names what it protects once, in its ``wagtail_hooks.py``::

    protect_evidence(
        reason="learners have enrolled on it",
        pages=lambda pages: Enrolment.objects.filter(rows_under(pages, "course")).exists(),
    )

``pages`` answers whether any of the pages, or a page below one of them, has
records; ``objects`` does the same for other model instances (snippets, users).
The hooks in ``kits.wagtail_hooks`` ask every guard before any delete.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Model, Q
from wagtail.models import Page

ADVICE = {
    "page": "Unpublish it instead: the records are kept.",
    "object": "Unpublish it instead: the records are kept.",
    "user": "Deactivate the account instead: the records are kept.",
}


@dataclass(frozen=True)
class EvidenceGuard:
    reason: str
    pages: Callable[[Sequence[Page]], bool] | None = None
    objects: Callable[[Sequence[Model]], bool] | None = None
    advice: str = ""

    def refuses(self, items: Sequence) -> bool:
        pages = [item for item in items if isinstance(item, Page)]
        others = [item for item in items if not isinstance(item, Page)]
        return bool(
            (pages and self.pages and self.pages(pages))
            or (others and self.objects and self.objects(others))
        )


_guards: list[EvidenceGuard] = []


def protect_evidence(
    *,
    reason: str,
    pages: Callable[[Sequence[Page]], bool] | None = None,
    objects: Callable[[Sequence[Model]], bool] | None = None,
    advice: str = "",
) -> None:
    """Refuse to delete pages or objects for which ``pages``/``objects`` say
    records exist; the editor is told ``reason`` and what to do instead."""
    _guards.append(EvidenceGuard(reason=reason, pages=pages, objects=objects, advice=advice))


def rows_under(pages: Sequence[Page], field: str) -> Q:
    """Rows whose ``field`` (a page foreign key) is one of ``pages`` or below one."""
    where = Q(pk__in=[])
    for page in pages:
        where |= Q(**{f"{field}__path__startswith": page.path})
    return where


def refusal(items: Sequence, *, kind: str) -> str | None:
    """The explanation for refusing to delete ``items``, or None to allow it."""
    for guard in _guards:
        if guard.refuses(items):
            what = f"“{items[0]}”" if len(items) == 1 else "Some of these items"
            advice = guard.advice or ADVICE[kind]
            return f"{what} cannot be deleted because {guard.reason}. {advice}"
    return None

"""The school's delivery log as rows for ``kits.tabular`` (streamed CSV, safe
to open in a spreadsheet)."""

from collections.abc import Iterable, Iterator

from resources.models import KeyStage

HEADER = [
    "Date taught",
    "School",
    "Lesson plan",
    "Key stage",
    "Year group",
    "Class",
    "Pupils",
    "Teacher",
    "Notes",
    "Logged at",
]


def delivery_rows(rows: Iterable[tuple]) -> Iterator[list]:
    """Rows from ``selectors.delivery_export_rows`` in the order of ``HEADER``."""
    key_stages = dict(KeyStage.choices)
    for (
        delivered_on,
        school,
        plan,
        key_stage,
        year_group,
        class_name,
        pupils,
        teacher,
        notes,
        created_at,
    ) in rows:
        yield [
            delivered_on.isoformat(),
            school,
            plan,
            key_stages.get(key_stage, key_stage),
            year_group,
            class_name,
            pupils,
            teacher if teacher is not None else "(account deleted)",
            notes,
            created_at.isoformat(timespec="seconds"),
        ]

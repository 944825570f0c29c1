"""The school's delivery log as CSV, streamed, safe to open in a spreadsheet."""

import csv
from collections.abc import Iterable, Iterator

from resources.models import KeyStage

# A cell starting with one of these is read as a formula by spreadsheets
# (OWASP "CSV injection"); a leading quote makes it plain text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

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


def csv_safe(value) -> str:
    """``value`` as text, with a leading formula character neutralised."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


class _Echo:
    """A file-like object whose write() hands the line back to the caller."""

    def write(self, value: str) -> str:
        return value


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


def csv_lines(rows: Iterable[list]) -> Iterator[str]:
    """The header and each row as CSV text, one line at a time."""
    writer = csv.writer(_Echo())
    # A byte-order mark so spreadsheet programs read the file as UTF-8.
    yield "\ufeff" + writer.writerow(HEADER)
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])

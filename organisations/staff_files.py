"""Reading a staff list from a CSV or XLSX file into checked rows.

Every problem is reported with its row number (as a spreadsheet shows it, the
header being row 1) and column name; nothing is written here.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

MAX_ROWS = 50_000
COLUMNS = {
    "email": "email",
    "email address": "email",
    "full name": "full_name",
    "name": "full_name",
    "job role": "job_role",
    "role": "job_role",
    "workforce group": "group",
    "group": "group",
    "manager": "is_manager",
}
REQUIRED = ["email", "full_name", "job_role", "group"]
LABELS = {
    "email": "email",
    "full_name": "full name",
    "job_role": "job role",
    "group": "workforce group",
    "is_manager": "manager",
}
LIMITS = {"email": 254, "full_name": 200, "job_role": 120}
YES = {"yes", "y", "true", "1", "manager"}
NO = {"", "no", "n", "false", "0"}
FORMULA_START = ("=", "+", "@", "\t", "\r")


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    message: str

    def __str__(self):
        where = ", ".join(
            part for part in [f"row {self.row}" if self.row else "", self.column or ""] if part
        )
        return f"{where}: {self.message}" if where else self.message


@dataclass
class StaffFile:
    rows: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: set[str] = field(default_factory=set)


def _normalise_header(text) -> str:
    return " ".join(str(text or "").replace("_", " ").replace("-", " ").lower().split())


def _cells_from_csv(content: bytes) -> list[list]:
    if b"\x00" in content:
        raise ValidationError("The file is not a CSV or XLSX file.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Excel's own "CSV (Comma delimited)" is Windows-1252
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            raise ValidationError("The file is not a CSV or XLSX file.") from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _cells_from_xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError("The file is not a CSV or XLSX file.") from None
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows():
        rows.append([_xlsx_value(cell) for cell in row])
    book.close()
    return rows


def _xlsx_value(cell):
    if cell.data_type == "f":  # a formula: flagged as such by the checks below
        value = str(cell.value)
        return value if value.startswith("=") else "=" + value
    return "" if cell.value is None else str(cell.value)


def read_cells(filename: str, content: bytes) -> list[list]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _cells_from_xlsx(content)
    if name.endswith(".csv"):
        if content.startswith(b"PK\x03\x04"):
            raise ValidationError("The file is not a CSV file. Save it as CSV or XLSX.")
        return _cells_from_csv(content)
    raise ValidationError("The file must be a CSV or XLSX file.")


def read_staff_file(filename: str, content: bytes) -> StaffFile:
    """Parse and check a staff file. Groups are checked later, against the
    partnership's list."""
    result = StaffFile()
    try:
        cells = read_cells(filename, content)
    except ValidationError as error:
        result.problems.append(Problem(None, None, error.messages[0]))
        return result
    cells = [row for row in cells if any(str(c).strip() for c in row)] if cells else []
    if not cells:
        result.problems.append(Problem(None, None, "The file is empty."))
        return result
    columns = _columns(cells[0], result)
    if result.problems:
        return result
    if len(cells) == 1:
        result.problems.append(Problem(None, None, "The file has a header row but no staff."))
    if len(cells) - 1 > MAX_ROWS:
        result.problems.append(
            Problem(None, None, f"The file has more than {MAX_ROWS:,} rows. Split it.")
        )
        return result
    seen: dict[str, int] = {}
    for number, raw in enumerate(cells[1:], start=2):
        row = _check_row(number, raw, columns, seen, result.problems)
        if row:
            result.rows.append(row)
    return result


def _columns(header: list, result: StaffFile) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, text in enumerate(header):
        key = COLUMNS.get(_normalise_header(text))
        if key and key not in columns:
            columns[key] = index
    result.columns = set(columns)
    missing = [LABELS[key] for key in REQUIRED if key not in columns]
    if missing:
        result.problems.append(
            Problem(1, None, f"The header row has no column for: {', '.join(missing)}.")
        )
    return columns


def _check_row(number, raw, columns, seen, problems) -> dict | None:
    values = {
        key: (str(raw[index]).strip() if index < len(raw) else "") for key, index in columns.items()
    }
    before = len(problems)
    for key, value in values.items():
        if value.startswith(FORMULA_START):
            problems.append(Problem(number, LABELS[key], "Formulas are not allowed."))
        elif key in LIMITS and len(value) > LIMITS[key]:
            problems.append(
                Problem(number, LABELS[key], f"Must be {LIMITS[key]} characters or fewer.")
            )
    email = values["email"].lower()
    if len(problems) == before:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(
                Problem(number, "email", f"“{values['email']}” is not an email address.")
            )
    if email and email in seen:
        problems.append(Problem(number, "email", f"Duplicate of row {seen[email]}."))
    elif email:
        seen[email] = number
    flag = values.get("is_manager", "").lower()
    if flag not in YES | NO:
        problems.append(Problem(number, "manager", "Must be yes or no."))
    if len(problems) != before:
        return None
    return {
        "row": number,
        "email": email,
        "full_name": values["full_name"],
        "job_role": values["job_role"],
        "group": values["group"],
        "is_manager": flag in YES,
    }

"""Tables leaving the service as files: CSV streamed line by line, XLSX written
in openpyxl's write-only mode. Both keep memory flat however many rows there
are, and both make every cell safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is read
as a formula by spreadsheets (OWASP "CSV injection"); a leading quote makes it
plain text. Dates and times are written as ISO 8601 text in CSV and as real
dates in XLSX.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator, Sequence

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell_safe(value) -> str:
    """``value`` as text, with a leading formula character neutralised."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


class _Echo:
    """A file-like object whose write() hands the line back to the caller."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The header and each row as CSV text, one line at a time."""
    writer = csv.writer(_Echo())
    # A byte-order mark so spreadsheet programs read the file as UTF-8.
    yield "\ufeff" + writer.writerow([cell_safe(name) for name in header])
    for row in rows:
        yield writer.writerow([cell_safe(cell) for cell in row])


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    """A streamed CSV download, never cached."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _xlsx_cell(value):
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones: local time as shown
    if isinstance(value, int | float | datetime.date) or value is None:
        return value
    return cell_safe(value)


def xlsx_response(filename: str, header: Sequence[str], rows: Iterable[Sequence], *, title: str):
    """An XLSX download written row by row to a temporary file, never cached."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([cell_safe(name) for name in header])
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(output)
    output.seek(0)
    response = FileResponse(output, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response

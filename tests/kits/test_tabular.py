"""Tables leave as CSV or XLSX with every cell safe to open in a spreadsheet."""

import datetime
import io

from openpyxl import load_workbook

from kits.tabular import csv_response, xlsx_response

HEADER = ["Name", "Completed", "Score"]
ROWS = [
    ['=HYPERLINK("http://evil")', datetime.datetime(2026, 3, 3, 9, 30, tzinfo=datetime.UTC), 90],
    ["Zoë Ångström-Nguyễn", datetime.date(2026, 3, 4), None],
]


def test_csv_streams_safe_cells_and_iso_dates():
    response = csv_response("x.csv", HEADER, iter(ROWS))
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffName,Completed,Score")
    assert "'=HYPERLINK" in text and ",2026-03-03T09:30:00+00:00,90" in text
    assert "Zoë Ångström-Nguyễn,2026-03-04," in text
    assert response["Cache-Control"] == "private, no-store"


def test_xlsx_reads_back_with_real_dates_and_no_formulas():
    response = xlsx_response("x.xlsx", HEADER, iter(ROWS), title="Completions")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Completions"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Name", "Completed", "Score")
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert rows[1][1] == datetime.datetime(2026, 3, 3, 9, 30) and rows[1][2] == 90
    assert rows[2] == ("Zoë Ångström-Nguyễn", datetime.datetime(2026, 3, 4), None)

"""The same tables as CSV: UTF-8 with a byte-order mark (so that Excel opens the
Vietnamese letters right), comma-separated, CRLF line ends (RFC 4180). Amounts
are plain integers (5000000) so a spreadsheet reads them as numbers; dates
dd/mm/yyyy; a unit without results has empty cells, never 0. A text that a
spreadsheet would run as a formula (= + - @ …) starts with an apostrophe
(macros/exports/cells.py)."""

import csv
import datetime as dt
import io

from ..results.load import Results
from ..render import notice
from ..site import Site
from . import cells, xlsx


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str):
        return cells.csv_text(value)  # "=HYPERLINK(…" -> "'=HYPERLINK(…": text, not a formula
    return str(value)


NOTE_HEAD = "Ghi chú"


def to_csv(head: list[str], rows: list[list], note: str | None = None) -> bytes:
    """`note`: what the file is and where the plan stands, as a last column «Ghi chú» on
    every row. Not a first line: a program reading the CSV takes its first line for
    the column names, and a row copied alone keeps the note with its figures."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(h) for h in head] + ([NOTE_HEAD] if note else []))
    for row in rows:
        writer.writerow([_cell(v) for v in row] + ([note] if note else []))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def assignment_csv(site: Site) -> bytes:
    return to_csv(*xlsx.assignment_rows(site), note=notice.file_notice_short(site))


def budget_csv(site: Site) -> bytes:
    head, rows, total = xlsx.budget_rows(site)
    figures, notes = xlsx.budget_document_rows(site)  # the document's own total, when not the site's, and the note
    return to_csv(head, rows + ([total] if total is not None else []) + figures + notes,
                  note=notice.file_notice_short(site))


def results_csv(site: Site, results: Results) -> bytes:
    return to_csv(*xlsx.results_rows(site, results), note=notice.file_notice_short(site))

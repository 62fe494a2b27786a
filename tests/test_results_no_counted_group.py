"""Review r19o, defect 3 (and r19n defect 8's report column): the results side of a plan that names
no group to count apart among the attendees (no ke-hoach.yaml › cuoc_van_dong › doi_tuong).
Before, the unit's Excel template asked «Trong đó người thuộc đối tượng vận động», refused a blank
there, and after a 0 every page published «0 người thuộc đối tượng vận động (0,0%)» — a figure and a
group the plan never has. Now such a plan's template has no such column, its results need no count,
and no page, calendar, table or draft report states one. The 2023 plan (which names «dân tộc thiểu số»)
keeps the column and the count, compulsory, as before.
Also (review r19o defect 3): a blank compulsory cell in a filled template is named as a cell to fill,
not with the YAML hint «viết giá trị sau dấu hai chấm». In-process, on tests/fixtures/ke-hoach-xa-cau-truc."""

import datetime as dt
import html
import io
import re

import openpyxl
import pytest

from macros import import_report
from macros.errors import DataErrors
from macros.exports import template as T
from macros.loader import load_website
from tests.results_fixtures import FIXTURES, ON_TIME
from tests.sitebuild import ROOT, one_plan_project
from tests.test_results_exports import fill_template

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def _words(text) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return one_plan_project(tmp_path_factory.mktemp("xa") / "du-an", FIXTURE, "ke-hoach-xa",
                            "Kế hoạch của xã dùng để kiểm thử")


@pytest.fixture(scope="module")
def site(root):
    return load_website(root).plans[0]


def test_the_fixture_plan_names_no_group(site):
    assert site.plan.cuoc_van_dong is not None and site.plan.cuoc_van_dong.doi_tuong is None


def test_template_has_no_count_column(site):
    headers = [h for h, _, _ in T.sheet_columns(site.plan, site.units_file)[T.CONFERENCES]]
    assert not any("Trong đó" in h for h in headers), headers
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, "kon-klor", STAMP)))
    row = [c.value for c in wb[T.CONFERENCES][1]]
    assert not any("đối tượng" in str(v or "") or "Trong đó" in str(v or "") for v in row), row


@pytest.fixture(scope="module")
def imported(site, root, tmp_path_factory):
    """The template filled with one conference and no count; imported and written to ket-qua/."""
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, "kon-klor", STAMP)))
    ws = wb[T.CONFERENCES]
    headers = [c.value for c in ws[1] if c.value]
    values = {"ngay": "10/10/2026", "dia_diem": "Nhà văn hóa thôn Kon Klor", "so_nguoi": 80, "noi_dung": "1"}
    for col, (_, key, _) in enumerate(T.sheet_columns(site.plan, site.units_file)[T.CONFERENCES], 1):
        ws.cell(2, col, values.get(key))
    assert headers[3].startswith("Nội dung đã tuyên truyền"), headers
    path = tmp_path_factory.mktemp("mau") / "kon-klor.xlsx"
    wb.save(path)
    code, text, _ = import_report.import_report(path, root, site)
    assert "so_nguoi_dtts" not in text
    folder = root / "data" / "ke-hoach-xa" / "ket-qua"
    folder.mkdir(exist_ok=True)
    (folder / f"{code}.yaml").write_text(text, encoding="utf-8")
    return load_website(root).plans[0]


def test_blank_count_imports_and_no_page_states_a_count(imported):
    from macros.exports import ics, xlsx
    from macros.pdf.report import report_document
    from macros.render import units
    from macros.render.pages import plan_pages
    from macros.results.load import results_of
    results = results_of(imported)
    assert not results.empty
    texts = {"unit": _words(units.unit_page(imported, "kon-klor"))}
    for page in plan_pages(imported):
        texts[page.path] = _words(page.markdown)
    texts["report"] = _words(report_document(imported, results))
    texts["ics"] = ics.calendar(imported, results, STAMP, "kon-klor").decode("utf-8")
    for rows in (xlsx.results_rows(imported, results), xlsx.conference_rows(imported, results)):
        head, body = rows
        assert all(len(r) == len(head) for r in body)
        texts[head[0]] = " ".join(map(str, head))
    assert xlsx.results_xlsx(imported, results, STAMP)[:2] == b"PK"
    joined = "\n".join(texts.values())
    assert "80 lượt người dự" in joined
    for words in ("đối tượng vận động", "người dự, trong đó", "Trong đó người", "Tỷ lệ thuộc"):
        assert words not in joined, [k for k, v in texts.items() if words in v]


def test_a_count_for_a_plan_without_group_is_refused(site, tmp_path):
    """A count of a group the plan never names is refused in the data file, naming the way out."""
    from macros.results.load import validate_unit
    from macros.yamlsrc import read_yaml
    path = tmp_path / "kon-klor.yaml"
    path.write_text('don_vi: kon-klor\nhoi_nghi:\n  - ngay: "10/10/2026"\n    dia_diem: Nhà văn hóa\n'
                    '    so_nguoi: 80\n    so_nguoi_dtts: 0\n    noi_dung: [mo-hinh-hay]\n', encoding="utf-8")
    res, errors, _ = validate_unit(site, read_yaml(path, "ket-qua/kon-klor.yaml"), "kon-klor")
    assert res is None and len(errors) == 1
    text = str(errors[0])
    assert "kon-klor.yaml" in text and "so_nguoi_dtts" in text and "không nêu đối tượng" in text, text
    path.write_text(path.read_text(encoding="utf-8").replace("    so_nguoi_dtts: 0\n", ""), encoding="utf-8")
    res, errors, _ = validate_unit(site, read_yaml(path, "ket-qua/kon-klor.yaml"), "kon-klor")
    assert res is not None and errors == [], errors


def test_2023_template_blank_count_names_the_cell(tmp_path):
    from macros.results.model import UnitResults
    from macros.yamlsrc import read_yaml
    res = UnitResults.model_validate(read_yaml(FIXTURES / f"{ON_TIME}.yaml", "x").data)
    wb = fill_template(res, tmp_path / "bao-cao.xlsx", "24/11/2023")
    wb[T.CONFERENCES]["D2"] = None
    wb.save(tmp_path / "bao-cao.xlsx")
    with pytest.raises(DataErrors) as info:
        import_report.import_report(tmp_path / "bao-cao.xlsx")
    text = "\n".join(str(e) for e in info.value.errors)
    assert "dòng 2, cột D («Trong đó người DTTS»)" in text, text
    assert "dấu hai chấm" not in text and "xóa cả dòng" not in text, text
    assert "ô" in text.lower()


# -- the survey and the choice of places: only in a plan that has them (review r19o, defect 3) -------------

def test_no_survey_rows_in_the_template_of_a_plan_without_survey(site):
    """The fixture has no survey step (no bo-cong-cu.yaml › khao_sat) and no level its units choose
    (don-vi.yaml › dia_ban_chon): its template asks no «Ngày khảo sát», «Kết quả khảo sát»."""
    assert site.toolkit is None and not site.units_file.dia_ban_chon
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, "kon-klor", STAMP)))
    labels = " ".join(str(c.value or "") for c in wb[T.INFO]["A"])
    assert "khảo sát" not in labels.lower(), labels


def test_no_selection_section_in_the_report_of_a_plan_without_one(imported):
    from macros.pdf.report import report_document
    from macros.render.pages import plan_pages
    from macros.results.load import results_of
    texts = [_words(report_document(imported, results_of(imported)))]
    texts += [_words(p.markdown) for p in plan_pages(imported) if "bao-cao" in p.path or "ket-qua" in p.path]
    joined = "\n".join(texts)
    assert "Hội nghị" in joined or "hội nghị" in joined
    for words in ("Lựa chọn địa bàn", "khảo sát", "Xã và nơi được chọn", "Ngày khảo sát"):
        assert words not in joined, words

"""A structured section that keeps the document's own words (review r19k): an editor turns an imported
plan's sections into structured ones (so that the budget, unit and timeline pages exist) and keeps their
`doan`. The plan page, its PDF, its Word file and the budget page's «Trích kế hoạch» then print `doan`
as written; the fields only feed the computed pages. A budget that gives each unit its own amount has no
flat rate (`dinh_muc`): nothing says «… mỗi đơn vị», and a total the site adds up says so. In-process, on the
commune plan of review r19k (tests/fixtures/ke-hoach-xa-cau-truc)."""

import io
from pathlib import Path

import pytest
import yaml

from macros.errors import DataErrors
from macros.exports import xlsx
from macros.exports.plan_docx import plan_docx
from macros.loader import load_website
from macros.pdf import documents
from macros.render import budget, home, notice, plan
from tests import fastyaml
from tests.sitebuild import ROOT, one_plan_project

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"

# The document's words the structured templates used to replace (review r19k, defects 2 and 3).
WRITTEN = ["Kế hoạch thực hiện từ Quý III/2026 đến hết ngày 31/12/2026.",
           "Riêng kinh phí in ấn tài liệu tuyên truyền là 800.000 đồng",
           "(Bằng chữ: Mười triệu năm trăm nghìn đồng chẵn)",
           "Tổng hợp kết quả, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 30/11/2026.",
           "Bước 1: Khảo sát, nắm tình hình Nhân dân tại các thôn, làng; hoàn thành trước ngày 30/9/2026.",
           "Giữ gìn vệ sinh môi trường, xây dựng nếp sống văn minh ở khu dân cư.",
           "3.500.000"]
# What the site wrote in their place.
MADE_UP = ["cụ thể:", "Địa điểm: 4/4", "Thời gian: Thực hiện từ", "tổng cộng 10.500.000đ", "1. - Đồng chí Phó",
           "3. 3. Các tổ chức", "mỗi đơn vị"]


def _project(tmp_path: Path, change=None) -> Path:
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    if change is not None:
        path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
        data = fastyaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


class _Quoting(fastyaml.DUMPER):
    """Keeps «3.000.000» in a table cell a quoted text (unquoted, YAML would read a number). libyaml's
    dumper (tests/fastyaml.py): the same text, ~10 times faster (issue 22)."""


_Quoting.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"' if value.replace(".", "").isdigit() else None))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("xa"))).plans[0]


def _section(site, kind):
    return next(s for s in site.plan.muc if getattr(s, "loai", None) == kind)


def _words(text: str) -> str:
    """Text without tags and entities, spaces folded: what a reader reads."""
    import html
    import re
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def _as_written(text: str) -> None:
    words = _words(text)
    assert [w for w in WRITTEN if w not in words] == [], words
    assert [w for w in MADE_UP if w in words] == [], words


def test_the_fixture_is_structured_and_keeps_its_words(site):
    assert site.has_budget and site.has_units and site.has_timeline and site.has_handbook
    assert all(_section(site, k).doan for k in ("noi_dung", "cac_buoc", "thoi_gian_dia_diem", "kinh_phi",
                                                  "to_chuc_thuc_hien"))
    # No lead line the document does not have (review r19k: the schema made the editor write «-»).
    assert _section(site, "noi_dung").loi_dan == _section(site, "to_chuc_thuc_hien").loi_dan == ""


def test_the_plan_page_prints_the_documents_words(site):
    _as_written(plan.plan_page(site))


def test_the_plan_pdf_prints_the_documents_words(site):
    _as_written(documents.plan_document(site))


def test_the_word_file_prints_the_documents_words(site):
    from docx import Document
    doc = Document(io.BytesIO(plan_docx(site)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    _as_written("\n".join([p.text for p in doc.paragraphs] + cells))


def test_the_budget_page_quotes_the_document_and_invents_no_rate(site):
    page = budget.budget_page(site)
    quote = page[page.index("## Trích kế hoạch"):]
    words = _words(quote)
    assert "Riêng kinh phí in ấn tài liệu tuyên truyền là 800.000 đồng" in words and "Thôn Kon Klor 3.000.000" in words
    assert "cụ thể:" not in words
    assert "mỗi đơn vị" not in _words(page)
    # The plan writes no total here (no `tong`): the site's sum says it is the site's.
    assert "website cộng" in _words(page[:page.index("## Trích kế hoạch")]), page
    # Plain Markdown text, not markup: the page's download line added after it stays HTML (pages.budget_page).
    assert type(page) is str and "&lt;" not in page


def test_the_home_page_invents_no_rate(site):
    words = _words(home.home_page(site))
    assert "mỗi đơn vị" not in words and "10.500.000đ" in words
    assert "website cộng" in words, words


def test_the_budget_sheet_says_its_total_is_the_sites_sum(site):
    head, rows, total = xlsx.budget_rows(site)
    assert total[-1] == 10500000 and "website cộng" in total[1], total


def test_a_written_total_is_the_plans_own(tmp_path):
    def change(data):
        next(s for s in data["muc"] if s.get("loai") == "kinh_phi")["tong"] = 10500000
    site = load_website(_project(tmp_path, change)).plans[0]
    assert "website cộng" not in _words(budget.budget_page(site)) + _words(home.home_page(site))


def test_a_unit_without_an_amount_is_named_at_its_line(tmp_path):
    def change(data):
        del next(s for s in data["muc"] if s.get("loai") == "kinh_phi")["rieng"]["plei-don"]
    with pytest.raises(DataErrors) as exc:
        load_website(_project(tmp_path, change))
    [error] = exc.value.errors
    assert error.field == "kinh_phi › rieng" and "Làng Plei Đôn" in error.message and "dinh_muc" in error.hint, str(error)
    assert "rieng › plei-don: 3500000" in error.hint, str(error)  # the figure of its row (review r19o #5)
    assert error.file.endswith("ke-hoach.yaml") and error.line, str(error)


def test_no_rate_and_no_words_of_its_own_is_refused(tmp_path):
    """Without `doan` and without a rate, the plan page would have to print a budget sentence nobody wrote."""
    def change(data):
        del next(s for s in data["muc"] if s.get("loai") == "kinh_phi")["doan"]
    with pytest.raises(DataErrors) as exc:
        load_website(_project(tmp_path, change))
    [error] = exc.value.errors
    assert error.field == "muc › mục 5" and "doan" in error.message, str(error)


def test_a_rate_with_own_amounts_and_no_words_of_its_own_is_refused(tmp_path):
    """A flat rate (dinh_muc) and some units' own amounts (rieng), no `doan`: the plan page would print the
    site's «…, cụ thể: …; tổng cộng …» as the plan's words (session 8, s-quotes item 3)."""
    def change(data):
        budget = next(s for s in data["muc"] if s.get("loai") == "kinh_phi")
        budget["dinh_muc"] = 2500000
        del budget["doan"]
    root = _project(tmp_path, change)
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    [error] = exc.value.errors
    assert error.field == "muc › mục 5" and "doan" in error.message and "doan" in error.hint, str(error)
    assert error.file.endswith("ke-hoach.yaml") and error.line, str(error)
    text = (root / "data" / "ke-hoach-xa" / "ke-hoach.yaml").read_text(encoding="utf-8").splitlines()
    assert "loai: kinh_phi" in "\n".join(text[error.line - 2:error.line + 2]), (error.line, text[error.line - 2:error.line + 2])
    # Named: the units whose own amount is not the rate; not Kon Rờ Bàng 1, whose amount is the rate.
    assert "Kon Klor" in error.message and "Kon Rờ Bàng 1" not in error.message, error.message


def test_a_misspelt_field_beside_doan_is_named_at_its_line(tmp_path):
    root = _project(tmp_path)
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("  nguon:")].count("\n") + 1
    path.write_text(text.replace("  nguon:", "  nguonn:", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    by_field = {e.field: e for e in exc.value.errors}
    assert "kinh_phi › nguonn" in by_field, str(exc.value)
    wrong = by_field["kinh_phi › nguonn"]
    assert wrong.line == line and "có phải «nguon»?" in wrong.hint, str(wrong)
    assert "kinh_phi › nguon" not in by_field, str(exc.value)  # optional since review r19q #2


def test_a_wrong_block_in_doan_of_a_structured_section_is_named_at_its_line(tmp_path):
    root = _project(tmp_path)
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("    dong_tieu_de: 1")
    line = text[:at].count("\n") + 1
    path.write_text(text[:at] + "    dong_tieu_de: mot" + text[at + len("    dong_tieu_de: 1"):], encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    [error] = exc.value.errors
    assert error.line == line and error.field.startswith("kinh_phi › doan") and "dong_tieu_de" in error.field, str(error)


def test_a_draft_that_drops_the_documents_words_is_refused(tmp_path):
    """Structuring a section without keeping `doan` replaces the document's words on the plan page (review
    r19k: nothing warned the editor; the draft's checklist then said so; review r19o: once checked, nothing
    did): an imported plan is now refused, naming the section (tests/test_imported_sections_keep_words.py)."""
    def change(data):
        del next(s for s in data["muc"] if s.get("loai") == "cac_buoc")["doan"]
        data["nhap_tu_dong"]["da_doi_chieu"] = False
    with pytest.raises(DataErrors) as exc:
        load_website(_project(tmp_path, change))
    [error] = exc.value.errors
    assert "«III. CÁC BƯỚC TRIỂN KHAI» có cấu trúc nhưng không có lời văn của văn bản (doan)" in error.message, str(error)


def test_the_timeline_quotes_only_the_documents_words(site):
    """The period's end as the document writes it, never «từ tháng 7/2026 đến 31/12/2026» put in quotation
    marks: the document says «Quý III/2026» (review r19k; session 8, s-quotes item 1)."""
    from macros.render.timeline import timeline_html
    words = _words(timeline_html(site))
    assert "«Kế hoạch thực hiện từ Quý III/2026 đến hết ngày 31/12/2026.»" in words, words
    assert "«từ tháng 7/2026" not in words, words
    assert "«trước ngày 15/11/2026»" in words  # step 3 of the document writes it


def test_dates_the_document_does_not_write_are_the_sites_reading(tmp_path):
    # The period's fields must be what its words write (session 9, s-period: «đến hết năm 2026» is
    # ket_thuc "năm 2026", no day the words do not write); the report deadline is still the site's reading.
    def change(data):
        period = next(s for s in data["muc"] if s.get("loai") == "thoi_gian_dia_diem")
        period["doan"] = ["Kế hoạch thực hiện từ Quý III/2026 đến hết năm 2026."]
        period["ket_thuc"] = "năm 2026"
        for s in data["muc"]:
            s["doan"] = _replaced(s.get("doan", []), "trước ngày 15/11/2026", "trong tháng 11/2026")
        # the fields the pages quote as the plan's words say what the document says (macros/quoted_fields.py)
        data["muc"] = _replaced(_replaced(data["muc"], "trước ngày 15/11/2026", "trong tháng 11/2026"),
                                "trước ngày {han_bao_cao}", "trong tháng 11/2026")
    from macros.render.timeline import timeline_html
    words = _words(timeline_html(load_website(_project(tmp_path, change)).plans[0]))
    assert "«từ tháng 7/2026" not in words and "«trước ngày 15/11/2026»" not in words, words
    assert "Hết năm 2026 Kết thúc thực hiện (kế hoạch ghi: «Kế hoạch thực hiện từ Quý III/2026 đến hết năm 2026.»)" \
        in words, words
    assert "(ngày website đọc từ kế hoạch: trước ngày 15/11/2026)" in words, words


def _replaced(value, old, new):
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_replaced(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _replaced(v, old, new) for k, v in value.items()}
    return value


def test_no_conference_sentence_the_plan_does_not_write(tmp_path):
    """No step holds {so_hoi_nghi}: the home page, the unit PDF and the progress pages quote no
    «Tổ chức … hội nghị.» the plan does not write (session 8, s-quotes item 2)."""
    def change(data):
        steps = next(s for s in data["muc"] if s.get("loai") == "cac_buoc")["buoc"]
        for step in steps:
            step["noi_dung"] = step["noi_dung"].replace("{so_hoi_nghi}", "từ 01 đến 02")
    site = load_website(_project(tmp_path, change)).plans[0]
    texts = {"home": home.home_page(site), "pdf": documents.handout_document(site, site.units[0].ma),
             "rule": plan.conference_rule(site)}
    for name, text in texts.items():
        words = _words(text)
        assert "Tổ chức từ 01 đến 02 hội nghị." not in words and "«»" not in words, (name, words)
    assert "Thực hiện theo 3 bước." in _words(texts["home"])
    assert "«" not in texts["rule"], texts["rule"]  # what the progress pages and unit pages print

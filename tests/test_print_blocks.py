"""How a plan kept as written (an import's verbatim blocks, templates/plan_blocks.html) prints: in-process,
on the verbatim fixture plan (tests/fixtures/ke-hoach-nguyen-van) with its second section's blocks
replaced, through the build's PDF writer (WeasyPrint, the project's stylesheets)."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from macros.loader import load_website
from macros.pdf import documents
from tests.pdfcheck import require_weasyprint
from tests.sitebuild import ROOT
from tests.test_plan_shapes import _verbatim_project


def _site(tmp_path: Path, blocks: list, change=None, org: dict | None = None):
    """The verbatim fixture with `blocks` as its second section's (`doan`), its data through `change`,
    its co-quan.yaml updated with `org`."""
    root = _verbatim_project(tmp_path)
    if org:
        path = root / "data" / "ke-hoach-mau" / "co-quan.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump({**data, **org}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    path = root / "data" / "ke-hoach-mau" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["muc"][1]["doan"] = blocks
    if change is not None:
        change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_website(root).plans[0]


def _pdf_pages(site, tmp_path: Path) -> list[str]:
    """The plan's PDF, as the build writes it, one string of text per page."""
    require_weasyprint()
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils missing")
    from tests.pdfcheck import print_pdf
    out = print_pdf(documents.plan_document(site), "plan", documents.plan_metadata(site), root=ROOT).path
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def _page_of(pages: list[str], words: str) -> int:
    found = [i for i, text in enumerate(pages) if words in text]
    assert len(found) == 1, (words, found)
    return found[0]


# --- a table's caption stays with its table (review r19h, document 1, defect 4) --------------------

FILLER = ("Đoạn văn mẫu số {} dùng để kiểm thử, đủ dài để chiếm hai dòng trên trang in khổ A4 của văn bản, "
          "không mang nội dung của kế hoạch nào.")
CAPTION = "Bảng 2. Kinh phí mẫu dùng để kiểm thử"
TABLE = {"bang": [["TT", "Nguồn mẫu", "Số tiền (đồng)"], ["1", "Đóng góp mẫu", "100.000"],
                  ["2", "Tài trợ mẫu", "200.000"]], "dong_tieu_de": 1}
# Paragraphs before the caption that fill page 1 to its last line but one: the caption falls at its foot.
FILL = 27


def test_a_caption_is_never_left_alone_at_the_foot_of_a_page(tmp_path):
    site = _site(tmp_path, [*(FILLER.format(i) for i in range(1, FILL + 1)), CAPTION, TABLE])
    pages = _pdf_pages(site, tmp_path)
    table = _page_of(pages, "Nguồn mẫu")
    # The page breaks next to the caption (else the test proves nothing): the filler before it sits
    # on the page before the table's.
    assert _page_of(pages, FILLER.format(FILL)[:40]) == table - 1, pages
    assert _page_of(pages, CAPTION) == table, pages
    assert documents.plan_document(site).count('<p class="vb-before-table">') == 1


# --- a công văn: «V/v …» under its number, the addressees aligned (Nghị định 30/2020) --------------

SUBJECT = "V/v lấy ý kiến mẫu dùng để kiểm thử về một dự thảo văn bản của Ban Thường trực mẫu"
TO = ["Kính gửi:\t- Ban Thường trực mẫu thứ nhất dùng để kiểm thử;", "- Các ban mẫu dùng để kiểm thử.",
      "Thực hiện hướng dẫn mẫu dùng để kiểm thử, Ban Thường trực mẫu đề nghị các đơn vị như sau:"]


def _cong_van(data):
    data["van_ban"].update(loai="Công văn", so="214", ky_hieu="MTTQ-BTT", in_ten_loai=False, trich_yeu=SUBJECT)
    data["muc"][0] = {"so": "", "tieu_de": "", "doan": TO}


def _words(site, tmp_path: Path):
    require_weasyprint()
    pdfplumber = pytest.importorskip("pdfplumber")
    from tests.pdfcheck import print_pdf
    out = print_pdf(documents.plan_document(site), "plan", documents.plan_metadata(site), root=ROOT).path
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        return page.width, page.extract_words()


def test_a_cong_vans_subject_sits_under_its_number_and_its_addressees_align(tmp_path):
    site = _site(tmp_path, ["Đoạn văn mẫu dùng để kiểm thử."], _cong_van)
    width, words = _words(site, tmp_path)
    line = lambda w: [x for x in words if abs(x["top"] - w["top"]) < 2]
    number = next(w for w in words if w["text"] == "Số:")
    subject = next(w for w in words if w["text"] == "V/v")
    # (the place-date shares the number's line, in the right column)
    number_line, subject_line = [w for w in line(number) if w["x1"] < width / 2], line(subject)
    centre = lambda ws: (min(w["x0"] for w in ws) + max(w["x1"] for w in ws)) / 2
    # Below the number, in the left column (42 % of the text width, print.css), centred under it.
    assert subject["top"] > number["top"]
    assert max(w["x1"] for w in subject_line) < width / 2, subject_line
    assert abs(centre(subject_line) - centre(number_line)) < 12, (subject_line, number_line)
    # Each addressee's dash under the first one's.
    dashes = [w["x0"] for i, w in enumerate(words[:-1]) if w["text"] == "-" and words[i + 1]["text"] in ("Ban", "Các")
              and abs(words[i + 1]["top"] - w["top"]) < 2]
    assert len(dashes) == 2 and abs(dashes[0] - dashes[1]) < 1, dashes
    html = documents.plan_document(site)
    assert html.count(SUBJECT) == 2  # the header's line and the PDF's title (metadata)
    assert 'class="vb-summary"' not in html and "\t" not in html


# --- a table's rows bold in the file print bold (a group row, «Tổng cộng») ------------------------

GROUPED = [["TT", "Nội dung công việc", "Đơn vị thực hiện"],
           ["I", "CÔNG TÁC TUYÊN TRUYỀN MẪU", ""],
           ["1", "Việc mẫu thứ nhất", "Ban mẫu"],
           ["", "Tổng cộng mẫu", "01 việc"]]


def _grouped_plan(path):
    from docx import Document

    from tests.plan_docx_fixtures import commune_villages

    commune_villages(path)
    doc = Document(path)
    at = next(p for p in doc.paragraphs if p.text.startswith("Ban Công tác Mặt trận thôn"))
    table = doc.add_table(rows=len(GROUPED), cols=3)
    for r, row in enumerate(GROUPED):
        for c, text in enumerate(row):
            run = table.cell(r, c).paragraphs[0].add_run(text)
            run.bold = r in (0, 1, 3)  # the header, the group row and the total, as the file prints them
    at._p.addnext(table._tbl)
    doc.save(path)


def test_rows_bold_in_the_file_are_imported_and_print_bold(tmp_path, capsys):
    from tests.test_import_plan import imported

    root = tmp_path / "du-an"  # data/'s site-wide files, no plan (as test_import_plan's `project`)
    (root / "data").mkdir(parents=True)
    for f in (ROOT / "data").glob("*.yaml"):
        shutil.copy(f, root / "data" / f.name)
    plan = imported(root, tmp_path, capsys, _grouped_plan, "xa")
    [table] = [b for s in plan["muc"] for b in s.get("doan", []) if isinstance(b, dict) and "bang" in b]
    assert table["bang"] == GROUPED and table["dong_tieu_de"] == 1 and table["dong_in_dam"] == [2, 4], table
    from macros.loader import load_plan

    html = documents.plan_document(load_plan(root, "xa"))
    for row in ("<td><strong>I</strong></td><td><strong>CÔNG TÁC TUYÊN TRUYỀN MẪU</strong></td><td></td>",
                "<td></td><td><strong>Tổng cộng mẫu</strong></td><td><strong>01 việc</strong></td>"):
        assert row in html, html[html.find("<table"):html.find("</table>")]
    assert "<td><strong>Việc mẫu thứ nhất</strong>" not in html and "<td>Việc mẫu thứ nhất</td>" in html


def test_a_bold_row_beyond_the_table_is_named(tmp_path):
    from macros.errors import DataErrors

    with pytest.raises(DataErrors) as caught:
        _site(tmp_path, [{"bang": [["TT", "Việc"], ["1", "Mẫu"]], "dong_tieu_de": 1, "dong_in_dam": [3]}])
    message = str(caught.value)
    assert "ke-hoach.yaml" in message and "«dong_in_dam» ghi dòng 3, nhưng bảng (bang) chỉ có 2 dòng" in message, message


# --- the rule under the body's name in the header (review r19i, failure 2) --------------------------
# The file's «___________» under the body and under the motto are drawn as the header's rules (print.css,
# .vb-ruled), not copied as characters; a header whose issuing body is blank (the import could not tell
# it from its parent: left blank and listed) still has its rule, under the last line of the body column.

def _header_rules(site, tmp_path: Path) -> list[tuple[float, float]]:
    """(x0, x1) in pt of each horizontal rule drawn in page 1's header."""
    require_weasyprint()
    pdfplumber = pytest.importorskip("pdfplumber")
    from tests.pdfcheck import print_pdf
    out = print_pdf(documents.plan_document(site), "plan", documents.plan_metadata(site), root=ROOT).path
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        title = next(w for w in page.extract_words() if w["text"] == "KẾ")["top"]  # «KẾ HOẠCH» under the header
        return [(o["x0"], o["x1"]) for o in page.lines + page.rects + page.edges
                if o["bottom"] < title and abs(o["bottom"] - o["top"]) < 1.5 and o["x1"] - o["x0"] > 10]


@pytest.mark.parametrize("issuer", ["BAN THƯỜNG TRỰC MẪU", ""], ids=["issuer", "issuer-blank"])
def test_the_header_draws_the_rule_under_the_body_and_the_motto(tmp_path, issuer):
    org = {"co_quan_cap_tren": "ỦY BAN MTTQ VIỆT NAM XÃ MẪU", "co_quan_ban_hanh": issuer}
    rules = _header_rules(_site(tmp_path, ["Đoạn văn mẫu dùng để kiểm thử."], org=org), tmp_path)
    middle = 595.28 / 2
    assert any(x1 < middle for _, x1 in rules), rules  # under the body's name, in the left column
    assert any(x0 > middle for x0, _ in rules), rules  # under the motto


# --- what follows a table stands apart from it (seen on review r19g's D: «Phần thứ ba» touching the table) ---

def test_the_text_after_a_table_is_not_glued_to_its_last_row(tmp_path):
    require_weasyprint()
    pdfplumber = pytest.importorskip("pdfplumber")
    from tests.pdfcheck import print_pdf
    site = _site(tmp_path, [TABLE, "Đoạn sau bảng dùng để kiểm thử."])
    out = print_pdf(documents.plan_document(site), "plan", documents.plan_metadata(site), root=ROOT).path
    with pdfplumber.open(out) as pdf:
        page = next(p for p in pdf.pages if "Tài trợ mẫu" in (p.extract_text() or ""))
        words = page.extract_words()
        row = next(w for w in words if w["text"] == "Tài")
        table_bottom = max(e["bottom"] for e in page.edges  # the table's lowest rule, under that row
                           if row["top"] - 8 <= e["top"] <= row["bottom"] + 15)
        after = next(w for w in words if w["text"] == "Đoạn" and w["top"] > row["top"])
        heading = next(w for w in words if w["text"] == "TỔ")  # the next section's «TỔ CHỨC THỰC HIỆN»
    assert after["top"] - table_bottom >= 5, (table_bottom, after)  # at least 6 pt between, as between paragraphs
    assert heading["top"] > after["top"]

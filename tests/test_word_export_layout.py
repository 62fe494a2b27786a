"""The Word export (macros/exports/plan_docx.py) lays a plan out as the page and PDF do. A document without
a kind line (a công văn, Nghị định 30/2020): «V/v …» under «Số: …» in the header's left column, no title
line; «Kính gửi:» and its «- …» addressee lines one block, each addressee's dash under the first one's.
A table's rows bold as the document prints them (dong_in_dam). In-process on the verbatim fixture plan,
read back with python-docx and through the import."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from macros.exports.plan_docx import plan_docx
from tests.sitebuild import ROOT
from tests.test_print_blocks import SUBJECT, TO, _cong_van, _site


def _exported(tmp_path):
    site = _site(tmp_path, ["Đoạn văn mẫu dùng để kiểm thử."], _cong_van)
    return site, plan_docx(site)


def test_the_subject_sits_under_the_number_and_the_addressees_are_one_block(tmp_path):
    _, data = _exported(tmp_path)
    doc = Document(io.BytesIO(data))
    left = doc.tables[0].cell(0, 0).paragraphs
    assert [p.text for p in left[-2:]] == ["Số: 214/MTTQ-BTT", SUBJECT]
    subject = left[-1]
    assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER and not any(r.bold or r.italic for r in subject.runs)
    body = [p.text for p in doc.paragraphs]
    assert SUBJECT not in body and "CÔNG VĂN" not in body  # no title line: the subject is in the header
    assert "" not in body  # the untitled section has no heading line, as on the page (no empty paragraph)
    to = next(p for p in doc.paragraphs if p.text.startswith("Kính gửi"))
    assert to.text == f"{TO[0]}\n{TO[1]}"
    after = body[body.index(to.text) + 1]
    assert after == TO[2]
    fmt = to.paragraph_format
    # The first line starts at the label, the next at the left indent, where the tab after the label
    # stops: every dash at the same place.
    assert fmt.left_indent > 0 and fmt.first_line_indent < 0
    assert [t.position for t in fmt.tab_stops] == [fmt.left_indent]


def test_the_exported_cong_van_imports_as_it_was(tmp_path, capsys):
    """Round trip: the import reads the header's subject, no kind line, and the addressees as written."""
    from tests.test_import_plan import load, run

    site, data = _exported(tmp_path)
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    for f in (ROOT / "data").glob("*.yaml"):
        (project / "data" / f.name).write_bytes(f.read_bytes())
    src = tmp_path / "cong-van.docx"
    src.write_bytes(data)
    assert run(project, src, "--thu-muc", "cv") == 0, capsys.readouterr()
    plan = load(project, "cv")
    doc = plan["van_ban"]
    assert (doc["trich_yeu"], doc["in_ten_loai"], doc["so"]) == (SUBJECT, False, "214")
    blocks = [b for s in plan["muc"] for b in s["doan"]]
    at = blocks.index(TO[0])
    assert blocks[at:at + 3] == TO


def test_rows_bold_in_the_document_are_bold_in_the_word_file(tmp_path):
    table = {"bang": [["TT", "Việc"], ["I", "CÔNG TÁC MẪU"], ["1", "Việc mẫu"], ["", "Tổng cộng mẫu"]],
             "dong_tieu_de": 1, "dong_in_dam": [2, 4]}
    doc = Document(io.BytesIO(plan_docx(_site(tmp_path, [table]))))
    [word] = [t for t in doc.tables if t.cell(0, 1).text == "Việc"]
    bold = [all(r.bold for c in row.cells for p in c.paragraphs for r in p.runs if r.text) for row in word.rows]
    assert bold == [True, True, False, True]

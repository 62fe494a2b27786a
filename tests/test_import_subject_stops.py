"""The subject (trích yếu) read over several centred lines stops where the subject does (review r19r N2): a
centred opening sentence that ends with «:» («… như sau:») or a «Kính gửi: …» line is not the subject; it stays
where the document has it. Lines joined into the subject are named in the checklist."""

from docx import Document

from macros.import_plan import import_file
from tests.test_import_r19p import SUBJECT, _body, _centred, _header


def _import(tmp_path, name: str, after_subject: str, italic: bool):
    doc = Document()
    _header(doc)
    _centred(doc, "KẾ HOẠCH")
    for line in SUBJECT:
        _centred(doc, line)
    p = _centred(doc, after_subject, bold=False)
    p.runs[0].italic = italic
    _body(doc)
    path = tmp_path / f"{name}.docx"
    doc.save(str(path))
    return import_file(path)


def test_a_centred_line_that_is_not_the_subject_stays_out_of_it(tmp_path):
    for name, line in (("mo-dau", "Thực hiện sự chỉ đạo của Hội cấp trên, Ban Thường vụ xây dựng kế hoạch như sau:"),
                       ("kinh-gui", "Kính gửi: Các chi hội nông dân trong huyện")):
        got = import_file_result = _import(tmp_path, name, line, italic=True)
        assert got.plan["van_ban"]["trich_yeu"] == " ".join(SUBJECT), name
        rest = repr({k: v for k, v in import_file_result.plan.items() if k not in ("nhap_tu_dong", "van_ban")})
        assert line in rest, name


def test_joined_subject_lines_are_named_in_the_checklist(tmp_path):
    got = _import(tmp_path, "ba-dong", "Kính gửi: Các chi hội nông dân trong huyện", italic=False)
    checklist = "\n".join(got.checklist)
    assert "trích yếu" in checklist and "3 dòng" in checklist, checklist

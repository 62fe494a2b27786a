"""The header of an imported plan (review r19e): a joint header names two issuing bodies, none the
other's superior; the body's name in the site's notes is written as the Front writes it in a
sentence («Ban Thường trực Ủy ban MTTQ Việt Nam xã …»), both for a joint document, blank when not
read — never the header's lines glued into one name."""

from pathlib import Path

from docx import Document

from tests.test_import_plan import imported, load, project  # noqa: F401 - the fixture


def _plan(path: Path, header: list[str], kind: str = "KẾ HOẠCH") -> None:
    doc = Document()
    for t in [*header, "Số: 05/KH-MTTQ", "Ngọc Linh, ngày 20 tháng 3 năm 2026", kind, "Phối hợp trồng sâm",
              "I. MỤC ĐÍCH", "Nâng cao nhận thức.", "II. TỔ CHỨC THỰC HIỆN", "Các thôn thực hiện.",
              "Nơi nhận:", "- Các thôn;", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Ngọc"]:
        doc.add_paragraph(t)
    doc.save(path)


JOINT = ["ỦY BAN MTTQ VIỆT NAM", "XÃ NGỌC LINH", "—", "HỘI NÔNG DÂN XÃ NGỌC LINH"]


def test_a_joint_header_is_two_issuing_bodies_printed_as_written(project, tmp_path, capsys):
    from macros.loader import load_plan
    from macros.render.plan import header_html, issuer_lines, parent_lines

    imported(project, tmp_path, capsys, lambda p: _plan(p, JOINT, "KẾ HOẠCH LIÊN TỊCH"), "lien-tich")
    org = load(project, "lien-tich", "co-quan.yaml")
    assert org["co_quan_cap_tren"] == "" and "dong_co_quan_cap_tren" not in org
    assert org["cac_co_quan_ban_hanh"] == ["ỦY BAN MTTQ VIỆT NAM XÃ NGỌC LINH", "HỘI NÔNG DÂN XÃ NGỌC LINH"]
    site = load_plan(project, "lien-tich")
    assert [x for x in parent_lines(site.org) if x] == [] and issuer_lines(site.org) == JOINT
    assert '<p class="vb-parent"></p>' in header_html(site)


def test_joint_bodies_without_the_lines_as_written_print_each_body_and_the_dash():
    from macros.model import OrgFile
    from macros.render.plan import issuer_lines

    org = OrgFile(co_quan_cap_tren="", co_quan_ban_hanh="", ten_day_du="", dia_danh="", quoc_hieu="", tieu_ngu="",
                  cac_co_quan_ban_hanh=["ỦY BAN MTTQ VIỆT NAM XÃ NGỌC LINH", "HỘI NÔNG DÂN XÃ NGỌC LINH"])
    assert issuer_lines(org) == ["ỦY BAN MTTQ VIỆT NAM", "XÃ NGỌC LINH", "—", "HỘI NÔNG DÂN", "XÃ NGỌC LINH"]


def test_the_body_is_named_as_a_sentence_writes_it(project, tmp_path, capsys):
    from macros.loader import load_plan
    from macros.render import notice

    cases = {"lien-tich": (JOINT, "Ủy ban MTTQ Việt Nam xã Ngọc Linh và Hội Nông dân xã Ngọc Linh"),
             "ngok-bay": (["ỦY BAN MTTQ VIỆT NAM XÃ NGỌK BAY", "BAN THƯỜNG TRỰC"],
                          "Ban Thường trực Ủy ban MTTQ Việt Nam xã Ngọk Bay"),
             "tinh": (["UỶ BAN MTTQ VIỆT NAM", "TỈNH QUẢNG NGÃI", "BAN THƯỜNG TRỰC"],
                      "Ban Thường trực Uỷ ban MTTQ Việt Nam tỉnh Quảng Ngãi"),
             "la": (["CÔNG TY TNHH MỘT THÀNH VIÊN", "BAN THƯỜNG TRỰC"], ""),
             "mot-dong": (["ỦY BAN MTTQ VIỆT NAM XÃ NGỌK BAY BAN THƯỜNG TRỰC"], ""),
             # Two bodies of one ward with no «—» line (review r19i): not the police alone, not read.
             "ben-thanh": (["ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG BẾN THÀNH", "CÔNG AN PHƯỜNG BẾN THÀNH"], "")}
    for folder, (header, name) in cases.items():
        imported(project, tmp_path, capsys, lambda p, h=header: _plan(p, h), folder)
        assert load(project, folder, "co-quan.yaml")["ten_day_du"] == name, folder
        text = notice.provenance_text(load_plan(project, folder), notice.Kind.REFERENCE)
        assert (f"Kế hoạch năm 2026 của {name};" if name else "Kế hoạch năm 2026;") in text, text
        assert " ".join(header) not in text


def test_the_bodys_level_is_read_with_its_name_for_the_sites_own_sentences(project, tmp_path, capsys):
    """co-quan.yaml › cap from the same header lines: «xã» for a commune's document (the site then says
    «toàn xã», never the 2023 plan's «tỉnh»), blank when the bodies differ in level or are not read."""
    from macros.loader import load_plan
    from macros.render import home

    cases = {"lien-tich": (JOINT, "xã"), "tinh": (["UỶ BAN MTTQ VIỆT NAM", "TỈNH QUẢNG NGÃI", "BAN THƯỜNG TRỰC"], "tỉnh"),
             "hai-cap": (["ỦY BAN MTTQ VIỆT NAM XÃ NGỌC LINH", "—", "HỘI NÔNG DÂN TỈNH QUẢNG NGÃI"], ""),
             "la": (["CÔNG TY TNHH MỘT THÀNH VIÊN", "BAN THƯỜNG TRỰC"], "")}
    for folder, (header, level) in cases.items():
        checklist = " ".join(imported(project, tmp_path, capsys, lambda p, h=header: _plan(p, h), folder)["nhap_tu_dong"]["can_xac_nhan"])
        assert load(project, folder, "co-quan.yaml")["cap"] == level, folder
        assert load_plan(project, folder).org.cap == level
        assert (f"cấp của cơ quan ban hành đọc từ các dòng đầu văn bản: «{level}»" in checklist) == bool(level)


def test_header_lines_are_bold_as_the_file_writes_them(project, tmp_path, capsys):
    """Review r19e, doc 2: the header's lines are plain in the file, the page printed the issuing bodies bold.
    Bold now follows the file's runs (co-quan.yaml dong_in_dam), on the page, in the PDF and the Word export;
    a file whose issuing body is bold and superior plain (the usual) writes nothing and prints as before."""
    import io

    from docx import Document as ReadDocx

    from macros.exports.plan_docx import plan_docx
    from macros.loader import load_plan
    from macros.render.plan import header_html

    imported(project, tmp_path, capsys, lambda p: _plan(p, JOINT, "KẾ HOẠCH LIÊN TỊCH"), "tron")
    assert load(project, "tron", "co-quan.yaml")["dong_in_dam"] == []
    site = load_plan(project, "tron")
    html = str(header_html(site))
    assert all(f'<span class="vb-w400">{line}</span>' in html for line in JOINT if line != "—"), html
    word = ReadDocx(io.BytesIO(plan_docx(site))).tables[0].cell(0, 0)
    assert not any(r.bold for p in word.paragraphs[:4] for r in p.runs)

    def usual(path: Path) -> None:
        _plan(path, ["ỦY BAN MTTQ VIỆT NAM", "XÃ NGỌC LINH", "BAN THƯỜNG TRỰC"])
        doc = Document(str(path))
        doc.paragraphs[2].runs[0].bold = True
        doc.save(str(path))

    imported(project, tmp_path, capsys, usual, "thuong")
    assert "dong_in_dam" not in load(project, "thuong", "co-quan.yaml")
    assert "vb-w" not in str(header_html(load_plan(project, "thuong")))

"""A «QUY CHẾ PHỐI HỢP» written as plain paragraphs (review r19d, failure 2): «Chương I.» and its title
above the articles, and two signers one after the other at the end, no table."""

import re
from pathlib import Path

from docx import Document

from tests.test_import_plan import imported, load, project, run  # noqa: F401 - the fixture

HEAD = ["ỦY BAN MTTQ VIỆT NAM", "XÃ ĐĂK RƠ WA", "Số: 07/QCPH-MTTQ-CA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Đăk Rơ Wa, ngày 12 tháng 3 năm 2026",
        "QUY CHẾ PHỐI HỢP", "giữa Ủy ban MTTQ Việt Nam xã và Công an xã Đăk Rơ Wa trong công tác bảo đảm an ninh trật tự",
        "Căn cứ Luật Mặt trận Tổ quốc Việt Nam năm 2015;",
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã và Công an xã thống nhất ban hành Quy chế phối hợp như sau:",
        "Chương I.", "NHỮNG QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định nguyên tắc, nội dung và phương thức phối hợp giữa hai bên.",
        "Điều 2. Nguyên tắc phối hợp",
        "1. Tuân thủ pháp luật, tôn trọng chức năng của mỗi bên.",
        "2. Thông tin kịp thời, đầy đủ (mỗi quý ít nhất 01 lần).",
        "Chương II.", "NỘI DUNG PHỐI HỢP",
        "Điều 3. Tuyên truyền, vận động",
        "a) Phối hợp tổ chức 04 buổi tuyên truyền tại thôn Kon Jơ Ri.",
        "Chương III.", "TỔ CHỨC THỰC HIỆN",
        "Điều 4. Hiệu lực thi hành",
        "Quy chế này có hiệu lực kể từ ngày ký. Nếu có vướng mắc, hai bên cùng trao đổi, thống nhất sửa đổi.",
        "Nơi nhận:", "- Công an huyện;", "- Lưu: VT."]
SIGNERS = ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Hoa", "TRƯỞNG CÔNG AN XÃ", "Thiếu tá A Đức"]


def regulation(path: Path, signers=SIGNERS) -> None:
    doc = Document()
    for t in HEAD + list(signers):
        doc.add_paragraph(t)
    doc.save(path)


def _import(project, tmp_path, capsys, **kw) -> dict:
    return imported(project, tmp_path, capsys, lambda path: regulation(path, **kw), "qc")


def test_two_signers_as_plain_paragraphs_are_both_kept_and_printed(project, tmp_path, capsys):
    """The second signer («TRƯỞNG CÔNG AN XÃ / Thiếu tá A Đức») was only listed «chưa chép vào đâu» and
    missing from the page: each block is a signer, printed in order."""
    from macros.loader import load_plan
    from macros.render.plan import closing_html

    plan = _import(project, tmp_path, capsys)
    sign = plan["chu_ky"]
    assert (sign["quyen_han"], sign["chuc_vu"], sign["nguoi_ky"]) == ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Hoa")
    assert [(s["chuc_vu"], s["nguoi_ky"]) for s in plan["chu_ky_khac"]] == [("TRƯỞNG CÔNG AN XÃ", "Thiếu tá A Đức")]
    assert not any("chưa chép vào đâu" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"])
    html = str(closing_html(load_plan(project, "qc")))
    order = [html.index(t) for t in SIGNERS]
    assert order == sorted(order), order


def test_a_signature_line_no_block_holds_still_prints_as_written(project, tmp_path, capsys):
    """A line the signature reader cannot place (a long line after the name) is never dropped: it prints
    after the signatures, as written, and is listed."""
    from macros.loader import load_plan
    from macros.render.plan import closing_html

    odd = "ký thay cho đồng chí Trưởng Công an xã đang đi công tác theo Quyết định số 12/QĐ-CA"
    plan = _import(project, tmp_path, capsys, signers=SIGNERS + [odd])
    assert plan["chu_ky_khac"][0]["nguoi_ky"] == "Thiếu tá A Đức"
    assert plan["phu_luc"] == [odd]
    assert any(odd in c and "phu_luc" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"])
    html = str(closing_html(load_plan(project, "qc")))
    assert html.index("Thiếu tá A Đức") < html.index(odd)


def test_chapter_headings_stand_between_the_articles(project, tmp_path, capsys):
    """«Chương II.» and «NỘI DUNG PHỐI HỢP» sat inside item «2.» of the article before; the last article's
    text went to ket_luan. Each chapter is a section of its own, as written, holding no text; every article
    keeps its paragraphs; the page prints the headings in the document's order."""
    from macros.loader import load_plan
    from macros.render.plan import body_markdown

    plan = _import(project, tmp_path, capsys)
    assert [(s["so"], s["tieu_de"]) for s in plan["muc"]] == [
        ("Chương I.", "NHỮNG QUY ĐỊNH CHUNG"), ("Điều 1", "Phạm vi điều chỉnh"), ("Điều 2", "Nguyên tắc phối hợp"),
        ("Chương II.", "NỘI DUNG PHỐI HỢP"), ("Điều 3", "Tuyên truyền, vận động"),
        ("Chương III.", "TỔ CHỨC THỰC HIỆN"), ("Điều 4", "Hiệu lực thi hành")]
    assert [s["doan"] for s in plan["muc"] if s["so"].startswith("Chương")] == [[], [], []]
    assert [b["ky_hieu"] for b in plan["muc"][2]["doan"]] == ["1.", "2."]
    assert all("doan" not in b for b in plan["muc"][2]["doan"])
    assert plan["muc"][6]["doan"] == [HEAD[24]]
    assert plan["ket_luan"] == ""
    assert plan["mo_dau"] == HEAD[9]
    page = str(body_markdown(load_plan(project, "qc")))
    said = ["Chương I. NHỮNG QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Điều 2. Nguyên tắc phối hợp",
            "Chương II. NỘI DUNG PHỐI HỢP", "Điều 3. Tuyên truyền, vận động", "Chương III. TỔ CHỨC THỰC HIỆN",
            "Điều 4. Hiệu lực thi hành", HEAD[24]]
    order = [page.index(t) for t in said]
    assert order == sorted(order), order
    assert not re.search(r"Chương [IV]+\.\.", page)


def test_a_chapter_written_without_a_dot_keeps_its_number_as_written(project, tmp_path, capsys):
    """Review r19e: «Chương I» (no dot in the file) printed «Chương I.» on the page and in the Word export."""
    from macros.loader import load_plan
    from macros.render.plan import body_markdown

    def undotted(path: Path) -> None:
        doc = Document()
        for t in [t.rstrip(".") if t.startswith("Chương") else t for t in HEAD] + SIGNERS:
            doc.add_paragraph(t)
        doc.save(path)

    plan = imported(project, tmp_path, capsys, undotted, "qc")
    assert [s["so"] for s in plan["muc"] if s["so"].startswith("Chương")] == ["Chương I", "Chương II", "Chương III"]
    page = str(body_markdown(load_plan(project, "qc")))
    assert "Chương I NHỮNG QUY ĐỊNH CHUNG" in page and "Điều 1. Phạm vi điều chỉnh" in page
    assert not re.search(r"Chương [IV]+\.", page)

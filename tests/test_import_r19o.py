"""Review r19o (a ward's plan, Vĩnh An, five «Khu phố Vĩnh …»): the import's list of units (defect 10) and the
steps' own words offered as short names (defect 6). Small documents made here in the review's shapes."""

from tests.test_import_plan import imported, project  # noqa: F401 - project is a fixture
from tests.test_import_r19n import _checklist, commune_plan

WARD = ["ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HUẾ", "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG VĨNH AN"]

ASSIGNED = ["1. Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam phường chỉ đạo chung các hoạt động.",
            "2. Đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam phường Lê Văn Hòa phụ trách Khu phố Vĩnh Xuân, Khu phố "
            "Vĩnh Hưng và Khu phố Vĩnh Phước.",
            "3. Đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam phường Phan Thị Mai phụ trách Khu phố Vĩnh Lợi và Khu phố "
            "Vĩnh Thạnh.",
            "4. Ban Công tác Mặt trận các khu phố chủ động phối hợp với Chi bộ, Tổ dân phố triển khai thực hiện; báo cáo "
            "kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam phường (qua Văn phòng) trước ngày 20/11/2026 để tổng hợp, "
            "báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Huế trước ngày 25/11/2026."]

UNITS = ("mục III nêu 5 đơn vị: «Khu phố Vĩnh Xuân», «Khu phố Vĩnh Hưng», «Khu phố Vĩnh Phước», «Khu phố Vĩnh Lợi», "
         "«Khu phố Vĩnh Thạnh».")


def test_a_wards_khu_pho_are_its_units_and_no_person_or_higher_body_is_one(project, tmp_path, capsys):
    """«phụ trách Khu phố Vĩnh Xuân, Khu phố Vĩnh Hưng và …» names five units (was: none); «Phó Chủ tịch Ủy ban
    MTTQ Việt Nam phường Lê Văn Hòa» is a person, «Ban Thường trực … thành phố Huế» the body reported to, a level
    above the ward (was: «phường Lê Văn Hòa», «phường Phan Thị Mai», «thành phố Huế» offered as units)."""
    plan = imported(project, tmp_path, capsys, lambda p: commune_plan(p, header=WARD, org_section=ASSIGNED), "vinh-an")
    checklist = _checklist(plan)
    assert UNITS in checklist, checklist
    offered = [line for line in checklist.splitlines() if "ghi báo cáo" not in line]  # the report's name the receiver
    for wrong in ("Lê Văn Hòa»", "Phan Thị Mai»", "thành phố Huế»"):
        assert wrong not in "\n".join(offered), checklist


def test_a_person_after_a_bodys_level_word_is_no_unit_whatever_the_issuer():
    """Without the issuer's level, «Đồng chí Phó Chủ tịch UBND xã Nguyễn Văn An phụ trách thôn 3» still names
    one unit, «thôn 3»; a place after the same words with no «Đồng chí» before them is read as before."""
    from macros.plan_import.structure import find_units

    units = find_units(["Đồng chí Phó Chủ tịch UBND xã Nguyễn Văn An phụ trách thôn 3 và thôn 5."], [])
    assert [u["ten_chinh_thuc"] for u in units] == ["thôn 3", "thôn 5"]
    units = find_units(["Phối hợp với Ủy ban MTTQ Việt Nam xã Đăk Pxi, xã Đăk Mar tổ chức hội nghị."], [])
    assert [u["ten_chinh_thuc"] for u in units] == ["xã Đăk Pxi", "xã Đăk Mar"]


def test_ward_unit_words_after_2025_name_units():
    """The units of a ward or commune since 2025: khu phố, tổ dân phố, thôn, làng, bản, buôn, plei, ấp, khóm…"""
    from macros.plan_import.structure import find_units

    text = ("Tổ chức tại Khu phố 3, khu phố Đông Ba, Plei Kơ Tu, khóm Mỹ Thành, xóm Bãi, sóc Tà Lơn, Tổ dân phố "
            "Làng Tri và ấp Bình Hòa.")
    assert [u["ten_chinh_thuc"] for u in find_units([text], [])] == [
        "Khu phố 3", "khu phố Đông Ba", "Plei Kơ Tu", "khóm Mỹ Thành", "xóm Bãi", "sóc Tà Lơn", "Tổ dân phố Làng Tri",
        "ấp Bình Hòa"]


def steps_plan(path):
    """The ward plan with a steps section «Bước 1: …» and a contents section «1. …» (one with a lead-in)."""
    from docx import Document

    commune_plan(path, header=WARD, org_section=ASSIGNED)
    d = Document(str(path))
    body = d.paragraphs
    at = next(p for p in body if p.text == "III. TỔ CHỨC THỰC HIỆN")
    for t in ("II. NỘI DUNG HOẠT ĐỘNG",
              "1. Tuyên truyền về truyền thống vẻ vang của Mặt trận Tổ quốc Việt Nam (18/11).",
              "2. Thăm hỏi, tặng quà: hộ nghèo, hộ có hoàn cảnh khó khăn tại khu phố.",
              "III. CÁC BƯỚC TIẾN HÀNH",
              "Bước 1: Xây dựng kế hoạch. Ban Công tác Mặt trận các khu phố dự trù kinh phí 3.000.000 đồng trước ngày "
              "15/9/2026.",
              "Bước 2: Tổ chức hội nghị tuyên truyền ở khu dân cư từ 01/10 - 15/11/2026; mỗi khu phố từ 1 đến 2 hội nghị.",
              "IV. TỔ CHỨC THỰC HIỆN"):
        at.insert_paragraph_before(t)
    at._element.getparent().remove(at._element)
    d.save(str(path))


def test_no_short_name_is_asked_for(project, tmp_path, capsys):
    """Review r19o #6: the editor had to make up ten_ngan for each step and content; session 9's checklist then
    offered the document's lead words for it. A short name is now optional (the site names a step or a content
    by the plan's own words when it has none): the checklist asks for none."""
    plan = imported(project, tmp_path, capsys, steps_plan, "vinh-an")
    checklist = _checklist(plan)
    assert not [line for line in checklist if "ten_ngan" in line or "tên ngắn" in line], checklist
    assert [s["loai"] for s in plan["muc"]] == ["muc_dich_yeu_cau", "noi_dung", "cac_buoc", "to_chuc_thuc_hien"]


def test_the_report_sender_is_listed_as_written_and_never_guessed(project, tmp_path, capsys):
    """Session 10 (r19o #8, import side): the import wrote no sender of the report anywhere, so the editor chose
    one. The checklist now gives it as the document writes it where the sentence names it (its subject, or the
    body an item's lines stand under), the onward report («để tổng hợp, báo cáo … thành phố Huế trước ngày
    25/11/2026») with its own receiver and date, and says a sentence names none where it names none."""
    plan = imported(project, tmp_path, capsys, lambda p: commune_plan(p, header=WARD, org_section=ASSIGNED), "vinh-an")
    checklist = _checklist(plan)
    assert ("người gửi như văn bản viết «Ban Công tác Mặt trận các khu phố», nơi nhận «Ban Thường trực Ủy ban MTTQ "
            "Việt Nam phường (qua Văn phòng)», hạn «trước ngày 20/11/2026»") in checklist, checklist
    assert ("báo cáo tiếp lên cấp trên: «tổng hợp, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Huế trước "
            "ngày 25/11/2026»: người gửi như văn bản viết là nơi nhận báo cáo trước đó, «Ban Thường trực Ủy ban MTTQ "
            "Việt Nam phường»; nơi nhận «Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Huế»; hạn «trước ngày "
            "25/11/2026»") in checklist, checklist
    unnamed = ["1. Đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam phường phụ trách Khu phố Vĩnh Xuân.",
               "2. Sơ kết, báo cáo kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Huế trước ngày 20/12/2026."]
    plan = imported(project, tmp_path, capsys, lambda p: commune_plan(p, header=WARD, org_section=unnamed), "vinh-an-b")
    checklist = _checklist(plan)
    assert ("ghi báo cáo «báo cáo kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Huế trước ngày 20/12/2026» "
            "nhưng câu không viết ai gửi") in checklist, checklist
    assert "người gửi như văn bản viết" not in checklist, checklist

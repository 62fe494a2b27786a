"""Review r19o (a ward plan), render side, in-process on the commune fixture (tests/fixtures/ke-hoach-xa-cau-truc):
#2 the assignments page says what an assignee does in the plan's word (quan_he) and names its units as the task
   writes them («Khu phố Vĩnh Xuân», not «khu phố Vĩnh Xuân»);
#7 an assignee with no units (the Chủ tịch «chỉ đạo chung») can be recorded and is shown with its task;
#8 where the plan says the units send the report (bao_cao › nguoi_gui: don_vi), the assignee is not named or
   pre-filled as the sender;
#12 on a two-plan site the plan-list page carries no one plan's status, and the downloads are named by plan."""

from macros.render import assignments
from tests.test_cite_as_written import _org, _site

STAMP = __import__("datetime").datetime(2026, 12, 1, tzinfo=__import__("datetime").timezone.utc)
CHAIR = "Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam xã chỉ đạo chung các hoạt động."


def _capitalised(data):
    """The plan writes the units capitalised in the assignee's task («phụ trách Thôn Kon Klor …»)."""
    old = "phụ trách thôn Kon Klor và thôn Kon Rờ Bàng 1."
    new = "phụ trách Thôn Kon Klor và Thôn Kon Rờ Bàng 1."
    org = _org(data)
    org["phan_cong"][0]["nhiem_vu"] = org["phan_cong"][0]["nhiem_vu"].replace(old, new)
    org["doan"][0]["doan"][0]["van_ban"] = org["doan"][0]["doan"][0]["van_ban"].replace(old, new)


def test_assignments_page_uses_the_plans_word_and_the_units_as_written(tmp_path):
    page = assignments.by_department(_site(tmp_path))
    assert "Phối hợp tại" not in page, page
    assert "**Phụ trách:** [thôn Kon Klor]" in page, page
    page = assignments.by_department(_site(tmp_path / "hoa", _capitalised))
    assert "**Phụ trách:** [Thôn Kon Klor](" in page and "[Thôn Kon Rờ Bàng 1](" in page, page
    assert "[làng Plei Đôn](" in page, page  # the other task writes it in lower case


def _same_year_twice(tmp_path):
    """A website of two plans of one year (review r19o's out3: the ward plan and its «Quý IV» version)."""
    import shutil
    from macros.loader import load_website
    from tests.test_structured_verbatim import _project

    root = _project(tmp_path)
    shutil.copytree(root / "data" / "ke-hoach-xa", root / "data" / "ke-hoach-xa-2")
    website = root / "data" / "website.yaml"
    website.write_text(website.read_text(encoding="utf-8") + "  - thu_muc: ke-hoach-xa-2\n    duong_dan: xa-2/\n"
                       "    ten: Kế hoạch thứ hai của xã dùng để kiểm thử\n", encoding="utf-8")
    return load_website(root)


def test_a_site_wide_page_of_two_plans_carries_each_plans_status_not_the_firsts(tmp_path):
    from macros.render import notice, pages

    website = _same_year_twice(tmp_path)
    first, second = website.plans
    listing = pages.plans_page(website).markdown
    for site in website.plans:
        assert notice.ended_clause(site)[1:] in listing, listing  # each plan's own status, on its own item
    banner = notice.site_notice_html(website.plans, None, "index.md")
    assert notice.one_line(first, notice.Kind.REFERENCE) not in banner, banner
    assert first.title in banner and second.title in banner, banner
    # a plan's own page keeps its own plan's notice
    assert notice.site_notice_html(website.plans, second, "xa-2/index.md") == notice.page_notice_html(second, "xa-2/index.md")


def test_two_plans_of_one_year_name_their_downloads_apart(tmp_path):
    from macros import outputs as registry

    website = _same_year_twice(tmp_path)
    names = [[o.path.rsplit("/", 1)[-1] for o in registry.outputs(site).files if "/don-vi/" not in o.path
              and "/lich/" not in o.path and "/mau-bao-cao/" not in o.path] for site in website.plans]
    assert names[0] and not set(names[0]) & set(names[1]), names
    assert any(n.endswith("-ke-hoach-xa-2.csv") for n in names[1]), names


def _units_report(data):
    _org(data)["bao_cao"]["nguoi_gui"] = "don_vi"


def test_where_the_units_report_the_assignee_is_not_named_or_prefilled_as_the_sender(tmp_path):
    from macros.exports import template
    from macros.render import units
    from tests.test_structured_verbatim import _project
    from tests.test_units_without_budget_steps import RESULTS, _words

    root = _project(tmp_path, _units_report)
    (root / "data" / "ke-hoach-xa" / "ket-qua").mkdir()
    (root / "data" / "ke-hoach-xa" / "ket-qua" / "kon-klor.yaml").write_text(RESULTS, encoding="utf-8")
    from macros.loader import load_website
    site = load_website(root).plans[0]
    from macros.render import progress
    from macros.results.load import results_of
    page = _words(progress.unit_section(site, results_of(site), "kon-klor"))
    assert "báo cáo gửi ngày 12/11/2026" in page, page
    assert "báo cáo gửi ngày 12/11/2026 (" not in page, page  # not «(Đồng chí Phó Chủ tịch …)» as the sender
    ws = template.template_workbook(site, template.unit_values(site, "kon-klor"), STAMP).active
    row = template.INFO_KEYS["ban"].row
    assert ws.cell(row, 1).value == "Phụ trách" and ws.cell(row, 2).value.startswith("Đồng chí Phó Chủ tịch")
    # a record of who is assigned, not a yellow cell the unit fills as its report's sender
    assert ws.cell(row, 2).fill != template.FILL, ws.cell(row, 2).fill
    assert ws.cell(template.INFO_KEYS["ngay_gui"].row, 2).fill == template.FILL


def _chair(data):
    """The plan's «Đồng chí Chủ tịch … chỉ đạo chung các hoạt động»: an assignee with no units."""
    org = _org(data)
    org["doan"][0]["doan"].insert(0, {"ky_hieu": "-", "van_ban": CHAIR})
    org["phan_cong"].insert(0, {"ban": "chu-tich", "tieu_de": "- Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam xã",
                                "nhiem_vu": CHAIR, "don_vi": []})


def test_an_assignee_with_no_units_is_recorded_and_shown_with_its_task(tmp_path):
    from macros.loader import load_website
    from macros.render import home
    from tests.test_structured_verbatim import _project

    root = _project(tmp_path, _chair)
    org = root / "data" / "ke-hoach-xa" / "co-quan.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace(
        "ban:\n", "ban:\n  - ma: chu-tich\n    ten: Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam xã\n"), encoding="utf-8")
    site = load_website(root).plans[0]
    page = assignments.assignments_page(site)
    chair = page.split("### Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam xã", 1)[1].split("###", 1)[0]
    assert CHAIR in chair and "Phụ trách:" not in chair, chair
    assert "Đồng chí Chủ tịch" not in assignments.by_unit_table(site)  # no units, no amounts
    assert "Đồng chí Chủ tịch" not in home.home_page(site)  # not listed among those who «phụ trách» units


KON_TUM = ("Kế hoạch tuyên truyền, vận động thực hiện Cuộc vận động “Làm thay đổi nếp nghĩ, cách làm của đồng bào dân "
           "tộc thiểu số, làm cho đồng bào dân tộc thiểu số vươn lên thoát nghèo bền vững” trên địa bàn tỉnh Kon Tum "
           "năm 2026: toàn văn kế hoạch và tài liệu tham khảo biên soạn từ kế hoạch (không phải văn bản chính thức).")


def test_a_website_description_naming_a_place_or_title_no_plan_writes_is_refused(tmp_path):
    """#11: only the year changed from the 2023 site's description: «Kon Tum» and the 2023 campaign's title leak."""
    import pytest
    from macros.errors import DataErrors
    from macros.loader import load_website
    from tests.test_website_name_leak import _with_site_words

    with pytest.raises(DataErrors) as caught:
        load_website(_with_site_words(tmp_path, "Kế hoạch tuyên truyền, vận động năm 2026", KON_TUM))
    text = str(caught.value)
    assert "«mo_ta»" in text and "Kon Tum" in text and "Làm thay đổi nếp nghĩ" in text, text
    assert "trường «ten»" not in text, text
    # the plan's own place and campaign title pass
    own = ("Kế hoạch tuyên truyền, vận động thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị "
           "văn minh” trên địa bàn xã Đăk Rơ Wa năm 2026 (Ủy ban MTTQ Việt Nam xã).")
    assert load_website(_with_site_words(tmp_path / "2", "Kế hoạch của xã Đăk Rơ Wa năm 2026", own)).plans


def _count_without_placeholder(data):
    """r19o's shape: the count per unit recorded (hoi_nghi › moi_don_vi) and the step's text as written, with no
    {so_hoi_nghi} in it."""
    steps = next(s for s in data["muc"] if s.get("loai") == "cac_buoc")
    steps["buoc"][1]["noi_dung"] = steps["buoc"][1]["noi_dung"].replace("{so_hoi_nghi}", "từ 01 đến 02")
    steps["hoi_nghi"]["moi_don_vi"] = True


def test_the_unit_sheet_gives_the_conference_count_the_unit_page_gives(tmp_path):
    """#13: the unit PDF's row «Thời gian, hội nghị» had no count where the unit page had one."""
    from macros.pdf import documents
    from macros.render import units
    from tests.test_units_without_budget_steps import _words

    site = _site(tmp_path, _count_without_placeholder)
    page = _words(units.unit_page(site, "kon-klor"))
    assert f"Số hội nghị của mỗi {site.plan.ten_goi_don_vi}: từ 01 đến 02." in page, page
    row = _words(documents.handout_document(site, "kon-klor")).split("Thời gian, hội nghị", 1)[1].split("Báo cáo kết quả")[0]
    assert "từ 01 đến 02" in row and "hội nghị" in row, row

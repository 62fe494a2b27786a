"""Nothing invented, nothing dated, nothing colloquial (issue 20, items 2, 3, 7 and 9).

Each test names a sentence the site printed that the plan does not say (a rule,
a signer, a law), or wording out of the Front's register, and reads the outputs
it was on: the built pages, the plan PDF, the Excel templates, and (in-process,
with the fixture results) the compiled report and the progress chart.
"""

import datetime as dt
import io

import openpyxl
import pytest

from macros.exports import template as T
from macros.loader import load_site
from macros.pdf import paths
from macros.render import progress, report
from macros.results import progress as pg
from tests.results_fixtures import results_of, with_results
from tests.sitebuild import ROOT, page_text

DATA = load_site(ROOT)
STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
PER_UNIT = "Kế hoạch giao mỗi đơn vị"  # the plan sets no number of conferences per unit
QUOTE = "Kế hoạch (mục III.3) ghi: «Tổ chức từ 02 đến 04 hội nghị tuyên truyền, vận động thực hiện Cuộc vận động tại các khu dân cư"


def cells(code: str) -> dict[str, str]:
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(DATA, code, STAMP)))
    return {f"{ws.title}!{c.coordinate}": str(c.value) for ws in wb for row in ws.iter_rows() for c in row
            if c.value is not None}


# -- item 2: rules the plan does not set ------------------------------------------------------
@pytest.mark.parametrize("code", [u.ma for u in DATA.units])
def test_templates_quote_the_plan_on_conferences_and_invent_no_rule(code):
    values = cells(code)
    text = "\n".join(values.values())
    assert PER_UNIT not in text
    assert "Giải trình" not in text  # no rule on overspending in the plan
    assert values[f"{T.GUIDE}!A3"].startswith(QUOTE)
    assert "Kế hoạch không ghi số hội nghị riêng cho từng huyện, thành phố." in values[f"{T.GUIDE}!A3"]


def test_the_receiving_ban_is_never_told_to_report_to_itself():
    receiver_code = DATA.plan.to_chuc_thuc_hien.bao_cao.noi_nhan
    receiver = DATA.department(receiver_code).ten
    own = [u.ma for u in DATA.units if DATA.assignment_of(u.ma).ban == receiver_code]
    assert sorted(own) == ["612", "616", "617", "618"]
    for code in own:
        values = cells(code)
        a2 = values[f"{T.INFO}!A2"]
        assert f"gửi {receiver}" not in a2 and f"{receiver} báo cáo kết quả về {receiver}" not in a2, code
        assert f"{receiver} tổng hợp báo cáo kết quả trên địa bàn toàn tỉnh" in a2, code
        assert values[f"{T.INFO}!A6"] == "Ban phối hợp của tỉnh", code  # not «Ban gửi báo cáo»
    other = next(u.ma for u in DATA.units if u.ma not in own)
    assert f"báo cáo kết quả về {receiver} trước ngày 30/11/2023" in cells(other)[f"{T.INFO}!A2"]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return results_of(with_results(tmp_path_factory.mktemp("kq")))


def test_report_and_chart_quote_the_plan_on_conferences(results):
    doc = report.document_html(DATA, results)
    assert PER_UNIT not in doc and QUOTE in doc and "kế hoạch giao" not in doc
    chart = progress.conferences_chart(DATA, pg.all_progress(DATA, results))
    words = chart.description + " ".join(text for _, text in chart.legend)
    assert "kế hoạch giao" not in words
    assert "mục III.3" in words and "không ghi số hội nghị riêng cho từng huyện, thành phố" in words
    assert "giải trình" not in doc.lower()


def test_report_page_does_not_name_a_signer_the_plan_does_not_name(results):
    page = report.report_page(DATA, results)
    assert "ký ban hành. Số liệu" not in page and "tham mưu" not in page
    assert "Kế hoạch không ghi ai ký ban hành báo cáo tổng hợp" in page
    assert "(mục VI.1)" in page


def test_steps_carry_no_invented_order_and_forms_no_numbered_conferences(site):
    assert "lần lượt" not in page_text(site, "tien-do/index.html")
    for slug in ("chuong-trinh-hoi-nghi", "danh-sach-dai-bieu", "bien-ban-hoi-nghi"):
        text = page_text(site, f"bo-cong-cu/{slug}/index.html")
        assert "☐ 1" not in text and "☐ 4" not in text, slug


# -- item 3: the plan's header is the site's layout ---------------------------------------------
LAYOUT = "Phần đầu văn bản do website trình bày theo thể thức của Nghị định 30/2020"
NO_NUMBER = "bản chép dùng làm căn cứ không có phần này, không có số, ngày ban hành"  # not "văn bản gốc …": unknowable


def test_plan_page_and_pdf_say_the_header_is_laid_out_by_the_site(site):
    import pdfplumber
    from tests.pdfcheck import require_weasyprint, squash
    text = page_text(site, "ke-hoach/index.html")
    assert LAYOUT in text and NO_NUMBER in text and "văn bản gốc" not in text
    # Outside the document, before it: read before the header it explains.
    assert text.index(LAYOUT) < text.index("/KH-MTTQ-BTT")
    require_weasyprint()
    with pdfplumber.open(site / paths.plan_pdf(DATA)) as pdf:
        first = squash(pdf.pages[0].extract_text())
    assert first.index(LAYOUT) < first.index("/KH-MTTQ-BTT") and NO_NUMBER in first


# -- item 7: law and advice as they stand --------------------------------------------------------
def test_handbook_states_no_unverified_basis_and_no_outdated_law(site):
    campaign = page_text(site, "so-tay/cuoc-van-dong/index.html")
    references = page_text(site, "so-tay/van-ban/index.html")
    policies = page_text(site, "so-tay/chu-truong-chinh-sach/index.html")
    for text in (campaign, references, policies):
        assert "08-KL/TU" not in text and "cơ quan thường trực của Cuộc vận động" not in text
    # The roles the plan gives the three groups together, not to one of them.
    assert "Già làng, người uy tín trong cộng đồng: là lực lượng xung kích" not in campaign
    assert "ba lực lượng" in campaign and "là lực lượng xung kích, đầu tàu" in campaign
    # The Land Law of 2013 was replaced; the 2021–2025 programmes ended.
    assert "Luật Đất đai số 31/2024/QH15" in policies and "đã thay thế Luật Đất đai năm 2013" in policies
    assert policies.count("đã kết thúc năm 2025") >= 3
    assert ("giai đoạn 2021 - 2030, giai đoạn I: từ năm 2021 đến năm 2025" in references)
    # Mediation: the commune People's Committee mediates before a land dispute goes further.
    assert "phải được hòa giải tại Ủy ban nhân dân xã nơi có đất (Điều 235 Luật Đất đai số 31/2024/QH15)" in policies


def test_every_added_law_keeps_where_it_was_checked():
    refs = {r.ma: r for r in DATA.references}
    for code in ("luat-dat-dai-2024", "qd-1719-2021"):
        assert refs[code].nguon, code


# -- item 9: language ---------------------------------------------------------------------------
def test_no_doubled_word_and_no_colloquial_headings(site):
    assert "vận động vận động" not in page_text(site, "so-tay/cuoc-van-dong/index.html")
    home = page_text(site, "index.html")
    for heading in ("Làm gì", "Ai làm", "Ở đâu", "Khi nào", "Bao nhiêu"):
        assert heading not in home, heading
    for heading in ("Nội dung", "Đơn vị thực hiện", "Địa bàn", "Thời gian", "Kinh phí"):
        assert heading in home, heading


def test_not_found_page_is_vietnamese_with_search_and_links(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "Not found" not in html and "Không tìm thấy trang" in html
    assert 'for="__search"' in html
    for href in ('href="/."', 'href="/ke-hoach/"', 'href="/don-vi/"'):
        assert href in html, href


def test_unit_pages_budget_and_compiler_wording(site):
    for rel in ("don-vi/thanh-pho-kon-tum/index.html", "don-vi/huyen-dak-ha/index.html"):
        assert "Văn phòng (ban phối hợp)" not in page_text(site, rel), rel
    budget = page_text(site, "kinh-phi/index.html")
    assert "Kinh phí (đồng)" not in budget and "5.000.000 đồng" in budget
    for rel in ("index.html", "don-vi/huyen-dak-to/index.html", "so-tay/cuoc-van-dong/index.html"):
        assert "người biên tập website" not in page_text(site, rel).lower(), rel


def test_pdfs_print_no_link_text_that_does_nothing_on_paper(site_pdf_texts):
    """A link to another page of the website is nothing on paper: the PDFs leave such
    lines off («Xem tất cả: Văn bản tham khảo», the handbook's «Tra cứu» list of pages
    that are not in the PDF), and never print «bấm vào…» or «Tải PDF»."""
    from tests.pdfcheck import require_weasyprint
    require_weasyprint()
    assert len(site_pdf_texts) >= 3  # the plan, the handbook, the handouts (read once per run: conftest)
    for rel, text in site_pdf_texts.items():
        for phrase in ("Xem tất cả:", "Xem thêm:", "Bộ công cụ hội nghị (mẫu in)", "bấm vào", "Bấm vào", "Tải PDF"):
            assert phrase not in text, (rel, phrase)

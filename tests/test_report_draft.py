"""The compiled report is the website's draft, never the Front office's document
(issue 20, reviewer's findings): no letterhead, number, place-date or signer the plan
does not give; «DỰ THẢO – tài liệu tham khảo …» on every page of its PDF and in its
metadata; each table's total printed once, after its last row, in every PDF; every
PDF's Title/Subject says what it is."""

import re

import pytest

from macros.pdf import documents, writer
from macros.pdf.documents import Chapter
from macros.render import report
from tests.pdfcheck import squash
from tests.results_fixtures import SITE, results_of, with_results

DRAFT = "DỰ THẢO – tài liệu tham khảo do website tổng hợp từ số liệu các đơn vị, không phải văn bản đã ban hành"
# What only the issuing office could write: its letterhead, number, place-date, voice, signer.
OFFICE_ONLY = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "/BC-MTTQ-BTT", "ngày tháng năm", "báo cáo kết quả thực hiện như sau",
               "TM. BAN THƯỜNG TRỰC", "Lưu: VT", "Nơi nhận"]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return results_of(with_results(tmp_path_factory.mktemp("kq")))


def test_report_html_is_the_websites_draft(results):
    html = report.document_html(SITE, results)
    text = squash(re.sub(r"<[^>]+>", " ", html))
    assert DRAFT in text
    for words in OFFICE_ONLY:
        assert words not in text, words
    page = squash(re.sub(r"<[^>]+>", " ", report.report_page(SITE, results)))
    assert "Kế hoạch không ghi ai ký ban hành báo cáo tổng hợp" in page
    assert "để trống cho đến khi ban hành" not in page  # no body is left to issue it


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory, results):
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint unavailable")
    from macros.pdf.report import report_job
    from tests.pdfcheck import write_job
    return write_job(SITE, report_job(SITE, results), tmp_path_factory.mktemp("bc"))


def test_report_pdf_says_draft_on_every_page_and_in_its_metadata(report_pdf):
    # pdfplumber, not pdftotext: text drawn outside the page (an office-only line there) is read too
    import pdfplumber
    with pdfplumber.open(report_pdf) as doc:
        pages = [squash(p.extract_text()) for p in doc.pages]
        meta = doc.metadata
    assert len(pages) >= 2
    for n, text in enumerate(pages, 1):
        assert DRAFT in text, f"page {n}"
    whole = " ".join(pages)
    for words in OFFICE_ONLY:
        assert words not in whole, words
    for field in ("Title", "Subject"):
        assert "Dự thảo" in meta[field] and "tài liệu tham khảo" in meta[field], (field, meta[field])


def test_report_pdf_totals_once_after_the_last_row(report_pdf):
    """WeasyPrint repeats a <tfoot> on every page: a total under half a table."""
    import pdfplumber  # the page's reading order (pdftotext -raw reads in drawing order)
    with pdfplumber.open(report_pdf) as doc:
        whole = squash(" ".join(p.extract_text() for p in doc.pages))
    from macros.render.links import unit_title
    names = [unit_title(u) for u in SITE.units]  # as the unit's page names it
    parts = whole.split("Tổng cộng")
    assert len(parts) == 3, len(parts) - 1  # conferences, money: one total each
    for before in parts[:-1]:
        table = before[before.rfind(f"1 {names[0]} "):]  # this table, from its first row
        assert all(n in table for n in names), table[-300:]  # every row above it, on this page or before
        assert max(names, key=table.rfind) == names[-1], table[-300:]  # right after the last row


LONG_TABLE = ("<table><thead><tr><th>TT</th><th>Đơn vị</th></tr></thead><tbody>"
              + "".join(f"<tr><td>{i}</td><td>Dòng {i}</td></tr>" for i in range(1, 121))
              + "</tbody><tfoot><tr><td></td><td>Tổng cộng</td></tr></tfoot></table>")


@pytest.mark.parametrize("kind", ["plan", "handout", "handbook", "report"])
def test_every_pdf_prints_a_table_footer_once(kind, tmp_path):
    """A table longer than a page, in each kind of PDF we make: its footer once, at the end."""
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint unavailable")
    html = f'<!DOCTYPE html><html lang="vi"><body><article class="md-typeset">{LONG_TABLE}</article></body></html>'
    import pdfplumber  # the page's reading order: «Dòng 120» above «Tổng cộng» on the page

    from tests.pdfcheck import print_pdf
    doc = print_pdf(html, kind, documents.Metadata("t", "a", "s"), SITE)  # this process's Printer (issue 22)
    assert doc.pages > 1
    with pdfplumber.open(doc.path) as pdf:
        texts = [squash(p.extract_text()) for p in pdf.pages]
    assert len(texts) == doc.pages
    assert sum(t.count("Tổng cộng") for t in texts) == 1
    assert "Tổng cộng" in texts[-1] and texts[-1].index("Dòng 120") < texts[-1].index("Tổng cộng")


def test_every_pdf_says_what_it_is_in_its_metadata(results):
    chapter = Chapter("Chương", "<p>Nội dung</p>")
    jobs = writer.jobs_for(SITE, "Sổ tay tuyên truyền", [chapter])
    from macros.pdf.report import report_job
    jobs.append(report_job(SITE, results))
    kinds = {j.kind for j in jobs}
    assert kinds == {"plan", "handout", "handbook", "report"}
    plan_title = SITE.plan.van_ban.trich_yeu
    for job in jobs:
        title, subject = job.meta.title, job.meta.subject
        if job.kind == "plan":
            assert plan_title in title and "tài liệu tham khảo" not in title  # the plan's own title
            assert "bản chép" in subject.lower() and "tham khảo" in subject, subject
            continue
        for field in (title, subject):
            assert "tài liệu tham khảo" in field.lower() and "website" in field, (job.rel, field)
        # The plan's own «Sổ tay tuyên truyền thực hiện Cuộc vận động» was issued apart: not this.
        assert "Sổ tay tuyên truyền thực hiện Cuộc vận động" not in title


PLAN_NOTE = ("Phần đầu văn bản do website trình bày theo thể thức của Nghị định 30/2020; "
             "bản chép dùng làm căn cứ không có phần này, không có số, ngày ban hành")


def test_plan_page_says_first_that_the_header_is_the_websites():
    from macros.render import plan
    html = plan.plan_page(SITE)
    assert PLAN_NOTE in html and "văn bản gốc" not in html  # what the original says, we cannot know
    assert html.index("vb-layout-note") < html.index("vb-document") < html.index("KH-MTTQ-BTT")


def test_plan_pdf_says_it_at_the_top_of_page_one():
    """In page 1's top margin, above the header, in legible type; the plan keeps its 3 pages."""
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint unavailable")
    import pdfplumber
    from tests.pdfcheck import TOP, print_pdf
    doc = print_pdf(documents.plan_document(SITE), "plan", documents.plan_metadata(SITE), SITE)
    assert doc.pages <= 3
    with pdfplumber.open(doc.path) as pdf:
        page = pdf.pages[0]
        top = [c for c in page.chars if c["top"] < TOP and c["text"].strip()]
        assert PLAN_NOTE in squash("".join(c["text"] for c in top).replace(" ", " ")) or \
            PLAN_NOTE.replace(" ", "") in "".join(c["text"] for c in top).replace(" ", "")
        assert min(round(c["size"], 1) for c in top) >= 8


def test_report_marks_no_unit_against_the_plans_range_and_names_units_as_their_pages(results):
    """The plan's «02 đến 04 hội nghị» is not per unit: no «*» beside a unit's count and no
    «Dấu *» footnote; the plan's sentence is quoted once. Tables name each unit as its page
    does («Thành phố Kon Tum», not «Kon Tum») (review of issue 20)."""
    from macros.render import links
    from macros.render.plan import conference_rule
    from tests.results_fixtures import Elements

    html = report.document_html(SITE, results)
    text = squash(re.sub(r"<[^>]+>", " ", html))
    assert "Dấu *" not in text and "ngoài khoảng" not in text
    assert text.count(squash(conference_rule(SITE))) == 1
    cells = [t for t, a, _ in Elements(html).found if t == "td"]
    assert cells
    counts = [x for _, x in Elements(html).all("td", "bc-n")]
    assert counts and not any("*" in x for x in counts)
    names = [x for _, x in Elements(html).all("th") if x and x not in ("Tổng cộng",)]
    for unit in SITE.units:
        assert links.unit_title(unit) in names, unit.ma
    assert "Kon Tum" not in names

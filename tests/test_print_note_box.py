"""The website's note («Ghi chú của website …») after the signature of a plan's PDF is kept whole on one
page when it fits one (docs/assets/print.css): split, a draft's long note left the last page holding its
last two lines (session 8, s-quotes item 5). In-process: the commune plan of review r19k as an unchecked
draft, its plan PDF written by WeasyPrint with the site's stylesheets."""

from macros.loader import load_website
from macros.pdf import documents
from tests.pdfcheck import pdftotext_pages, print_pdf, require_weasyprint, squash
from tests.sitebuild import ROOT
from tests.test_structured_verbatim import _project


def test_the_draft_plans_note_is_not_split_across_pages(tmp_path):
    require_weasyprint()

    def change(data):
        data["nhap_tu_dong"]["da_doi_chieu"] = False
    site = load_website(_project(tmp_path, change)).plans[0]
    # This process's Printer (issue 22); each page's text by poppler (text only: ~35× less CPU than pypdf's)
    out = print_pdf(documents.plan_document(site), "plan", documents.plan_metadata(site), root=ROOT)
    pages = [squash(p) for p in pdftotext_pages(out.path, "-raw")]
    assert len(pages) == out.pages
    lead, tail = "Ghi chú của website, không thuộc văn bản kế hoạch.", "thời điểm ban hành kế hoạch"
    [with_lead] = [i for i, text in enumerate(pages) if lead in text]
    assert tail in pages[with_lead], pages[with_lead:]
    # The note starts its page only when it had to move: the signature is on the page before it.
    assert "TM. BAN THƯỜNG TRỰC" in pages[with_lead - 1] + pages[with_lead]

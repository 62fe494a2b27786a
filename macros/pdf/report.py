"""The compiled report as an A4 PDF: the same HTML as its page
(render/report.document_html), print.css for the document layout, results.css
for its tables, pdf.css for the draft line in every page's footer. Written by pdf/writer.write_all with the
other PDFs of its plan (cache, parallel), under the plan's prefix."""

from ..render import report
from .. import outputs as registry
from ..results.load import Results, results_of
from ..site import Site
from ..changes_model import Kind
from ..templating import fragment
from ..render.notice import draft_sentence
from .documents import Metadata, _document, _notice, author, marked
from .job import Job


def report_metadata(site: Site, results: Results) -> Metadata:
    """A draft says so in its Title and Subject: the website's compilation, for reference."""
    if results.report.da_ban_hanh:
        return marked(site, Metadata(report.title(site), author(site), report.summary_line(site)))
    what = "tài liệu tham khảo do website tổng hợp từ số liệu các đơn vị"
    return marked(site, Metadata(f"Dự thảo – {report.title(site)} – {what}", author(site),
                                 f"Dự thảo – {report.DRAFT_LINE.split(' – ', 1)[1]}: {report.summary_line(site)}"))


def report_document(site: Site, results: Results, qr_url: str | None = None) -> str:
    # Like every PDF (issue 11), the site's notice, after the document and apart from it:
    # what this is (compiled by the site, a draft until issued) and where the plan stands.
    return _document(report_metadata(site, results), "print-report",
                     fragment("report_article.html", body=report.document_html(site, results),
                              note=_notice(site, Kind.REFERENCE, compact=True)), qr_url, draft_sentence(site))


def report_pdf(site: Site) -> str:
    """"pdf/bao-cao-tong-hop-<year>.pdf" (under the plan's prefix): where the report PDF goes in site/."""
    return site.prefix + registry.path(site, "report_pdf")


def report_job(site: Site, results: Results | None = None, page_url=lambda rel: None) -> Job | None:
    """The writer's job for the report; None when the plan has no results (nothing to compile).
    `page_url`: a PDF path -> its page's address or None (the QR code, documents._document)."""
    results = results if results is not None else results_of(site)
    if results.empty or not site.has_units:  # no results pages (Site.has_units): no report either
        return None
    rel = report_pdf(site)
    return Job(rel, report_document(site, results, page_url(rel)), "report", report_metadata(site, results))

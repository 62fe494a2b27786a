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
from .documents import Metadata, _document, _notice, author
from .job import Job


def report_metadata(site: Site, results: Results) -> Metadata:
    """A draft says so in its Title and Subject: the website's compilation, for reference."""
    if results.report.da_ban_hanh:
        return Metadata(report.title(site), author(site), report.summary_line(site))
    what = "tài liệu tham khảo do website tổng hợp từ số liệu các đơn vị"
    return Metadata(f"Dự thảo – {report.title(site)} – {what}", author(site),
                    f"Dự thảo – {report.DRAFT_LINE.split(' – ', 1)[1]}: {report.summary_line(site)}")


def report_document(site: Site, results: Results) -> str:
    # Like every PDF (issue 11), the site's notice, after the document and apart from it:
    # what this is (compiled by the site, a draft until issued) and where the plan stands.
    return _document(report_metadata(site, results), "print-report",
                     fragment("report_article.html", body=report.document_html(site, results),
                              note=_notice(site, Kind.REFERENCE, compact=True)))


def report_pdf(site: Site) -> str:
    """"pdf/bao-cao-tong-hop-<year>.pdf" (under the plan's prefix): where the report PDF goes in site/."""
    return site.prefix + registry.path(site, "report_pdf")


def report_job(site: Site, results: Results | None = None) -> Job | None:
    """The writer's job for the report; None when the plan has no results (nothing to compile)."""
    results = results if results is not None else results_of(site)
    if results.empty:
        return None
    return Job(report_pdf(site), report_document(site, results), "report", report_metadata(site, results))

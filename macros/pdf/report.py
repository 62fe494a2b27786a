"""The compiled report as an A4 PDF: the same HTML as its page
(render/report.document_html), print.css for the document layout, results.css
for its tables and the "Dự thảo" mark."""

from pathlib import Path

from ..render import report
from ..render.progress import downloads
from ..results.load import Results
from ..site import Site
from .documents import Metadata, _document, author
from .writer import Printer

RESULTS_CSS = Path("docs/assets/results.css")  # relative to the project root (Site.root)


def report_metadata(site: Site, results: Results) -> Metadata:
    prefix = "" if results.report.da_ban_hanh else "Dự thảo – "
    return Metadata(prefix + report.title(site), author(site), report.summary_line(site))


def report_document(site: Site, results: Results) -> str:
    body = report.document_html(site, results)
    return _document(report_metadata(site, results), "print-report", f'<article class="md-typeset">{body}</article>')


def write_report(site: Site, results: Results, site_dir: Path) -> str | None:
    """Write the report PDF into site_dir; None (nothing written) when there are no results."""
    if results.empty:
        return None
    from weasyprint import CSS

    printer = Printer(site)
    printer.styles["report"] = printer.styles["plan"] + [
        CSS(filename=str(site.root / RESULTS_CSS), font_config=printer.fonts)]
    rel = downloads(site)["report_pdf"]
    printer.write(report_document(site, results), "report", report_metadata(site, results), Path(site_dir) / rel)
    return rel

"""Where each PDF is written in the built site (the outputs registry, macros/outputs.py,
declares them), and the "Tải PDF" line a page offers its PDF with."""

from .. import outputs as registry
from ..outputs import pdf_for_page  # noqa: F401  (plan-local page -> site path of its PDF)
from ..model import Unit
from ..site import Site
from ..templating import render

DIR = registry.PDF_DIR


def plan_pdf(site: Site) -> str:
    return site.prefix + registry.path(site, "plan_pdf")


def handout_pdf(unit: Unit, prefix: str = "", tag: str = "") -> str:
    """The handout of a unit: named by the same slug as the unit's page (and its plan's Site.file_tag)."""
    return prefix + registry.handout_pdf(unit, tag)


def handbook_pdf(site: Site) -> str:
    return site.prefix + registry.path(site, "handbook_pdf")


def download_link(href: str) -> str:
    """The "Tải PDF" line put on a page (hidden when printed)."""
    return render("pdf_download.html", href=href).strip()

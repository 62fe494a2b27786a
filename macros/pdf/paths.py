"""Where each PDF is written in the built site, and which page links to it."""

from ..model import Unit
from ..render import links
from ..site import Site
from ..templating import render

DIR = "pdf"


def plan_pdf(site: Site) -> str:
    return f"{site.prefix}{DIR}/ke-hoach-{site.year_tag}.pdf"


def handout_pdf(unit: Unit, prefix: str = "") -> str:
    """The handout of a unit: named by the same slug as the unit's page."""
    return f"{prefix}{DIR}/don-vi/{links.unit_slug(unit)}.pdf"


def handbook_pdf(site: Site) -> str:
    return f"{site.prefix}{DIR}/so-tay-{site.year_tag}.pdf"


def pdf_for_page(site: Site) -> dict[str, str]:
    """Plan-local source path of a page -> the site path of the PDF its "Tải PDF" link points to."""
    out = {links.PLAN: plan_pdf(site)}
    out.update({links.HANDBOOK: handbook_pdf(site)} if site.has_handbook else {})
    out.update({links.unit_page(u): handout_pdf(u, site.prefix) for u in site.units if site.has_units})
    return out


def download_link(href: str) -> str:
    """The "Tải PDF" line put on a page (hidden when printed)."""
    return render("pdf_download.html", href=href).strip()

"""The files of the built site that belong to one unit only (its page, handout
PDF, calendar and report template): the service worker saves them with the site
while they fit its budget, otherwise when a reader opens them (precache.split)."""

from ..pdf import paths as pdf_paths
from ..render import links, progress
from ..site import Site


def page_file(source: str) -> str:
    """"don-vi/x.md" -> "don-vi/x/index.html" (directory URLs, the main build)."""
    return source[: -len(".md")] + "/index.html"


def unit_groups(site: Site):
    """Each unit's own files in both builds (macros/offline/package.UnitGroup), in the plan's order."""
    from .package import UnitGroup

    out = []
    for unit in site.units:
        source = links.unit_page(unit)
        out.append(UnitGroup(
            slug=site.prefix.strip("/").replace("/", "-") + ("-" if site.prefix.strip("/") else "")
            + links.unit_slug(unit),
            page=site.prefix + page_file(source), copy_page=site.prefix + source[: -len(".md")] + ".html",
            files=(pdf_paths.handout_pdf(unit, site.prefix), site.prefix + progress.unit_ics(unit),
                   site.prefix + progress.unit_template(unit))))
    return out


def unit_files(site: Site) -> list[list[str]]:
    """For each unit of the plan, in the plan's order, the site paths made for it."""
    return [[site.prefix + page_file(links.unit_page(unit)),
             pdf_paths.handout_pdf(unit, site.prefix),
             site.prefix + progress.unit_ics(unit),
             site.prefix + progress.unit_template(unit)] for unit in site.units]

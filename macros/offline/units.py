"""The files of the built site that belong to one unit only (its page, handout
PDF, calendar and report template): the service worker saves them with the site
while they fit its budget, otherwise when a reader opens them (precache.split)."""

from .. import outputs as registry
from ..outputs import page_file, page_url
from ..site import Site
from .package import UnitGroup


def _files(site: Site, made: registry.Outputs, unit) -> list[str]:
    """Site paths of the unit's own files but its page (handout, calendar, report template)."""
    return [site.prefix + o.path for o in made.of_unit(unit) if o.kind != registry.PAGE_KIND]


def unit_groups(site: Site, made: registry.Outputs | None = None):
    """Each unit's own files in both builds (macros/offline/package.UnitGroup), in the plan's order."""
    out = []
    made = made or registry.outputs(site)
    for unit in site.units:
        source = registry.unit_page(unit)
        out.append(UnitGroup(
            slug=site.prefix.strip("/").replace("/", "-") + ("-" if site.prefix.strip("/") else "")
            + registry.unit_slug(unit),
            page=site.prefix + page_file(source), copy_page=site.prefix + page_url(source, dir_urls=False),
            files=tuple(_files(site, made, unit))))
    return out


def unit_files(site: Site, made: registry.Outputs | None = None) -> list[list[str]]:
    """For each unit of the plan, in the plan's order, the site paths made for it
    (`made`: the plan's outputs, when the caller has them)."""
    made = made or registry.outputs(site)
    return [[site.prefix + page_file(registry.unit_page(unit))] + _files(site, made, unit) for unit in site.units]

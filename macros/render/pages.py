"""Every page made from data, the navigation, and which PDF each page offers:
computed once per build from the Website, as plain values and dictionaries.

Render functions work in plan-local paths ("don-vi/huyen-dak-glei.md"); a plan
listed with a path prefix ("ke-hoach-mau/") gets its pages under it, and
relative links between the pages of one plan stay the same. The MkDocs adapter
turns these into generated files and nav entries; another engine would turn
them into its own.
"""

from dataclasses import dataclass, field
from pathlib import Path

from .. import outputs as registry
from .. import period as P
from ..numbers import format_money
from ..outputs import OVERVIEW, PLANS, home_path  # noqa: F401  (the adapters' names for them)
from ..paths_unique import Origin
from ..results.load import results_of
from ..site import Site, Website
from ..templating import render
from . import notice
from ..text import md_escape
from . import assignments, budget, handbook, home, links, plan, progress, references, report, timeline, toolkit, units


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # source path on the website, e.g. "don-vi/huyen-dak-glei.md"
    title: str
    markdown: str
    # The files that hold the page's content: the first is what "Sửa trang này"
    # opens, the last commit to any of them dates the page.
    data_files: tuple[str, ...]
    meta: dict = field(default_factory=dict)  # extra front matter (e.g. search boost)
    plan: str = ""  # key of the plan the page belongs to ("" for site-wide pages)

    @property
    def data_file(self) -> str:
        return self.data_files[0]


def after_title(markdown: str, block: str) -> str:
    """`block` after the page's "# " title line (or first, when there is none)."""
    if markdown.startswith("# "):
        title, _, rest = markdown.partition("\n")
        return f"{title}\n\n{block}\n{rest}"
    return f"{block}\n{markdown}"


@dataclass(frozen=True)
class _Context:
    site: Site
    results: object
    made: registry.Outputs
    dir_urls: bool
    pdf_ok: bool


# The content of each page of the registry (macros/outputs.py), by its row's key:
# (context, output) -> Markdown. A new page is a row there and its function here.
def _home(c: _Context, o) -> str:
    return f"# {md_escape(c.site.title)}\n\n" + home.home_page(c.site)


def _assignments(c: _Context, o) -> str:
    return "# Phân công thực hiện\n\n" + assignments.assignments_page(c.site)


def _units(c: _Context, o) -> str:
    site = c.site
    # what a unit's page holds, as the plan makes it: its assignee, money, steps and dates only when it has them
    holds = [part for part, has in ((md_escape(site.partner_word), site.units_assigned), ("kinh phí", site.has_budget),
                                    ("các bước", site.plan.cac_buoc is not None),
                                    ("thời hạn", site.report is not None or site.plan.thoi_gian_dia_diem is not None))
             if has]
    what = (f"Chọn đơn vị để xem {', '.join(holds[:-1])} và {holds[-1]}." if len(holds) > 1
            else f"Chọn đơn vị để xem {holds[0]}." if holds else "Chọn đơn vị để xem trang của đơn vị.")
    return f"# Các đơn vị thực hiện\n\n{what}\n\n" + units.units_index(site)


def _timeline(c: _Context, o) -> str:
    page = "# Tiến độ thực hiện\n\n" + timeline.timeline_html(c.site)
    link = progress.calendar_link(c.made, o.path, dir_urls=c.dir_urls)
    return after_title(page, link) if link else page


def _budget(c: _Context, o) -> str:
    return "# Kinh phí thực hiện\n\n" + budget.budget_page(c.site)


def _unit(c: _Context, o) -> str:
    return units.unit_page(c.site, o.item.ma,
                           progress.unit_section(c.site, c.results, o.item.ma, c.dir_urls, c.pdf_ok))


CONTENT = {
    "home": _home,
    "plan": lambda c, o: plan.plan_page(c.site),
    "assignments": _assignments,
    "units": _units,
    "timeline": _timeline,
    "progress": lambda c, o: f"# {o.title}\n\n" + progress.progress_page(c.site, c.results, c.pdf_ok, c.dir_urls, c.made),
    "report": lambda c, o: f"# {o.title}\n\n" + report.report_page(c.site, c.results, c.pdf_ok, c.dir_urls),
    "budget": _budget,
    "handbook": lambda c, o: "# Sổ tay tuyên truyền\n\n" + handbook.handbook_index(c.site),
    "unit": _unit,
    "topic": lambda c, o: handbook.topic_page(c.site, o.item.ma),
    "chapter": lambda c, o: handbook.general_chapter_page(c.site, o.item[0]),
    "references": lambda c, o: references.references_page(c.site),
    "glossary": lambda c, o: handbook.glossary_page(c.site),
    "toolkit": lambda c, o: toolkit.toolkit_index(c.site),
    "form": lambda c, o: toolkit.form_page(c.site, o.item.slug),
}
# The files offered on a page (a row's `page=`) that the page's own content links, by the
# page row's key; every other file offered on it, but PDFs the theme's print button
# offers (`pdf_link`), is linked by the «Tải …» line at the page's end (_with_downloads).
DRAWS = {
    "timeline": lambda f: f.kind == "ics",  # calendar_link, under the title
    "unit": lambda f: f.key in ("unit_ics", "unit_template"),  # progress.unit_section
    "progress": lambda f: True,  # its list of files (results/progress.html)
    "report": lambda f: f.key == "report_pdf",
}


def _with_downloads(c: _Context, o, markdown: str) -> str:
    drawn = DRAWS.get(o.key, lambda f: False)
    rest = [f for f in c.made.offered_on(o.path) if not f.pdf_link and not drawn(f)]
    if not rest:
        return markdown
    return markdown.rstrip() + "\n\n" + progress.download_links(rest, o.path, c.dir_urls)


# Extra front matter of a page, by its row's key.
META = {
    # the plan itself ranks above the pages that quote it; its first paragraph («Căn cứ Luật …», the same in
    # many documents) says nothing of it: its link preview says the plan's kind and subject (review 2, item 5)
    "plan": lambda c, o: {"search": {"boost": 2}, "describe_by_plan": True},
    "unit": lambda c, o: {"og_description": unit_description(c.site, o.item)},
}


# What a page shows of each unit record (issue 24, `serve --dirty`): a page of the plan whose view of
# every unit is the same, while all else it shows is the same (same_but_units, the same outputs),
# keeps the last build's Markdown. The unit list shows every name (its filter reads them), the
# glossary every word of the units (plan_text); the assignments name a unit by its official name when
# the task's words do (render/assignments.py); every other page at most a unit's code, level and name
# (its title, its page's address). tests/test_serve_dirty.py changes each field of a unit and compares.
_ALL_FIELDS = lambda u: u  # noqa: E731
UNIT_VIEW = {
    "units": _ALL_FIELDS,
    "glossary": _ALL_FIELDS,
    "assignments": lambda u: (u.ma, u.cap, u.ten, u.ten_chinh_thuc),
}
_TITLE_VIEW = lambda u: (u.ma, u.cap, u.ten)  # noqa: E731


def outputs_signature(made: registry.Outputs) -> tuple:
    """What the pages can show of the plan's outputs (paths, titles, where each is offered): two
    registries with one signature give every page the same links and download lines."""
    return tuple((o.key, o.path, o.title, o.kind, o.data_files, o.nav, o.page, o.label, o.pdf_link, o.documents)
                 for o in made.all)


def same_but_units(old: Site, new: Site) -> bool:
    """Everything a unit's page shows besides its own unit record is the same in both
    (a rebuild under `mkdocs serve --dirty` then keeps the pages of the units that did not change)."""
    return (old.root == new.root and old.entry == new.entry and old.files == new.files and old.plan == new.plan
            and old.org == new.org and old.extra == new.extra and old.file_tag == new.file_tag
            and old.units_file.model_dump(exclude={"don_vi"}) == new.units_file.model_dump(exclude={"don_vi"})
            and [u.ma for u in old.units] == [u.ma for u in new.units] and old.placeholders == new.placeholders
            and results_of(old) == results_of(new))


def plan_pages(site: Site, dir_urls: bool = True, pdf_ok: bool = True,
               made: registry.Outputs | None = None, reuse: dict | None = None) -> list[GeneratedPage]:
    """The pages of one plan, in plan-local paths (the Catalog puts them under the plan's prefix).
    `dir_urls`: the build's use_directory_urls (raw HTML links to downloads follow it);
    `pdf_ok`: this build writes the documents: the PDFs and the units' Excel templates;
    `made`: the plan's outputs (macros/outputs.py), when the caller has them; `reuse`: page path ->
    the last build's GeneratedPage, for pages known unchanged (Catalog's `previous`)."""
    made = made if made is not None else registry.outputs(site)
    context = _Context(site, results_of(site), made, dir_urls, pdf_ok)
    reuse = reuse or {}
    return [_page(context, o, reuse.get(o.path)) for o in made.pages]


def _page(c: _Context, o, kept: "GeneratedPage | None") -> GeneratedPage:
    """The page of output `o`: `kept`, the last build's, when its inputs are unchanged (same path, title,
    data files), else rendered."""
    if kept is not None and kept.title == o.title and kept.data_files == o.data_files:
        return GeneratedPage(o.path, o.title, kept.markdown, o.data_files, kept.meta, c.site.key)
    return GeneratedPage(o.path, o.title, _with_downloads(c, o, CONTENT[o.key](c, o)), o.data_files,
                         META[o.key](c, o) if o.key in META else {}, c.site.key)


def unit_description(site: Site, unit) -> str:
    """A unit page's one line for link previews and <meta name="description"> (Zalo,
    Facebook): what the page holds for that unit, from the data; its first paragraph is
    the reader's «đơn vị của tôi» control and links, not a description."""
    dept = site.department_of(unit.ma)  # None: the plan gives the unit to no body, none named
    period = site.plan.thoi_gian_dia_diem
    # the money only from a structured budget (none: no «kinh phí 0đ», a sum the plan never gives), as the page
    parts = ([f"{site.partner_word} {dept.ten}"] if dept is not None else []) + (
        [f"kinh phí {format_money(site.amount(unit.ma))}"] if site.has_budget else []) + (
        [P.words(period)] if period is not None else [])
    return f"{links.unit_title(unit)}: {'; '.join(parts)}." if parts else f"{links.unit_title(unit)}."


def handbook_section(site: Site) -> list[str]:
    """Plan-local paths of the handbook section, in nav order (what the handbook PDF prints)."""
    return registry.outputs(site).handbook_section()


def plan_nav(site: Site, home_page: str) -> list:
    """The nav of one plan (the registry's places)."""
    return registry.outputs(site).nav(home_page)


def plans_page(website: Website) -> GeneratedPage:
    """The list of plans (the home page when the website has more than one)."""
    items = []
    for site in website.plans:
        target = home_path(website, site)
        items.append({"title": site.title, "href": target, "summary": site.plan.van_ban.trich_yeu,
                      "issuer": site.org.ten_day_du, "units": len(site.units) if site.has_units else 0, "unit_word": site.plan.ten_goi_don_vi,
                      "draft": notice.draft_sentence(site),
                      # where this plan stands, its own (review r19o, defect 12: not plan 1's for all)
                      "status": notice.plan_status_line(site)})
    markdown = f"# {md_escape(website.name)}\n\n" + render("plans_index.html", plans=items)
    return GeneratedPage(PLANS, "Các kế hoạch", markdown, (website.file,))


def hand_nav(docs: Path) -> list[dict]:
    """Nav entries of the pages written by hand in docs/ (*.md at its top, in name order),
    titled by their "# " heading (else their file name)."""
    out = []
    for path in sorted(docs.glob("*.md")) if docs.is_dir() else ():
        lines = path.read_text(encoding="utf-8").splitlines()
        title = next((ln[2:].strip() for ln in lines if ln.startswith("# ")), path.stem)
        out.append({title: path.name})
    return out


class Catalog:
    """Pages, nav, PDFs and provenance of one build, computed once, looked up by path."""

    def __init__(self, website: Website, dir_urls: bool = True, pdf_ok: bool = True,
                 previous: "Catalog | None" = None):
        """`previous`: the last build's Catalog of the same process (`mkdocs serve --dirty`):
        the Markdown of unit pages whose unit and everything else they show are unchanged is
        taken from it instead of rendered again (issue 24)."""
        self.website = website
        self.dir_urls = dir_urls
        self.pdf_ok = pdf_ok  # PDFs and the per-unit Excel templates are made in this build
        self.pages: dict[str, GeneratedPage] = {}
        self.plan_of_page: dict[str, Site] = {}
        self.pdf_for_page: dict[str, str] = {}  # page source path -> site path of its PDF
        self.handbook: dict[str, list[str]] = {}  # plan key -> source paths of its handbook section
        # page source path -> what search finds it by besides its title (the unit pages)
        self.search_by_name: dict[str, str] = {}
        self.nav: list = []
        self.outputs: dict[str, registry.Outputs] = {}  # plan key -> its outputs (macros/outputs.py)
        self.reused = 0  # pages whose Markdown was taken from `previous`
        self.reused_units = 0  # of them, unit pages
        if website.several:
            self._add(plans_page(website), None)
            self.nav.append({"Trang chủ": PLANS})
        for site in website.plans:
            home_page = home_path(website, site)
            made = self.outputs[site.key] = registry.outputs(site)
            reuse = self._reusable(previous, site, made)
            for page in plan_pages(site, dir_urls, pdf_ok, made, reuse):
                path = home_page if page.path == links.HOME else site.prefix + page.path
                self._add(GeneratedPage(path, page.title, page.markdown, page.data_files, page.meta, page.plan), site)
            self.handbook[site.key] = [site.prefix + p for p in made.handbook_section()]
            # a unit page kept from the last build keeps its search entry (the same record, the same plan)
            kept_entries = previous.search_by_name if reuse else {}
            self.search_by_name.update({site.prefix + o.path: kept_entries.get(site.prefix + o.path)
                                        if o.path in reuse and site.prefix + o.path in kept_entries
                                        else units.search_entry(site, o.item) for o in made.by_key.get("unit", ())})
            self.pdf_for_page.update({site.prefix + page: pdf for page, pdf in made.pdf_for_page().items()})
            entries = made.nav(home_page)
            self.nav += [{site.title: entries}] if website.several else entries
        self.nav[1:1] = hand_nav(website.root / "docs")  # after the home page: «Cách dùng trang này»
        # The editor guide is for editors only (issue 11): CONTRIBUTING.md in the
        # repository, not a page of the site, so readers never meet it in the nav or search.

    def _reusable(self, previous: "Catalog | None", site: Site, made: registry.Outputs) -> dict:
        """Plan-local path -> the last build's page, for the pages whose inputs are unchanged: everything
        but the units' records the same (same_but_units), and of the units what the page shows
        (a unit's page: its record; UNIT_VIEW); a page of the whole plan also needs the same outputs
        (outputs_signature: the same links and download lines)."""
        if previous is None or (previous.dir_urls, previous.pdf_ok) != (self.dir_urls, self.pdf_ok):
            return {}
        old = next((s for s in previous.website.plans if s.key == site.key), None)
        if old is None or not same_but_units(old, site):
            return {}
        old_made = previous.outputs.get(site.key)
        old_home = home_path(previous.website, old)
        old_units = {u.ma: u for u in old.units}
        same_outputs = old_made is not None and outputs_signature(old_made) == outputs_signature(made)
        views: dict = {}
        out = {}
        for o in made.pages:
            if o.key == "unit":
                same = old_units.get(o.item.ma) == o.item
            elif not same_outputs:
                continue
            else:
                view = UNIT_VIEW.get(o.key, _TITLE_VIEW)
                if view not in views:
                    views[view] = [view(u) for u in old.units] == [view(u) for u in site.units]
                same = views[view]
            page = previous.pages.get(old_home if o.path == links.HOME else site.prefix + o.path)
            if same and page is not None:
                out[o.path] = page
        self.reused += len(out)
        self.reused_units += sum(1 for o in made.by_key.get("unit", ()) if o.path in out)
        return out

    def _add(self, page: GeneratedPage, site: Site | None) -> None:
        self.pages[page.path] = page
        if site is not None:
            self.plan_of_page[page.path] = site

    def site_of(self, path: str) -> Site:
        """The plan a page belongs to; site-wide pages belong to the first plan listed."""
        return self.plan_of_page.get(path) or self.website.plans[0]

    def pdf_target(self, path: str) -> str | None:
        return self.pdf_for_page.get(path)


def page_origins(site: Site, docs_dir: Path | None = None) -> list[Origin]:
    """Every page and PDF the build writes (macros/outputs.page_origins)."""
    return registry.page_origins(site, docs_dir)

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

from markupsafe import Markup

from ..dates import format_date, format_month
from ..errors import field_path
from ..sections import path_of
from ..numbers import format_money
from ..paths_unique import Origin
from ..pdf import paths as pdf_paths
from ..site import Site, Website
from ..templating import render
from ..text import md_escape
from . import assignments, budget, handbook, home, links, plan, progress, references, report, timeline, toolkit, units

# The list of plans, when the website has more than one.
PLANS = "index.md"
# The home of a plan listed with no prefix, when the list of plans takes index.md.
OVERVIEW = "tong-quan.md"


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


def _files(site: Site, *names: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(site.data_file(n) for n in names if n in site.files))  # a plan may lack don-vi.yaml


def _topics(site: Site) -> list:
    """The content topics that have a handbook page (none without the handbook)."""
    return site.topics if site.has_handbook else []


def home_path(website: Website, site: Site) -> str:
    if website.several and not site.prefix:
        return OVERVIEW
    return site.prefix + links.HOME


def after_title(markdown: str, block: str) -> str:
    """`block` after the page's "# " title line (or first, when there is none)."""
    if markdown.startswith("# "):
        title, _, rest = markdown.partition("\n")
        return f"{title}\n\n{block}\n{rest}"
    return f"{block}\n{markdown}"


def _with_results_section(markdown: str, section: str) -> str:
    """A unit page with its "Kết quả thực hiện" block before its "Xem thêm:" line."""
    head, sep, tail = markdown.rpartition("\nXem thêm:")
    return f"{head}\n\n{section}\n{sep.lstrip()}{tail}" if sep else f"{markdown}\n\n{section}"


# The results pages of a plan (issue 15), plan-local; their titles in the nav.
RESULTS_PAGES = {progress.PROGRESS: "Kết quả thực hiện", progress.REPORT: "Báo cáo tổng hợp"}


def plan_pages(site: Site, dir_urls: bool = True, pdf_ok: bool = True) -> list[GeneratedPage]:
    """The pages of one plan, in plan-local paths (the Catalog puts them under the plan's prefix).
    `dir_urls`: the build's use_directory_urls (raw HTML links to downloads follow it);
    `pdf_ok`: this build writes the documents: the PDFs and the units' Excel templates."""
    from ..results.load import report_file, results_folder, results_of  # results import the Site

    results = results_of(site)
    folder, report_yaml = results_folder(site), report_file(site)

    def page(path, title, markdown, files, **meta):
        return GeneratedPage(path, title, markdown, files, meta, site.key)

    def unit_markdown(u):
        return _with_results_section(units.unit_page(site, u.ma), progress.unit_section(site, results, u.ma, dir_urls, pdf_ok))

    chapter_file = {c.chu_de: site.data_file(f"chapters/{k}") for k, c in site.chapters.items() if c.chu_de}
    out = [
        page(links.HOME, "Trang chủ", f"# {md_escape(site.title)}\n\n" + home.home_page(site),
             _files(site, "plan", "units", "org")),
        page(links.PLAN, "Kế hoạch", plan.plan_page(site), _files(site, "plan", "org", "units"),
             search={"boost": 2}),  # the plan itself ranks above the pages that quote it
    ]
    # Each computed page exists only when the plan has what it is made from (site.has_*).
    if site.has_assignments:
        out.append(page(links.ASSIGNMENTS, "Phân công", "# Phân công thực hiện\n\n"
                        + assignments.assignments_page(site).rstrip()
                        + "\n\n" + progress.download_links(site, links.ASSIGNMENTS, "assign", dir_urls),
                        _files(site, "plan", "org", "units")))
    if site.has_units:
        out.append(page(links.UNITS, "Đơn vị", "# Các đơn vị thực hiện\n\nChọn đơn vị để xem ban phối hợp, kinh phí, "
                        "các bước và thời hạn.\n\n" + units.units_index(site), _files(site, "units", "plan", "org")))
    if site.has_timeline:
        out.append(page(links.TIMELINE, "Tiến độ", after_title("# Tiến độ thực hiện\n\n" + timeline.timeline_html(site),
                        progress.calendar_link(site, links.TIMELINE, dir_urls=dir_urls)), _files(site, "plan", "org")))
    if site.has_units:
        out += [
            page(progress.PROGRESS, RESULTS_PAGES[progress.PROGRESS], f"# {RESULTS_PAGES[progress.PROGRESS]}\n\n"
                 + progress.progress_page(site, results, pdf_ok, dir_urls),
                 # A folder first: "Sửa trang này" opens "new file" there (mkdocs_hooks).
                 (folder + "/", report_yaml, site.data_file("plan"), site.data_file("units"))),
            page(progress.REPORT, RESULTS_PAGES[progress.REPORT], f"# {RESULTS_PAGES[progress.REPORT]}\n\n"
                 + report.report_page(site, results, pdf_ok, dir_urls),
                 (report_yaml, folder + "/", site.data_file("plan"), site.data_file("units"))),
        ]
    if site.has_budget:
        out.append(page(links.BUDGET, "Kinh phí", "# Kinh phí thực hiện\n\n" + budget.budget_page(site).rstrip() + "\n\n"
                        + progress.download_links(site, links.BUDGET, "budget", dir_urls),
                        _files(site, "plan", "units", "org")))
    if site.has_handbook:
        out.append(page(links.HANDBOOK, "Sổ tay", "# Sổ tay tuyên truyền\n\n" + handbook.handbook_index(site),
                        _files(site, "plan")))
    if site.has_units:
        out += [page(links.unit_page(u), links.unit_title(u), unit_markdown(u),
                     _files(site, "plan", "units", "org") + (f"{folder}/{u.ma}.yaml",),
                     og_description=unit_description(site, u))
                for u in site.units]
    out += [page(links.topic_page(t), t.ten_ngan, handbook.topic_page(site, t.ma),
                 (chapter_file.get(t.ma, site.data_file("plan")),)) for t in _topics(site)]
    out += [page(links.chapter_page(k), c.ten, handbook.general_chapter_page(site, k),
                 (site.data_file(f"chapters/{k}"),)) for k, c in handbook.general_chapters(site)]
    out.append(page(links.REFERENCES, "Văn bản tham khảo", references.references_page(site),
                    _files(site, "references")))
    out.append(page(links.GLOSSARY, "Chữ viết tắt", handbook.glossary_page(site), _files(site, "glossary")))
    if site.has_toolkit:
        out.append(page(links.TOOLKIT, "Bộ công cụ hội nghị", toolkit.toolkit_index(site), _files(site, "toolkit")))
        out += [page(toolkit.form_path(f), f.title, toolkit.form_page(site, f.slug), _files(site, "toolkit"))
                for f in toolkit.FORMS]
    return out


def unit_description(site: Site, unit) -> str:
    """A unit page's one line for link previews and <meta name="description"> (Zalo,
    Facebook): what the page holds for that unit, from the data; its first paragraph is
    the reader's «đơn vị của tôi» control and links, not a description."""
    dept = site.department(site.assignment_of(unit.ma).ban).ten
    period = site.plan.thoi_gian_dia_diem
    return (f"{links.unit_title(unit)}: ban phối hợp {dept}; kinh phí {format_money(site.amount(unit.ma))}; "
            f"từ {format_month(period.bat_dau)} đến {format_date(period.ket_thuc)}.")


def handbook_section(site: Site) -> list[str]:
    """Plan-local paths of the handbook section, in nav order (what the handbook PDF prints)."""
    return ([links.HANDBOOK] * site.has_handbook + [links.chapter_page(k) for k, _ in handbook.general_chapters(site)]
            + [links.topic_page(t) for t in _topics(site)] + [links.REFERENCES])


def plan_nav(site: Site, home_page: str) -> list:
    """The nav of one plan. Units are reached from their list page, not from the
    sidebar: one entry per unit on every page would make the build quadratic."""
    p = site.prefix
    section = handbook_section(site)
    titles = {links.HANDBOOK: None, links.REFERENCES: "Văn bản tham khảo"}
    titles.update({links.chapter_page(k): c.ten for k, c in site.chapters.items()})
    titles.update({links.topic_page(t): t.ten_ngan for t in _topics(site)})
    # An entry for each page the plan has (plan_pages): none leads to a page that is not built.
    return [
        {"Trang chủ": home_page},
        {"Kế hoạch": p + links.PLAN},
        *[{"Phân công": p + links.ASSIGNMENTS}] * site.has_assignments,
        *[{"Đơn vị": p + links.UNITS}] * site.has_units,
        *[{"Tiến độ": p + links.TIMELINE}] * site.has_timeline,
        *({title: p + path} for path, title in RESULTS_PAGES.items() if site.has_units),
        *[{"Kinh phí": p + links.BUDGET}] * site.has_budget,
        {"Sổ tay": [p + path if titles[path] is None else {titles[path]: p + path} for path in section]},
        *[{"Bộ công cụ": [p + links.TOOLKIT] + [{f.title: p + toolkit.form_path(f)} for f in toolkit.FORMS]}]
        * site.has_toolkit,
        {"Chữ viết tắt": p + links.GLOSSARY},
    ]


def plans_page(website: Website) -> GeneratedPage:
    """The list of plans (the home page when the website has more than one)."""
    items = []
    for site in website.plans:
        target = home_path(website, site)
        items.append({"title": Markup(md_escape(site.title)), "href": target, "summary": site.plan.van_ban.trich_yeu,
                      "issuer": site.org.ten_day_du, "units": len(site.units), "unit_word": site.plan.ten_goi_don_vi})
    markdown = f"# {md_escape(website.name)}\n\n" + render("plans_index.html", plans=items)
    return GeneratedPage(PLANS, "Các kế hoạch", markdown, (website.file,))


class Catalog:
    """Pages, nav, PDFs and provenance of one build, computed once, looked up by path."""

    def __init__(self, website: Website, dir_urls: bool = True, pdf_ok: bool = True):
        self.website = website
        self.pdf_ok = pdf_ok  # PDFs and the per-unit Excel templates are made in this build
        self.pages: dict[str, GeneratedPage] = {}
        self.plan_of_page: dict[str, Site] = {}
        self.pdf_for_page: dict[str, str] = {}  # page source path -> site path of its PDF
        self.handbook: dict[str, list[str]] = {}  # plan key -> source paths of its handbook section
        # page source path -> what search finds it by besides its title (the unit pages)
        self.search_by_name: dict[str, str] = {}
        self.nav: list = []
        if website.several:
            self._add(plans_page(website), None)
            self.nav.append({"Trang chủ": PLANS})
        for site in website.plans:
            home_page = home_path(website, site)
            for page in plan_pages(site, dir_urls, pdf_ok):
                path = home_page if page.path == links.HOME else site.prefix + page.path
                self._add(GeneratedPage(path, page.title, page.markdown, page.data_files, page.meta, page.plan), site)
            self.handbook[site.key] = [site.prefix + p for p in handbook_section(site)] if site.has_handbook else []
            self.search_by_name.update({site.prefix + links.unit_page(u): units.search_text(u) for u in site.units})
            self.pdf_for_page.update({site.prefix + page: pdf for page, pdf in pdf_paths.pdf_for_page(site).items()})
            entries = plan_nav(site, home_page)
            self.nav += [{site.title: entries}] if website.several else entries
        # The editor guide is for editors only (issue 11): CONTRIBUTING.md in the
        # repository, not a page of the site, so readers never meet it in the nav or search.

    def _add(self, page: GeneratedPage, site: Site | None) -> None:
        self.pages[page.path] = page
        if site is not None:
            self.plan_of_page[page.path] = site

    def site_of(self, path: str) -> Site:
        """The plan a page belongs to; site-wide pages belong to the first plan listed."""
        return self.plan_of_page.get(path) or self.website.plans[0]

    def pdf_target(self, path: str) -> str | None:
        return self.pdf_for_page.get(path)


def generated_pages(site: Site) -> list[GeneratedPage]:
    """The pages of one plan loaded alone (plan-local paths)."""
    return plan_pages(site)


def nav(site: Site) -> list:
    """The nav of one plan loaded alone, as on a website with that plan only."""
    return plan_nav(site, site.prefix + links.HOME)


def page_origins(site: Site, docs_dir: Path | None = None) -> list[Origin]:
    """Every page and PDF the build writes, with the data each comes from, for
    paths_unique.collisions. Hand-written pages in `docs_dir` come first."""
    out: list[Origin] = []
    if docs_dir is not None and docs_dir.is_dir():
        out += [Origin(p.relative_to(docs_dir).as_posix(), f"docs/{p.relative_to(docs_dir).as_posix()}")
                for p in sorted(docs_dir.rglob("*.md"))]

    def at(name: str, path: tuple, page: str, what: str) -> Origin:
        source = site.sources.get(name)
        line, column = source.position(path) if source else (0, 0)
        file = source.path if source else name
        return Origin(page, file, line, column, field_path(path) if source else "", what)

    out += [at("units", ("don_vi", i, "ten"), links.unit_page(u), links.unit_title(u))
            for i, u in enumerate(site.units) if site.has_units]
    out += [at("plan", path_of(site, "noi_dung") + ("muc", i, "ma"), links.topic_page(t), t.ten_ngan)
            for i, t in enumerate(_topics(site))]
    out += [at(f"chapters/{k}", (), links.chapter_page(k), c.ten or k) for k, c in handbook.general_chapters(site)]
    out += [Origin(links.REFERENCES, site.data_file("references"), what="Văn bản tham khảo"),
            Origin(links.GLOSSARY, site.data_file("glossary"), what="Chữ viết tắt")]
    if site.has_toolkit:
        out.append(Origin(links.TOOLKIT, site.data_file("toolkit"), what="Bộ công cụ hội nghị"))
        out += [Origin(toolkit.form_path(f), site.data_file("toolkit"), what=f.title) for f in toolkit.FORMS]
    # The pages made from the plan as a whole (home, plan, lists, handbook index), those it has.
    out += [Origin(path, site.data_file("plan"), what=title) for path, title, made in (
        (links.HOME, "Trang chủ", True), (links.PLAN, "Kế hoạch", True),
        (links.ASSIGNMENTS, "Phân công", site.has_assignments), (links.UNITS, "Đơn vị", site.has_units),
        (links.TIMELINE, "Tiến độ", site.has_timeline), (links.BUDGET, "Kinh phí", site.has_budget),
        (links.HANDBOOK, "Sổ tay", site.has_handbook)) if made]
    # The results pages and the files downloaded from them (issue 15).
    from ..results.load import report_file, results_folder  # results import the Site

    if site.has_units:
        out += [Origin(path, results_folder(site), what=title) for path, title in RESULTS_PAGES.items()]
        out += [Origin(rel, results_folder(site), what=what) for rel, what in progress.download_files(site).items()]
        out.append(Origin(progress.downloads(site)["report_pdf"], report_file(site), what="Báo cáo tổng hợp (PDF)"))
    by_page = {o.path: o for o in out}
    for page, pdf in pdf_paths.pdf_for_page(site).items():
        origin = by_page.get(page, Origin(page, page))
        out.append(Origin(pdf, origin.file, origin.line, origin.column, origin.field, origin.what))
    return out

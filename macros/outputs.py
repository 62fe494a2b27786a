"""Every output of a plan, declared once (issue 22): each page, PDF, spreadsheet,
calendar and report template, with its path, title, place in the nav, the data
files behind it, its kind, and when the plan has it (`available`).

Everything that needs the list reads it here: the pages and the nav
(render/pages.py), the links to downloads on the pages (render/progress.py), the
files written for download (exports/downloads.py), the PDFs (pdf/paths.py), the
search index's locations (searchindex.py), the service worker's lists
(offline/), "Sửa trang này" and "Cập nhật lần cuối" (render/provenance.py) and
the check that no two outputs share an address (loader.py, paths_unique).

Below render, pdf, exports and results: this module imports only the model and
the Site. Paths are plan-local ("don-vi/huyen-dak-glei.md"); a plan listed with
a prefix ("ke-hoach-mau/") has its outputs under it (`site.prefix + path`).

Adding an export format is its producer (exports/, named in
exports/downloads.PRODUCERS by the row's key) plus one row in ROWS: the page that
offers it links it, the build writes it, the offline copy and the address check
include it.
"""

import dataclasses
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter

from .errors import field_path
from .glossary_use import used_glossary
from .model import Topic, Unit
from .paths_unique import Origin
from .sections import path_of
from .site import Site, Website
from .text import slugify

# -- where things are ------------------------------------------------------------
HOME = "index.md"
PLAN = "ke-hoach.md"
ASSIGNMENTS = "phan-cong.md"
# Not don-vi/index.md: the same address (don-vi/), but with navigation.indexes Material would
# take an index.md for the index of the section that holds it (a plan's group on a site of several plans).
UNITS = "don-vi.md"
UNIT_DIR = "don-vi"
TIMELINE = "tien-do.md"
PROGRESS = "ket-qua.md"
REPORT = "bao-cao-tong-hop.md"
BUDGET = "kinh-phi.md"
HANDBOOK = "so-tay/index.md"
REFERENCES = "so-tay/van-ban.md"
GLOSSARY = "thuat-ngu.md"
TOOLKIT = "bo-cong-cu/index.md"
DOWNLOADS = "tai-ve"  # folder of the spreadsheets, calendars and templates in site/
PDF_DIR = "pdf"
# The list of plans, when the website has more than one.
PLANS = "index.md"
# The home of a plan listed with no prefix, when the list of plans takes index.md.
OVERVIEW = "tong-quan.md"
# The plan's results, in its data folder (data/<plan>/ket-qua/, data/<plan>/bao-cao.yaml).
RESULTS_FOLDER = "ket-qua"
REPORT_FILE = "bao-cao.yaml"


def plan_folder(site: Site) -> str:
    """"data/<plan>": the folder of the plan's files (its data/website.yaml thu_muc)."""
    return posixpath.dirname(site.data_file("plan"))


def results_folder(site: Site) -> str:
    """"data/<plan>/ket-qua": where the units' results files go."""
    return f"{plan_folder(site)}/{RESULTS_FOLDER}"


def report_file(site: Site) -> str:
    """"data/<plan>/bao-cao.yaml": number, date and signer of the compiled report."""
    return f"{plan_folder(site)}/{REPORT_FILE}"


def unit_name(unit: Unit) -> str:
    """"huyện Đăk Glei", as running text writes it."""
    return f"{unit.cap} {unit.ten}"


def unit_title(unit: Unit) -> str:
    """"Huyện Đăk Glei", as a title."""
    name = unit_name(unit)
    return name[0].upper() + name[1:]


def unit_slug(unit: Unit) -> str:
    """"huyen-dak-glei": names the unit's page and its handout PDF."""
    return _slug(unit.cap + " " + unit.ten)


@lru_cache(maxsize=1 << 14)
def _slug(name: str) -> str:
    # A pure function of the name, memoised: the unit list, the tables and the
    # PDFs all ask for the same slugs.
    return slugify(name)


def unit_page(unit: Unit) -> str:
    return f"{UNIT_DIR}/{unit_slug(unit)}.md"


def topic_page(topic: Topic) -> str:
    return f"so-tay/{topic.ma}.md"


def chapter_page(stem: str) -> str:
    """A handbook chapter not tied to a topic (data/so-tay/<stem>.yaml)."""
    return f"so-tay/{stem}.md"


def form_page(slug: str) -> str:
    return f"bo-cong-cu/{slug}.md"


def handout_pdf(unit: Unit, tag: str = "") -> str:
    """A unit's handout: named by the same slug as the unit's page (and `tag`: _unit_file)."""
    return f"{PDF_DIR}/don-vi/{_unit_file(unit_slug(unit), tag)}.pdf"


def _unit_file(name: str, tag: str) -> str:
    """A unit's own file name, with the plan's Site.file_tag when it has one: a later plan of the same year on
    the website names its units' files apart from an earlier plan's (two «khu-pho-vinh-loi.pdf» downloaded from
    two plans; review r19o, defect 12). No tag (a plan alone in its year, as on the published site): the name as before."""
    return f"{name}-{tag}" if tag else name


def general_chapters(site: Site) -> list:
    """Chapters not tied to a content topic (the campaign itself), first in the handbook."""
    return [(k, c) for k, c in site.chapters.items() if c.chu_de is None]


@dataclass(frozen=True)
class Form:
    slug: str
    title: str
    max_pages: int  # printed on A4; tests hold each form to it
    purpose: str  # «{cac_ban}»: the plan's name for its departments and a space, or nothing (render/toolkit.purpose)


# The forms of the conference toolkit (bo-cong-cu/), one page each.
FORMS = (
    Form("chuong-trinh-hoi-nghi", "Chương trình hội nghị", 2, "in cho người chủ trì và đại biểu"),
    Form("danh-sach-dai-bieu", "Danh sách đại biểu", 1, "mỗi tờ một trang; in thêm tờ khi đông người"),
    Form("bien-ban-hoi-nghi", "Biên bản hội nghị", 2, "thư ký ghi trong hội nghị"),
    Form("phieu-khao-sat", "Phiếu khảo sát đời sống", 2, "mỗi hộ gia đình một phiếu, in hai mặt"),
    Form("mau-bao-cao", "Mẫu báo cáo kết quả", 2, "{cac_ban}gửi về ban nhận báo cáo"),
)


# -- the one URL rule ----------------------------------------------------------------
def page_url(src: str, dir_urls: bool = True) -> str:
    """Source path -> URL relative to the site root, as MkDocs writes it: "don-vi/x.md" ->
    "don-vi/x/" (directory URLs), "don-vi/x.html" (use_directory_urls: false, the
    file:// copy); "index.md" -> "", "so-tay/index.md" -> "so-tay/"."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if not dir_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"


def page_file(src: str, dir_urls: bool = True) -> str:
    """Source path -> the file MkDocs writes: "don-vi/x.md" -> "don-vi/x/index.html"."""
    url = page_url(src, dir_urls)
    return url + "index.html" if dir_urls else url


def file_url(path: str) -> str:
    """A built file -> the URL pages link it by: "ke-hoach/index.html" -> "ke-hoach/",
    "index.html" -> "./", any other file itself (page_url read backwards)."""
    if path == "index.html" or path.endswith("/index.html"):
        return page_url(path[: -len(".html")] + ".md") or "./"
    return path


# -- the registry -------------------------------------------------------------------
def always(site: Site) -> bool:
    return True


@dataclass(frozen=True)
class Output:
    """One output of one plan."""

    key: str  # the row it comes from: what producers and pages look it up by
    path: str  # plan-local: "ke-hoach.md", "pdf/<kind>-<năm>.pdf", "tai-ve/phan-cong-<năm>.xlsx"
    title: str  # page title and nav title; for a file, what it is
    kind: str  # "page", "pdf", "xlsx", "csv" or "ics"
    # The files that hold its content (repository paths): the first is what "Sửa trang
    # này" opens, the last commit to any of them dates the page.
    data_files: tuple[str, ...]
    # Place in the nav: (its title,) at the top, (section, its title) in a section, (section, None)
    # for a section's index page; () for a page reached from another (the units).
    nav: tuple = ()
    page: str = ""  # for a file: the plan-local page that offers it
    label: str = ""  # for a file: its link text on that page
    item: object = None  # the unit, topic, chapter key or form it is made for
    # Where an editor changes what names it (the address check); None: its first data file.
    origin: Origin | None = None
    pdf_link: bool = False  # a PDF its page offers with the "Tải PDF" line
    documents: bool = False  # made only by a build that makes the documents (PDFs, per-unit templates)

    @property
    def data_file(self) -> str:
        return self.data_files[0]

    @property
    def unit(self) -> str:
        return self.item.ma if isinstance(self.item, Unit) else ""


def _value(value, site: Site, item):
    if not callable(value):
        return value
    return value(site, item) if item is not None else value(site)


@dataclass(frozen=True)
class Row:
    """A declaration: one output, or one per item of `each` (units, topics…). `path`,
    `title`, `data`, `nav` are values or functions of (site) / (site, item); `data`
    names the plan's files (loader.PLAN_FILES) or gives repository paths."""

    key: str
    kind: str
    path: str | Callable
    title: str | Callable
    data: tuple | Callable
    nav: tuple | Callable = ()
    nav_rank: int = 0  # order inside its nav section, when it differs from this list's
    page: str = ""  # for a file: the key of the row of the page that offers it
    label: str = ""
    each: Callable[[Site], Iterable] | None = None
    # (site, item, index) -> Origin (file, line, column, field) of what names the output, for the
    # address check; None: the output's first data file.
    origin: Callable | None = None
    pdf_link: bool = False
    documents: bool = False  # made only by a build that makes the documents (PDFs, per-unit templates)
    # The mkdocs-macros macro (macros/adapters/macros_env.py) that shows this page's content on
    # a page written by hand: such a page is changed where this row's data is.
    macro: str = ""
    available: Callable[[Site], bool] = always

    def outputs(self, site: Site, pages: dict[str, str]) -> list[Output]:
        items = list(self.each(site)) if self.each else [None]
        out = []
        for i, item in enumerate(items):
            data = _value(self.data, site, item)
            # A plan may lack a file (don-vi.yaml, bo-cong-cu.yaml): only those it has.
            files = tuple(dict.fromkeys(f if "/" in f else site.data_file(f) for f in data
                                        if "/" in f or f in site.files))
            path = _value(self.path, site, item)
            title = _value(self.title, site, item)
            origin = self.origin(site, item, i) if self.origin else None
            if origin is not None:
                origin = dataclasses.replace(origin, path=path, what=origin.what or title)
            page = pages.get(self.page, "")
            if self.page and self.each and isinstance(item, Unit):
                page = unit_page(item)
            out.append(Output(self.key, path, title, self.kind, files, _value(self.nav, site, item), page,
                              self.label, item, origin, self.pdf_link, self.documents or self.kind == "pdf"))
        return out


def _year(site: Site) -> str:
    # The plan's year, or its folder for a document without one (Site.year_tag).
    return site.year_tag


def _results_page_files(site: Site, item=None) -> tuple:
    # A folder first: "Sửa trang này" opens "new file" there (mkdocs_hooks).
    return (results_folder(site) + "/", report_file(site), "plan", "units")


def _at(name: str, path: Callable, what: Callable = lambda item: ""):
    """The Origin of an output named by a field of a data file (its line and column)."""

    def origin(site: Site, item, i: int) -> Origin:
        source = site.sources.get(name(item) if callable(name) else name)
        where = path(item, i)
        line, column = source.position(where) if source else (0, 0)
        file = source.path if source else (name(item) if callable(name) else name)
        return Origin("", file, line, column, field_path(where) if source else "", what(item))

    return origin


def _in(file: Callable[[Site], str]):
    """The Origin of an output named by a whole file (or folder) `file(site)`."""
    return lambda site, item, i: Origin("", file(site))


_PLAN = _in(lambda site: site.data_file("plan"))
_RESULTS = _in(results_folder)


def _topic_origin(site: Site, topic: Topic, i: int) -> Origin:
    # The topic's code in the plan's structured content section, wherever that section stands.
    return _at("plan", lambda t, j: path_of(site, "noi_dung") + ("muc", j, "ma"))(site, topic, i)


def _chapter_file(site: Site, topic: Topic) -> str:
    chapter = site.chapter_of(topic.ma)
    return site.data_file(f"chapters/{chapter[0]}") if chapter else site.data_file("plan")


# What each computed output needs (Site.has_*; rows name them with attrgetter): a plan
# without it has no such page or file.
def _has_calendar(site: Site) -> bool:
    # The plan's calendar lists its units' deadlines too: the period and units both.
    return site.has_timeline and site.has_units


def _uses_glossary(site: Site) -> bool:
    return bool(used_glossary(site))


def plan_page_title(site: Site) -> str:
    """The name of the plan's own page and its nav entry: the document's kind as the data says it
    (van_ban › loai: «Kế hoạch», «Hướng dẫn» …), «Văn bản» when blank."""
    return site.plan.van_ban.loai.strip() or "Văn bản"


def plan_pdf_path(site: Site) -> str:
    """The plan's PDF, named after the document's kind as the data says it (van_ban › loai): «Kế hoạch» ->
    pdf/ke-hoach-<năm>.pdf, «Hướng dẫn» -> pdf/huong-dan-<năm>.pdf; a blank kind -> ke-hoach, as its page."""
    kind = slugify(site.plan.van_ban.loai)[:40].strip("-") or "ke-hoach"
    return f"{PDF_DIR}/{kind}-{_year(site)}.pdf"


# Every output of a plan, pages first in the order the build writes them (the search
# index lists them in that order), then the files. The nav follows NAV below.
ROWS: tuple[Row, ...] = (
    Row("home", "page", HOME, "Trang chủ", ("plan", "units", "org"), ("Trang chủ",), macro="trang_chu", origin=_PLAN),
    Row("plan", "page", PLAN, plan_page_title, ("plan", "org", "units"), lambda site: (plan_page_title(site),),
        macro="toan_van_ke_hoach", origin=_PLAN),
    Row("assignments", "page", ASSIGNMENTS, "Phân công", ("plan", "org", "units"), ("Phân công",), macro="phan_cong", origin=_PLAN, available=attrgetter("has_assignments")),
    Row("units", "page", UNITS, "Đơn vị", ("units", "plan", "org"), ("Đơn vị",), macro="danh_sach_don_vi", origin=_PLAN, available=attrgetter("has_units")),
    Row("timeline", "page", TIMELINE, "Tiến độ", ("plan", "org"), ("Tiến độ",), macro="tien_do", origin=_PLAN, available=attrgetter("has_timeline")),
    Row("progress", "page", PROGRESS, "Kết quả thực hiện", _results_page_files, ("Kết quả thực hiện",), origin=_RESULTS, available=attrgetter("has_units")),
    Row("report", "page", REPORT, "Báo cáo tổng hợp",
        lambda site: (report_file(site), results_folder(site) + "/", "plan", "units"), ("Báo cáo tổng hợp",), origin=_RESULTS, available=attrgetter("has_report")),
    Row("budget", "page", BUDGET, "Kinh phí", ("plan", "units", "org"), ("Kinh phí",), macro="kinh_phi", origin=_PLAN, available=attrgetter("has_budget")),
    Row("handbook", "page", HANDBOOK, "Sổ tay", ("plan",), ("Sổ tay", None), macro="so_tay", origin=_PLAN, available=attrgetter("has_handbook")),
    Row("unit", "page", lambda site, u: unit_page(u), lambda site, u: unit_title(u),
        lambda site, u: ("plan", "units", "org", f"{results_folder(site)}/{u.ma}.yaml"),
        each=lambda site: site.units, origin=_at("units", lambda u, i: ("don_vi", i, "ten")), available=attrgetter("has_units")),
    Row("topic", "page", lambda site, t: topic_page(t), lambda site, t: site.topic_title(t),
        lambda site, t: (_chapter_file(site, t),), lambda site, t: ("Sổ tay", site.topic_title(t)), nav_rank=2,
        each=lambda site: site.topics, origin=_topic_origin, available=attrgetter("has_handbook")),
    Row("chapter", "page", lambda site, kc: chapter_page(kc[0]), lambda site, kc: kc[1].ten,
        lambda site, kc: (site.data_file(f"chapters/{kc[0]}"),), lambda site, kc: ("Sổ tay", kc[1].ten), nav_rank=1,
        each=general_chapters, origin=_at(lambda kc: f"chapters/{kc[0]}", lambda kc, i: (), lambda kc: kc[1].ten or kc[0]),
        available=attrgetter("has_handbook")),
    # The documents the handbook cites (Site.cited_references): none of the shared list, no page.
    Row("references", "page", REFERENCES, "Văn bản tham khảo", ("references",), ("Sổ tay", "Văn bản tham khảo"),
        nav_rank=3, available=lambda site: bool(site.cited_references)),
    Row("glossary", "page", GLOSSARY, "Chữ viết tắt", ("glossary",), ("Chữ viết tắt",), available=_uses_glossary),
    Row("toolkit", "page", TOOLKIT, "Bộ công cụ hội nghị", ("toolkit",), ("Bộ công cụ", None), available=attrgetter("has_toolkit")),
    Row("form", "page", lambda site, f: form_page(f.slug), lambda site, f: f.title, ("toolkit",),
        lambda site, f: ("Bộ công cụ", f.title), each=lambda site: FORMS, available=attrgetter("has_toolkit")),
    # PDFs (pdf/writer makes them; the page named by `page` offers each).
    Row("plan_pdf", "pdf", plan_pdf_path, lambda site: f"{plan_page_title(site)} (PDF)",
        ("plan", "org", "units"), page="plan", pdf_link=True),
    Row("handbook_pdf", "pdf", lambda site: f"{PDF_DIR}/so-tay-{_year(site)}.pdf", "Sổ tay (PDF)", ("plan",),
        page="handbook", pdf_link=True, available=attrgetter("has_handbook")),
    Row("handout", "pdf", lambda site, u: handout_pdf(u, site.file_tag), lambda site, u: unit_title(u),
        ("plan", "units", "org"), page="unit", each=lambda site: site.units, pdf_link=True, available=attrgetter("has_units")),
    Row("report_pdf", "pdf", lambda site: f"{PDF_DIR}/bao-cao-tong-hop-{_year(site)}.pdf",
        "Báo cáo tổng hợp (PDF)", lambda site: (report_file(site),), page="report", label="PDF", available=attrgetter("has_report")),
    # Downloads (exports/downloads.PRODUCERS makes each from its key).
    Row("ics", "ics", lambda site: f"{DOWNLOADS}/lich-ke-hoach-{_year(site)}.ics", "Lịch kế hoạch (.ics)",
        lambda site: ("plan", "org", "units", results_folder(site) + "/"), page="timeline", label="Thêm vào lịch", origin=_RESULTS, available=_has_calendar),
    Row("assign_xlsx", "xlsx", lambda site: f"{DOWNLOADS}/phan-cong-{_year(site)}.xlsx", "Phân công (.xlsx)",
        ("plan", "org", "units"), page="assignments", label="Excel (.xlsx)", origin=_RESULTS, available=attrgetter("has_assignments")),
    Row("assign_csv", "csv", lambda site: f"{DOWNLOADS}/phan-cong-{_year(site)}.csv", "Phân công (.csv)",
        ("plan", "org", "units"), page="assignments", label="CSV", origin=_RESULTS, available=attrgetter("has_assignments")),
    Row("budget_xlsx", "xlsx", lambda site: f"{DOWNLOADS}/kinh-phi-{_year(site)}.xlsx", "Kinh phí (.xlsx)",
        ("plan", "units", "org"), page="budget", label="Excel (.xlsx)", origin=_RESULTS, available=attrgetter("has_budget")),
    Row("budget_csv", "csv", lambda site: f"{DOWNLOADS}/kinh-phi-{_year(site)}.csv", "Kinh phí (.csv)",
        ("plan", "units", "org"), page="budget", label="CSV", origin=_RESULTS, available=attrgetter("has_budget")),
    Row("results_xlsx", "xlsx", lambda site: f"{DOWNLOADS}/ket-qua-{_year(site)}.xlsx", "Kết quả (.xlsx)",
        _results_page_files, page="progress", label="Excel (.xlsx)", origin=_RESULTS, available=attrgetter("has_units")),
    Row("results_csv", "csv", lambda site: f"{DOWNLOADS}/ket-qua-{_year(site)}.csv", "Kết quả (.csv)",
        _results_page_files, page="progress", label="CSV", origin=_RESULTS, available=attrgetter("has_units")),
    Row("unit_ics", "ics", lambda site, u: f"{DOWNLOADS}/lich/{_unit_file(unit_slug(u), site.file_tag)}.ics",
        lambda site, u: f"Lịch của {unit_title(u)} (.ics)",
        lambda site, u: ("plan", "units", f"{results_folder(site)}/{u.ma}.yaml"), page="unit",
        label="Thêm vào lịch", each=lambda site: site.units, origin=_RESULTS, available=_has_calendar),
    # Made with the PDFs (a document per unit): not in a build without them.
    Row("unit_template", "xlsx",
        lambda site, u: f"{DOWNLOADS}/mau-bao-cao/{_unit_file(f'mau-bao-cao-{u.ma}-{unit_slug(u)}', site.file_tag)}.xlsx",
        lambda site, u: f"Mẫu báo cáo của {unit_title(u)} (.xlsx)", ("plan", "units", "org"), page="unit",
        label="Mẫu báo cáo", each=lambda site: site.units, documents=True, origin=_RESULTS, available=attrgetter("has_report_templates")),
)
PAGE_KIND = "page"

# The top of the nav, in order; a section's entries follow their rows (nav_rank first).
NAV = ("Trang chủ", "Kế hoạch", "Phân công", "Đơn vị", "Tiến độ", "Kết quả thực hiện", "Báo cáo tổng hợp",
       "Kinh phí", "Sổ tay", "Bộ công cụ", "Chữ viết tắt")


@dataclass(frozen=True)
class Outputs:
    """The outputs of one plan, looked up by key and by path."""

    site: Site
    all: tuple[Output, ...]
    by_key: dict = field(default_factory=dict)  # row key -> its outputs
    by_unit: dict = field(default_factory=dict)  # unit code -> the outputs made for that unit

    @property
    def pages(self) -> list[Output]:
        return [o for o in self.all if o.kind == PAGE_KIND]

    @property
    def files(self) -> list[Output]:
        """PDFs and downloads."""
        return [o for o in self.all if o.kind != PAGE_KIND]

    def downloads(self, documents: bool = True) -> list[Output]:
        """Spreadsheets and calendars (not PDFs): what exports/downloads writes, the plan's
        first, then each unit's together; `documents`: with the per-unit report templates."""
        rank = {code: i + 1 for i, code in enumerate(self.by_unit)}
        wanted = [o for o in self.files if o.kind != "pdf" and (documents or not o.documents)]
        return sorted(wanted, key=lambda o: rank.get(o.unit, 0))

    def path(self, key: str, item=None) -> str:
        """Plan-local path of the output `key` (for `item`, when the row has one per item)."""
        return self.get(key, item).path

    def get(self, key: str, item=None) -> Output:
        for o in self.by_key[key]:
            if item is None or o.item is item:
                return o
        raise KeyError((key, item))

    def offered_on(self, page: str, kind: str | None = None) -> list[Output]:
        """The files the page (plan-local path) offers, in registry order."""
        return [o for o in self._offered.get(page, ()) if kind is None or o.kind == kind]

    @cached_property
    def _offered(self) -> dict[str, list[Output]]:
        """Page -> the files it offers, in registry order: made once, not by going through every
        output for each page (every page asks: quadratic in units, issue 24)."""
        out: dict[str, list[Output]] = {}
        for o in self.all:
            if o.kind != PAGE_KIND:
                out.setdefault(o.page, []).append(o)
        return out

    def of_unit(self, unit: Unit) -> list[Output]:
        return self.by_unit.get(unit.ma, [])

    def pdf_for_page(self) -> dict[str, str]:
        """Plan-local page -> site path of the PDF its "Tải PDF" line links."""
        return {o.page: self.site.prefix + o.path for o in self.files if o.pdf_link}

    def handbook_section(self) -> list[str]:
        """Plan-local paths of the handbook section, in nav order (what the handbook PDF prints)."""
        return [o.path for o in self._nav_order() if o.nav and o.nav[0] == "Sổ tay"]

    def _nav_order(self) -> list[Output]:
        ranks = {r.key: r.nav_rank for r in ROWS}
        placed = [o for o in self.pages if o.nav]
        # the plan's page sits in the «Kế hoạch» place whatever the document's kind names it
        return sorted(placed, key=lambda o: (NAV.index("Kế hoạch" if o.key == "plan" else o.nav[0]), ranks[o.key]))

    def nav(self, home_page: str) -> list:
        """The nav of the plan (site paths; the home page at `home_page`). Units are reached
        from their list page, not from the sidebar: one entry per unit on every page would
        make the build quadratic."""
        p = self.site.prefix
        out: list = []
        sections: dict[str, list] = {}
        for o in self._nav_order():
            target = home_page if o.key == "home" else p + o.path
            if len(o.nav) == 1:
                out.append({o.nav[0]: target})
                continue
            if o.nav[0] not in sections:
                sections[o.nav[0]] = []
                out.append({o.nav[0]: sections[o.nav[0]]})
            sections[o.nav[0]].append(target if o.nav[1] is None else {o.nav[1]: target})
        return out


def row(key: str) -> Row:
    """The row named `key` (read from ROWS each time: a test may add one)."""
    return next(r for r in ROWS if r.key == key)


def has(site: Site, key: str) -> bool:
    """Whether the plan has the output `key` (its row's condition): a page links it only then."""
    return row(key).available(site)


def macro_data() -> dict[str, tuple[str, ...]]:
    """Macro name -> the data it shows (names as in loader.PLAN_FILES); the first is where
    an editor changes it."""
    return {r.macro: r.data for r in ROWS if r.macro}


def path(site: Site, key: str, item=None) -> str:
    """Plan-local path of one output, without expanding the others (a unit's calendar
    on its page: 3,321 units would expand every row 3,321 times)."""
    return _value(row(key).path, site, item)


_KEPT = "_kontum_outputs"  # on the Site object: (ROWS, its Outputs)


def outputs(site: Site) -> Outputs:
    """Every output of the plan: the rows available for it, expanded. Expanded once per
    Site object (a frozen dataclass: its data does not change; the date's status, which a
    build records in it, names no output) and kept on it, for the same ROWS: the loader's
    checks, the build's Catalog and the file:// copy's ask for the same plan (issue 24:
    three to four expansions a build, ~0.5 s each at 1,000 units)."""
    kept = getattr(site, _KEPT, None)
    if kept is not None and kept[0] is ROWS:
        return kept[1]
    made = _expand(site)
    object.__setattr__(site, _KEPT, (ROWS, made))  # not a field: equality and replace() ignore it
    return made


def _expand(site: Site) -> Outputs:
    rows = [r for r in ROWS if r.available(site)]
    pages = {r.key: _value(r.path, site, None) for r in rows if r.kind == PAGE_KIND and r.each is None}
    expanded = tuple(o for r in rows for o in r.outputs(site, pages))
    by_key: dict[str, list[Output]] = {}
    by_unit: dict[str, list[Output]] = {}
    for o in expanded:
        by_key.setdefault(o.key, []).append(o)
        if o.unit:
            by_unit.setdefault(o.unit, []).append(o)
    return Outputs(site, expanded, by_key, by_unit)


def pdf_for_page(site: Site) -> dict[str, str]:
    """Plan-local page -> site path of the PDF its "Tải PDF" line links."""
    return outputs(site).pdf_for_page()


# -- outputs of the website as a whole (offline reading, issue 14) -------------------
MANIFEST = "manifest.webmanifest"
SERVICE_WORKER = "sw.js"
UNIT_PACKAGES = f"{DOWNLOADS}/goi-don-vi"  # above the ZIP's cap: one small package per unit, here
SHARED_PACKAGE = f"{DOWNLOADS}/goi-chung.zip"  # and one shared package (outside UNIT_PACKAGES: no unit slug takes it)


def offline_zip(site_name: str) -> str:
    """The ZIP of the whole site for reading from a folder (file://), named for the site."""
    return f"{DOWNLOADS}/{slugify(site_name)}.zip"


def unit_package(slug: str) -> str:
    """A unit's own offline package, when the whole site is over the ZIP's cap."""
    return f"{UNIT_PACKAGES}/{slug}.zip"


def home_path(website: Website, site: Site) -> str:
    """Where a plan's home page goes on the website."""
    if website.several and not site.prefix:
        return OVERVIEW
    return site.prefix + HOME


# -- addresses ------------------------------------------------------------------------
# The order the address check lists the pages in (the first of two at one address is named
# first, the error points at the second): pages named by a field of the data, then the others.
ORIGIN_ORDER = ("unit", "topic", "chapter", "references", "glossary", "toolkit", "form", "home", "plan",
                "assignments", "units", "timeline", "budget", "handbook", "progress", "report")


# What the build writes at the website's root whatever the data says (MkDocs, Material's
# search, the offline hooks); a download or page at one of these would replace it.
SITE_FILES = (SERVICE_WORKER, MANIFEST, "404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json",
              "assets/", "search/")  # folders: the theme's scripts, styles, images; the search index
WEBSITE_DATA = "data/website.yaml"


def page_origins(site: Site, docs_dir=None, site_name: str = "") -> list[Origin]:
    """Every page and file the build writes, with where an editor changes what names it,
    for paths_unique.collisions. Hand-written pages in `docs_dir` come first; a PDF a page
    offers ("Tải PDF") has that page's origin."""
    out: list[Origin] = []
    if docs_dir is not None:
        # The files of the website as a whole, at its root: the build writes them whatever the data says.
        out += [Origin(name, "mkdocs.yml", what="tệp chung của website") for name in SITE_FILES]
        if site_name:
            out.append(Origin(offline_zip(site_name), WEBSITE_DATA, what="tệp ZIP để đọc không cần mạng"))
    if docs_dir is not None and docs_dir.is_dir():
        # Hand pages and what docs/ copies as is (assets/…).
        out += [Origin(p.relative_to(docs_dir).as_posix(), f"docs/{p.relative_to(docs_dir).as_posix()}")
                for p in sorted(docs_dir.rglob("*")) if p.is_file() and not p.name.startswith(".")]
    made = outputs(site)

    def origin(o: Output) -> Origin:
        return o.origin if o.origin is not None else Origin(o.path, o.data_file, what=o.title)

    rank = {key: i for i, key in enumerate(ORIGIN_ORDER)}
    out += [origin(o) for o in sorted(made.pages, key=lambda o: rank.get(o.key, len(rank)))]
    # One per row and path: two units whose names slug alike clash once, at their pages;
    # two rows that write one file clash here.
    out += list({(o.key, o.path): origin(o) for o in made.downloads()}.values())
    out += [origin(o) for o in made.files if o.kind == "pdf" and not o.pdf_link]
    by_page = {o.path: o for o in out}
    for o in made.files:
        if o.pdf_link:
            page = by_page.get(o.page, Origin(o.page, o.page))
            out.append(dataclasses.replace(page, path=site.prefix + o.path))
    return out

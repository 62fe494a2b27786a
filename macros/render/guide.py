"""The facts a page written by hand in docs/ shows («Cách dùng trang này»): how
many units, which pages, which file names, which deadline, which search words
find what. Pure: a Website and the page's place in, plain values out; every
string is Markdown-safe (data escaped with md_escape, links relative .md paths
that MkDocs checks and turns into the build's URLs). The page holds the prose;
macros/adapters/macros_env.py hands these to it (macros/render/macro_list.py).
"""

import posixpath
import re
from dataclasses import dataclass

from ..dates import format_date
from ..numbers import format_number
from ..results import progress as results_progress
from ..results.load import results_folder
from ..site import Site, Website
from ..text import fold, md_escape
from . import links, pages, toolkit, units
from .. import outputs as registry
from ..outputs import PROGRESS


@dataclass(frozen=True)
class Context:
    """Where the page is and what this build makes."""
    website: Website
    here: str  # the page's source path, docs/-relative ("cach-dung.md")
    documents: bool = True  # this build writes the PDFs and the units' Excel templates
    # The offline packages (macros/offline/package.py, which imports render: given here by the adapter):
    zip_path: str = ""  # site path of the whole site's ZIP, when the build writes one ("tai-ve/….zip")
    zip_cap: str = ""  # its size cap, as read ("15,0 MB"): above it, a shared package and one per unit
    shared_zip: str = ""  # site path of that shared package


def link(ctx: Context, target: str) -> str:
    """A relative Markdown link target from the page to the page `target` (a source path)."""
    return posixpath.relpath(target, posixpath.dirname(ctx.here) or ".")


@dataclass(frozen=True)
class Plan:
    """One plan as the guide names it; links are relative .md paths. File names and paths
    (slugs and codes, written in `code`) are not Markdown-escaped; names and sentences are."""
    ten: str  # the plan's title on the website
    so_don_vi: str  # "10"
    ten_goi_don_vi: str  # "huyện, thành phố": what the plan calls its units
    trang_chu: str
    ke_hoach: str
    so_tay: str
    bo_cong_cu: str
    danh_sach_don_vi: str
    ket_qua: str
    mau_in: list  # the toolkit's printable forms: (title, link), in the toolkit's order
    mau_bao_cao_giay: str  # the printable report form of the toolkit
    ten_mau_bao_cao_giay: str
    don_vi_vi_du: str  # a unit, as its page is titled
    trang_don_vi_vi_du: str
    mau_excel_vi_du: str  # that unit's Excel template, file name
    tep_ket_qua_vi_du: str  # where the import writes that unit's results
    thu_muc_ket_qua: str  # "data/<plan>/ket-qua"
    ngay_vi_du: str  # how a date is written in the template: the plan's own report date
    so_noi_dung: str  # how many topics the template numbers (1 to N)
    vi_du_noi_dung: str  # how several are written in one cell: "1; 5" (the first and the last)
    han_bao_cao: str  # the plan's report deadline, saying whose it is


def example_unit(site: Site):
    """The unit the guide shows: the first whose name has marks (so that typing it
    without them shows what search does), else the first."""
    return next((u for u in site.units if fold(u.ten) != u.ten.lower()), site.units[0])


def plan(ctx: Context, site: Site) -> Plan:
    unit = example_unit(site)
    p = site.prefix
    form = next(f for f in toolkit.FORMS if f.slug == "mau-bao-cao")
    return Plan(
        ten=md_escape(site.title),
        so_don_vi=format_number(len(site.units)),
        ten_goi_don_vi=md_escape(site.plan.ten_goi_don_vi),
        trang_chu=link(ctx, pages.home_path(ctx.website, site)),
        ke_hoach=link(ctx, p + links.PLAN),
        so_tay=link(ctx, p + links.HANDBOOK),
        bo_cong_cu=link(ctx, p + links.TOOLKIT),
        danh_sach_don_vi=link(ctx, p + links.UNITS),
        ket_qua=link(ctx, p + PROGRESS),
        mau_in=[(md_escape(f.title), link(ctx, p + toolkit.form_path(f))) for f in toolkit.FORMS],
        mau_bao_cao_giay=link(ctx, p + toolkit.form_path(form)),
        ten_mau_bao_cao_giay=md_escape(form.title),
        don_vi_vi_du=md_escape(links.unit_title(unit)),
        trang_don_vi_vi_du=link(ctx, p + links.unit_page(unit)),
        mau_excel_vi_du=posixpath.basename(registry.path(site, "unit_template", unit)),
        tep_ket_qua_vi_du=f"{results_folder(site)}/{unit.ma}.yaml",
        thu_muc_ket_qua=results_folder(site),
        ngay_vi_du=format_date(site.sample_date),
        so_noi_dung=format_number(len(site.topics)),
        vi_du_noi_dung="; ".join(dict.fromkeys(("1", str(len(site.topics))))),
        han_bao_cao=md_escape(results_progress.deadline_sentence(site)),
    )


def worked(website: Website) -> list[Site]:
    """The plans the guide's steps apply to, in the order listed: those with unit pages, the
    conference forms and the handbook (Site.has_toolkit implies them). A plan that has only
    its text (an imported draft) has no unit to find, no form to print, no report to send."""
    return [site for site in website.plans if site.has_toolkit]


def plans(ctx: Context) -> list[Plan]:
    """Every plan of the website the guide's steps apply to (worked), in the order listed."""
    return [plan(ctx, site) for site in worked(ctx.website)]


@dataclass(frozen=True)
class Offline:
    zip_name: str  # the whole site's ZIP, file name ("" when this build writes none)
    zip_cap: str  # above this the site offers a shared package and one per unit
    shared_name: str  # the shared package, file name


def offline(ctx: Context) -> Offline:
    return Offline(zip_name=posixpath.basename(ctx.zip_path), zip_cap=ctx.zip_cap,
                   shared_name=posixpath.basename(ctx.shared_zip))


@dataclass(frozen=True)
class SearchExample:
    go: str  # what to type: lower case, no marks
    trang: str  # the page the first result opens, as titled
    lien_ket: str


def typed(text: str) -> str:
    """How a cadre types `text`: lower case, no marks, words only ("Chủ trương, chính sách" -> "chu truong chinh sach")."""
    return " ".join(re.findall(r"\w+", fold(text)))


def search_examples(ctx: Context) -> list[SearchExample]:
    """Queries typed without marks and the page their first result opens, from the first
    plan's data: a unit by its name, the same unit with what its page holds («kinh phí»,
    units.PAGE_TOPICS), a handbook topic by its short name. tests/test_guide.py types
    them into the built site's search box."""
    sites = worked(ctx.website)
    if not sites:
        return []
    site = sites[0]
    unit = example_unit(site)
    unit_page = link(ctx, site.prefix + links.unit_page(unit))
    title = md_escape(links.unit_title(unit))
    topic = next(t for t in units.PAGE_TOPICS if t == "kinh phí")
    out = [SearchExample(typed(unit.ten), title, unit_page),
           SearchExample(typed(f"{topic} {unit.ten}"), title, unit_page)]
    for t in site.topics[:1]:
        out.append(SearchExample(typed(site.topic_title(t)), md_escape(site.topic_title(t)), link(ctx, site.prefix + links.topic_page(t))))
    return out


# The office's command that reads a filled template (macros/import_report.py; not imported:
# it imports this package). tests/test_guide.py checks the module and its options exist.
IMPORT_MODULE = "macros.import_report"
IMPORT_OPTIONS = ("--xem", "--ghi-de")


@dataclass(frozen=True)
class Import:
    lenh: str  # the command an office runs on a filled template
    xem: str  # ... to only print the YAML
    ghi_de: str  # ... to replace a results file already there
    gui_cho: str  # who the filled templates go to: the website's compiler (data/website.yaml tac_gia)


def import_command(ctx: Context) -> Import | None:
    """None when no plan has unit templates to fill (worked)."""
    sites = worked(ctx.website)
    if not sites:
        return None
    first = sites[0]
    name = posixpath.basename(registry.path(first, "unit_template", example_unit(first)))
    base = f".venv/bin/python -m {IMPORT_MODULE} {name}"
    view, replace = IMPORT_OPTIONS
    who = ctx.website.info.tac_gia
    return Import(lenh=base, xem=f"{base} {view}", ghi_de=f"{base} {replace}",
                  gui_cho=md_escape(who[:1].lower() + who[1:]))


def documents(ctx: Context) -> bool:
    """This build writes the PDFs («Tải PDF») and the units' Excel templates."""
    return ctx.documents

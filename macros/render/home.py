"""The home page: the plan at a glance (content, who carries it out, where, when, funds)."""

from ..dates import format_date, format_month
from ..numbers import format_money
from ..site import Site
from ..text import md_escape as m
from . import links, notice


# Up to this many units are listed on the home page; more are on the list page only.
LIST_ON_HOME = 30


def home_page(site: Site) -> str:
    p = site.plan
    here = links.HOME
    if not (site.has_units and site.has_budget and site.has_timeline and site.has_handbook):
        return _short_home(site)
    period = p.thoi_gian_dia_diem
    report = p.to_chuc_thuc_hien.bao_cao
    receiver = site.department(report.noi_nhan).ten
    local = p.to_chuc_thuc_hien.don_vi_thuc_hien
    n = len(site.units)
    depts = ", ".join(m(site.department(a.ban).ten) for a in site.assignments)
    if n <= LIST_ON_HOME:
        units = "\n".join(f"- {links.md_link(links.unit_title(u), links.unit_page(u), here)}" for u in site.units)
    else:  # a long list belongs on its own page, with its filter
        units = f"- {links.md_link(f'Danh sách {n} {p.ten_goi_don_vi}', links.UNITS, here)}"
    conferences = notice.conference_sentence(site)
    # The five facts are headings (the page's outline, issue 23) but not search sections:
    # "kinh phi" must open the budget page, not the home page's summary of it.
    return f"""{m(p.van_ban.loai)} {m(p.van_ban.trich_yeu[0].lower() + p.van_ban.trich_yeu[1:])}.

{_jump_to_units()}

<div class="grid cards glance" markdown>

-   ## Nội dung {{ data-search-exclude }}

    ---

    Tuyên truyền, vận động trực tiếp tại vùng đồng bào dân tộc thiểu số, theo {len(p.cac_buoc.buoc)} bước;
    kế hoạch ghi: «{m(conferences)}»

    {links.md_link("Toàn văn kế hoạch", links.PLAN, here)} · {links.md_link("Sổ tay tuyên truyền", links.HANDBOOK, here)}

-   ## Đơn vị thực hiện {{ data-search-exclude }}

    ---

    {m(site.org.ten_day_du)}; các ban phối hợp: {depts}; cùng {m(notice.spell(site, local.ten))}.

    {links.md_link("Phân công", links.ASSIGNMENTS, here)}

-   ## Địa bàn {{ data-search-exclude }}

    ---

    {n}/{n} {m(p.ten_goi_don_vi)} của tỉnh {m(site.units_file.tinh)}.

    {links.md_link("Danh sách đơn vị", links.UNITS, here)}

-   ## Thời gian {{ data-search-exclude }}

    ---

    Từ {format_month(period.bat_dau)} đến {format_date(period.ket_thuc)}. Các ban, văn phòng báo cáo
    kết quả về {m(receiver)} trước ngày {format_date(report.han)}; {m(receiver)} tổng hợp báo cáo
    kết quả trên địa bàn toàn tỉnh.

    {links.md_link("Tiến độ", links.TIMELINE, here)}

-   ## Kinh phí {{ data-search-exclude }}

    ---

    {format_money(p.kinh_phi.dinh_muc)} mỗi đơn vị; tổng {format_money(site.total)}
    ({m(site.total_in_words)}).

    {links.md_link("Kinh phí", links.BUDGET, here)}

</div>

## Trang của từng đơn vị {{ #{UNITS_ANCHOR} }}

<div class="home-units" markdown>

{units}

</div>
"""


# The list of units is two screens down on a phone: one tap from the first
# screen reaches it (issue 13). site.css draws both as 48 px tap targets.
UNITS_ANCHOR = "don-vi-cua-ban"


def _jump_to_units() -> str:
    return f'<p class="home-jump"><a href="#{UNITS_ANCHOR}">Trang của từng đơn vị <span aria-hidden="true">↓</span></a></p>'


def _short_home(site: Site) -> str:
    """A plan without the sections the five facts come from (an imported plan with no
    units, budget or period): what it is, and a link to each page it has."""
    doc, here = site.plan.van_ban, links.HOME
    pages = [("Toàn văn kế hoạch", links.PLAN, True), ("Phân công", links.ASSIGNMENTS, site.has_assignments),
             ("Danh sách đơn vị", links.UNITS, site.has_units), ("Tiến độ", links.TIMELINE, site.has_timeline),
             ("Kinh phí", links.BUDGET, site.has_budget), ("Sổ tay tuyên truyền", links.HANDBOOK, site.has_handbook),
             ("Bộ công cụ hội nghị", links.TOOLKIT, site.has_toolkit)]
    what = " ".join(part for part in (doc.loai, doc.trich_yeu) if part)
    return (f"{m(what)}.\n\n" if what else "") + "\n".join(
        f"- {links.md_link(title, path, here)}" for title, path, made in pages if made) + "\n"

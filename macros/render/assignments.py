"""Who works with whom: by department (role and units) and by unit."""

from ..numbers import format_money
from ..site import Site
from ..text import html_escape as h
from ..text import md_escape as m
from . import links, notice
from .plan import section_number


def unit_links(site: Site, codes, current: str) -> str:
    return ", ".join(links.unit_link(site, site.unit(c), links.unit_name(site.unit(c)), current) for c in codes)


def _quote(label: str, text: str) -> str:
    """The plan's own words, set apart from the site's text (spellings kept as issued)."""
    return f'<p class="trich-dan__nguon"><em>{h(label)}</em></p>\n\n> {m(text)}'


def by_department(site: Site, current: str = links.ASSIGNMENTS) -> str:
    parts = []
    org = section_number(site, "to_chuc_thuc_hien")
    for i, a in enumerate(site.assignments, 1):
        dept = site.department(a.ban)
        parts += [f"### {m(dept.ten)}",
                  f"**Phối hợp tại:** {unit_links(site, a.don_vi, current)}",
                  _quote(f"Nhiệm vụ (kế hoạch, mục {org}.{i}):", a.nhiem_vu)]
    local = site.plan.to_chuc_thuc_hien.don_vi_thuc_hien
    parts += [f"### {m(notice.spell(site, local.ten))}",
              _quote(f"Nhiệm vụ (kế hoạch, mục {org}.{len(site.assignments) + 1}):", local.nhiem_vu)]
    return "\n\n".join(parts) + "\n"


def by_unit_table(site: Site, current: str = links.ASSIGNMENTS) -> str:
    rows = ["| STT | Đơn vị | Ban phối hợp | Kinh phí |", "|---:|---|---|---:|"]
    for i, unit in enumerate(site.units, 1):
        dept = site.department(site.assignment_of(unit.ma).ban)
        rows.append(f"| {i} | {links.unit_link(site, unit, links.unit_title(unit), current)} "
                    f"| {m(dept.ten)} | {format_money(site.amount(unit.ma))} |")
    return "\n".join(rows) + "\n"


def report_note(site: Site) -> str:
    """The plan's note, quoted as written, then who compiles: the receiving Ban is
    the recipient, not a sender, and its own units are part of what it compiles."""
    report = site.plan.to_chuc_thuc_hien.bao_cao
    receiver = site.department(report.noi_nhan).ten
    quote = f"{report.tieu_de} {site.fill(report.loi_van)}"
    # where the plan gives the receiver its task (the section and item, from the data)
    items = [a.ban for a in site.assignments]
    where = section_number(site, "to_chuc_thuc_hien") + (
        f".{items.index(report.noi_nhan) + 1}" if report.noi_nhan in items else "")
    return (f"!!! note \"Báo cáo kết quả\"\n    Kế hoạch ghi: «{m(quote)}»\n\n"
            f"    {m(receiver)} nhận báo cáo của các ban, văn phòng và tổng hợp báo cáo kết quả trên địa bàn "
            f"toàn tỉnh (kế hoạch, mục {where}), gồm cả kết quả tại các {m(site.plan.ten_goi_don_vi)} do "
            f"{m(receiver)} phối hợp.\n")


def assignments_page(site: Site) -> str:
    return ("## Theo ban\n\n" + by_department(site) + "\n" + report_note(site)
            + "\n## Theo đơn vị\n\n" + by_unit_table(site))

"""Who works with whom: by department (role and units) and by unit."""

from ..numbers import format_money
from ..site import Site
from ..text import md_escape as m
from . import links


def unit_links(site: Site, codes, current: str) -> str:
    return ", ".join(links.md_link(links.unit_name(site.unit(c)), links.unit_page(site.unit(c)), current) for c in codes)


def by_department(site: Site, current: str = links.ASSIGNMENTS) -> str:
    parts = []
    for a in site.assignments:
        dept = site.department(a.ban)
        parts += [f"### {m(dept.ten)}",
                  f"**Phối hợp tại:** {unit_links(site, a.don_vi, current)}",
                  f"**Nhiệm vụ:** {m(a.nhiem_vu)}"]
    local = site.plan.to_chuc_thuc_hien.don_vi_thuc_hien
    parts += [f"### {m(local.ten)}", f"**Nhiệm vụ:** {m(local.nhiem_vu)}"]
    return "\n\n".join(parts) + "\n"


def by_unit_table(site: Site, current: str = links.ASSIGNMENTS) -> str:
    rows = ["| STT | Đơn vị | Ban phối hợp | Kinh phí |", "|---:|---|---|---:|"]
    for i, unit in enumerate(site.units, 1):
        dept = site.department(site.assignment_of(unit.ma).ban)
        rows.append(f"| {i} | {links.md_link(links.unit_title(unit), links.unit_page(unit), current)} "
                    f"| {m(dept.ten)} | {format_money(site.amount(unit.ma))} |")
    return "\n".join(rows) + "\n"


def report_note(site: Site) -> str:
    return f"!!! note \"Báo cáo kết quả\"\n    {m(site.fill(site.plan.to_chuc_thuc_hien.bao_cao.loi_van))}\n"


def assignments_page(site: Site) -> str:
    return ("## Theo ban\n\n" + by_department(site) + "\n" + report_note(site)
            + "\n## Theo đơn vị\n\n" + by_unit_table(site))

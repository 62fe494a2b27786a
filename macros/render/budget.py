"""The budget: amount per unit, total, total in words, source of funds."""

from ..numbers import format_money
from ..site import Site
from ..text import md_escape as m
from . import links
from .plan import budget_sentence, section_number


def budget_table(site: Site, current: str = links.BUDGET) -> str:
    rows = ["| STT | Đơn vị | Ban phối hợp | Kinh phí |", "|---:|---|---|---:|"]  # cells say «đồng»
    for i, unit in enumerate(site.units, 1):
        dept = site.department(site.assignment_of(unit.ma).ban)
        rows.append(f"| {i} | {links.unit_link(site, unit, links.unit_title(unit), current)} | {m(dept.ten)} "
                    f"| {format_money(site.amount(unit.ma), 'long')} |")
    rows.append(f"| | **Tổng cộng** | | **{format_money(site.total, 'long')}** |")
    return "\n".join(rows) + "\n"


def budget_page(site: Site) -> str:
    budget = site.plan.kinh_phi
    summary = (
        f"- **Nguồn kinh phí:** {m(budget.nguon)}\n"
        f"- **Mức cho mỗi đơn vị:** {format_money(budget.dinh_muc)}\n"
        f"- **Số đơn vị:** {len(site.units)} {m(site.plan.ten_goi_don_vi)}\n"
        f"- **Tổng cộng:** {format_money(site.total)}\n"
        f"- **Bằng chữ:** {m(site.total_in_words)}\n"
    )
    return (summary + "\n## Theo đơn vị\n\n" + budget_table(site)
            + f"\n## Trích kế hoạch (mục {section_number(site, 'kinh_phi')})\n\n> " + m(budget_sentence(site)) + "\n")

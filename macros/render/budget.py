"""The budget: amount per unit, total, total in words, source of funds."""

from ..doan_checks import budget_differences
from ..numbers import format_money
from ..site import Site
from ..text import md_escape as m
from . import links
from . import plan
from .plan import budget_sentence, section_number


def budget_table(site: Site, current: str = links.BUDGET) -> str:
    # the assignees' column only when the plan gives its units to bodies (Site.units_assigned)
    assigned = site.units_assigned
    rows = [f"| STT | Đơn vị |{f' {m(site.partner_column)} |' if assigned else ''} Kinh phí |",
            f"|---:|---|{'---|' if assigned else ''}---:|"]  # cells say «đồng»
    for i, unit in enumerate(site.units, 1):
        dept = site.department_of(unit.ma)
        rows.append(f"| {i} | {links.unit_link(site, unit, links.unit_title(unit), current)} |"
                    + (f" {m(dept.ten)} |" if assigned else "") + f" {format_money(site.amount(unit.ma), 'long')} |")
    if not site.total_beyond_units:  # a plan total beyond its units is its sentence alone (review r19n, defect 3)
        rows.append(f"| | **{total_label(site)}** |{' |' if assigned else ''} **{format_money(site.total, 'long')}** |")
    return "\n".join(rows) + "\n"


# A total the plan does not write (no kinh_phi › tong, no rate every unit gets) says whose sum it is.
SUM_NOTE = "website cộng kinh phí của từng đơn vị"


def total_label(site: Site) -> str:
    """«Tổng cộng» of a table of the units' amounts; «Tổng cộng (website cộng)» when the total is the site's sum."""
    return "Tổng cộng (website cộng)" if site.total_is_sum else "Tổng cộng"


def budget_page(site: Site) -> str:
    budget = site.plan.kinh_phi
    rate = site.flat_rate
    summary = f"- **Nguồn kinh phí:** {m(budget.nguon)}\n" if budget.nguon else ""  # never a source the plan lacks
    if rate is not None:  # never a rate the plan does not give (each unit its own amount: no such line)
        summary += (f"- **Mức cho mỗi đơn vị:** {format_money(rate)}"
                    + ("" if site.rate_for_all else " (trừ các đơn vị có mức riêng ở bảng dưới)") + "\n")
    summary += f"- **Số đơn vị:** {len(site.units)} {m(site.plan.ten_goi_don_vi)}\n"
    if site.total_beyond_units:
        # The plan's total holds lines for no unit or another source: its own sentence, quoted; no sum of ours
        # (review r19n, defect 3).
        sentence = site.total_sentence
        summary += (f"- **Tổng cộng:** kế hoạch ghi «{m(sentence)}»\n" if sentence else
                    "- **Tổng cộng:** như lời kế hoạch ở phần «Trích kế hoạch» dưới đây\n")
    else:
        summary += (
            f"- **Tổng cộng:** {format_money(site.total)}" + (f" ({SUM_NOTE})" if site.total_is_sum else "") + "\n"
            + (f"- **Bằng chữ:** {m(site.total_in_words)}\n" if site.total_in_words else "")
        )
    # The plan's own words when the section keeps them (doan), as written; else the sentence made from its fields.
    quoted = str(plan.verbatim_html(budget, quote=True)) if budget.doan else "> " + m(budget_sentence(site))
    return (summary + differences_note(site) + "\n## Theo đơn vị\n\n" + budget_table(site)
            + f"\n## Trích kế hoạch (mục {section_number(site, 'kinh_phi')})\n\n" + quoted + "\n")


def differences_note(site: Site) -> str:
    """Beside the figures: where the document's own figure differs from the site's (its table's total row
    is not its rows' sum, or its sentence counts other units and another total), which is which (review
    bad9b b23, b43). The document is printed as written under «Trích kế hoạch»; the figures above are the
    site's, and say so. "" when the words and the figures agree."""
    notes = difference_notes(site, m, "ở phần «Trích kế hoạch» dưới đây", "trên trang này")
    if not notes:
        return ""
    return (f"\n!!! note \"{DIFFERENCES_TITLE}\"\n"
            + "\n\n".join(f"    {note}" for note in notes) + "\n")


# The title of the note on the page, and the first words of the same note in the budget's downloads.
DIFFERENCES_TITLE = "Số liệu trong văn bản khác số website tính"


def difference_notes(site: Site, esc=lambda text: text, quoted_at: str = "ở trang kinh phí của website, phần "
                     "«Trích kế hoạch»", here: str = "trong tệp này") -> list[str]:
    """One note for each figure of the document that differs from the site's (doan_checks.budget_differences):
    the budget page's note (`esc`: md_escape, the document's words quoted «…» there), and the same words in
    the budget's downloads, which say where the document is quoted (`quoted_at`) and whose «Tổng cộng» it is
    (`here`)."""
    notes = []
    number = section_number(site, "kinh_phi")
    where = f"mục {number} của kế hoạch" if number else "mục kinh phí của kế hoạch"
    for d in budget_differences(site):
        if d.kind == "bang":
            notes.append(f"Bảng kinh phí trong {esc(where)} ghi dòng tổng cộng «{esc(d.written)}», còn các dòng của bảng "
                         f"cộng lại được {format_money(d.ours, 'long')}. Bảng được trích đúng nguyên văn {quoted_at}; "
                         f"số «Tổng cộng» {here} ({format_money(site.total)}) là số website cộng kinh phí của từng "
                         "đơn vị.")
        else:
            counted = (f", tính cho {d.units_written} đơn vị"
                       if d.units_written is not None else "")
            notes.append(f"Lời văn {esc(where)} ghi «{esc(d.sentence)}»: tổng {esc(d.written)}{counted}. Danh sách đơn vị "
                         f"của kế hoạch có {len(site.units)} {esc(site.plan.ten_goi_don_vi)}, kinh phí cộng lại "
                         f"{format_money(d.ours, 'long')}. Lời văn được trích đúng nguyên văn {quoted_at}; số đơn vị "
                         f"và số «Tổng cộng» {here} là số website tính từ danh sách đơn vị.")
    return notes


def document_totals(site: Site) -> list[tuple[str, int]]:
    """(label, figure in đồng) of each total the document writes that differs from the site's, in the order
    of difference_notes: what the budget's downloads print below the site's «Tổng cộng»."""
    number = section_number(site, "kinh_phi")
    where = f"mục {number}" if number else "mục kinh phí"
    return [(f"Tổng cộng văn bản ghi ({'dòng tổng của bảng' if d.kind == 'bang' else 'lời văn'}, {where})", d.value)
            for d in budget_differences(site)]

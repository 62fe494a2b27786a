"""Who works with whom: by department (role and units) and by unit."""

from ..numbers import format_money
from ..site import Site
from ..templating import render
from ..text import md_escape as m
from . import links, notice
from ..sections import item_ref
from .plan import section_number


def by_department(site: Site, current: str = links.ASSIGNMENTS) -> str:
    org = section_number(site, "to_chuc_thuc_hien")
    # each task cited by the item number the data records as written (two comrades may share one item),
    # else by the section alone
    departments = [{"name": site.department(a.ban).ten, "task": a.nhiem_vu, "where": item_ref(org, a.so),
                    "units": [(_as_written(site.unit(c), a.nhiem_vu),
                               # no unit pages (Site.has_units): the name alone
                               links.rel(links.unit_page(site.unit(c)), current) if site.has_units else None)
                              for c in a.don_vi]}
                   for a in site.assignments]
    local = site.plan.to_chuc_thuc_hien.don_vi_thuc_hien
    # what an assignee does with its units in the plan's own word (quan_he: «Phụ trách:»), else «Phối hợp tại:»
    label = f"{site.partner_column}:" if site.plan.to_chuc_thuc_hien.quan_he else "Phối hợp tại:"
    if local is None:  # the plan gives its units no task of their own: no part for one
        return render("assignments_by_department.md", departments=departments, label=label, local=None)
    return render("assignments_by_department.md", departments=departments, label=label, local=notice.spell(site, local.ten),
                  local_where=item_ref(org, local.so), local_task=local.nhiem_vu)


def _as_written(unit, task: str) -> str:
    """A unit named as the assignee's task writes it: its full name («Khu phố Vĩnh Xuân») when the task has it
    so, else the running-text name («thôn Kon Klor»)."""
    return unit.ten_chinh_thuc if unit.ten_chinh_thuc and unit.ten_chinh_thuc in task else links.unit_name(unit)


def by_unit_table(site: Site, current: str = links.ASSIGNMENTS) -> str:
    money = site.has_budget  # no structured budget: no money column (review r19n, defect 5)
    rows = [f"| STT | Đơn vị | {m(site.partner_column)} |" + (" Kinh phí |" if money else ""),
            "|---:|---|---|" + ("---:|" if money else "")]
    for i, unit in enumerate(site.units, 1):
        dept = site.department(site.assignment_of(unit.ma).ban)
        rows.append(f"| {i} | {links.unit_link(site, unit, links.unit_title(unit), current)} "
                    f"| {m(dept.ten)} |" + (f" {format_money(site.amount(unit.ma))} |" if money else ""))
    return "\n".join(rows) + "\n"


def report_note(site: Site) -> str:
    """The plan's note, quoted as written, then who compiles: the receiving Ban is
    the recipient, not a sender, and its own units are part of what it compiles. "" when the plan asks for
    no report (Site.report)."""
    report = site.report
    if report is None:
        return ""
    receiver = site.report_receiver
    # the plan's own opening words («* Ghi chú:») only when the data records some
    quote = " ".join(filter(None, (report.tieu_de, site.fill(report.loi_van))))
    # where the plan gives the receiver its task (the section and the item's number, from the data)
    own = next((a for a in site.assignments if a.ban == report.noi_nhan), None)
    where = item_ref(section_number(site, "to_chuc_thuc_hien"), own.so if own else None)
    # «gồm cả kết quả tại các … do <receiver> phối hợp» only when the plan gives the receiver units
    its_units = (f", gồm cả kết quả tại các {m(site.plan.ten_goi_don_vi)} do {m(receiver)} {m(site.relation)}"
                 if own is not None and own.don_vi else "")
    return (f"!!! note \"Báo cáo kết quả\"\n    Kế hoạch ghi: «{m(quote)}»\n\n"
            f"    {m(receiver)} nhận báo cáo{_senders(site)}{_compiles(site)} (kế hoạch, mục {m(where)}){its_units}.\n")


def _compiles(site: Site) -> str:
    """" và tổng hợp báo cáo kết quả trên địa bàn toàn tỉnh" when the receiver is one of the issuer's departments;
    "" for a receiver the plan writes by name (no department of the issuer: it is not said to compile)."""
    return f" và tổng hợp báo cáo kết quả{site.org.area(' trên địa bàn toàn', m)}" if site.receiver_code else ""


def _senders(site: Site) -> str:
    """" của các ban, văn phòng" / " của từng thôn, làng" / "": whose reports, as the data says
    (bao_cao › nguoi_gui); none named when it does not say."""
    return site.report_senders(" của ", escape=m)


def assignments_page(site: Site) -> str:
    heading = "Theo người, ban được giao" if site.plan.to_chuc_thuc_hien.quan_he else "Theo ban"
    return (f"## {heading}\n\n" + by_department(site) + "\n" + report_note(site)
            + "\n## Theo đơn vị\n\n" + by_unit_table(site))

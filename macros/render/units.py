"""One page per unit, generated from data, and the list of units."""

from markupsafe import Markup

from .. import step_times
from .. import period as P
from ..dates import format_date
from ..numbers import format_money
from ..searchindex import Named
from ..sections import item_ref, item_text, title_as_heading
from ..site import Site
from ..templating import render
from ..text import fold
from . import links, notice
from .plan import conference_rule, section_number


def report_sentence(site: Site, dept_code: str | None) -> str | None:
    """Who reports to whom, as the plan's note says: the Bans and the Văn phòng
    report to the receiving Ban, which compiles the province-wide report (its own
    units included). Never a deadline of the unit itself. None when the plan asks for
    no report (Site.report); `dept_code` None: the plan gives the unit to no body."""
    report = site.report
    if report is None:
        return None
    receiver = site.report_receiver
    org = site.org
    if report.nguoi_gui == "don_vi":  # each unit reports (its Ban Công tác Mặt trận), by the plan's date
        # named as the plan writes it (bao_cao › ben_gui: «Ban Công tác Mặt trận các khu phố») when the data has it
        who = report.ben_gui or f"từng {site.plan.ten_goi_don_vi}"
        return f"Theo kế hoạch, {who} báo cáo kết quả về {receiver} trước ngày {format_date(report.han)}."
    if report.nguoi_gui is None:  # the data does not say who reports: the plan's words, nothing added
        return f"Kế hoạch ghi: «{site.fill(report.loi_van)}»"
    # the receiver compiles the issuer's whole report only when it is one of the issuer's departments (a body the
    # plan writes by name, as a commune's report to the province's Front, is not said to)
    compiles = f"; {receiver} tổng hợp báo cáo kết quả{org.area(' trên địa bàn toàn')}" if site.receiver_code else ""
    # The departments by the plan's name for them (co-quan.yaml › ten_goi_cac_ban); without one,
    # the sentence names none.
    senders = org.departments_together(after=f" {org.committee} báo cáo kết quả về")
    if dept_code is None:  # the plan gives the unit to no body: who reports, and to whom
        return (f"Theo kế hoạch, {senders or 'báo cáo kết quả gửi về'} {receiver} trước ngày "
                f"{format_date(report.han)}{compiles}.")
    if dept_code == report.noi_nhan:
        return (f"Theo kế hoạch, {senders or 'báo cáo kết quả gửi về'} {receiver} trước ngày "
                f"{format_date(report.han)}{compiles}, gồm cả kết quả tại các {site.plan.ten_goi_don_vi} "
                f"do {receiver} {site.relation}.")
    dept = site.department(dept_code).ten
    return (f"Theo kế hoạch, {dept} báo cáo kết quả về {receiver} trước ngày {format_date(report.han)}"
            f"{org.departments_together(', cùng ', f' khác của {org.committee}')}{compiles}.")


def unit_page(site: Site, code: str, results: Markup | None = None) -> str:
    """The unit's page; `results`: its "Kết quả thực hiện" section (render/progress.unit_section),
    put before the "Xem thêm:" line (macros/templates/unit_page.md)."""
    unit = site.unit(code)
    here = links.unit_page(unit)
    a = site.assignment_of(code)
    plan = site.plan
    period = plan.thoi_gian_dia_diem
    # None: the plan gives its units no task of their own (or has no organisation section)
    local = plan.to_chuc_thuc_hien.don_vi_thuc_hien if plan.to_chuc_thuc_hien is not None else None
    # money and steps only from structured budget and steps sections; without them those parts are left off
    # (review r19n, defect 5)
    amount = site.amount(code) if site.has_budget else None
    org = section_number(site, "to_chuc_thuc_hien")
    return render("unit_page.md", title=links.unit_title(unit), pick=my_unit_pick(here, site.has_toolkit),
                  partner_label=site.partner_label,
                  # None: the plan gives the unit to no body (Site.units_assigned): no such line, no task part
                  dept=site.department(a.ban).ten if a is not None else None, amount=amount,
                  amount_words=site.amount_in_words(amount) if amount is not None else None,
                  # no structured time section: no period line, no link to a timeline that is not made
                  period=P.words(period) if period is not None else None, conference_rule=conference_rule(site),
                  report_sentence=report_sentence(site, a.ban if a is not None else None),
                  # the items cited by the numbers the data records as written, else by the section alone
                  where=item_ref(org, a.so) if a is not None else None, dept_task=a.nhiem_vu if a is not None else None,
                  local=notice.spell(site, local.ten) if local is not None else None,
                  where_local=item_ref(org, local.so) if local is not None else None,
                  local_task=local.nhiem_vu if local is not None else None,
                  # a step quoted with its number as the plan writes it («Bước 1: …») when the data has it
                  steps_section=section_number(site, "cac_buoc"),
                  # a step the data does not number is quoted without a number when the section keeps the
                  # document's words (doan), which write the step's own («Bước 1:»): the place in the list is
                  # the site's, not the plan's; without them (the steps' texts are the plan's only copy, as
                  # a plan's «1.», «2.», «3.» typed with them), by its place
                  number_steps=plan.cac_buoc is None or not plan.cac_buoc.doan,
                  steps_title=title_as_heading(site, "cac_buoc") or "Các bước",  # the plan's own title (review r19n)
                  steps=[(bool(s.so), item_text(s.so, site.fill(s.noi_dung)))
                         for s in (plan.cac_buoc.buoc if plan.cac_buoc is not None else [])],
                  # each step by its number as the plan writes it («Bước 2: …», «b) …»), else «bước <place>: …»
                  step_times=[item_text(s.so, s.thoi_gian.van_ban) if s.so else f"bước {n}: {s.thoi_gian.van_ban}"
                              for n, s in step_times.steps_with_times(plan)],
                  results=results, code=unit.ma, names=other_names(unit),
                  href={"plan": links.rel(links.PLAN, here),
                        "timeline": links.rel(links.TIMELINE, here) if site.has_timeline else None,
                        "budget": links.rel(links.BUDGET, here) if site.has_budget else None})


# What a unit page holds, in the words of its labels and headings (unit_page):
# indexed with the page, so that a query naming a unit and a topic ("kinh phi tu
# mo rong", "nhiem vu tu mo rong") finds the unit's page with every word typed.
# Labels only, never the values: "5.000.000" must not find every unit.
PAGE_TOPICS = ("Ban phối hợp", "kinh phí", "thời gian thực hiện", "hội nghị", "nhiệm vụ",
               "các bước", "báo cáo kết quả")


def my_unit_pick(here: str, form: bool = True) -> dict:
    """The links of «Chọn làm đơn vị của tôi» on a unit page (issue 23; macros/templates/my_unit_pick.md);
    `form`: the plan has the toolkit's forms (Site.has_toolkit)."""
    return {"form": links.rel(links.form_page("mau-bao-cao"), here) if form else None,
            "units": links.rel(links.UNITS, here)}


def search_entry(site: Site, unit) -> Named:
    """search_text of a unit's page as the plan makes it: «kinh phí», «các bước», «thời gian thực hiện», the
    assignee's label with «nhiệm vụ», and «báo cáo kết quả» only when the page has them."""
    return search_text(unit, site.partner_column, title_as_heading(site, "cac_buoc"),
                       budget=site.has_budget, steps=site.plan.cac_buoc is not None,
                       period=site.plan.thoi_gian_dia_diem is not None,
                       assigned=site.assignment_of(unit.ma) is not None, report=site.report is not None)


def search_text(unit, partner: str = PAGE_TOPICS[0], steps_title: str = "", budget: bool = True,
                steps: bool = True, period: bool = True, assigned: bool = True, report: bool = True) -> Named:
    """What search finds a unit page by, besides its title (macros/searchindex.py):
    what the page holds (PAGE_TOPICS; «các bước» as the page heads them, `steps_title`: the steps
    section's own title), its code and its other names, as the page's last line shows them; and
    the names that, typed whole, name the unit."""
    names = ", ".join(other_names(unit))
    # the label before the unit's assignee as the page shows it (Site.partner_column: «Phụ trách»);
    # «các bước» as the page heads them (the steps section's own title)
    # `budget`, `steps`: the page has those parts (a plan without them structured leaves them off)
    left_off = {"kinh phí"} if not budget else set()
    left_off |= {"các bước", "hội nghị"} if not steps else set()
    left_off |= {"thời gian thực hiện"} if not period else set()
    # `assigned`: the page names the unit's assignee and its task; `report`: the plan asks for a report
    left_off |= {partner, "nhiệm vụ"} if not assigned else set()
    left_off |= {"báo cáo kết quả"} if not report else set()
    topics = [steps_title.lower() if t == "các bước" and steps_title else t
              for t in (partner, *PAGE_TOPICS[1:]) if t not in left_off]
    text = (", ".join(topics) + f". Mã đơn vị: {unit.ma}"
            + (f" · Tên gọi khác: {names}" if names else ""))
    # The title names the page already (the worker counts it); each other name once, by its folded form.
    seen, called = {fold(links.unit_title(unit))}, []
    for name in (unit.ten, unit.ten_chinh_thuc, *unit.ten_khac):
        if fold(name) not in seen:
            seen.add(fold(name))
            called.append(name)
    return Named(text, tuple(called))


def other_names(unit) -> list[str]:
    """The official name and the other spellings, without those that only
    repeat the page's title or the short name once case, diacritics and
    apostrophes are folded ("Huyện Sa Thầy" on the page "Huyện Sa Thầy";
    search folds them alike anyway), nor two that differ only so or by the
    unit's level in front ("Huyện Ia H' Drai", "Ia H' Drai")."""
    level = fold(unit.cap) + " "

    def key(name: str) -> str:
        folded = fold(name)
        return folded[len(level):] if folded.startswith(level) else folded

    seen = {key(links.unit_title(unit)), key(unit.ten)}
    names = []
    for name in [unit.ten_chinh_thuc, *unit.ten_khac]:
        key_ = key(name)
        if key_ not in seen:
            seen.add(key_)
            names.append(name)
    return names


def units_index(site: Site) -> str:
    """Every unit with its department and money; filtered in the browser by department
    and by name without diacritics (the list works without script)."""
    rows = []
    for unit in site.units:
        a = site.assignment_of(unit.ma)  # None: the plan gives its units to no body (no such column)
        names = " ".join(dict.fromkeys(fold(n) for n in (links.unit_name(unit), unit.ten_chinh_thuc, *unit.ten_khac)))
        rows.append({"title": links.unit_title(unit), "href": links.rel(links.unit_page(unit), links.UNITS),
                     "department_code": a.ban if a is not None else "",
                     "department": site.department(a.ban).ten if a is not None else None,
                     "amount": format_money(site.amount(unit.ma)) if site.has_budget else None, "folded": names})
    departments = [(d.ma, d.ten) for d in site.departments]
    return render("units_index.html", rows=rows, budget=site.has_budget, departments=departments, unit_word=site.plan.ten_goi_don_vi,
                  assigned=site.units_assigned,
                  partner=site.partner_column, written=site.partner_word != "ban phối hợp")

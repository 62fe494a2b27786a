"""The home page: the plan at a glance (content, who carries it out, where, when, funds)."""

from .. import period as P
from ..numbers import format_money
from ..site import Site
from ..templating import render
from ..text import kind_and_subject, md_escape as m, subject_after_kind
from . import links, notice


# Up to this many units are listed on the home page; more are on the list page only.
LIST_ON_HOME = 30


def home_page(site: Site) -> str:
    p = site.plan
    here = links.HOME
    # the full home page states the budget and the steps too (unit pages do without them: review r19n, defect 5)
    if not (site.has_units and site.has_assignments and site.has_budget and p.cac_buoc is not None and site.has_timeline and site.has_handbook):
        return _short_home(site)
    period = p.thoi_gian_dia_diem
    report = site.report  # None: the plan asks for no report, the card says the period alone
    local = p.to_chuc_thuc_hien.don_vi_thuc_hien
    n = len(site.units)
    senders = site.report_senders()  # who reports, as the data says (bao_cao › nguoi_gui); "" names none
    # a long list belongs on its own page, with its filter
    units = ([(links.unit_title(u), links.rel(links.unit_page(u), here)) for u in site.units]
             if n <= LIST_ON_HOME else None)
    href = {name: links.rel(target, here) for name, target in
            (("plan", links.PLAN), ("handbook", links.HANDBOOK), ("assignments", links.ASSIGNMENTS),
             ("units", links.UNITS), ("timeline", links.TIMELINE), ("budget", links.BUDGET))}
    return render("home.md", doc_kind=p.van_ban.loai, doc_subject=subject_after_kind(p.van_ban.trich_yeu),
                  units_anchor=UNITS_ANCHOR, steps=len(p.cac_buoc.buoc), conferences=notice.conference_sentence(site),
                  href=href, org=site.org.ten_day_du, departments=[site.department(a.ban).ten for a in site.assignments if a.don_vi],
                  partners=site.partner_word if site.partner_word != "ban phối hợp" else "các ban phối hợp",
                  local=notice.spell(site, local.ten) if local is not None else None, n=n, unit_word=p.ten_goi_don_vi, province=site.units_file.tinh,
                  cap=site.org.cap, senders=senders[:1].upper() + senders[1:],
                  period=P.upper_first(P.words(period)), receiver=site.report_receiver if report is not None else None,
                  receiver_own=site.receiver_code is not None, deadline=report.han if report is not None else None, rate=site.flat_rate, budget_words=_budget_words(site), total=site.total, total_words=site.total_in_words,
                  units=units)


def _budget_words(site: Site) -> str | None:
    """The budget in one line when the plan does not give every unit one rate: no «… mỗi đơn vị» for a rate
    nobody wrote, and a total the site adds up says so (None: the template's «X mỗi đơn vị; tổng Y»)."""
    rate = site.flat_rate
    if site.rate_for_all and not site.total_is_sum and not site.total_beyond_units:
        return None
    each = (f"{format_money(rate)} mỗi {site.plan.ten_goi_don_vi}"
            + ("" if site.rate_for_all else f" (trừ các {site.plan.ten_goi_don_vi} có mức riêng)")
            if rate is not None else f"Kinh phí riêng cho từng {site.plan.ten_goi_don_vi}")
    if site.total_beyond_units:  # the plan's total only as its sentence (review r19n, defect 3)
        sentence = site.total_sentence
        return f"{each}; tổng cộng: kế hoạch ghi «{sentence}»" if sentence else f"{each}."
    total = f"tổng do website cộng: {format_money(site.total)}" if site.total_is_sum else f"tổng {format_money(site.total)}"
    return f"{each}; {total}" + (f" ({site.total_in_words})." if site.total_in_words else ".")


# The list of units is two screens down on a phone: one tap from the first
# screen reaches it (issue 13). site.css draws both as 48 px tap targets.
UNITS_ANCHOR = "don-vi-cua-ban"


def _short_home(site: Site) -> str:
    """A plan without the sections the five facts come from (an imported plan with no
    units, budget or period): what it is, and a link to each page it has."""
    doc, here = site.plan.van_ban, links.HOME
    pages = [(f"Toàn văn {links.plan_page_title(site).lower()}", links.PLAN, True), ("Phân công", links.ASSIGNMENTS, site.has_assignments),
             ("Danh sách đơn vị", links.UNITS, site.has_units), ("Tiến độ", links.TIMELINE, site.has_timeline),
             ("Kinh phí", links.BUDGET, site.has_budget), ("Sổ tay tuyên truyền", links.HANDBOOK, site.has_handbook),
             ("Bộ công cụ hội nghị", links.TOOLKIT, site.has_toolkit)]
    what = kind_and_subject(doc.loai, doc.trich_yeu)
    return (f"{m(what)}.\n\n" if what else "") + "\n".join(
        f"- {links.md_link(title, path, here)}" for title, path, made in pages if made) + "\n"

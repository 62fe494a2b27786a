"""One page per unit, generated from data, and the list of units."""

from ..dates import format_date, format_month
from ..numbers import format_money, money_in_words
from markupsafe import Markup

from ..searchindex import Named
from ..site import Site
from ..templating import render
from ..text import fold
from ..text import html_escape as h
from ..text import md_escape as m
from . import links, notice
from .plan import conference_rule, section_number


def _quote(label: str, text: str) -> str:
    """The plan's own words, set apart from the site's text (spellings kept as issued)."""
    return f'<p class="trich-dan__nguon"><em>{h(label)}</em></p>\n\n> {m(text)}'


def report_sentence(site: Site, dept_code: str) -> str:
    """Who reports to whom, as the plan's note says: the Bans and the Văn phòng
    report to the receiving Ban, which compiles the province-wide report (its own
    units included). Never a deadline of the unit itself."""
    report = site.plan.to_chuc_thuc_hien.bao_cao
    receiver = site.department(report.noi_nhan).ten
    dept = site.department(dept_code).ten
    compiles = f"{receiver} tổng hợp báo cáo kết quả trên địa bàn toàn tỉnh"
    if dept_code == report.noi_nhan:
        return (f"Theo kế hoạch, các ban, văn phòng Ủy ban MTTQ Việt Nam tỉnh báo cáo kết quả về {receiver} trước ngày "
                f"{format_date(report.han)}; {compiles}, gồm cả kết quả tại các {site.plan.ten_goi_don_vi} "
                f"do {receiver} phối hợp.")
    return (f"Theo kế hoạch, {dept} báo cáo kết quả về {receiver} trước ngày {format_date(report.han)}, "
            f"cùng các ban, văn phòng khác của Ủy ban MTTQ Việt Nam tỉnh; {compiles}.")


def unit_page(site: Site, code: str) -> str:
    unit = site.unit(code)
    here = links.unit_page(unit)
    assignments = list(site.assignments)
    a = site.assignment_of(code)
    number = assignments.index(a) + 1
    dept = site.department(a.ban)
    plan = site.plan
    period = plan.thoi_gian_dia_diem
    local = plan.to_chuc_thuc_hien.don_vi_thuc_hien
    amount = site.amount(code)
    names = ", ".join(m(n) for n in other_names(unit))
    steps = "\n".join(f"> {i}\\. {m(site.fill(s.noi_dung))}\n>" for i, s in enumerate(plan.cac_buoc.buoc, 1))
    local_name = notice.spell(site, local.ten)
    org = section_number(site, "to_chuc_thuc_hien")
    return f"""# {m(links.unit_title(unit))}

{my_unit_pick(here, site.has_toolkit)}
<div class="unit-facts" markdown>

- **Ban phối hợp của tỉnh:** {m(dept.ten)}
- **Kinh phí:** {format_money(amount)} ({m(money_in_words(amount))})
- **Thời gian thực hiện kế hoạch:** từ {format_month(period.bat_dau)} đến {format_date(period.ket_thuc)}
- **Hội nghị:** {m(conference_rule(site))}
- **Báo cáo kết quả:** {m(report_sentence(site, a.ban))}

</div>

## Nhiệm vụ của {m(dept.ten)}

{_quote(f"Kế hoạch, mục {org}.{number}:", a.nhiem_vu)}

## Nhiệm vụ của {m(local_name)}

{_quote(f"Kế hoạch, mục {org}.{len(assignments) + 1}:", local.nhiem_vu)}

## Các bước triển khai

<p class="trich-dan__nguon"><em>Kế hoạch, mục {section_number(site, "cac_buoc")}:</em></p>

{steps}

Xem thêm: {links.md_link("toàn văn kế hoạch", links.PLAN, here)} ·
{links.md_link("tiến độ", links.TIMELINE, here)} · {links.md_link("kinh phí", links.BUDGET, here)}.
{{: .xem-them }}

<small class="ten-khac">Mã đơn vị: {m(unit.ma)}{" · Tên gọi khác: " + names if names else ""}</small>
"""


# What a unit page holds, in the words of its labels and headings (unit_page):
# indexed with the page, so that a query naming a unit and a topic ("kinh phi tu
# mo rong", "nhiem vu tu mo rong") finds the unit's page with every word typed.
# Labels only, never the values: "5.000.000" must not find every unit.
PAGE_TOPICS = ("Ban phối hợp", "kinh phí", "thời gian thực hiện", "hội nghị", "nhiệm vụ",
               "các bước triển khai", "báo cáo kết quả")


def my_unit_pick(here: str, form: bool = True) -> str:
    """The place of «Chọn làm đơn vị của tôi» on a unit page (issue 23). Hidden: the
    script in overrides/partials/my-unit.html shows the control and reads these links (MkDocs
    turns them into the build's URLs), which the home page then offers with the
    unit's page and the Excel template and PDF the page links to. No script: nothing."""
    report = links.form_page("mau-bao-cao")  # `form`: the plan has the toolkit's forms (Site.has_toolkit)
    return (f'<div class="my-unit-pick" hidden data-search-exclude="" markdown>\n'
            + (f'{links.md_link("Mẫu báo cáo kết quả", report, here)}{{ .my-unit-form }}\n' if form else "")
            + f'{links.md_link("Danh sách đơn vị", links.UNITS, here)}{{ .my-unit-list }}\n'
            f'</div>')


def search_text(unit) -> Named:
    """What search finds a unit page by, besides its title (macros/searchindex.py):
    what the page holds (PAGE_TOPICS), its code and its other names, as the page's
    last line shows them; and the names that, typed whole, name the unit."""
    names = ", ".join(other_names(unit))
    text = (", ".join(PAGE_TOPICS) + f". Mã đơn vị: {unit.ma}"
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
        a = site.assignment_of(unit.ma)
        names = " ".join(dict.fromkeys(fold(n) for n in (links.unit_name(unit), unit.ten_chinh_thuc, *unit.ten_khac)))
        rows.append({"title": Markup(m(links.unit_title(unit))), "href": links.rel(links.unit_page(unit), links.UNITS),
                     "department_code": a.ban, "department": site.department(a.ban).ten,
                     "amount": format_money(site.amount(unit.ma)), "folded": names})
    departments = [(d.ma, d.ten) for d in site.departments]
    return render("units_index.html", rows=rows, departments=departments, unit_word=site.plan.ten_goi_don_vi)

"""One page per unit, generated from data, and the list of units."""

from ..dates import format_date, format_month
from ..numbers import format_money, money_in_words
from ..site import Site
from ..text import fold
from ..text import md_escape as m
from . import links


def unit_page(site: Site, code: str) -> str:
    unit = site.unit(code)
    here = links.unit_page(unit)
    a = site.assignment_of(code)
    dept = site.department(a.ban)
    plan = site.plan
    period = plan.thoi_gian_dia_diem
    report = plan.to_chuc_thuc_hien.bao_cao
    conf = plan.cac_buoc.hoi_nghi
    amount = site.amount(code)
    names = ", ".join(m(n) for n in other_names(unit))
    steps = "\n".join(f"{i}. **{m(s.ten_ngan)}.** {m(site.fill(s.noi_dung))}"
                      for i, s in enumerate(plan.cac_buoc.buoc, 1))
    return f"""# {m(links.unit_title(unit))}

<div class="unit-facts" markdown>

- **Ban phối hợp của tỉnh:** {m(dept.ten)}
- **Kinh phí:** {format_money(amount)} ({m(money_in_words(amount))})
- **Thời gian:** từ {format_month(period.bat_dau)} đến {format_date(period.ket_thuc)}
- **Số hội nghị:** từ {conf.toi_thieu} đến {conf.toi_da} hội nghị
- **Hạn báo cáo:** trước ngày {format_date(report.han)}, gửi {m(site.department(report.noi_nhan).ten)}

</div>

## Nhiệm vụ của {m(dept.ten)}

{m(a.nhiem_vu)}

## Nhiệm vụ của {m(plan.to_chuc_thuc_hien.don_vi_thuc_hien.ten)}

{m(plan.to_chuc_thuc_hien.don_vi_thuc_hien.nhiem_vu)}

## Các bước triển khai

{steps}

## Thời hạn

- Thực hiện từ {format_month(period.bat_dau)} đến {format_date(period.ket_thuc)}.
- {m(site.fill(report.loi_van))}

Xem thêm: {links.md_link("toàn văn kế hoạch", links.PLAN, here)} ·
{links.md_link("tiến độ", links.TIMELINE, here)} · {links.md_link("kinh phí", links.BUDGET, here)}.

<small>Mã đơn vị: {m(unit.ma)}{" · Tên gọi khác: " + names if names else ""}</small>
"""


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
    rows = ["| Đơn vị | Ban phối hợp | Kinh phí |", "|---|---|---:|"]
    for unit in site.units:
        dept = site.department(site.assignment_of(unit.ma).ban)
        rows.append(f"| {links.md_link(links.unit_title(unit), links.unit_page(unit), links.UNITS)} | {m(dept.ten)} "
                    f"| {format_money(site.amount(unit.ma))} |")
    return "\n".join(rows) + "\n"

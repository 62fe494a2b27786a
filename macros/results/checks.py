"""A unit's results against the plan. Each rule returns DataErrors positioned in
the file an editor changes (YAML file:line:column, or sheet/row/column for an
imported Excel template: the source object decides).

Errors stop the build; warnings (an overspending the unit explains,
a survey after a conference) are reported and shown, and the build goes on.
"""

import datetime as dt
import posixpath

from .. import conferences, plausibility
from ..crosschecks import _suggest_unit, near_miss
from .. import period as P
from ..dates import date_hint, format_date, today_in_vietnam
from ..errors import DataError
from ..numbers import format_money
from ..sections import item_ref, section_number
from ..site import Site
from .model import CompiledReportFile, UnitResults, counted_group, counts_group


def _unit_hint(code: str, site: Site, stem: str | None) -> str:
    """The file's own name first (ket-qua/610.yaml is unit 610), then a unit whose name
    was written for its code ("Dak Glei"). Never a code near by its digits: a results file
    of a unit removed from the plan (619.yaml kept) would be published as the results of
    another unit (618)."""
    if stem is not None and stem in {u.ma for u in site.units}:
        unit = site.unit(stem)
        return f"có phải «{stem}» ({unit.cap} {unit.ten}, theo tên tệp)?"
    named = _suggest_unit(code, site.units_file, site.data_file("units"), taken={u.ma for u in site.units})
    if named.startswith("có phải"):
        return named
    folder = posixpath.dirname(site.data_file("plan"))
    name = f"{folder}/ket-qua/{stem}.yaml" if stem is not None else "tệp kết quả này"
    return (f"đơn vị mã «{code}» không còn trong kế hoạch (không có trong {site.data_file('units')}): "
            f"nếu đơn vị đã bị bỏ khỏi kế hoạch, xóa tệp {name}; nếu bỏ nhầm, thêm lại đơn vị vào "
            f"{site.data_file('units')}. Không đổi mã trong tệp thành mã của đơn vị khác.")


def _label(src, path: tuple, yaml_name: str) -> str:
    """A field as the editor of this source knows it: the YAML key in a data file, the
    column and its header in an imported Excel report (import_report.SheetSource.label)."""
    label = getattr(src, "label", None)
    return label(path) if label is not None else yaml_name


def _minority_error(site: Site, src, base: tuple, minority: int, total: int) -> DataError:
    group, _ = counted_group(site.plan)
    return src.error(base + ("so_nguoi_dtts",),
                     f"Số người {group} ({minority}) lớn hơn tổng số người dự ({total}).", found=str(minority),
                     hint=f"{_label(src, base + ('so_nguoi_dtts',), 'so_nguoi_dtts')} là một phần của "
                          f"{_label(src, base + ('so_nguoi',), 'so_nguoi')}.")


def _overspent(src, spent: int, budget: int, note: str) -> DataError:
    """`note`: the unit's own words in kinh_phi › giai_trinh, quoted, never judged ("" when none)."""
    message = (f"Tổng chi {format_money(spent)} vượt kinh phí được giao {format_money(budget)} "
               f"({format_money(spent - budget)}).")
    if note:
        return src.error(("kinh_phi", "giai_trinh"), message + f" Đơn vị ghi: “{note}”")
    return src.error(("kinh_phi", "chi"), message, found=format_money(spent),
                     hint="kiểm tra số tiền từng khoản; ghi chú của đơn vị về kinh phí, nếu có, chép vào "
                          f"{_label(src, ('kinh_phi', 'giai_trinh'), 'kinh_phi › giai_trinh')}.")


def _count(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check_dependent_raw(site: Site, data, src) -> list[DataError]:
    """The rules between fields, on the parsed data of a file whose model did not
    validate: more minority attendees than attendees. They come in the same round as
    the field errors, for every item whose own figures are readable, so an office fixes
    its report once."""
    errors: list[DataError] = []
    if not isinstance(data, dict):
        return errors
    for i, conf in enumerate(data.get("hoi_nghi") or []):
        if isinstance(conf, dict):
            total, minority = _count(conf.get("so_nguoi")), _count(conf.get("so_nguoi_dtts"))
            if total is not None and minority is not None and minority > total and counts_group(site.plan):
                errors.append(_minority_error(site, src, ("hoi_nghi", i), minority, total))
    # Spending over the budget is a warning (check_unit), never an error: the plan has no
    # rule that a unit explain it, so a missing note refuses nothing.
    return errors


def _step(n: int | None) -> str:
    return f" (bước {n})" if n else ""


def _steps_of(site: Site) -> tuple[int | None, int | None]:
    """The numbers of the plan's survey step (bo-cong-cu.yaml › khao_sat › buoc) and of its
    conference step (the step whose text holds {so_hoi_nghi}); None where the data says none."""
    steps = site.plan.cac_buoc.buoc if site.plan.cac_buoc is not None else []
    survey = site.toolkit.khao_sat.buoc if site.toolkit is not None else None
    meeting = next((i for i, s in enumerate(steps, 1) if "{so_hoi_nghi}" in s.noi_dung), None)
    return (survey if survey and survey <= len(steps) else None), meeting


def conference_count_note(site: Site, res: UnitResults, today: dt.date | None = None) -> str:
    """The unit's number of conferences against the number the plan sets for each unit (cac_buoc › hoi_nghi,
    moi_don_vi: true), with the plan's words: over the most, or under the fewest once the plan's period is
    over (before that the unit may still hold them). "" when within, or when the plan sets no number per
    unit (a number for the whole plan, «từ … đến … hội nghị» in its places, is no unit's)."""
    section = site.plan.cac_buoc
    count = section.hoi_nghi if section is not None else None
    if count is None or not count.moi_don_vi:
        return ""
    held = len(res.hoi_nghi)
    period = site.plan.thoi_gian_dia_diem
    ended = period is not None and (today or today_in_vietnam()) > P.last_day(period)
    if held > count.toi_da:
        said = "nhiều hơn"
    elif held < count.toi_thieu and ended:
        said = "ít hơn"
    else:
        return ""
    plan = site.plan
    found = conferences.step(plan)
    # the plan's own sentence, as the conference rule quotes it (render/notice.conference_sentence): the section's
    # words when it keeps them, else the step's text filled; none when the words do not hold it
    own = conferences.plan_sentence(plan)
    sentence = own if own is not None else (site.fill(found.noi_dung) if found is not None else "")
    step_no = section.buoc.index(found) + 1 if found is not None else None
    where = item_ref(section_number(plan, "cac_buoc"), found.so if found is not None else None)
    if found is not None and not found.so:
        where += f".{step_no}" if where else str(step_no)
    quoted = f" Kế hoạch (mục {where}) ghi: «{sentence.strip()}»" if sentence.strip() else ""
    reported = f"Báo cáo ghi {held:02d} hội nghị" if held else "Báo cáo không ghi hội nghị nào"
    late = f", khi thời gian thực hiện ({P.words(period)}) đã hết" if said == "ít hơn" else ""
    return (f"{reported}, {said} số hội nghị kế hoạch giao cho mỗi {plan.ten_goi_don_vi} "
            f"({site.placeholders['so_hoi_nghi']}){late}.{quoted}")


def check_unit(site: Site, res: UnitResults, src, stem: str | None,
               today: dt.date | None = None) -> tuple[list[DataError], list[DataError]]:
    """(errors, warnings) for one unit's results. `stem` is the file name without
    .yaml (one file per unit, named for its code); None when not read from a file."""
    errors: list[DataError] = []
    warnings: list[DataError] = []
    codes = [u.ma for u in site.units]
    if res.don_vi not in codes:
        errors.append(src.error(("don_vi",), f"Không có đơn vị mã «{res.don_vi}» trong {site.data_file('units')}.",
                                found=res.don_vi, hint=_unit_hint(res.don_vi, site, stem)))
        return errors, warnings
    if stem is not None and stem != res.don_vi:
        errors.append(src.error(("don_vi",), f"Tệp kết quả phải mang tên mã đơn vị: mã «{res.don_vi}» "
                                             f"thì tệp là {posixpath.dirname(site.data_file('plan'))}/ket-qua/{res.don_vi}.yaml.",
                                found=res.don_vi, hint=f"đổi tên tệp thành {res.don_vi}.yaml, hoặc sửa mã cho đúng."))
    unit = site.unit(res.don_vi)
    plan = site.plan
    period = plan.thoi_gian_dia_diem
    # Computed with the days the plan's words stand for (a quarter or a month: its first or last day),
    # stated as the plan writes them («từ Quý III/… đến tháng 11/…»).
    start = P.first_day(period) if period is not None else None  # no time section: no day is outside it
    within = f"thời gian thực hiện ({P.words(period)})" if period is not None else ""

    def in_period(day, path, what):
        if period is not None and not P.within(period, day):
            errors.append(src.error(path, f"{what} {format_date(day)} nằm ngoài {within}.",
                                    found=format_date(day), hint="kiểm tra lại ngày trong báo cáo của đơn vị."))

    # Areas: one entry per place chosen, named at the level the plan's units choose (don-vi.yaml › dia_ban_chon:
    # «xã» in the published plan), else «địa bàn» (review r19o: a ward's units choose no commune).
    level = site.units_file.chosen_level or "địa bàn"
    seen: dict[str, int] = {}
    for i, area in enumerate(res.dia_ban):
        key = " ".join(area.xa.lower().split())
        if key in seen:
            errors.append(src.error(("dia_ban", i, "xa"), f"{level[:1].upper()}{level[1:]} «{area.xa}» ghi hai lần "
                                                          f"(lần đầu ở mục {seen[key] + 1}).",
                                    hint=f"gộp các nơi được chọn của {level} (khu_dan_cu) vào một mục."))
        seen.setdefault(key, i)
        places: dict[str, int] = {}  # a village written twice is printed twice in the compiled report
        for j, place in enumerate(area.khu_dan_cu):
            name = " ".join(place.lower().split())
            if name in places:
                errors.append(src.error(("dia_ban", i, "khu_dan_cu", j), f"«{place}» ghi hai lần trong cùng "
                                                                         f"{level} (lần đầu ở mục {places[name] + 1}).",
                                        found=place, hint="xóa lần ghi thừa."))
            places.setdefault(name, j)

    # The same conference or expense pasted twice: its people or its money would be counted twice.
    for field, items, what, totals in ((("hoi_nghi",), res.hoi_nghi, "hội nghị", "số người dự"),
                                       (("kinh_phi", "chi"), res.kinh_phi.chi, "khoản chi", "số tiền đã chi")):
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            key = item.model_dump_json()
            if key in first:
                errors.append(src.error(field + (i,), f"Mục {i + 1} giống hệt mục {first[key] + 1} (cùng một {what} "
                                                      f"chép hai lần): {totals} sẽ bị cộng hai lần.",
                                        hint=f"xóa một trong hai mục; nếu đúng là hai {what} khác nhau, ghi đúng "
                                             "ngày, nơi, chứng từ của từng cái."))
            first.setdefault(key, i)

    if res.khao_sat is not None:
        in_period(res.khao_sat.ngay, ("khao_sat", "ngay"), "Ngày khảo sát")

    topics = [t.ma for t in plan.noi_dung.muc] if plan.noi_dung is not None else []
    for i, conf in enumerate(res.hoi_nghi):
        base = ("hoi_nghi", i)
        in_period(conf.ngay, base + ("ngay",), "Ngày hội nghị")
        if conf.so_nguoi_dtts is not None and not counts_group(plan):
            errors.append(src.error(base + ("so_nguoi_dtts",), "Kế hoạch không nêu đối tượng nào để đếm riêng trong "
                                    "số người dự, nên không ghi số này.", found=str(conf.so_nguoi_dtts),
                                    hint=f"xóa {_label(src, base + ('so_nguoi_dtts',), 'dòng so_nguoi_dtts')}; nếu kế "
                                         f"hoạch có nêu, ghi đối tượng ở {site.data_file('plan')} › cuoc_van_dong › doi_tuong."))
        elif conf.so_nguoi_dtts is not None and conf.so_nguoi_dtts > conf.so_nguoi:
            errors.append(_minority_error(site, src, base, conf.so_nguoi_dtts, conf.so_nguoi))
        for j, code in enumerate(conf.noi_dung):
            if code not in topics:
                errors.append(src.error(base + ("noi_dung", j), f"Không có nội dung mã «{code}» ở mục {section_number(plan, 'noi_dung')} kế hoạch.",
                                        found=code, hint=near_miss(code, topics, f"{site.data_file('plan')} (noi_dung › muc › ma)")))
        if res.khao_sat is not None and conf.ngay < res.khao_sat.ngay:
            survey, meeting = _steps_of(site)
            warnings.append(src.error(base + ("ngay",), f"Hội nghị ngày {format_date(conf.ngay)} trước ngày khảo sát "
                                                        f"{format_date(res.khao_sat.ngay)}; kế hoạch khảo sát trước{_step(survey)} rồi mới hội nghị{_step(meeting)}.",
                                      found=format_date(conf.ngay)))

    # The count the plan sets for each unit (cac_buoc › hoi_nghi › moi_don_vi): a figure a leader must see,
    # never a refusal (the unit reports what it held). A count for the whole plan sets none per unit.
    note = conference_count_note(site, res, today)
    if note:
        warnings.append(src.error(("hoi_nghi",), note, found=str(len(res.hoi_nghi))))

    budget = site.amount(res.don_vi)
    # no structured budget (Site.has_budget): no amount to exceed (review r19n, defect 5)
    if site.has_budget and res.spent > budget:
        warnings.append(_overspent(src, res.spent, budget, res.kinh_phi.giai_trinh))  # the plan requires no note

    if res.bao_cao is not None:
        rep = res.bao_cao
        depts = [d.ma for d in site.departments]
        if not rep.ban:
            pass  # the plan does not say the Bans report (bao_cao › nguoi_gui): no sender recorded
        elif rep.ban not in depts:
            errors.append(src.error(("bao_cao", "ban"), f"Không có ban mã «{rep.ban}» trong {site.data_file('org')}.",
                                    found=rep.ban, hint=near_miss(rep.ban, depts, site.data_file("org"))))
        else:
            # the plan gives the unit to no body (Site.assignment_of: None): no assignee to compare with
            assigned = getattr(site.assignment_of(res.don_vi), "ban", None)
            if assigned is not None and rep.ban != assigned:
                errors.append(src.error(("bao_cao", "ban"),
                                        f"{unit.cap.capitalize()} {unit.ten} do {site.department(assigned).ten} phối hợp; "
                                        f"kế hoạch giao ban đó báo cáo kết quả.",
                                        found=rep.ban, hint=f"có phải «{assigned}»?"))
        if start is not None and rep.ngay_gui < start:
            errors.append(src.error(("bao_cao", "ngay_gui"), f"Ngày gửi báo cáo {format_date(rep.ngay_gui)} trước khi "
                                                             f"kế hoạch bắt đầu ({period.bat_dau.words}).",
                                    found=format_date(rep.ngay_gui)))
        if res.hoi_nghi:
            last = max(c.ngay for c in res.hoi_nghi)
            if rep.ngay_gui < last:
                errors.append(src.error(("bao_cao", "ngay_gui"),
                                        f"Ngày gửi báo cáo {format_date(rep.ngay_gui)} trước hội nghị cuối cùng "
                                        f"({format_date(last)}); báo cáo phải gửi sau các hội nghị.",
                                        found=format_date(rep.ngay_gui)))
    more_errors, more_warnings = plausibility.check_results(site, res, src, today)
    return errors + more_errors, warnings + more_warnings


def check_compiled(report: CompiledReportFile, src, has_results: bool, sample: dt.date,
                   today: dt.date | None = None) -> list[DataError]:
    """`sample`: a date of the plan (Site.sample_date), the example of how to write one; `today`:
    the build's date (SOURCE_DATE_EPOCH), else the clock's."""
    today = today or today_in_vietnam()
    errors = []
    if report.da_ban_hanh:
        if not has_results:
            errors.append(src.error(("da_ban_hanh",), "Chưa có số liệu kết quả của đơn vị nào mà báo cáo đã ghi là ban hành.",
                                    hint="để da_ban_hanh: false cho đến khi có số liệu thật trong thư mục ket-qua/ của kế hoạch."))
        if not report.so:
            errors.append(src.error(("so",), "Báo cáo đã ban hành phải có số.", hint="điền số báo cáo, hoặc để da_ban_hanh: false."))
        if report.ngay_ban_hanh is not None and report.ngay_ban_hanh > today:
            errors.append(src.error(("ngay_ban_hanh",), f"Ngày ban hành {format_date(report.ngay_ban_hanh)} chưa đến "
                                                        f"(hôm nay là {format_date(today)}).",
                                    found=format_date(report.ngay_ban_hanh), hint="kiểm tra năm của ngày ban hành."))
        if report.ngay_ban_hanh is None:
            errors.append(src.error(("ngay_ban_hanh",), "Báo cáo đã ban hành phải có ngày ban hành.",
                                    hint=f"điền ngày ban hành, viết {date_hint(sample)}; hoặc để da_ban_hanh: false."))
    return errors

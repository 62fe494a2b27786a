"""Numbers that are well formed but not believable, judged against the plan itself.

A field's type says a count is an integer and an amount is whole đồng; it
cannot say that 5.000đ is not a unit's budget for a conference campaign, that
999999 people did not attend one conference in a village, that a report of a
plan was not sent nine years after it ended, or that a sentence still stating
«= 50.000.000đ» no longer matches the amounts it sums. These checks can, with the bound and the
reason named in the message:

- the plan's period (to_chuc_thuc_hien, thoi_gian_dia_diem): a report sent more
  than LATE_REPORT_DAYS after the plan ended, or after today, is a typo in the year;
- the plan's budget (kinh_phi): an amount per unit that cannot pay for even the
  fewest conferences the plan asks for (below MIN_PER_CONFERENCE each) is a
  missing "000"; an expense below MIN_EXPENSE is one too; a money amount written in
  the plan's text must be one the data gives (per unit, a unit's own amount, the
  total), and so must an amount written in words in brackets there;
- a conference's size: the plan holds its conferences «tại các khu dân cư» (in one
  residential area each); more than MAX_ATTENDEES people at one is refused as a
  slip of the keyboard. The bound is a check threshold, not a fact about villages.

Called by macros/crosschecks.py (the plan) and macros/results/checks.py (a unit's
results, hand-written or imported from Excel).

Read limits of the Excel import (issue 21 item 2) live here too, until they are
unified with the data check's own limits (macros/limits.py, another branch): one
cell holds at most MAX_CELL_CHARS characters and a sheet at most MAX_ROWS rows.
"""

import datetime as dt
import re

from .dates import format_date, today_in_vietnam
from .errors import DataError
from .sections import path_of
from .numbers import format_money, format_number, money_in_words, scaled_amounts, words_say_amount
from .text import fold

MIN_PER_CONFERENCE = 100_000  # đồng: below this a conference's tea and copies are not paid
MIN_EXPENSE = 1_000  # đồng: the smallest note in use; "5" is a lost "000"
# đồng: the most one conference of a Front plan can cost. A plan's budget pays a conference in a
# residential area (tea, copies of documents, a hall, a speaker's allowance) from the Front's own
# funds, a few million đồng; even MAX_ATTENDEES people each paid a day's allowance stay under this.
# An amount per unit above MAX_PER_CONFERENCE for each of the most conferences the plan asks for is
# a slip of extra zeros (3 or more: x1.000), not a plan's allocation.
MAX_PER_CONFERENCE = 500_000_000
# Spent on a unit's conferences, less than MIN_EXPENSE for each person who attended (a cup of water,
# one printed page) is a lost "000": «3.000» is read as three thousand đồng, not three million.
MIN_SPENT_PER_ATTENDEE = MIN_EXPENSE
# Below this a person (a tenth of the smallest note) the figure cannot be a true total: refused. Between it and
# MIN_SPENT_PER_ATTENDEE a conference paid mostly from other sources (review bad12 n16, n17): a note.
MIN_SPENT_POSSIBLE = MIN_EXPENSE // 10
MAX_ATTENDEES = 1_000  # people at one conference in one residential area: more is rare (a note)
MAX_ATTENDEES_POSSIBLE = 10 * MAX_ATTENDEES  # more than a whole commune's adults in one hall: a slip (refused)
LATE_REPORT_DAYS = 366  # a report sent later than a year after the plan ended: a wrong year

# The Excel import's read limits (macros/import_report.py). TODO: unify with macros/limits.py.
MAX_ROWS = 50_000  # rows read in one sheet of a report
MAX_CELLS = 1_000_000  # rows x columns of one sheet's used area (a note typed in column XFD)
MAX_CELL_CHARS = 3 * 1024 * 1024  # characters in one cell (a 3 MB cell)
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a workbook's parts, unpacked: a template is a few kB

# 50.000.000đ, 5.000.000 đồng, 5000000đ: an amount of money written in a sentence.
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|đ|VNĐ|VND)(?!\w)", re.IGNORECASE)
# What introduces a total of the plan in a sentence elsewhere: «… = 50.000.000đ», «tổng kinh phí: …».
_TOTAL_BEFORE = re.compile(r"(=|tong cong|tong kinh phi|tong so kinh phi|tong so tien)\s*(la|:)?\s*$")
# «(Năm mươi triệu đồng chẵn)»: an amount in words, in brackets.
_WORDS = re.compile(r"\(([^()]*\bđồng\b[^()]*)\)", re.IGNORECASE)


def _amounts_at(text: str) -> list[tuple[int, int, str, bool]]:
    """(where, đồng, as written, written with «triệu»…) of each amount of a sentence: figures with đồng
    («45.000.000 đồng»), and with «triệu», «nghìn» («45 triệu đồng», review bad9 b42)."""
    found = [(m.start(), int(m.group(1).replace(".", "")), m.group(0), False) for m in _AMOUNT.finditer(text)]
    return found + [(start, value, written, True) for start, value, written in scaled_amounts(text)]


def _stated_total(text: str, start: int) -> bool:
    return bool(_TOTAL_BEFORE.search(fold(text[max(0, start - 30):start])))


def stated_totals(text: str) -> list[tuple[int, int, str]]:
    """(where, đồng, as written) of each amount a sentence gives as a total («tổng kinh phí: 45 triệu đồng»)."""
    return [(start, value, written) for start, value, written, _ in _amounts_at(text) if _stated_total(text, start)]


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))


def check_plan(units, plan, src) -> list[DataError]:
    """The plan's budget against its own conferences and its own sentences."""
    errors: list[DataError] = []
    budget = plan.kinh_phi
    if budget is None:  # no budget section: no amounts to weigh
        return errors
    at = path_of(plan, "kinh_phi")
    fewest = plan.cac_buoc.hoi_nghi.toi_thieu if plan.cac_buoc is not None and plan.cac_buoc.hoi_nghi else 0
    codes = [u.ma for u in units.don_vi]
    amounts = [(at + ("dinh_muc",), budget.dinh_muc, "Kinh phí mỗi đơn vị")] if budget.dinh_muc is not None else []
    amounts += [(at + ("rieng", code), value, f"Kinh phí riêng của đơn vị {code}")
                for code, value in budget.rieng.items()]
    # A plan that names its document's text (van_ban_goc) has its figures compared with that text
    # (plan_words): an amount the document writes is the plan's, however small or large (review bad12 n25:
    # «150.000đ/01 đơn vị» refused). The bounds catch a slip only in a plan typed by hand.
    bounded = [] if (plan.van_ban_goc or "").strip() else amounts
    for path, value, what in bounded:
        if fewest and value < MIN_PER_CONFERENCE * fewest:
            errors.append(src.error(path, f"{what} {format_money(value)} không đủ cho {fewest:02d} hội nghị kế hoạch "
                                          f"giao ít nhất (dưới {format_money(MIN_PER_CONFERENCE)} một hội nghị).",
                                    found=str(value),
                                    hint=f"có phải {format_money(value * 1000)}? Viết liền 5000000 hoặc có dấu chấm "
                                         "5.000.000; YAML không đọc được «5.000» là năm triệu."))
    meetings = plan.cac_buoc.hoi_nghi if plan.cac_buoc is not None else None
    most = max(meetings.toi_da or 0, meetings.toi_thieu or 0) if meetings else 0
    for path, value, what in bounded:
        if most and value > MAX_PER_CONFERENCE * most:
            errors.append(src.error(path, f"{what} {format_money(value)} ({money_in_words(value)}) quá lớn cho "
                                          f"{most:02d} hội nghị kế hoạch giao nhiều nhất (mỗi hội nghị không quá "
                                          f"{format_money(MAX_PER_CONFERENCE)}).",
                                    found=str(value),
                                    hint=f"kiểm tra số chữ số 0: có phải {format_money(value // 1000)}? Nếu đúng như "
                                         "vậy vì kinh phí gồm cả khoản không chi cho hội nghị ở đơn vị, ghi tổng của "
                                         "kế hoạch ở kinh_phi › tong (gồm cả khoản không chia cho đơn vị) và để "
                                         "mức mỗi đơn vị đúng phần được giao."))
    units_sum = sum(budget.rieng.get(c, budget.dinh_muc or 0) for c in codes)
    total = budget.tong if budget.tong is not None else units_sum
    # a plan total beyond its units (crosschecks.check_budget) leaves the units' sum a figure the plan may write
    known = {budget.dinh_muc, total, units_sum, *budget.rieng.values()} - {None}
    shown = ", ".join(format_money(a) for a in sorted(known))
    for path, text in _strings(src.data):
        if path[-1:] == ("tong_bang_chu",):
            continue  # crosschecks.check_budget reads that one
        in_budget = path[:2] == at and path[2:3] != ("doan",)  # the document's own words may name other sums
        for start, value, written, scaled in _amounts_at(text):
            stated_total = _stated_total(text, start)
            if value in known or not ((in_budget and not scaled) or stated_total):
                continue
            if path[:3] == at + ("doan",) and stated_total and value < units_sum:
                continue  # the document's own total below its units' amounts: a note (doan_checks.budget_notes)
            errors.append(src.error(path, f"Câu này ghi số tiền {written} nhưng số liệu kinh phí của kế hoạch "
                                          f"cho {shown} (tổng {format_money(total)}).", found=written,
                                    hint=("nếu đây là tổng của kế hoạch, gồm cả khoản không chia cho đơn vị hay nguồn "
                                          "khác, ghi số đó ở kinh_phi › tong (giữ nguyên câu của văn bản)."
                                          if path[:3] == at + ("doan",) and stated_total and value > total else
                                          "sửa câu cho khớp số liệu (kinh_phi › dinh_muc, rieng), hoặc bỏ số tiền khỏi câu: "
                                          "website tự ghi tổng và số tiền bằng chữ.")))
        if in_budget:
            for match in _WORDS.finditer(text):
                if not any(words_say_amount(match.group(1), a) for a in known):
                    errors.append(src.error(path, f"Số tiền bằng chữ «{match.group(1)}» không khớp số liệu kinh phí: "
                                                  f"tổng là {format_money(total)} ({money_in_words(total)}).",
                                            found=match.group(1), hint="sửa hoặc bỏ phần bằng chữ trong câu."))
    return errors


def check_results(site, res, src, today: dt.date | None = None) -> tuple[list[DataError], list[DataError]]:
    """(errors, warnings) for the figures of one unit's results, bounded by the plan."""
    errors: list[DataError] = []
    warnings: list[DataError] = []
    today = today or today_in_vietnam()
    places = site.plan.ten_goi_khu_dan_cu  # where the plan holds its conferences, in its words
    held = f"kế hoạch tổ chức hội nghị tại {places}, " if places else ""
    for i, conf in enumerate(res.hoi_nghi):
        if conf.so_nguoi > MAX_ATTENDEES_POSSIBLE:
            errors.append(src.error(("hoi_nghi", i, "so_nguoi"),
                                    f"{format_number(conf.so_nguoi)} người dự một hội nghị: {held}"
                                    f"nhiều hơn {format_number(MAX_ATTENDEES_POSSIBLE)} người là không thể có ở một "
                                    "hội nghị.", found=str(conf.so_nguoi), hint="kiểm tra lại số người dự (gõ thừa chữ số?)."))
        elif conf.so_nguoi > MAX_ATTENDEES:  # rare, not impossible (review bad12 n14): a note the leader reads
            warnings.append(src.error(("hoi_nghi", i, "so_nguoi"),
                                      f"{format_number(conf.so_nguoi)} người dự một hội nghị: {held}"
                                      f"nhiều hơn {format_number(MAX_ATTENDEES)} người ở một hội nghị, cần kiểm tra lại.",
                                      found=str(conf.so_nguoi), hint="kiểm tra lại số người dự (gõ thừa chữ số?)."))
        if conf.so_nguoi == 0:
            warnings.append(src.error(("hoi_nghi", i, "so_nguoi"), "Hội nghị ghi 0 người dự.", found="0"))
    for i, expense in enumerate(res.kinh_phi.chi):
        if expense.so_tien < MIN_EXPENSE:
            errors.append(src.error(("kinh_phi", "chi", i, "so_tien"),
                                    f"Khoản chi {format_money(expense.so_tien)} nhỏ hơn {format_money(MIN_EXPENSE)}.",
                                    found=str(expense.so_tien),
                                    hint=f"có phải {format_money(expense.so_tien * 1000)}? Số tiền viết đủ các chữ số 0."))
    spent = sum(expense.so_tien for expense in res.kinh_phi.chi)
    people = sum(conf.so_nguoi for conf in res.hoi_nghi)
    # A conference paid mostly from other sources spends little from the plan (review bad12 n16, n17): a note
    # the leader reads beside the figures, not a refusal of a unit's true report.
    if res.kinh_phi.chi and people and spent < MIN_SPENT_PER_ATTENDEE * people:
        (errors if spent < MIN_SPENT_POSSIBLE * people else warnings).append(src.error(("kinh_phi", "chi"),
                                  f"Tổng các khoản chi {format_money(spent)} ({money_in_words(spent)}) cho "
                                  f"{len(res.hoi_nghi)} hội nghị, {format_number(people)} người dự: chưa đến "
                                  f"{format_money(MIN_SPENT_PER_ATTENDEE)} một người, cần kiểm tra lại số tiền.",
                                  found=format_money(spent),
                                  hint=f"có phải {format_money(spent * 1000)}? Viết đủ các chữ số 0 (3000000 hoặc "
                                       "3.000.000): YAML đọc «3.000» là ba nghìn đồng."))
    if res.bao_cao is not None:
        sent = res.bao_cao.ngay_gui
        period = site.plan.thoi_gian_dia_diem  # none (no time section): the report's deadline gives the year
        end = (period.ket_thuc.last_day if period is not None else site.sample_date) or today
        if sent > today:
            errors.append(src.error(("bao_cao", "ngay_gui"), f"Ngày gửi báo cáo {format_date(sent)} chưa đến "
                                                             f"(hôm nay là {format_date(today)}).",
                                    found=format_date(sent), hint=f"kiểm tra năm; có phải năm {end.year}?"))
        elif period is not None and (sent - end).days > LATE_REPORT_DAYS:
            errors.append(src.error(("bao_cao", "ngay_gui"), f"Ngày gửi báo cáo {format_date(sent)} sau khi kế hoạch "
                                                             f"kết thúc ({site.plan.thoi_gian_dia_diem.ket_thuc.words}) hơn một năm.",
                                    found=format_date(sent), hint=f"kiểm tra năm; có phải năm {end.year}?"))
    return errors, warnings

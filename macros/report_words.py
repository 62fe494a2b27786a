"""to_chuc_thuc_hien › bao_cao (who sends the report) and bao_cao › bao_cao_tiep (the report sent on) against the
organisation section's words: a sender, receiver or date the plan does not write is refused at its own line,
never printed.

The rule for a name taken from the plan's words (ben_gui of either level): the words as written (NFC, spaces
squashed, case as written), whole words at both ends (not «ông tác Mặt trận các thô» cut from «Ban Công tác Mặt
trận các thôn»), and name-like: at least two words, one of them capitalised (not a lone «thôn»).
An onward report's receiver is the whole name its loi_van writes: whole words, and the name ends there (the end,
a punctuation mark, or a word that starts what follows the name: «trước ngày», «để», «về» …), not a prefix such as
«… Việt Nam» of «… Việt Nam tỉnh». Its date is a whole date token of loi_van («5/12/…» is not in «15/12/…»),
not before the plan starts nor more than a year after it ends (a report sent on after the period is usual), and
not before the date by which the first-level reports are due."""

import re
import unicodedata

from . import period as P
from .doan_text import lines
from .errors import DataError
from .model import PlanFile
from .sections import path_of
from .dates import format_date

# Words that start what follows a receiver's name in a plan's sentence («… tỉnh trước ngày …», «… để tổng hợp»).
_AFTER_NAME = frozenset("trước để về và theo chậm trong khi hằng hàng định qua bằng cùng cho với tại sau từ đúng "
                        "kèm nhằm vào lúc".split())
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def spans(phrase: str, text: str) -> list[re.Match]:
    """Where the phrase stands in the text as whole words, case as written."""
    return list(re.finditer(rf"(?<!\w){re.escape(squash(phrase))}(?!\w)", squash(text)))


def name_like(phrase: str) -> bool:
    words = squash(phrase).split()
    return len(words) >= 2 and any(w[:1].isupper() for w in words)


def _section_texts(section) -> list[str]:
    report = section.bao_cao
    return [*([report.loi_van] if report is not None else []), section.loi_dan, *lines(section.doan, marks=False),
            *(a.nhiem_vu for a in section.phan_cong),
            *([section.don_vi_thuc_hien.nhiem_vu] if section.don_vi_thuc_hien is not None else []),
            *(r.loi_van for r in (report.bao_cao_tiep if report is not None else []))]


def _sender_error(src, path, who: str, section) -> DataError | None:
    """One rule for bao_cao › ben_gui and bao_cao_tiep › ben_gui."""
    written = any(spans(who, text) for text in _section_texts(section))  # within one text, not across two
    if written and name_like(who):
        return None
    said = (f"ben_gui ghi «{who}»: chữ này không phải một tên (cần ít nhất hai chữ, có chữ viết hoa như tên riêng)"
            if written else
            f"ben_gui ghi «{who}», nhưng lời văn mục «{section.tieu_de}» (loi_van, doan, nhiem_vu) không viết chữ này "
            "(trọn từng chữ, đúng dấu, chữ hoa và chữ thường như kế hoạch viết)")
    return src.error(path, f"{said}: website in chữ này là người gửi báo cáo theo kế hoạch.", found=who,
                     hint="chép trọn tên kế hoạch viết về người gửi báo cáo (như «Ban Công tác Mặt trận các thôn»), "
                          "đủ chữ, có dấu; kế hoạch không viết thì bỏ dòng ben_gui.")


def _whole_name(name: str, said: str) -> str | None:
    """The receiver as loi_van writes it when `name` is found there as whole words: «ok» when it ends the name,
    else the longer name the words write (for the hint); None when not found."""
    longer = None
    for m in spans(name, said):
        rest = said[m.end():]
        following = re.match(r"\s*(\w+)", rest)
        if following is None or not rest[:1].isspace() or following.group(1) in _AFTER_NAME:
            return "ok"
        tail = []
        for word in rest.split():
            bare = word.rstrip(",.;:)")
            if bare in _AFTER_NAME or not bare:
                break
            tail.append(bare)
            if bare != word:
                break
        longer = longer or " ".join([squash(name), *tail])
    return longer


def _onward_errors(plan: PlanFile, src, section) -> list[DataError]:
    errors, report = [], section.bao_cao
    base = path_of(plan, "to_chuc_thuc_hien") + ("bao_cao", "bao_cao_tiep")
    doan = " ".join(squash(t) for t in lines(section.doan, marks=False))
    period = plan.thoi_gian_dia_diem
    for i, onward in enumerate(report.bao_cao_tiep):
        at = base + (i,)
        if onward.ben_gui and (err := _sender_error(src, at + ("ben_gui",), onward.ben_gui, section)) is not None:
            errors.append(err)
        said = squash(onward.loi_van)
        if doan and said not in doan:
            continue  # loi_van is not the plan's sentence: said once, at loi_van (quoted_fields)
        found = _whole_name(onward.noi_nhan, said)
        if found is None and doan:
            errors.append(src.error(at + ("noi_nhan",), f"noi_nhan ghi «{onward.noi_nhan}», nhưng lời kế hoạch ở "
                                    f"loi_van («{said}») không viết nơi nhận này.", found=onward.noi_nhan,
                                    hint="chép noi_nhan đúng tên nơi nhận như loi_van viết, đủ chữ, có dấu."))
        elif found is None:
            elsewhere = " ".join(squash(t) for t in _section_texts(section) if squash(t) != said)
            if _whole_name(onward.noi_nhan, elsewhere) == "ok":
                errors.append(src.error(at + ("loi_van",), f"loi_van không viết nơi nhận «{onward.noi_nhan}» mà lời "
                                        f"văn mục «{section.tieu_de}» viết: loi_van phải chép đúng lời kế hoạch về báo "
                                        "cáo này.", found=said,
                                        hint=f"chép lại loi_van đúng câu kế hoạch, có tên «{onward.noi_nhan}»."))
            else:
                errors.append(src.error(at + ("noi_nhan",), f"noi_nhan ghi «{onward.noi_nhan}», nhưng loi_van "
                                        f"(«{said}») không viết nơi nhận này.", found=onward.noi_nhan,
                                        hint="chép noi_nhan đúng tên nơi nhận như loi_van viết, đủ chữ, có dấu."))
        elif found != "ok":
            errors.append(src.error(at + ("noi_nhan",), f"noi_nhan ghi «{onward.noi_nhan}», chỉ là phần đầu tên nơi "
                                    f"nhận loi_van viết («{found}»): website in tên này là nơi nhận báo cáo.",
                                    found=onward.noi_nhan, hint=f"chép đủ tên như loi_van viết: noi_nhan: {found}"))
        dates = [m.group(0) for m in _DATE.finditer(said)]
        han = onward.han
        if not any((int(d), int(mo), int(y)) == (han.day, han.month, han.year)
                   for d, mo, y in (m.groups() for m in _DATE.finditer(said))):
            errors.append(src.error(at + ("han",), f"han ghi {format_date(han)}, nhưng lời kế hoạch ở loi_van "
                                    f"(«{said}») không viết ngày này.", found=format_date(han),
                                    hint=(f"ghi han đúng ngày loi_van viết sau «trước ngày»: han: {dates[0]}"
                                          if len(dates) == 1 else "ghi han đúng ngày loi_van viết sau «trước ngày».")))
        elif period is not None and _far_from(period, han):
            errors.append(src.error(at + ("han",), f"Hạn báo cáo gửi tiếp {format_date(han)} "
                                    + ("trước khi kế hoạch bắt đầu" if _before_start(period, han) else
                                       "sau khi kế hoạch kết thúc hơn một năm")
                                    + f" (thời gian thực hiện: {P.words(period)}).", found=format_date(han),
                                    hint="kiểm tra han và loi_van đã chép đúng văn bản (năm, tháng); nếu văn bản ghi "
                                         "đúng như vậy, hỏi cơ quan ban hành trước khi đăng."))
        elif han < report.han:
            errors.append(src.error(at + ("han",), f"Hạn báo cáo gửi tiếp {format_date(han)} trước hạn báo cáo "
                                    f"{format_date(report.han)} của bao_cao › han (báo cáo được tổng hợp để gửi tiếp).",
                                    found=format_date(han),
                                    hint="kiểm tra han của hai cấp báo cáo đã chép đúng văn bản."))
    return errors


def _before_start(period, day) -> bool:
    start = P.first_day(period)
    return start is not None and day < start


def _far_from(period, day) -> bool:
    """An onward report's deadline the plan could not mean: before the plan starts, or more than a year after
    it ends (a year mistyped). After the end is usual: the reports are made from the work done."""
    return _before_start(period, day) or (day - P.last_day(period)).days > 366


def check_report_sender(plan: PlanFile, src) -> list[DataError]:
    section = plan.to_chuc_thuc_hien
    if section is None or section.bao_cao is None:  # no report asked: no sender to check
        return []
    errors = []
    if section.bao_cao.ben_gui:
        err = _sender_error(src, path_of(plan, "to_chuc_thuc_hien") + ("bao_cao", "ben_gui"),
                            section.bao_cao.ben_gui, section)
        errors += [err] if err is not None else []
    return errors + _onward_errors(plan, src, section)

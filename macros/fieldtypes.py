"""Field types shared by the data model, each with a Vietnamese error message
and a JSON-Schema description that editors see as hover help in VS Code."""

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import dates, limits
from .glyphs import check_printable
from .numbers import format_money
from .text import is_nfc
from .yamlsrc import NumberForm

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]|\bjavascript:|\bon[a-z]+\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CODE = re.compile(r"^[0-9a-z][0-9a-z-]*$")

# Characters an editor cannot see. Refused everywhere: bidirectional overrides
# (they reorder what is shown), zero-width characters and joiners, the BOM, the
# soft hyphen. In names and codes, also every space other than the ordinary one
# (NBSP and friends make "Sa Thầy" and "Sa Thầy" two different names).
# The class, not a list of cases: every Unicode format character (category Cf: bidi
# controls, zero-width characters, BOM, tag characters U+E0000–E007F, Arabic/Syriac
# marks…), the default-ignorable marks (combining grapheme joiner U+034F, variation
# selectors FE00–FE0F and E0100–E01EF, Mongolian and Khmer ones), and the characters
# that draw as a blank but are letters or symbols (Hangul fillers U+115F, U+1160, U+3164,
# U+FFA0; braille blank U+2800).
_IGNORABLE = "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef"


def _format_characters() -> str:
    """Every character of category Cf, as ranges for a regex character class (computed once)."""
    spans, start, last = [], None, None
    for code in [*range(0x80, 0x20000), *range(0xE0000, 0xE0080)]:
        if unicodedata.category(chr(code)) == "Cf":
            if start is not None and code == last + 1:
                last = code
                continue
            if start is not None:
                spans.append((start, last))
            start = last = code
    spans.append((start, last))
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in spans)


_INVISIBLE = re.compile(f"[{_format_characters()}{_IGNORABLE}\ufff9-\ufffb]")
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_CHAR_NAMES = {
    "\u00a0": "dấu cách không ngắt (NBSP)", "\u00ad": "dấu gạch nối mềm", "\u200b": "dấu cách độ rộng 0",
    "\u200c": "ký tự nối độ rộng 0", "\u200d": "ký tự nối độ rộng 0", "\u2060": "ký tự nối từ",
    "\ufeff": "ký tự BOM", "\u202f": "dấu cách hẹp không ngắt",
}

# Letters of another alphabet that look like Latin ones: Cyrillic «К» in «Кon Tum», Greek
# «Ο», fullwidth «Ｋ». Vietnamese (and the minority languages written in it) is Latin script:
# such a letter is a look-alike typed by mistake, and "Кon Tum" is then not "Kon Tum".
# Also the look-alikes of «Đ»/«đ» that bad font conversions (TCVN3, VNI) leave: Icelandic
# eth «Ð» U+00D0 and «ð» U+00F0, African «Ɖ» U+0189 and «ɖ» U+0256; slugs drop them, so
# «Ðăk Glei» got the address …/ak-glei/.
_FOREIGN = re.compile("[\u00d0\u00f0\u0189\u0256\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f\uff01-\uff5e]")
_LOOKS_LIKE = dict(zip("АВЕКМНОРСТХУаеорсухіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοντÐðƉɖ",
                       "ABEKMHOPCTXYaeopcyxijsdqwABEZHIKMNOPTYXovtĐđĐđ"))

MAX_MONEY = 1_000_000_000_000  # một nghìn tỷ đồng: far above any amount of such a plan


def _fail(message: str):
    return PydanticCustomError("du_lieu", message)


def _char_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in _CHAR_NAMES:
        return f"{code} ({_CHAR_NAMES[char]})"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069" or char in "\u200e\u200f\u061c":
        return f"{code} (ký tự đổi chiều chữ)"
    if _ODD_SPACE.match(char):
        return f"{code} (dấu cách đặc biệt)"
    if "\U000e0000" <= char <= "\U000e007f":
        return f"{code} (ký tự thẻ ẩn)"
    if "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef":
        return f"{code} (bộ chọn biến thể)"
    if char in "\u115f\u1160\u3164\uffa0":
        return f"{code} (ký tự trống Hangul)"
    if char == "\u2800":
        return f"{code} (ô chữ nổi trống)"
    return f"{code} (ký tự không nhìn thấy)"


def _invisible(value: str, pattern) -> None:
    found = pattern.search(value)
    if found:
        before = value[: found.start()][-20:]
        raise _fail(f"có ký tự không nhìn thấy {_char_name(found.group())} ở ký tự thứ {found.start() + 1}, "
                    f"sau «{before}»; "
                    "hãy xóa nó (xóa cả đoạn quanh đó rồi gõ lại)")


def _foreign_letter(value: str) -> None:
    found = _FOREIGN.search(value)
    if not found:
        return
    char = found.group()
    alphabet = ("Latin của tiếng khác (Iceland, châu Phi…)" if char in "\u00d0\u00f0\u0189\u0256"
                else "Kirin (tiếng Nga…)" if "\u0400" <= char <= "\u052f" or "\u1c80" <= char <= "\u1c8f"
                or "\u2de0" <= char <= "\u2dff" or "\ua640" <= char <= "\ua69f"
                else "Hy Lạp" if char < "\u2000" else "toàn độ rộng (fullwidth)")
    latin = _LOOKS_LIKE.get(char) or unicodedata.normalize("NFKC", char)
    like = f", trông giống chữ «{latin}»" if latin and latin != char and (latin.isascii() or latin in "Đđ") else ""
    around = value[max(0, found.start() - 15): found.start() + 15]
    raise _fail(f"chữ «{char}» (U+{ord(char):04X}) ở ký tự thứ {found.start() + 1} trong «{around}» là chữ của bảng "
                f"chữ cái {alphabet}{like} nhưng không phải chữ tiếng Việt: tên và chữ viết bằng nó không khớp với "
                "cách viết đúng, tìm kiếm cũng không ra. Hãy xóa chữ đó và gõ lại bằng bộ gõ tiếng Việt")


def _clean_text(value: str, allow_empty: bool, keep_lines: bool = False) -> str:
    if isinstance(value, NumberForm):
        value = str(value)
    _invisible(value, _INVISIBLE)
    _foreign_letter(value)
    if not is_nfc(value):
        raise _fail("chữ không ở dạng Unicode dựng sẵn (NFC): dấu bị tách khỏi chữ cái, "
                    "tìm kiếm và so sánh sẽ sai. Hãy gõ lại bằng bộ gõ Unicode dựng sẵn, "
                    "hoặc chạy «python -m macros.check --sua-nfc»")
    if _CONTROL.search(value):
        raise _fail("có ký tự điều khiển không nhìn thấy; hãy gõ lại đoạn chữ này")
    if _TAG.search(value):
        raise _fail("không được chứa mã HTML hay mã lệnh (thẻ <…>, javascript:, on…=); "
                    "chỉ viết văn bản thuần")
    too_long = limits.paragraph_error(value)
    if too_long:
        raise _fail(too_long)
    try:  # an emoji or any character the PDFs' fonts lack would print as a blank (macros/glyphs.py)
        check_printable(value)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if keep_lines:  # each line's spaces folded, blank lines dropped, the line breaks kept
        value = "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())
    else:
        value = " ".join(value.split())
    if not value and not allow_empty:
        raise _fail("không được để trống")
    return value


Text = Annotated[
    str,
    AfterValidator(lambda v: _clean_text(v, allow_empty=False)),
    Field(min_length=1),
]
"""One paragraph of plain text: NFC, not empty, no HTML. Line breaks fold to spaces."""

OptionalText = Annotated[str, AfterValidator(lambda v: _clean_text(v, allow_empty=True))]

CellText = Annotated[str, AfterValidator(lambda v: _clean_text(v, allow_empty=True, keep_lines=True))]
"""A table cell's text: OptionalText whose line breaks are kept (a cell of several paragraphs, a nested
table's rows: review r19f found them printed run together on one line)."""


def _name(value: str) -> str:
    too_long = limits.name_error(value)
    if too_long:
        raise _fail(too_long)
    _invisible(value, _ODD_SPACE)
    return value


Name = Annotated[
    str,
    AfterValidator(_name),
    AfterValidator(lambda v: _clean_text(v, allow_empty=False)),
    Field(min_length=1),
]
"""A name or a reference to a code: Text, and no special space (NBSP…) either:
two names that look the same must be the same."""


def at_most(limit: int):
    """The metadata of a list of at most `limit` items (limits.py), checked before its
    items are: a list pasted 99,000 times is refused at once, with the count."""
    def check(value):
        if isinstance(value, (list, tuple)):
            too_many = limits.list_error(len(value), limit)
            if too_many:
                raise _fail(too_many)
        return value
    return [BeforeValidator(check), Field(json_schema_extra={"maxItems": limit})]


def _number_form_message(value: NumberForm, what: str) -> str:
    meant = f" Nếu là {what}, hãy viết «{value.meant}»" if value.meant.isdigit() and value.meant != str(value) else ""
    return f"{value.explain()}.{meant} (số viết liền, không có số 0 ở đầu, không gạch dưới)"


# One message for every way a count or a year can be written wrong, quoted or not: what
# to write, then what is wrong with what was written.
_INTEGER_HOW = "cần một số nguyên viết bằng chữ số liền, không dấu nháy, ví dụ 120"


def _integer(value):
    if isinstance(value, NumberForm):
        meant = f"; nếu là {value.meant}, hãy viết «{value.meant}»" if value.meant.isdigit() and value.meant != str(value) else ""
        raise _fail(f"{_INTEGER_HOW}: {value.explain()}{meant}")
    if isinstance(value, bool):
        raise _fail(f"{_INTEGER_HOW}, không phải true/false")
    if isinstance(value, float) and value == value and abs(value) != float("inf"):  # .inf, .nan: pydantic's own
        raise _fail(f"{_INTEGER_HOW}: số đang ghi có phần lẻ")
    if isinstance(value, str):
        raise _fail(f"{_INTEGER_HOW} (đang viết là chữ hoặc trong dấu nháy)")
    return value


Int = Annotated[int, BeforeValidator(_integer)]
"""A count or a year: a plain decimal integer (not 04, 0x4, 4_0, true or "4")."""


def _code_form(value):
    if isinstance(value, NumberForm):
        if str(value).lstrip("+-").startswith("0") and str(value).isdigit():
            hint = (f"Có phải \"{value.meant}\"? Nếu mã đúng là có số 0 ở đầu, viết \"{value}\"")
        else:
            hint = f"Viết trong dấu nháy kép: \"{value}\""
        raise _fail(f"mã số phải viết trong dấu nháy kép. {value.explain()}. {hint}")
    return value


def _code(value: str) -> str:
    _invisible(value, _INVISIBLE)
    _invisible(value, _ODD_SPACE)
    _foreign_letter(value)
    if not _CODE.match(value):
        raise _fail("mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ «ban-phong-trao» hoặc «610»")
    if len(value) > limits.MAX_CODE_CHARS:  # codes name pages and files: a file name has a length limit
        raise _fail(f"mã quá dài ({len(value)} ký tự; tối đa {limits.MAX_CODE_CHARS})")
    return value


Code = Annotated[
    str,
    BeforeValidator(_code_form),
    AfterValidator(_code),
    WithJsonSchema({"type": "string", "pattern": _CODE.pattern,
                    "description": "Mã: chữ thường không dấu, chữ số, gạch ngang. Mã số viết trong dấu nháy: \"610\"."}),
]


# Validation context key: a date of the plan in context (its report deadline), from
# which date errors take their example. Passed explicitly by whoever validates with a
# plan at hand (`Model.model_validate(data, context=sample_context(day))`, as
# results/load.py does); without it the examples carry no year (dates.date_hint).
SAMPLE_DATE = "sample_date"


def sample_context(day: dt.date) -> dict:
    return {SAMPLE_DATE: day}


def _sample(info) -> dt.date | None:
    context = getattr(info, "context", None)
    return context.get(SAMPLE_DATE) if isinstance(context, dict) else None


def _parse_with(parser, hint, form, rewrite):
    def parse(value, info):
        sample = _sample(info)
        if isinstance(value, dt.date):
            # The editor's own date, rewritten: the best example there is.
            raise _fail("YAML đã tự đổi giá trị này thành ngày kiểu năm-tháng-ngày; "
                        f"hãy viết trong dấu nháy, dạng {form}: \"{rewrite(value)}\"")
        if not isinstance(value, str):
            raise _fail(f"cần viết trong dấu nháy, dạng {hint(sample)}")
        try:
            return parser(value, sample)
        except ValueError as exc:
            raise _fail(str(exc)) from None
    return parse


_parse_date = _parse_with(dates.parse_date, dates.date_hint, "ngày/tháng/năm", dates.format_date)
# For a field's description (no plan in context): how to write a date, without a year.
DATE_HOW = f"viết trong dấu nháy, dạng {dates.date_hint()}"

Date = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}/\d{1,2}/\d{4}$",
                    "description": f"Ngày, {DATE_HOW}."}),
]


def _optional_date(value, info):
    if value in ("", None):
        return None
    return _parse_date(value, info)


OptionalDate = Annotated[
    dt.date | None,
    BeforeValidator(_optional_date),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{1,2}/\d{1,2}/\d{4})?$",
                    "description": f"Ngày, {DATE_HOW}; hoặc \"\" nếu chưa có."}),
]

MonthValue = Annotated[
    dates.Month,
    BeforeValidator(_parse_with(dates.parse_month, dates.month_hint, "tháng/năm",
                                lambda d: str(dates.Month(d.year, d.month)))),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}/\d{4}$",
                    "description": f"Tháng, viết trong dấu nháy, dạng {dates.month_hint()}."}),
]


# A start or an end of a plan's period as the plan writes it: «Quý III/…», a month, a day.
PeriodPointValue = Annotated[
    dates.PeriodPoint,
    BeforeValidator(_parse_with(dates.parse_point, dates.point_error_hint, "ngày/tháng/năm",
                                dates.format_date)),
    WithJsonSchema({"type": "string",
                    "pattern": (r"^\s*([Qq]uý\s+(IV|III|II|I|[1-4])\s*(/|\s+năm\s+)\s*\d{4}|([Tt]háng\s+)?\d{1,2}\s*/\s*\d{4}"
                                r"|([Nn]gày\s+)?\d{1,2}/\d{1,2}/\d{4}|[Nn]ăm\s+\d{4})\s*$"),
                    "description": f"Quý, tháng, ngày hoặc năm, viết trong dấu nháy, dạng {dates.point_hint()}."}),
]

def _money(value):
    if isinstance(value, NumberForm):
        raise _fail(_number_form_message(value, "số tiền"))
    if isinstance(value, str) and re.fullmatch(r"\d+|\d{1,3}(\.\d{3})+", value.strip()):
        raise _fail("số tiền viết không có dấu nháy: 5000000, không phải \"5000000\"")
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail("số tiền phải là số nguyên đồng, viết liền hoặc có dấu chấm ngăn cách: 5000000 hoặc 5.000.000")
    if value < 0:
        raise _fail("số tiền không được âm")
    if value == 0:
        raise _fail("số tiền phải lớn hơn 0 (0 đồng không phải là kinh phí); nếu chưa có kinh phí, hỏi người phụ trách")
    if value > MAX_MONEY:
        raise _fail(f"số tiền quá lớn (trên {format_money(MAX_MONEY)}); kiểm tra số chữ số 0")
    return value


Money = Annotated[
    int,
    BeforeValidator(_money),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_MONEY,
                    "description": "Số tiền (đồng), viết liền: 5000000."}),
]


# --- data/website.yaml: a plan's address prefix, and the words of the site's name ---
_PREFIX = re.compile(r"^([a-z0-9][a-z0-9-]*/)*$")


def _prefix(value):
    if not isinstance(value, str):
        raise _fail("cần một đường dẫn viết trong dấu nháy, ví dụ \"ke-hoach-moi/\", hoặc \"\"")
    if not _PREFIX.match(value):
        shown = value if _PREFIX.match(value + "/") else None
        raise _fail("đường dẫn chỉ gồm chữ thường không dấu, chữ số, dấu gạch ngang, và kết thúc bằng «/»"
                    + (f": có phải \"{shown}/\"?" if shown else ", ví dụ \"ke-hoach-moi/\" (hoặc \"\" cho kế hoạch duy nhất)"))
    if any(len(part) > limits.MAX_CODE_CHARS for part in value.split("/")):
        raise _fail(f"đường dẫn quá dài (mỗi phần tối đa {limits.MAX_CODE_CHARS} ký tự)")
    return value


Prefix = Annotated[
    str,
    BeforeValidator(_prefix),
    WithJsonSchema({"type": "string", "pattern": _PREFIX.pattern,
                    "description": "Tiền tố địa chỉ các trang của kế hoạch, kết thúc bằng «/»."}),
]

_MARKUP_CHARS = re.compile(r'[<>&"]')


def _plain_words(value: str) -> str:
    found = _MARKUP_CHARS.search(value)
    if found:
        raise _fail(f"không dùng ký tự «{found.group()}» ở đây (ký tự thứ {found.start() + 1}): tên website được in "
                    "cả trong thẻ trang; viết «và» thay cho «&», dấu ngoặc kép “…” thay cho \"…\"")
    return value


PlainText = Annotated[
    str,
    AfterValidator(lambda v: _clean_text(v, allow_empty=False)),
    AfterValidator(_plain_words),
    Field(min_length=1),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": r'^[^<>&"]*$'}),
]
"""Text without < > & ": the site's name and description (Material prints them in attributes)."""

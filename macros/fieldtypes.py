"""Field types shared by the data model, each with a Vietnamese error message
and a JSON-Schema description that editors see as hover help in VS Code."""

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import dates
from .text import is_nfc

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]|\bjavascript:|\bon[a-z]+\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CODE = re.compile(r"^[0-9a-z][0-9a-z-]*$")


def _fail(message: str):
    return PydanticCustomError("du_lieu", message)


def _clean_text(value: str, allow_empty: bool) -> str:
    if not is_nfc(value):
        raise _fail("chữ không ở dạng Unicode dựng sẵn (NFC): dấu bị tách khỏi chữ cái, "
                    "tìm kiếm và so sánh sẽ sai. Hãy gõ lại bằng bộ gõ Unicode dựng sẵn, "
                    "hoặc chạy «python -m macros.check --sua-nfc»")
    if _CONTROL.search(value):
        raise _fail("có ký tự điều khiển không nhìn thấy; hãy gõ lại đoạn chữ này")
    if _TAG.search(value):
        raise _fail("không được chứa mã HTML hay mã lệnh (thẻ <…>, javascript:, on…=); "
                    "chỉ viết văn bản thuần")
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


def _code(value: str) -> str:
    if not _CODE.match(value):
        raise _fail("mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ «ban-phong-trao» hoặc «610»")
    return value


Code = Annotated[
    str,
    AfterValidator(_code),
    WithJsonSchema({"type": "string", "pattern": _CODE.pattern,
                    "description": "Mã: chữ thường không dấu, chữ số, gạch ngang. Mã số viết trong dấu nháy: \"610\"."}),
]


def _parse_with(parser):
    def parse(value):
        if isinstance(value, dt.date):
            raise _fail("YAML đã tự đổi giá trị này thành ngày kiểu năm-tháng-ngày; "
                        "hãy viết ngày/tháng/năm trong dấu nháy, ví dụ \"30/11/2023\"")
        if not isinstance(value, str):
            raise _fail("cần viết ngày/tháng trong dấu nháy, ví dụ \"30/11/2023\" hoặc \"4/2023\"")
        try:
            return parser(value)
        except ValueError as exc:
            raise _fail(str(exc)) from None
    return parse


Date = Annotated[
    dt.date,
    BeforeValidator(_parse_with(dates.parse_date)),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}/\d{1,2}/\d{4}$",
                    "description": "Ngày, viết ngày/tháng/năm trong dấu nháy: \"30/11/2023\"."}),
]


def _optional_date(value):
    if value in ("", None):
        return None
    return _parse_with(dates.parse_date)(value)


OptionalDate = Annotated[
    dt.date | None,
    BeforeValidator(_optional_date),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{1,2}/\d{1,2}/\d{4})?$",
                    "description": "Ngày ngày/tháng/năm trong dấu nháy, hoặc \"\" nếu chưa có."}),
]

MonthValue = Annotated[
    dates.Month,
    BeforeValidator(_parse_with(dates.parse_month)),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}/\d{4}$",
                    "description": "Tháng, viết tháng/năm trong dấu nháy: \"4/2023\"."}),
]


def _money(value):
    if isinstance(value, str) and re.fullmatch(r"\d+|\d{1,3}(\.\d{3})+", value.strip()):
        raise _fail("số tiền viết không có dấu nháy: 5000000, không phải \"5000000\"")
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail("số tiền phải là số nguyên đồng, viết liền hoặc có dấu chấm ngăn cách: 5000000 hoặc 5.000.000")
    if value < 0:
        raise _fail("số tiền không được âm")
    return value


Money = Annotated[
    int,
    BeforeValidator(_money),
    WithJsonSchema({"type": "integer", "minimum": 0,
                    "description": "Số tiền (đồng), viết liền: 5000000."}),
]

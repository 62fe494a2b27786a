"""Data errors that an editor can act on: file, line, column, field, what was
found, what is expected. Messages are Vietnamese; nothing here prints a traceback."""

import re
from dataclasses import dataclass, field

# A value quoted in a message is shown up to this many characters, then «…» (review bad10 #11: a 4.5 k
# loi_van made a 7 kB message); the line and the field say where the rest is.
QUOTE_MAX = 200
_LONG_QUOTE = re.compile("«([^«»]{%d})[^«»]+»" % QUOTE_MAX)


def shorten_quotes(text: str) -> str:
    """Each «…» span longer than QUOTE_MAX characters cut to its first QUOTE_MAX, ending with «…»."""
    return _LONG_QUOTE.sub(lambda m: f"«{m.group(1).rstrip()}…»", text)


@dataclass(frozen=True)
class DataError:
    file: str  # path as the editor sees it, e.g. "data/don-vi.yaml"
    line: int  # 1-based; 0 when the whole file is concerned
    column: int
    field: str  # "don_vi › mục 2 › ma"; "" for file-level errors
    message: str  # what is wrong, one sentence
    found: str = ""  # the value as written, if any
    hint: str = ""  # what to do, or a near miss ("Có phải … ?")

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        parts = [where + ":"]
        if self.field:
            parts.append(f"trường «{self.field}»:")
        parts.append(shorten_quotes(self.message))
        text = " ".join(parts)
        found = self.found if len(self.found) <= QUOTE_MAX else self.found[:QUOTE_MAX].rstrip() + "…"
        return with_details(text, found, shorten_quotes(self.hint))


def with_details(text: str, found: str = "", hint: str = "") -> str:
    """A message followed by the value found and how to fix it, one indented line each:
    the same shape for data files and for the Excel sheets of import_report."""
    if found:
        text += f"\n    Giá trị đang ghi: {found}"
    if hint:
        text += f"\n    Cách sửa: {hint}"
    return text


@dataclass
class DataErrors(Exception):
    """Every error found in data/, reported together."""

    errors: list[DataError] = field(default_factory=list)

    def __str__(self) -> str:
        count = len(self.errors)
        head = f"Dữ liệu kế hoạch có {count} lỗi, website chưa được tạo. Hãy sửa rồi chạy lại:"
        return "\n".join([head] + [f"\n{i}. {e}" for i, e in enumerate(self.errors, 1)])


def field_path(path: tuple) -> str:
    """("don_vi", 1, "ma") -> "don_vi › mục 2 › ma" (items counted from 1, as people count)."""
    out = []
    for part in path:
        out.append(f"mục {part + 1}" if isinstance(part, int) else str(part))
    return " › ".join(out)

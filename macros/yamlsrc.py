"""Read one YAML file into plain Python values plus the position of every value.

PyYAML's loaders lose positions and silently keep the last of two duplicate keys.
Here the file is read as a stream of parser events (libyaml's C parser where it
is installed, PyYAML's pure-Python one otherwise) and built by hand, so that
every error can name its line and column, duplicate keys are errors, and the
YAML 1.1 traps are caught:

- yes/no/on/off as booleans, dates, thousands written 5.000.000;
- numbers in a form other than plain decimal (05000000 is octal 1310720,
  0x10, 0b101, 5_000_000, sexagesimal 1:30): never read as numbers, see NumberForm;
- anchors and aliases (&a, *a: "billion laughs", recursive aliases), explicit
  tags (!!binary, !!python/name:…), nesting deeper than MAX_DEPTH, files larger
  than MAX_BYTES and numbers longer than MAX_DIGITS: refused with a message,
  so reading any input ends quickly and never in a traceback.
"""

import bisect
import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import yaml

from . import limits
from .errors import DataError, DataErrors, field_path

# libyaml where available: about ten times faster, same events and positions.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None
# The parser the data files are read with: what a writer of YAML (macros/results/yamlout.py)
# checks its plain scalars against.
SAFE_LOADER = _FAST_LOADER or yaml.SafeLoader

MAX_BYTES = limits.MAX_FILE_BYTES  # a plan of 3,321 communes: don-vi.yaml ~0.3 MB
MAX_DEPTH = 16  # the deepest data file nests 5 levels
MAX_DIGITS = 18  # no amount, year or count needs more
MAX_EVENTS = 100_000  # 3,321 communes: ~46,000 values in don-vi.yaml; 7,000 units check in < 1 s
MAX_ERRORS = 50  # per file: past this, the rest is noise

_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n"}
# Vietnamese groups thousands with dots: 5.000.000. YAML would read 5.000 as 5.0.
_GROUPED_INT = re.compile(r"^\d{1,3}(\.\d{3})+$")

_SYNTAX_HINTS = (
    ("found character '\\t'", "Tệp có ký tự Tab. YAML chỉ cho phép thụt lề bằng dấu cách.",
     "thay mỗi Tab bằng dấu cách (2 dấu cách cho mỗi bậc thụt lề)."),
    ("mapping values are not allowed", "Dấu hai chấm «:» đặt sai chỗ.",
     "nếu giá trị là một câu có dấu «:», hãy đặt cả câu trong dấu nháy kép \"…\"."),
    ("could not find expected ':'", "Thiếu dấu hai chấm «:» sau tên trường.",
     "viết dạng «ten_truong: giá trị»."),
    ("expected <block end>", "Thụt lề không khớp với các dòng phía trên.",
     "các trường cùng cấp phải thẳng cột với nhau; mục danh sách bắt đầu bằng «- »."),
    ("while scanning a quoted scalar", "Thiếu dấu nháy đóng.",
     "mỗi dấu nháy mở \" phải có dấu nháy đóng \" trên cùng dòng."),
    ("found undefined alias", "Dùng ký hiệu «*» ở đầu giá trị.",
     "đặt giá trị trong dấu nháy kép \"…\"."),
    ("expected a comment or a line break", "Có chữ thừa sau giá trị.",
     "đặt cả giá trị trong dấu nháy kép \"…\"."),
    ("found unexpected end of stream", "Tệp kết thúc giữa chừng.",
     "kiểm tra dấu nháy và dấu ngoặc chưa đóng."),
    ("while parsing a flow sequence", "Thiếu dấu đóng ngoặc vuông «]» của danh sách viết trên một dòng.",
     "viết đủ cặp ngoặc, ví dụ [VT, VP, BPT]."),
    ("while parsing a flow mapping", "Thiếu dấu đóng ngoặc nhọn «}».",
     "viết đủ cặp ngoặc {…}, hoặc viết mỗi trường một dòng."),
    ("incompatible YAML document", "Dòng «%YAML …» khai báo một phiên bản YAML không đọc được.",
     "xóa dòng bắt đầu bằng «%YAML»: tệp dữ liệu không cần dòng này."),
    ("expected '<document start>'", "Có dòng «...» (ba dấu chấm) kết thúc tài liệu YAML, nhưng sau đó vẫn còn dữ liệu.",
     "xóa dòng «...»; nếu là chữ trong một giá trị, đặt giá trị trong dấu nháy kép \"…\"."),
    ("expected a single document", "Tệp chỉ được có một tài liệu YAML.",
     "bỏ dòng «---» hoặc «...» thừa ở giữa tệp."),
    ("that cannot start any token", "Giá trị bắt đầu bằng một ký hiệu YAML dành riêng (như «@», «`», «%»).",
     "đặt cả giá trị trong dấu nháy kép \"…\"."),
    ("found unknown escape character", "Trong dấu nháy kép, dấu «\\» phải đi kèm một ký tự hợp lệ.",
     "viết «\\\\» thay cho một dấu «\\», hoặc dùng dấu nháy đơn '…'."),
    ("expected alphabetic or numeric character", "Dấu «&» hoặc «*» ở đầu giá trị là ký hiệu YAML dành riêng.",
     "đặt cả giá trị trong dấu nháy kép \"…\"."),
    ("did not find expected key", "Thụt lề hoặc dấu «- » không khớp với các dòng phía trên.",
     "các trường cùng cấp phải thẳng cột; mục danh sách bắt đầu bằng «- » ở cùng một cột."),
    ("block sequence entries are not allowed", "Dấu «- » (mục danh sách) đặt sai chỗ.",
     "mục danh sách viết ở dòng riêng, dưới tên trường và thụt vào; chữ có «- » ở đầu thì đặt trong dấu nháy kép."),
    ("did not find expected node content", "Thiếu giá trị ở chỗ này.",
     "so với các dòng xung quanh; chữ bắt đầu bằng ký hiệu thì đặt trong dấu nháy kép \"…\"."),
    ("while scanning a directive", "Dòng bắt đầu bằng «%» là khai báo YAML, không phải dữ liệu.",
     "xóa dòng đó, hoặc đặt giá trị trong dấu nháy kép \"…\"."),
    ("found duplicate anchor", "Không dùng neo «&» trong dữ liệu.", "viết đầy đủ giá trị ở mỗi chỗ cần."),
)

# Characters a YAML file may not hold (PyYAML's reader refuses them with no line),
# and line breaks other than \n that would shift every line number after them.
_UNREADABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029]")
_UNREADABLE_NAMES = {"\x00": "ký tự NUL (byte 0)", "\x1b": "ký tự ESC (mã điều khiển)", "\x7f": "ký tự DEL",
                     "\x85": "ký tự xuống dòng NEL", "\u2028": "ký tự ngắt dòng LS",
                     "\u2029": "ký tự ngắt đoạn PS", "\ufeff": "ký tự BOM"}


def _content_lines(text: str, upto: int):
    """(line number, text) of the lines before `upto` (1-based) that hold data, last first."""
    lines = text.splitlines()[: max(upto - 1, 0)]
    for number in range(len(lines), 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            yield number, lines[number - 1]


# A value that opens with a single quote: "ten: 'Sa Thầy" or "- 'VT".
_SINGLE_QUOTED_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s'\"#][^:#]*:\s+)?'")


def _closed_below(lines: list[str], number: int, upto: int, closed) -> int | None:
    """The last line of a quoted value opened on line `number` and closed on a continuation line (a line
    indented deeper, before line `upto`): a long text written over several lines is no missing quote."""
    indent = len(lines[number - 1]) - len(lines[number - 1].lstrip(" "))
    joined = lines[number - 1].split(" #", 1)[0]
    for below in range(number + 1, min(upto, len(lines) + 1)):
        line = lines[below - 1]
        if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            return None
        joined += " " + line.strip()
        if closed(joined):
            return below
    return None


def _unclosed_quote(text: str, upto: int) -> int | None:
    """The first line up to `upto` with an odd number of double quotes: a quote
    opened and never closed there (nor on the lines that continue it). PyYAML reports such errors lines later."""
    lines = text.splitlines()
    number = 0
    while number < min(upto, len(lines)):
        number += 1
        code = lines[number - 1].split(" #", 1)[0]
        if code.lstrip().startswith("#"):
            continue
        if (code.count('"') - code.count('\\"')) % 2:
            end = _closed_below(lines, number, upto, lambda t: not (t.count('"') - t.count('\\"')) % 2)
        else:
            single = _SINGLE_QUOTED_START.match(code)
            if not single or "'" in code[single.end():].replace("''", ""):
                continue
            end = _closed_below(lines, number, upto, lambda t, at=single.end(): "'" in t[at:].replace("''", ""))
        if end is None:
            return number
        number = end
    return None


def _continues_value(text: str, line: int) -> bool:
    """Line `line` continues a text value begun on a line above («van_ban: Kịp thời …» wrapped onto
    a deeper-indented next line), not a field name missing its «:»."""
    indent = len(text.splitlines()[line - 1]) - len(text.splitlines()[line - 1].lstrip(" "))
    for _, above in _content_lines(text, line):
        if len(above) - len(above.lstrip(" ")) < indent:
            return bool(re.search(r"(?::|^\s*-)\s+[^\s#|>]", above.split(" #", 1)[0]))
    return False


def _refine(text: str, line: int, raw: str) -> tuple[int, str, str] | None:
    """Point at the line the editor must change, where PyYAML's mark is later."""
    quote = _unclosed_quote(text, line)
    if quote is not None and ("quoted scalar" in raw or "expected <block end>" in raw
                              or "could not find expected" in raw or "end of stream" in raw
                              or "flow sequence" in raw or "flow mapping" in raw
                              or "expected a comment or a line break" in raw
                              or "mapping values are not allowed" in raw):
        return (quote, "Thiếu dấu nháy đóng.", "mỗi dấu nháy mở \" phải có dấu nháy đóng \" ở cuối giá trị.")
    if "expected <block end>" in raw:
        for number, content in _content_lines(text, line):
            body = content.strip()
            if ":" not in body and not body.startswith("-") and not _continues_value(text, number):
                return (number, "Thiếu dấu hai chấm «:» sau tên trường.", "viết dạng «ten_truong: giá trị».")
            break
    return None


@dataclass
class YamlSource:
    """A YAML file read with positions. `positions[path] = (line, column)`, 1-based."""

    path: str
    data: object
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    # Plain (unquoted) scalars that YAML turned into something other than text.
    coerced: dict[tuple, str] = field(default_factory=dict)

    def position(self, path: tuple) -> tuple[int, int]:
        """Position of the value at `path`, or of the nearest parent that exists."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)

    def error(self, path: tuple, message: str, found: str = "", hint: str = "") -> DataError:
        line, column = self.position(path)
        return DataError(self.path, line, column, field_path(path), message, found, hint)


def _syntax_error(display: str, exc: yaml.YAMLError, text: str = "") -> DataError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    raw = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''}"
    refined = _refine(text, line, raw) if line else None
    opened = getattr(exc, "context_mark", None)
    if refined is None and opened is not None and "while parsing a flow" in raw:
        cut = _hash_in_flow(display, text, opened)
        if cut is not None:
            return cut
    if refined is None and opened is not None and "while parsing a flow" in raw and opened.line + 1 < line:
        # An unclosed [ or {: the reader notices lines later; the editor must change the line it opened on.
        for needle, message, hint in _SYNTAX_HINTS:
            if needle in raw:
                return DataError(display, opened.line + 1, opened.column + 1, _key_on_line(text, opened.line + 1),
                                 "Lỗi cú pháp YAML. " + message,
                                 hint=f"{hint} (dấu ngoặc mở ở dòng {opened.line + 1}, cột {opened.column + 1}; "
                                      f"máy đọc YAML chỉ nhận ra lỗi ở dòng {line}.)")
    if refined is None and "expected '<document start>'" in raw:
        for number, content in enumerate(text.splitlines()[: max(line - 1, 0)], 1):
            if re.match(r"^\.\.\.(\s|$)", content):
                refined = (number, "Có dòng «...» (ba dấu chấm) kết thúc tài liệu YAML, nhưng sau đó vẫn còn dữ liệu.",
                           "xóa dòng «...»; nếu là chữ trong một giá trị, đặt giá trị trong dấu nháy kép \"…\".")
    if refined:
        number, message, hint = refined
        return DataError(display, number, 1, _key_on_line(text, number), "Lỗi cú pháp YAML. " + message,
                         hint=f"{hint} (máy đọc YAML chỉ nhận ra lỗi ở dòng {line}.)" if number != line else hint)
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in raw:
            return DataError(display, line, column, _key_on_line(text, line), "Lỗi cú pháp YAML. " + message, hint=hint)
    # Never PyYAML's English: where, and what to compare.
    return DataError(display, line, column, _key_on_line(text, line),
                     "Lỗi cú pháp YAML: máy đọc không hiểu cách viết ở chỗ này.",
                     hint="so với các dòng xung quanh (thụt lề, dấu hai chấm, dấu nháy, dấu ngoặc), "
                          "hoặc xem hướng dẫn biên tập.")


def _hash_in_flow(display: str, text: str, opened) -> DataError | None:
    """A [ or { whose line holds « #» before its closing bracket: the bracket is there,
    but YAML read « #…» as a comment and never saw it (review bad11 f19)."""
    lines = text.splitlines()
    if opened.line >= len(lines):
        return None
    after = lines[opened.line][opened.column:]
    hashed = re.search(r"\s#", after)
    if hashed is None or not re.search(r"[\]}]", after[hashed.end():]):
        return None
    cut = after[hashed.start():].strip()
    close = "]" if after.startswith("[") else "}"
    inner = after[1:after.rfind(close)] if close in after else after[1:]
    items = ", ".join(f'"{item.strip()}"' if "#" in item and not item.strip().startswith('"') else item.strip()
                      for item in inner.split(","))
    return DataError(display, opened.line + 1, opened.column + hashed.start() + 2, _key_on_line(text, opened.line + 1),
                     f"Lỗi cú pháp YAML. Có dấu đóng ngoặc «{close}», nhưng dấu «#» đứng sau dấu cách bắt đầu một "
                     f"ghi chú: YAML bỏ cả «{cut[:80]}», kể cả dấu «{close}», nên thấy danh sách không đóng.",
                     hint=f"đặt mục có dấu «#» trong dấu nháy kép: {after[0]}{items[:160]}{close}.")


_KEY_ON_LINE = re.compile(r"^\s*(?:-\s+)*([^\s'\"#:\-\[\]{}][^:#]*?)\s*:(?:\s|$)")


def _key_on_line(text: str, line: int) -> str:
    """The field named on `line` (or on the nearest line above that names one), with
    the fields it sits in by indentation: "to_chuc_thuc_hien › bao_cao › han". For
    messages about a line the parser could not read into values."""
    lines = text.split("\n")
    path: list[str] = []
    indent = None
    for number in range(min(line, len(lines)), 0, -1):
        content = lines[number - 1]
        found = _KEY_ON_LINE.match(content)
        if not found:
            continue
        at = found.start(1)
        rest = content[found.end():].strip()
        if number < line and rest and not rest.startswith("#"):
            continue  # a field with its value on its line («ky_hieu: "2."») holds no field below it
        if indent is None or at < indent:
            path.insert(0, found.group(1)[:60])
            indent = at
            if at == 0:
                break
    return " › ".join(path)


_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_UNDERSCORED = re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?$")
_BASED = re.compile(r"^[-+]?0([xob])([0-9a-fA-F_]+)$")
# A decimal fraction or an exponent (120.5, 120., .5, 1.2e+2, 1.2e2) and a decimal with a
# «+» sign: YAML 1.1 reads some as 120 and some as text; kept as typed, so that a count,
# an amount or a year refuses all of them with one message.
_FRACTION = re.compile(r"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_PLUS_DECIMAL = re.compile(r"^\+[0-9]+$")
_BASE_NAMES = {"x": "hệ 16", "o": "hệ 8", "b": "hệ 2"}
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}


class NumberForm(str):
    """A plain (unquoted) value that YAML 1.1 reads as a number written in a form
    other than plain decimal: 05000000 (octal 1310720), 0608, 0x4C4B40, 0b101,
    5_000_000, 1:30 (sexagesimal 90). Kept as the text the editor typed; fields
    that hold money, counts, years or codes refuse it with `explain()` and `meant`."""

    yaml_value: object  # what a YAML 1.1 loader would have read (None when it reads text)
    meant: str  # the plain decimal an editor most likely meant

    def explain(self) -> str:
        raw = str(self)
        if len(raw) > 40:
            return f"«{raw[:40]}…» viết số theo dạng YAML 1.1 đọc khác (và quá dài)"
        if _BASED.match(raw):
            return (f"«{raw}» là cách viết số {_BASE_NAMES[_BASED.match(raw).group(1)]} "
                    f"(= {self.yaml_value}), không phải số thập phân")
        if _SEXAGESIMAL.match(raw):
            return f"YAML 1.1 đọc «{raw}» là số hệ 60 (như giờ:phút) = {self.yaml_value}"
        if _LEADING_ZERO.match(raw.replace("_", "")) and isinstance(self.yaml_value, int):
            return f"YAML 1.1 đọc «{raw}» (số 0 ở đầu) là số hệ 8 = {self.yaml_value}"
        if "_" in raw:
            return f"YAML 1.1 đọc dấu gạch dưới trong «{raw}» theo cách riêng; số phải viết liền"
        if _PLUS_DECIMAL.match(raw):
            return f"«{raw}» có dấu «+» ở đầu"
        if "e" in raw.lower():
            return f"«{raw}» là cách viết số mũ (lũy thừa của 10), không phải số viết liền"
        if "." in raw:
            return f"«{raw}» có dấu chấm thập phân (phần lẻ)"
        return f"«{raw}» có số 0 ở đầu: YAML 1.1 không đọc được như một số"


def _number_form(text: str, constructor) -> NumberForm | None:
    """NumberForm for a plain scalar in a non-decimal number form, else None."""
    if not (_LEADING_ZERO.match(text) or _SEXAGESIMAL.match(text) or _UNDERSCORED.match(text)
            or _BASED.match(text)):
        if _PLUS_DECIMAL.match(text) or (_FRACTION.match(text) and not _DECIMAL.match(text)):
            return _fraction_form(text)
        return None
    out = NumberForm(text)
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))
    value = None
    short = len(text) <= 4 * MAX_DIGITS  # a longer one is shown as typed, never converted
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and short:
        try:
            value = constructor.construct_object(yaml.ScalarNode(tag, text), deep=True)
        except (ValueError, ArithmeticError, yaml.YAMLError):
            value = None
    based = _BASED.match(text)
    if based and value is None and short:  # 0o17: YAML 1.2's octal, text for YAML 1.1
        try:
            value = int(based.group(2).replace("_", ""), {"x": 16, "o": 8, "b": 2}[based.group(1)])
            value = -value if text.startswith("-") else value
        except ValueError:
            value = None
    out.yaml_value = value
    digits = text.replace("_", "")
    if _BASED.match(text) or _SEXAGESIMAL.match(text):
        out.meant = str(value) if isinstance(value, int) else digits
    else:
        sign = "-" if digits.startswith("-") else ""
        body = digits.lstrip("+-")
        whole, dot, frac = body.partition(".")
        out.meant = sign + (whole.lstrip("0") or "0") + (dot + frac if dot else "")
    if len(out.meant) > 40:
        out.meant = out.meant[:40] + "…"
    return out


def _fraction_form(text: str) -> NumberForm:
    """120.5, 120., 1.2e+2, +120: `meant` is the whole number it equals, if it is one."""
    out = NumberForm(text)
    try:
        value = float(text) if len(text) <= 4 * MAX_DIGITS else None
    except (ValueError, OverflowError):
        value = None
    out.yaml_value = value
    whole = value is not None and value == value and abs(value) < 10 ** MAX_DIGITS and value == int(value)
    out.meant = str(int(value)) if whole else text[:40]
    return out


class _Refused(Exception):
    def __init__(self, error: DataError):
        self.error = error


class _Builder:
    """Builds plain values from parser events, recording each value's position."""

    def __init__(self, source: YamlSource, lines: list[str] | None = None):
        self.source = source
        self._lines = lines or []  # the file's lines: what follows an unquoted text on its line
        self.errors: list[DataError] = []
        self.paths: dict[int, tuple] = {}  # an error's index in `errors` -> its field's path (named once data is read)
        self._constructor = yaml.SafeLoader("")
        self._resolver = yaml.resolver.Resolver()

    def _refuse(self, event, message: str, hint: str = "", path: tuple = ()) -> None:
        mark = event.start_mark
        raise _Refused(DataError(self.source.path, mark.line + 1, mark.column + 1, field_path(path),
                                 message, hint=hint))

    def _policy(self, event, path: tuple) -> None:
        """Anchors, aliases and tags: refused, each with its own message."""
        if isinstance(event, yaml.AliasEvent):
            self._refuse(event, f"Không dùng bí danh «*{event.anchor}» trong dữ liệu.",
                         "viết đầy đủ giá trị; nếu giá trị là chữ bắt đầu bằng «*», đặt trong dấu nháy kép \"…\".",
                         path)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._refuse(event, f"Không dùng neo «&{anchor}» trong dữ liệu.",
                         "viết đầy đủ giá trị ở mỗi chỗ cần; nếu là chữ bắt đầu bằng «&», đặt trong dấu nháy kép \"…\".",
                         path)
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self._refuse(event, f"Không dùng thẻ kiểu «{shown[:60]}» trong dữ liệu.",
                         "xóa thẻ bắt đầu bằng «!»; viết giá trị bình thường (chữ có «!» ở đầu thì đặt trong dấu nháy kép).",
                         path)

    def build(self, events) -> object:
        stack: list[list] = []  # [container, path, pending key or None, skip this value]
        root = None
        documents = 0
        for count, event in enumerate(events):
            if count > MAX_EVENTS:
                self._refuse(event, "Tệp có quá nhiều giá trị.", "chia nhỏ tệp, hoặc kiểm tra phần bị chép lặp.")
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._refuse(event, "Tệp chỉ được có một tài liệu YAML (bỏ dòng «---» thừa).")
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            # A value (or a key) at the current slot.
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                self._key(event, stack[-1])
                continue
            if stack:
                top = stack[-1]
                path = top[1] + ((len(top[0]),) if isinstance(top[0], list) else (top[2],))
            else:
                path = ()
            self._policy(event, path)
            self.source.positions.setdefault(path, (event.start_mark.line + 1, event.start_mark.column + 1))
            if isinstance(event, yaml.MappingStartEvent):
                value = {}
            elif isinstance(event, yaml.SequenceStartEvent):
                value = []
            else:
                value = self._scalar(event, path)
            if not stack:
                root = value
            else:
                top = stack[-1]
                if isinstance(top[0], list):
                    top[0].append(value)
                else:
                    if not top[3]:
                        top[0][top[2]] = value
                    top[2], top[3] = None, False
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    self._refuse(event, f"Dữ liệu lồng nhau quá sâu (quá {MAX_DEPTH} bậc).",
                                 "kiểm tra thụt lề và các dấu ngoặc [ { chưa đóng.", path[:3])
                stack.append([value, path, None, False])
        if documents == 0 or root is None:
            raise _Refused(DataError(self.source.path, 1, 1, "", "Tệp trống."))
        return root

    def _key(self, event, frame: list) -> None:
        path = frame[1]
        if len(self.errors) >= MAX_ERRORS:
            self._refuse(event, f"Tệp có quá nhiều lỗi (trên {MAX_ERRORS}); sửa các lỗi trên rồi kiểm tra lại.")
        self._policy(event, path)
        if not isinstance(event, yaml.ScalarEvent):
            self._refuse(event, "Tên trường phải là chữ.", "viết dạng «ten_truong: giá trị».", path)
        key = event.value
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        out = frame[0]
        frame[2], frame[3] = key, False
        if event.style in (None, "") and key == "<<":
            self.errors.append(DataError(self.source.path, line, column, field_path(path),
                                         "Không dùng «<<» (gộp khóa) trong dữ liệu."))
            frame[3] = True
            return
        if key in out:
            first = self.source.positions[path + (key,)][0]
            self.paths[len(self.errors)] = path + (key,)
            self.errors.append(DataError(
                self.source.path, line, column, field_path(path + (key,)),
                f"Trường «{key}» được ghi hai lần (lần đầu ở dòng {first}).",
                hint="xóa một trong hai dòng; YAML chỉ giữ lại giá trị sau cùng."))
            frame[3] = True
            return
        self.source.positions[path + (key,)] = (line, column)

    def _scalar(self, event, path: tuple):
        text = event.value
        if event.style not in (None, "") or event.tag is not None:  # quoted, block text or !!str
            return text
        if _GROUPED_INT.match(text):
            return int(text.replace(".", ""))
        if _DECIMAL.match(text) and not _PLUS_DECIMAL.match(text):
            if len(text.lstrip("+-")) > MAX_DIGITS:
                self._refuse(event, f"Số quá dài ({len(text.lstrip('+-'))} chữ số).",
                             "kiểm tra lại số; nếu là chữ, đặt trong dấu nháy kép \"…\".", path)
            return int(text)
        form = _number_form(text, self._constructor)
        if form is not None:
            return form
        tag = self._resolver.resolve(yaml.ScalarNode, text, (True, False))
        if tag == "tag:yaml.org,2002:str":
            self._comment_after(event, path)
            return text
        if tag == "tag:yaml.org,2002:null":
            if text:
                self.source.coerced[path] = text
            return None
        try:
            value = self._constructor.construct_object(yaml.ScalarNode(tag, text), deep=True)
        except (ValueError, ArithmeticError, OverflowError, yaml.YAMLError):
            # yyyy-02-30 looks like a date but is none; keep the text for the field to refuse.
            self.source.coerced[path] = text
            return text
        if tag == "tag:yaml.org,2002:bool" and text.lower() in _BOOL_WORDS:
            self.source.coerced[path] = text
        elif isinstance(value, (dt.date, bool, float)) or value is None and text:
            self.source.coerced[path] = text
        return value


    def _comment_after(self, event, path: tuple) -> None:
        """« #…» after an unquoted text on its line: YAML reads it as a comment and drops
        those words without a word (review bad11: «Cuộc vận động #năm» became «Cuộc
        vận động», a voucher «PC #01» became «PC»). A text can hold «#» only in
        quotes; a note for editors goes on a line of its own. After a number («buoc: 2
        # …») a comment stays allowed: no word of a number can be lost there."""
        mark = event.end_mark
        if mark.line >= len(self._lines):
            return
        comment = self._lines[mark.line][mark.column:].strip()
        if not comment.startswith("#"):
            return
        key = path[-1] if path and isinstance(path[-1], str) else ""
        whole = (event.value + " " + comment).replace("\\", "\\\\").replace('"', '\\"')
        shown = f'{key}: "{whole}"' if key else f'"{whole}"'
        self.paths[len(self.errors)] = path
        self.errors.append(DataError(
            self.source.path, mark.line + 1, self._lines[mark.line].index("#", mark.column) + 1, field_path(path),
            f"Chữ «{comment[:80]}» sau dấu « #» bị YAML coi là ghi chú và bị bỏ đi: website chỉ đọc được "
            f"«{event.value[-80:]}».",
            hint=f"đặt cả giá trị trong dấu nháy kép: {shown[:200]}. Nếu «#…» là ghi chú cho người biên tập, "
                 "hãy chuyển nó lên một dòng riêng phía trên."))


def _field_at(text: str, line: int, column: int) -> str:
    """The field whose value holds (line, column): the value read last before it."""
    probe = YamlSource("", None)
    try:
        _Builder(probe).build(yaml.parse(text, Loader=_FAST_LOADER or yaml.SafeLoader))
    except (_Refused, yaml.YAMLError):
        pass
    same_line = [(pos, path) for path, pos in probe.positions.items() if path and pos[0] == line]
    before = [(pos, path) for path, pos in probe.positions.items() if path and pos <= (line, column)]
    if same_line:
        left = [item for item in same_line if item[0][1] <= column]
        return field_path(max(left)[1] if left else min(same_line)[1])
    return field_path(max(before)[1]) if before else _key_on_line(text, line)


def _unreadable(text: str, display: str) -> list[DataError]:
    """Characters YAML cannot read (NUL, ESC and other control characters; a BOM
    or an odd line break inside the file): each with its line, column and field,
    never PyYAML's message without a line."""
    found = list(_UNREADABLE.finditer(text)) + [m for m in re.finditer("\ufeff", text)]
    if not found:
        return []
    clean = _UNREADABLE.sub("", text).replace("\ufeff", "")
    errors = []
    # YAML's line breaks: \r\n, \r or \n (a file saved with old Mac line ends has only \r).
    breaks = [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    for match in sorted(found, key=lambda m: m.start())[:MAX_ERRORS]:
        char = match.group()
        line = bisect.bisect_right(breaks, match.start()) + 1
        start = breaks[line - 2] if line > 1 else 0
        column = match.start() - start + 1
        name = _UNREADABLE_NAMES.get(char, "ký tự điều khiển") + f" (U+{ord(char):04X})"
        before = text[max(start, match.start() - 20): match.start()]
        before = _UNREADABLE.sub("", before).strip()
        shift = len(_UNREADABLE.findall(text[start: match.start()])) + text.count("\ufeff", start, match.start())
        errors.append(DataError(display, line, column, _field_at(clean, line, column - shift),
                                f"Tệp có {name} ở cột {column}" + (f", sau «{before}»" if before else "")
                                + ": ký tự này không nhìn thấy và không được có trong tệp dữ liệu.",
                                hint="xóa ký tự đó (xóa cả đoạn quanh đó rồi gõ lại); thường do chép từ "
                                     "phần mềm khác sang."))
    return errors


# Spaces other than the ordinary one where YAML needs a space: a no-break space (U+00A0,
# what Word and web pages paste) looks like indentation, or like the space after «- » or
# after «ten:», but is, for YAML, text; the parser then reports a misplaced colon or a
# wrong indent lines away, in another field.
_ODD = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_LEAD = re.compile(f"^[ \\-{_ODD}]*(?=[^\\s\\-])")  # indentation and list dashes
_ODD_AFTER_KEY = re.compile(f"^[ \\-]*[a-z_][a-z0-9_]*:([{_ODD}]+)")  # ten:<NBSP>Sa Thầy
_ODD_CHAR = re.compile(f"[{_ODD}]")
_SPACE_NAMES = {"\u00a0": "dấu cách không ngắt", "\u202f": "dấu cách hẹp không ngắt",
                "\u3000": "dấu cách chữ Hán"}


def _odd_indent(text: str, display: str) -> list[DataError]:
    """Special spaces in a line's indentation, after a list dash or after a field's colon:
    each named at its line and column, before parsing, with the field the line holds
    once the spaces are ordinary."""
    lines = text.split("\n")
    found = []  # (line, column, char, (start, end) of the span to make ordinary)
    for number, line in enumerate(lines, 1):
        if not _ODD_CHAR.search(line):
            continue
        for span in (_ODD_LEAD.match(line), _ODD_AFTER_KEY.match(line)):
            if span is None:
                continue
            lo, hi = span.span(1) if span.re is _ODD_AFTER_KEY else span.span()
            odd = _ODD_CHAR.search(line, lo, hi)
            if odd:
                found.append((number, odd.start() + 1, odd.group(), (lo, hi)))
    if not found:
        return []
    for number, _, _, (lo, hi) in found:
        line = lines[number - 1]
        lines[number - 1] = line[:lo] + _ODD_CHAR.sub(" ", line[lo:hi]) + line[hi:]
    fixed = "\n".join(lines)
    errors = []
    for number, column, char, (lo, hi) in found[:MAX_ERRORS]:
        where = "thụt lề" if lo == 0 else "làm dấu cách sau dấu hai chấm"
        name = _SPACE_NAMES.get(char, "dấu cách đặc biệt") + f" (U+{ord(char):04X})"
        errors.append(DataError(display, number, column, _field_at(fixed, number, hi + 1),
                                f"Dòng {number} {where} bằng {name} ở cột {column}, không phải dấu cách thường: "
                                "YAML không coi đó là dấu cách, dòng này sẽ bị đọc sai.",
                                hint="xóa khoảng trắng đó rồi gõ lại bằng phím cách (thường do chép từ Word "
                                     "hay trang web sang)."))
    return errors


_REPARSE_BYTES = 48 * 1024  # larger files keep libyaml's wording: re-reading would be slow


def _syntax_error_from(display: str, exc: yaml.YAMLError, text: str) -> DataError:
    """The message for a syntax error. libyaml's wording differs from PyYAML's, for
    which the hints are written: re-read with PyYAML to get its wording (only on error)."""
    if _FAST_LOADER is not None and len(text) <= _REPARSE_BYTES:
        try:
            for _ in yaml.parse(text, Loader=yaml.SafeLoader):
                pass
        except yaml.YAMLError as slow:
            exc = slow
    return _syntax_error(display, exc, text)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "một thư mục"
    if stat.S_ISFIFO(mode):
        return "một đường ống (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một tệp thiết bị"
    if stat.S_ISSOCK(mode):
        return "một socket"
    return "một tệp đặc biệt"


def not_regular(display: str, rel: str, mode: int | None) -> DataError:
    """A data file (or a folder on its way) that is a symlink or not a regular file.
    Names it, never what it points to: its target may be outside the repository."""
    if mode is None or stat.S_ISLNK(mode):
        message = (f"«{rel}» là một liên kết (symlink), không phải tệp thật: website không đọc liên kết "
                   "trong data/ (nó có thể trỏ ra ngoài kho).")
        hint = "thay liên kết bằng chính tệp (hoặc thư mục) đó, chép vào data/."
    else:
        message = f"«{rel}» là {_kind(mode)}, không phải tệp dữ liệu thường: website không đọc nó."
        hint = "xóa nó khỏi data/; mỗi tệp dữ liệu là một tệp chữ .yaml."
    return DataError(display, 0, 0, "", message, hint=hint)


def check_regular(file: Path, display: str) -> None:
    """Raise DataErrors unless `file` and every folder of `display` above it (from the
    repository root) is real: no symlink anywhere on the way, the file a regular file."""
    parts = PurePosixPath(display).parts
    file = Path(file)
    if len(parts) > 1 and file.parts[-len(parts):] == parts:
        root = Path(*file.parts[: -len(parts)]) if len(file.parts) > len(parts) else Path(".")
        steps = [(root.joinpath(*parts[: i + 1]), "/".join(parts[: i + 1])) for i in range(len(parts))]
    else:
        steps = [(file, display)]
    for number, (path, rel) in enumerate(steps, 1):
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            raise DataErrors([DataError(display, 0, 0, "", "Không tìm thấy tệp dữ liệu.")]) from None
        except OSError as exc:
            raise DataErrors([DataError(display, 0, 0, "", f"Không đọc được «{rel}» (lỗi hệ thống {exc.errno}).")]) from None
        last = number == len(steps)
        if stat.S_ISLNK(mode) or (last and not stat.S_ISREG(mode)) or (not last and not stat.S_ISDIR(mode)):
            if last and stat.S_ISDIR(mode):
                raise DataErrors([DataError(display, 0, 0, "", "Đây là thư mục, không phải tệp dữ liệu.")])
            raise DataErrors([not_regular(display, rel, mode)])


def read_bytes_bounded(file: Path, display: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular data file, refusing symlinks, special files (/dev/zero,
    a FIFO) and files over `limit`: the size is checked on the file opened, and
    never more than limit + 1 bytes are read, whatever st_size says."""
    check_regular(file, display)
    def too_big(size: int) -> DataErrors:
        return DataErrors([DataError(display, 0, 0, "", limits.file_error(size, limit),
                                     hint="tệp dữ liệu chỉ chứa chữ; kiểm tra có chép nhầm nội dung khác vào không.")])

    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        check_regular(file, display)  # changed since: say what it is now
        raise DataErrors([DataError(display, 0, 0, "", "Không mở được tệp dữ liệu.")]) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise DataErrors([not_regular(display, display, info.st_mode)])
        if info.st_size > limit:
            raise too_big(info.st_size)
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise too_big(len(raw))
    return raw


def read_yaml(file: Path, display: str, raw: bytes | None = None, kind: type = YamlSource) -> YamlSource:
    """Read `file`; raise DataErrors naming `display` (the path shown to editors). `raw`: its
    bytes, already read by read_bytes_bounded (the loader's memo keys them). `kind`: the source's
    class (loader.PlanSource names a section's fields by its kind: a key written twice too)."""
    source = kind(display, None)
    raw = read_bytes_bounded(file, display) if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([DataError(display, line, 1, "", "Tệp không lưu ở mã UTF-8.",
                                    hint="lưu lại tệp với bảng mã UTF-8.")]) from None
    text = text.removeprefix("\ufeff")
    unreadable = _unreadable(text, display) or _odd_indent(text, display)
    if unreadable:
        raise DataErrors(unreadable)
    builder = _Builder(source, text.split("\n") if "#" in text else None)
    try:
        source.data = builder.build(yaml.parse(text, Loader=_FAST_LOADER or yaml.SafeLoader))
    except _Refused as refused:
        raise DataErrors(builder.errors + [refused.error]) from None
    except yaml.YAMLError as exc:
        raise DataErrors([_syntax_error_from(display, exc, text)]) from None
    if builder.errors:
        # a field named as every other message names it («to_chuc_thuc_hien › …», review bad10 #11)
        raise DataErrors([replace(err, field=source.error(builder.paths[i], "").field) if i in builder.paths else err
                          for i, err in enumerate(builder.errors)])
    return source


def value_at(data, path: tuple):
    """The value at `path` (keys of mappings, indexes of lists) in data read from YAML; None when there is none."""
    for part in path:
        if isinstance(data, dict) and part in data or isinstance(data, list) and isinstance(part, int) \
                and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data

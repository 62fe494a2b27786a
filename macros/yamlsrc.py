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

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .numbers import format_number
from .errors import DataError, DataErrors, field_path

# libyaml where available: about ten times faster, same events and positions.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None

MAX_BYTES = 2 * 1024 * 1024  # a plan of 3,321 communes: don-vi.yaml ~0.4 MB
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
)


def _content_lines(text: str, upto: int):
    """(line number, text) of the lines before `upto` (1-based) that hold data, last first."""
    lines = text.splitlines()[: max(upto - 1, 0)]
    for number in range(len(lines), 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            yield number, lines[number - 1]


# A value that opens with a single quote: "ten: 'Sa Thầy" or "- 'VT".
_SINGLE_QUOTED_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s'\"#][^:#]*:\s+)?'")


def _unclosed_quote(text: str, upto: int) -> int | None:
    """The first line up to `upto` with an odd number of double quotes: a quote
    opened and never closed there. PyYAML reports such errors lines later."""
    for number, line in enumerate(text.splitlines()[:upto], 1):
        code = line.split(" #", 1)[0]
        if code.lstrip().startswith("#"):
            continue
        if (code.count('"') - code.count('\\"')) % 2:
            return number
        single = _SINGLE_QUOTED_START.match(code)
        if single and "'" not in code[single.end():].replace("''", ""):
            return number
    return None


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
            if ":" not in body and not body.startswith("-"):
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
    if refined:
        number, message, hint = refined
        return DataError(display, number, 1, "", "Lỗi cú pháp YAML. " + message,
                         hint=f"{hint} (máy đọc YAML chỉ nhận ra lỗi ở dòng {line}.)" if number != line else hint)
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in raw:
            return DataError(display, line, column, "", "Lỗi cú pháp YAML. " + message, hint=hint)
    return DataError(display, line, column, "", f"Lỗi cú pháp YAML ({raw.strip()}).",
                     hint="so với các dòng xung quanh, hoặc xem hướng dẫn biên tập.")


_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_UNDERSCORED = re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?$")
_BASED = re.compile(r"^[-+]?0([xob])([0-9a-fA-F_]+)$")
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
        return f"«{raw}» có số 0 ở đầu: YAML 1.1 không đọc được như một số"


def _number_form(text: str, constructor) -> NumberForm | None:
    """NumberForm for a plain scalar in a non-decimal number form, else None."""
    if not (_LEADING_ZERO.match(text) or _SEXAGESIMAL.match(text) or _UNDERSCORED.match(text)
            or _BASED.match(text)):
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


class _Refused(Exception):
    def __init__(self, error: DataError):
        self.error = error


class _Builder:
    """Builds plain values from parser events, recording each value's position."""

    def __init__(self, source: YamlSource):
        self.source = source
        self.errors: list[DataError] = []
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
        if _DECIMAL.match(text):
            if len(text.lstrip("+-")) > MAX_DIGITS:
                self._refuse(event, f"Số quá dài ({len(text.lstrip('+-'))} chữ số).",
                             "kiểm tra lại số; nếu là chữ, đặt trong dấu nháy kép \"…\".", path)
            return int(text)
        form = _number_form(text, self._constructor)
        if form is not None:
            return form
        tag = self._resolver.resolve(yaml.ScalarNode, text, (True, False))
        if tag == "tag:yaml.org,2002:str":
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


def read_yaml(file: Path, display: str) -> YamlSource:
    """Read `file`; raise DataErrors naming `display` (the path shown to editors)."""
    source = YamlSource(display, None)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise DataErrors([DataError(display, 0, 0, "", f"Tệp quá lớn ({format_number(size // 1024)} KB; tối đa {format_number(MAX_BYTES // 1024)} KB).",
                                        hint="tệp dữ liệu chỉ chứa chữ; kiểm tra có chép nhầm nội dung khác vào không.")])
        raw = file.read_bytes()
    except FileNotFoundError:
        raise DataErrors([DataError(display, 0, 0, "", "Không tìm thấy tệp dữ liệu.")]) from None
    except IsADirectoryError:
        raise DataErrors([DataError(display, 0, 0, "", "Đây là thư mục, không phải tệp dữ liệu.")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([DataError(display, line, 1, "", "Tệp không lưu ở mã UTF-8.",
                                    hint="lưu lại tệp với bảng mã UTF-8.")]) from None
    text = text.removeprefix("\ufeff")
    builder = _Builder(source)
    try:
        source.data = builder.build(yaml.parse(text, Loader=_FAST_LOADER or yaml.SafeLoader))
    except _Refused as refused:
        raise DataErrors(builder.errors + [refused.error]) from None
    except yaml.YAMLError as exc:
        raise DataErrors([_syntax_error_from(display, exc, text)]) from None
    if builder.errors:
        raise DataErrors(builder.errors)
    return source

"""Read one YAML file into plain Python values plus the position of every value.

PyYAML's loaders lose positions and silently keep the last of two duplicate keys.
Here the file is composed into nodes and built by hand, so that every error can
name its line and column, duplicate keys are errors, and the YAML 1.1 traps
(yes/no/on/off as booleans, dates, thousands written 5.000.000) are caught.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import DataError, DataErrors, field_path

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


def _unclosed_quote(text: str, upto: int) -> int | None:
    """The first line up to `upto` with an odd number of double quotes: a quote
    opened and never closed there. PyYAML reports such errors lines later."""
    for number, line in enumerate(text.splitlines()[:upto], 1):
        code = line.split(" #", 1)[0]
        if code.lstrip().startswith("#"):
            continue
        if (code.count('"') - code.count('\\"')) % 2:
            return number
    return None


def _refine(text: str, line: int, raw: str) -> tuple[int, str, str] | None:
    """Point at the line the editor must change, where PyYAML's mark is later."""
    quote = _unclosed_quote(text, line)
    if quote is not None and ("quoted scalar" in raw or "expected <block end>" in raw
                              or "could not find expected" in raw or "end of stream" in raw):
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


class _Builder:
    def __init__(self, source: YamlSource):
        self.source = source
        self.errors: list[DataError] = []
        self._constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: tuple):
        # A mapping value is positioned at its key (set by _mapping): that is the line
        # an editor looks for. Everything else at its own start.
        self.source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        out: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.errors.append(self.source.error(path, "Không dùng «<<» (gộp khóa) trong dữ liệu."))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(self.source.error(path, "Tên trường phải là chữ."))
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in out:
                self.errors.append(DataError(
                    self.source.path, line, key_node.start_mark.column + 1, field_path(path + (key,)),
                    f"Trường «{key}» được ghi hai lần (lần đầu ở dòng {first_line[key]}).",
                    hint="xóa một trong hai dòng; YAML chỉ giữ lại giá trị sau cùng."))
                continue
            first_line[key] = line
            self.source.positions[path + (key,)] = (line, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, path + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: tuple):
        if node.style:  # quoted or block text: always a string (plain: None, or "" from libyaml)
            return node.value
        text = node.value
        if _GROUPED_INT.match(text):
            return int(text.replace(".", ""))
        if node.tag == "tag:yaml.org,2002:str":
            return text
        value = self._constructor.construct_object(node, deep=True)
        if node.tag == "tag:yaml.org,2002:bool" and text.lower() in _BOOL_WORDS:
            self.source.coerced[path] = text
        elif isinstance(value, (dt.date, bool, float)) or value is None and text:
            self.source.coerced[path] = text
        elif node.tag == "tag:yaml.org,2002:int" and text != str(value):
            self.source.coerced[path] = text  # 0608, 0x10, 1_000: not what the editor sees
        return value


def read_yaml(file: Path, display: str) -> YamlSource:
    """Read `file`; raise DataErrors naming `display` (the path shown to editors)."""
    source = YamlSource(display, None)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataErrors([DataError(display, 0, 0, "", "Không tìm thấy tệp dữ liệu.")]) from None
    except UnicodeDecodeError as exc:
        line = file.read_bytes()[: exc.start].count(b"\n") + 1
        raise DataErrors([DataError(display, line, 1, "", "Tệp không lưu ở mã UTF-8.",
                                    hint="lưu lại tệp với bảng mã UTF-8.")]) from None
    try:
        # libyaml's composer (same nodes and marks, several times faster); on a syntax
        # error the pure-Python one again, whose messages _SYNTAX_HINTS knows.
        nodes = list(yaml.compose_all(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        try:
            nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise DataErrors([_syntax_error(display, exc, text)]) from None
    if len(nodes) != 1 or nodes[0] is None:
        message = "Tệp trống." if not nodes or nodes[0] is None else "Tệp chỉ được có một tài liệu YAML (bỏ dòng «---» thừa)."
        raise DataErrors([DataError(display, 1, 1, "", message)])
    builder = _Builder(source)
    source.data = builder.build(nodes[0], ())
    if builder.errors:
        raise DataErrors(builder.errors)
    return source

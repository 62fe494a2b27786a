"""The draft plan folder's files as text, and the plan's entry added to data/website.yaml.

YAML is written by PyYAML with fixed options (no sorting, the order of PLAN-FORMAT.md), so the
same file always gives the same bytes. website.yaml is edited as text: its comments and
layout stay as the editors wrote them; only the new entry's lines are added.
"""

import re

import yaml

HEADER = {
    "ke-hoach.yaml": (
        "# yaml-language-server: $schema=../../schema/ke-hoach.schema.json\n"
        "#\n"
        "# Bản nhập tự động từ tệp «{tep}» (python -m macros.import_plan), chép đúng từng chữ.\n"
        "# Người biên tập đối chiếu với văn bản gốc, làm từng việc trong can_xac_nhan và xoá\n"
        "# dòng đó khi xong; hết danh sách thì ghi da_doi_chieu: true trong yêu cầu hợp nhất\n"
        "# (pull request) đăng kế hoạch.\n"
        "# Tệp {tep} không còn được đọc lại: sửa ngay trong tệp này.\n\n"),
    "co-quan.yaml": (
        "# yaml-language-server: $schema=../../schema/co-quan.schema.json\n"
        "#\n"
        "# Cơ quan ban hành và các ban ghi ở phần tổ chức thực hiện, nhập tự động từ «{tep}».\n"
        "# Dòng để \"\" là dòng văn bản không có hoặc chưa đọc được: điền nếu văn bản gốc có.\n\n"),
    "don-vi.yaml": (
        "# yaml-language-server: $schema=../../schema/don-vi.schema.json\n"
        "#\n"
        "# Các đơn vị (xã, thôn …) của văn bản. Lệnh nhập từ «{tep}» để trống danh sách: các đơn vị\n"
        "# tìm thấy được nêu trong can_xac_nhan (ke-hoach.yaml). Chỉ thêm đơn vị khi mục tổ chức thực hiện\n"
        "# (phân công) đã được ghi dạng có cấu trúc (xem hướng dẫn biên tập).\n\n"),
}


class _Dumper(yaml.SafeDumper):
    """Every text a string when read back: PyYAML leaves «40.000.000», «1.5», «0123» or «2/3»
    plain, and the site's reader takes such plain words as numbers (macros/yamlsrc.py)."""


_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG


def _text(dumper, value: str):
    number_like = bool(re.match(r"[-+.\d]", value)) or \
        dumper.resolve(yaml.ScalarNode, value, (True, False)) != _STR
    # A space of any kind at either end (a non-breaking one too, which the reader would take for a wrong
    # indentation when written bare) is kept inside double quotes; so is a line break (written «\n»: one line).
    spaced = value[:1].isspace() or value[-1:].isspace() or bool(re.search("[\r\n]", value))
    return dumper.represent_scalar(_STR, value, style='"' if number_like or spaced else None)


_Dumper.add_representer(str, _text)


def dump(data) -> str:
    """Each text on its own line, never wrapped: an editor's wrong indentation on a later line is then
    reported at that line, not at the start of a text folded over several lines (yamlsrc.py)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=_NO_WRAP,
                     default_flow_style=False, indent=2)


_NO_WRAP = 1_000_000


# The text the import read, one paragraph a line, is written beside the draft's data and named by it
# (van_ban_goc): every check and build compares the plan page with it (macros/plan_words.py).
from ..datafiles import SOURCE_TEXT  # noqa: E402,F401  (named here for import_plan)


_LABEL_THEN_ITEM = re.compile(r"^([^:]{1,40}:)\s*([-+•]\s.*)$")


def source_text(blocks) -> str:
    """The paragraphs read, verbatim, one a line, in the file's order: a paragraph with the list marker Word drew
    («1.», «a)», «-») before its text; a table cell by cell, each of its paragraphs a line. Whitespace inside a
    paragraph (a line break, a tab) is folded to one space: the comparison folds whitespace only."""
    lines: list[str] = []

    def para(p, in_cell=False):
        marker = " ".join((p.marker or "").split())
        for k, piece in enumerate(re.split(r"[\n\v\f\u2028\u2029]", p.text)):  # a line break (Shift+Enter): a line
            text = " ".join(f"{marker if k == 0 else ''} {piece}".split())
            # A layout cell's label run on with its first item («Nơi nhận:- …»): the page prints the label as the
            # block's title and the item as its first line.
            label = _LABEL_THEN_ITEM.match(text) if in_cell else None
            for line in (label.groups() if label else (text,)):
                if any(c.isalnum() for c in line):  # a rule or ornament alone («***», «-----») is not compared
                    lines.append(line)

    for block in blocks:
        if hasattr(block, "rows"):
            if block.cells:
                for row in block.cells:
                    for cell in row:
                        for p in cell:
                            para(p, in_cell=True)
            else:
                lines += [" ".join(piece.split()) for row in block.rows for cell in row
                          for piece in re.split(r"[\n\v\f\u2028\u2029]", cell) if any(c.isalnum() for c in piece)]
        else:
            para(block)
    return "".join(line + "\n" for line in lines)


def files(result, tep: str, van_ban_goc: str | None = None) -> dict[str, str]:
    plan = {"nhap_tu_dong": {"tep": tep, "da_doi_chieu": False,
                             "can_xac_nhan": list(result.checklist)}}
    if van_ban_goc:
        plan["van_ban_goc"] = van_ban_goc
    plan.update(result.plan)
    if plan["van_ban"].get("nam") is None:  # no year in the file: the line is left out (PLAN-FORMAT.md)
        plan["van_ban"] = {k: v for k, v in plan["van_ban"].items() if k != "nam"}
    out = {"ke-hoach.yaml": dump(plan), "co-quan.yaml": dump(result.org)}
    out["don-vi.yaml"] = dump(result.units)
    return {name: HEADER[name].format(tep=tep) + text for name, text in out.items()}


def _quote(text: str) -> str:
    one_line = yaml.safe_dump(text, allow_unicode=True, width=1_000_000)
    return one_line.removesuffix("\n...\n").rstrip("\n") if text else '""'


def website_entry(text: str, thu_muc: str, ten: str) -> str | None:
    """website.yaml's text with the plan added at the end of ke_hoach, or None when it is there.

    The entry is placed after the last line of the ke_hoach list (its items are indented or
    start with «-»); comments and the other keys keep their place and bytes.
    """
    lines = text.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if re.match(r"ke_hoach\s*:", ln)), None)
    if start is None:
        return None
    if re.match(r"ke_hoach\s*:\s*\[\s*\]\s*(#.*)?$", lines[start].rstrip("\n")):  # an empty list written inline
        lines[start] = "ke_hoach:\n"
    if re.search(rf"^\s*-?\s*thu_muc\s*:\s*[\"']?{re.escape(thu_muc)}[\"']?\s*(#.*)?$", text, re.MULTILINE):
        return text
    end = start + 1
    last = start
    while end < len(lines):
        ln = lines[end]
        if ln.strip() and not ln.startswith((" ", "-", "\t", "#")):
            break
        if ln.strip() and not ln.lstrip().startswith("#"):
            last = end
        end += 1
    dash = next((ln[: len(ln) - len(ln.lstrip())] for ln in lines[start + 1: last + 1] if ln.lstrip().startswith("-")), "  ")
    entry = (f"{dash}- thu_muc: {thu_muc}\n{dash}  duong_dan: {thu_muc}/\n"
             f"{dash}  ten: {_quote(ten)}\n")
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    return "".join(lines[: last + 1]) + entry + "".join(lines[last + 1:])

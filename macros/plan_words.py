"""The plan page says what the document says (review bad11 #1): a plan whose data names the text of its document
(ke-hoach.yaml › van_ban_goc: a UTF-8 text file, one paragraph a line) is compared with it on every check and
every build, in-process: the plan page is rendered by its pure render function and Python-Markdown (as its PDF
is), its text read with htmlscan, and only whitespace folded.

- every line of the text is on the page, in order, as whole words (a missing line: the data field whose value
  makes the page differ, found by the page paragraph closest to the line and the words that differ);
- every text field of the plan file that the page prints as it is appears in the text (nothing added).

One change gives one error: every finding is keyed by the field it names, and a field is named once."""

import difflib
import re
import unicodedata
from html import unescape
from pathlib import Path, PurePosixPath

from . import htmlscan
from .datafiles import SOURCE_TEXT
from .errors import DataError
from .render.plan import plan_page
from .site import PLACEHOLDER, Site
from .templating import markdown
from .yamlsrc import read_bytes_bounded

FIELD = "van_ban_goc"
# Tags whose start or end ends a paragraph of the page's text (a block of its own).
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div", "tr", "ul", "ol", "table", "br",
           "blockquote", "section", "article"}
_INLINE_JOINED = {"abbr", "strong", "em", "b", "i", "u", "span", "a", "small", "sup", "sub", "mark", "code", "s"}  # inside a line: no space


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _find(hay: str, needle: str, start: int = 0, end: int | None = None) -> int:
    """Where `needle` is in hay[start:end] as whole words, not glued to a letter or a digit on either side («Lan»
    is not in «Lanh»); -1 when it is not (str.find, then its two neighbours: fast on every check and build)."""
    end = len(hay) if end is None else end
    head, tail = _word(needle[:1] or " "), _word(needle[-1:] or " ")
    at = hay.find(needle, start, end)
    while at >= 0:
        after = at + len(needle)
        if not (head and at > 0 and _word(hay[at - 1])) and not (tail and after < len(hay) and _word(hay[after])):
            return at
        at = hay.find(needle, at + 1, end)
    return -1


def _has(hay: str, needle: str) -> bool:
    return _find(hay, needle) >= 0


def page_blocks(site: Site) -> list[str]:
    """The plan page's text, paragraph by paragraph, whitespace folded."""
    html = str(markdown(plan_page(site)))
    blocks, now, skip = [], [], None
    for piece in htmlscan.scan(html):
        if skip:
            if piece.kind == "end" and piece.tag == skip:
                skip = None
            continue
        if piece.kind == "text":
            now.append(unescape(html[piece.start:piece.end]))
        elif piece.kind == "start" and piece.tag in ("script", "style"):
            skip = piece.tag
        elif piece.tag in _BLOCKS:
            blocks.append(squash("".join(now)))
            now = []
        elif piece.tag not in _INLINE_JOINED:
            now.append(" ")
    blocks.append(squash("".join(now)))
    return [b for b in blocks if b]


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, (*path, i))
    elif value is not None and not isinstance(value, bool):
        yield path, value


def _filled(site: Site, text: str) -> str:
    try:
        return squash(site.fill(text)) if PLACEHOLDER.search(text) else squash(text)
    except KeyError:
        return squash(text)


def _number_forms(n: int) -> set[str]:
    return {str(n), f"{n:02d}", f"{n:,}".replace(",", ".")}


def read_text(site: Site) -> tuple[str, list[tuple[int, str]]] | DataError | None:
    """(the text file's name, its lines (number, folded words), blank lines left out); an error when the named
    file cannot be read; None when the plan names no text."""
    src, name = site.sources.get("plan"), site.plan.van_ban_goc
    if src is None or not name or not name.strip():
        return None
    rel = PurePosixPath(name.strip())
    if rel.is_absolute() or ".." in rel.parts or "\\" in name:
        return src.error((FIELD,), "Tệp văn bản ghi bằng tên tệp trong thư mục kế hoạch, hoặc bằng đường dẫn tính "
                                   "từ thư mục dự án; không bắt đầu bằng «/», không có «..».", found=name,
                         hint=f"ví dụ: van_ban_goc: {SOURCE_TEXT} (trong thư mục kế hoạch), hoặc "
                              "van_ban_goc: source/ke-hoach.txt")
    if len(rel.parts) == 1:  # a bare name: beside the plan's data (what the import writes)
        rel = PurePosixPath(src.path).parent / rel
    path = Path(site.root) / rel
    if not path.is_file():
        return src.error((FIELD,), f"Không thấy tệp văn bản «{rel}» (đường dẫn tính từ thư mục dự án).", found=name,
                         hint="đặt tệp chữ của văn bản (mỗi đoạn một dòng) vào đúng chỗ này, hoặc sửa đường dẫn.")
    try:
        text = read_bytes_bounded(path, str(rel)).decode("utf-8-sig")
    except UnicodeDecodeError:
        return src.error((FIELD,), f"Tệp văn bản «{rel}» không phải chữ UTF-8.", found=name,
                         hint="mở tệp bằng trình soạn thảo, lưu lại với bảng mã UTF-8.")
    lines = [(n, squash(line)) for n, line in enumerate(text.splitlines(), 1)]
    return str(rel), [(n, line) for n, line in lines if line]


# Side by side, as Nghị định 30/2020 lays out a header (body | national name; number | place and date) and a
# closing (recipients | signature): a copy reads one column, then the other; the page reads across. A line found
# just before the reading point, within this many characters, is in its place.
BESIDE = 240


def _missing(lines: list[tuple[int, str]], page: str) -> list[tuple[int, str]]:
    """The lines not on the page, in order, as whole words; a missing line does not move the reading point."""
    pos, out = 0, []
    for n, line in lines:
        at = _find(page, line, pos)
        if at < 0:
            if _find(page, line, max(0, pos - BESIDE - len(line)), pos) < 0:
                out.append((n, line))
        else:
            pos = at + len(line)
    return out


def _closest(line: str, blocks: list[str]) -> str:
    best, score = "", 0.0
    for block in blocks:
        matcher = difflib.SequenceMatcher(None, line, block, autojunk=False)
        if matcher.real_quick_ratio() <= score or matcher.quick_ratio() <= score:
            continue
        ratio = matcher.ratio()
        if ratio > score:
            best, score = block, ratio
    return best if score >= 0.5 else ""


def _number_in(text: str, form: str) -> bool:
    """A figure as written, not a piece of a longer figure or a date (a year is not in «30/11/<year>»)."""
    return re.search(r"(?<![\d.,/])" + re.escape(form) + r"(?![.,/]?\d)", text) is not None


def _where(site: Site, block: str, page_seg: str, context: str):
    """The field of the plan file (or of co-quan.yaml) whose value makes the page say `page_seg` (or, for words
    the page lacks, holds the words around the gap): (source, path, value) or None. Text fields first, then
    figures."""
    leaves = [(src, path, value) for src in filter(None, (site.sources.get(k) for k in ("plan", "org")))
              for path, value in _leaves(src.data) if not (path and path[0] == FIELD)]
    texts = [(src, path, value, _filled(site, value)) for src, path, value in leaves
             if isinstance(value, str) and value.strip()]
    # a short field the differing words hold: a date, a name; of several with the same words («000.000» of three
    # table rows read as items, review r19t), the one whose item's other words are in the block
    held = [(src, path, value) for src, path, value, said in texts
            if page_seg and 2 * len(said) >= len(page_seg) and _has(page_seg, said) and _has(block, said)]
    if held:
        return max(held, key=lambda t: _siblings_in(t[0].data, t[1], block))
    for src, path, value in leaves:  # a figure written into a sentence: 5000000 as «5.000.000đ», 4 as «04»
        if page_seg and isinstance(value, int) and any(_number_in(page_seg, f) for f in _number_forms(value)):
            return src, path, str(value)
    probe = page_seg or context
    for src, path, value, said in texts:  # the paragraph's own field
        if probe and said in block and _has(said, probe):
            return src, path, value
    return None


def _siblings_in(data, path: tuple, block: str) -> int:
    """How many of the other text values beside the field at `path` (its item's number, title…) are in `block`."""
    parent = data
    for key in path[:-1]:
        try:
            parent = parent[key]
        except (KeyError, IndexError, TypeError):
            return 0
    if isinstance(parent, dict):
        others = [v for k, v in parent.items() if k != path[-1]]
    elif isinstance(parent, list):
        others = [v for i, v in enumerate(parent) if i != path[-1]]
    else:
        return 0
    return sum(1 for v in others if isinstance(v, str) and v.strip() and _has(block, squash(v)))


def _own_words_in(value: str, text: str) -> bool:
    """A field with placeholders whose own words are all in the text: what differs is a filled-in figure or
    date, said at the field it comes from (one change, one error)."""
    parts = PLACEHOLDER.split(squash(value))
    if len(parts) < 2:
        return False
    pattern = "".join(re.escape(part) if k % 2 == 0 else ".+?" for k, part in enumerate(parts))
    return re.search(pattern, text) is not None


def check(site: Site) -> list[DataError]:
    read = read_text(site)
    if read is None:
        return []
    if isinstance(read, DataError):
        return [read]
    name, lines = read
    src = site.sources["plan"]
    blocks = page_blocks(site)
    page = " ".join(blocks)
    errors: dict[tuple, DataError] = {}
    for n, line in _missing(lines, page):
        block = _closest(line, blocks)
        where, page_seg, text_seg, context = None, "", "", ""
        if block:
            a, b = line.split(), block.split()
            ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
            if ops:
                _, i1, i2, j1, j2 = ops[0]
                page_seg, text_seg = " ".join(b[j1:j2]), " ".join(a[i1:i2])
                context = " ".join(b[max(0, j1 - 3):j1 + 3])
                where = _where(site, block, page_seg, context)
        said = (f" Chỗ khác: văn bản ghi «{text_seg}», trang ghi «{page_seg}»." if page_seg and text_seg else
                f" Trang thiếu «{text_seg}»." if text_seg else f" Trang thêm «{page_seg}»." if page_seg else "")
        message = (f"Trang Kế hoạch không có dòng {n} của văn bản gốc ({name}) như văn bản viết: «{line}».{said}")
        if where is None:
            key = ("line", n)
            hint = (f"sửa {src.path} để trang Kế hoạch in đúng dòng này" + (f" (trang đang in: «{block}»)" if block else "")
                    + f"; nếu cơ quan đã ban hành văn bản sửa đổi, thay cả tệp {name}.")
            errors.setdefault(key, DataError(src.path, 0, 0, "", message, hint=hint))
            continue
        owner, path, value = where
        hint = (f"ghi trường này như văn bản (dòng {n} của {name}); nếu cơ quan đã ban hành văn bản sửa đổi, "
                f"thay cả tệp {name}.")
        errors.setdefault((owner.path, path), owner.error(path, message, found=str(value), hint=hint))
    text = " ".join(line for _, line in lines)
    for path, value in _leaves(src.data):
        if not isinstance(value, str) or (path and path[0] == FIELD) or (src.path, path) in errors:
            continue
        said = _filled(site, value)
        if not any(c.isalnum() for c in said):  # a rule or ornament («______», «***»): not the plan's words
            continue
        if len(said) < 2 or not _has(page, said) or _has(text, said) or _own_words_in(value, text):
            continue
        errors[(src.path, path)] = src.error(path, f"Trang Kế hoạch in nguyên văn trường này, nhưng văn bản gốc "
                                                   f"({name}) không có những chữ ấy: «{said}».", found=value,
                                             hint=f"chép đúng văn bản ({name}), không thêm, bớt, sửa chữ nào; nếu "
                                                  f"cơ quan đã ban hành văn bản sửa đổi, thay cả tệp {name}.")
    return list(errors.values())

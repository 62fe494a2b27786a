"""Which files hold each page's content: the file "Sửa trang này" opens, and the
files whose last change is the page's "Cập nhật lần cuối".

A page generated from data is changed in data/, and says so itself
(GeneratedPage.data_files, computed once per build). A page written by hand
in docs/ is changed there, unless it calls macros: an editor sent to a stub
holding only "{{ toan_van_ke_hoach() }}" would find nothing to change.
"""

import re
from dataclasses import dataclass

from ..site import Site
from .macro_list import MACRO_DATA  # the macros, declared once (macro_list.py)
from .pages import GeneratedPage

_MACRO_CALL = re.compile(r"\{\{-?\s*([a-zA-Z_]\w*)\s*\(")


@dataclass(frozen=True)
class PageSource:
    edit: str  # repository path opened by "Sửa trang này"
    files: tuple[str, ...]  # repository paths whose last commit dates the page


def page_source(site: Site, src_uri: str, markdown: str, generated: dict[str, GeneratedPage],
                docs_dir: str = "docs") -> PageSource:
    """Where the content of the page `src_uri` (a docs/-relative path) lives.
    A dictionary lookup for generated pages; `site` is the plan a hand-written page's macros show."""
    page = generated.get(src_uri)
    if page is not None:
        return PageSource(page.data_file, page.data_files)
    # Only the files the plan has (a plan may lack don-vi.yaml or bo-cong-cu.yaml).
    names = [n for call in _MACRO_CALL.findall(markdown) for n in MACRO_DATA.get(call, ()) if n in site.files]
    if names:
        files = tuple(dict.fromkeys(site.data_file(n) for n in names))
        return PageSource(files[0], files)
    own = f"{docs_dir}/{src_uri}"
    return PageSource(own, (own,))


# Signs of an address that was never filled in ("THAY-TEN-TO-CHUC", "<tổ-chức>").
_PLACEHOLDER_MARKS = ("THAY-TEN", "<", ">", "…")


def real_edit_base(edit_uri: str | None) -> str | None:
    """The repository address for "Sửa trang này", or None when none is configured:
    readers never get a link to a placeholder host."""
    base = (edit_uri or "").strip()
    if not base.startswith(("http://", "https://")) or any(mark in base for mark in _PLACEHOLDER_MARKS):
        return None
    return base

"""Relative links between pages; where each page lives is the outputs registry's
(macros/outputs.py), named here too for the render functions.

Paths are Markdown source paths ("don-vi/huyen-dak-glei.md"); MkDocs turns a
relative link to a .md file into the right URL and checks it exists.
"""

import posixpath
from functools import lru_cache

from ..outputs import (  # noqa: F401  (the render functions' names for them)
    ASSIGNMENTS, BUDGET, GLOSSARY, HANDBOOK, HOME, PLAN, REFERENCES, TIMELINE, TOOLKIT, UNIT_DIR, UNITS,
    chapter_page, form_page, plan_page_title, topic_page, unit_name, unit_page, unit_slug, unit_title,
)
from ..text import md_escape


def rel(target: str, current: str) -> str:
    """Link from the page `current` to the page `target`, both source paths."""
    return _relpath(target, posixpath.dirname(current) or ".")


@lru_cache(maxsize=65536)
def _relpath(target: str, folder: str) -> str:
    # Pure (both paths relative, so the working directory plays no part) and asked
    # about ten times per unit page with the same folder: 1 s of 3,321 unit pages.
    return posixpath.relpath(target, folder)


def md_link(text: str, target: str, current: str) -> str:
    return f"[{md_escape(text)}]({rel(target, current)})"


def unit_link(site, unit, text: str, current: str) -> str:
    """A link to the unit's page; its name alone when the plan has no unit pages (Site.has_units)."""
    return md_link(text, unit_page(unit), current) if site.has_units else md_escape(text)

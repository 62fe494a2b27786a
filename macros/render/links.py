"""Where each page lives, and relative links between them.

Paths are Markdown source paths ("don-vi/huyen-dak-glei.md"); MkDocs turns a
relative link to a .md file into the right URL and checks it exists.
"""

import posixpath
from functools import lru_cache

from ..model import Topic, Unit
from ..text import md_escape, slugify

HOME = "index.md"
PLAN = "ke-hoach.md"
ASSIGNMENTS = "phan-cong.md"
# Not don-vi/index.md: the same address (don-vi/), but with navigation.indexes Material would
# take an index.md for the index of the section that holds it (a plan's group on a site of several plans).
UNITS = "don-vi.md"
UNIT_DIR = "don-vi"
TIMELINE = "tien-do.md"
BUDGET = "kinh-phi.md"
HANDBOOK = "so-tay/index.md"
REFERENCES = "so-tay/van-ban.md"
GLOSSARY = "thuat-ngu.md"
TOOLKIT = "bo-cong-cu/index.md"


def unit_slug(unit: Unit) -> str:
    """"huyen-dak-glei": names the unit's page and its handout PDF."""
    return _slug(unit.cap + " " + unit.ten)


@lru_cache(maxsize=1 << 14)
def _slug(name: str) -> str:
    # A pure function of the name, memoised: the unit list, the tables and the
    # PDFs all ask for the same slugs.
    return slugify(name)


def unit_page(unit: Unit) -> str:
    return f"{UNIT_DIR}/{unit_slug(unit)}.md"


def topic_page(topic: Topic) -> str:
    return f"so-tay/{topic.ma}.md"


def chapter_page(stem: str) -> str:
    """A handbook chapter not tied to a topic (data/so-tay/<stem>.yaml)."""
    return f"so-tay/{stem}.md"


def form_page(slug: str) -> str:
    return f"bo-cong-cu/{slug}.md"


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


def unit_link(site, unit: Unit, text: str, current: str) -> str:
    """A link to the unit's page; its name alone when the plan has no unit pages (Site.has_units)."""
    return md_link(text, unit_page(unit), current) if site.has_units else md_escape(text)


def unit_name(unit: Unit) -> str:
    """"huyện Đăk Glei", as running text writes it."""
    return f"{unit.cap} {unit.ten}"


def unit_title(unit: Unit) -> str:
    """"Huyện Đăk Glei", as a title."""
    name = unit_name(unit)
    return name[0].upper() + name[1:]

"""Which files of a built site a reader needs, and the URL the site uses for each."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..outputs import file_url

LUNR_DIR = "assets/javascripts/lunr/"
PREVIEW_FOLDER = "assets/og/"  # macros/preview.py FOLDER


def _lunr_needed(path: str, langs: list[str]) -> bool:
    """Material copies lunr for every language; search loads only these."""
    name = path[len(LUNR_DIR):]
    wanted = {"min/lunr.stemmer.support.min.js"}
    wanted |= {f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    if len(langs) > 1:
        wanted.add("min/lunr.multi.min.js")
    if "ja" in langs:
        wanted.add("tinyseg.js")
    if {"hi", "th"} & set(langs):
        wanted.add("wordcut.js")
    return name in wanted


def needed(path: str, langs: list[str]) -> bool:
    """False for source maps and unused lunr languages: no page ever loads them;
    and for the .gz/.br copies beside text files (macros/compress.py), which a
    server sends in place of the file itself."""
    if path.endswith((".map", ".gz", ".br")) and not path.endswith("sitemap.xml.gz"):
        return False
    if path.startswith(PREVIEW_FOLDER):  # link-preview images: for link scrapers, not readers
        return False
    if path.startswith(LUNR_DIR):
        return _lunr_needed(path, langs)
    return True


def site_files(root: Path, langs: list[str], skip: tuple[str, ...] = ()) -> list[str]:
    """Relative POSIX paths of the files a reader needs, sorted (deterministic)."""
    out = []
    for file in root.rglob("*"):
        if file.is_file():
            rel = file.relative_to(root).as_posix()
            if rel not in skip and needed(rel, langs):
                out.append(rel)
    return sorted(out)


# The URL (relative to the site root) by which pages link to a file: "ke-hoach/index.html"
# -> "ke-hoach/", "index.html" -> "./" (the one URL rule, macros/outputs.py).
url_of = file_url


@dataclass(frozen=True)
class Entry:
    path: str
    url: str
    size: int
    sha: str  # sha256 of the content, hex


def entries(root: Path, paths: list[str]) -> list[Entry]:
    out = []
    for path in paths:
        data = (root / path).read_bytes()
        out.append(Entry(path, url_of(path), len(data), hashlib.sha256(data).hexdigest()))
    return out


def megabytes(size: int) -> str:
    """4_123_456 -> "4,1 MB" (1 MB = 1 000 000 bytes, Vietnamese decimal comma)."""
    return f"{size / 1_000_000:.1f}".replace(".", ",") + " MB"


def size_text(size: int) -> str:
    """A download's size as a reader sees it: megabytes (megabytes()) from 0.1 MB, below
    that whole kilobytes (1 KB = 1 000 bytes), so a small package never reads "0,0 MB":
    48_200 -> "49 KB", 570_000 -> "0,6 MB"."""
    if size >= 100_000:
        return megabytes(size)
    return f"{max(1, -(-size // 1000))} KB"

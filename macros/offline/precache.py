"""The service worker's precache list and version.

The version is a hash of every cached URL with the hash of its content,
computed after the build, so any change to any file gives a new version (and
a byte-different sw.js, which makes browsers install it) while an unchanged
build keeps it.
"""

import hashlib
import json
import re
from dataclasses import dataclass

from ..numbers import format_number
from .files import Entry

PLACEHOLDER = "/*__PRECACHE__*/null"
# PDFs are cached with the site while they are small together; above this
# they are cached when a reader opens one.
PDF_PRECACHE_LIMIT = 8_000_000
# Units' files (page, handout, calendar, report template) join the first-visit
# precache while the total (shared files and PDFs above included) stays within
# this; the shared pages, assets and search index are saved whatever their size.
# A cadre's cheap phone on slow 4G downloads it in the background: 12 MB is about
# a minute at 1.5 Mbit/s, and no more than the ZIP of the whole site may weigh
# (15 MB). The published plan of ten units (about 2 MB) fits whole; a plan of
# thousands does not (3,321 units: about 126 MB), so every unit that does not fit
# is saved when a reader opens it (sw.js: PRECACHE.onRequest).
PRECACHE_BUDGET = 12_000_000


def version(entries: list[Entry]) -> str:
    digest = hashlib.sha256()
    for entry in sorted(entries, key=lambda e: e.url):
        digest.update(f"{entry.url}\0{entry.sha}\n".encode())
    return digest.hexdigest()[:16]


def split_pdfs(entries: list[Entry], limit: int = PDF_PRECACHE_LIMIT) -> tuple[list[Entry], list[Entry]]:
    """(precached, on request): PDFs join the precache while their total fits `limit`."""
    pdfs = [e for e in entries if e.path.endswith(".pdf")]
    if sum(e.size for e in pdfs) <= limit:
        return entries, []
    return [e for e in entries if not e.path.endswith(".pdf")], pdfs


@dataclass(frozen=True)
class Split:
    cached: list[Entry]       # saved on the first visit, in the order given
    on_request: list[Entry]   # saved when a reader opens one
    units: tuple[int, int]    # (units saved on the first visit, units)
    pdfs: bool = False        # PDFs over their limit: every PDF on request


def split(entries: list[Entry], unit_files: list[list[str]] = (), *, budget: int = PRECACHE_BUDGET,
          pdf_limit: int = PDF_PRECACHE_LIMIT) -> Split:
    """PDFs as split_pdfs; then every file that belongs to no unit (pages, assets,
    search index) is saved whatever its size, and the units' files (`unit_files`:
    per unit, in order, its paths) join unit by unit while the total stays within
    `budget`: from the first unit that does not fit on, they are on request."""
    cached, on_request = split_pdfs(entries, pdf_limit)
    by_path = {e.path: e for e in cached}
    groups = [[by_path[p] for p in paths if p in by_path] for paths in unit_files]
    of_units = {e.path for group in groups for e in group}
    total = sum(e.size for e in cached if e.path not in of_units)
    later: set[str] = set()
    saved = 0
    for group in groups:
        size = sum(e.size for e in group)
        if not later and total + size <= budget:
            total += size
            saved += 1
        else:
            later.update(e.path for e in group)
    return Split([e for e in cached if e.path not in later],
                 on_request + [e for e in cached if e.path in later], (saved, len(groups)), bool(on_request))


def folders(urls: list[str], avoid: tuple[str, ...] = ()) -> list[str]:
    """The fewest URL prefixes that cover `urls` by their folders
    ("don-vi/x/" -> "don-vi/", "tai-ve/lich/x.ics" -> "tai-ve/lich/"), so sw.js
    stays small with thousands of files on request. A file at the root, or in a
    folder that also holds a URL of `avoid` (the ZIP), stands for itself."""
    out = set()
    for url in urls:
        folder = url.rstrip("/").rpartition("/")[0] + "/"
        out.add(url if folder == "/" or any(a.startswith(folder) for a in avoid) else folder)
    kept = []
    for prefix in sorted(out):
        if not any(prefix.startswith(k) for k in kept):
            kept.append(prefix)
    return kept


SAVED = "Đã lưu để đọc khi không có mạng."
OPEN_ONCE = ": mở một lần khi có mạng để lưu."


def saved_text(units: tuple[int, int], pdf: bool) -> str:
    """What the reader is told once the worker is installed (overrides/partials/offline.html):
    `units` saved of all; `pdf`: the PDFs (over their limit) are saved when opened."""
    saved, total = units
    text = SAVED
    if saved < total:
        text = (SAVED[:-1] + ": các trang chung"
                + (f" và {format_number(saved)} trên {format_number(total)} đơn vị" if saved else "")
                + ". Trang và tệp của " + ("các đơn vị khác" if saved else "từng đơn vị") + OPEN_ONCE)
    if pdf:
        text += " Tệp PDF" + OPEN_ONCE
    return text


def precache_data(entries: list[Entry], on_request: list[Entry] = (), units: tuple[int, int] = (0, 0),
                  avoid: tuple[str, ...] = (), pdfs: bool | None = None) -> dict:
    """The list sw.js carries. `pdfs`: whether the PDF rule left the PDFs out
    (None: any PDF on request)."""
    cached = sorted(entries, key=lambda e: e.url)
    on_request = list(on_request)
    return {
        "version": version(list(cached) + on_request),
        "bytes": sum(e.size for e in cached),
        # [url, short content hash]: an unchanged file is copied from the old cache
        "files": [[e.url, e.sha[:16]] for e in cached],
        # What is saved when opened: the folders it lies in (not a list of
        # thousands of files); the counts are what offline.html tells the reader.
        "onRequest": {
            "under": folders([e.url for e in on_request], avoid),
            "files": len(on_request),
            "bytes": sum(e.size for e in on_request),
            "units": list(units),
            "text": saved_text(units, any(e.path.endswith(".pdf") for e in on_request) if pdfs is None else pdfs),
        },
    }


HEADER = "/* Service worker for offline reading; source: overrides/assets/javascripts/sw.js */\n"


def render_sw(template: str, data: dict) -> str:
    """The template with its list filled in and its long header comment
    shortened (sw.js is fetched on a first visit: keep it small)."""
    if PLACEHOLDER not in template:
        raise ValueError(f"sw.js template lacks {PLACEHOLDER}")
    body = template[template.index('"use strict"'):] if '"use strict"' in template else template
    body = _without_comments(body.replace(PLACEHOLDER, "__PRECACHE__", 1))
    return HEADER + body.replace("__PRECACHE__", json.dumps(data, ensure_ascii=False, separators=(",", ":")), 1)


def _without_comments(code: str) -> str:
    """Our own sw.js without its /* */ comments, its "  // " line ends and blank
    lines (its strings hold neither). Not a minifier: the code stays readable."""
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    lines = (re.sub(r"\s+// .*$", "", line).rstrip() for line in code.splitlines())
    return "\n".join(line for line in lines if line) + "\n"

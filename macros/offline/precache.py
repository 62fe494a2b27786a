"""The service worker's precache list and version.

The version is a hash of every cached URL with the hash of its content,
computed after the build, so any change to any file gives a new version (and
a byte-different sw.js, which makes browsers install it) while an unchanged
build keeps it.
"""

import hashlib
import json

from .files import Entry

PLACEHOLDER = "/*__PRECACHE__*/null"
# PDFs are cached with the site while they are small together; above this
# they are cached when a reader opens one (the list shows their sizes).
PDF_PRECACHE_LIMIT = 8_000_000


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


def precache_data(entries: list[Entry], on_request: list[Entry] = ()) -> dict:
    cached = sorted(entries, key=lambda e: e.url)
    return {
        "version": version(list(cached) + list(on_request)),
        "bytes": sum(e.size for e in cached),
        # [url, short content hash]: an unchanged file is copied from the old cache
        "files": [[e.url, e.sha[:16]] for e in cached],
        "onRequest": [[e.url, e.size] for e in sorted(on_request, key=lambda e: e.url)],
    }


HEADER = "/* Service worker for offline reading; source: overrides/assets/javascripts/sw.js */\n"


def render_sw(template: str, data: dict) -> str:
    """The template with its list filled in and its long header comment
    shortened (sw.js is fetched on a first visit: keep it small)."""
    if PLACEHOLDER not in template:
        raise ValueError(f"sw.js template lacks {PLACEHOLDER}")
    body = template[template.index('"use strict"'):] if '"use strict"' in template else template
    return HEADER + body.replace(PLACEHOLDER, json.dumps(data, ensure_ascii=False, separators=(",", ":")), 1)

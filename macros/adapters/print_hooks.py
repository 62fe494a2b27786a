"""MkDocs side of the printouts: "Tải PDF" links on pages, and the PDFs written
after the build (macros/pdf/ does the work; this file only wires it in).

Where WeasyPrint cannot run, the HTML site still builds and the log says why the
PDFs were skipped; under CI=true that is an error, because CI must ship them.
"""

import logging
import os
import posixpath
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.adapters import serve_hooks, state
from macros.pdf import article, paths, writer
from macros.pdf.documents import Chapter
from macros.render import links

# Not under "mkdocs.": a skip is reported but does not fail a --strict build
# on a machine without Pango (Python's last-resort handler prints it).
log = logging.getLogger("kontum.print")
_chapters: dict[str, tuple[str, Path]] = {}  # src path -> (article HTML, built file)
_checked: dict[str, str | None] = {}

# Under `mkdocs serve` (scripts/serve.sh) PDFs are not made: WeasyPrint took most
# of every rebuild. KONTUM_PDF=0 skips them in any build; `mkdocs build` and
# scripts/build.py make them.
SERVE_NOTE = ('<p class="pdf-download"><small>Bản xem thử này (<code>scripts/serve.sh</code>) không tạo tệp PDF '
              "để trang cập nhật nhanh; tệp PDF được tạo khi chạy <code>.venv/bin/python scripts/build.py</code>."
              "</small></p>")


def pdfs_off() -> bool:
    return serve_hooks.serving() or os.environ.get("KONTUM_PDF") == "0"


def _skip_reason() -> str | None:
    if "reason" not in _checked:
        _checked["reason"] = writer.unavailable_reason()
    return _checked["reason"]


def _page_dir(url: str) -> str:
    return url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)


def add_download_link(markdown: str, page) -> str:
    target = paths.pdf_for_page(state.current()).get(page.file.src_uri)
    if target is None:
        return markdown
    if pdfs_off():
        link = SERVE_NOTE + "\n\n"
    elif _skip_reason():
        return markdown
    else:
        href = posixpath.relpath(target, _page_dir(page.url) or ".")
        link = paths.download_link(href) + "\n\n"
    if markdown.startswith("# "):  # after the page title
        title, _, rest = markdown.partition("\n")
        return f"{title}\n\n{link}{rest}"
    return link + markdown


def remember_page(output: str, page, config) -> None:
    """Keep the article of each handbook page for the handbook PDF."""
    section = paths.section_pages(config["nav"] or [], links.HANDBOOK)
    if page.file.src_uri in section:
        _chapters[page.file.src_uri] = (article.article_html(output),
                                        Path(config["site_dir"]) / page.file.dest_uri)


def write_pdfs(config) -> None:
    _checked.clear()
    if pdfs_off():
        _chapters.clear()
        return
    reason = _skip_reason()
    if reason:
        message = (f"Không tạo các tệp PDF vì không chạy được WeasyPrint ({reason}); website HTML vẫn được tạo. "
                   f"PDFs skipped: WeasyPrint cannot run here ({reason}); the HTML site was still built. "
                   "Cài đặt / install: pip install -r requirements.txt; apt-get install libpango-1.0-0 "
                   "libpangoft2-1.0-0 fonts-liberation2")
        if os.environ.get("CI") == "true":
            raise PluginError(message)
        log.warning(message)
        return
    site = state.current()
    section = paths.section_pages(config["nav"] or [], links.HANDBOOK)
    chapters, title = [], None
    for src in section:
        if src in _chapters:
            body, built = _chapters[src]
            heading = article.first_heading(body) or src
            title = title or heading
            chapters.append(Chapter(heading, article.printable(body, built)))
    _chapters.clear()
    start = time.perf_counter()
    written = writer.write_all(site, Path(config["site_dir"]), title, chapters)
    total = sum(w.size for w in written)
    logging.getLogger("mkdocs.plugins.kontum-print").info(
        f"Đã tạo {len(written)} tệp PDF / wrote {len(written)} PDFs "
        f"({total // 1024} KB) in {time.perf_counter() - start:.1f} s")

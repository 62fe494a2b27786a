"""MkDocs side of the printouts: "Tải PDF" links on pages, the handbook pages'
articles kept as they are built, and the PDFs written after the build
(macros/pdf/ does the work; this file only wires it in).

Where WeasyPrint cannot run, the HTML site still builds and the log says why the
PDFs were skipped; under CI=true that is an error, because CI must ship them.
Under `mkdocs serve` (scripts/serve.sh) PDFs are not made: WeasyPrint took most
of every rebuild. The plugin's `pdf` setting (macros/adapters/plugin.py; default
KONTUM_PDF): "0" skips them in any build (HTML-only builds, benchmarks); "all"
writes every PDF again instead of reusing the unchanged ones (macros/pdf/writer.py);
"changed" (the default) makes what changed. Every switch is read from the build's
Settings (build_state.py), none from the environment.
"""

import logging
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.adapters.build_state import BuildState
from macros.pdf import article, paths, writer
from macros.outputs import REPORT, page_url
from macros.pdf.documents import Chapter
from macros.pdf.report import report_pdf
from macros.render.pages import after_title
from macros.templating import render

# Not under "mkdocs.": a skip is reported but does not fail a --strict build
# on a machine without Pango (Python's last-resort handler prints it).
log = logging.getLogger("kontum.print")


def serve_note() -> str:
    """In place of the "Tải PDF" line under serve (macros/templates/pdf_serve_note.html)."""
    return render("pdf_serve_note.html").strip()


def _page_dir(url: str) -> str:
    return url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)


def add_download_link(markdown: str, page, state: BuildState) -> str:
    target = state.catalog.pdf_target(page.file.src_uri)
    if target is None:
        return markdown
    if state.settings.pdfs_off:
        if not state.settings.serving:
            return markdown  # an HTML-only build (pdf: "0") may be published: no note for editors
        link = serve_note()
    elif state.pdf_skip_reason():
        return markdown
    else:
        link = paths.download_link(posixpath.relpath(target, _page_dir(page.url) or "."))
    return after_title(markdown, link + "\n")


def remember_page(output: str, page, config, state: BuildState) -> None:
    """Keep the article of each handbook page for the handbook PDF (only when this
    build makes PDFs: serve and pdf: "0" would parse pages for nothing)."""
    if state.settings.pdfs_off or not state.catalog.pdf_ok:
        return
    site = state.site_of(page.file.src_uri)
    if page.file.src_uri in state.catalog.handbook.get(site.key, ()):
        state.articles[page.file.src_uri] = (article.article_html(output),
                                             Path(config["site_dir"]) / page.file.dest_uri)


def _page_url(base: str, src: str) -> str:
    """The address of a page of the built site (directory URLs) from its source path."""
    return base.rstrip("/") + "/" + page_url(src)


def _page_urls(config, state: BuildState) -> dict[str, str]:
    """Issue 23: PDF path -> the address of the page it prints, for the QR code in its
    margin; none when the site's address (site_url) is not known."""
    if not config.site_url:
        return {}
    out = {pdf: _page_url(config.site_url, src) for src, pdf in state.catalog.pdf_for_page.items()}
    for site in state.website.plans:
        out.setdefault(report_pdf(site), _page_url(config.site_url, site.prefix + REPORT))
    return out


def cache_dir(state: BuildState) -> Path:
    """The PDFs' content-addressed cache (the plugin's cache_dir, KONTUM_CACHE_DIR, or .cache/)."""
    return state.settings.cache_root(state.root) / writer.CACHE_DIR.name


def write_pdfs(config, state: BuildState) -> "writer.Report | None":
    """The PDFs of every plan; the report of what was made and reused (None: none written)."""
    if state.settings.pdfs_off:
        state.articles.clear()
        return None
    reason = state.pdf_skip_reason()
    if reason:
        message = (f"Không tạo các tệp PDF vì không chạy được WeasyPrint ({reason}); website HTML vẫn được tạo. "
                   f"PDFs skipped: WeasyPrint cannot run here ({reason}); the HTML site was still built. "
                   "Cài đặt / install: pip install -r requirements.txt; apt-get install libpango-1.0-0 "
                   "libpangoft2-1.0-0 fonts-liberation2")
        if state.settings.pdf_required:  # CI=true
            raise PluginError(message)
        log.warning(message)
        return None
    report = writer.Report()
    for site in state.website.plans:
        chapters, title = [], None
        for src in state.catalog.handbook[site.key]:
            if src in state.articles:
                body, built = state.articles[src]
                heading = article.first_heading(body) or src
                title = title or heading
                chapters.append(Chapter(heading, article.printable(body, built)))
        report += writer.write_all(site, Path(config["site_dir"]), title, chapters,
                                   cache_dir=cache_dir(state), force=state.settings.pdf == "all",
                                   page_urls=_page_urls(config, state))
    state.articles.clear()
    # Also in a cache shared by several builds (KONTUM_CACHE_DIR, CI), like the other caches: a PDF no
    # document of this build is made from goes (a running plan's notice holds the build's date, so
    # every commit's PDFs of such a plan would stay otherwise; issue 24).
    writer.prune_cache(cache_dir(state), report.keys)
    logging.getLogger("mkdocs.plugins.kontum-print").info(report.summary())
    return report

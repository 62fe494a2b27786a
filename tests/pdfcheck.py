"""Reading the PDFs the build writes: pages, text by region, fonts (pdfplumber, pypdf, poppler);
writing them in-process with one Printer per process, each document once (issue 22)."""

import atexit
import functools
import hashlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
import unicodedata

MM = 72 / 25.4
A4_W, A4_H = 595.28, 841.89
# Nghị định 30/2020 minimums; print.css uses 20/16/20/30 mm (see its comment).
TOP, RIGHT, BOTTOM, LEFT = 20 * MM, 15 * MM, 20 * MM, 30 * MM
CSS_RIGHT = 16 * MM
TOL = 0.5  # pt


def squash(text: str) -> str:
    """NFC, every run of whitespace (NBSP included) one space."""
    return " ".join(unicodedata.normalize("NFC", text or "").replace("\u00a0", " ").split())


def nospace(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text or ""))


def region(page, x0, x1, top=0, bottom=None) -> str:
    bottom = page.height if bottom is None else bottom
    return squash(page.crop((x0, top, x1, bottom)).extract_text())


def body_chars(page):
    """Visible characters below the top margin (not the page number)."""
    return [c for c in page.chars if c["text"].strip() and c["top"] >= TOP - TOL]


def fonts(path) -> dict[str, bool]:
    """Base font name -> embedded?"""
    import pypdf

    found = {}
    for page in pypdf.PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fd = desc["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def font_family(fontname: str) -> str:
    """"ABCDEF+Liberation-Serif-Bold" -> "Liberation-Serif-Bold"."""
    return re.sub(r"^[A-Z]{6}\+", "", fontname)


def require_weasyprint() -> None:
    """Skip PDF tests where WeasyPrint cannot run (the build skips the PDFs too),
    but never under CI=true, where the PDFs are part of the product."""
    import os

    import pytest

    from macros.pdf.writer import unavailable_reason

    reason = unavailable_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"WeasyPrint is required in CI: {reason}")
        pytest.skip(f"WeasyPrint cannot run here: {reason}")


@functools.lru_cache(maxsize=None)
def _printer(root: Path):
    from macros.pdf.writer import Printer

    return Printer(root=root)


def _root(site=None, root: Path | None = None) -> Path:
    from tests.sitebuild import ROOT

    return Path(root if root is not None else site.root if site is not None else ROOT).resolve()


def printer(site=None, root: Path | None = None):
    """The Printer (macros/pdf/writer.py) of this test process for the project at `root`
    (else `site`'s root; else the repository), made once: its fonts and stylesheets cost
    ~0.3 CPU-s each time (issue 22: ~3.3 CPU-s of the suite made a Printer per test). The
    build does the same (writer._render_share: one Printer writes every PDF of a worker,
    of every kind): a Printer keeps only its root's stylesheets and the fonts they name."""
    return _printer(_root(site, root))


@dataclass(frozen=True)
class Printed:
    path: Path  # read only: shared by every test of the run that prints the same document
    pages: int


# "dir" -> where print_pdf keeps what it printed: the run's temp dir shared by its pytest-xdist
# workers (conftest: _pdfs_printed_once), else a folder of this process removed when it exits.
PRINTED_DIR: dict[str, Path] = {}


def _printed_dir() -> Path:
    if "dir" not in PRINTED_DIR:
        folder = Path(tempfile.mkdtemp(prefix="pdfcheck-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        PRINTED_DIR["dir"] = folder
    return PRINTED_DIR["dir"]


def print_pdf(html: str, kind: str, meta, site=None, root: Path | None = None) -> Printed:
    """`html` printed as a PDF of `kind` with `meta` by this process's Printer (printer()),
    once per run for every test and worker that prints the same document (the same HTML,
    kind, metadata, stylesheets' root; tests/sitebuild.py: made_once): the compiled report of
    tests/results_fixtures.py alone was printed by three files (~0.6 CPU-s each, issue 22).
    The file is shared: read it, never change it."""
    from tests.sitebuild import made_once

    where = _root(site, root)
    h = hashlib.sha256()
    for part in (str(where), kind, meta.title, meta.author, meta.subject, meta.lang, html):
        h.update(b"\0" + part.encode())
    out = _printed_dir() / f"{h.hexdigest()}.pdf"
    count = out.with_name(out.stem + ".pages")

    def make(temp: Path):
        document = printer(root=where).write(html, kind, meta, temp)
        count.write_text(str(len(document.pages)), encoding="utf-8")

    made_once(out, make)
    return Printed(out, int(count.read_text(encoding="utf-8")))


def write_job(site, job, site_dir) -> Path:
    """One PDF job (macros/pdf/writer.Job) written into site_dir as the build's writer
    writes it (writer.Printer, no cache, no worker processes); the path written. Printed
    once per process (print_pdf), copied here."""
    out = Path(site_dir) / job.rel
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(print_pdf(job.html, job.kind, job.meta, site).path, out)
    return out


def pdftotext_pages(path, *args: str) -> list[str]:
    """The text of each page by poppler's pdftotext (`args`: e.g. "-raw", "-layout"), one
    string a page: ~35× less CPU than pypdf's extract_text (tests/test_escaping.py, issue 22).
    For tests that assert text only; where positions, fonts or sizes are asserted, pdfplumber."""
    if shutil.which("pdftotext") is None:
        import os

        import pytest

        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is required in CI")
        pytest.skip("poppler-utils missing")
    text = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", *args, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]  # each page ends with a form feed

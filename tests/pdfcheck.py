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

import pypdf

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


def printer(site=None, root: Path | None = None):
    """The Printer (macros/pdf/writer.py) of this test process for the project at `root`
    (else `site`'s root; else the repository), made once: its fonts and stylesheets cost
    ~0.3 CPU-s each time (issue 22: ~3.3 CPU-s of the suite made a Printer per test). The
    build does the same (writer._render_share: one Printer writes every PDF of a worker,
    of every kind): a Printer keeps only its root's stylesheets and the fonts they name."""
    from tests.sitebuild import ROOT

    return _printer(Path(root if root is not None else site.root if site is not None else ROOT).resolve())


@dataclass(frozen=True)
class Printed:
    path: Path  # read only: shared by every test of this process that prints the same document
    pages: int


_PRINTED: dict[str, Printed] = {}  # content key -> the PDF already written (this process)
_PRINTED_DIR: dict[str, Path] = {}  # "dir" -> where (removed when the process exits)


def _printed_dir() -> Path:
    if "dir" not in _PRINTED_DIR:
        folder = Path(tempfile.mkdtemp(prefix="pdfcheck-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _PRINTED_DIR["dir"] = folder
    return _PRINTED_DIR["dir"]


def print_pdf(html: str, kind: str, meta, site=None, root: Path | None = None) -> Printed:
    """`html` printed as a PDF of `kind` with `meta` by this process's Printer (printer()),
    once per process for every test that prints the same document (the same HTML, kind,
    metadata, stylesheets' root): the compiled report of tests/results_fixtures.py alone was
    printed by three files (~0.6 CPU-s each, issue 22). The file is shared: read it, never
    change it."""
    pr = printer(site, root)
    h = hashlib.sha256()
    for part in (str(pr.root), kind, meta.title, meta.author, meta.subject, meta.lang, html):
        h.update(b"\0" + part.encode())
    key = h.hexdigest()
    if key not in _PRINTED:
        out = _printed_dir() / f"{key}.pdf"
        document = pr.write(html, kind, meta, out)
        out.chmod(0o444)
        _PRINTED[key] = Printed(out, len(document.pages))
    return _PRINTED[key]


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

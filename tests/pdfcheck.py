"""Reading the PDFs the build writes: pages, text by region, fonts (pdfplumber, pypdf)."""

import re
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


def write_job(site, job, site_dir) -> Path:
    """One PDF job (macros/pdf/writer.Job) written into site_dir as the build's writer
    writes it (writer.Printer, no cache, no worker processes); the path written."""
    from macros.pdf.writer import Printer

    out = Path(site_dir) / job.rel
    Printer(site).write(job.html, job.kind, job.meta, out)
    return out

"""Verbatim means verbatim (issue 20, item 8): every line of the source plan
(source/ke-hoach-2023.txt) appears character for character in the plan page's
text and in the plan PDF's extracted text. Only whitespace is folded (runs of
spaces, tabs, line wrapping); punctuation, spacing around it, letter case and
spelling are compared as they are: «tỉnh;(B/c)», «các huyện,TP;», «Lưu VT, VP,
BPT.», «(Đã Ký)», «______»."""

import unicodedata

import pdfplumber
import pytest

from macros.loader import load_site
from macros.pdf import paths
from tests.pdfcheck import TOP, require_weasyprint, squash
from tests.sitebuild import ROOT, page_text

SOURCE = ROOT / "source" / "ke-hoach-2023.txt"
DATA = load_site(ROOT)


def source_lines() -> list[str]:
    lines = [squash(line) for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def missing_from(text: str) -> list[str]:
    text = squash(text)
    return [line for line in source_lines() if line not in text]


def test_source_has_the_lines_the_issue_names():
    """The comparison below is against these exact characters."""
    lines = source_lines()
    for expected in ["- Đ/c Chủ tịch, Phó Chủ tịch UBMTTQVN tỉnh;(B/c)", "- BTT Ủy ban MTTQVN các huyện,TP; (P/h, T/h)",
                     "- Lưu VT, VP, BPT.", "(Đã Ký)", "______"]:
        assert expected in lines, expected


def test_plan_page_holds_every_source_line_verbatim(site):
    missing = missing_from(page_text(site, "ke-hoach/index.html"))
    assert not missing, "\n".join(missing)


def _join(lines: list[str]) -> str:
    """Lines of a PDF text column back into running text: a line broken after a
    slash or a hyphen glued to its word ("huyện/" + "thành phố") had no space there."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        glued = out and (out.endswith("/") or (out.endswith("-") and not out.endswith(" -")))
        out += ("" if glued or not out else " ") + line
    return out


def pdf_texts(path) -> list[str]:
    """The whole document's text, once read across the page and once per half
    page (the recipients and the signature sit side by side)."""
    full, left, right = [], [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            body = page.crop((0, TOP, page.width, page.height))  # below the page number
            half = page.width / 2
            full += (body.extract_text() or "").splitlines()
            left += (page.crop((0, TOP, half, page.height)).extract_text() or "").splitlines()
            right += (page.crop((half, TOP, page.width, page.height)).extract_text() or "").splitlines()
    return [unicodedata.normalize("NFC", _join(lines)) for lines in (full, left, right)]


def test_plan_pdf_holds_every_source_line_verbatim(site):
    require_weasyprint()
    texts = [squash(t) for t in pdf_texts(site / paths.plan_pdf(DATA))]
    missing = [line for line in source_lines() if not any(line in t for t in texts)]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("changed", ["tỉnh; (B/c)", "các huyện, TP;", "Lưu: VT", "(Đã ký)"])
def test_the_old_rewrites_are_gone(site, changed):
    assert changed not in page_text(site, "ke-hoach/index.html")

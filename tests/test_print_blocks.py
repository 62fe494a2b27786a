"""How a plan kept as written (an import's verbatim blocks, templates/plan_blocks.html) prints: in-process,
on the verbatim fixture plan (tests/fixtures/ke-hoach-nguyen-van) with its second section's blocks
replaced, through the build's PDF writer (WeasyPrint, the project's stylesheets)."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from macros.loader import load_website
from macros.pdf import documents
from tests.pdfcheck import require_weasyprint
from tests.sitebuild import ROOT
from tests.test_plan_shapes import _verbatim_project


def _site(tmp_path: Path, blocks: list, change=None):
    """The verbatim fixture with `blocks` as its second section's (`doan`), its data through `change`."""
    root = _verbatim_project(tmp_path)
    path = root / "data" / "ke-hoach-mau" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["muc"][1]["doan"] = blocks
    if change is not None:
        change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_website(root).plans[0]


def _pdf_pages(site, tmp_path: Path) -> list[str]:
    """The plan's PDF, as the build writes it, one string of text per page."""
    require_weasyprint()
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils missing")
    from macros.pdf.writer import Printer
    out = tmp_path / "ke-hoach.pdf"
    Printer(root=ROOT).write(documents.plan_document(site), "plan", documents.plan_metadata(site), out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def _page_of(pages: list[str], words: str) -> int:
    found = [i for i, text in enumerate(pages) if words in text]
    assert len(found) == 1, (words, found)
    return found[0]


# --- a table's caption stays with its table (review r19h, document 1, defect 4) --------------------

FILLER = ("Đoạn văn mẫu số {} dùng để kiểm thử, đủ dài để chiếm hai dòng trên trang in khổ A4 của văn bản, "
          "không mang nội dung của kế hoạch nào.")
CAPTION = "Bảng 2. Kinh phí mẫu dùng để kiểm thử"
TABLE = {"bang": [["TT", "Nguồn mẫu", "Số tiền (đồng)"], ["1", "Đóng góp mẫu", "100.000"],
                  ["2", "Tài trợ mẫu", "200.000"]], "dong_tieu_de": 1}
# Paragraphs before the caption that fill page 1 to its last line but one: the caption falls at its foot.
FILL = 27


def test_a_caption_is_never_left_alone_at_the_foot_of_a_page(tmp_path):
    site = _site(tmp_path, [*(FILLER.format(i) for i in range(1, FILL + 1)), CAPTION, TABLE])
    pages = _pdf_pages(site, tmp_path)
    table = _page_of(pages, "Nguồn mẫu")
    # The page breaks next to the caption (else the test proves nothing): the filler before it sits
    # on the page before the table's.
    assert _page_of(pages, FILLER.format(FILL)[:40]) == table - 1, pages
    assert _page_of(pages, CAPTION) == table, pages
    assert documents.plan_document(site).count('<p class="vb-before-table">') == 1

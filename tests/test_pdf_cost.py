"""Issue 24: a unit sheet costs only what it shows. WeasyPrint lays out a margin box on
every page when a rule gives it content, even content that resolves to nothing: the
bottom-left box of an import's draft sentence or the report's draft line (about 5 % of
a sheet). Only a document holding one of those running elements gets that box; the
others keep their look (the box was empty) and their bytes."""

import pytest

from macros.pdf import documents, writer
from tests.results_fixtures import SITE


@pytest.fixture(scope="module")
def printer():
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint cannot run here")
    return writer.Printer(SITE)


def _margin_boxes(document) -> list[set[str]]:
    return [{box.at_keyword for box in page._page_box.children if hasattr(box, "at_keyword")}
            for page in document.pages]


def test_a_sheet_without_a_draft_line_lays_out_no_bottom_left_box(printer, tmp_path):
    code = SITE.units[0].ma
    html = documents.handout_document(SITE, code, "https://vi-du.invalid/don-vi/x/")
    document = printer.write(html, "handout", documents.handout_metadata(SITE, code), tmp_path / "a.pdf")
    boxes = _margin_boxes(document)
    assert boxes and all("@bottom-left" not in page for page in boxes)
    assert all("@bottom-right" in page for page in boxes)  # the QR code's box stays
    assert not writer.has_margin_note(html)


def test_a_document_with_a_draft_sentence_keeps_its_box(printer, tmp_path):
    code = SITE.units[0].ma
    html = documents.handout_document(SITE, code).replace(
        "<body class=\"print-handout\">", "<body class=\"print-handout\">\n<p class=\"pdf-draft-mark\">Bản nháp.</p>")
    assert writer.has_margin_note(html)
    document = printer.write(html, "handout", documents.handout_metadata(SITE, code), tmp_path / "b.pdf")
    assert all("@bottom-left" in page for page in _margin_boxes(document))

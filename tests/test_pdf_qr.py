"""Issue 24: a PDF's QR code is one image per document, not an SVG path drawn again on
every page (about 10 ms a page, a tenth of a unit sheet's time). The image must still be
exactly the code of the page's address, 13 mm wide in the bottom margin, drawn without
smoothing, and shared by all pages of a document (one XObject)."""

import io

import pdfplumber
import pypdf
import pytest
import segno

from macros import qr
from macros.pdf import documents, writer
from tests.results_fixtures import SITE

MM = 72 / 25.4
URL = "https://vi-du.invalid/ke-hoach/don-vi/x/"


@pytest.fixture(scope="module")
def printer():
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint cannot run here")
    from tests import pdfcheck
    return pdfcheck.printer(SITE)  # this process's (issue 22: one Printer per test process)


def _modules(image, size: int) -> list[list[int]]:
    """The QR matrix read back from an image of `size` × `size` modules (a module's centre pixel)."""
    grey = image.convert("L")
    step = grey.width / size
    return [[int(grey.getpixel((int((x + 0.5) * step), int((y + 0.5) * step))) < 128) for x in range(size)]
            for y in range(size)]


def test_png_is_the_code_of_the_url():
    from PIL import Image
    import base64

    uri = qr.png_data_uri(URL)
    image = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    code = segno.make(URL, error=qr.ERROR, micro=False)
    size = len(code.matrix)
    assert image.size == (size * qr.SCALE, size * qr.SCALE) and image.mode == "L"
    assert _modules(image, size) == [list(map(int, row)) for row in code.matrix]
    assert _modules(image, size) != [list(map(int, row)) for row in segno.make(URL + "x", error=qr.ERROR).matrix]


def test_the_plan_pdf_draws_one_shared_qr_image_on_every_page(printer, tmp_path):
    out = tmp_path / "plan.pdf"
    printer.write(documents.plan_document(SITE, URL), "plan", documents.plan_metadata(SITE), out)
    code = segno.make(URL, error=qr.ERROR, micro=False)
    expected = [list(map(int, row)) for row in code.matrix]
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) > 1
    shared = set()
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        images = [name for name in xobjects if xobjects[name]["/Subtype"] == "/Image"]
        assert len(images) == 1  # the code, nothing else
        shared.add(xobjects.raw_get(images[0]).idnum)
        assert xobjects[images[0]]["/Interpolate"] == False  # noqa: E712 - drawn without smoothing (a pypdf BooleanObject)
        [image] = page.images
        assert _modules(image.image, len(expected)) == expected
    assert len(shared) == 1  # one image in the file, drawn on each page
    with pdfplumber.open(out) as doc:
        for page in doc.pages:
            [box] = page.images
            assert abs(box["width"] - 13 * MM) < 0.5 and abs(box["height"] - 13 * MM) < 0.5
            assert box["top"] > page.height - 20 * MM  # in the bottom margin
            assert not [c for c in page.curves if c["top"] > page.height - 20 * MM]  # no path drawn besides

"""Issue 24: a unit's page and its PDF carry the QR code of one address; segno encodes it
once per build (Site.qr_codes, kept on the build's Site, not in a module), not once for the
page's SVG and again for the PDF's image."""

import pytest
import segno

from macros import qr
from macros.loader import load_website
from macros.pdf import documents
from tests.sitebuild import ROOT

URL = "https://example.invalid/don-vi/huyen-dak-glei/"


@pytest.fixture
def encoded(monkeypatch):
    calls = []
    real = segno.make
    monkeypatch.setattr(segno, "make", lambda content, *a, **k: calls.append(content) or real(content, *a, **k))
    return calls


def test_a_page_and_its_pdf_encode_their_address_once(encoded):
    site = load_website(ROOT).plans[0]
    page = qr.block(URL, codes=site.qr_codes)
    pdf = documents.handout_document(site, site.units[1].ma, URL)
    assert encoded == [URL]
    # The same code as encoding it anew for each.
    assert page == qr.block(URL)
    assert str(qr.pdf_block(URL)) in pdf

"""QR codes that lead a printout back to its page (issue 23): an inline SVG made
with segno (offline, no image request), the address written beneath it, for the
print of every web page and for every PDF. Only when the site's address is known:
without it nothing is printed (never a placeholder). Pure: no MkDocs.
"""

from markupsafe import Markup

from .templating import fragment, render

ERROR = "m"  # 15 % of the code may be smudged or folded and it still reads


def encode(url: str, codes: dict | None = None):
    """The QR code of `url` (segno). `codes`: this build's codes by address (Site.qr_codes),
    so a page and its PDF encode their one address once (issue 24); None, encoded anew."""
    import segno

    code = codes.get(url) if codes is not None else None
    if code is None:
        code = segno.make(url, error=ERROR, micro=False)
        if codes is not None:
            codes[url] = code
    return code


def svg(url: str, codes: dict | None = None) -> Markup:
    """The QR code of `url` as inline SVG (no size: the stylesheet sizes it; no quiet
    zone: the white around it on paper is the quiet zone, print.css keeps it)."""
    code = encode(url, codes)
    return Markup(code.svg_inline(border=0, omitsize=True, svgclass="vi-qr__code", lineclass=None))


def block(url: str | None, pdf: bool = False, codes: dict | None = None) -> str:
    """The printed QR block for `url` ("" when the address is not known). `pdf`: the
    block of a PDF, placed in the page's bottom margin by print.css (a running
    element, on every page); otherwise the block at the end of a web page, printed
    only (site.css hides it on screen)."""
    if not url:
        return ""
    return render("qr.html", url=url, code=svg(url, codes), image=None, pdf=pdf)


# A PDF's code as an image, each module SCALE × SCALE pixels (a 33-module code: 264 px in
# 13 mm, about 500 dpi), drawn without smoothing (pdf.css: image-rendering: pixelated).
# WeasyPrint parses and draws an inline SVG's path again on every page (about 10 ms a page,
# issue 24); an image is decoded once and drawn as one XObject shared by the pages.
# Scaled up, so a viewer that smooths images anyway blurs only a sixteenth of a module.
SCALE = 8


def png_data_uri(url: str, codes: dict | None = None) -> str:
    """The QR code of `url` as a grey PNG data: URI (black modules on white, no quiet zone:
    the white margin around it is the quiet zone, as for svg()). Pure: no file, no request."""
    import base64
    import io

    from PIL import Image

    rows = encode(url, codes).matrix
    image = Image.new("L", (len(rows[0]), len(rows)))
    image.putdata([0 if dark else 255 for row in rows for dark in row])
    image = image.resize((image.width * SCALE, image.height * SCALE), Image.Resampling.NEAREST)
    data = io.BytesIO()
    image.save(data, format="PNG")
    return "data:image/png;base64," + base64.b64encode(data.getvalue()).decode("ascii")


def pdf_block(url: str | None, codes: dict | None = None) -> Markup | str:
    """The QR block of a PDF document (block(url, pdf=True)) as a template's output, for
    macros/templates/document.html to put first in <body> (a running element must come
    before the content of the pages it runs on); "" without an address. The code is an
    image (png_data_uri), not inline SVG: the same look, drawn once per document."""
    if not url:
        return ""
    return fragment("qr.html", url=url, image=png_data_uri(url, codes), pdf=True)

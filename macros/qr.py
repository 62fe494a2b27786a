"""QR codes that lead a printout back to its page (issue 23): an inline SVG made
with segno (offline, no image request), the address written beneath it, for the
print of every web page and for every PDF. Only when the site's address is known:
without it nothing is printed (never a placeholder). Pure: no MkDocs.
"""

from markupsafe import Markup

from .templating import fragment, render

ERROR = "m"  # 15 % of the code may be smudged or folded and it still reads


def svg(url: str) -> Markup:
    """The QR code of `url` as inline SVG (no size: the stylesheet sizes it; no quiet
    zone: the white around it on paper is the quiet zone, print.css keeps it)."""
    import segno

    code = segno.make(url, error=ERROR, micro=False)
    return Markup(code.svg_inline(border=0, omitsize=True, svgclass="vi-qr__code", lineclass=None))


def block(url: str | None, pdf: bool = False) -> str:
    """The printed QR block for `url` ("" when the address is not known). `pdf`: the
    block of a PDF, placed in the page's bottom margin by print.css (a running
    element, on every page); otherwise the block at the end of a web page, printed
    only (site.css hides it on screen)."""
    if not url:
        return ""
    return render("qr.html", url=url, code=svg(url), pdf=pdf)


def pdf_block(url: str | None) -> Markup | str:
    """The QR block of a PDF document (block(url, pdf=True)) as a template's output, for
    macros/templates/document.html to put first in <body> (a running element must come
    before the content of the pages it runs on); "" without an address."""
    if not url:
        return ""
    return fragment("qr.html", url=url, code=svg(url), pdf=True)

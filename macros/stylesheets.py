"""The site's own stylesheets as the browser gets them: one request.

docs/assets/print.css (every rule inside @media print) and results.css are also
stylesheets of the PDFs, so they stay files of their own in the sources; the
served assets/site.css is site.css followed by print.css and results.css. A separate <link
media="print"> would still be fetched by Chromium on every page load.
No MkDocs imports: macros/adapters/plugin.py calls these.
"""

import posixpath

from .render import links
from .searchindex import content_version

SITE = "assets/site.css"
PRINT = "assets/print.css"
TOOLKIT = "assets/toolkit.css"
RESULTS = "assets/results.css"


def joined(site_css: str, print_css: str, results_css: str) -> str:
    """site.css, print.css, then results.css (progress and report tables, on many
    pages: a request of its own cost more than its 2 KB), in the order the
    browser had them as three files, so the same rules win."""
    return (site_css.rstrip("\n") + "\n\n/* ---- assets/print.css ---- */\n\n" + print_css.rstrip("\n")
            + "\n\n/* ---- assets/results.css ---- */\n\n" + results_css)


def version(text: str) -> str:
    return content_version(text.encode("utf-8"))


def is_toolkit_page(src_uri: str, prefixes) -> bool:
    """A page of the toolkit (its index or a form) of any plan: "bo-cong-cu/…" or
    "ke-hoach-mau/bo-cong-cu/…" when a plan has a prefix."""
    folder = posixpath.dirname(links.TOOLKIT) + "/"
    return any(src_uri.startswith(prefix + folder) for prefix in prefixes)

"""MkDocs side of what leads back to a page (issue 23): the link previews
(macros/preview.py): each page's Open Graph / Twitter card tags in the page context
(overrides/main.html prints them in extrahead) and its preview image written into
the site; and, when the site's address is known, the printed QR code to the page
(macros/qr.py) at the end of its content. Not in the file:// copy (a page on disk
is not shared by link); no images under `mkdocs serve` (tags only).
"""

import html
import posixpath
from pathlib import Path

from macros import compress, preview, qr
from macros.adapters import offline_hooks
from macros.adapters.build_state import Settings


def _cache(settings: Settings) -> Path:
    return compress.cache_dir(settings.user_cache_root()).parent / "og-preview"


_CONVERTED = "_kontum_content_before_qr"  # on the build's Page object: its content before the QR code


def page_tags(context, page, config, settings: Settings, site_name: str, site_description: str | None = None,
              codes: dict | None = None) -> None:
    """Sets context["og_tags"] (markup, already escaped) for this page, and adds the
    printed QR code to the page's content when the site's address is known."""
    context["og_tags"] = ""
    # Not in the file:// copy, nor under `mkdocs serve`: nobody passes the preview's own address
    # on, and the first paragraph's scan of a long page (the unit list: 0.6 s a save at 3,321
    # units) would slow every save (issue 24).
    if offline_hooks.is_file_copy(config) or settings.serving:
        return
    # Under `mkdocs serve` site_url is the preview server's own address: not the site's.
    address = config.site_url if not settings.serving else None
    if address and page.canonical_url:
        # A page rendered again from its template only (offline_hooks.show_packages: the home page's ZIP
        # line, the unit pages' packages) keeps its converted content: its QR code is added to the content
        # as first converted, once, not to the content that already has it.
        converted = getattr(page, _CONVERTED, None)
        if converted is None:
            converted = page.content or ""
            setattr(page, _CONVERTED, converted)
        page.content = converted + "\n" + qr.block(page.canonical_url, codes=codes)
    # site_name: the page's own plan's name on a website of several (BuildState.site_name_of)
    # on_files escapes generated titles for Material, which prints them raw
    title = site_name if page.is_homepage else html.unescape(page.title or site_name)
    # og_description: a generated page's own line (render/pages.py), kept out of Material's
    # <meta name="description">, which MkDocs' theme prints unescaped.
    # describe_by_plan: the page's first paragraph is not about it (the full text's «Căn cứ …»): the plan's
    # own description (site_description: its kind and subject on a website of several) is.
    meta = page.meta or {}
    content = "" if meta.get("describe_by_plan") else page.content or ""
    description = preview.description(content, meta.get("og_description") or meta.get("description"),
                                      (config.site_description if site_description is None else site_description)
                                      or site_name)
    image = None
    rel = card_image(config, settings, title, site_name)
    if rel is not None:
        if address:
            image = address.rstrip("/") + "/" + rel
        else:
            here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"
            image = posixpath.relpath(rel, here.rstrip("/") or ".")
    card = preview.Card(title=title, description=description, image=image,
                        url=page.canonical_url if address else None, site_name=site_name)
    context["og_tags"] = preview.tags(card)


def card_image(config, settings: Settings, title: str, site_name: str) -> str | None:
    """Writes the page's preview image into the site (once per build for pages that share it); its
    path in the site, or None where none is drawn (under serve, without the fonts). Also for a page
    taken whole from an earlier build (page_cache), whose context is not made again."""
    if settings.serving or offline_hooks.is_file_copy(config) or not preview.fonts_available():
        return None
    return preview.write_image(Path(config.site_dir), title, site_name, cache=_cache(settings))

"""MkDocs hooks of the handbook: abbreviation tooltips on every page.

mkdocs.yml: hooks: [..., macros/adapters/handbook_hooks.py]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from macros.adapters import state  # noqa: E402
from macros.render.abbreviations import abbreviate  # noqa: E402


def on_page_content(html, page, config, files):
    # On the finished HTML, so raw-HTML blocks (plan header, forms) get tooltips too.
    meanings = {t.viet_tat: t.nghia for t in state.current().glossary}
    return abbreviate(html, meanings)

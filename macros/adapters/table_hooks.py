"""MkDocs hook: column names on table cells for narrow screens (issue 13).

mkdocs.yml: hooks: [..., macros/adapters/table_hooks.py]. The work is in
macros/render/tables.py; site.css stacks the labelled tables on phones.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from macros.render.tables import label_table_cells  # noqa: E402


def on_page_content(html, page, config, files):
    return label_table_cells(html)

"""The plan site's library: load and validate data/, render pages.

Nothing in this package imports mkdocs except `macros/adapters/`, the thin layer
that wires the render functions into MkDocs (mkdocs.yml names its two files).
"""

import os as _os

# openpyxl writes its XML with lxml whenever lxml is installed (python-docx, which the plan
# import uses, brings it): valid workbooks, but other bytes than the published ones. Its
# own writer is kept, so a download changes only when its content does. Set before any
# module here imports openpyxl (it reads the variable once, at import).
_os.environ.setdefault("OPENPYXL_LXML", "False")

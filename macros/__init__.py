"""The plan site's library: load and validate data/, render pages.

Nothing in this package imports mkdocs except `macros/adapters/`, the thin layer
that wires the render functions into MkDocs (mkdocs.yml names its two files).
"""

"""Pure render functions: Site in, Markdown or HTML out. No file access, no mkdocs."""

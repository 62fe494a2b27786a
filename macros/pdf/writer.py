"""Write the printouts as PDF with WeasyPrint (paged media: A4, margin boxes, @page :first).

WeasyPrint is imported only here, and only when PDFs are made, so the HTML
site builds on machines where it or its system libraries (Pango) are missing.
"""

import time
from dataclasses import dataclass
from pathlib import Path

from ..site import Site
from . import documents, paths
from .documents import Chapter, Metadata

HERE = Path(__file__).resolve().parent
PRINT_CSS = Path("docs/assets/print.css")  # relative to the project root (Site.root)
# Liberation Serif 2.x (Debian fonts-liberation2) carries every Vietnamese letter;
# 1.07 (fonts-liberation) lacks ơ/ư and stacked marks. Naming the 2.x files keeps
# glyph choice independent of fontconfig's preference.
LIBERATION2 = Path("/usr/share/fonts/truetype/liberation2")
_FACES = [("Regular", 400, "normal"), ("Bold", 700, "normal"),
          ("Italic", 400, "italic"), ("BoldItalic", 700, "italic")]


def unavailable_reason() -> str | None:
    """None when WeasyPrint can run here, else why not (for the build log)."""
    try:
        import weasyprint  # noqa: F401
    except Exception as exc:  # ImportError, or OSError when Pango/GObject are missing
        return f"{type(exc).__name__}: {exc}".strip()
    return None


def font_css() -> str:
    faces = []
    for style, weight, slant in _FACES:
        file = LIBERATION2 / f"LiberationSerif-{style}.ttf"
        if file.exists():
            faces.append(f'@font-face {{ font-family: "Liberation Serif"; src: url("{file.as_uri()}"); '
                         f"font-weight: {weight}; font-style: {slant}; }}")
    return "\n".join(faces)


@dataclass(frozen=True)
class Written:
    path: str  # relative to the site dir, e.g. "pdf/ke-hoach-2023.pdf"
    pages: int
    size: int  # bytes
    seconds: float


class Printer:
    """Renders documents with one font configuration and shared stylesheets."""

    def __init__(self, site: Site):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.fonts = FontConfiguration()
        self.site = site

        def css(text: str = "", path: Path | None = None):
            if path is not None:
                return CSS(filename=str(path), font_config=self.fonts)
            return CSS(string=text, font_config=self.fonts)

        base = [css(font_css()), css(path=site.root / PRINT_CSS)]
        self.styles = {
            "plan": base,
            "handout": base + [css(path=HERE / "handout.css")],
            "handbook": base + [css(path=HERE / "handbook.css")],
        }

    def write(self, html: str, kind: str, meta: Metadata, out: Path, base_url: str | None = None):
        from weasyprint import HTML

        document = HTML(string=html, base_url=base_url or str(self.site.root)).render(
            stylesheets=self.styles[kind], font_config=self.fonts)
        md = document.metadata
        md.title, md.authors, md.description, md.lang = meta.title, [meta.author], meta.subject, meta.lang
        out.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(out)
        return document


def write_all(site: Site, site_dir: Path, handbook_title: str | None = None,
              chapters: list[Chapter] | None = None) -> list[Written]:
    """Write the plan, every unit's handout and (if it has pages) the handbook into site_dir."""
    printer = Printer(site)
    jobs = [(paths.plan_pdf(site), documents.plan_document(site), "plan", documents.plan_metadata(site))]
    jobs += [(paths.handout_pdf(u), documents.handout_document(site, u.ma), "handout",
              documents.handout_metadata(site, u.ma)) for u in site.units]
    if chapters:
        title = handbook_title or "Sổ tay"
        jobs.append((paths.handbook_pdf(site), documents.handbook_document(site, title, chapters), "handbook",
                     documents.handbook_metadata(site, title)))
    written = []
    for rel, html, kind, meta in jobs:
        start = time.perf_counter()
        out = Path(site_dir) / rel
        document = printer.write(html, kind, meta, out)
        written.append(Written(rel, len(document.pages), out.stat().st_size, time.perf_counter() - start))
    return written

"""The site's navigation and the pages generated from data, as plain values.

The MkDocs adapter turns these into nav entries and generated files; another
engine would turn them into its own.
"""

from dataclasses import dataclass
from pathlib import Path

from ..errors import field_path
from ..paths_unique import Origin
from ..site import Site
from . import handbook, links, references, toolkit, units


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # Markdown source path, e.g. "don-vi/huyen-dak-glei.md"
    title: str
    markdown: str
    data_file: str  # the file an editor changes to change this page


def generated_pages(site: Site) -> list[GeneratedPage]:
    pages = [GeneratedPage(links.unit_page(u), links.unit_title(u), units.unit_page(site, u.ma), site.data_file("plan"))
             for u in site.units]
    pages += [GeneratedPage(links.topic_page(t), t.ten_ngan, handbook.topic_page(site, t.ma),
                            f"data/so-tay/{t.ma}.yaml" if site.chapter_of(t.ma) else site.data_file("plan"))
              for t in site.plan.noi_dung.muc]
    pages += handbook_pages(site)
    return pages


def handbook_pages(site: Site) -> list[GeneratedPage]:
    """General handbook chapters, the references, the glossary and the toolkit forms."""
    pages = [GeneratedPage(links.chapter_page(k), c.ten, handbook.general_chapter_page(site, k),
                           f"data/so-tay/{k}.yaml") for k, c in handbook.general_chapters(site)]
    pages.append(GeneratedPage(links.REFERENCES, "Văn bản tham khảo", references.references_page(site),
                               site.data_file("references")))
    pages.append(GeneratedPage(links.GLOSSARY, "Chữ viết tắt", handbook.glossary_page(site),
                               site.data_file("glossary")))
    pages.append(GeneratedPage(links.TOOLKIT, "Bộ công cụ hội nghị", toolkit.toolkit_index(site),
                               site.data_file("toolkit")))
    pages += [GeneratedPage(toolkit.form_path(f), f.title, toolkit.form_page(site, f.slug), site.data_file("toolkit"))
              for f in toolkit.FORMS]
    return pages


def page_origins(site: Site, docs_dir: Path | None = None) -> list[Origin]:
    """Every page and PDF the build writes, with the data each comes from, for
    paths_unique.collisions. Hand-written pages in `docs_dir` come first."""
    out: list[Origin] = []
    if docs_dir is not None and docs_dir.is_dir():
        out += [Origin(p.relative_to(docs_dir).as_posix(), f"docs/{p.relative_to(docs_dir).as_posix()}")
                for p in sorted(docs_dir.rglob("*.md"))]

    def at(name: str, path: tuple, page: str, what: str) -> Origin:
        source = site.sources.get(name)
        line, column = source.position(path) if source else (0, 0)
        file = source.path if source else name
        return Origin(page, file, line, column, field_path(path) if source else "", what)

    out += [at("units", ("don_vi", i, "ten"), links.unit_page(u), links.unit_title(u)) for i, u in enumerate(site.units)]
    out += [at("plan", ("noi_dung", "muc", i, "ma"), links.topic_page(t), t.ten_ngan)
            for i, t in enumerate(site.plan.noi_dung.muc)]
    out += [at(f"chapters/{k}", (), links.chapter_page(k), c.ten or k) for k, c in handbook.general_chapters(site)]
    out += [Origin(links.REFERENCES, site.data_file("references"), what="Văn bản tham khảo"),
            Origin(links.GLOSSARY, site.data_file("glossary"), what="Chữ viết tắt"),
            Origin(links.TOOLKIT, site.data_file("toolkit"), what="Bộ công cụ hội nghị")]
    out += [Origin(toolkit.form_path(f), site.data_file("toolkit"), what=f.title) for f in toolkit.FORMS]
    by_page = {o.path: o for o in out}
    for page, pdf in _pdf_paths().pdf_for_page(site).items():
        origin = by_page.get(page, Origin(page, page))
        out.append(Origin(pdf, origin.file, origin.line, origin.column, origin.field, origin.what))
    return out


def _pdf_paths():
    from ..pdf import paths  # macros.pdf imports render: import late

    return paths


def nav(site: Site) -> list:
    """MkDocs-style nav: a list of {title: path or list}."""
    return [
        {"Trang chủ": links.HOME},
        {"Kế hoạch": links.PLAN},
        {"Phân công": links.ASSIGNMENTS},
        {"Đơn vị": [links.UNITS] + [{links.unit_title(u): links.unit_page(u)} for u in site.units]},
        {"Tiến độ": links.TIMELINE},
        {"Kinh phí": links.BUDGET},
        {"Sổ tay": [links.HANDBOOK]
         + [{c.ten: links.chapter_page(k)} for k, c in handbook.general_chapters(site)]
         + [{t.ten_ngan: links.topic_page(t)} for t in site.plan.noi_dung.muc]
         + [{"Văn bản tham khảo": links.REFERENCES}]},
        {"Bộ công cụ": [links.TOOLKIT] + [{f.title: toolkit.form_path(f)} for f in toolkit.FORMS]},
        {"Chữ viết tắt": links.GLOSSARY},
        # The editor guide is for editors only: CONTRIBUTING.md in the repository,
        # not a page of the site (readers never meet it in the nav or in search).
    ]

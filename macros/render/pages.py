"""The site's navigation and the pages generated from data, as plain values.

The MkDocs adapter turns these into nav entries and generated files; another
engine would turn them into its own.
"""

from dataclasses import dataclass

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

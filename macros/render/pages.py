"""The site's navigation and the pages generated from data, as plain values.

The MkDocs adapter turns these into nav entries and generated files; another
engine would turn them into its own.
"""

from dataclasses import dataclass

from ..site import Site
from . import handbook, links, units


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # Markdown source path, e.g. "don-vi/huyen-dak-glei.md"
    title: str
    markdown: str
    data_file: str  # the file an editor changes to change this page


def generated_pages(site: Site) -> list[GeneratedPage]:
    pages = [GeneratedPage(links.unit_page(u), links.unit_title(u), units.unit_page(site, u.ma), site.data_file("plan"))
             for u in site.units]
    pages += [GeneratedPage(links.topic_page(t), t.ten_ngan, handbook.topic_page(site, t.ma), site.data_file("plan"))
              for t in site.plan.noi_dung.muc]
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
        {"Sổ tay": [links.HANDBOOK] + [{t.ten_ngan: links.topic_page(t)} for t in site.plan.noi_dung.muc]},
        {"Hướng dẫn biên tập": links.EDITOR_GUIDE},
    ]

"""The handbook (Sổ tay): its index and one page per content topic of section II."""

from ..site import Site
from ..text import md_escape as m
from . import links


def handbook_index(site: Site) -> str:
    content = site.plan.noi_dung
    items = "\n".join(f"{i}. {links.md_link(t.ten_ngan, links.topic_page(t), links.HANDBOOK)}"
                      for i, t in enumerate(content.muc, 1))
    return f"> {m(content.loi_dan)}\n\n## Các nội dung trọng tâm\n\n{items}\n"


def topic_page(site: Site, code: str) -> str:
    topics = list(site.plan.noi_dung.muc)
    index = next(i for i, t in enumerate(topics) if t.ma == code)
    topic = topics[index]
    return (f"# {m(topic.ten_ngan)}\n\n"
            f"!!! quote \"Nội dung {index + 1}, mục II của kế hoạch\"\n    {m(topic.noi_dung)}\n")

"""The handbook (Sổ tay): its index, one page per chapter (a general chapter
such as the one on the campaign, or the chapter of a content topic of
section II), and the section headings every chapter page shows."""

import re

from ..handbook_model import Chapter
from ..outputs import general_chapters  # which chapters have a page: the registry's
from ..site import Site
from ..text import fold
from ..text import md_escape as m
from ..sections import item_ref, section_number
from ..templating import render
from . import links, notice, references
from .abbreviations import used_glossary

# The parts of a chapter, in the order a cadre uses them at a conference.
# Tests read these headings: a chapter page must show each one.
PURPOSE = "Mục đích"
MESSAGES = "Thông điệp tuyên truyền (đọc tại hội nghị)"
KNOW = "Nội dung cần nắm"
GUIDE = "Hướng dẫn thực hiện"
EXAMPLES = "Gương điển hình"
QUESTIONS = "Câu hỏi gợi ý thảo luận"
REFERENCES = "Văn bản tham khảo"


def _bullets(items) -> str:
    return "\n".join(f"- {m(x)}" for x in items)


def _examples(chapter: Chapter) -> str:
    return "\n\n".join(f"{m(e.noi_dung)}\n\n*Nguồn: {m(e.nguon)}*" for e in chapter.guong_dien_hinh)


def chapter_body(site: Site, chapter: Chapter, here: str) -> str:
    fill = site.fill
    parts = [f"## {PURPOSE}", _bullets(fill(x) for x in chapter.muc_dich)]
    parts += [f"## {MESSAGES}", "*Đọc chậm, rõ từng câu; sau mỗi câu, hỏi lại để bảo đảm bà con nắm được nội dung.*",
              render("handbook_read_aloud.md", messages=[fill(x) for x in chapter.thong_diep])]
    if chapter.kien_thuc:
        parts.append(f"## {KNOW}")
        for sec in chapter.kien_thuc:
            parts += [f"### {m(sec.tieu_de)}", "\n\n".join(m(fill(p)) for p in sec.doan)]
    if chapter.huong_dan:
        parts.append(f"## {GUIDE}")
        for sec in chapter.huong_dan:
            steps = "\n".join(f"{i}. {m(fill(s))}" for i, s in enumerate(sec.buoc, 1))
            parts += [f"### {m(sec.tieu_de)}", steps]
    # Only real examples, with their source; an empty slot is simply absent for readers
    # (what editors should add is in data/so-tay/README.md, never on a reader's page).
    if chapter.co_guong_dien_hinh and chapter.guong_dien_hinh:
        parts += [f"## {EXAMPLES}", _examples(chapter)]
    questions = "\n".join(f"{i}. {m(fill(q))}" for i, q in enumerate(chapter.cau_hoi, 1))
    parts += [f"## {QUESTIONS}", questions]
    if chapter.tai_lieu:
        refs = "\n".join(f"- {references.citation_md(site.reference(code))}" for code in chapter.tai_lieu)
        # A link to another page does nothing on paper: the line is left off print and PDF
        # (the handbook PDF carries the references as a chapter of its own).
        parts += [f"## {REFERENCES}", refs,
                  f"Xem tất cả: {links.md_link('Văn bản tham khảo', links.REFERENCES, here)}.\n{{: .xem-them }}"]
    return "\n\n".join(parts) + "\n"


def issued_handbook(site: Site) -> tuple[str, bool] | None:
    """The handbook the plan's content section says was made apart, as its lead writes it («Sổ tay
    tuyên truyền thực hiện Cuộc vận động»), and whether it says it was handed out («cấp phát»); None
    when the lead names none: the site's handbook then says it is not that one only if there is one."""
    lead = site.plan.noi_dung.loi_dan if site.plan.noi_dung is not None else ""
    found = re.search(r"Sổ tay[^,;.:()]*", lead)
    return (found.group(0).strip(), "cấp phát" in lead) if found else None


def article_parts(site: Site) -> list[str]:
    """What every article of a content topic holds, as far as the data has it: the parts
    (PURPOSE, MESSAGES, GUIDE, QUESTIONS, REFERENCES) each topic's chapter has; none when a topic
    has no chapter (its article is then the plan's own sentence only)."""
    found = [site.chapter_of(t.ma) for t in site.topics]
    chapters = [f[1] for f in found if f is not None]
    if not chapters or len(chapters) < len(found):
        return []
    parts = ((PURPOSE.lower(), "muc_dich"), (MESSAGES[:1].lower() + MESSAGES[1:], "thong_diep"),
             (GUIDE.lower(), "huong_dan"), (QUESTIONS.lower(), "cau_hoi"), (REFERENCES.lower(), "tai_lieu"))
    return [name for name, field in parts if all(getattr(c, field) for c in chapters)]


def handbook_index(site: Site) -> str:
    here = links.HANDBOOK
    # the list's heading in the plan's own words for its contents (ke-hoach.yaml › ten_goi_noi_dung), else neutral
    named = site.plan.ten_goi_noi_dung
    return render("handbook_index.md", content_section=section_number(site, "noi_dung"),
                  topics_title=named[:1].upper() + named[1:] if named else "Các nội dung",
                  issued=issued_handbook(site), parts=article_parts(site),
                  general=[(c.ten, links.rel(links.chapter_page(k), here)) for k, c in general_chapters(site)],
                  topics=[(site.topic_title(t), links.rel(links.topic_page(t), here)) for t in site.topics],
                  href={"references": links.rel(links.REFERENCES, here) if site.cited_references else None, "glossary": links.rel(links.GLOSSARY, here) if used_glossary(site) else None,
                        "toolkit": links.rel(links.TOOLKIT, here) if site.has_toolkit else None})


def topic_page(site: Site, code: str) -> str:
    topics = list(site.plan.noi_dung.muc)
    index = next(i for i, t in enumerate(topics) if t.ma == code)
    topic = topics[index]
    head = f"# {m(site.topic_title(topic))}\n\n!!! quote \"{_topic_source(site, topic, index)}\"\n    {m(topic.noi_dung)}\n"
    found = site.chapter_of(code)
    if found is None:
        return head
    return head + "\n" + chapter_body(site, found[1], links.topic_page(topic))


def _topic_source(site: Site, topic, index: int) -> str:
    """Where the plan writes a topic: by its number as written (noi_dung › muc › so, e.g. «b)» under the
    section's number); else «Nội dung <n>» when the plan page numbers the topics in order (a section printed
    from its fields), the section alone when it keeps its own words, numbered as the plan numbers them
    (review r19n: «Nội dung 2» for what the plan numbers «b)»)."""
    section = section_number(site, "noi_dung")
    if topic.so is not None:
        return f"Kế hoạch, mục {item_ref(section, topic.so)}"
    if site.plan.noi_dung.doan:
        return f"Kế hoạch, mục {section}"
    return f"Nội dung {index + 1}, mục {section} của kế hoạch"


def general_chapter_page(site: Site, stem: str) -> str:
    chapter = site.chapters[stem]
    return f"# {m(chapter.ten)}\n\n" + chapter_body(site, chapter, links.chapter_page(stem))


def glossary_page(site: Site) -> str:
    rows = "\n".join(f"| {m(t.viet_tat)} | {m(t.nghia)} |" for t in sorted(used_glossary(site), key=lambda t: fold(t.viet_tat)))
    return ("# Chữ viết tắt\n\nĐưa chuột hoặc chạm vào chữ viết tắt ở bất kỳ trang nào để xem nghĩa.\n\n"
            "| Chữ viết tắt | Nghĩa |\n|---|---|\n" + rows + "\n")

"""The handbook (Sổ tay): its index, one page per chapter (a general chapter
such as the one on the campaign, or the chapter of a content topic of
section II), and the section headings every chapter page shows."""

from ..handbook_model import Chapter
from ..site import Site
from ..text import fold
from ..text import md_escape as m
from . import links, references

# The parts of a chapter, in the order a cadre uses them at a conference.
# Tests read these headings: a chapter page must show each one.
PURPOSE = "Bài này để làm gì"
MESSAGES = "Lời nói với bà con (đọc to)"
KNOW = "Những điều cần biết"
GUIDE = "Làm từng bước"
EXAMPLES = "Gương điển hình"
QUESTIONS = "Câu hỏi để bà con cùng bàn"
REFERENCES = "Văn bản tham khảo"

EDITOR_SLOT = "Mục dành cho biên tập viên: bổ sung gương điển hình từ báo cáo thực tế"


def general_chapters(site: Site) -> list[tuple[str, Chapter]]:
    """Chapters not tied to a content topic (the campaign itself), first in the handbook."""
    return [(k, c) for k, c in site.chapters.items() if c.chu_de is None]


def _bullets(items) -> str:
    return "\n".join(f"- {m(x)}" for x in items)


def _examples(chapter: Chapter) -> str:
    if chapter.guong_dien_hinh:
        return "\n\n".join(f"{m(e.noi_dung)}\n\n*Nguồn: {m(e.nguon)}*" for e in chapter.guong_dien_hinh)
    return (f'!!! warning "{EDITOR_SLOT}"\n'
            "    Chưa có gương điển hình. Chỉ ghi gia đình thật, lấy từ báo cáo kết quả hay biên bản hội nghị, "
            "kèm nguồn (báo cáo nào, ngày nào), vào trường `guong_dien_hinh` của tệp Sổ tay.")


def chapter_body(site: Site, chapter: Chapter, here: str) -> str:
    fill = site.fill
    parts = [f"## {PURPOSE}", _bullets(fill(x) for x in chapter.muc_dich)]
    messages = "\n".join(f"{i}. {m(fill(x))}" for i, x in enumerate(chapter.thong_diep, 1))
    # Larger type: these lines are read aloud, often from a phone held at arm's length.
    parts += [f"## {MESSAGES}", "*Đọc chậm từng câu, rồi hỏi lại xem bà con đã hiểu chưa.*",
              f'<div class="st-read-aloud" markdown>\n\n{messages}\n\n</div>']
    if chapter.kien_thuc:
        parts.append(f"## {KNOW}")
        for sec in chapter.kien_thuc:
            parts += [f"### {m(sec.tieu_de)}", "\n\n".join(m(fill(p)) for p in sec.doan)]
    if chapter.huong_dan:
        parts.append(f"## {GUIDE}")
        for sec in chapter.huong_dan:
            steps = "\n".join(f"{i}. {m(fill(s))}" for i, s in enumerate(sec.buoc, 1))
            parts += [f"### {m(sec.tieu_de)}", steps]
    if chapter.co_guong_dien_hinh:
        parts += [f"## {EXAMPLES}", _examples(chapter)]
    questions = "\n".join(f"{i}. {m(fill(q))}" for i, q in enumerate(chapter.cau_hoi, 1))
    parts += [f"## {QUESTIONS}", questions]
    if chapter.tai_lieu:
        refs = "\n".join(f"- {references.citation_md(site.reference(code))}" for code in chapter.tai_lieu)
        parts += [f"## {REFERENCES}", refs,
                  f"Xem tất cả: {links.md_link('Văn bản tham khảo', links.REFERENCES, here)}."]
    return "\n\n".join(parts) + "\n"


def handbook_index(site: Site) -> str:
    content = site.plan.noi_dung
    here = links.HANDBOOK
    general = "\n".join(f"- {links.md_link(c.ten, links.chapter_page(k), here)}" for k, c in general_chapters(site))
    items = "\n".join(f"{i}. {links.md_link(t.ten_ngan, links.topic_page(t), here)}"
                      for i, t in enumerate(content.muc, 1))
    return (f"> {m(content.loi_dan)}\n\n"
            "Mỗi bài có: điều bài muốn đạt, lời nói với bà con (đọc to), cách làm từng bước, "
            "câu hỏi để bà con cùng bàn và văn bản tham khảo.\n\n"
            f"## Bài mở đầu\n\n{general}\n\n## Các nội dung trọng tâm\n\n{items}\n\n"
            f"## Tra cứu\n\n- {links.md_link('Văn bản tham khảo', links.REFERENCES, here)}\n"
            f"- {links.md_link('Chữ viết tắt', links.GLOSSARY, here)}\n"
            f"- {links.md_link('Bộ công cụ hội nghị (mẫu in)', links.TOOLKIT, here)}\n")


def topic_page(site: Site, code: str) -> str:
    topics = list(site.plan.noi_dung.muc)
    index = next(i for i, t in enumerate(topics) if t.ma == code)
    topic = topics[index]
    head = (f"# {m(topic.ten_ngan)}\n\n"
            f"!!! quote \"Nội dung {index + 1}, mục II của kế hoạch\"\n    {m(topic.noi_dung)}\n")
    found = site.chapter_of(code)
    if found is None:
        return head
    return head + "\n" + chapter_body(site, found[1], links.topic_page(topic))


def general_chapter_page(site: Site, stem: str) -> str:
    chapter = site.chapters[stem]
    return f"# {m(chapter.ten)}\n\n" + chapter_body(site, chapter, links.chapter_page(stem))


def glossary_page(site: Site) -> str:
    rows = "\n".join(f"| {m(t.viet_tat)} | {m(t.nghia)} |" for t in sorted(site.glossary, key=lambda t: fold(t.viet_tat)))
    return ("# Chữ viết tắt\n\nĐưa chuột hoặc chạm vào chữ viết tắt ở bất kỳ trang nào để xem nghĩa.\n\n"
            "| Chữ viết tắt | Nghĩa |\n|---|---|\n" + rows + "\n")

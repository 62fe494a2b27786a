"""The handbook lists as «được Sổ tay trích dẫn» only the documents its own chapters cite (review r19k,
defect 8): data/van-ban.yaml is shared by every plan, so a commune plan whose handbook cites none of
the 2023 plan's sources (KH 357, QĐ 90/263/1719/919-TTg, NQ 120, Luật Đất đai) has no sources page and no
link to one; and the handbook's index says what an article holds only as far as the data has it.
In-process, on the 2023 plan's model with its chapters changed."""

from dataclasses import replace

from macros.glossary_use import plan_text
from macros.loader import load_site
from macros.outputs import outputs
from macros.render import handbook, references
from tests.sitebuild import ROOT

SITE = load_site(ROOT)
ALL_PARTS = ("Mỗi bài gồm: mục đích, thông điệp tuyên truyền (đọc tại hội nghị), hướng dẫn thực hiện, "
             "câu hỏi gợi ý thảo luận và văn bản tham khảo.")


def _chapters(site, change):
    """`site` with each chapter passed through `change` (a chapter -> chapter or None: dropped)."""
    chapters = {k: c2 for k, c in site.chapters.items() if (c2 := change(c)) is not None}
    return replace(site, extra={**site.extra, "chapters": chapters})


def _citing(site, codes):
    return _chapters(site, lambda c: c.model_copy(update={"tai_lieu": [x for x in c.tai_lieu if x in codes]}))


def test_the_2023_handbook_cites_every_document_of_the_shared_list():
    assert [r.ma for r in SITE.cited_references] == [r.ma for r in SITE.references]
    page = references.references_page(SITE)
    assert "Các văn bản được Sổ tay trích dẫn" in page and "Kế hoạch số 357/KH-MTTQ-BTT" in page
    assert ALL_PARTS in handbook.handbook_index(SITE)
    assert "references" in outputs(SITE).by_key


def test_a_handbook_citing_nothing_has_no_sources_page_nor_link():
    site = _citing(SITE, set())
    assert site.cited_references == []
    assert "references" not in outputs(site).by_key
    index = handbook.handbook_index(site)
    assert "[Văn bản tham khảo]" not in index and "văn bản tham khảo" not in index
    assert "Mỗi bài gồm: mục đích, thông điệp tuyên truyền (đọc tại hội nghị), hướng dẫn thực hiện và " \
           "câu hỏi gợi ý thảo luận." in index
    # nor do the uncited documents' words count as the plan's text (its «Chữ viết tắt» page)
    law = next(r for r in SITE.references if r.ma == "luat-dat-dai-2024")
    assert law.ve in plan_text(SITE) and law.ve not in plan_text(site)


def test_the_sources_page_lists_only_the_documents_cited():
    site = _citing(SITE, {"qd-919-2022"})
    page = references.references_page(site)
    assert [r.ma for r in site.cited_references] == ["qd-919-2022"]
    assert "919/QĐ-TTg" in page and "357/KH-MTTQ-BTT" not in page and "90/QĐ-TTg" not in page
    assert "\n2. " not in page


def test_an_article_that_is_only_the_plans_sentence_promises_no_parts():
    site = _chapters(SITE, lambda c: None if c.chu_de else c)  # topics without a chapter
    index = handbook.handbook_index(site)
    assert "Mỗi bài gồm" not in index and "Mỗi bài trích nội dung tương ứng của kế hoạch." in index
    # the general chapter on the campaign still cites KH 357: the page lists it alone
    assert [r.ma for r in site.cited_references] == ["kh-357-2023"]

"""Headings and citations in the plan's own words, not the 2023 plan's (review r19n, defect 8).

A commune plan's steps section is «III. CÁC BƯỚC THỰC HIỆN»: its unit page, unit PDF and timeline said
«Các bước triển khai» (the 2023 plan's title). Its Sổ tay index said «biên soạn từ các nội dung trọng tâm»
under «Các nội dung trọng tâm» (the 2023 plan's words), showed an empty «Phần mở đầu», and cited «Nội dung 2,
mục II» for what the plan numbers «b)». In-process."""

import re
from dataclasses import replace

from macros.loader import load_site, load_website
from macros.pdf import documents
from macros.render import handbook, timeline, units
from tests.sitebuild import ROOT
from tests.test_structured_verbatim import _project


def _retitled(data):
    next(s for s in data["muc"] if s.get("loai") == "cac_buoc")["tieu_de"] = "CÁC BƯỚC THỰC HIỆN"


def test_steps_heading_is_the_sections_own_title(tmp_path):
    site = load_website(_project(tmp_path, _retitled)).plans[0]
    code = site.units[0].ma
    page, pdf, line = units.unit_page(site, code), documents.handout_document(site, code), timeline.timeline_html(site)
    assert "## Các bước thực hiện" in page and "<h2>Các bước thực hiện</h2>" in pdf, page
    assert '<h2 id="thu-tu-cac-buoc">Các bước thực hiện</h2>' in line
    assert not [t for t in (page, pdf, line) if "triển khai" in t.lower()]


def _topics(site, update):
    section = site.plan.noi_dung
    new = section.model_copy(update=update(section))
    return replace(site, plan=site.plan.model_copy(update={"muc": [new if s is section else s for s in site.plan.muc]}))


def test_handbook_index_has_no_2023_words_and_no_empty_heading():
    site = load_site(ROOT)
    index = handbook.handbook_index(site)
    # the plan's words for its contents come from its data (ke-hoach.yaml › ten_goi_noi_dung), none from code
    assert "## Các nội dung trọng tâm" in index and "## Phần mở đầu" in index
    unnamed = replace(site, plan=site.plan.model_copy(update={"ten_goi_noi_dung": None}))
    assert "trọng tâm" not in handbook.handbook_index(unnamed)
    bare = replace(site, extra={**site.extra, "chapters": {k: c for k, c in site.chapters.items() if c.chu_de}})
    assert "Phần mở đầu" not in handbook.handbook_index(bare)


def test_topic_cited_by_its_number_as_written():
    site = load_site(ROOT)
    code = site.topics[1].ma
    assert '!!! quote "Nội dung 2, mục II của kế hoạch"' in handbook.topic_page(site, code)  # numbered in order on the plan page
    lettered = _topics(site, lambda s: {"muc": [t.model_copy(update={"so": f"{'abcde'[i]})"}) for i, t in enumerate(s.muc)]})
    assert '!!! quote "Kế hoạch, mục II.b"' in handbook.topic_page(lettered, code)
    kept = _topics(site, lambda s: {"doan": ["1. Nội dung", "b) Lời văn của kế hoạch."]})
    page = handbook.topic_page(kept, code)
    assert '!!! quote "Kế hoạch, mục II"' in page and not re.search(r"Nội dung \d", page)

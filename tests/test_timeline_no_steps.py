"""The timeline of a plan with no structured steps says nothing about steps (review r19n, defect 6).

An imported plan dates every task in its assignment table and sets a deadline, but has no «các bước»
section: its Tiến độ page said «Các bước triển khai — Kế hoạch không ghi ngày riêng cho từng bước», a
statement about the plan the plan does not make. In-process, on the 2023 plan with its steps taken out."""

from dataclasses import replace

from macros.loader import load_site
from macros.model import VerbatimSection
from macros.render import timeline
from tests.sitebuild import ROOT


def test_no_steps_no_word_about_steps():
    site = load_site(ROOT)
    steps = site.plan.cac_buoc
    words = VerbatimSection(so="III", tieu_de=steps.tieu_de, doan=["Các bước được ghi ở bảng phân công."])
    muc = [words if s is steps else s for s in site.plan.muc]
    bare = replace(site, plan=site.plan.model_copy(update={"muc": muc}))
    assert bare.plan.cac_buoc is None
    page = timeline.timeline_html(bare)
    assert "ngày riêng" not in page and "Các bước" not in page and "tl-steps" not in page, page
    assert "Mốc thời gian" in page  # the period and the deadline stay


def test_steps_whose_words_write_a_time_are_not_said_undated(tmp_path):
    """The commune plan's steps write «hoàn thành trước ngày 30/9/2026», «trong Quý IV/2026» but carry no
    thoi_gian: the page said «Kế hoạch không ghi ngày riêng cho từng bước», which the plan contradicts."""
    from macros.loader import load_website
    from tests.test_structured_verbatim import _project

    site = load_website(_project(tmp_path)).plans[0]
    assert all(s.thoi_gian is None for s in site.plan.cac_buoc.buoc)
    page = timeline.timeline_html(site)
    assert "Kế hoạch không ghi ngày riêng" not in page, page
    assert "Trang này chưa ghi ngày riêng cho từng bước" in page

"""A plan that speaks of no conferences gets no conference column (review r19q #5): before, a monitoring
plan with no steps and no `hoi_nghi` still had «Hội nghị» on its results page and «Số hội nghị, Người dự»
in its results CSV. In-process: the commune fixture with its steps section taken out (no other section
of it counts conferences: its other mentions are in prose the results do not read), and as it is."""

import dataclasses

from macros.exports import xlsx
from macros.loader import load_site
from macros.render.progress import progress_page
from macros.results.load import load_results
from tests.test_bad_input_new_fields import _xa


def _sites(tmp_path):
    root = _xa(tmp_path)
    site = load_site(root)
    plan = site.plan.model_copy(update={"muc": [s for s in site.plan.muc if getattr(s, "loai", None) != "cac_buoc"]})
    assert plan.cac_buoc is None
    return root, site, dataclasses.replace(site, plan=plan)


def test_no_conference_columns_without_conferences(tmp_path):
    root, _, bare = _sites(tmp_path)
    results = load_results(root, bare)
    head, _ = xlsx.results_rows(bare, results)
    assert "Số hội nghị" not in head and "Người dự" not in head, head
    page = progress_page(bare, results)
    assert "Hội nghị" not in page and "Người dự" not in page, page


def test_conference_columns_stay_for_a_plan_with_conferences(tmp_path):
    root, site, _ = _sites(tmp_path)
    results = load_results(root, site)
    head, _ = xlsx.results_rows(site, results)
    assert "Số hội nghị" in head and "Người dự" in head, head
    assert ">Hội nghị<" in progress_page(site, results)


def test_the_draft_report_has_no_conference_section_without_conferences(tmp_path):
    from macros.render.report import document_html
    root, site, bare = _sites(tmp_path)
    doc = str(document_html(bare, load_results(root, bare)))
    assert "bc-hoi-nghi" not in doc and "Số hội nghị" not in doc and "Người dự" not in doc, doc
    assert '<h3 id="bc-kinh-phi">1. Kinh phí</h3>' in doc, doc
    assert "bc-hoi-nghi" in str(document_html(site, load_results(root, site)))

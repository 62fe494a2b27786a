"""A computed file that needs a structured section the plan keeps verbatim is simply not made
(review r19k defect 10: «Lỗi nội bộ … 'NoneType' object has no attribute 'muc'» at
exports/template.py, after `macros.check` said the data was valid). In-process, on the 2023 plan
with one section kept as written (tests/test_plan_shapes.py's changes), without SOURCE_DATE_EPOCH
or git: the plan's own dates stamp the files."""

import pytest

from macros.exports.downloads import download_bytes
from macros.loader import load_website
from macros.pdf import documents
from macros.render import pages
from tests.test_plan_shapes import _as_verbatim, _project


@pytest.mark.parametrize("kind", ["noi_dung", "thoi_gian_dia_diem"])
def test_a_section_kept_verbatim_makes_no_crash(tmp_path, kind):
    site = load_website(_project(tmp_path, _as_verbatim(kind))).plans[0]
    files = download_bytes(site, documents=True)
    assert files and all(files.values())
    texts = [page.markdown for page in pages.plan_pages(site)]
    texts += [documents.handout_document(site, u.ma) for u in site.units] if site.has_units else []
    if kind == "noi_dung":
        # The report template's topics column is the content section's: no template, and no link to one.
        assert site.has_units and not [f for f in files if "mau-bao-cao" in f]
        assert not [t for t in texts if "mau-bao-cao-" in t]

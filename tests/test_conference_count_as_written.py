"""The conference count as the plan writes it (review r19q #4): a plan writing «từ 1 đến 2 hội nghị» was
quoted «từ 01 đến 02» on the unit page, unit PDF, Excel «Hướng dẫn», results page and draft report (the
fields' count, zero-padded). In-process, on the commune fixture with its words written so."""

from macros.loader import load_site
from macros.render.plan import conference_rule
from macros.render.units import unit_page
from tests.test_bad_input_new_fields import _accepted, _xa, _xa_change


def test_the_count_is_quoted_as_the_plan_writes_it(tmp_path, capsys):
    root = _xa(tmp_path)
    _xa_change(root, "làng tổ chức\n    từ 01 đến 02 hội nghị.'", "làng tổ chức\n    từ 1 đến 2 hội nghị.'")
    _accepted(root, capsys)
    site = load_site(root)
    for text in (unit_page(site, "kon-klor"), conference_rule(site)):
        assert "từ 1 đến 2" in text and "từ 01 đến 02" not in text, text

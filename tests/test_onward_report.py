"""A plan with a second report level (review r19o defect 8): the units report to the commune (ward) by one date,
the commune compiles and reports to the body above by a later one. The data holds the onward report as the plan
writes it (bao_cao › bao_cao_tiep: who, to whom, by when, the words); the timeline, the calendars and the compiled
report show it; without it, nothing is said. Before, only the first level existed, and the compiled report never
said it was meant for the body above. In-process, on tests/fixtures/ke-hoach-xa-cau-truc, whose organisation
section writes «Tổng hợp kết quả, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 30/11/2026»."""

import datetime as dt
import html
import re

import pytest
import yaml

from macros.errors import DataErrors
from macros.exports import ics
from macros.loader import load_website
from macros.render import timeline
from macros.results.load import results_of
from tests.sitebuild import ROOT, one_plan_project
from tests.test_structured_verbatim import _Quoting
from tests.test_units_without_budget_steps import RESULTS

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
WORDS = "Tổng hợp kết quả, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 30/11/2026."
ONWARD = {"ben_gui": "Ban Thường trực Ủy ban MTTQ Việt Nam xã", "noi_nhan": "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
          "han": "30/11/2026", "loi_van": WORDS}
SENT_ON = "Ngày cuối Ban Thường trực Ủy ban MTTQ Việt Nam xã gửi báo cáo về Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"


def _project(tmp_path, onward=None):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if onward is not None:
        next(s for s in data["muc"] if s.get("loai") == "to_chuc_thuc_hien")["bao_cao"]["bao_cao_tiep"] = [onward]
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "data" / "ke-hoach-xa" / "ket-qua").mkdir()
    (root / "data" / "ke-hoach-xa" / "ket-qua" / "kon-klor.yaml").write_text(RESULTS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return {name: load_website(_project(tmp_path_factory.mktemp(name), onward)).plans[0]
            for name, onward in (("hai-cap", ONWARD), ("mot-cap", None))}


def _words(text) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))


def _ics_text(cal: bytes) -> str:
    return re.sub(r"\r\n[ \t]", "", cal.decode("utf-8")).replace("\\,", ",").replace("\\;", ";")


def test_timeline_shows_the_onward_deadline(sites):
    page = _words(timeline.timeline_html(sites["hai-cap"]))
    assert f"29/11/2026 {SENT_ON} (kế hoạch ghi: «{WORDS}»)" in page, page
    assert "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh" not in _words(timeline.timeline_html(sites["mot-cap"]))


def test_calendars_have_the_onward_deadline(sites):
    site = sites["hai-cap"]
    for code in (None, "kon-klor"):
        text = _ics_text(ics.calendar(site, results_of(site), STAMP, code))
        assert f"SUMMARY:{SENT_ON} (kế hoạch: trước ngày 30/11/2026)" in text, text
        assert "DTSTART;VALUE=DATE:20261129" in text and "-han-bao-cao-tiep-1@" in text
    plain = _ics_text(ics.calendar(sites["mot-cap"], results_of(sites["mot-cap"]), STAMP))
    assert "han-bao-cao-tiep" not in plain and "Việt Nam tỉnh" not in plain


def test_compiled_report_says_where_it_goes_next(sites):
    from macros.pdf.report import report_document
    site = sites["hai-cap"]
    said = _words(report_document(site, results_of(site)))
    assert ("Ban Thường trực Ủy ban MTTQ Việt Nam xã báo cáo gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày "
            f"30/11/2026 (kế hoạch ghi: «{WORDS}»).") in said, said
    assert "Việt Nam tỉnh trước ngày" not in _words(report_document(sites["mot-cap"], results_of(sites["mot-cap"])))


@pytest.mark.parametrize("change, said", [
    ({"han": "25/11/2026"}, "lời kế hoạch ở loi_van không viết ngày 25/11/2026 của han"),
    ({"noi_nhan": "Ban Thường trực Ủy ban MTTQ Việt Nam huyện"}, "loi_van không viết nơi nhận"),
    ({"loi_van": "Tổng hợp, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 30/11/2026."},
     "Website trích câu này trong ngoặc «» là lời kế hoạch"),
])
def test_an_onward_report_the_plan_does_not_write_is_refused(tmp_path, change, said):
    with pytest.raises(DataErrors) as err:
        load_website(_project(tmp_path, {**ONWARD, **change}))
    text = str(err.value)
    assert said.casefold() in text.casefold() and "bao_cao_tiep" in text and "ke-hoach.yaml:" in text, text


SENDER = "Ban Công tác Mặt trận các thôn, làng"


def _with_sender(tmp_path, sender, nguoi_gui="don_vi"):
    root = _project(tmp_path)
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    report = next(s for s in data["muc"] if s.get("loai") == "to_chuc_thuc_hien")["bao_cao"]
    report["nguoi_gui"] = nguoi_gui
    if sender is not None:
        report["ben_gui"] = sender
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_website(root).plans[0]


def test_the_sender_as_the_plan_writes_it(tmp_path):
    """Review r19o #8: the plan says «Ban Công tác Mặt trận khu phố» reports; the site said «từng khu phố» (its own
    words). With bao_cao › ben_gui the unit page, the timeline and the calendars name the sender as written."""
    from macros.render import units
    site = _with_sender(tmp_path / "a", SENDER)
    assert f"Theo kế hoạch, {SENDER} báo cáo kết quả về" in units.unit_page(site, "kon-klor")
    assert f"Ngày cuối {SENDER} gửi báo cáo kết quả về" in _words(timeline.timeline_html(site))
    assert f"SUMMARY:Ngày cuối {SENDER} gửi báo cáo kết quả về" in _ics_text(
        ics.calendar(site, results_of(site), STAMP, "kon-klor"))
    plain = _with_sender(tmp_path / "b", None)
    assert SENDER not in units.unit_page(plain, "kon-klor") and "từng" in units.unit_page(plain, "kon-klor")


def test_a_sender_the_plan_does_not_write_is_refused(tmp_path):
    with pytest.raises(DataErrors) as err:
        _with_sender(tmp_path, "Ban Công tác Mặt trận các khu phố")
    said = str(err.value)
    assert "ben_gui" in said and "không viết chữ này" in said and "ke-hoach.yaml:" in said, said

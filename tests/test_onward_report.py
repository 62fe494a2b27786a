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


@pytest.mark.parametrize("change, field, said", [
    ({"han": "25/11/2026"}, "han", "Cách sửa: ghi han đúng ngày loi_van viết sau «trước ngày»: han: 30/11/2026"),
    ({"noi_nhan": "Ban Thường trực Ủy ban MTTQ Việt Nam huyện"}, "noi_nhan",
     "Giá trị đang ghi: Ban Thường trực Ủy ban MTTQ Việt Nam huyện"),
    # bad10 #4 (N08): a receiver cut short («tỉnh» dropped) reads as the commune reporting to itself
    ({"noi_nhan": "Ban Thường trực Ủy ban MTTQ Việt Nam"}, "noi_nhan",
     "Cách sửa: chép đủ tên như loi_van viết: noi_nhan: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"),
    # bad10 #3 (N09), r19q #3: the onward sender is the plan's words, as bao_cao › ben_gui
    ({"ben_gui": "Ban Công tác Mặt trận khu phố"}, "ben_gui", "Giá trị đang ghi: Ban Công tác Mặt trận khu phố"),
    ({"loi_van": "Tổng hợp, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 30/11/2026."}, "loi_van",
     "Website trích câu này trong ngoặc «» là lời kế hoạch"),
    # r19q #8: a loi_van that drops «Việt Nam» is the loi_van's error, not the (right) noi_nhan's
    ({"loi_van": "Tổng hợp kết quả, báo cáo Ban Thường trực Ủy ban MTTQ tỉnh trước ngày 30/11/2026."}, "loi_van",
     "Website trích câu này trong ngoặc «» là lời kế hoạch"),
])
def test_an_onward_report_the_plan_does_not_write_is_refused(tmp_path, change, field, said):
    """bad10 #10, r19q #8: each error at its field's own line («… › mục 1 › han»), with the value and the fix."""
    with pytest.raises(DataErrors) as err:
        load_website(_project(tmp_path, {**ONWARD, **change}))
    text = str(err.value)
    assert said in text and f"bao_cao_tiep › mục 1 › {field}»" in text and "ke-hoach.yaml:" in text, text
    assert text.count("ke-hoach.yaml:") == 1 and "chép noi_nhan" not in text.replace("Cách sửa: chép noi_nhan", ""), text


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


def _plain(tmp_path, onward):
    """The fixture with its onward sentence dated as `onward` says (in doan and loi_van alike)."""
    root = _project(tmp_path, onward)
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    said = re.search(r"\d+/\d+/\d{4}", onward["loi_van"]).group(0)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def dated(node):
        if isinstance(node, dict):
            return {k: dated(v) for k, v in node.items()}
        if isinstance(node, list):
            return [dated(v) for v in node]
        return node.replace("tỉnh trước ngày 30/11/2026", f"tỉnh trước ngày {said}") if isinstance(node, str) else node
    path.write_text(yaml.dump(dated(data), Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_website(root).plans[0]


def _onward_on(day: str) -> dict:
    return {**ONWARD, "han": day, "loi_van": WORDS.replace("30/11/2026", day)}


@pytest.mark.parametrize("onward, said", [
    # bad10 #2 (N36): «5/12/2026» is not the date of «… trước ngày 15/12/2026»
    ({**_onward_on("15/12/2026"), "han": "5/12/2026"}, "han ghi 05/12/2026, nhưng lời kế hoạch ở loi_van"),
    # bad10 #6 (N37): a year mistyped, more than a year after the plan's period; (N38) before the units' own
    # report date (15/11/2026)
    (_onward_on("15/01/2028"), "sau khi kế hoạch kết thúc hơn một năm"),
    (_onward_on("10/11/2026"), "trước hạn báo cáo 15/11/2026 của bao_cao › han"),
])
def test_an_onward_date_the_plan_does_not_set_is_refused(tmp_path, onward, said):
    with pytest.raises(DataErrors) as err:
        _plain(tmp_path, onward)
    text = str(err.value)
    assert said in text and "bao_cao_tiep › mục 1 › han»" in text and "Giá trị đang ghi" in text, text


def test_an_onward_date_as_written_is_accepted(tmp_path):
    assert _plain(tmp_path, _onward_on("15/12/2026")).plan.to_chuc_thuc_hien.bao_cao.bao_cao_tiep[0].han == dt.date(2026, 12, 15)


def test_an_onward_report_due_after_the_period_is_accepted(tmp_path):
    """Reports are made from the work done: a report sent on after the plan's period ends is usual
    (a 2023-shaped plan ending 30/11 may ask for it by 15/12), not a mistake."""
    onward = _plain(tmp_path, _onward_on("15/01/2027")).plan.to_chuc_thuc_hien.bao_cao.bao_cao_tiep[0]
    assert onward.han == dt.date(2027, 1, 15)


@pytest.mark.parametrize("sender", ["ông tác Mặt trận các thô", "thôn", "ban công tác mặt trận các thôn, làng"])
def test_a_sender_cut_from_the_words_is_refused(tmp_path, sender):
    """bad10 #1 (N16, N21): any substring of the section's words was printed as the sender, even cut mid-word:
    whole words, case as written, a name (two words or more, one capitalised)."""
    with pytest.raises(DataErrors) as err:
        _with_sender(tmp_path, sender)
    said = str(err.value)
    assert f"bao_cao › ben_gui»" in said and f"Giá trị đang ghi: {sender}" in said, said


def test_the_sender_replaces_each_unit_on_the_results(tmp_path):
    """r19q #7: with ben_gui set, the results page, the unit page and the .ics still wrote «từng thôn, làng»."""
    from macros.results import progress
    site = _with_sender(tmp_path, SENDER)
    assert progress.deadline_owner(site).startswith(f"{SENDER} báo cáo về"), progress.deadline_owner(site)
    assert "từng" not in progress.deadline_sentence(site)
    assert f"Hạn kế hoạch đặt cho {SENDER} báo cáo về" in _ics_text(ics.calendar(site, results_of(site), STAMP, "kon-klor"))

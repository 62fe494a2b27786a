"""A step's own time and the number of conferences per unit are data, not the 2023 plan's facts
(issue 19, review r19k defects 4 and 6). A commune plan dates its steps («trước ngày 30/9/…»,
«từ ngày 01/10/… đến ngày 31/10/…», «Quý IV/…») and sets «mỗi thôn, làng … từ 01 đến 02 hội
nghị»: the timeline, both calendars (read back with icalendar and vobject), the unit pages and
the toolkit say so, and «Kế hoạch không ghi …» only when the data says the plan does not.
In-process, on the 2023 plan's model with those fields set; the crosscheck on a copy of data/."""

import datetime as dt
import re
import shutil
from dataclasses import replace

import pytest
import vobject
import yaml
from icalendar import Calendar

from macros import step_times
from macros.errors import DataErrors
from macros.exports import ics
from macros.loader import load_site, load_website
from macros.model import StepTime
from macros.render import plan as plan_render, timeline, toolkit, units
from macros.results.load import results_of
from tests.sitebuild import ROOT
from tests.sitebuild import unname_text

SITE = load_site(ROOT)
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
NO_DATES = "Kế hoạch không ghi ngày riêng cho từng bước."
WORD = SITE.plan.ten_goi_don_vi  # «huyện, thành phố»
NO_COUNT = f"Kế hoạch không ghi số hội nghị riêng cho từng {WORD}."
TIMES = [StepTime(van_ban="trước ngày 30/9/2023", truoc_ngay="30/9/2023"),
         StepTime(van_ban="Quý IV/2023", tu_ngay="01/10/2023", den_ngay="31/12/2023"),
         StepTime(van_ban="từ ngày 01/10/2023 đến ngày 31/10/2023", tu_ngay="01/10/2023", den_ngay="31/10/2023")]


def _with(site, times=None, per_unit=False):
    """The site whose plan's steps carry `times` (one per step, None for none) and whose conference
    count is per unit or not."""
    steps = site.plan.cac_buoc
    buoc = [s.model_copy(update={"thoi_gian": t}) for s, t in zip(steps.buoc, times or [None] * len(steps.buoc))]
    section = steps.model_copy(update={"buoc": buoc,
                                       "hoi_nghi": steps.hoi_nghi.model_copy(update={"moi_don_vi": per_unit})})
    muc = [section if s is steps else s for s in site.plan.muc]
    return replace(site, plan=site.plan.model_copy(update={"muc": muc}))


def test_the_words_give_these_dates_and_no_other():
    read = step_times.read
    assert read("trước ngày 30/9/2026") == step_times.Read(truoc_ngay=dt.date(2026, 9, 30))
    assert read("từ ngày 01/10/2026 đến ngày 31/10/2026") == step_times.Read(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert read("Quý IV/2026") == step_times.Read(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert read("trong quý 2 năm 2026") == step_times.Read(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert read("trong tháng 02/2028") == step_times.Read(dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    assert read("đến hết ngày 31/12/2026") == step_times.Read(den_ngay=dt.date(2026, 12, 31))
    assert read("từ ngày 01/10 đến ngày 31/10/2026") == step_times.Read(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert read("từ tháng 7 đến tháng 9/2026") == step_times.Read(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert read("từ tháng 11/2026 đến tháng 02/2027") == step_times.Read(dt.date(2026, 11, 1), dt.date(2027, 2, 28))
    assert read("từ ngày 05/10/2026 đến trước ngày 20/10/2026") == step_times.Read(
        tu_ngay=dt.date(2026, 10, 5), truoc_ngay=dt.date(2026, 10, 20))
    assert read("sau khi có kết quả khảo sát") is None
    assert read("cuối năm") is None


def test_the_2023_plan_says_it_dates_no_step_and_sets_no_count_per_unit():
    assert all(s.thoi_gian is None for s in SITE.plan.cac_buoc.buoc) and not SITE.plan.cac_buoc.hoi_nghi.moi_don_vi
    assert NO_DATES in timeline.timeline_html(SITE)
    assert NO_COUNT in plan_render.conference_rule(SITE)
    assert f"không ghi số hội nghị riêng cho từng {WORD}." in toolkit.form_page(SITE, "bien-ban-hoi-nghi")
    assert "Thời gian các bước" not in units.unit_page(SITE, SITE.units[0].ma)


def test_step_times_reach_the_timeline():
    site = _with(SITE, TIMES)
    page = timeline.timeline_html(site)
    assert NO_DATES not in page and "không ghi ngày riêng" not in page
    names = [s.ten_ngan for s in site.plan.cac_buoc.buoc]
    # Each step's words next to it, and its dates among the milestones, in date order.
    for name, time in zip(names, TIMES):
        assert f"{name} — <em>{time.van_ban}</em>" in page
    order = ['<time datetime="2023-09-29">29/9/2023</time> Ngày cuối của bước 1',
             '<time datetime="2023-10-01">01/10/2023 – 31/12/2023</time> Bước 2',
             '<time datetime="2023-10-01">01/10/2023 – 31/10/2023</time> Bước 3']
    at = [page.find(s) for s in order]
    assert -1 not in at and at == sorted(at), dict(zip(order, at))
    assert "(kế hoạch ghi: «trước ngày 30/9/2023»)" in page
    # A step without a time is named as such, and only that one.
    partly = timeline.timeline_html(_with(SITE, [TIMES[0], None, None]))
    assert "Kế hoạch không ghi ngày riêng cho bước 2, 3." in partly and NO_DATES not in partly


def _events(raw: bytes) -> dict[str, tuple]:
    """UID -> (start, end exclusive, summary), read with both parsers; they must agree."""
    mine = {str(e["uid"]): (e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"]))
            for e in Calendar.from_ical(raw).walk("VEVENT")}
    other = {e.uid.value: (e.dtstart.value, e.dtend.value, e.summary.value)
             for e in vobject.readOne(raw.decode("utf-8")).vevent_list}
    assert mine == other
    return mine


def test_step_times_reach_both_calendars():
    site = _with(SITE, TIMES)
    results = results_of(site)
    code = site.units[0].ma
    made = ics.calendars(site, results, STAMP, [None, code])
    before = ics.calendars(SITE, results_of(SITE), STAMP, [None, code])
    for key in (None, code):
        events = _events(made[key])
        steps = {uid: e for uid, e in events.items() if "-buoc-" in uid}
        assert sorted((start, end) for start, end, _ in steps.values()) == [
            (dt.date(2023, 9, 29), dt.date(2023, 9, 30)), (dt.date(2023, 10, 1), dt.date(2023, 11, 1)),
            (dt.date(2023, 10, 1), dt.date(2024, 1, 1))]
        assert any("kế hoạch: Quý IV/2023" in summary for _, _, summary in steps.values())
        # Nothing else changed: the other events are the 2023 calendar's.
        assert {u: e for u, e in events.items() if "-buoc-" not in u} == _events(before[key])
    assert not any("-buoc-" in uid for uid in _events(before[None]))


def test_step_times_reach_the_unit_page():
    page = units.unit_page(_with(SITE, TIMES), SITE.units[0].ma)
    assert ("**Thời gian các bước (kế hoạch ghi):** bước 1: trước ngày 30/9/2023; bước 2: Quý IV/2023; "
            "bước 3: từ ngày 01/10/2023 đến ngày 31/10/2023") in page


def test_a_count_per_unit_is_said_as_such():
    site = _with(SITE, TIMES, per_unit=True)
    rule = plan_render.conference_rule(site)
    assert "không ghi số hội nghị" not in rule and rule.endswith(f"Số hội nghị của mỗi {WORD}: từ 02 đến 04.")
    page = units.unit_page(site, SITE.units[0].ma)
    assert "không ghi số hội nghị" not in page and f"Số hội nghị của mỗi {WORD}: từ 02 đến 04." in page
    form = toolkit.form_page(site, "bien-ban-hoi-nghi")
    assert "không ghi số hội nghị" not in form
    # The conference step (the third, the one with {so_hoi_nghi}) with its time as the plan writes it.
    assert (f"Kế hoạch (mục III.3): mỗi {WORD} tổ chức từ 02 đến 04 hội nghị tại các khu dân cư. "
            "Thời gian: từ ngày 01/10/2023 đến ngày 31/10/2023.") in form


# --- the crosscheck: the words are the plan's, the dates are the words' -----------------------

STEP = "Tổ chức khảo sát đánh giá về tình hình đời sống các mặt của đồng bào dân tộc thiểu số"


def _project(tmp_path, time: dict):
    """A copy of data/ whose 2023 plan's second step says «trong Quý III/2023» and carries `time`."""
    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = next(s for s in data["muc"] if s.get("loai") == "cac_buoc")
    steps["buoc"][1]["noi_dung"] = steps["buoc"][1]["noi_dung"].replace(STEP, STEP + " trong Quý III/2023")
    steps["buoc"][1]["thoi_gian"] = time
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return root, text


def _error(tmp_path, time: dict, key: str):
    root, text = _project(tmp_path, time)
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    assert len(exc.value.errors) == 1, str(exc.value)
    error = exc.value.errors[0]
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("thoi_gian:"))
    line = next(i for i in range(at, len(lines) + 1) if lines[i - 1].strip().startswith(key))
    assert error.file.endswith("ke-hoach-2023/ke-hoach.yaml") and error.line == line, str(error)
    return error


def test_the_dates_the_words_give_load(tmp_path):
    root, _ = _project(tmp_path, {"van_ban": "Quý III/2023", "tu_ngay": "01/7/2023", "den_ngay": "30/9/2023"})
    site = load_website(root).plans[0]
    assert step_times.span(site.plan.cac_buoc.buoc[1].thoi_gian) == (dt.date(2023, 7, 1), dt.date(2023, 9, 30))


def test_a_date_other_than_the_words_is_refused_at_its_line(tmp_path):
    error = _error(tmp_path, {"van_ban": "Quý III/2023", "tu_ngay": "01/7/2023", "den_ngay": "31/8/2023"}, "den_ngay")
    assert "«Quý III/2023» cho biết den_ngay là 30/9/2023" in error.message and "31/8/2023" in error.message
    assert error.field.endswith("thoi_gian › den_ngay") and '"30/9/2023"' in error.hint, str(error)


def test_a_date_the_words_do_not_give_is_refused(tmp_path):
    root, text = _project(tmp_path, {"van_ban": "Quý III/2023", "tu_ngay": "01/7/2023", "den_ngay": "30/9/2023"})
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    path.write_text(text.replace("trong Quý III/2023", "sau khi thống nhất").replace(
        "van_ban: Quý III/2023", "van_ban: sau khi thống nhất"), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    messages = [e.message for e in exc.value.errors]
    # one change, one error naming both days (review bad10 r6)
    assert len(messages) == 1 and "«sau khi thống nhất» không cho biết ngày nào (tu_ngay, den_ngay)" in messages[0], messages


def test_words_not_in_the_plan_are_refused(tmp_path):
    error = _error(tmp_path, {"van_ban": "Quý II/2023", "tu_ngay": "01/4/2023", "den_ngay": "30/6/2023"}, "van_ban")
    assert "không có trong chữ của kế hoạch" in error.message and error.field.endswith("thoi_gian › van_ban")


def test_a_missing_date_the_words_give_is_asked_for(tmp_path):
    root, _ = _project(tmp_path, {"van_ban": "Quý III/2023"})
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    messages = " ".join(e.message + " " + e.hint for e in exc.value.errors)
    assert "cho biết tu_ngay là 01/7/2023" in messages and "cho biết den_ngay là 30/9/2023" in messages, messages


def test_a_wrong_value_says_so_in_vietnamese(tmp_path):
    root, text = _project(tmp_path, {"van_ban": "Quý III/2023", "tu_ngay": "01/7/2023", "den_ngay": "30/9/2023"})
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    text = re.sub(r"( *)toi_da: 4\n", r"\g<0>\1moi_don_vi: có\n", text.replace("den_ngay: 30/9/2023", "den_ngay: 31/9/2023"))
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    text = str(exc.value)
    assert "ke-hoach.yaml:" in text and "den_ngay" in text and "Không có ngày 31 tháng 9" in text, text
    assert "hoi_nghi › moi_don_vi»: Cần «true» hoặc «false»" in text and "Traceback" not in text, text


def test_a_short_name_that_numbers_itself_is_numbered_once():
    """«Bước 1: Khảo sát…» as the document writes the short name: «Bước 1: Bước 1: …» was doubled."""
    site = _with(SITE, TIMES)
    steps = site.plan.cac_buoc
    buoc = [steps.buoc[0].model_copy(update={"ten_ngan": "Bước 1: Thống nhất"}), *steps.buoc[1:]]
    site = replace(site, plan=site.plan.model_copy(update={"muc": [
        steps.model_copy(update={"buoc": buoc}) if s is steps else s for s in site.plan.muc]}))
    page = timeline.timeline_html(site)
    assert "Ngày cuối của bước 1: Thống nhất (kế hoạch ghi: «trước ngày 30/9/2023»)" in page and "Bước 1: Bước 1" not in page
    summaries = [s for _, _, s in _events(ics.calendar(site, results_of(site), STAMP)).values()]
    assert "Ngày cuối của bước 1: Thống nhất (kế hoạch: trước ngày 30/9/2023)" in summaries, summaries

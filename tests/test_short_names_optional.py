"""A step's and a content's short name (ten_ngan) is optional (review r19o #6: the editor had to make one up, and
the site printed it as if it were the plan's). Without one, every place that names the step or the content uses
the plan's own words for it (Step/Topic.display_name: noi_dung, the step's number as written), never a label
the plan does not write, and never «None». In-process, on tests/fixtures/ke-hoach-xa-cau-truc."""

import datetime as dt
import html
import re

import pytest
import yaml

from macros.exports import ics
from macros.loader import load_website
from macros.pdf import documents
from macros.render import handbook, timeline
from macros.results.load import results_of
from tests.sitebuild import ROOT, one_plan_project
from tests.test_structured_verbatim import _Quoting

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
STEP1 = "Khảo sát, nắm tình hình Nhân dân tại các thôn, làng; hoàn thành trước ngày 30/9/2026."
TOPIC1 = "Chủ trương của Đảng, chính sách, pháp luật của Nhà nước về xây dựng nông thôn mới."
# The short names the fixture's editor wrote; none may appear once they are gone.
INVENTED = ("Khảo sát, nắm tình hình'", "Hội nghị tuyên truyền.", "Sơ kết, đánh giá.", "Chủ trương, chính sách, pháp luật",
            "Môi trường, nếp sống văn minh")


def _project(tmp_path):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section in data["muc"]:
        if section.get("loai") == "cac_buoc":
            for n, step in enumerate(section["buoc"], 1):
                del step["ten_ngan"]
                step["so"] = f"Bước {n}:"
            section["buoc"][0]["thoi_gian"] = {"van_ban": "trước ngày 30/9/2026", "truoc_ngay": "30/9/2026"}
        if section.get("loai") == "noi_dung":
            for topic in section["muc"]:
                del topic["ten_ngan"]
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("xa"))).plans[0]


def _words(text) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))


def _no_label(text: str, where: str):
    assert "None" not in text, where
    for label in ("Chủ trương, chính sách, pháp luật", "Môi trường, nếp sống văn minh", "Bước 1: Khảo sát, nắm tình hình\n"):
        assert label not in text, (where, label)


def test_the_model_names_them_by_the_plans_words(site):
    step = site.plan.cac_buoc.buoc[0]
    topic = site.plan.noi_dung.muc[0]
    assert step.ten_ngan is None and step.display_name == STEP1
    assert topic.ten_ngan is None and topic.display_name == TOPIC1


def test_timeline_names_each_step_as_the_plan_writes_it(site):
    page = _words(timeline.timeline_html(site))
    _no_label(page, "tien-do")
    assert f"Bước 1: {STEP1}" in page
    # the conference count of Bước 2 is filled, never left as a placeholder
    assert "{so_hoi_nghi}" not in page and "từ 01 đến 02 hội nghị" in page


def test_calendar_names_the_step_by_its_words(site):
    cal = ics.calendar(site, results_of(site), STAMP).decode("utf-8")
    text = re.sub(r"\r\n[ \t]", "", cal).replace("\\,", ",").replace("\\;", ";")
    _no_label(text, ".ics")
    assert f"SUMMARY:Ngày cuối của bước 1: {STEP1}" in text


def test_unit_sheet_quotes_steps_without_a_lead_in(site):
    doc = str(documents.handout_document(site, "kon-klor"))
    words = _words(doc)
    _no_label(words, "phiếu đơn vị")
    assert f"Bước 1: {STEP1}" in words
    assert "<strong>None" not in doc and f"<strong>Bước 1" not in doc  # no bold name running into the plan's text


def test_handbook_names_topics_by_the_plans_words(site):
    index = handbook.handbook_index(site)
    _no_label(index, "so-tay")
    assert TOPIC1 in index
    page = handbook.topic_page(site, "chu-truong-chinh-sach")
    assert page.startswith(f"# {TOPIC1}") or TOPIC1 in page.splitlines()[0], page[:200]
    _no_label(page, "so-tay/chu-truong")


def test_navigation_names_topics_by_the_plans_words(site):
    from macros.outputs import outputs
    labels = [o.title for o in outputs(site).all if o.key == "topic"]
    navs = [o.nav for o in outputs(site).all if o.key == "topic"]
    assert ("Sổ tay", TOPIC1) in navs, navs
    assert TOPIC1 in labels, labels

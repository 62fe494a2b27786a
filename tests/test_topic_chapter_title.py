"""A handbook chapter's own `ten` is shown when its topic has no short name (issue 19, defect 3 of the last
reviews): the topic's page took the plan's words for the topic as its title, the `ten` the editor wrote in
so-tay/<file>.yaml was shown nowhere, and nothing said so. An editor who wrote a `ten` expects to see it: the
topic's page, the handbook's contents and the nav carry it (Site.topic_title); without a `ten`, the plan's
words as before; with a ten_ngan, the ten_ngan (the chapter's `ten` must then repeat it). In-process, on the
sample plan of tests/fixtures/ke-hoach-mau."""

import re

from macros import outputs
from macros.loader import load_website
from macros.render import handbook
from tests.sitebuild import ROOT, one_plan_project

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-mau"
NAME = "Chương do người biên tập đặt tên"


def _site(tmp_path, chapter_ten: str | None):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-mau", "Kế hoạch mẫu dùng để kiểm thử")
    plan = root / "data" / "ke-hoach-mau" / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("      ten_ngan: Chủ đề mẫu 2\n", "", 1), encoding="utf-8")
    chapter = root / "data" / "ke-hoach-mau" / "so-tay" / "chu-de-mau-2.yaml"
    ten = "" if chapter_ten is None else f"ten: {chapter_ten}\n"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("ten: Chủ đề mẫu 2\n", ten, 1), encoding="utf-8")
    site = load_website(root).plans[0]
    topic = next(t for t in site.topics if t.ma == "chu-de-mau-2")
    assert topic.ten_ngan is None
    return site, topic


def _titles(site, topic):
    page = handbook.topic_page(site, topic.ma)
    heading = re.match(r"# (.*)\n", page).group(1)
    return heading, handbook.handbook_index(site)


def row_outputs(site):
    return next(r for r in outputs.ROWS if r.key == "topic").outputs(site, {})


def test_a_chapter_ten_is_the_title_of_a_topic_without_short_name(tmp_path):
    site, topic = _site(tmp_path, NAME)
    heading, index = _titles(site, topic)
    assert heading == NAME, heading
    assert NAME in index, index
    assert site.topic_title(topic) == NAME
    [made] = [o for o in row_outputs(site) if o.item.ma == topic.ma]  # the page's title and its nav entry
    assert made.title == NAME and made.nav == ("Sổ tay", NAME), made
    # the plan's words stay quoted under the title, as the plan writes them
    assert topic.noi_dung.split()[0] in handbook.topic_page(site, topic.ma)


def test_without_a_ten_the_plans_words_title_the_page(tmp_path):
    site, topic = _site(tmp_path, None)
    heading, _ = _titles(site, topic)
    assert heading.replace("\\", "") == " ".join(topic.noi_dung.split()), heading
    [made] = [o for o in row_outputs(site) if o.item.ma == topic.ma]
    assert made.title == topic.noi_dung, made

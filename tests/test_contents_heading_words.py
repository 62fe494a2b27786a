"""The Sổ tay index heads its list of contents with the plan's own words for them (ke-hoach.yaml ›
ten_goi_noi_dung: the 2023 plan's «các nội dung trọng tâm»), a neutral «Các nội dung» when the data gives none;
words the contents section does not write are refused, naming the field and its line (session 10, item 5:
session 9 made the heading neutral for every plan, dropping the 2023 plan's words). In-process."""

import pytest

from macros.errors import DataErrors
from macros.loader import load_website
from macros.render import handbook
from tests.sitebuild import ROOT, one_plan_project

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"


def _site(tmp_path, named=None):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    if named is not None:
        path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"ten_goi_noi_dung: {named}\n", encoding="utf-8")
    return load_website(root).plans[0]


def _headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def test_the_2023_plan_heads_its_contents_in_its_words():
    site = load_website(ROOT).plans[0]
    assert "Các nội dung trọng tâm" in _headings(handbook.handbook_index(site))


def test_neutral_without_the_plans_words(tmp_path):
    assert "Các nội dung" in _headings(handbook.handbook_index(_site(tmp_path)))


def test_the_words_of_the_section(tmp_path):
    assert "Nội dung tuyên truyền" in _headings(handbook.handbook_index(_site(tmp_path, "nội dung tuyên truyền")))


def test_words_the_plan_does_not_write_are_refused(tmp_path):
    with pytest.raises(DataErrors) as err:
        _site(tmp_path, "các nội dung trọng tâm")
    said = str(err.value)
    assert "ke-hoach.yaml:" in said and "ten_goi_noi_dung" in said and "không viết chữ này" in said, said


@pytest.mark.parametrize("named", ["nội", "NẾP SỐNG VĂN MINH"])
def test_a_lone_word_or_another_case_is_refused(tmp_path, named):
    """bad10 #5 (N25, N44): «sau» (one word of «… trọng tâm sau:») and an all-capitals form of words the plan writes
    in lower case were accepted and printed as the Sổ tay's heading: the phrase as written, at least two words."""
    with pytest.raises(DataErrors) as err:
        _site(tmp_path, named)
    said = str(err.value)
    assert "ke-hoach.yaml:" in said and "ten_goi_noi_dung" in said and f"Giá trị đang ghi: {named}" in said, said


def test_the_words_as_written_in_the_contents(tmp_path):
    assert "Nếp sống văn minh" in _headings(handbook.handbook_index(_site(tmp_path, "nếp sống văn minh")))

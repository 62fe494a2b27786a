"""Folding rules and the search index rewrite, without a browser."""

import json
import re
import unicodedata

import pytest
import yaml

from macros.searchindex import SEPARATOR, check_search_config, content_version, rewrite_index
from macros.text import canon, fold, slugify
from tests.sitebuild import ROOT

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


@pytest.mark.parametrize("typed,printed", [
    ("hoà", "hòa"), ("HOÀ", "hòa"), ("hoá", "hóa"), ("hoè", "hòe"), ("uỷ", "ủy"),
    ("Uỷ", "ủy"), ("thuỷ", "thủy"), ("luỹ", "lũy"), (NFD("thoát"), "thoát"),
    (NFD("Thuỷ"), "thủy"), ("H'Drai", "hdrai"), ("H’Drai", "hdrai"), ("Hʼdrai", "hdrai"),
])
def test_canon_makes_spellings_equal(typed, printed):
    assert canon(typed) == canon(printed) == unicodedata.normalize("NFC", printed)


def test_canon_moves_tone_only_at_word_end():
    assert canon("hoạch") == "hoạch" and canon("khuya") == "khuya" and canon("hoàng") == "hoàng"


@pytest.mark.parametrize("word,folded", [
    ("Đăk Glei", "dak glei"), ("đồng bào", "dong bao"), ("thoát nghèo", "thoat ngheo"),
    ("Ủy", "uy"), ("Ia H’Drai", "ia hdrai"), ("50.000.000đ", "50.000.000d"), (NFD("Thủy"), "thuy"),
])
def test_fold(word, folded):
    assert fold(word) == folded


def test_slugs_still_fold():
    assert slugify("Huyện Đăk Glei") == "huyen-dak-glei" and slugify("Ia H’Drai") == "ia-hdrai"


def test_separator_splits_punctuation_keeps_numbers_and_apostrophes():
    words = [w for w in re.split(SEPARATOR, "“Làm cho… bền vững”. 50.000.000đ (Năm) H’Drai – Tuyên-giáo") if w]
    assert words == ["Làm", "cho", "bền", "vững", "50.000.000đ", "Năm", "H’Drai", "Tuyên", "giáo"]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml uses MkDocs' !ENV tag; its value does not matter here."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def test_mkdocs_yml_uses_the_separator_and_no_trimmer():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 (a SafeLoader)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert check_search_config([search["lang"]], search["separator"], search["pipeline"]) == []


def test_config_check_names_each_problem():
    problems = check_search_config(["vi"], SEPARATOR, ["stopWordFilter", "trimmer"])
    assert len(problems) == 1 and "trimmer" in problems[0] and "xã" in problems[0]
    assert len(check_search_config(["en"], r"[\s\-]+", ["stemmer"])) == 3


def test_index_rewrite_is_utf8_nfc_and_smaller():
    raw = json.dumps({"config": {"fields": {}}, "docs": [
        {"location": "", "title": NFD("Thủy"), "text": "<p>Đăk Glei</p>", "tags": [NFD("Sổ tay")]}]})
    out = rewrite_index(raw)
    doc = json.loads(out)["docs"][0]
    assert "\\u" not in out and doc["title"] == "Thủy" and doc["tags"] == ["Sổ tay"]
    assert len(out.encode()) < len(raw.encode())


def test_content_version_changes_with_content():
    assert content_version(b"a") != content_version(b"b") and len(content_version(b"a")) == 12


def test_page_location_follows_the_url_style_and_the_index_keeps_each_pages_own_boost():
    from macros.searchindex import page_location

    assert page_location("huong-dan-bien-tap.md") == "huong-dan-bien-tap/"
    assert page_location("so-tay/index.md") == "so-tay/" and page_location("index.md") == ""
    assert page_location("so-tay/index.md", dir_urls=False) == "so-tay/index.html"
    raw = json.dumps({"config": {}, "docs": [
        {"location": "huong-dan-bien-tap/", "title": "Hướng dẫn", "text": ""},
        {"location": "ke-hoach/", "title": "Kế hoạch", "text": "", "boost": 2},
    ]})
    docs = json.loads(rewrite_index(raw))["docs"]
    assert [d.get("boost") for d in docs] == [None, 2]  # from the page's front matter, untouched


def test_built_index_demotes_no_readers_page(site):
    # The worker ranks an entry with boost < 1 after every other (rankKey in vi-search.js):
    # no page of the site is such material (the editor guide lives in CONTRIBUTING.md only).
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for doc in docs:
        assert doc.get("boost", 1) >= 1, doc["location"]


def test_pages_found_by_name_keep_one_entry_with_their_title_and_that_text():
    raw = json.dumps({"config": {}, "docs": [
        {"location": "don-vi/xa-a/", "title": "Xã A", "text": "<p>Kinh phí 5.000.000đ</p>"},
        {"location": "don-vi/xa-a/#nhiem-vu", "title": "Nhiệm vụ", "text": "lời kế hoạch"},
        {"location": "don-vi/", "title": "Các đơn vị", "text": "Xã A"},
        {"location": "ke-hoach/#vi", "title": "VI", "text": "lời kế hoạch"},
    ]})
    docs = json.loads(rewrite_index(raw, by_name={"don-vi/xa-a.md": "Mã đơn vị: 1 · Tên gọi khác: <b> H' Drai"}))["docs"]
    assert docs == [
        # escaped as Material escapes its text: quotes stay (no "&#x27;" token for lunr)
        {"location": "don-vi/xa-a/", "title": "Xã A", "text": "Mã đơn vị: 1 · Tên gọi khác: &lt;b&gt; H' Drai"},
        {"location": "don-vi/", "title": "Các đơn vị", "text": "Xã A"},
        {"location": "ke-hoach/#vi", "title": "VI", "text": "lời kế hoạch"},
    ]


def test_page_locations_follow_the_url_style():
    from macros.searchindex import page_location

    assert page_location("don-vi/xa-a.md") == "don-vi/xa-a/"
    assert page_location("don-vi/xa-a.md", dir_urls=False) == "don-vi/xa-a.html"
    assert page_location("index.md", dir_urls=False) == "index.html"


def test_a_page_found_by_name_carries_the_names_that_name_it():
    from macros.searchindex import Named

    raw = json.dumps({"config": {}, "docs": [{"location": "don-vi/xa-a/", "title": "Xã A", "text": "x"}]})
    docs = json.loads(rewrite_index(raw, by_name={"don-vi/xa-a.md": Named("Kinh phí. Mã đơn vị: 1", (NFD("Xã Ả"), "Ả"))}))["docs"]
    assert docs == [{"location": "don-vi/xa-a/", "title": "Xã A", "text": "Kinh phí. Mã đơn vị: 1", "names": ["Xã Ả", "Ả"]}]


def test_built_index_has_no_form_controls_and_unit_pages_say_what_they_hold(site):
    from macros.render.units import PAGE_TOPICS
    from macros.text import fold
    from tests.sitebuild import page_text

    docs = {d["location"]: d for d in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    # the unit list's filter (select, options, labels) is not text to find (issue 23)
    assert "Tất cả các ban" not in docs["don-vi/"]["text"] and "gõ có dấu" not in docs["don-vi/"]["text"]
    unit = docs["don-vi/huyen-tu-mo-rong/"]
    assert unit["names"] == ["Tu Mơ Rông"]  # the title names it too: not repeated
    # each topic the index claims is a label or heading the page really shows
    shown = fold(page_text(site, "don-vi/huyen-tu-mo-rong/index.html"))
    for topic in PAGE_TOPICS:
        assert topic.lower() in unit["text"].lower() and fold(topic) in shown, topic

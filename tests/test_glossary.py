"""Every abbreviation of the glossary carries a tooltip wherever it appears."""

import re
from html import unescape

import yaml

from macros.render.abbreviations import Abbreviator, term_pattern
from tests.sitebuild import ROOT, page_text

# domain.md §5, written here by hand: the glossary must explain at least these.
PLAN_ABBREVIATIONS = {
    "MTTQ": "Mặt trận Tổ quốc", "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam", "BTT": "Ban Thường trực",
    "DTTS": "dân tộc thiểu số", "KDC": "khu dân cư", "CVĐ": "Cuộc vận động", "TP": "thành phố",
    "Đ/c": "đồng chí", "B/c": "báo cáo", "P/h": "phối hợp", "T/h": "thực hiện", "VT": "Văn thư",
    "VP": "Văn phòng", "BPT": "Ban Phong trào", "KH": "kế hoạch", "OCOP": "Mỗi xã một sản phẩm",
}


def glossary() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "data" / "thuat-ngu.yaml").read_text(encoding="utf-8"))
    return {t["viet_tat"]: t["nghia"] for t in data["thuat_ngu"]}


def article(site, page) -> str:
    html = (site / page).read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    return match.group(1)


def test_glossary_explains_every_abbreviation_of_the_plan():
    terms = glossary()
    for abbr, meaning in PLAN_ABBREVIATIONS.items():
        assert terms.get(abbr, "").lower() == meaning.lower(), abbr


def test_plan_page_abbreviations_have_tooltips(site):
    html = article(site, "ke-hoach/index.html")
    for abbr in ("DTTS", "KDC", "CVĐ", "B/c", "Đ/c", "P/h", "T/h", "VT", "VP", "BPT", "UBMTTQVN", "BTT", "TP"):
        meaning = PLAN_ABBREVIATIONS[abbr]
        assert f'<abbr title="{meaning}">{abbr}</abbr>' in html, abbr


def test_no_abbreviation_is_left_without_a_tooltip_anywhere(site):
    terms = glossary()
    pattern = term_pattern(list(terms))
    bare = []
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        html = article(site, page)
        html = re.sub(r"<abbr\b[^>]*>.*?</abbr>", " ", html, flags=re.S)
        html = re.sub(r"<(code|pre|script|style|kbd)\b.*?</\1>", " ", html, flags=re.S)
        text = unescape(re.sub(r"<[^>]+>", " ", html))
        bare += [f"{page.relative_to(site)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not bare, bare[:20]


def test_glossary_page_lists_every_term(site):
    text = page_text(site, "thuat-ngu/index.html")
    for abbr, meaning in glossary().items():
        assert f"{abbr} {meaning}" in text, abbr


def test_abbreviator_matches_whole_words_and_leaves_code_alone():
    meanings = {"KH": "kế hoạch", "Đ/c": "đồng chí", "KT-XH": "kinh tế - xã hội", "KT": "x"}
    out = Abbreviator(meanings).apply('<p title="KH">Đ/c KHẢO 357/KH-MTTQ KT-XH &amp; <code>KH</code></p>')
    assert out == ('<p title="KH"><abbr title="đồng chí">Đ/c</abbr> KHẢO 357/<abbr title="kế hoạch">KH</abbr>-MTTQ '
                   '<abbr title="kinh tế - xã hội">KT-XH</abbr> &amp; <code>KH</code></p>')


def test_abbreviator_finds_terms_written_as_character_references_and_skips_pages_without_terms():
    """The pass reads the page only when a term occurs in it (read as a reader sees it):
    a term written with character references is still found, between tags too."""
    meanings = {"KH": "kế hoạch", "B/c": "báo cáo"}
    out = Abbreviator(meanings).apply("<p>Theo &#75;H, <b>B&#x2F;c</b></p>")
    assert out == ('<p>Theo <abbr title="kế hoạch">KH</abbr>, <b><abbr title="báo cáo">B/c</abbr></b></p>')
    page = "<p>KHẢO sát &amp; <code>KH</code>-less</p>"
    assert Abbreviator(meanings).apply(page) == page  # in code, or not a whole word: left alone
    plain = "<p>Không có chữ viết tắt nào &amp; không có gì để thay.</p>"
    assert Abbreviator(meanings).apply(plain) is plain


def test_every_term_of_the_glossary_is_used_on_some_other_page(site):
    """A reader looks up an abbreviation they met: one that appears nowhere else on the
    site (KL, TU of a citation since removed; CTMTQG, KT-XH) only lengthens the list."""
    terms = glossary()
    used = set()
    for page in sorted(site.rglob("index.html")):
        if page.relative_to(site).as_posix().startswith("thuat-ngu/"):
            continue
        used |= {unescape(m.group(1)) for m in re.finditer(r"<abbr\b[^>]*>([^<]+)</abbr>", article(site, page))}
    assert not set(terms) - used, sorted(set(terms) - used)

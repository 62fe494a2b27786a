"""Material's own strings on the built pages are Vietnamese (issue 13): its
vi translation leaves some in English, overrides/partials/languages/vi.html
completes it."""

import json
import re
from html.parser import HTMLParser

import yaml

from tests.sitebuild import ROOT

ENGLISH = ("Initializing search", "Back to top", "Contributors", "RSS feed", "Type to start searching",
           "Not found")  # Material's 404 page (issue 20): overrides/404.html is Vietnamese


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = []        # text of .md-search-result__meta
        self.config = ""      # the #__config script
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "md-search-result__meta" in (a.get("class") or "").split():
            self._in = "meta"
        elif tag == "script" and a.get("id") == "__config":
            self._in = "config"

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "meta":
            self.meta.append(data.strip())
        elif self._in == "config":
            self.config += data


def test_search_speaks_vietnamese_while_it_loads(site):
    page = _Page()
    page.feed((site / "kinh-phi" / "index.html").read_text(encoding="utf-8"))
    assert "".join(page.meta) == "Đang chuẩn bị tìm kiếm…"
    translations = json.loads(page.config)["translations"]
    assert translations["search.result.placeholder"] == "Nhập để bắt đầu tìm kiếm"
    assert translations["search.result.term.missing"] == "Thiếu"
    assert translations["search.result.more.other"] == "# kết quả khác trong trang"


def test_no_english_interface_string_on_any_page(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found = [s for s in ENGLISH if s in text]
        assert not found, (path.relative_to(site).as_posix(), found)


# A two-word sequence written twice running («Cuộc vận động vận động…», issue 20).
DOUBLED = re.compile(r"(?<!\w)(\w+ \w+) \1(?!\w)", re.IGNORECASE)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_no_doubled_words_in_the_sites_own_texts():
    """Every text the site writes from data/ (not the plan's own words, kept as issued)."""
    files = [p for p in sorted((ROOT / "data").rglob("*.yaml")) if p.name != "ke-hoach.yaml"]
    found = [(p.relative_to(ROOT).as_posix(), m.group(0)) for p in files
             for text in _strings(yaml.safe_load(p.read_text(encoding="utf-8")))
             for m in DOUBLED.finditer(" ".join(text.split()))]
    assert not found, found

"""Issue 21 item 6: what an editor types is what readers see. Text that begins with
Markdown block syntax («1. …», «- …», «---», «??? …», «===») stays text: no nested
list that swallows the item number, no rule, no details block, no heading."""

import re
import shutil
from html import unescape

import markdown
import pytest

from macros.loader import load_site
from macros.render import handbook
from macros.text import md_escape
from tests.sitebuild import ROOT
from tests.sitebuild import unname_text

# The site's Markdown extensions (mkdocs.yml), as the build converts pages.
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "abbr", "pymdownx.details"]


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def shown(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("typed", ["1. Làm đơn", "2) Nộp đơn", "- Gạch đầu dòng", "---", "- - -", "??? Hỏi",
                                   "=== Tiêu đề", "12.5 triệu đồng", "+ Cộng thêm", "# Không phải tiêu đề",
                                   "> Không phải trích dẫn", "* * *", "| a | b |"])
@pytest.mark.parametrize("where", ["{}", "1. {}", "- {}", "Đoạn trước\n{}", "| Cột |\n| --- |\n| {} |"])
def test_line_start_syntax_is_shown_as_typed(typed, where):
    html = html_of(where.format(md_escape(typed)))
    assert typed in shown(html), html
    assert "<hr" not in html and "<details" not in html and "<h1" not in html and "<blockquote" not in html, html
    assert html.count("<ol") + html.count("<ul") <= (1 if where.startswith(("1.", "-")) else 0), html


def test_a_step_typed_with_its_number_keeps_it(tmp_path):
    """The real chapter page: steps «1. …» «2. …» as an editor numbers them by hand,
    and a paragraph «---»: one list of steps, each with its number as typed, no rule."""
    root = tmp_path / "goc"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    chapter = root / "data" / "ke-hoach-2023" / "so-tay" / "mo-hinh-hay.yaml"
    text = chapter.read_text(encoding="utf-8")
    text = text.replace("      - Tham quan tận nơi", "      - 1. Tham quan tận nơi", 1)
    text = text.replace("      - Hỏi ý kiến cán bộ", "      - 2. Hỏi ý kiến cán bộ", 1)
    text = text.replace("huong_dan:", "kien_thuc:\n  - tieu_de: Ghi chú\n    doan:\n      - \"---\"\n"
                                      "      - Đoạn sau dấu gạch.\nhuong_dan:", 1)
    chapter.write_text(text, encoding="utf-8")
    site = load_site(root)
    html = html_of(handbook.topic_page(site, "mo-hinh-hay"))
    page = shown(html)
    assert "1. Tham quan tận nơi" in page and "2. Hỏi ý kiến cán bộ" in page, page
    assert "<hr" not in html
    assert "---" in page
    # No list inside a list item: each step is one <li> of one ordered list.
    assert not re.search(r"<li>\s*<ol", html), html

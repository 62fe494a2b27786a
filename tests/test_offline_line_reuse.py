"""Issue 24: above the whole-site ZIP's cap every unit page offers its packages in a line
after its title, known only once the packages are made. The pages were converted from
Markdown a second time for it (1,000 unit pages at 1,000 units); now the first rendering's
content is kept and the line put where Markdown puts it (offline_hooks._with_line). Here:
the kept content with the line is what converting the Markdown with the line gives."""

import zlib

import markdown
import pytest
from mkdocs.config import load_config

from macros.adapters import offline_hooks
from macros.loader import load_website
from macros.offline import package
from macros.render.pages import Catalog, after_title
from tests.sitebuild import ROOT


@pytest.fixture(scope="module")
def convert():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return lambda text: markdown.Markdown(extensions=config.markdown_extensions,
                                          extension_configs=config.mdx_configs).convert(text)


def test_the_line_goes_where_markdown_puts_it(convert):
    catalog = Catalog(load_website(ROOT))
    pages = [p for p in catalog.pages.values() if "/don-vi/" in f"/{p.path}"][:3]
    packages = package.Packages(zip_size=1, zip_href=None, shared=("tai-ve/goi-chung.zip", 400_000),
                                units={"x": ("tai-ve/goi-don-vi/x.zip", 50_000)}, top="trang")
    group = package.UnitGroup("x", "don-vi/x/index.html", "don-vi/x.html", ())
    line = str(package.unit_line(packages, group))
    assert pages and line
    for page in pages:
        for text in (page.markdown, "Không tiêu đề.\n\n" + page.markdown):  # with a "# " title, and without
            kept = (zlib.compress(convert(text).encode("utf-8")), text.startswith("# "))
            assert offline_hooks._with_line(kept, line) == convert(after_title(text, line + "\n")), page.path

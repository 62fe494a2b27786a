"""Every string from data/ reaches every output escaped: pages (body, navigation,
<title>, tooltips, attributes), the search index and the PDFs (text and metadata).

The validator refuses tags, javascript: and on…= (see the corpus); what it lets
through — a processing instruction "<?x", entities, quotes, Markdown, Jinja,
URLs — is appended to every free-text value of every data file (tests/payloads.py).
One build of that data is shared by the assertions below; the render layer is
also checked in-process, without MkDocs."""

import html
import json
import re

import markdown
import pypdf
import pytest

from macros.adapters.mkdocs_hooks import html_titles
from macros.render.pages import generated_pages, nav
from macros.site import load_site
from tests.payloads import MARK, PAYLOAD, SHOWN_PAYLOAD, poison_data, read_html, shown
from tests.pdfcheck import nospace, require_weasyprint
from tests.sitebuild import copy_project, mkdocs_build


@pytest.fixture(scope="module")
def poisoned_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("doc") / "project")
    changed = poison_data(project / "data")
    assert changed > 300  # every text field of every file, not a sample
    return project


@pytest.fixture(scope="module")
def poisoned(poisoned_project, tmp_path_factory):
    load_site(poisoned_project)  # the payloads pass validation: escaping must handle them
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(poisoned_project, out)
    assert result.returncode == 0, result.stderr
    return out


def problems(where: str, markup: str) -> list[str]:
    """What a reader would see wrong: markup made from data, a link from data, or
    the payload shown other than exactly as typed."""
    reader = read_html(markup)
    found = [f"{where}: processing instruction <?{p}>" for p in reader.pis]
    found += [f"{where}: text {shown(t)[:120]!r}" for t in reader.texts
              if MARK in t and SHOWN_PAYLOAD not in shown(t)]
    found += [f"{where}: <{tag} {name}={value[:120]!r}>" for tag, name, value in reader.attrs
              if MARK in value and SHOWN_PAYLOAD not in shown(value)]
    found += [f"{where}: link {value}" for _, name, value in reader.attrs
              if name in ("href", "src") and "example.invalid" in value]
    return found


def test_every_page_shows_data_as_typed(poisoned):
    pages = sorted(poisoned.rglob("*.html"))
    assert len(pages) >= 30
    bad, with_payload = [], 0
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        bad += problems(path.relative_to(poisoned).as_posix(), markup)
        with_payload += any(MARK in t for t in read_html(markup).texts)
    assert bad == []
    assert "49" not in PAYLOAD and with_payload == len(pages)  # the navigation carries data to every page


def test_navigation_and_titles_hold_the_names_as_typed(poisoned):
    page = (poisoned / "don-vi" / "index.html").read_text(encoding="utf-8")
    nav_part = page[page.index('<nav class="md-nav md-nav--primary"'):]
    texts = [shown(t) for t in read_html(nav_part).texts]
    name = f"Huyện {SHOWN_PAYLOAD} Sa Thầy {SHOWN_PAYLOAD}"  # cap and ten, both poisoned
    assert name in texts, texts[:40]
    unit = next(p for p in (poisoned / "don-vi").glob("*sa-thay*/index.html"))
    head = unit.read_text(encoding="utf-8").split("</head>")[0]
    title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
    assert "<?x" not in title  # escaped in the source of the tab title
    assert shown(html.unescape(title)).startswith(name)


def test_search_index_holds_data_escaped(poisoned):
    index = json.loads((poisoned / "search" / "search_index.json").read_text(encoding="utf-8"))
    bad, titles = [], 0
    for doc in index["docs"]:
        bad += problems(f"search {doc['location']} title", doc["title"])
        bad += problems(f"search {doc['location']} text", doc["text"])
        titles += MARK in doc["title"]
    assert bad == []
    assert titles >= 10  # unit and chapter titles are searchable with the payload


def test_pdfs_print_data_as_typed(poisoned):
    require_weasyprint()
    pdfs = sorted((poisoned / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 3
    typed = nospace("<?x &lt;b&gt;")
    for path in [p for p in pdfs if "don-vi" not in p.parts] + [p for p in pdfs if "don-vi" in p.parts][:1]:
        reader = pypdf.PdfReader(str(path))
        text = nospace("".join(page.extract_text() or "" for page in reader.pages))
        marks = [m.start() for m in re.finditer(MARK, text)]
        assert marks, path.name
        assert all(text[at - len(typed):at] == typed for at in marks), path.name
        assert PAYLOAD.strip()[:40] in str(reader.metadata.get("/Title", "")) + str(reader.metadata.get("/Author", ""))


# --- in-process: the render layer and the nav, without a build ---------------


@pytest.fixture(scope="module")
def poisoned_site(poisoned_project):
    return load_site(poisoned_project)


def test_generated_pages_render_data_as_typed(poisoned_site):
    md = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "admonition", "abbr"])
    bad = []
    for page in generated_pages(poisoned_site):
        bad += problems(page.path, md.reset().convert(page.markdown))
    assert bad == []


def test_nav_titles_reach_material_escaped(poisoned_site):
    def titles(entries):
        for entry in entries:
            for title, value in entry.items():
                yield title
                if isinstance(value, list):
                    yield from titles([v for v in value if isinstance(v, dict)])

    raw = list(titles(nav(poisoned_site)))
    escaped = list(titles(html_titles(nav(poisoned_site))))
    assert sum(MARK in t for t in raw) >= 10
    assert [html.unescape(t) for t in escaped] == raw  # the titles, escaped once
    assert not any("<" in t or '"' in t for t in escaped)

"""Every string from data/ reaches every output escaped: pages (body, navigation,
<title>, tooltips, attributes), the search index and the PDFs (text and metadata).

Two sets of payloads. PAYLOADS (tests/sitebuild.py) go into a few fields of the
session's mutated build: entities, Markdown, Jinja, stray < and >. PAYLOAD
(tests/payloads.py) — a processing instruction "<?x", entities, quotes,
Markdown, Jinja, URLs, all of which the validator lets through — is appended to
every free-text value of every data file; one HTML-only build of that data is
shared by the assertions below, its PDFs are made in-process by the build's writer
from that data and the built handbook pages, and the render layer is also checked
in-process."""

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import markdown
import pypdf
import pytest

from macros.adapters.plugin import html_titles
from macros.render import links
from macros.render.pages import plan_nav, plan_pages
from macros.loader import load_site
from tests.payloads import MARK, PAYLOAD, SHOWN_PAYLOAD, poison_data, read_html, shown
from tests.pdfcheck import nospace, require_weasyprint
from tests.sitebuild import PAYLOADS, build_once, copy_project, mkdocs_build_here, mutated_project, page_text


@pytest.fixture(scope="module")
def poisoned(mutated_site):
    """The real build of the project with the payloads (tests/sitebuild.py: mutate_data)."""
    return mutated_site


def test_payloads_pass_validation(tmp_path):
    # The validator lets these through: this is what escaping must handle.
    load_site(mutated_project(tmp_path / "project"))


def articles(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
        yield path.relative_to(site).as_posix(), (match.group(1) if match else html)


def test_no_markup_from_data_reaches_a_page(poisoned):
    seen = 0
    for page, html in articles(poisoned):
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert not [u for u in re.findall(r'(?:href|src)="([^"]*)"', html) if "example.invalid" in u], page
        assert "<strong>đậm" not in html and "<em>nghiêng" not in html and "<code>mã" not in html, page
        seen += "đậm" in html
    assert seen >= 3  # the payloads were shown somewhere, escaped


def test_payloads_are_shown_as_typed(poisoned):
    budget = page_text(poisoned, "kinh-phi/index.html")
    assert PAYLOADS["ent"] in budget  # the reader sees the entity text, not a tag
    plan = page_text(poisoned, "ke-hoach/index.html")
    assert PAYLOADS["md"] in plan and PAYLOADS["jinja"] in plan
    # The local committees' name heads their part on the assignments page (the plan page
    # shows the plan's own heading, "…, thành phố:", from its tieu_de).
    assert PAYLOADS["auto"] in page_text(poisoned, "phan-cong/index.html")
    assert "49 jinja" not in plan  # Jinja in data is not run
    topic = page_text(poisoned, "so-tay/mo-hinh-hay/index.html")
    assert PAYLOADS["cmp"] in topic
    unit = page_text(poisoned, "don-vi/huyen-kon-plong/index.html")
    assert PAYLOADS["cmp"] in unit


# --- every text field of every data file (issue 12) -------------------------------


def poisoned_copy(dest: Path) -> Path:
    """A copy of the project with PAYLOAD appended to every text field of every data file."""
    if dest.exists():
        shutil.rmtree(dest)
    project = copy_project(dest)
    changed = poison_data(project / "data")
    assert changed > 300  # every text field of every file, not a sample
    return project


@pytest.fixture(scope="session")
def all_fields_site(tmp_path_factory) -> Path:
    """One HTML-only build of the project with every text field poisoned, shared by all
    pytest-xdist workers (tests/sitebuild.py: build_once); its PDFs: all_fields_pdfs. Without
    the offline files (KONTUM_OFFLINE=0): the ZIP's file:// copy is no page here, and the pages
    hold the same data texts without them (every page the same count of MARK, ~0.4 CPU-s, issue 22)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def build(out: Path):
        project = poisoned_copy(out.with_name(out.name + "-project"))
        load_site(project)  # the payloads pass validation: escaping must handle them
        return mkdocs_build_here(project, out, SOURCE_DATE_EPOCH="1700000000", KONTUM_PDF="0",
                                 KONTUM_OFFLINE="0")

    return build_once(shared / "site-all-fields", build)


@pytest.fixture(scope="module")
def all_fields_pdfs(all_fields_site, tmp_path_factory) -> list[Path]:
    """The PDFs of the poisoned data (they are an output too), made as the build makes
    them (macros/adapters/pdf_output.py): the plan, the handbook from the built handbook
    pages' articles, the first unit's handout; by the build's writer (macros/pdf/writer.py)."""
    require_weasyprint()
    from macros.loader import load_website
    from macros.pdf import article, writer
    from macros.pdf.documents import Chapter
    from macros.render.pages import handbook_section

    site = load_website(all_fields_site.with_name(all_fields_site.name + "-project")).plans[0]
    chapters, title = [], None
    for src in handbook_section(site):
        page = src[:-3]
        built = all_fields_site / (page[: -len("index")] if page.endswith("index") else page + "/") / "index.html"
        body = article.article_html(built.read_text(encoding="utf-8"))
        heading = article.first_heading(body) or src
        title = title or heading
        chapters.append(Chapter(heading, article.printable(body, built)))
    jobs = writer.jobs_for(site, title, chapters)
    units = [j for j in jobs if j.kind == "handout"]
    out = tmp_path_factory.mktemp("pdf-all-fields")
    printer = writer.Printer(site)
    made = []
    for job in [j for j in jobs if j.kind != "handout"] + units[:1]:
        printer.write(job.html, job.kind, job.meta, out / job.rel)
        made.append(out / job.rel)
    assert {j.kind for j in jobs} >= {"plan", "handbook", "handout"}
    return made


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


def test_every_page_shows_data_as_typed(all_fields_site):
    pages = sorted(all_fields_site.rglob("*.html"))
    assert len(pages) >= 30
    bad, with_payload = [], 0
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        bad += problems(path.relative_to(all_fields_site).as_posix(), markup)
        with_payload += any(MARK in t for t in read_html(markup).texts)
    assert bad == []
    assert "49" not in PAYLOAD and with_payload == len(pages)  # the navigation carries data to every page


def test_navigation_and_titles_hold_the_names_as_typed(all_fields_site):
    page = (all_fields_site / "don-vi" / "index.html").read_text(encoding="utf-8")
    nav_part = page[page.index('<nav class="md-nav md-nav--primary"'):]
    texts = [shown(t) for t in read_html(nav_part).texts]
    name = f"Huyện {SHOWN_PAYLOAD} Sa Thầy {SHOWN_PAYLOAD}"  # cap and ten, both poisoned
    assert name in texts, texts[:40]
    unit = next(p for p in (all_fields_site / "don-vi").glob("*sa-thay*/index.html"))
    head = unit.read_text(encoding="utf-8").split("</head>")[0]
    title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
    assert "<?x" not in title  # escaped in the source of the tab title
    assert shown(html.unescape(title)).startswith(name)


def test_search_index_holds_data_escaped(all_fields_site):
    index = json.loads((all_fields_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    bad, titles = [], 0
    for doc in index["docs"]:
        bad += problems(f"search {doc['location']} title", doc["title"])
        bad += problems(f"search {doc['location']} text", doc["text"])
        titles += MARK in doc["title"]
    assert bad == []
    assert titles >= 10  # unit and chapter titles are searchable with the payload


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF in the order the page draws it (poppler's `pdftotext
    -raw`: the order pypdf's extract_text reads; here the same marks, each after the same text,
    at a thirtieth of its CPU: 0.05 s for the three PDFs, 1.8 s before, issue 22)."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is required in CI")
        return "".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
    return subprocess.run(["pdftotext", "-q", "-raw", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_pdfs_print_data_as_typed(all_fields_pdfs):
    pdfs = all_fields_pdfs
    assert len(pdfs) >= 3
    typed = nospace("<?x &lt;b&gt;")
    for path in pdfs:
        reader = pypdf.PdfReader(str(path))
        text = nospace(pdf_text(path))
        marks = [m.start() for m in re.finditer(MARK, text)]
        assert marks, path.name
        assert all(text[at - len(typed):at] == typed for at in marks), path.name
        assert PAYLOAD.strip()[:40] in str(reader.metadata.get("/Title", "")) + str(reader.metadata.get("/Author", ""))


# --- in-process: the render layer and the nav, without a build ---------------


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    return load_site(poisoned_copy(tmp_path_factory.mktemp("inproc") / "project"))


def test_generated_pages_render_data_as_typed(poisoned_site):
    md = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "admonition", "abbr"])
    bad = []
    for page in plan_pages(poisoned_site):
        bad += problems(page.path, md.reset().convert(page.markdown))
    assert bad == []


def test_nav_titles_reach_material_escaped(poisoned_site):
    def titles(entries):
        for entry in entries:
            for title, value in entry.items():
                yield title
                if isinstance(value, list):
                    yield from titles([v for v in value if isinstance(v, dict)])

    nav = plan_nav(poisoned_site, links.HOME)  # the nav of a website with this plan only
    raw = list(titles(nav))
    escaped = list(titles(html_titles(nav)))
    # Chapter, topic and form titles from data (units are listed on their own page, not in the nav).
    assert sum(MARK in t for t in raw) >= 5
    assert [html.unescape(t) for t in escaped] == raw  # the titles, escaped once
    assert not any("<" in t or '"' in t for t in escaped)

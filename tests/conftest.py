import os
from pathlib import Path

import pytest

from macros.gitdates import commit_epoch
from tests.browser import chromium_path
from tests.sitebuild import MUTATED_EDIT_URI, ROOT, build_once, made_once, mkdocs_build, mkdocs_build_here, mutated_project


# scripts/test.sh runs the files on pytest-xdist workers whole (--dist loadfile: a module's
# fixtures, e.g. a build or a LibreOffice conversion, are made on one worker, not on each),
# in the order of the collection (--no-loadscope-reorder), which puts these first, longest
# first, so that the long builds start at once and no long file is left for the end
# while the other worker idles. Measured CPU seconds per file (issue 22): the rest are
# short and keep their order.
LONGEST_FIRST = (
    "test_fixture_plan.py",      # the real site (~13 s on a fresh checkout) then the two-plan build (~9 s), in-process PDFs
    "test_escaping.py",          # the mutated build and the every-field build (with PDFs)
    "test_accessibility.py",     # ~35 CPU-s of Chromium: one pass (tables, contrast, axe, links) over every page
    "test_offline_browser.py",   # ~20 s Chromium, service worker, file:// copy
    "test_search.py",            # ~15 s: ~190 queries in one call into the page, 10 typed letter by letter
    "test_fuzz_data.py",         # ~15 CPU-s: 164 distinct edited texts, each a full load of data/
    "test_weight.py",            # ~9 CPU-s: first loads in one cache-disabled context, throttled search
    "test_safe_build.py",        # scripts/build.py: two refusals, one full build from the cache
    "test_serve.py",             # mkdocs serve and its rebuilds (waits more than it computes)
    "test_truthful.py",
    "test_print_browser.py",
    "test_import_files.py",      # one LibreOffice call for .ods/.xls
    "test_print_workbooks.py",   # one LibreOffice call for every workbook
    "test_field_ui.py",
    "test_bad_input_corpus.py",
)


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order


def pytest_runtest_logreport(report):
    """TEST_TIMELINE=<file>: one line per test phase (worker, start, seconds, phase, test),
    to see where a run's time goes and whether a worker idles at the end (issue 22)."""
    timeline = os.environ.get("TEST_TIMELINE")
    if getattr(report, "node", None) is not None:
        return  # pytest-xdist's controller, told of a worker's test: the worker writes it
    if timeline and report.stop:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(timeline, "a", encoding="utf-8") as out:
            out.write(f"{worker}\t{report.start:.3f}\t{report.stop - report.start:.3f}\t{report.when}\t{report.nodeid}\n")


def _shared_dir(tmp_path_factory) -> Path:
    """The base temp dir shared by all pytest-xdist workers of this run (or this run's own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test run with --strict (one worker builds,
    the others wait on a file lock and reuse it)."""
    # Dated like scripts/build.py dates a published build (SOURCE_DATE_EPOCH = HEAD's
    # commit time), so it is also the first of tests/test_safe_build.py's two builds of one commit.
    epoch = commit_epoch(ROOT)
    dated = {"SOURCE_DATE_EPOCH": str(epoch)} if epoch is not None else {}
    return build_once(_shared_dir(tmp_path_factory) / "site-real", lambda out: mkdocs_build(ROOT, out, **dated))


@pytest.fixture(scope="session")
def site_pdf_pages(site, tmp_path_factory) -> dict[str, list[str]]:
    """Site path -> the text of each page (pypdf) of each PDF of the real site, read once
    per run for every file and worker that reads it (tests/test_truthful.py,
    tests/test_nothing_invented.py): reading the 12 PDFs costs seconds each time."""
    import json

    import pypdf

    def make(out: Path):
        pages = {p.relative_to(site).as_posix(): [page.extract_text() or "" for page in pypdf.PdfReader(str(p)).pages]
                 for p in sorted((site / "pdf").rglob("*.pdf"))}
        out.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")

    made = made_once(_shared_dir(tmp_path_factory) / "site-real-pdf-pages.json", make)
    return json.loads(made.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_pdf_texts(site_pdf_pages) -> dict[str, str]:
    """Site path -> the whole text of each PDF of the real site, whitespace folded."""
    from tests.pdfcheck import squash

    return {rel: squash(" ".join(pages)) for rel, pages in site_pdf_pages.items()}


@pytest.fixture(scope="session")
def mutated_site(tmp_path_factory) -> Path:
    """One end-to-end build of a copy of the project with changed data, shared by the
    tests that need a real build of changed data (tests/sitebuild.py: MUTATIONS):
    the per-unit amount (change propagation), payloads (escaping), EDIT_URI and
    SOURCE_DATE_EPOCH outside git (edit links). PDFs are not made: not the point."""
    shared = _shared_dir(tmp_path_factory)

    def build(out: Path):
        project = mutated_project(out.with_name(out.name + "-project"))
        return mkdocs_build_here(project, out, EDIT_URI=MUTATED_EDIT_URI, SOURCE_DATE_EPOCH="1700000000", KONTUM_PDF="0")

    return build_once(shared / "site-mutated", build)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium. Skips where there is none, but never under CI=true."""
    if chromium_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required in CI (/usr/bin/chromium)")
        pytest.skip("no Chromium on this machine")
    from tests.browser import launch

    with launch() as b:
        yield b


@pytest.fixture(scope="session")
def printed(browser, tmp_path_factory):
    """printed(root, path) -> the PDF bytes of Chromium's print of that page of a built
    site (tests/browser.py: PRINT_OPTIONS), printed once per run for every test and
    worker that reads it (the print tests of several files read the same pages)."""
    from tests.browser import PrintedPages

    pages = PrintedPages(browser, _shared_dir(tmp_path_factory) / "printed")
    try:
        yield pages
    finally:
        pages.close()

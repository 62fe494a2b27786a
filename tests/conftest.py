import gc
import importlib
import os
from pathlib import Path

import pytest

from macros.gitdates import commit_epoch
from tests.browser import chromium_path
from tests.sitebuild import MUTATED_EDIT_URI, ROOT, build_once, made_once, mkdocs_build_here, mutated_project


# scripts/test.sh runs the files on pytest-xdist workers whole (--dist loadfile: a module's
# fixtures, e.g. a build or a LibreOffice conversion, are made on one worker, not on each),
# in the order of the collection (--no-loadscope-reorder), which puts these first, longest
# first (a worker takes the next file when it is free: longest first leaves only short files
# for the end, and no worker idles while another finishes a long file). The first three need
# nothing another file builds: the real site (built by the first), the mutated and every-field
# builds (the second) and LibreOffice (the third) start at once, and the files after them find
# the shared builds made. Then by the worker-seconds each file took in the full suite
# (--durations=0, 2 workers, session 10's start: /work/wt/issues/s10-durations.txt, issue 22),
# a shared build counted in the first file that asked for it. The rest (each under ~1 s) keep
# their order.
LONGEST_FIRST = (
    "test_fixture_plan.py",         # 13.1 s: the real site (conftest: site), then the two-plan build
    "test_escaping.py",             # 12.3: the mutated build and the every-field build (with PDFs)
    "test_import_files.py",         # 13.1: LibreOffice (.ods, .xls), no build
    "test_accessibility.py",        # 37.8: Chromium, one pass over every page
    "test_offline_browser.py",      # 25.5
    "test_search.py",               # 21.1
    "test_weight.py",               # 13.1
    "test_safe_build.py",           # 13.0: scripts/build.py, two refusals and one full build
    "test_serve.py",                # 12.7: mkdocs serve (waits more than it computes)
    "test_field_ui.py",             # 12.6
    "test_bad_input_corpus.py",     # 11.4
    "test_print_workbooks.py",      # 10.5: one LibreOffice call for every workbook
    # test_copy_pages.py before test_serve_dirty.py (as in the alphabetical order before): after
    # test_serve_dirty.py's in-process serve builds, a later build in the same worker made no
    # copy page the next build could take (reused 0 of 9: `pytest -n 0 tests/test_serve_dirty.py
    # tests/test_copy_pages.py` fails, session 10; state of serve left in the process).
    "test_copy_pages.py",           # 7.7: six HTML builds (one run both tests read, session 13)
    "test_serve_dirty.py",          # 9.9
    "test_truthful.py",             # 9.4
    "test_fuzz_data.py",            # 8.9
    "test_guide.py",                # 7.3
    "test_import_plan.py",          # 6.8
    "test_html_valid.py",           # 6.0: the Nu HTML Checker (Java)
    "test_report_draft.py",         # 5.5
    "test_cache.py",                # 5.4
    "test_scripts.py",              # 4.9
    "test_print_browser.py",        # 4.6
    "test_pdf_overflow.py",         # 4.5
    "test_consistency.py",          # 4.4
    "test_spreadsheet_formulas.py",  # 3.9
    "test_cache_shared.py",         # 3.6
    "test_plan_shapes.py",          # 3.6
    "test_links_back.py",           # 3.3
    "test_results_phone.py",        # 2.9
    "test_offline.py",              # 2.9
    "test_results_site.py",         # 2.8
    "test_toolkit.py",              # 2.6
    "test_build_interrupt.py",      # 2.6
    "test_results_exports.py",      # 2.4
    "test_module_state.py",         # 2.2
    "test_quoted_spans.py",         # 2.2
    "test_import_drawer.py",        # 2.1
    "test_editor_mistakes.py",      # 2.0
    "test_print_handouts.py",       # 1.9
    "test_page_addresses.py",       # 1.8
    "test_data_errors.py",          # 1.7
)


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order


def pytest_runtest_teardown(item, nextitem):
    """Say once which test left this worker ignoring Ctrl+C (SIGINT) at the system's level: every
    process it starts afterwards would ignore it too (tests/sitebuild.py: interruptible)."""
    from tests.sitebuild import sigint_ignored

    if not _SIGINT_SAID[0] and sigint_ignored():
        _SIGINT_SAID[0] = True
        import warnings

        warnings.warn(f"this test process ignores SIGINT from {item.nodeid} on (the first test after which it did)")


_SIGINT_SAID = [False]


def pytest_collection(session):
    """On a fresh clone each worker rewrites and compiles every test module (~3.3 CPU-s a worker,
    half of its collection): the second worker imports them last file first, so the two meet in
    the middle and each reads the other's half from __pycache__ (session 14). Only for a run of
    the whole folder (a run of one file imports no more than it did)."""
    where = session.config.invocation_params.dir
    if os.environ.get("PYTEST_XDIST_WORKER") != "gw1" or [(where / a).resolve() for a in session.config.args] != [ROOT / "tests"]:
        return
    for path in sorted((ROOT / "tests").glob("test_*.py"), reverse=True):
        try:
            importlib.import_module(f"tests.{path.stem}")
        except KeyboardInterrupt:
            raise
        except BaseException:  # noqa: BLE001 - collection imports it again and reports it (a skip, an error) as pytest does
            pass


def pytest_collection_finish(session):
    """What collection left alive (the modules of every library, the tests) is frozen out of the
    garbage collector's full passes: each of those walked it again, ~45 passes of ~0.1 CPU-s a
    worker in a run (full passes 7.6 -> 4.6 CPU-s in a run, both workers, session 14)."""
    gc.collect()
    gc.freeze()


def pytest_sessionfinish(session):
    """Everything frozen (here and by tests/codeparse.py) back under the collector before pytest's
    passes at exit, which report what an object's finalizer raised (a cycle made garbage while frozen
    would be left out: review, session 14); ~1 CPU-s a worker."""
    gc.unfreeze()


def pytest_runtest_logreport(report):
    """TEST_TIMELINE=<file>: one line per test phase (worker, start, seconds, phase, test,
    CPU-seconds), to see where a run's time goes and whether a worker idles at the end
    (issue 22). The CPU-seconds are the worker's and its subprocesses' since the worker's
    last line (a phase's own, with pytest's bookkeeping between phases); those of processes
    still running (Chromium) are read at each test's end and counted on its teardown line.
    A busy machine stretches the seconds, not the CPU-seconds."""
    timeline = os.environ.get("TEST_TIMELINE")
    if getattr(report, "node", None) is not None:
        return  # pytest-xdist's controller, told of a worker's test: the worker writes it
    if timeline and report.stop:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        if report.when == "teardown":  # the running processes read from /proc once a test (~2 ms)
            _CPU_SEEN[1] = _running_descendants_cpu(os.getpid())
        cpu = _cpu_seconds() + _CPU_SEEN[1]
        spent, _CPU_SEEN[0] = cpu - _CPU_SEEN[0], cpu
        with open(timeline, "a", encoding="utf-8") as out:
            out.write(f"{worker}\t{report.start:.3f}\t{report.stop - report.start:.3f}\t{report.when}\t{report.nodeid}"
                      f"\t{spent:.3f}\n")


def _cpu_seconds() -> float:
    """CPU-seconds of this process and of its subprocesses that have ended (user + system)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _running_descendants_cpu(pid: int) -> float:
    """The CPU-seconds of the processes still running under `pid`, each with the children it has
    waited for (Playwright's driver and its Chromium live until the worker's tests end)."""
    tick, children, cpu = os.sysconf("SC_CLK_TCK"), {}, {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            cpu[int(entry.name)] = sum(int(f) for f in fields[11:15]) / tick  # utime, stime, cutime, cstime
    total, todo = 0.0, list(children.get(pid, []))
    while todo:
        child = todo.pop()
        total += cpu[child]
        todo += children.get(child, [])
    return total


# the worker's CPU-seconds at its last timeline line (the first line also counts the collection), and
# those of the processes running under it at its last test's end
_CPU_SEEN = [0.0, 0.0]


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
    # In this worker's process (mkdocs_build_here: the same `mkdocs build --strict` without a new
    # Python importing MkDocs, Material and macros/ again, ~2 CPU-s, issue 22); the command itself
    # builds the real site in tests/test_safe_build.py (scripts/build.py), byte-identical to this one.
    return build_once(_shared_dir(tmp_path_factory) / "site-real", lambda out: mkdocs_build_here(ROOT, out, **dated))


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
def saved_as_odt(tmp_path_factory) -> Path:
    """A folder holding <name>.docx of each document of tests/plan_docx_fixtures.py: SAVED_AS_ODT
    and <name>.odt, that document saved as .odt by LibreOffice Writer: one soffice call for every
    import test of the run that reads a .docx as LibreOffice saves it (four calls before, each
    ~1.2 CPU-s of LibreOffice's start: issue 22; test_import_r19s's joined it in session 13), made
    once for all pytest-xdist workers. Read only."""
    from tests.plan_docx_fixtures import SAVED_AS_ODT
    from tests.sheets import convert, soffice

    soffice()  # skips here where there is none (never under CI=true), not inside the lock

    def make(out: Path):
        import shutil

        shutil.rmtree(out, ignore_errors=True)  # what a failed attempt left
        out.mkdir(parents=True)
        sources = []
        for name, build in SAVED_AS_ODT.items():
            build(out / f"{name}.docx")
            sources.append(out / f"{name}.docx")
        convert(sources, "odt", out)

    return made_once(_shared_dir(tmp_path_factory) / "saved-as-odt", make)


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


@pytest.fixture(scope="session", autouse=True)
def _pdfs_printed_once(tmp_path_factory):
    """tests/pdfcheck.py: print_pdf keeps what it prints in this run's temp dir shared by all
    pytest-xdist workers: a document printed in-process by several files (the compiled report
    of tests/results_fixtures.py: three) is printed once per run, not once per worker (issue 22)."""
    from tests import pdfcheck

    pdfcheck.PRINTED_DIR["dir"] = _shared_dir(tmp_path_factory) / "printed-pdfs"

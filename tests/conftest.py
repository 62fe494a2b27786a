import os
from pathlib import Path

import pytest

from macros.gitdates import commit_epoch
from tests.browser import chromium_path
from tests.sitebuild import MUTATED_EDIT_URI, ROOT, build_once, mkdocs_build, mutated_project


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
def mutated_site(tmp_path_factory) -> Path:
    """One end-to-end build of a copy of the project with changed data, shared by the
    tests that need a real build of changed data (tests/sitebuild.py: MUTATIONS):
    the per-unit amount (change propagation), payloads (escaping), EDIT_URI and
    SOURCE_DATE_EPOCH outside git (edit links). PDFs are not made: not the point."""
    shared = _shared_dir(tmp_path_factory)

    def build(out: Path):
        project = mutated_project(out.with_name(out.name + "-project"))
        return mkdocs_build(project, out, EDIT_URI=MUTATED_EDIT_URI, SOURCE_DATE_EPOCH="1700000000", KONTUM_PDF="0")

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

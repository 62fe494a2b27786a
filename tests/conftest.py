import os
from pathlib import Path

import pytest

from tests.browser import chromium_path
from tests.sitebuild import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test run with --strict."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


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

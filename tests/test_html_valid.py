"""Every page of the built site is valid HTML for the Nu HTML Checker (issue 13).

The checker is `vnu.jar` from the npm package vnu-jar (pinned below), run with
Java 17+. It is about 30 MB, too big to keep in the repository: CI installs it
into .cache/vnu (.ci/run); elsewhere, `npm install --prefix .cache/vnu
--ignore-scripts vnu-jar@26.9.27` or point VNU_JAR at a copy. Without the jar
or Java the test is skipped, except under CI=true, where it fails.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

VNU_VERSION = "26.9.27"  # .ci/run installs this version
VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")


def _checker() -> list[str]:
    java = shutil.which("java")
    missing = [what for what, ok in (("vnu.jar", VNU_JAR.is_file()), ("java", java)) if not ok]
    if missing:
        why = f"Nu HTML Checker not available ({', '.join(missing)} missing; see tests/test_html_valid.py)"
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    # One short run over ~40 files: the JIT's second tier (C2) and the parallel collector
    # cost more CPU than they save (6.8 -> 2.2 CPU-s, same output: issue 22).
    return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss2m", "-jar", str(VNU_JAR)]


def run_vnu(paths: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([*_checker(), "--errors-only", "--format", "gnu", *map(str, paths)],
                          capture_output=True, text=True, timeout=300)


# The errors the overrides remove, in Material's original markup: the check can fail.
BAD = ('<!doctype html><html lang="vi"><head><title>x</title></head><body>'
       '<input type="checkbox" id="t" autocomplete="off"><label for="t" tabindex="">x</label>'
       "</body></html>")


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory):
    """One run of the checker (a JVM start costs seconds) over every page of the site
    and a page with Material's original markup: (its output lines, the bad page)."""
    bad = tmp_path_factory.mktemp("vnu") / "bad.html"
    bad.write_text(BAD, encoding="utf-8")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 20
    result = run_vnu([*pages, bad])
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()], result.returncode, bad, site


def test_every_page_is_valid_html(checked):
    lines, _, bad, site = checked
    errors = [line.replace(str(site), "") for line in lines if str(bad) not in line]
    assert not errors, "\n".join(errors[:40])


def test_checker_reports_material_s_own_markup(checked):
    lines, returncode, bad, _ = checked
    reported = "\n".join(line for line in lines if str(bad) in line)
    assert returncode != 0
    assert "autocomplete" in reported and "tabindex" in reported

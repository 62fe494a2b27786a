"""LibreOffice as the real client of our spreadsheets: convert several files in
one soffice call (it is slow to start), with a profile of its own so that
parallel test workers and other soffice processes do not collide: one per test process,
made on its first call and reused by the calls after it (a new profile costs ~0.4 s of
LibreOffice's start each time: issue 22), removed when the process ends."""

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def soffice() -> str:
    """The soffice command; skips where there is none, but never under CI=true."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("no LibreOffice on this machine")
    return found


@functools.cache
def _profile() -> str:
    """This process's LibreOffice profile: its calls run one after another, never at once."""
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return profile


def convert(paths: list[Path], target: str, outdir: Path, infilter: str | None = None) -> list[Path]:
    """soffice --headless --convert-to `target` for every path, in one call.
    Returns the converted files (same stem, new extension; <stem>-<sheet> for every sheet)."""
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [soffice(), f"-env:UserInstallation=file://{_profile()}", "--headless", "--norestore",
           "--convert-to", target, "--outdir", str(outdir)]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    subprocess.run(cmd + [str(p) for p in paths], check=True, capture_output=True, timeout=180)
    ext = target.split(":")[0]
    # Every sheet to its own CSV (filter option -1) is written as <stem>-<sheet>.csv.
    out = {p: sorted(outdir.glob(f"{p.stem}.{ext}")) or sorted(outdir.glob(f"{p.stem}-*.{ext}")) for p in paths}
    missing = [p for p, found in out.items() if not found]
    assert not missing, f"LibreOffice did not convert: {missing}"
    return [f for found in out.values() for f in found]

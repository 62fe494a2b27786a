"""Issue 23: tests left `weasyprint-*` and `mkdocs_*` folders in the temp directory.

`weasyprint-*`: WeasyPrint copies the @font-face fonts of a FontConfiguration into a
mkdtemp folder it never removes; every Printer (one per PDF worker process) left
one behind on every build, tests or not. `mkdocs_*`: `mkdocs serve` builds into a
mkdtemp folder it removes only when stopped with Ctrl+C (SIGINT), not SIGTERM.
Each check runs with its own TMPDIR, so other tests running at the same time
cannot make it pass or fail."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from macros.pdf import writer
from tests.sitebuild import ROOT

PRINT_AND_POOL = textwrap.dedent("""
    import sys
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from macros.pdf import writer
    from macros.pdf.documents import Metadata
    out = Path(sys.argv[2])
    meta = Metadata("Thử", "Người biên tập", "Thử in")
    writer.Printer(root=Path(sys.argv[1])).write("<p>Xin chào</p>", "plan", meta, out / "a.pdf")
    jobs = [writer.Job(f"{i}.pdf", "<p>Ấp, xã</p>", "handout", meta) for i in range(2)]
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=ctx) as pool:
        print(list(pool.map(writer._render_share, [sys.argv[1]] * 2, [[(j, str(out / j.rel))] for j in jobs])))
""")


def test_pdf_printers_leave_no_font_folder_in_the_temp_directory(tmp_path):
    if writer.unavailable_reason():
        pytest.skip("WeasyPrint cannot run here")
    temp = tmp_path / "tmp"
    temp.mkdir()
    done = subprocess.run([sys.executable, "-c", PRINT_AND_POOL, str(ROOT), str(tmp_path)], capture_output=True,
                          text=True, env=dict(os.environ, TMPDIR=str(temp)), timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.pdf").exists() and (tmp_path / "1.pdf").exists()
    assert sorted(p.name for p in temp.iterdir()) == []


def test_the_shared_builds_leave_nothing_in_the_temp_directory(site):
    """tests/sitebuild.py gives each build its own TMPDIR and writes down what the
    build left there (then removes it): nothing."""
    left = Path(str(site) + ".tmp-left")
    assert left.exists() and left.read_text(encoding="utf-8") == ""

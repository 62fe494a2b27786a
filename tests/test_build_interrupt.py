"""Issue 21 item 9: Ctrl+C during scripts/build.py. A real SIGINT to the build's whole
process group (what a terminal sends on Ctrl+C) while MkDocs runs: one Vietnamese line,
exit status 130, no traceback (from the script or from MkDocs), the last good site
untouched, no half-built folder left."""

import os
import signal
import subprocess
import sys
import time

from tests.sitebuild import ROOT, copy_project, interruptible
from tests.test_safe_build import BUILD, leftovers, snapshot


def test_ctrl_c_during_the_build_keeps_the_last_good_site(tmp_path):
    project = copy_project(tmp_path / "project")
    out = tmp_path / "public" / "site"
    out.mkdir(parents=True)
    (out / "index.html").write_text("<p>bản tốt gần nhất</p>", encoding="utf-8")
    good = snapshot(out)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KONTUM_")}
    env.update(KONTUM_PDF="0", SOURCE_DATE_EPOCH="1700000000")
    build = subprocess.Popen(interruptible([sys.executable, str(BUILD), "--goc", str(project), "--ra", str(out)]),
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)  # its own group, as a shell gives a foreground job
    try:
        deadline = time.monotonic() + 120
        # MkDocs is running once its output folder exists and holds something.
        while time.monotonic() < deadline and build.poll() is None:
            started = [p for p in out.parent.iterdir() if p.name.startswith(".site-moi-")]
            if started and any(started[0].iterdir()):
                break
            time.sleep(0.05)
        assert build.poll() is None, build.communicate()
        os.killpg(build.pid, signal.SIGINT)  # Ctrl+C: the whole foreground process group
        stdout, stderr = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert build.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "Đã dừng theo yêu cầu (Ctrl+C)" in stderr and "giữ nguyên bản tốt gần nhất" in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert [line for line in lines if "Ctrl+C" in line] == lines[-1:], stderr
    assert snapshot(out) == good
    time.sleep(0.5)  # the stopped MkDocs child is gone: nothing writes a folder after the script ended
    assert leftovers(out.parent) == []

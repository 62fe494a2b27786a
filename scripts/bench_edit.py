#!/usr/bin/env python3
"""Edit loop: time from saving a data file to the changed page under serve.

    .venv/bin/python scripts/bench_edit.py

Starts scripts/serve.sh on a free port, changes one sentence of
data/ke-hoach.yaml five times, and after each save polls the plan page until
the new text is served; prints each time and the median. The data file is put
back exactly as it was afterwards, even on failure or Ctrl+C.
"""

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "ke-hoach.yaml"
SENTENCE = "Trên đây là kế hoạch"  # the plan's closing sentence (ket_luan), on /ke-hoach/
PAGE = "ke-hoach/"
RUNS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if server.poll() is not None:
            raise SystemExit(f"serve.sh stopped (exit {server.returncode})")
        try:
            if text in fetch(url):
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"'{text}' not served at {url} within {timeout:.0f} s")


def main() -> int:
    original = DATA.read_bytes()
    assert SENTENCE.encode() in original, SENTENCE
    port = free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([str(ROOT / "scripts" / "serve.sh"), str(port)], cwd="/",
                              stdout=log, stderr=log, start_new_session=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    times = []
    try:
        wait_for(url, SENTENCE, 300, server)  # set-up and the first build
        time.sleep(1)
        for run in range(1, RUNS + 1):
            marker = f"Đo vòng sửa {run} {os.getpid()}"
            changed = original.replace(SENTENCE.encode(), f"{SENTENCE} ({marker})".encode(), 1)
            start = time.monotonic()
            DATA.write_bytes(changed)
            wait_for(url, marker, 60, server)
            times.append(time.monotonic() - start)
            print(f"lần {run}: {times[-1]:.2f} s", flush=True)
            time.sleep(0.5)
    except BaseException:
        log.seek(0)
        sys.stderr.write(log.read().decode("utf-8", "replace")[-4000:])
        raise
    finally:
        DATA.write_bytes(original)
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    print(f"trung vị / median: {statistics.median(times):.2f} s (lưu data/ke-hoach.yaml → trang {PAGE} mới)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

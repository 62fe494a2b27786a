#!/usr/bin/env python3
"""Edit loop: time from saving a data file to the changed page under serve.

    .venv/bin/python scripts/bench_edit.py
    .venv/bin/python scripts/bench_edit.py --don-vi 3321   # a synthetic plan of 3,321 units

Starts scripts/serve.sh on a free port, changes one sentence of
data/ke-hoach-2023/ke-hoach.yaml five times, and after each save polls the plan page until
the new text is served; prints each time (and, with --don-vi, the serve process's CPU time
for it: user+sys, which the machine's load does not inflate as much) and the median. The data file is put
back exactly as it was afterwards, even on failure or Ctrl+C.

With --don-vi N: a copy of the project in a temporary folder with a synthetic plan
of N units (scripts/synthetic_plan.py, as scripts/bench_scale.py makes it), served as
scripts/serve.sh serves (`mkdocs serve --dirty`, KONTUM_SERVE=1); each save changes one
unit's official name in don-vi.yaml and polls that unit's page (issue 24: within 5 s
at 3,321 units).
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
DATA = ROOT / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
SENTENCE = "Trên đây là kế hoạch"  # the plan's closing sentence (ket_luan), on /ke-hoach/
PAGE = "ke-hoach/"
RUNS = 5


def load() -> str:
    """The machine's load as `uptime` says it (the machine may be shared: say it with every figure)."""
    out = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    return out[out.find("load average"):] if "load average" in out else out


def cpu_seconds(pid: int) -> float:
    """user+sys CPU time of process `pid` so far (Linux /proc): what a save cost the serve process
    itself, whatever else the machine runs (say the load beside wall times)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def synthetic(units: int) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_scale import project  # noqa: E402

    tmp = tempfile.TemporaryDirectory()
    proj = project(Path(tmp.name), units)
    data = proj / "data" / "ke-hoach-mau" / "don-vi.yaml"
    original = data.read_text(encoding="utf-8")
    unit = units // 2
    from synthetic_plan import unit_names  # noqa: E402
    from types import SimpleNamespace

    from macros.render.links import unit_slug  # noqa: E402

    name = unit_names(units)[unit]
    official = f"ten_chinh_thuc: Xã {name}\n"
    assert original.count(official) == 1, official
    url_path = f"don-vi/{unit_slug(SimpleNamespace(cap='xã', ten=name))}/"
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    log = tempfile.TemporaryFile()
    env = dict(os.environ, KONTUM_SERVE="1", NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=proj, env=env, stdout=log, stderr=log, start_new_session=True)
    times, cpus = [], []
    try:
        wait_for(url, f"Xã {name}", 900, server)
        time.sleep(5)  # the first build's downloads are written after its pages
        print(f"trước khi đo / before: {load()}", flush=True)
        for run in range(1, RUNS + 1):
            marker = f"Sửa đo thử {run} {os.getpid()}"
            cpu = cpu_seconds(server.pid)
            start = time.monotonic()
            data.write_text(original.replace(official, f"ten_chinh_thuc: Xã {name} {marker}\n"), encoding="utf-8")
            wait_for(url, marker, 120, server)
            times.append(time.monotonic() - start)
            cpus.append(cpu_seconds(server.pid) - cpu)
            print(f"lần {run}: {times[-1]:.2f} s, CPU của serve {cpus[-1]:.2f} s ({load()})", flush=True)
            time.sleep(2)
    except BaseException:
        log.seek(0)
        sys.stderr.write(log.read().decode("utf-8", "replace")[-4000:])
        raise
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        tmp.cleanup()
    print(f"trung vị / median: {statistics.median(times):.2f} s, CPU {statistics.median(cpus):.2f} s ({units} đơn vị, "
          f"lưu don-vi.yaml → trang {url_path} mới; sau khi đo / after: {load()})")
    return 0


def main() -> int:
    if "--don-vi" in sys.argv:
        return synthetic(int(sys.argv[sys.argv.index("--don-vi") + 1]))
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
    print(f"trung vị / median: {statistics.median(times):.2f} s (lưu data/ke-hoach-2023/ke-hoach.yaml → trang {PAGE} mới; "
          f"{load()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

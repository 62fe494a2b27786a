"""scripts/test.sh and scripts/serve.sh as a user runs them: from any folder, by
relative or absolute path; a too-old Python or a busy port stop with one
Vietnamese line and no traceback."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

SCRIPTS = ROOT / "scripts"


def run(args, cwd, **env):
    full = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PORT"))}
    full.update(env)
    return subprocess.run(args, cwd=cwd, env=full, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("where,command", [
    ("scripts", ["./test.sh"]),                                  # cd scripts && ./test.sh
    ("/", [str(SCRIPTS / "test.sh")]),                            # absolute path from elsewhere
    ("..", [f"./{ROOT.name}/scripts/test.sh"]),                   # relative path from the parent
])
def test_test_script_runs_from_any_folder(where, command):
    cwd = (ROOT / where).resolve() if where != "/" else Path("/")
    had_venv = (cwd / ".venv").exists()
    # pytest run by the script from the repository's root: its .venv, and the test file by its path from there;
    # without the conftest, which the script's folder handling does not reach (0.2 CPU-s a run of three: issue 22)
    result = run([*command, "-n", "0", "-q", "--collect-only", "--noconftest", "tests/test_numbers.py"], cwd=cwd)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tests collected" in result.stdout, result.stdout
    assert (cwd / ".venv").exists() == had_venv  # no .venv made outside the repository


def test_old_python_is_named_in_one_vietnamese_line(tmp_path):
    fake = tmp_path / "python3.10"
    fake.write_text("#!/bin/sh\necho 3.10.13\n")
    fake.chmod(0o755)
    result = run([str(SCRIPTS / "test.sh")], cwd=tmp_path, PYTHON=str(fake))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Cần Python 3.11 trở lên" in lines[0] and "3.10.13" in lines[0]


def test_busy_port_is_refused_before_building(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run([str(SCRIPTS / "serve.sh")], cwd=tmp_path, PORT=str(port))
        by_argument = run([str(SCRIPTS / "serve.sh"), str(port)], cwd=tmp_path)
    for r in (result, by_argument):
        assert r.returncode != 0
        assert f"Cổng {port} đang được chương trình khác dùng" in r.stderr
        assert f"PORT={port + 1}" in r.stderr and "Traceback" not in r.stderr + r.stdout
        assert "Website:" not in r.stdout  # stopped before building


def python_c_here(real_run):
    """subprocess.run for scripts/bench_scale.py's `python -c CODE` children (the stock twin's
    pages and nav, read by macros/ from the checkout it runs in): CODE run in this process, in
    the child's folder, its stdout captured, instead of a new Python importing macros/ (and
    compiling the checkout's copy of it: ~1.3 CPU-s of the test's two, issue 22); the copy's
    code is the repository's own, which this process imported. Any other command runs as given."""
    import contextlib
    import io

    def run(args, cwd=None, capture_output=False, text=False, check=False, **kwargs):
        if args[:2] != [sys.executable, "-c"] or kwargs:
            return real_run(args, cwd=cwd, capture_output=capture_output, text=text, check=check, **kwargs)
        assert capture_output and text and len(args) == 3, args
        out, here = io.StringIO(), os.getcwd()
        os.chdir(cwd)
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(args[2], "<string>", "exec"), {"__name__": "__main__"})  # noqa: S102
        finally:
            os.chdir(here)
        return subprocess.CompletedProcess(args, 0, out.getvalue(), "")
    return run


def test_bench_scale_stock_twin_has_the_sites_nav(tmp_path, monkeypatch):
    """Issue 24: the stock twin listed every unit in every sidebar (quadratic), so "faster
    than stock" compared with a strawman. It now has the site's own nav, the unit pages
    reached from their list (not_in_nav), as the site has them. (The twin's pages and nav
    are read in this process: python_c_here.)"""
    import importlib.util
    import json

    import yaml

    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "scripts" / "bench_scale.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    proj = bench.project(tmp_path, 3)
    assert (proj / ".git").is_dir()  # the published configuration is measured in a checkout
    monkeypatch.setattr(bench.subprocess, "run", python_c_here(subprocess.run))
    twin = bench.stock_project(proj)
    monkeypatch.undo()
    stock = yaml.safe_load((twin / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "/don-vi/*.md" in stock["not_in_nav"]
    flat = json.dumps(stock["nav"], ensure_ascii=False)
    assert "don-vi.md" in flat and "don-vi/" not in flat and "hooks" not in stock

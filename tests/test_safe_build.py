"""scripts/build.py: a failing build leaves the last good site exactly as it was;
two builds of one commit are byte-identical."""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.sitebuild import ROOT, copy_project

BUILD = ROOT / "scripts" / "build.py"


def run_build(project: Path, out: Path, **env) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH" and not k.startswith("KONTUM_")}
    full.update(env)
    return subprocess.run([sys.executable, str(BUILD), "--goc", str(project), "--ra", str(out)],
                          capture_output=True, text=True, env=full, timeout=300)


def snapshot(tree: Path) -> dict[str, tuple[str, int]]:
    """Every file's bytes (as a hash) and modification time."""
    return {p.relative_to(tree).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(tree.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".site-")]


def test_last_good_site_survives_failing_builds(site, tmp_path, monkeypatch, capsys):
    """The two refusals run scripts/build.py's main() in this process (the data check's
    refusal, and MkDocs' strict build in the child process build.py starts): no new Python
    importing the check and macros/ for each (~2 CPU-s, issue 22; the command itself runs in
    test_two_builds_of_one_commit_are_byte_identical and tests/test_build_interrupt.py). The
    last good site is a copy of the session's real build (conftest: site), and the fixed
    build's swap runs with MkDocs replaced by a stub (the swap is what is tested;
    test_two_builds_of_one_commit_are_byte_identical runs a real one)."""
    import shutil

    project = copy_project(tmp_path / "project")
    out = tmp_path / "public" / "site"
    shutil.copytree(site, out)
    good = snapshot(out)
    assert "index.html" in good

    # 1. Bad data: stopped by the check, before MkDocs runs.
    plan = project / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('don_vi: ["611", "610"]', 'don_vi: ["611", "Dak Glei"]'), encoding="utf-8")
    b = load_build()
    for name in [k for k in os.environ if k == "SOURCE_DATE_EPOCH" or k.startswith("KONTUM_")]:
        monkeypatch.delenv(name)  # as run_build: a switch left in the shell changes no build
    monkeypatch.setenv("KONTUM_PDF", "0")
    capsys.readouterr()
    assert b.main(["--goc", str(project), "--ra", str(out)]) == 1
    bad = capsys.readouterr()
    assert "Không có đơn vị mã «Dak Glei»" in bad.err and "Traceback" not in bad.err
    assert "giữ nguyên bản tốt gần nhất" in bad.err
    assert snapshot(out) == good
    assert leftovers(out.parent) == []

    # 2. Good data, but the strict build fails (a broken link in a page).
    plan.write_text(text, encoding="utf-8")
    (project / "docs" / "hong.md").write_text("# Hỏng\n\n[liên kết hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
    # Without PDFs and offline files: MkDocs refuses the build after its last step, and the
    # file:// copy of the offline step would double the time this takes (issue 22).
    monkeypatch.setenv("KONTUM_OFFLINE", "0")
    assert b.main(["--goc", str(project), "--ra", str(out)]) == 1, capsys.readouterr()
    assert "Tạo website không thành công" in capsys.readouterr().err
    assert snapshot(out) == good
    assert leftovers(out.parent) == []

    # 3. Fixed: the new site replaces the old one, nothing is left beside it.
    (project / "docs" / "hong.md").unlink()
    monkeypatch.setattr(b, "commit_epoch", lambda root: None)

    def stub_mkdocs(root, config, new, env):
        (new / "index.html").write_text("mới", encoding="utf-8")
        return 0

    monkeypatch.setattr(b, "run_mkdocs", stub_mkdocs)
    assert b.build(project, out) == 0  # the real check of the fixed data, then the stub
    assert (out / "index.html").read_text(encoding="utf-8") == "mới" and snapshot(out).keys() == {"index.html"}
    assert leftovers(out.parent) == []


def test_two_builds_of_one_commit_are_byte_identical(site, tmp_path):
    # The real project, dated by its git commit (no SOURCE_DATE_EPOCH given). The first
    # build is the session's `site` (conftest: dated by HEAD's commit, as scripts/build.py
    # does), built earlier in this run: a build clock would differ by seconds by now.
    # Issue 24: the second build takes every per-unit file (PDFs, Excel templates) from the
    # cache the first one left (a copy: KONTUM_CACHE_DIR), so a cached site is compared with
    # the first, uncached on a fresh checkout (CI).
    import shutil

    a, b = site, tmp_path / "b"
    shutil.copytree(ROOT / ".cache", tmp_path / "cache", ignore=shutil.ignore_patterns("vnu", "npm"))
    # At least a second after the first build ended (its .done mark, tests/sitebuild.py:
    # build_once); in a whole run it ended long before, and nothing is waited for.
    ended = a.with_name(a.name + ".done").stat().st_mtime
    time.sleep(max(0.0, ended + 1.1 - time.time()))
    second = run_build(ROOT, b, KONTUM_CACHE_DIR=str(tmp_path / "cache"))
    assert second.returncode == 0, second.stderr
    assert "Tệp tạo mới / remade: 0;" in second.stdout + second.stderr
    files_a = {k: v[0] for k, v in snapshot(a).items()}
    files_b = {k: v[0] for k, v in snapshot(b).items()}
    assert files_a.keys() == files_b.keys()
    assert [k for k in files_a if files_a[k] != files_b[k]] == []
    assert "sitemap.xml.gz" in files_a and "search/search_index.json" in files_a


# --- Issue 12, class 9: the exit status tells what happened to site/ ------------
# In-process with MkDocs replaced by a stub: these tests are about the swap.

import importlib.util  # noqa: E402
import pathlib  # noqa: E402
import signal  # noqa: E402

import pytest  # noqa: E402


def load_build():
    spec = importlib.util.spec_from_file_location("safe_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fast_build(monkeypatch):
    b = load_build()
    monkeypatch.setattr(b.check, "main", lambda argv: 0)
    monkeypatch.setattr(b, "commit_epoch", lambda root: None)

    def stub_mkdocs(root, config, out, env):
        (out / "index.html").write_text("mới", encoding="utf-8")
        return 0

    monkeypatch.setattr(b, "run_mkdocs", stub_mkdocs)
    return b


def old_site(tmp_path) -> Path:
    target = tmp_path / "out" / "site"
    (target / "sub").mkdir(parents=True)
    (target / "index.html").write_text("cũ", encoding="utf-8")
    return target


def test_new_site_in_place_is_success_even_if_the_old_one_stays(fast_build, tmp_path, capsys, monkeypatch):
    target = old_site(tmp_path)
    real_remove = fast_build._remove
    # The previous site cannot be removed (read-only for this user, immutable…).
    monkeypatch.setattr(fast_build, "_remove",
                        lambda p: False if (p / "index.html").exists() and (p / "index.html").read_text() == "cũ"
                        else real_remove(p))
    assert fast_build.build(tmp_path, target) == 0
    assert (target / "index.html").read_text(encoding="utf-8") == "mới"
    assert "chưa xóa được bản cũ" in capsys.readouterr().err
    assert len(leftovers(target.parent)) == 1
    monkeypatch.setattr(fast_build, "_remove", real_remove)
    assert fast_build.build(tmp_path, target) == 0  # the next build removes what was left
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("fail_on", [".site-moi-", "site"])
def test_failed_swap_is_failure_and_keeps_the_old_site(fast_build, tmp_path, capsys, monkeypatch, fail_on):
    target = old_site(tmp_path)
    monkeypatch.setattr(fast_build, "_exchange", lambda a, b: False)  # the two-rename path
    real_rename = pathlib.Path.rename

    def rename(self, dest):
        if self.name.startswith(fail_on) and (fail_on != "site" or self.name == "site"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_rename(self, dest)

    monkeypatch.setattr(pathlib.Path, "rename", rename)
    assert fast_build.build(tmp_path, target) == 1
    assert (target / "index.html").read_text(encoding="utf-8") == "cũ"
    assert "giữ nguyên bản tốt gần nhất" in capsys.readouterr().err
    assert leftovers(target.parent) == []


def test_leftovers_of_killed_builds_are_removed_but_not_a_running_build(fast_build, tmp_path):
    target = old_site(tmp_path)
    dead = subprocess.Popen(["true"])
    dead.wait()
    running = subprocess.Popen(["sleep", "30"])
    try:
        for name in (f".site-moi-{dead.pid}-abc", f".site-cu-{dead.pid}", ".site-moi-k9x2", f".site-moi-{running.pid}-def"):
            (target.parent / name / "assets").mkdir(parents=True)
            (target.parent / name / "assets" / "a.css").write_text("x", encoding="utf-8")
        os.chmod(target.parent / f".site-cu-{dead.pid}" / "assets", 0o500)  # read-only inside
        assert fast_build.build(tmp_path, target) == 0
        assert leftovers(target.parent) == [f".site-moi-{running.pid}-def"]
    finally:
        running.kill()
        running.wait()


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status  # a zombie has exited


def test_mkdocs_child_dies_with_the_build(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", f"""
import importlib.util, subprocess, sys, time
spec = importlib.util.spec_from_file_location("b", {str(BUILD)!r})
b = importlib.util.module_from_spec(spec); spec.loader.exec_module(b)
child = subprocess.Popen(["sleep", "60"], preexec_fn=b.die_with_parent())
print(child.pid, flush=True)
time.sleep(60)
"""], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    assert not _gone(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child)


def test_internal_error_in_the_build_is_a_short_message(fast_build, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(fast_build, "run_mkdocs", lambda *a: {}["x"])
    target = old_site(tmp_path)
    assert fast_build.main(["--goc", str(tmp_path), "--ra", str(target)]) == 2
    err = capsys.readouterr().err
    assert "Lỗi nội bộ" in err and "KeyError" in err and "Traceback" not in err
    assert (target / "index.html").read_text(encoding="utf-8") == "cũ"
    assert leftovers(target.parent) == []


def test_a_bug_in_the_hooks_is_a_short_message_not_a_traceback(tmp_path):
    """Plain `mkdocs build` too: an exception met after the data were read (here
    a stylesheet that is not UTF-8, read in on_files) stops the build with
    "lỗi nội bộ" naming the step, never MkDocs' traceback."""
    from tests.sitebuild import mkdocs_build_here

    project = copy_project(tmp_path / "project")
    (project / "docs" / "assets" / "results.css").write_bytes(b"/* \xff\xfe */\n")
    # In this process (the command's steps, log lines and exit code: tests/sitebuild.py), no new
    # Python importing MkDocs and macros/ (~1.5 CPU-s, issue 22); an exception the guard let
    # through would be written there as the command writes it, a traceback.
    result = mkdocs_build_here(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Lỗi nội bộ khi chuẩn bị các trang (UnicodeDecodeError" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_a_bug_on_a_page_names_the_page():
    from types import SimpleNamespace

    import pytest
    from mkdocs.exceptions import PluginError

    from macros.adapters.plugin import _guarded

    page = SimpleNamespace(file=SimpleNamespace(src_uri="don-vi/xa-a.md"))
    with pytest.raises(PluginError, match=r"Lỗi nội bộ khi dựng trang don-vi/xa-a\.md \(KeyError") as caught:
        _guarded("dựng trang")(lambda html, page: {}["x"])("<p>", page=page)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    # an intended PluginError (a message for the editor) passes unchanged
    with pytest.raises(PluginError, match="^Thiếu tệp$"):
        _guarded("dựng trang")(lambda: (_ for _ in ()).throw(PluginError("Thiếu tệp")))()


def test_mkdocs_own_stops_pass_the_guard_unchanged():
    """Abort (the file:// copy's strict build) and an editor's DataErrors are not bugs."""
    import pytest
    from mkdocs.exceptions import Abort, PluginError

    from macros.adapters.plugin import _guarded
    from macros.errors import DataError, DataErrors

    def abort():
        raise Abort("Aborted with 1 warnings in strict mode!")

    with pytest.raises(Abort):
        _guarded("hoàn tất website")(abort)()

    def data():
        raise DataErrors([DataError("data/x.yaml", 3, 1, "ten", "Thiếu trường")])

    with pytest.raises(PluginError) as caught:
        _guarded("hoàn tất website")(data)()
    assert "Lỗi nội bộ" not in str(caught.value) and "data/x.yaml" in str(caught.value)

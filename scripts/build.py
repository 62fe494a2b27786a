#!/usr/bin/env python3
"""Safe build: check the data, build into a temporary folder next to site/, and
only when everything succeeded swap it into site/ in one step.

    .venv/bin/python scripts/build.py              # -> site/
    .venv/bin/python scripts/build.py --ra public  # -> public/

A failing check or build leaves the last good site/ exactly as it was, and no
half-built folder behind. The exit status tells what happened to site/: 0 when
the new site is in place (even if removing the previous one failed: that is a
warning, and a later build removes it), 1 when site/ is unchanged, 2 on an
internal error before site/ was touched. Folders left by a build that was killed
(`.site-moi-<pid>-…`, `.site-cu-<pid>`) are removed by the next build, and the
MkDocs child process dies with this one (PR_SET_PDEATHSIG). Ctrl+C (SIGINT) stops
the build with one Vietnamese line and exit status 130, site/ unchanged; MkDocs runs
in its own process group, so the key press reaches this script only, which stops it.
The output is reproducible: every date comes from the
commit (SOURCE_DATE_EPOCH, set from HEAD's commit time unless already set), so
two builds of one commit are byte-identical and a preview diff shows only real
changes.
"""

import argparse
import ctypes
import signal
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros import check  # noqa: E402
from macros.gitdates import commit_epoch  # noqa: E402
from macros.guards import INTERNAL_EXIT, internal_message  # noqa: E402

INTERRUPTED_EXIT = 130  # 128 + SIGINT, as a shell reports Ctrl+C
_RENAME_EXCHANGE = 2  # linux/fs.h
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
NEW_PREFIX = ".site-moi-"  # + "<pid>-<random>": the build in progress
OLD_PREFIX = ".site-cu-"  # + "<pid>": the previous site, while it is being removed


def _libc():
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if name else None


def die_with_parent(parent: int | None = None):
    """A preexec_fn: the child gets SIGTERM when its parent dies (Linux), so killing
    the build never leaves MkDocs running on its own."""
    parent = parent if parent is not None else os.getpid()

    def preexec():
        # Its own process group: Ctrl+C in the terminal reaches the build script only, which
        # stops MkDocs itself (no second traceback from the child).
        os.setpgid(0, 0)
        libc = _libc()
        if libc is not None and hasattr(libc, "prctl"):
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner(name: str) -> int | None:
    for prefix in (NEW_PREFIX, OLD_PREFIX):
        if name.startswith(prefix):
            head = name[len(prefix):].split("-", 1)[0]
            return int(head) if head.isdigit() else None
    return None


def _remove(path: Path) -> bool:
    """Remove a folder, making read-only parts writable first; False if it stays."""
    def unlock(func, target, _exc):
        try:
            os.chmod(os.path.dirname(target), 0o755)
            os.chmod(target, 0o755)
            func(target)
        except OSError:
            pass

    try:
        shutil.rmtree(path, onerror=unlock)
    except OSError:
        pass
    return not path.exists()


def remove_leftovers(folder: Path) -> list[str]:
    """Remove what killed builds left in `folder`: `.site-moi-*`/`.site-cu-*` whose
    build process is gone (a running build's folder is left alone). Names of what
    could not be removed."""
    stuck = []
    if not folder.is_dir():
        return stuck
    for path in folder.iterdir():
        if not path.name.startswith((NEW_PREFIX, OLD_PREFIX)):
            continue
        pid = _owner(path.name)
        if pid is not None and pid != os.getpid() and _alive(pid):
            continue
        if not _remove(path):
            stuck.append(path.name)
    return stuck


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories atomically (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd = -100
    result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def publish(new: Path, target: Path) -> bool:
    """Put the finished build `new` at `target`; readers never see a half site.
    True when `target` now holds the new site; False when it is unchanged. Removing
    the previous site afterwards is best effort (a later build retries)."""
    if not target.exists():
        try:
            new.rename(target)
        except OSError as exc:
            print(f"Không đặt được website mới vào {target} ({exc}).", file=sys.stderr)
            return False
        return True
    if _exchange(new, target):
        _cleanup(new)  # now holds the previous site
        return True
    old = target.with_name(f"{OLD_PREFIX}{os.getpid()}")
    try:
        target.rename(old)  # two renames: the gap is one system call long
    except OSError as exc:
        print(f"Không thay được {target} ({exc}).", file=sys.stderr)
        return False
    try:
        new.rename(target)
    except OSError as exc:
        old.rename(target)  # put the last good site back
        print(f"Không thay được {target} ({exc}); đã để lại bản cũ.", file=sys.stderr)
        return False
    _cleanup(old)
    return True


def _cleanup(path: Path) -> None:
    if not _remove(path):
        print(f"Cảnh báo: chưa xóa được bản cũ {path.name}; lần tạo sau sẽ thử xóa lại.", file=sys.stderr)


def run_mkdocs(root: Path, config: str, out: Path, env: dict) -> int:
    """MkDocs in a child process that dies with this one (and is stopped on Ctrl+C)."""
    child = subprocess.Popen(
        # --dirty: `out` is a new, empty folder; MkDocs then skips the pages the kontum plugin takes whole
        # from an earlier build whose inputs were the same (macros/adapters/page_cache.py, issue 24).
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--dirty",  # not --quiet: it hides the warnings
         "-f", str(root / config), "-d", str(out)],                       # --strict counts
        cwd=root, env=env, preexec_fn=die_with_parent())
    try:
        return child.wait()
    except BaseException:
        child.terminate()
        try:
            child.wait(timeout=10)
        except BaseException:  # noqa: BLE001 - a second Ctrl+C, or it does not stop: kill it
            child.kill()
            child.wait()
        raise


class _Deferred:
    """Hold Ctrl+C while site/ is being swapped: the swap is never left half done,
    and the interrupt takes effect right after it."""

    def __enter__(self):
        self.pressed = False
        self.previous = signal.signal(signal.SIGINT, self._hold)
        return self

    def _hold(self, _signum, _frame):
        self.pressed = True

    def __exit__(self, *exc):
        signal.signal(signal.SIGINT, self.previous)
        if self.pressed and exc[0] is None:
            raise KeyboardInterrupt
        return False


def build(root: Path, target: Path, config: str = "mkdocs.yml") -> int:
    code = check.main(["--goc", str(root)])
    if code != 0:
        print(f"Không tạo website; {target.name}/ giữ nguyên bản tốt gần nhất.", file=sys.stderr)
        return code
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if not env.get("SOURCE_DATE_EPOCH"):
        epoch = commit_epoch(root)
        if epoch is not None:
            env["SOURCE_DATE_EPOCH"] = str(epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    for name in remove_leftovers(target.parent):
        print(f"Cảnh báo: chưa xóa được {name} (do một lần tạo trước bị dừng giữa chừng).", file=sys.stderr)
    # Same folder as the target, so the final rename is on one file system.
    tmp = Path(tempfile.mkdtemp(prefix=f"{NEW_PREFIX}{os.getpid()}-", dir=target.parent))
    try:
        returncode = run_mkdocs(root, config, tmp, env)
        if returncode != 0 or not (tmp / "index.html").exists():
            print(f"Tạo website không thành công; {target.name}/ giữ nguyên bản tốt gần nhất.", file=sys.stderr)
            return 1
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; a web server must read it
        with _Deferred() as held:
            published = publish(tmp, target)
        if not published:
            print(f"{target.name}/ giữ nguyên bản tốt gần nhất.", file=sys.stderr)
            return 1
        if held.pressed:  # pressed during the swap, which finished: say what happened
            print(f"Đã dừng theo yêu cầu (Ctrl+C) sau khi đã đặt website mới vào {target}.", file=sys.stderr)
            return INTERRUPTED_EXIT
    finally:
        if tmp.exists():
            _remove(tmp)
    print(f"Đã tạo website trong {target}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/build.py", description="Kiểm tra dữ liệu rồi tạo website an toàn.")
    parser.add_argument("--goc", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục chứa mkdocs.yml)")
    parser.add_argument("--ra", type=Path, default=None, help="thư mục kết quả (mặc định: site/ trong thư mục dự án)")
    args = parser.parse_args(argv)
    root = args.goc.resolve()
    target = (args.ra or root / "site").resolve()
    try:
        return build(root, target)
    except KeyboardInterrupt:
        # Ctrl+C: one line, no traceback; the new folder was removed (build's finally), site/ untouched.
        print(f"Đã dừng theo yêu cầu (Ctrl+C): website chưa được tạo, {target.name}/ giữ nguyên bản tốt gần nhất.",
              file=sys.stderr)
        return INTERRUPTED_EXIT
    except Exception as exc:  # noqa: BLE001 - last guard: never a traceback
        # publish() never raises once the new site is in place, so site/ is unchanged here.
        print(internal_message("data/ và mkdocs.yml", exc), file=sys.stderr)
        return INTERNAL_EXIT


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # pressed while Python starts or parses the arguments
        print("Đã dừng theo yêu cầu (Ctrl+C): website chưa được tạo, bản tốt gần nhất giữ nguyên.", file=sys.stderr)
        sys.exit(INTERRUPTED_EXIT)

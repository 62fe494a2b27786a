#!/usr/bin/env python3
"""Safe build: check the data, build into a temporary folder next to site/, and
only when everything succeeded swap it into site/ in one step.

    .venv/bin/python scripts/build.py              # -> site/
    .venv/bin/python scripts/build.py --ra public  # -> public/

A failing check or build leaves the last good site/ exactly as it was, and no
half-built folder behind. The output is reproducible: every date comes from the
commit (SOURCE_DATE_EPOCH, set from HEAD's commit time unless already set), so
two builds of one commit are byte-identical and a preview diff shows only real
changes.
"""

import argparse
import ctypes
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

_RENAME_EXCHANGE = 2  # linux/fs.h


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


def publish(new: Path, target: Path) -> None:
    """Put the finished build `new` at `target`; readers never see a half site."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # now holds the previous site
        return
    old = target.with_name(f".site-cu-{os.getpid()}")
    target.rename(old)  # two renames: the gap is one system call long
    new.rename(target)
    shutil.rmtree(old)


def build(root: Path, target: Path, config: str = "mkdocs.yml") -> int:
    if check.main(["--goc", str(root)]) != 0:
        print(f"Không tạo website; {target.name}/ giữ nguyên bản tốt gần nhất.", file=sys.stderr)
        return 1
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if not env.get("SOURCE_DATE_EPOCH"):
        epoch = commit_epoch(root)
        if epoch is not None:
            env["SOURCE_DATE_EPOCH"] = str(epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the target, so the final rename is on one file system.
    tmp = Path(tempfile.mkdtemp(prefix=".site-moi-", dir=target.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict",  # not --quiet: it hides the warnings --strict counts
             "-f", str(root / config), "-d", str(tmp)],
            cwd=root, env=env)
        if result.returncode != 0 or not (tmp / "index.html").exists():
            print(f"Tạo website không thành công; {target.name}/ giữ nguyên bản tốt gần nhất.", file=sys.stderr)
            return 1
        os.chmod(tmp, 0o755)  # mkdtemp makes it private; a web server must read it
        publish(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    print(f"Đã tạo website trong {target}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/build.py", description="Kiểm tra dữ liệu rồi tạo website an toàn.")
    parser.add_argument("--goc", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục chứa mkdocs.yml)")
    parser.add_argument("--ra", type=Path, default=None, help="thư mục kết quả (mặc định: site/ trong thư mục dự án)")
    args = parser.parse_args(argv)
    root = args.goc.resolve()
    target = (args.ra or root / "site").resolve()
    return build(root, target)


if __name__ == "__main__":
    sys.exit(main())

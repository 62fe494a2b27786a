"""The date of the last change to some files, from git: what "Cập nhật lần cuối"
shows. Never the build time, so two builds of one commit are identical."""

import datetime as dt
import os
import subprocess
from pathlib import Path

# Vietnam keeps UTC+7 all year: a commit at 23:30 in Kon Tum is dated that day.
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def source_date_epoch() -> dt.datetime | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), VIETNAM)


def _git(root: str, *args: str) -> str | None:
    """Output of a git command in `root`, or None (no git, not a checkout, no output)."""
    try:
        out = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip()
    return text if out.returncode == 0 and text else None


def _git_date(root: str, paths: tuple[str, ...]) -> dt.datetime | None:
    text = _git(root, "log", "-1", "--format=%cI", "--", *paths)  # None: never committed
    return dt.datetime.fromisoformat(text).astimezone(VIETNAM) if text else None


def last_commit(root: Path, paths) -> dt.datetime | None:
    """Time of the last commit touching any of `paths` (relative to `root`), or None."""
    return _git_date(str(root), tuple(sorted(paths)))


def in_checkout(root: Path) -> bool:
    """True when `root` is inside a git work tree (asked once per build: outside
    one, a `git log` per page only fails, 1.4 ms each, seconds for thousands of units)."""
    return _git(str(root), "rev-parse", "--is-inside-work-tree") == "true"


def last_changed(root: Path, paths, checkout: bool = True, cache: dict | None = None) -> dt.date | None:
    """Day of the last commit touching any of `paths` (relative to `root`);
    else SOURCE_DATE_EPOCH; else None (the page then shows no date).
    `checkout`: in_checkout(root), when the caller knows it is False git is not asked.
    `cache`: one build's answers by set of paths (pages share them); a new build asks
    git again, so a commit made while `mkdocs serve` runs shows on the next rebuild."""
    key = tuple(sorted(paths))
    when = None
    if checkout:
        if cache is None:
            when = _git_date(str(root), key)
        else:
            if key not in cache:
                cache[key] = _git_date(str(root), key)
            when = cache[key]
    when = when or source_date_epoch()
    return when.date() if when else None


def commit_epoch(root: Path) -> int | None:
    """Seconds of HEAD's commit time: the SOURCE_DATE_EPOCH of a build of this commit."""
    text = _git(str(root), "log", "-1", "--format=%ct")
    return int(text) if text and text.isdigit() else None

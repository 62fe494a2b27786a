"""The date of the last change to some files, from git: what "Cập nhật lần cuối"
shows. Never the build time, so two builds of one commit are identical.

One `git log --name-only` walk per build reads the last commit of every file
(GitDates); pages then look their files up. A file changed since HEAD (edited, not yet
committed: `git diff HEAD`) is newer than its last commit: it is dated like a file never
committed, by the given date (the build's), so the pages of one build are dated by one clock,
in one zone (Vietnam's, macros/dates.py). No walk outside a checkout, nor when a date is given (SOURCE_DATE_EPOCH other than HEAD's commit time: every page then
shows that date). scripts/build.py sets SOURCE_DATE_EPOCH to HEAD's commit time,
which keeps the dates from git. The date is given by the caller (the plugin's config
reads SOURCE_DATE_EPOCH, macros/adapters/plugin.py); nothing here reads the environment."""

import datetime as dt
import subprocess
from pathlib import Path

from .dates import VIETNAM  # a commit at 23:30 in Vietnam is dated that day there

_MARK = "\x00"  # starts each commit's line in the walk


def source_date_epoch(epoch: int | None) -> dt.datetime | None:
    """The given date (SOURCE_DATE_EPOCH, seconds) in Vietnam's time; None when none is given."""
    return dt.datetime.fromtimestamp(epoch, VIETNAM) if epoch is not None else None


def _git(root: str, *args: str) -> str | None:
    """Output of a git command in `root`, or None (no git, not a checkout, no output)."""
    try:
        out = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True, timeout=60, check=False)
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
    """True when `root` is inside a git work tree."""
    return _git(str(root), "rev-parse", "--is-inside-work-tree") == "true"


class GitDates:
    """The last commit of every file under `root`, from one walk of the history
    (`git log --name-only`, newest first). `walked` is False outside a checkout,
    in a repository without commits, or when `epoch` (SOURCE_DATE_EPOCH) gives another
    date than HEAD's: then every lookup is None."""

    def __init__(self, root: Path, enabled: bool = True, epoch: int | None = None):
        self.walked = False
        self.epoch = epoch
        self.head_epoch: int | None = None
        self._order: dict[str, int] = {}  # path -> index of its last commit in the walk
        self._dates: list[dt.datetime] = []  # by index
        self._memo: dict[tuple[str, ...], dt.datetime | None] = {}
        self._changed: set[str] = set()  # files changed since HEAD: no commit dates them
        if enabled:
            self._walk(str(root))

    def _walk(self, root: str) -> None:
        if self.epoch is not None:  # a date is given: unless it is HEAD's (scripts/build.py), it dates every page
            head = _git(root, "log", "-1", "--format=%ct")  # one short call instead of the whole walk
            if head is None or int(self.epoch) != int(head):
                return
        text = _git(root, "-c", "core.quotepath=off", "log", "--name-only", "--relative", "--no-renames",
                    "--format=%x00%ct %cI")
        if text is None:
            return
        index = -1
        for line in text.split("\n"):
            if line.startswith(_MARK):
                epoch, iso = line[1:].split(" ", 1)
                if self.head_epoch is None:
                    self.head_epoch = int(epoch)
                self._dates.append(dt.datetime.fromisoformat(iso).astimezone(VIETNAM))
                index += 1
            elif line and index >= 0:
                self._order.setdefault(line, index)
        self.walked = True
        changed = _git(root, "-c", "core.quotepath=off", "diff", "HEAD", "--name-only", "--relative", "--no-renames")
        self._changed = set(changed.split("\n")) if changed else set()

    def last_commit(self, paths) -> dt.datetime | None:
        """Time of the last commit touching any of `paths` (files, or folders: anything under them)."""
        key = tuple(sorted(paths))
        if key not in self._memo and any(p == path or p.startswith(path.rstrip("/") + "/")
                                         for path in key for p in self._changed):
            self._memo[key] = None  # edited since its last commit: the given date dates it (last_changed)
        if key not in self._memo:
            best = None
            for path in key:
                folder = path.rstrip("/") + "/"
                hits = [i for p, i in self._order.items() if p == path or p.startswith(folder)] \
                    if path.endswith("/") or path not in self._order else [self._order[path]]
                for i in hits:
                    best = i if best is None else min(best, i)
            self._memo[key] = self._dates[best] if best is not None else None
        return self._memo[key]


def last_changed(root: Path, paths, checkout: bool = True, cache=None, epoch: int | None = None) -> dt.date | None:
    """Day of the last commit touching any of `paths` (relative to `root`);
    else the given date (`epoch`, or the one `cache` was made with); else None (the page then shows no date).
    `cache`: this build's GitDates (one walk for all pages); a new build walks again,
    so a commit made while `mkdocs serve` runs shows on the next rebuild. Without
    one, a walk for this call only. `checkout`: False, git is not asked."""
    when = None
    if checkout:
        dates = cache if isinstance(cache, GitDates) else GitDates(root, epoch=epoch)
        when = dates.last_commit(paths)
    if epoch is None and isinstance(cache, GitDates):
        epoch = cache.epoch
    when = when or source_date_epoch(epoch)
    return when.date() if when else None


def commit_epoch(root: Path) -> int | None:
    """Seconds of HEAD's commit time: the SOURCE_DATE_EPOCH of a build of this commit."""
    text = _git(str(root), "log", "-1", "--format=%ct")
    return int(text) if text and text.isdigit() else None

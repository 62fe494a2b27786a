""""Cập nhật lần cuối" comes from git, asked again by each build (a commit made
while `mkdocs serve` runs shows on the next rebuild), in one `git log` walk per
build whatever the number of pages (issue 24: it was one call per page)."""

import datetime as dt
import os
import subprocess

from macros import gitdates
from macros.gitdates import GitDates, last_changed


def _commit(repo, text, when, name="data.yaml"):
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", text], check=True, env=env)


def test_each_build_sees_the_newest_commit(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _commit(tmp_path, "a", "2026-03-01T10:00:00+07:00")
    first_build = GitDates(tmp_path)
    assert last_changed(tmp_path, ["data.yaml"], cache=first_build) == dt.date(2026, 3, 1)
    _commit(tmp_path, "b", "2026-04-02T10:00:00+07:00")
    # the same build keeps its answer (pages share it); the next build asks again
    assert last_changed(tmp_path, ["data.yaml"], cache=first_build) == dt.date(2026, 3, 1)
    assert last_changed(tmp_path, ["data.yaml"], cache=GitDates(tmp_path)) == dt.date(2026, 4, 2)
    assert last_changed(tmp_path, ["data.yaml"], checkout=False) is None


def test_every_file_dated_in_one_git_call(tmp_path, monkeypatch):
    """Many pages, many files: one walk of the history for the whole build (and one `git diff
    HEAD` for the files edited since), and each page gets
    the date `git log -1 -- <its files>` would give (files and folders)."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _commit(tmp_path, "a", "2026-03-01T10:00:00+07:00", "data/a.yaml")
    _commit(tmp_path, "b", "2026-03-05T10:00:00+07:00", "data/b.yaml")
    _commit(tmp_path, "c", "2026-03-09T23:30:00+07:00", "data/kq/c.yaml")
    _commit(tmp_path, "a2", "2026-03-07T10:00:00+07:00", "data/a.yaml")
    calls = []
    real = subprocess.run
    monkeypatch.setattr(gitdates.subprocess, "run", lambda *a, **k: calls.append(a) or real(*a, **k))
    dates = GitDates(tmp_path)
    got = {files: last_changed(tmp_path, files, cache=dates)
           for files in [("data/a.yaml",), ("data/b.yaml",), ("data/a.yaml", "data/b.yaml"), ("data/kq/",),
                         ("data/kq",), ("data/none.yaml",)] + [(f"data/x{i}.yaml", "data/b.yaml") for i in range(50)]}
    assert len(calls) == 2 and "--name-only" in calls[0][0] and "diff" in calls[1][0], calls
    assert got[("data/a.yaml",)] == dt.date(2026, 3, 7)
    assert got[("data/b.yaml",)] == dt.date(2026, 3, 5)
    assert got[("data/a.yaml", "data/b.yaml")] == dt.date(2026, 3, 7)
    assert got[("data/kq/",)] == got[("data/kq",)] == dt.date(2026, 3, 9)
    assert got[("data/none.yaml",)] is None
    for files in got:  # the same answers as one `git log -1` per page
        assert last_changed(tmp_path, files, cache=dates) == (
            gitdates.last_commit(tmp_path, files).date() if gitdates.last_commit(tmp_path, files) else None)


def test_no_git_outside_a_checkout_or_with_a_given_date(tmp_path, monkeypatch):
    calls = []
    real = subprocess.run
    monkeypatch.setattr(gitdates.subprocess, "run", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert not GitDates(tmp_path).walked  # not a checkout: one failed call, no page asks again
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _commit(tmp_path, "a", "2026-03-01T10:00:00+07:00")
    head = gitdates.commit_epoch(tmp_path)
    # A given date (not this commit's): every page shows it; git dates off.
    calls.clear()
    dates = GitDates(tmp_path, epoch=1700000000)
    assert not dates.walked
    assert not [c for c in calls if "--name-only" in c[0]]  # no walk of the history (issue 24)
    assert last_changed(tmp_path, ["data.yaml"], dates.walked, dates) == dt.date(2023, 11, 15)
    # scripts/build.py's date, HEAD's commit time: the pages keep their own dates.
    dates = GitDates(tmp_path, epoch=head)
    assert dates.walked and last_changed(tmp_path, ["data.yaml"], cache=dates) == dt.date(2026, 3, 1)


# 2026-12-03 17:30 UTC is 00:30 on 04/12 in Vietnam: a reader there reads it as 04/12.
NEAR_MIDNIGHT = "2026-12-03T17:30:00+00:00"


def test_one_build_dates_every_page_by_one_clock_in_vietnams_zone(tmp_path):
    """Review r19k: the root page said 03/12/2026 (data/website.yaml, edited but not committed, dated by
    its last commit) while the plan's pages said 04/12/2026 (files never committed, dated by the build).
    A file edited since HEAD is newer than its last commit: it is dated by the build's date, as a new
    file is; and every date is a day in Vietnam, also when the build runs near midnight UTC."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _commit(tmp_path, "a", "2026-12-03T10:00:00+00:00", "data/website.yaml")
    _commit(tmp_path, "b", NEAR_MIDNIGHT, "data/ke-hoach/ke-hoach.yaml")
    head = gitdates.commit_epoch(tmp_path)  # scripts/build.py's SOURCE_DATE_EPOCH
    assert gitdates.source_date_epoch(head).date() == dt.date(2026, 12, 4)
    dates = GitDates(tmp_path, epoch=head)
    assert last_changed(tmp_path, ["data/website.yaml"], cache=dates) == dt.date(2026, 12, 3)  # committed, unchanged
    assert last_changed(tmp_path, ["data/ke-hoach/ke-hoach.yaml"], cache=dates) == dt.date(2026, 12, 4)
    (tmp_path / "data" / "website.yaml").write_text("a, edited", encoding="utf-8")
    (tmp_path / "data" / "moi").mkdir()
    (tmp_path / "data" / "moi" / "ke-hoach.yaml").write_text("new", encoding="utf-8")
    dates = GitDates(tmp_path, epoch=head)
    got = {files: last_changed(tmp_path, files, cache=dates)
           for files in [("data/website.yaml",), ("data/moi/ke-hoach.yaml",), ("data/ke-hoach/ke-hoach.yaml",),
                         ("data/",), ("data/website.yaml", "data/ke-hoach/ke-hoach.yaml")]}
    assert set(got.values()) == {dt.date(2026, 12, 4)}, got


def test_today_is_vietnams_day(monkeypatch):
    """The checks' «hôm nay» without a build date: Vietnam's day, not the machine's (UTC on a server)."""
    from macros import dates

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime.fromisoformat(NEAR_MIDNIGHT).astimezone(tz)

    monkeypatch.setattr(dates.dt, "datetime", Clock)
    assert dates.today_in_vietnam() == dt.date(2026, 12, 4)

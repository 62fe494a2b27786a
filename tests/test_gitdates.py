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
    """Many pages, many files: one subprocess for the whole build, and each page gets
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
    assert len(calls) == 1, calls
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

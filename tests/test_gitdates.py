""""Cập nhật lần cuối" comes from git, asked again by each build (a commit made
while `mkdocs serve` runs shows on the next rebuild)."""

import datetime as dt
import os
import subprocess

from macros.gitdates import last_changed


def _commit(repo, text, when):
    (repo / "data.yaml").write_text(text, encoding="utf-8")
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", text], check=True, env=env)


def test_each_build_sees_the_newest_commit(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _commit(tmp_path, "a", "2026-03-01T10:00:00+07:00")
    first_build: dict = {}
    assert last_changed(tmp_path, ["data.yaml"], cache=first_build) == dt.date(2026, 3, 1)
    _commit(tmp_path, "b", "2026-04-02T10:00:00+07:00")
    # the same build keeps its answer (pages share it); the next build asks again
    assert last_changed(tmp_path, ["data.yaml"], cache=first_build) == dt.date(2026, 3, 1)
    assert last_changed(tmp_path, ["data.yaml"], cache={}) == dt.date(2026, 4, 2)
    assert last_changed(tmp_path, ["data.yaml"], checkout=False) is None

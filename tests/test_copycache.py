"""Issue 24: the file:// copy is taken from an earlier build when its inputs are unchanged
(macros/offline/copycache.py): in-process, on small folders."""

import os

from macros.offline import copycache


def _project(root):
    for rel, text in {"mkdocs.yml": "site_name: x\n", "macros/a.py": "A = 1\n", "overrides/main.html": "<p>\n",
                      "docs/index.md": "# x\n", "README.md": "r\n", "tests/t.py": "t\n"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    site = root / "site"
    for rel, data in {"index.html": b"<h1>x</h1>", "don-vi/a/index.html": b"a", "pdf/a.pdf": b"%PDF"}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    return root


ENV = {"SITE_URL": "", "PATH": "/usr/bin", "HOME": "/root"}


def test_key_follows_the_main_site_code_theme_and_settings_only(tmp_path):
    a = _project(tmp_path / "a")
    before = copycache.key(a / "site", a, ENV)
    b = _project(tmp_path / "elsewhere" / "b")  # another checkout, another CI run
    assert copycache.key(b / "site", b, {**ENV, "HOME": "/home/ci", "PATH": "/x"}) == before
    (a / "README.md").write_text("other\n", encoding="utf-8")  # read by no build
    (a / "tests" / "t.py").write_text("other\n", encoding="utf-8")
    assert copycache.key(a / "site", a, ENV) == before
    for rel in ("site/don-vi/a/index.html", "site/pdf/a.pdf", "macros/a.py", "overrides/main.html", "mkdocs.yml"):
        path = a / rel
        old = path.read_bytes()
        path.write_bytes(old + b" ")
        assert copycache.key(a / "site", a, ENV) != before, rel
        path.write_bytes(old)
    assert copycache.key(a / "site", a, {**ENV, "SITE_URL": "https://x.example/"}) != before
    assert copycache.key(a / "site", a, {**ENV, "SOURCE_DATE_EPOCH": "1"}) != before


def test_store_then_restore_gives_the_same_files(tmp_path):
    src = _project(tmp_path / "p") / "site"
    folder = tmp_path / "cache"
    assert not copycache.restore(folder, "k", tmp_path / "none")
    copycache.store(folder, "k", src)
    assert [p.name for p in folder.iterdir()] == ["k.tar"]  # no temporary left
    assert copycache.restore(folder, "k", tmp_path / "out")
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}  # noqa: E731
    assert files(tmp_path / "out") == files(src)


def test_prune_keeps_the_most_recently_used(tmp_path):
    src = _project(tmp_path / "p") / "site"
    folder = tmp_path / "cache"
    for n, name in enumerate(("old", "mid", "new")):
        copycache.store(folder, name, src)
        os.utime(folder / f"{name}.tar", (1000 + n, 1000 + n))
    copycache.restore(folder, "old", tmp_path / "out")  # used now: kept
    assert copycache.prune(folder, keep=2) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["new.tar", "old.tar"]


def test_installed_versions_are_read_as_importlib_reads_them():
    """copycache.libraries reads two header lines of each METADATA (issue 22: parsing every
    file as an e-mail message cost ~0.07 CPU-s a build); the same text as importlib's parser."""
    from importlib.metadata import distributions

    parsed = ";".join(sorted({f"{d.metadata['Name']}=={d.version}".lower() for d in distributions()
                              if d.metadata["Name"]}))
    assert copycache.libraries() == parsed
    assert "mkdocs-material==" in parsed

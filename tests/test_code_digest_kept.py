"""Issue 24: what each macros module imports, kept on disk (macros/cache._imports_kept).

cache.code_digest walks the imports of the modules that make a file (source_files) and
parsed every one with ast in each new process (~0.15 CPU-s a build, 53 files). With
`imports_kept` (the user's cache folder, as the plugin gives it) a later process reads
each file's answer by the SHA-256 of its bytes: the same digests, no parsing.
"""

import ast

from macros import cache, templating

# Every code_digest of a build (exports/downloads.py, offline/package.py).
MODULES = ["exports.template", "exports.xlsx", "exports.ics", "offline.archive", "offline.icons"]


def _digests(kept):
    return ([cache.code_digest(m, imports_kept=kept) for m in MODULES],
            cache.source_files(*MODULES, imports_kept=kept),
            templating.compiled_key(templating.environment(), imports_kept=kept))


def test_the_same_digests_without_parsing_again(tmp_path, monkeypatch):
    cache._imports_of.cache_clear()
    plain = _digests(None)
    assert _digests(tmp_path) == plain  # the first process: parses and keeps
    kept = sorted((tmp_path / cache.IMPORTS_CACHE).iterdir())
    assert len(kept) == len(plain[1]) - len([p for p in plain[1] if p.suffix != ".py"])

    cache._imports_of.cache_clear()  # a new process
    parsed = []
    real = ast.parse
    monkeypatch.setattr(ast, "parse", lambda *a, **k: parsed.append(a[1] if len(a) > 1 else "?") or real(*a, **k))
    assert _digests(tmp_path) == plain
    assert parsed == []
    assert sorted((tmp_path / cache.IMPORTS_CACHE).iterdir()) == kept


def test_a_changed_file_is_read_again(tmp_path):
    module = tmp_path / "m.py"
    store = cache.Store(tmp_path / "kept", ".json")
    module.write_text("from macros import text\n\ndef f():\n    from .render import links\n", encoding="utf-8")
    first = cache._imports_kept(module, ("exports",), store)
    assert first == cache._imports_of(module, ("exports",), module.read_bytes())
    assert ("text",) in first and ("exports", "render", "links") in first
    assert cache._imports_kept(module, ("exports",), store) == first  # from the store now
    assert cache._imports_kept(module, ("offline",), store) != first  # another package: another key
    module.write_text("import macros.numbers\n", encoding="utf-8")
    assert cache._imports_kept(module, ("exports",), store) == frozenset({("numbers",)})

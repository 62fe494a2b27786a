"""Issue 22: Jinja's compiled templates kept on disk between builds (macros/templating.py,
CompiledTemplates), for our environment and the theme's (macros/adapters/plugin.py on_env).
Safe only if an entry is never read by an environment that would compile the template
otherwise: a changed template, other settings, other filters."""

import subprocess
import sys

from jinja2 import Environment, FileSystemLoader, pass_context

from macros import templating
from tests.sitebuild import ROOT


def _env(folder, **options):
    env = Environment(loader=FileSystemLoader(str(folder)), **options)
    env.filters["shout"] = lambda text: str(text).upper()
    return env


def test_a_changed_template_is_compiled_again(tmp_path):
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"
    page.write_text("one {{ x }}", encoding="utf-8")
    first = _env(tmp_path / "t")
    first.bytecode_cache = templating.CompiledTemplates(tmp_path / "cache", first)
    assert first.get_template("page.html").render(x=1) == "one 1"
    assert list((tmp_path / "cache").rglob("*.cache")), "nothing was kept"
    page.write_text("two {{ x }}", encoding="utf-8")  # as an edit under `mkdocs serve`
    second = _env(tmp_path / "t")  # a new build: a new environment, the same folder
    second.bytecode_cache = templating.CompiledTemplates(tmp_path / "cache", second)
    assert second.get_template("page.html").render(x=1) == "two 1"


def test_other_settings_or_filters_read_other_entries(tmp_path):
    base = templating.compiled_key(_env(tmp_path))
    assert templating.compiled_key(_env(tmp_path)) == base
    assert templating.compiled_key(_env(tmp_path, trim_blocks=True)) != base
    assert templating.compiled_key(_env(tmp_path, extensions=["jinja2.ext.i18n"])) != base
    other = _env(tmp_path)
    other.filters["shout"] = pass_context(lambda context, text: str(text).upper())  # called another way
    assert templating.compiled_key(other) != base
    more = _env(tmp_path)
    more.filters["whisper"] = str.lower
    assert templating.compiled_key(more) != base


def test_the_key_of_our_environment_is_the_same_in_every_process():
    code = "from macros import templating; print(templating.compiled_key(templating.environment()))"
    keys = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout for _ in range(2)}
    assert len(keys) == 1 and len(keys.pop().strip()) == 64
    assert templating.compiled_key(templating.environment()) != templating.compiled_key(_env(ROOT))


def test_only_the_folders_of_the_last_code_versions_used_are_kept(tmp_path):
    """The user's cache kept a jinja-<key> folder for every code version ever built (44, 61 MB
    by session 13): the one in use and the KEPT_COMPILED - 1 used last before it stay."""
    import os

    cache = tmp_path / "cache"
    for i in range(12):  # older code versions, the first used longest ago
        old = cache / f"jinja-old{i:02d}"
        old.mkdir(parents=True)
        (old / "x.cache").write_bytes(b"compiled")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    (cache / "brotli-11").mkdir()  # another cache beside them: not ours to remove
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{{ x }}", encoding="utf-8")
    env = _env(tmp_path / "t")
    env.bytecode_cache = templating.CompiledTemplates(cache, env)
    assert env.get_template("page.html").render(x=1) == "1"
    kept = sorted(p.name for p in cache.iterdir())
    used = [n for n in kept if n.startswith("jinja-") and not n.startswith("jinja-old")]
    assert len(used) == 1 and list((cache / used[0]).glob("*.cache")), kept
    assert kept == sorted(["brotli-11", *used, *(f"jinja-old{i:02d}" for i in range(12 - templating.KEPT_COMPILED + 1, 12))])

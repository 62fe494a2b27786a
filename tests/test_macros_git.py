"""Issue 24: mkdocs-macros' page variable `git` without its 12 `git` processes per build.

mkdocs-macros 1.5.0 runs get_git_info (12 `git` commands) in every build's on_config,
again for the file:// copy, and has no setting to switch it off. No page of ours reads
`git`; the kontum plugin's on_config (priority 100, before mkdocs-macros') gives it the
value it has outside a checkout (macros/adapters/plugin._no_macros_git_info).
"""

import inspect
import re
import subprocess
from types import SimpleNamespace

from mkdocs_macros import context

from macros.adapters import plugin
from tests.sitebuild import ROOT

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def test_no_page_or_template_reads_git():
    """A page reading {{ git.commit }} would get "" (the value outside a checkout), not the commit."""
    sources = [p for folder in ("docs", "macros/templates", "overrides") for p in (ROOT / folder).rglob("*")
               if p.suffix in (".md", ".html")]
    assert sources
    readers = [f"{p.relative_to(ROOT)}: {block}" for p in sources
               for block in JINJA.findall(p.read_text(encoding="utf-8", errors="replace"))
               if re.search(r"(?<![\w.])git\b", block)]
    assert readers == []


def test_git_gets_its_value_outside_a_checkout_without_a_process(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no checkout here: what get_git_info gives, with its processes
    monkeypatch.setattr(context, "get_git_info", context.get_git_info)  # put back after this test
    outside = context.get_git_info()
    assert outside["status"] is False and outside["commit"] == ""

    plugin._no_macros_git_info()
    commands = []
    monkeypatch.setattr(subprocess, "check_output", lambda command, **kw: commands.append(command))
    monkeypatch.chdir(ROOT)  # a checkout: the real get_git_info would give the commit
    env = SimpleNamespace(variables={}, config={}, macro=lambda f, *a, **k: f, filter=lambda f, *a, **k: f)
    context.define_env(env)
    assert commands == []
    assert env.variables["git"] == outside


def test_the_plugin_does_it_before_mkdocs_macros():
    assert plugin.KontumPlugin.on_config.mkdocs_priority > 0  # mkdocs-macros' on_config: priority 0
    assert "_no_macros_git_info()" in inspect.getsource(plugin.KontumPlugin.on_config)

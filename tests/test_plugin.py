"""Issue 22 item 2: the kontum plugin (macros/adapters/plugin.py) owns the state of a run,
its settings come from its config (each defaulting to an environment variable), and a
run leaves nothing behind on MkDocs' logging. In-process: no site is built."""

import logging
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config

from macros.adapters import build_state, offline_hooks
from tests.sitebuild import ROOT


@pytest.fixture
def console():
    """MkDocs' console handler as the CLI makes it (mkdocs/__main__.py names it so)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.set_name("MkDocsStreamHandler")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def _kontum_filters(handler) -> list:
    return [f for f in handler.filters if type(f).__module__.startswith("macros.")]


def test_a_run_removes_its_log_filter_when_it_ends(console, monkeypatch):
    monkeypatch.delenv("KONTUM_VERBOSE", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        assert _kontum_filters(console)  # quiet while the run lasts
    finally:
        config.plugins.on_shutdown()
    assert _kontum_filters(console) == []


def test_the_file_copy_build_keeps_the_logger_level_and_the_outer_run(console, monkeypatch):
    """The copy's INFO lines are hidden by a filter for its time, not by changing the level
    of the "mkdocs" logger (other handlers and threads share it); the copy's own
    on_startup/on_shutdown (the same plugin object) neither reset the run nor remove its filter."""
    monkeypatch.delenv("KONTUM_VERBOSE", raising=False)
    logger = logging.getLogger("mkdocs")
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    quiet = _kontum_filters(console)
    seen = {}

    def build(copy, dirty=False):
        seen["level"] = logger.level
        record = logging.LogRecord("mkdocs.commands.build", logging.INFO, __file__, 1, "Building", None, None)
        seen["info shown"] = all(f.filter(record) for f in console.filters)
        record.levelno = logging.WARNING
        seen["warning shown"] = all(f.filter(record) for f in console.filters)

    monkeypatch.setattr(offline_hooks, "build", build)
    build_state.attach(config, SimpleNamespace(website=None))
    try:
        offline_hooks._build_copy_pages(config, ROOT / "site-copy-never-written")
        assert seen == {"level": logging.INFO, "info shown": False, "warning shown": True}
        plugin = config.plugins["kontum"]
        assert plugin.serving and plugin.memory is not None  # still the outer `serve` run
    finally:
        config.plugins.on_shutdown()
    assert _kontum_filters(console) == [] and quiet


def test_settings_default_to_the_environment_and_mkdocs_yml_wins(monkeypatch):
    from macros.adapters.plugin import KontumPlugin

    for name in ("KONTUM_PDF", "KONTUM_OFFLINE", "KONTUM_SERVE", "KONTUM_CACHE_DIR", "CI", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(name, raising=False)
    plugin = KontumPlugin()
    assert plugin.load_config({}) == ([], [])
    settings = plugin.settings()
    assert (settings.pdf, settings.offline, settings.serving, settings.cache_dir, settings.pdf_required,
            settings.source_date_epoch) == ("changed", True, False, None, False, None)

    monkeypatch.setenv("KONTUM_PDF", "ALL")
    monkeypatch.setenv("KONTUM_OFFLINE", "0")
    monkeypatch.setenv("KONTUM_CACHE_DIR", "/tmp/chung")
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plugin.load_config({})
    settings = plugin.settings()
    assert (settings.pdf, settings.offline, str(settings.cache_dir), settings.pdf_required,
            settings.source_date_epoch) == ("all", False, "/tmp/chung", True, 1700000000)

    plugin.load_config({"pdf": "0", "offline": True})  # a value in mkdocs.yml wins
    assert (plugin.settings().pdf, plugin.settings().offline, plugin.settings().pdfs_off) == ("0", True, True)

    monkeypatch.setenv("KONTUM_PDF", "co")
    errors, _ = plugin.load_config({})
    assert errors and errors[0][0] == "pdf" and "KONTUM_PDF" in str(errors[0][1])


def test_two_serve_runs_keep_their_own_memory(monkeypatch):
    from macros.adapters.plugin import KontumPlugin

    monkeypatch.setenv("KONTUM_VERBOSE", "1")  # no log filter: not the point here
    a, b = KontumPlugin(), KontumPlugin()
    for plugin in (a, b):
        plugin.load_config({})
        plugin.on_startup(command="serve", dirty=True)
    a.memory.pages["x.md"] = "1"
    assert b.memory.pages == {} and a.settings().dirty and b.settings().dirty
    a.on_shutdown()
    assert a.memory is None and b.memory is not None
    b.on_shutdown()

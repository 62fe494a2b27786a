"""Issue 24: the pages offering the offline packages are rendered again after the search
plugin wrote its index (1,000 unit pages at 1,000 units); its on_page_context then only
added entries to an index already on disk. offline_hooks turns it off for that time."""

from types import SimpleNamespace

from macros.adapters import offline_hooks


class _Plugins(dict):
    def __init__(self, search):
        super().__init__({"material/search": search})
        self.events = {"page_context": [search.on_page_context, "ours"]}


def _config(tmp_path, written: bool):
    search = SimpleNamespace(on_page_context=lambda context, **kw: None)
    if written:
        (tmp_path / "search").mkdir()
        (tmp_path / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    return SimpleNamespace(plugins=_Plugins(search), site_dir=str(tmp_path)), search


def test_search_entries_not_collected_again_once_the_index_is_written(tmp_path):
    config, search = _config(tmp_path, written=True)
    with offline_hooks._index_written(config):
        assert config.plugins.events["page_context"] == ["ours"]
    assert config.plugins.events["page_context"] == [search.on_page_context, "ours"]


def test_search_entries_kept_while_the_index_is_not_written(tmp_path):
    config, search = _config(tmp_path, written=False)
    with offline_hooks._index_written(config):
        assert config.plugins.events["page_context"] == [search.on_page_context, "ours"]

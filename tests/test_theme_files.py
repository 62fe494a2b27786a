"""macros/adapters/theme_files.py: the theme's files listed without walking its hidden
folders (issue 22) are the files MkDocs copies from the theme, exactly, and templates
in those folders are still found."""

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from macros.adapters import theme_files

ROOT = Path(__file__).resolve().parents[1]


def _theme_files(config, env) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(env, config)
    return [(f.src_uri, f.abs_src_path) for f in files]


def test_the_theme_files_are_the_same_and_the_icons_still_load():
    config = load_config(str(ROOT / "mkdocs.yml"))
    before = config.theme.get_env()
    theme_files.list_without_hidden(config.theme)
    theme_files.list_without_hidden(config.theme)  # a second call wraps nothing again
    after = config.theme.get_env()
    assert type(after.loader) is not type(before.loader)
    listed = _theme_files(config, after)
    assert listed == _theme_files(config, before)
    assert any(src.startswith("assets/") for src, _ in listed) and len(listed) > 40
    # the hidden folders are not walked (Material's 14,000 icons), yet their templates are read
    assert not any("/." in name for name in after.list_templates())
    assert len(after.list_templates()) < len(before.list_templates()) - 1000
    icon = ".icons/material/magnify.svg"
    assert after.loader.get_source(after, icon)[0] == before.loader.get_source(before, icon)[0]
    assert after.get_template("main.html").filename == before.get_template("main.html").filename

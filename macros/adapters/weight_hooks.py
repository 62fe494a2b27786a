"""MkDocs hooks for a light first load (issue 13): the site's stylesheets in one
request, versioned URLs, and pre-compressed copies of every text file.

mkdocs.yml: hooks: [..., macros/adapters/weight_hooks.py]  (LAST: on_post_build
compresses what every other hook has written.)
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError  # noqa: E402

from macros import compress, stylesheets  # noqa: E402
from macros.adapters import offline_hooks, serve_hooks  # noqa: E402
from macros.render import links  # noqa: E402
from macros.searchindex import page_location  # noqa: E402

log = logging.getLogger("mkdocs.plugins.kontum-weight")


def _source(files, name: str) -> str:
    file = files.get_file_from_path(name)
    if file is None or not file.abs_src_path:
        raise PluginError(f"Thiếu tệp docs/{name}.")
    return Path(file.abs_src_path).read_text(encoding="utf-8")


def on_env(env, config, files):
    # overrides/main.html links the stylesheets with these (?v=, page condition).
    site_css = stylesheets.joined(_source(files, stylesheets.SITE), _source(files, stylesheets.PRINT))
    env.globals["site_css_version"] = stylesheets.version(site_css)
    env.globals["toolkit_css_version"] = stylesheets.version(_source(files, stylesheets.TOOLKIT))
    env.globals["toolkit_url"] = page_location(links.TOOLKIT)
    return env


def on_post_build(config):
    site_dir = Path(config["site_dir"])
    docs_dir = Path(config["docs_dir"])
    (site_dir / stylesheets.SITE).write_text(
        stylesheets.joined((docs_dir / stylesheets.SITE).read_text(encoding="utf-8"),
                           (docs_dir / stylesheets.PRINT).read_text(encoding="utf-8")),
        encoding="utf-8")
    if serve_hooks.serving() or offline_hooks.is_file_copy(config):
        return  # `mkdocs serve` sends files as they are; the file:// copy (ZIP) needs none
    written = compress.compress_tree(site_dir, cache=compress.cache_dir())
    raw = sum(w.raw for w in written)
    gz = sum(w.gzip or w.raw for w in written)
    br = sum(w.brotli or w.gzip or w.raw for w in written)
    log.info(f"Nén sẵn {len(written)} tệp chữ / pre-compressed {len(written)} text files: "
             f"{raw // 1024} KB → gzip {gz // 1024} KB, brotli {br // 1024} KB")

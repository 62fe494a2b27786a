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
from mkdocs.structure.files import File  # noqa: E402

from macros import compress, stylesheets  # noqa: E402
from macros.adapters import offline_hooks, serve_hooks  # noqa: E402
from macros.render import links  # noqa: E402
from macros.searchindex import page_location  # noqa: E402

log = logging.getLogger("mkdocs.plugins.kontum-weight")


def _source(files, name: str) -> str:
    """The file's text: the docs/ file, or the joined copy once on_files put it in."""
    file = files.get_file_from_path(name)
    if file is None:
        raise PluginError(f"Thiếu tệp docs/{name}.")
    if file.abs_src_path is None:
        return file.content_string
    return Path(file.abs_src_path).read_text(encoding="utf-8")


def on_files(files, config):
    # MkDocs itself writes assets/site.css joined with print.css, before any
    # on_post_build (the service worker's list hashes the file as served).
    site_css = stylesheets.joined(_source(files, stylesheets.SITE), _source(files, stylesheets.PRINT))
    files.remove(files.get_file_from_path(stylesheets.SITE))
    files.append(File.generated(config, stylesheets.SITE, content=site_css))
    return files


def on_env(env, config, files):
    # overrides/main.html links the stylesheets with these (?v=, page condition).
    env.globals["site_css_version"] = stylesheets.version(_source(files, stylesheets.SITE))
    env.globals["toolkit_css_version"] = stylesheets.version(_source(files, stylesheets.TOOLKIT))
    env.globals["results_css_version"] = stylesheets.version(_source(files, stylesheets.RESULTS))
    env.globals["toolkit_url"] = page_location(links.TOOLKIT)
    return env


def on_post_build(config):
    site_dir = Path(config["site_dir"])
    if serve_hooks.serving() or offline_hooks.is_file_copy(config):
        return  # `mkdocs serve` sends files as they are; the file:// copy (ZIP) needs none
    written = compress.compress_tree(site_dir, cache=compress.cache_dir())
    raw = sum(w.raw for w in written)
    gz = sum(w.gzip or w.raw for w in written)
    br = sum(w.brotli or w.gzip or w.raw for w in written)
    log.info(f"Nén sẵn {len(written)} tệp chữ / pre-compressed {len(written)} text files: "
             f"{raw // 1024} KB → gzip {gz // 1024} KB, brotli {br // 1024} KB")

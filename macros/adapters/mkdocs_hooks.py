"""MkDocs hooks: load and validate data/ before anything is built, set the nav,
add the pages generated from data, point each page's edit link at its data.

mkdocs.yml: hooks: [macros/adapters/mkdocs_hooks.py]
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from macros.adapters import state  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.render.pages import generated_pages, nav  # noqa: E402
from macros.text import slugify  # noqa: E402


@event_priority(100)  # before mkdocs-macros, whose macros read the Site
def on_config(config):
    try:
        site = state.load()
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    config["nav"] = nav(site)
    # Anchors keep Vietnamese readable: "Đăk Glei" -> #dak-glei, not #ak-glei.
    config["mdx_configs"].setdefault("toc", {})["slugify"] = slugify
    return config


def on_files(files, config):
    for page in generated_pages(state.current()):
        # JSON is valid YAML and quotes any title safely.
        front = f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\nrender_macros: false\n---\n\n"
        files.append(File.generated(config, page.path, content=front + page.markdown))
    return files


# --- Print and PDF (issue 4): "Tải PDF" links, PDFs written after the build ----
from macros.adapters import print_hooks  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    return print_hooks.add_download_link(markdown, page)


def on_post_page(output, page, config):
    print_hooks.remember_page(output, page, config)
    return output


def on_post_build(config):
    print_hooks.write_pdfs(config)

"""The theme's files listed without walking its hidden folders (issue 22).

Every build (and the file:// copy's build inside it) lists every file of the theme's
folders to copy the theme's static files into the site (MkDocs: Files.add_files_from_theme,
Jinja: FileSystemLoader.list_templates), then drops each name that has a part starting
with "." (its patterns ".*" and "*/.*"). Material's templates hold 14,348 icons in
.icons/: listing and dropping them cost ~0.055 CPU-s a listing (0.0006 s without them),
twice a build with the offline copy, again at every save under `mkdocs serve`. Here the
walk skips the folders whose name starts with "." (nothing in them would be kept);
templates are still read from them as before (the icons: {% include ".icons/…" %}).
"""

import os

from jinja2 import FileSystemLoader

_MARK = "_kontum_lists_without_hidden"  # on the wrapped get_env: wrapped once


class _Loader(FileSystemLoader):
    """The theme's FileSystemLoader (same folders, encoding, links) but for list_templates."""

    def list_templates(self) -> list[str]:
        # jinja2's FileSystemLoader.list_templates, with the hidden folders left out of the walk.
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for filename in filenames:
                    template = os.path.join(dirpath, filename)[len(searchpath):].strip(os.path.sep).replace(os.path.sep, "/")
                    if template[:2] == "./":
                        template = template[2:]
                    found.add(template)
        return sorted(found)


def list_without_hidden(theme) -> None:
    """From now on, the environments `theme` makes (MkDocs' Theme.get_env) list its files
    without walking the hidden folders; the plugin's on_config, before MkDocs lists them."""
    make = theme.get_env
    if getattr(make, _MARK, False):
        return

    def get_env():
        env = make()
        loader = env.loader
        if type(loader) is FileSystemLoader:  # as MkDocs makes it; another loader is left alone
            env.loader = _Loader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    setattr(get_env, _MARK, True)
    theme.get_env = get_env

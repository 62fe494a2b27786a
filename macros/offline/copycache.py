"""The file:// copy (the site again with use_directory_urls: false, that the offline
packages are made from), kept between builds: a build whose main site came out the
same as an earlier one's, from the same code, theme, libraries and settings, takes
that build's copy instead of building every page a second time (issue 24).

The key is content only (macros/cache.py): the bytes of every file of the main site
as it stands before the offline step (every page, the search index, the downloads,
the PDFs: what the data, the dates from git and docs/ made), the project's code and
theme (macros/, overrides/, docs/, mkdocs.yml), the installed libraries' versions and
the settings the build reads from the environment. No absolute path, no time: two
checkouts, two CI runs may share one cache folder. The entry is one tar file, written
to a temporary name and renamed (atomic). Pure Python, no mkdocs.
"""

import hashlib
import json
import os
import re
import tarfile
import tempfile
from importlib.metadata import distributions
from pathlib import Path

from .. import cache

FOLDER = "ban-sao-file"  # under the cache root (macros/cache.py)
KEEP = 2  # entries kept in a cache of its own (KONTUM_CACHE_DIR unset): this build's and the one before
# The build's settings that change what it writes (mkdocs.yml's !ENV, the kontum plugin's config).
SETTINGS = ("SITE_URL", "EDIT_URI", "SOURCE_DATE_EPOCH", "KONTUM_PDF", "KONTUM_OFFLINE", "KONTUM_SERVE", "CI")
_SKIP_DIRS = {"__pycache__"}


def _tree(root: Path, base: Path) -> list[str]:
    """"path\\0sha256" of every file under `root`, paths relative to `base`, sorted."""
    out = []
    if not root.exists():
        return out
    if root.is_file():
        return [f"{root.relative_to(base).as_posix()}\0{hashlib.sha256(root.read_bytes()).hexdigest()}"]
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in sorted(names):
            path = Path(folder) / name
            out.append(f"{path.relative_to(base).as_posix()}\0{hashlib.sha256(path.read_bytes()).hexdigest()}")
    return sorted(out)


def libraries() -> str:
    """name==version of every installed distribution, sorted (Material, MkDocs, Markdown…)."""
    return ";".join(sorted({f"{name}=={version}".lower() for name, version in map(_name_version, distributions())
                            if name}))


_HEADER = re.compile(r"^(Name|Version):[ \t]*(.*?)\r?$", re.MULTILINE)


def _name_version(dist) -> tuple[str | None, str | None]:
    """A distribution's Name and Version, read from the header of its METADATA (PKG-INFO)
    as importlib.metadata finds that file: two lines, without parsing the whole file as an
    e-mail message (~1.5 ms a distribution, ~0.07 CPU-s a build)."""
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or dist.read_text("") or ""
    found: dict[str, str] = {}
    for field, value in _HEADER.findall(text.split("\n\n", 1)[0]):
        found.setdefault(field, value)
    return found.get("Name"), found.get("Version")


def _code(project: Path) -> str:
    project = Path(project)
    return "\n".join(line for part in ("macros", "overrides", "docs", "mkdocs.yml") for line in _tree(project / part, project))


def key(site_dir: Path, project: Path, env: dict) -> str:
    """The copy's key: the main site as built so far, the code, theme, libraries, settings
    (`env`: the build's settings by the names of SETTINGS, given by the adapter)."""
    return cache.digest("ban-sao-file", *_tree(Path(site_dir), Path(site_dir)), _code(project), libraries(),
                        cache.library_versions(), *(f"{k}={env.get(k, '')}" for k in SETTINGS))


# --- One page of the copy at a time (when the main site changed, most of its pages did not) ---

PAGES = "ban-sao-file-trang"  # under the cache root: each page of the copy and its search entries, by page_key
# Not in a page's key: the build's date (the commit's time) changes with every commit, and where a
# page shows it (a running plan's notice, by the day) its page in the main build shows it too.
PAGE_FREE = ("SOURCE_DATE_EPOCH",)


def common_key(project: Path, env: dict, pages: list[str]) -> str:
    """What every page of the copy is made from besides its own page in the main build: the
    code, theme, libraries, settings (as `key`, but the date: PAGE_FREE), and where every page is (`pages`: each
    page's source and its path in both builds; a page moved changes the links to it)."""
    return cache.digest("ban-sao-file/trang", _code(project), libraries(), cache.library_versions(),
                        *(f"{k}={env.get(k, '')}" for k in SETTINGS if k not in PAGE_FREE), *pages)


def page_key(common: str, src_uri: str, main_page: bytes, search: str) -> str:
    """One page of the copy: the same page as the main build wrote it (its text, nav, dates,
    links: all it shows, made from the same inputs with directory URLs), `common`, and
    `search`: what the site's search finds the page by besides its text (unit pages)."""
    return cache.digest(common, src_uri, hashlib.sha256(main_page).hexdigest(), search)


class PageStore:
    """Pages of the copy (their HTML, and their entries in the copy's search index) by page_key."""

    def __init__(self, folder: Path | None):
        """`folder`: the cache root (macros/cache.py); the pages are in its PAGES folder."""
        folder = Path(folder) / PAGES if folder is not None else None
        self.html = cache.Store(folder, ".html")
        self.search = cache.Store(folder, ".json")

    def get(self, entry: str) -> tuple[bytes, list] | None:
        html, search = self.html.get(entry), self.search.get(entry)
        if html is None or search is None:
            return None
        try:
            return html, json.loads(search)
        except ValueError:
            return None

    def put(self, entry: str, html: bytes, search: list) -> None:
        self.search.put(entry, json.dumps(search, ensure_ascii=False).encode("utf-8"))
        self.html.put(entry, html)

    def prune(self) -> int:
        """Drop the pages this build's copy did not use (also from a shared cache: the keys hold the date)."""
        return self.html.prune() + self.search.prune()


def restore(folder: Path | None, entry: str, dest: Path) -> bool:
    """Unpack the cached copy `entry` into `dest`; False when there is none (or it is unreadable)."""
    if folder is None:
        return False
    path = Path(folder) / f"{entry}.tar"
    try:
        with tarfile.open(path) as tar:
            Path(dest).mkdir(parents=True, exist_ok=True)
            tar.extractall(dest, filter="data")
    except (OSError, tarfile.TarError):
        return False
    os.utime(path)  # recently used: kept by prune
    return True


def store(folder: Path | None, entry: str, src: Path) -> None:
    """Keep the copy in `src` as `entry` (atomic; a read-only or full cache only costs time)."""
    if folder is None:
        return
    folder = Path(folder)
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".tar")
        with os.fdopen(fd, "wb") as out, tarfile.open(fileobj=out, mode="w") as tar:
            for path in sorted(Path(src).rglob("*")):
                tar.add(path, arcname=path.relative_to(src).as_posix(), recursive=False)
        os.replace(tmp, folder / f"{entry}.tar")
        tmp = None
    except (OSError, tarfile.TarError):
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def prune(folder: Path | None, keep: int = KEEP) -> int:
    """Drop all but the `keep` most recently used entries; how many were dropped."""
    if folder is None or not Path(folder).is_dir():
        return 0
    entries = sorted(Path(folder).glob("*.tar"), key=lambda p: p.stat().st_mtime, reverse=True)
    old = [p for p in entries if not p.name.startswith(".tmp-")][keep:]
    for path in old:
        path.unlink(missing_ok=True)
    return len(old)

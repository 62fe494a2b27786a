"""`mkdocs serve` (scripts/serve.sh): a fast edit loop that shows data errors
in the browser.

- PDFs are not made under serve (the build's Settings.serving, macros/adapters/pdf_output.py).
- When data/ turns bad while serving, MkDocs would stop at the error and keep
  every browser waiting ("the server will appear stuck"). Instead the build goes
  on with the last good data, every page carries a red banner with the
  Vietnamese error (file, line, column, field), and the log says the same. The
  next good save removes the banner. `mkdocs build` and scripts/build.py still
  stop at bad data, as before.
- With --dirty (scripts/serve.sh), a save builds again only the pages whose
  generated Markdown changed, and every page when what all pages show changed
  (skip_unchanged_pages; issue 24: 27 s a save at 3,321 units, every page built).
- The theme's templates are compiled once per serve process, not on every
  rebuild (an in-memory Jinja bytecode cache, keyed by template source checksum).
- With --dirty, the pages of units whose record (and all else their page shows) did not
  change keep the last build's Markdown (Catalog's `previous`, render/pages.same_but_units),
  and so do the pages of the whole plan whose inputs did not change (render/pages.UNIT_VIEW).
- Each data file's parsed and validated result is kept by its bytes (macros/readmemo.py,
  ServeMemory.reads): a save parses the saved file only; the checks across files still run.
- With --dirty, the rows of a long list (the unit list) keep their finished HTML
  (row_cache.py, ServeMemory.tables): a save converts the rows it changed only.
- With --dirty, after the first build a save remakes only the downloads whose data files
  (as the outputs registry, macros/outputs.py, declares them) changed, in a child process
  (`python -m macros.adapters.serve_hooks`) so that the page shows before the whole-plan
  spreadsheets are made (25 s at 3,321 units); the stale files are removed first, and the
  child is stopped by the next save and when serve stops.

What one serve process remembers across its rebuilds is one ServeMemory, owned by the
plugin (macros/adapters/plugin.py, made in on_startup); per-build state is on each
build's BuildState (macros/adapters/build_state.py). This module holds no state.
"""

import hashlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from jinja2 import BytecodeCache

from macros.exports import downloads
from macros.readmemo import ReadMemo

log = logging.getLogger("kontum.serve")  # not "mkdocs.": must not abort a --strict rebuild


class ServeMemory:
    """What one `mkdocs serve` process keeps from one rebuild to the next."""

    def __init__(self):
        self.website = None  # the last good Website read in this process
        self.catalog = None  # its Catalog (--dirty: unchanged unit pages are taken from it)
        self.catalog_templates: str | None = None  # macros/templates/ as that Catalog was rendered with
        # Each data file's parsed and validated result, by its bytes: a save reads the saved file only.
        self.reads = ReadMemo()
        # A long list's rows as last finished, per page (row_cache.RowTable): a save converts the rows it changed.
        self.tables: dict = {}
        # `serve --dirty`: per page, what its last build was made from (src_uri -> digest),
        # the digest of what every page shows, and the search entries of the last index.
        self.pages: dict[str, str] = {}
        self.whole: str | None = None
        self.index: list = []
        self.templates = _MemoryBytecodeCache()
        # Downloads (spreadsheets, calendars): site path -> digest of the data files it was made
        # from (None: the first build has not made them); the child process making the ones a
        # save changed, and their paths.
        self.downloads: dict[str, str] | None = None
        self.maker: subprocess.Popen | None = None
        self.making: set[str] = set()


def _tree_stamp(folder: Path) -> str:
    """Names, sizes and times of the files under `folder` (theme overrides, docs/)."""
    out = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                st = path.stat()
                out.append(f"{path.relative_to(folder)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(out)


def templates_stamp() -> str:
    """The page templates (macros/templates/), which Jinja reads again when they change."""
    from macros.templating import TEMPLATES

    return _tree_stamp(TEMPLATES)


def previous_catalog(memory: "ServeMemory | None", dirty: bool):
    """The last good build's Catalog, to take unchanged unit pages from: under `serve --dirty`
    only, and only while the templates it was rendered with are unchanged (templates_stamp)."""
    stamp = templates_stamp()
    if memory is None:
        return None
    previous = memory.catalog if dirty and memory.catalog_templates == stamp else None
    memory.catalog_templates = stamp
    return previous


def skip_unchanged_pages(files, config, state, memory: ServeMemory) -> tuple[int, int]:
    """Under `mkdocs serve --dirty`: mark every page whose input is what its last build
    used as not modified, so MkDocs neither converts nor renders it again (issue 24: at
    3,321 units a save rebuilt all 3,342 pages). A page's input is its generated Markdown;
    what every page shows (nav, site name, footer, glossary, data error, the theme and
    docs/ files, mkdocs.yml) is one more digest: when it changes, every page is built.
    Hand-written pages (few; their macros read data/) are always built. Returns (pages
    skipped, pages)."""
    if not state.settings.dirty:
        return 0, 0
    root = state.root
    whole = hashlib.sha256(json.dumps([
        config["nav"], config["site_name"], config["copyright"], state.data_error,
        [[t.viet_tat, t.nghia] for site in state.website.plans for t in site.glossary],
        _tree_stamp(root / "overrides"), _tree_stamp(Path(config.docs_dir)),
        (root / "mkdocs.yml").stat().st_mtime_ns if (root / "mkdocs.yml").exists() else 0,
    ], ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
    digests, skipped, pages = {}, 0, 0
    same_whole = memory.whole == whole
    before = memory.pages
    for file in files.documentation_pages():
        pages += 1
        if file.src_uri not in state.catalog.pages:
            file.is_modified = lambda: True  # hand-written: its macros may show any data
            continue
        digest = hashlib.sha256(file.content_string.encode("utf-8")).hexdigest()
        digests[file.src_uri] = digest
        if same_whole and before.get(file.src_uri) == digest and os.path.isfile(file.abs_dest_path):
            file.is_modified = lambda: False
            skipped += 1
    memory.pages, memory.whole = digests, whole
    return skipped, pages


def _digest_of(root: Path, rel: str, memo: dict) -> str:
    """A data file's content digest (a folder, "…/": its files' names and contents); "" if absent."""
    if rel not in memo:
        path, h = root / rel, hashlib.sha256()
        if rel.endswith("/"):
            for f in sorted(path.rglob("*")) if path.is_dir() else ():
                if f.is_file():
                    h.update(f.relative_to(path).as_posix().encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
            memo[rel] = h.hexdigest()
        else:
            memo[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return memo[rel]


def download_keys(state) -> dict[str, dict[str, str]]:
    """Plan key -> (site path -> digest of what the download is made from): the data files its
    row in the outputs registry declares (macros/outputs.py), the plan's other files but its
    handbook chapters, the data files shared by every plan (data/*.yaml), whether the documents
    are made, the date given for the build."""
    root, memo = state.root, {}
    shared = [p.relative_to(root).as_posix() for p in sorted((root / "data").glob("*.yaml"))]
    common = "\0".join([str(state.catalog.pdf_ok), str(state.settings.source_date_epoch)]
                        + [_digest_of(root, f, memo) for f in shared])
    out = {}
    for site in state.website.plans:
        # Also the plan's files no row declares but the files' notices read (the administrative
        # changes, the toolkit): all but the handbook chapters, which feed the handbook's pages only.
        plan = common + "\0".join(_digest_of(root, f, memo) for name, f in sorted(site.files.items())
                                   if not name.startswith("chapters/"))
        out[site.key] = {site.prefix + o.path: hashlib.sha256(
            (plan + "\0" + "\0".join(f + ":" + _digest_of(root, f, memo) for f in o.data_files)).encode("utf-8")
        ).hexdigest() for o in state.catalog.outputs[site.key].downloads(state.catalog.pdf_ok)}
        # A unit's calendar also by its own cache key (exactly what it is made from: that unit,
        # its results, the plan's data, the code; downloads.calendar_key): it is the same while
        # either its declared files or that key are unchanged (_stale), so one unit's save no
        # longer removes and remakes every unit's calendar (3,321 files), nor a handbook chapter's.
        calendars = state.catalog.outputs[site.key].by_key.get("unit_ics", ())
        if calendars:
            results, common = downloads.results_of(site), downloads.calendar_common(site)
            for o in calendars:
                own = hashlib.sha256("\0".join(["lich", str(state.settings.source_date_epoch),
                                                downloads.calendar_key(site, results, o.item.ma, common)])
                                     .encode("utf-8")).hexdigest()
                out[site.key][site.prefix + o.path] += KEY_PARTS + own
    return out


KEY_PARTS = "|"  # between the digests of a download's key, each enough to tell it unchanged


def _stale(old: str | None, new: str) -> bool:
    """A download is made again when every part of its key changed (or it was never made)."""
    return old is None or not any(a == b for a, b in zip(old.split(KEY_PARTS), new.split(KEY_PARTS)))


def stop_making(memory: ServeMemory) -> None:
    """A new save: the child still making the last save's downloads stops; what it did not
    finish is made again from the new data."""
    maker, memory.maker = memory.maker, None
    if maker is None:
        return
    if maker.poll() is None:
        maker.kill()
        maker.wait()
    if maker.returncode != 0 and memory.downloads is not None:
        for path in memory.making:
            memory.downloads.pop(path, None)
    memory.making = set()


def remake_downloads(state, site_dir: Path, memory: ServeMemory, keys: dict[str, dict[str, str]]) -> int:
    """Under `serve --dirty`, after the first build: the downloads whose data changed (by
    download_keys) are removed at once and made again by a child process, so the pages show
    the save in seconds while the whole-plan spreadsheets (25 s at 3,321 units) are made
    beside it; a download whose data did not change is kept. How many are remade."""
    stop_making(memory)
    only = {}
    for plan, paths in keys.items():
        stale = [p for p, k in paths.items() if _stale(memory.downloads.get(p), k) or not (site_dir / p).is_file()]
        if stale:
            only[plan] = stale
    if not only:
        return 0
    for paths in only.values():
        for p in paths:  # never a stale file served while its data says otherwise
            (site_dir / p).unlink(missing_ok=True)
    job = {"root": str(state.root), "site_dir": str(site_dir), "documents": state.catalog.pdf_ok,
           "epoch": state.settings.source_date_epoch, "cache": str(state.settings.cache_root(state.root)),
           "only": only}
    memory.maker = subprocess.Popen([sys.executable, "-m", "macros.adapters.serve_hooks"], cwd=state.root,
                                    stdin=subprocess.PIPE, start_new_session=True)
    memory.maker.stdin.write(json.dumps(job).encode("utf-8"))
    memory.maker.stdin.close()
    memory.making = {p for paths in only.values() for p in paths}
    for paths in keys.values():
        memory.downloads.update(paths)
    return len(memory.making)


def _make_downloads(job: dict) -> None:
    """The child of remake_downloads: the data read again, the listed downloads written."""
    from macros.exports.downloads import write_downloads
    from macros.loader import load_website

    website = load_website(Path(job["root"]))
    for site in website.plans:
        if site.key in job["only"]:
            write_downloads(site, Path(job["site_dir"]), documents=job["documents"], cache=Path(job["cache"]),
                            epoch=job["epoch"], only=set(job["only"][site.key]))


def merge_search_index(text: str, built_urls: set[str], urls: list[str], memory: ServeMemory) -> str:
    """The search index of a dirty rebuild: the entries of the pages built now, and of the
    others as the last index had them, in page order (Material's own merge assumes one page
    per rebuild and repeats entries when several are built)."""
    data = json.loads(text)
    page = lambda d: d["location"].split("#")[0]  # noqa: E731
    new, old = {}, {}
    for d in data["docs"]:
        new.setdefault(page(d), []).append(d)
    for d in memory.index:
        old.setdefault(page(d), []).append(d)
    docs = []
    for url in dict.fromkeys(urls):
        if url in built_urls or url not in old:
            # Material keeps the last index's entries of every built page but the first and appends
            # the new ones after them: the last entry of each location is this build's.
            docs += list({d["location"]: d for d in new.get(url, [])}.values())
        else:
            docs += old[url]
    data["docs"] = docs
    memory.index = docs
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# Under serve the site is not left unbuilt: it shows the last good data and updates by itself.
SERVE_HEAD = ("Dữ liệu kế hoạch có {count} lỗi. Trang đang hiện bản tốt gần nhất; sửa tệp rồi lưu lại, "
              "trang tự cập nhật (không cần chạy lại lệnh nào):")


def serve_message(message: str, errors: int | None) -> str:
    """The error as serve shows it: DataErrors' first line ("website chưa được tạo. Hãy sửa
    rồi chạy lại") is true of `mkdocs build`, not of serve, which keeps the last good site
    and rebuilds on the next save; `errors`: how many (None: not a data error, kept as is)."""
    if errors is None:
        return message
    return SERVE_HEAD.format(count=errors) + ("\n" + message.split("\n", 1)[1] if "\n" in message else "")


def keep_last_good(memory: ServeMemory | None, message: str, errors: int | None = None):
    """Under serve (`memory` given), after a good build: log the error and return (the last
    good Website to build from, the message to show on every page); else None."""
    if memory is None or memory.website is None:
        return None
    message = serve_message(message, errors)
    log.error(message)
    return memory.website, message


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates kept between rebuilds of one serve process;
    Jinja checks each entry against the template source's checksum."""

    def __init__(self):
        self._codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self._codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._codes[bucket.key] = bucket.bytecode_to_string()



if __name__ == "__main__":  # remake_downloads' child process
    try:
        _make_downloads(json.loads(sys.stdin.read()))
    except Exception as exc:  # noqa: BLE001 - the next save makes them again; the serve log says why
        sys.stderr.write(f"Xem thử: chưa tạo lại được tệp tải về ({type(exc).__name__}: {exc}); "
                         "lưu lại tệp dữ liệu để thử lại.\n")
        sys.exit(1)

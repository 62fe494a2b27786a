"""Pre-compressed copies of the built site: `x.gz` (and `x.br` where it pays)
beside every text file `x`, so that any static server sends them compressed
without compressing on each request (nginx `gzip_static`/`brotli_static`,
Caddy `precompressed`; see deploy/nginx.conf).

Pure: bytes in, bytes out, plus one walk over a folder. Output is
deterministic (gzip header without time or file name; brotli has none), so two
builds of one commit stay byte-identical. No MkDocs imports.
"""

import gzip
import hashlib
import os
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

try:  # pinned in requirements.txt; without it only .gz copies are written
    import brotli
except ImportError:  # pragma: no cover - the pinned environment has it
    brotli = None

# What a reader's browser downloads as text. Not .map (never fetched by
# readers) and not formats that are compressed already (PDF, PNG).
TEXT_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest")
# A copy is written only when it is smaller than the file by at least this much.
MIN_SAVING = 0.05


@dataclass(frozen=True)
class Written:
    path: Path
    raw: int
    gzip: int | None
    brotli: int | None


# gzip level 9 for the shared assets and the search index (fetched by every reader);
# level 6 for pages (HTML, XML): 3.6 times faster and 0.4% larger than 9 (measured
# on 300 unit pages: 2,199,579 against 2,191,125 bytes), and a browser that takes
# brotli gets the .br copy anyway. A plan of 3,321 communes has ~100 MB of pages.
GZIP_LEVEL = 9
GZIP_LEVEL_PAGES = 6


def gzip_bytes(data: bytes, level: int = GZIP_LEVEL, cache: Path | None = None) -> bytes:
    """gzip, mtime 0, no file name: the same input gives the same bytes. With `cache`
    (the folder of compress.cache_dir), each distinct file is compressed once: a build
    with nothing changed reads its .gz copies instead of compressing ~1,400 files again
    (issue 24). The key holds the bytes' hash, the level and zlib's version (another zlib
    may pack the same bytes differently), so a warm and a cold cache give the same bytes."""
    if cache is None:
        return gzip.compress(data, compresslevel=level, mtime=0)
    key = hashlib.sha256(data).hexdigest() + f"-gz{level}-z{zlib.ZLIB_RUNTIME_VERSION}"
    return _cached(cache, key, lambda: gzip.compress(data, compresslevel=level, mtime=0))


def _cached(cache: Path, key: str, make) -> bytes:
    """The bytes stored under `key` in `cache`, else make() (stored for next time, atomically)."""
    cached = cache / key
    try:
        data = cached.read_bytes()
    except OSError:
        pass
    else:
        try:
            os.utime(cached)  # used by this build: kept by prune_cache
        except OSError:
            pass
        return data
    packed = make()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        # One temporary name per process and thread (compress_tree runs threads).
        tmp = cached.with_name(f"{key}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(packed)
        tmp.replace(cached)  # atomic: parallel builds never read half a file
    except OSError:
        pass  # a read-only cache only costs time
    return packed


# Brotli at its best setting (11) beats gzip -9 by about 13% on a first page
# load (measured: 93.0 KB -> 80.8 KB for the home page with the search index;
# quality 9 saves only 6.6%), but is slow: seconds for the whole site on a busy
# 2-core machine. Each distinct file is therefore compressed once per machine
# and kept in a content-addressed cache (same bytes in, same bytes out).
# Files larger than BROTLI_MAX (lunr's Thai word list, never fetched here) get
# only the .gz copy.
BROTLI_QUALITY = 11
# Pages (HTML, XML) get quality 7: 30 times faster than 11 (0.05 s against 1.4 s
# a MB, measured), about 10% larger than 11 and still smaller than gzip -9. A plan
# of 3,321 communes has ~100 MB of pages: at 11 that was minutes of every cold
# build; the shared assets and the search index, which every reader fetches, keep 11.
BROTLI_QUALITY_PAGES = 7
PAGE_SUFFIXES = (".html", ".xml")
BROTLI_MAX = 256 * 1024


def cache_dir(base: Path | None = None) -> Path:
    """The brotli cache under `base`, the user's cache folder (the plugin's user_cache_dir:
    XDG_CACHE_HOME, else ~/.cache)."""
    return Path(base if base is not None else Path.home() / ".cache") / "kontum-site" / f"brotli-{BROTLI_QUALITY}"


def brotli_bytes(data: bytes, cache: Path | None = None, quality: int = BROTLI_QUALITY) -> bytes | None:
    if brotli is None or len(data) > BROTLI_MAX:
        return None
    # The quality and brotli's version are part of the key: a warm cache and a cold one give the same bytes.
    key = hashlib.sha256(data).hexdigest() + f"-q{quality}-b{getattr(brotli, '__version__', '?')}"
    make = lambda: brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality)  # noqa: E731
    return _cached(cache, key, make) if cache else make()


def pays(raw: int, packed: int | None) -> bool:
    return packed is not None and packed <= raw * (1 - MIN_SAVING)


def is_text(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def compress_file(path: Path, with_brotli: bool = True, cache: Path | None = None) -> Written:
    """Write path.gz (and path.br) when they pay. A copy that does not pay is
    not written, and one already there is left alone (MkDocs writes its own
    sitemap.xml.gz, a valid copy too)."""
    data = path.read_bytes()
    sizes = {}
    page = path.suffix.lower() in PAGE_SUFFIXES
    quality = BROTLI_QUALITY_PAGES if page else BROTLI_QUALITY
    level = GZIP_LEVEL_PAGES if page else GZIP_LEVEL
    packers = ((".gz", lambda d: gzip_bytes(d, level, cache)),
               (".br", (lambda d: brotli_bytes(d, cache, quality)) if with_brotli else None))
    for suffix, packer in packers:
        target = path.with_name(path.name + suffix)
        packed = packer(data) if packer else None
        if pays(len(data), None if packed is None else len(packed)):
            target.write_bytes(packed)
            sizes[suffix] = len(packed)
        else:
            sizes[suffix] = None
    return Written(path, len(data), sizes[".gz"], sizes[".br"])


# Entries of the cache that no build used for this long are dropped after each build (issue 24: the
# folder grew by every changed page of every build, also when CI keeps it between runs). Not at once:
# builds of other projects or branches on the machine (the test suite's, a second checkout) share
# the folder, and dropping each other's entries would compress their pages again on every build.
PRUNE_AFTER = 24 * 3600  # seconds


def compress_tree(root: Path, with_brotli: bool = True, cache: Path | None = None,
                  workers: int | None = None) -> list[Written]:
    """Compress every text file under root, in a fixed order. One thread per core:
    zlib, brotli and file I/O release the GIL (1.75 times faster on 2 cores,
    measured); each file's copies depend on that file only, so the bytes written
    are the same as one by one. With `cache`: then the entries no build used for
    PRUNE_AFTER are dropped (prune_cache)."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and is_text(p))
    workers = workers or min(8, _cores())
    if workers == 1 or len(files) < 2:
        written = [compress_file(p, with_brotli, cache) for p in files]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            written = list(pool.map(lambda p: compress_file(p, with_brotli, cache), files))
    if cache is not None:
        prune_cache(cache)
    return written


def prune_cache(cache: Path, unused_for: float = PRUNE_AFTER, now: float | None = None) -> int:
    """Drop the entries of `cache` (and temporary files left by a killed build) that no build
    read or wrote for `unused_for` seconds: a build marks what it uses (_cached). How many."""
    limit = (time.time() if now is None else now) - unused_for
    dropped = 0
    try:
        entries = list(os.scandir(cache))
    except OSError:
        return 0
    for entry in entries:
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                dropped += 1
        except OSError:  # removed by a build running beside this one, or a read-only cache
            pass
    return dropped


def _cores() -> int:
    """Cores this process may run on (a container or CI runner may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


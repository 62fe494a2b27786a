"""Write the printouts as PDF with WeasyPrint (paged media: A4, margin boxes, @page :first).

WeasyPrint is imported only here, and only when PDFs are made, so the HTML
site builds on machines where it or its system libraries (Pango) are missing.
"""

import hashlib
import multiprocessing
import multiprocessing.util
import os
import re
import shutil
import struct
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache as cache_store
from ..site import Site
from . import documents, paths, report
from .documents import Chapter, Metadata
from .job import Job

HERE = Path(__file__).resolve().parent
PRINT_CSS = Path("docs/assets/print.css")  # relative to the project root (Site.root)
RESULTS_CSS = Path("docs/assets/results.css")  # the compiled report's tables and "Dự thảo" mark
# Liberation Serif 2.x (Debian fonts-liberation2) carries every Vietnamese letter;
# 1.07 (fonts-liberation) lacks ơ/ư and stacked marks. Naming the 2.x files keeps
# glyph choice independent of fontconfig's preference.
LIBERATION2 = Path("/usr/share/fonts/truetype/liberation2")
_FACES = [("Regular", 400, "normal"), ("Bold", 700, "normal"),
          ("Italic", 400, "italic"), ("BoldItalic", 700, "italic")]


def _ldconfig_sonames() -> bytes:
    """`ldconfig -p`: the dynamic linker's cache, as ctypes.util reads it (b"" if it cannot run)."""
    try:
        return subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, check=False).stdout
    except OSError:
        return b""


def _soname_finder(read=_ldconfig_sonames):
    """ctypes.util.find_library's first answer (_findSoname_ldconfig, CPython 3.11) over one
    read of the linker's cache (`read`, on the first question): the same pattern, the same ABI tag."""
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")
    listing = []  # read once, when first asked: no process when WeasyPrint is already imported

    def find_library(name: str) -> str | None:
        if not listing:
            listing.append(read())
        found = re.search(os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}"), listing[0])
        return os.fsdecode(found.group(1)) if found else None

    return find_library


@contextmanager
def _one_ldconfig_read():
    """While WeasyPrint is imported: ctypes.util.find_library answers from one read of the
    linker's cache. WeasyPrint 70 (text/ffi.py) tries each library under several names
    ("libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "libgobject-2.0.so.0", …); cffi
    asks find_library for every name it cannot dlopen, and on Linux find_library runs
    `ldconfig -p`, then gcc, then ld for each miss: 215 processes, about 0.6 CPU-s per
    process that imports WeasyPrint (issue 24). A name the cache does not know is a miss
    here without gcc and ld: the soname in WeasyPrint's list ("libgobject-2.0.so.0") is
    then opened by the dynamic linker itself, which searches LD_LIBRARY_PATH as ld did.
    A missing library fails as before: cffi's OSError names the library and says
    find_library did not locate it."""
    import ctypes.util

    original = ctypes.util.find_library
    if (not sys.platform.startswith("linux") or not hasattr(ctypes.util, "_findSoname_ldconfig")
            or getattr(original, "one_ldconfig_read", False)):
        yield  # macOS, Windows, musl: find_library there spawns no gcc/ld per name; or already in place
        return  # (entered twice: the outer one puts the original back, never this one's copy)
    finder = _soname_finder()
    finder.one_ldconfig_read = True
    ctypes.util.find_library = finder
    try:
        yield
    finally:
        ctypes.util.find_library = original


def unavailable_reason() -> str | None:
    """None when WeasyPrint can run here, else why not (for the build log)."""
    try:
        with _one_ldconfig_read():
            import weasyprint  # noqa: F401
    except Exception as exc:  # ImportError, or OSError when Pango/GObject are missing
        return f"{type(exc).__name__}: {exc}".strip()
    return None


def font_css() -> str:
    faces = []
    for style, weight, slant in _FACES:
        file = LIBERATION2 / f"LiberationSerif-{style}.ttf"
        if file.exists():
            faces.append(f'@font-face {{ font-family: "Liberation Serif"; src: url("{file.as_uri()}"); '
                         f"font-weight: {weight}; font-style: {slant}; }}")
    return "\n".join(faces)


@dataclass(frozen=True)
class Written:
    path: str  # relative to the site dir, e.g. "pdf/ke-hoach-<year>.pdf"
    pages: int
    size: int  # bytes
    seconds: float


class Printer:
    """Renders documents with one font configuration and shared stylesheets."""

    def __init__(self, site: Site | None = None, root: Path | None = None):
        with _one_ldconfig_read():  # imported here when no unavailable_reason() came first
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration

        self.fonts = FontConfiguration()
        self.root = Path(root) if root is not None else site.root

        def css(text: str = "", path: Path | None = None):
            if path is not None:
                return CSS(filename=str(path), font_config=self.fonts)
            return CSS(string=text, font_config=self.fonts)

        base = [css(font_css()), css(path=self.root / PRINT_CSS), css(path=HERE / "pdf.css")]
        self.styles = {
            "plan": base,
            "handout": base + [css(path=HERE / "handout.css")],
            "handbook": base + [css(path=HERE / "handbook.css")],
            "report": base + [css(path=self.root / RESULTS_CSS)],
        }
        # WeasyPrint copies the @font-face fonts into a mkdtemp folder and never removes
        # it: removed when this Printer goes, or when its (worker) process exits.
        folder = getattr(self.fonts, "_folder", None)
        if folder is not None:
            multiprocessing.util.Finalize(self, shutil.rmtree, args=(str(folder),),
                                          kwargs={"ignore_errors": True}, exitpriority=0)

    def write(self, html: str, kind: str, meta: Metadata, out: Path, base_url: str | None = None):
        from weasyprint import HTML

        document = HTML(string=html, base_url=base_url or str(self.root)).render(
            stylesheets=self.styles[kind], font_config=self.fonts)
        md = document.metadata
        md.title, md.authors, md.description, md.lang = meta.title, [meta.author], meta.subject, meta.lang
        out.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(out)
        return document


def jobs_for(site: Site, handbook_title: str | None = None, chapters: list[Chapter] | None = None,
             page_urls: dict[str, str] | None = None) -> list[Job]:
    """The plan, every unit's handout, (if it has pages) the handbook and (if any unit
    has results) the compiled report. `page_urls` (PDF path -> its page's address): each
    document's QR code (documents._document)."""
    url = (page_urls or {}).get
    plan_rel = paths.plan_pdf(site)
    jobs = [Job(plan_rel, documents.plan_document(site, url(plan_rel)), "plan", documents.plan_metadata(site))]
    jobs += [Job(rel, documents.handout_document(site, u.ma, url(rel)), "handout", documents.handout_metadata(site, u.ma))
             for u in site.units if site.has_units for rel in (paths.handout_pdf(u, site.prefix, site.file_tag),)]
    if chapters:
        title = handbook_title or "Sổ tay"
        rel = paths.handbook_pdf(site)
        jobs.append(Job(rel, documents.handbook_document(site, title, chapters, url(rel)), "handbook",
                        documents.handbook_metadata(site, title)))
    job = report.report_job(site, page_url=url)
    if job is not None:
        jobs.append(job)
    return jobs


# PDFs of unchanged documents are copied from here instead of being made again
# (relative to the project root; .cache/ is not committed).
CACHE_DIR = Path(".cache/pdf")


def _styles_digest(root: Path) -> str:
    """Everything a PDF depends on besides its HTML: stylesheets, this code, the
    font files themselves (not only their names), the libraries' versions."""
    h = hashlib.sha256()
    for path in (root / PRINT_CSS, root / RESULTS_CSS, HERE / "pdf.css", HERE / "handout.css", HERE / "handbook.css",
                 Path(__file__)):
        h.update(path.read_bytes() if path.exists() else b"")
    h.update(font_css().encode())
    for style, _, _ in _FACES:
        font = LIBERATION2 / f"LiberationSerif-{style}.ttf"
        h.update(hashlib.sha256(font.read_bytes()).digest() if font.exists() else b"-")
    h.update(cache_store.library_versions("weasyprint", "pydyf", "tinycss2", "cssselect2", "fonttools", "Pillow").encode())
    return h.hexdigest()


def content_key(job: Job, styles: str) -> str:
    """What the PDF depends on: its HTML, metadata, stylesheets and the engine."""
    h = hashlib.sha256(styles.encode())
    for part in (job.kind, job.meta.title, job.meta.author, job.meta.subject, job.meta.lang, job.html):
        h.update(b"\0" + part.encode())
    return h.hexdigest()


@dataclass
class Report:
    """What a PDF pass did, for the build log: made, reused from the cache, time."""
    written: list = field(default_factory=list)
    made: int = 0
    reused: int = 0
    seconds: float = 0.0
    workers: int = 1
    keys: set = field(default_factory=set)  # content keys of this pass (what the cache keeps)
    made_names: list = field(default_factory=list)  # site paths of the PDFs made (not reused)

    def __iadd__(self, other: "Report"):
        self.written += other.written
        self.made += other.made
        self.reused += other.reused
        self.seconds += other.seconds
        self.workers = max(self.workers, other.workers)
        self.keys |= other.keys
        self.made_names += other.made_names
        return self

    def summary(self) -> str:
        size = sum(w.size for w in self.written) // 1024
        return (f"PDF: {len(self.written)} tệp ({size} KB), tạo mới {self.made}, dùng lại {self.reused} "
                f"trong {self.seconds:.1f} s ({self.workers} tiến trình) / {len(self.written)} PDFs, "
                f"{self.made} made, {self.reused} unchanged reused, {self.seconds:.1f} s")


def _render_share(root: str, work: list[tuple[Job, str]]) -> list[tuple[int, int]]:
    """One worker process's share of the PDFs, with one Printer for all of them
    (WeasyPrint's import and font setup cost ~1 s): (pages, bytes) of each. The Printer
    lives as long as this call, not in the process (no module state)."""
    printer = Printer(root=Path(root))
    out = []
    for job, path in work:
        document = printer.write(job.html, job.kind, job.meta, Path(path))
        out.append((len(document.pages), Path(path).stat().st_size))
    return out


def write_all(site: Site, site_dir: Path, handbook_title: str | None = None,
              chapters: list[Chapter] | None = None, cache_dir: Path | None = None, force: bool = False,
              workers: int | None = None, cache: Path | None = None, page_urls: dict[str, str] | None = None) -> Report:
    """Write the PDFs of one plan into site_dir. With `cache_dir`, a PDF whose content key
    is there is copied, the others are made (in parallel across cores) and stored.
    `force` makes every PDF again. (`cache`: the old name of `cache_dir`.) `page_urls`
    (PDF path -> the address of its page, when the site's address is known): a QR code
    to that page in every page's bottom margin (macros/qr.py)."""
    start = time.perf_counter()
    cache_dir = cache_dir if cache_dir is not None else cache
    jobs = jobs_for(site, handbook_title, chapters, page_urls)
    styles = _styles_digest(site.root)
    report = Report()
    todo = []
    for job in jobs:
        out = Path(site_dir) / job.rel
        key = content_key(job, styles)
        report.keys.add(key)
        cached = Path(cache_dir) / f"{key}.pdf" if cache_dir is not None else None
        if cached is not None and cached.exists() and not force:
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, out)
            report.reused += 1
            report.written.append(Written(job.rel, 0, out.stat().st_size, 0.0))
        else:
            todo.append((job, out, cached))
    count = workers or min(len(todo), os.cpu_count() or 1)
    report.workers = max(count, 1)
    if len(todo) > 1 and count > 1:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        work = [(job, str(out)) for job, out, _ in todo]
        count = min(count, len(work))
        shares = [work[i::count] for i in range(count)]  # dealt round, so big and small PDFs mix
        with ProcessPoolExecutor(count, mp_context=ctx) as pool:
            done = list(pool.map(_render_share, [str(site.root)] * count, shares))
        results = [None] * len(work)
        for i, share in enumerate(done):
            results[i::count] = share
    else:
        printer = Printer(site) if todo else None
        results = []
        for job, out, _ in todo:
            document = printer.write(job.html, job.kind, job.meta, out)
            results.append((len(document.pages), out.stat().st_size))
    store = cache_store.Store(cache_dir)
    for (job, out, cached), (pages, size) in zip(todo, results):
        report.made += 1
        report.made_names.append(job.rel)
        report.written.append(Written(job.rel, pages, size, 0.0))
        if cached is not None:
            store.put(cached.name, out.read_bytes())  # atomic: a cache shared by builds never holds half a PDF
    report.seconds = time.perf_counter() - start
    return report


def prune_cache(cache: Path, keep: set) -> int:
    """Drop cached PDFs no document of this build uses any more; returns how many."""
    dropped = 0
    for path in Path(cache).glob("*.pdf") if Path(cache).is_dir() else []:
        if path.stem not in keep:
            path.unlink(missing_ok=True)
            dropped += 1
    return dropped

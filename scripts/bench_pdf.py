"""Time to produce every PDF (target: 20 s or less on 2 cores), with pages and sizes.

    python scripts/bench_pdf.py [RUNS]

Builds the site once (the handbook PDF is made from the built handbook pages),
then, in this process: the WeasyPrint import, and RUNS times writing all PDFs.
Also prints the full `mkdocs build --strict` time and the PDF share the build logged.
"""

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.pdf import article, paths  # noqa: E402
from macros.pdf.documents import Chapter  # noqa: E402
from macros.render import links, pages  # noqa: E402
from macros.loader import load_site  # noqa: E402
from tests.sitebuild import mkdocs_build  # noqa: E402


def built_file(site_dir: Path, src: str) -> Path:
    """Built HTML of a Markdown source path (use_directory_urls: true)."""
    stem = src.removesuffix(".md")
    return site_dir / (stem + ".html" if stem.endswith("index") else stem + "/index.html")


def chapters(site, site_dir: Path) -> tuple[str | None, list[Chapter]]:
    out = []
    for src in pages.handbook_section(site):
        file = built_file(site_dir, src)
        body = article.article_html(file.read_text(encoding="utf-8"))
        out.append(Chapter(article.first_heading(body) or src, article.printable(body, file)))
    return (out[0].title if out else None), out


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        start = time.perf_counter()
        result = mkdocs_build(ROOT, site_dir)
        build = time.perf_counter() - start
        if result.returncode:
            sys.exit(result.stderr)
        logged = re.search(r"PDF: \d+ tệp \((\d+) KB\).*? ([\d.]+) s$", result.stderr, re.M)
        print(f"mkdocs build --strict (with PDFs): {build:.2f} s wall"
              + (f"; PDFs {logged.group(2)} s, {logged.group(1)} KB" if logged else "; PDFs: not written"))

        start = time.perf_counter()
        import weasyprint  # noqa: F401
        print(f"import weasyprint: {time.perf_counter() - start:.2f} s")
        from macros.pdf import writer

        site = load_site(ROOT)
        title, chaps = chapters(site, site_dir)
        totals = []
        for run in range(runs):
            start = time.perf_counter()
            written = writer.write_all(site, Path(tmp) / f"run{run}", title, chaps).written  # no cache: all made
            totals.append(time.perf_counter() - start)
        print(f"all {len(written)} PDFs, {runs} runs: median {statistics.median(totals):.2f} s, "
              f"min {min(totals):.2f} s, max {max(totals):.2f} s (target ≤ 20 s)")
        for w in written:
            print(f"  {w.path:40} {w.pages:2d} page(s) {w.size / 1024:6.1f} KB")
        print(f"  total size {sum(w.size for w in written) / 1024:.0f} KB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)

"""Is there a per-document overhead to cut in the unit handout PDFs? (issue 24)

Writes N unit handouts with one writer.Printer (shared stylesheets and font
configuration, as each PDF worker process does), first as N documents, then as one
document holding the N bodies (a page break before each), and prints the time per
handout both ways. If one document were much cheaper per handout, rendering many
handouts together and splitting the PDF would pay; measured on 03/12/2026 it is not
(see README, "Tạo website với nhiều đơn vị").

    .venv/bin/python scripts/bench_pdf_overhead.py [PROJECT] [N]   # default: this project, 9
    .venv/bin/python scripts/bench_pdf_overhead.py /tmp/p1000 30   # a synthetic plan (scripts/bench_scale.py)
"""

import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.loader import load_website  # noqa: E402
from macros.pdf import writer  # noqa: E402


def main(project: Path, n: int) -> None:
    site = load_website(project).plans[0]
    jobs = [j for j in writer.jobs_for(site) if j.kind == "handout"][: n + 1]
    printer = writer.Printer(site)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        printer.write(jobs[0].html, "handout", jobs[0].meta, out / "warm.pdf")  # fonts loaded, code warm
        jobs = jobs[1:]
        start = time.perf_counter()
        pages = sum(len(printer.write(j.html, j.kind, j.meta, out / f"{i}.pdf").pages) for i, j in enumerate(jobs))
        separate = (time.perf_counter() - start) / len(jobs)
        bodies = [re.search(r"<body[^>]*>(.*)</body>", j.html, re.S).group(1) for j in jobs]
        first = jobs[0].html
        html = (first[: first.index("<body")] + re.search(r"<body[^>]*>", first).group(0)
                + "".join(f'<div style="break-before: page">{b}</div>' for b in bodies) + "</body></html>")
        start = time.perf_counter()
        together = printer.write(html, "handout", jobs[0].meta, out / "all.pdf")
        joined = (time.perf_counter() - start) / len(jobs)
    print(f"{len(jobs)} handouts ({pages} pages): {separate * 1000:.0f} ms each as separate documents "
          f"({1 / separate:.1f} PDFs/s on one core); {joined * 1000:.0f} ms each in one document "
          f"({len(together.pages)} pages); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT, int(sys.argv[2]) if len(sys.argv) > 2 else 9)

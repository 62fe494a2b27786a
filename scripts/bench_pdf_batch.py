"""Does laying out many unit sheets as ONE WeasyPrint document save CPU? (issue 24, session 10)

    .venv/bin/python scripts/bench_pdf_batch.py PROJECT [--sheets 50] [--runs 3]

PROJECT: a project folder (this one, or a synthetic plan: scripts/bench_scale.py's project()).
In one process, with one Printer (fonts and stylesheets set up once, as each PDF worker does),
interleaved runs of:

- one: each sheet its own document (what macros/pdf/writer.py does): HTML.render + write_pdf;
- batch: the sheets' bodies in one document (each from a new page, page numbers off: the
  sheets are one page), then each sheet's PDF from its page (Document.copy([page]) with the
  sheet's own metadata, WeasyPrint's documented way to write a subset of pages).

CPU = user + sys of this process (the machine is shared: wall time says little). Each batch
PDF is compared with the one-document PDF of the same sheet, byte for byte. Prints CPU per
sheet (layout and writing apart for the batch) and the medians. scripts/bench_pdf_overhead.py
measured the layout alone (wall time, splitting left to pypdf); this one writes each sheet's
PDF from the batch, as a build would have to.
"""

import argparse
import copy
import resource
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BODY = '<body class="print-handout">'
# The sheets' pages numbered from 1 in one document would show numbers the one-page sheets
# do not: no number on any page (the sheets' first pages have none, pdf.css / print.css).
NO_NUMBERS = "@media print { @page { @top-center { content: none; } } }"


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def one_by_one(printer, jobs, out: Path) -> float:
    start = cpu()
    for i, job in enumerate(jobs):
        printer.write(job.html, job.kind, job.meta, out / f"{i}.pdf")
    return cpu() - start


def batched(printer, jobs, out: Path, root: Path) -> tuple[float, float, int]:
    """CPU of the layout, of the writing; how many sheets had more than one page (not written)."""
    from weasyprint import CSS, HTML

    start = cpu()
    head = jobs[0].html.partition(BODY)[0]
    bodies = [job.html.partition(BODY)[2].rpartition("</body>")[0] for job in jobs]
    # bench only, never published: the batch document is made from the sheets' own HTML
    html = head + BODY + "".join(f'<div style="break-before: page">{b}</div>' for b in bodies) + "</body></html>"
    extra = CSS(string=NO_NUMBERS, font_config=printer.fonts)
    document = HTML(string=html, base_url=str(root)).render(stylesheets=printer.styles["handout"] + [extra],
                                                            font_config=printer.fonts)
    laid = cpu()
    if len(document.pages) != len(jobs):
        return laid - start, 0.0, len(document.pages) - len(jobs)
    for i, (job, page) in enumerate(zip(jobs, document.pages)):
        part = document.copy([page])
        meta = copy.copy(document.metadata)
        meta.title, meta.authors, meta.description, meta.lang = (job.meta.title, [job.meta.author],
                                                                 job.meta.subject, job.meta.lang)
        part.metadata = meta
        part.write_pdf(out / f"{i}.pdf")
    return laid - start, cpu() - laid, 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--sheets", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from macros.loader import load_website
    from macros.pdf import writer

    site = load_website(args.project).plans[0]
    jobs = [j for j in writer.jobs_for(site) if j.kind == "handout"][: args.sheets]
    printer = writer.Printer(site)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "one", Path(tmp) / "batch"
        a.mkdir(), b.mkdir()
        printer.write(jobs[0].html, "handout", jobs[0].meta, a / "warm.pdf")  # fonts loaded once, as in a worker
        ones, lays, writes = [], [], []
        for run in range(args.runs):
            ones.append(one_by_one(printer, jobs, a) / len(jobs) * 1000)
            lay, write, extra_pages = batched(printer, jobs, b, site.root)
            if extra_pages:
                sys.exit(f"{extra_pages} more pages than sheets: some sheet is longer than a page")
            lays.append(lay / len(jobs) * 1000)
            writes.append(write / len(jobs) * 1000)
            same = sum((a / f"{i}.pdf").read_bytes() == (b / f"{i}.pdf").read_bytes() for i in range(len(jobs)))
            print(f"run {run + 1}: one document per sheet {ones[-1]:.1f} ms CPU a sheet; one document of "
                  f"{len(jobs)} sheets {lays[-1] + writes[-1]:.1f} ms ({lays[-1]:.1f} layout + {writes[-1]:.1f} "
                  f"writing); {same}/{len(jobs)} PDFs byte-identical", flush=True)
    print(f"medians: one per sheet {statistics.median(ones):.1f} ms, batched "
          f"{statistics.median(lays) + statistics.median(writes):.1f} ms CPU a sheet")


if __name__ == "__main__":
    main()

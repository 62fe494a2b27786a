"""Issue 24: what would a unit sheet cost with another PDF engine? A measurement, not the build.

Draws the unit handouts with ReportLab's platypus (BSD; not a dependency of the site:
install it apart, e.g. `pip install --target /tmp/rl reportlab==5.1.0`, and pass that
folder) from the same HTML the build gives WeasyPrint, and times both on the same sheets:

    .venv/bin/python scripts/bench_pdf_engine.py /tmp/rl [PROJECT] [N] [OUT]

The ReportLab sheet is an approximation written for this measurement: same page box,
fonts, sizes, table, list and blanks, but no CSS (every style is restated here in
Python), no kerning or shaping (Pango's), its own line breaking and justification, no
running header or QR margin box logic, no «Điện thoại» blank on the contact line. OUT keeps the last sheet of each engine
(weasyprint.pdf, reportlab.pdf) to compare with pdftoppm.
"""

import html
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.loader import load_website  # noqa: E402
from macros.pdf import writer  # noqa: E402

MM = 72 / 25.4


def _inline(text: str) -> str:
    """HTML inline markup -> ReportLab's paragraph markup (<b>, <i>, <br/>)."""
    text = text.replace("<strong>", "<b>").replace("</strong>", "</b>").replace("<br>", "<br/>")
    return re.sub(r"</?(p|span)[^>]*>", "", text)


def reportlab_sheet(job, out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table,
                                    TableStyle)

    body = job.html[job.html.index("<body"):]
    h1 = re.search(r"<h1>(.*?)</h1>", body, re.S).group(1)
    summary = re.search(r'<p class="ho-summary">(.*?)</p>', body, re.S).group(1)
    notice = re.search(r'<div class="trang-thai[^>]*>(.*?)</div>', body, re.S).group(1)
    facts = re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", re.search(
        r'<table class="ho-facts">(.*?)</table>', body, re.S).group(1), re.S)
    steps = re.findall(r"<li>(.*?)</li>", re.search(r'<ol class="ho-steps">(.*?)</ol>', body, re.S).group(1), re.S)
    h2 = [t.upper() for t in re.findall(r"<h2>(.*?)</h2>", body)]
    fill = re.findall(r"<tr><th>(.*?)</th>", re.search(r'<table class="ho-fill">(.*?)</table>', body, re.S).group(1))
    f = "LiberationSerif"
    s = {
        "h1": ParagraphStyle("h1", fontName=f + "-Bold", fontSize=14, leading=17.5, alignment=TA_CENTER,
                             spaceAfter=4),
        "sum": ParagraphStyle("sum", fontName=f + "-Italic", fontSize=10.5, leading=12.6, alignment=TA_CENTER,
                              spaceAfter=6),
        "note": ParagraphStyle("note", fontName=f, fontSize=8, leading=9.2, alignment=TA_JUSTIFY),
        "th": ParagraphStyle("th", fontName=f + "-Bold", fontSize=11.5, leading=13.8, alignment=TA_LEFT),
        "td": ParagraphStyle("td", fontName=f, fontSize=11.5, leading=13.8, alignment=TA_JUSTIFY),
        "h2": ParagraphStyle("h2", fontName=f + "-Bold", fontSize=12, leading=14.4, spaceBefore=9, spaceAfter=4),
    }
    title = html.unescape(h1).split("<br>")
    story = [Paragraph(title[0].upper() + "<br/>" + title[1], s["h1"]), Paragraph(summary, s["sum"])]
    box = Table([[Paragraph(_inline(notice), s["note"])]], colWidths=[164 * MM])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.75, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 5),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 5), ("TOPPADDING", (0, 0), (-1, -1), 2),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story += [box, Spacer(1, 4)]
    rows = [[Paragraph(th, s["th"]), [Paragraph(_inline(part), s["td"]) for part in
                                      re.split(r"(?=<p>)", td) if part.strip()]] for th, td in facts]
    table = Table(rows, colWidths=[164 * MM * 0.26, 164 * MM * 0.74])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.75, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Paragraph(h2[0], s["h2"])]
    story.append(ListFlowable([ListItem(Paragraph(_inline(li), s["td"])) for li in steps], bulletType="1",
                              bulletFormat="%s.", bulletFontName=f, bulletFontSize=11.5, leftIndent=15))
    story.append(Paragraph(h2[1], s["h2"]))
    blanks = Table([[Paragraph(th, s["th"]), ""] for th in fill], colWidths=[164 * MM * 0.26, 164 * MM * 0.74])
    blanks.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.75, colors.black, None, (3, 2)),
                                ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story.append(blanks)

    def page_number(canvas, doc):
        if doc.page > 1:
            canvas.setFont(f, 13)
            canvas.drawCentredString(30 * MM + 82 * MM, 297 * MM - 12 * MM, str(doc.page))

    doc = SimpleDocTemplate(str(out), pagesize=(210 * MM, 297 * MM), leftMargin=30 * MM, rightMargin=16 * MM,
                            topMargin=20 * MM, bottomMargin=20 * MM, title=job.meta.title, author=job.meta.author,
                            subject=job.meta.subject, lang=job.meta.lang)
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)


def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for style, weight, slant in writer._FACES:
        name = "LiberationSerif" + ("" if style == "Regular" else "-" + style)
        pdfmetrics.registerFont(TTFont(name, str(writer.LIBERATION2 / f"LiberationSerif-{style}.ttf")))
        addMapping("LiberationSerif", int(weight == 700), int(slant == "italic"), name)


def main(rl: str, project: Path, n: int, out: Path) -> None:
    sys.path.append(rl)  # after the venv's own packages (its Pillow stays the one used)
    register_fonts()
    site = load_website(project).plans[0]
    jobs = [j for j in writer.jobs_for(site) if j.kind == "handout"][: n + 1]
    out.mkdir(parents=True, exist_ok=True)
    printer = writer.Printer(site)
    printer.write(jobs[0].html, "handout", jobs[0].meta, out / "weasyprint.pdf")  # warm
    reportlab_sheet(jobs[0], out / "reportlab.pdf")
    times = {"weasyprint": [], "reportlab": []}
    for _ in range(3):
        for engine in times:
            start = time.process_time()
            for job in jobs[1:]:
                if engine == "weasyprint":
                    printer.write(job.html, "handout", job.meta, out / "weasyprint.pdf")
                else:
                    reportlab_sheet(job, out / "reportlab.pdf")
            times[engine].append((time.process_time() - start) / len(jobs[1:]) * 1000)
    for engine, ms in times.items():
        print(f"{engine}: median {statistics.median(ms):.1f} ms CPU a sheet ({[round(t) for t in ms]}), "
              f"{len(jobs) - 1} sheets")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], Path(args[1]) if len(args) > 1 else ROOT, int(args[2]) if len(args) > 2 else 9,
         Path(args[3]) if len(args) > 3 else Path("/tmp/bench-pdf-engine"))

"""The province-wide report compiled from the units' results, in the layout of
an administrative document (Nghị định 30/2020): the page and the A4 PDF show
the same HTML.

Who: the plan's section VI.1 gives Ban Phong trào (the receiver of the units'
reports, bao_cao › noi_nhan) the compiling, as adviser to the Ban Thường trực;
so the document is the Ban Thường trực's, signed "TM. BAN THƯỜNG TRỰC", and
drafted by the receiver of the reports. It stays "Dự thảo", number and date
blank, until data/<plan>/bao-cao.yaml marks it issued. No sentence here states a fact
that is not in the plan or the results: figures by unit, totals, who has not
reported.
"""

from ..dates import format_date, format_date_long
from ..results import progress as pg
from ..results.load import Results
from ..site import Site
from . import links
from .plan import BLANK, body_name_lines, conference_rule, section_number
from .progress import REPORT, downloads, href
from .results_jinja import render

KIND = "Báo cáo"


def number_line(results: Results) -> str:
    r = results.report
    so = r.so if r.da_ban_hanh and r.so else BLANK
    return f"Số: {so}/{r.ky_hieu}"


def place_date_line(site: Site, results: Results) -> str:
    r = results.report
    if r.da_ban_hanh and r.ngay_ban_hanh:
        return f"{site.org.dia_danh}, {format_date_long(r.ngay_ban_hanh)}"
    return f"{site.org.dia_danh}, ngày{BLANK}tháng{BLANK}năm {site.plan.van_ban.nam}"


def summary_line(site: Site) -> str:
    """"Kết quả tổ chức " + the plan's trích yếu, lower-cased at its start:
    "Kết quả tổ chức tuyên truyền, vận động thực hiện Cuộc vận động “…” trên địa bàn tỉnh … năm …"."""
    trich_yeu = site.plan.van_ban.trich_yeu
    rest = trich_yeu[0].lower() + trich_yeu[1:]
    return f"Kết quả tổ chức {rest}"


def plan_reference(site: Site) -> str:
    doc = site.plan.van_ban
    when = f" ngày {format_date(doc.ngay_ban_hanh)}" if doc.ngay_ban_hanh else ""
    return f"{doc.loai} số {doc.so or BLANK}/{doc.ky_hieu}{when}"


def title(site: Site) -> str:
    return f"{KIND} {summary_line(site)[0].lower()}{summary_line(site)[1:]}"


def document_html(site: Site, results: Results) -> str:
    """The report itself (header, title, body, recipients, signature)."""
    rows = pg.all_progress(site, results)
    data = [r for r in rows if r.has_data]
    s = pg.summary(site, results)
    compiler = site.department(site.plan.to_chuc_thuc_hien.bao_cao.noi_nhan)
    low, high = pg.conference_range(site)
    numbers = pg.topic_names(site)
    used = {r.unit.ma: ", ".join(str(numbers[c][0]) for c in numbers
                                  if any(c in conf.noi_dung for conf in r.results.hoi_nghi)) for r in data}
    return render("report.html", used=used, site=site, org=site.org, results=results, report=results.report, rows=rows,
                  data=data, s=s, pg=pg, topics=pg.topic_names(site), low=low, high=high,
                  parent_lines=body_name_lines(site.org.co_quan_cap_tren),
                  issuer_lines=body_name_lines(site.org.co_quan_ban_hanh),
                  number=number_line(results), place_date=place_date_line(site, results),
                  kind=KIND.upper(), summary=summary_line(site), plan_ref=plan_reference(site),
                  deadline=site.plan.to_chuc_thuc_hien.bao_cao.han, compiler=compiler,
                  draft=not results.report.da_ban_hanh, campaign=site.plan.cuoc_van_dong,
                  no_data=pg.NO_DATA_SENTENCE, conference_rule=conference_rule(site))


def report_page(site: Site, results: Results, pdf_ok: bool = True, dir_urls: bool = True) -> str:
    """The page: a note on who compiles and signs, then the document (or "no data")."""
    compiler = site.department(site.plan.to_chuc_thuc_hien.bao_cao.noi_nhan)
    pdf = href(downloads(site)["report_pdf"], REPORT, dir_urls) if pdf_ok and not results.empty else None
    # Where the plan gives the compiling: the receiving Ban's own item of its last section.
    items = [a.ban for a in site.plan.to_chuc_thuc_hien.phan_cong]
    where = section_number("to_chuc_thuc_hien") + (f".{items.index(compiler.ma) + 1}" if compiler.ma in items else "")
    return render("report_page.html", site=site, results=results, compiler=compiler, pdf=pdf, where=where,
                  document=None if results.empty else document_html(site, results),
                  no_data=pg.NO_DATA_SENTENCE, draft=not results.report.da_ban_hanh,
                  progress_href=href("ket-qua.md", REPORT, dir_urls), plan_href=href(links.PLAN, REPORT, dir_urls))

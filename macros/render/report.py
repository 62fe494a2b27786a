"""The report compiled from the units' results over the issuing body's whole area, in the
layout of an administrative document (Nghị định 30/2020): the page and the A4 PDF show
the same HTML. What the plan is about is said in its own words (its trích yếu, subject.py),
never in another plan's.

Who: the plan gives the receiver of the units' reports (bao_cao › noi_nhan) the
compiling of the results; it names no signer of a compiled report. So what the
site shows is its own draft, compiled from the units' data: no letterhead,
number, place-date, recipients or signature, and DRAFT_LINE on top (in the PDF,
in every page's footer). Only if data/<plan>/bao-cao.yaml marks a report issued
(its number and date copied from a real one) is it laid out as the office's
document. No sentence here states a fact that is not in the plan or the results:
figures by unit, totals, who has not reported.
"""

import re

from markupsafe import Markup

from .. import outputs as registry
from ..dates import format_date, format_date_long
from ..results import progress as pg
from ..results.load import Results
from ..results.model import counted_group, counts_group, has_selection, has_survey
from ..site import Site
from . import links
from . import subject
from .plan import (BLANK, as_written_size, conference_heading, conference_rule, header_lines, issuer_lines,
                   item_ref, parent_lines, section_number)
from ..outputs import PROGRESS, REPORT
from .progress import href
from .results_jinja import fragment, render

KIND = "Báo cáo"
# What the draft is, on the page, on every page of its PDF and in the PDF's metadata.
DRAFT_LINE = ("DỰ THẢO – tài liệu tham khảo do website tổng hợp từ số liệu các đơn vị, "
              "không phải văn bản đã ban hành")


def number_line(results: Results) -> str:
    r = results.report
    so = r.so if r.da_ban_hanh and r.so else BLANK
    return f"Số: {so}/{r.ky_hieu}"


def place_date_line(site: Site, results: Results) -> str:
    r = results.report
    if r.da_ban_hanh and r.ngay_ban_hanh:
        return f"{site.org.dia_danh}, {format_date_long(r.ngay_ban_hanh)}"
    return f"{site.org.dia_danh}, ngày{BLANK}tháng{BLANK}năm {site.plan.van_ban.nam or BLANK}"


def summary_line(site: Site) -> str:
    """The report's trích yếu: «Kết quả tổ chức » and the plan's trích yếu as written, lower-cased
    at its start (subject.results_of)."""
    return subject.results_of(subject.whole(site))


def closing_phrase(site: Site) -> str:
    """What «Trên đây là báo cáo …» reports on: the plan's trích yếu naming its campaign by the
    short name, with the level's area («… Cuộc vận động trên địa bàn tỉnh năm …», subject.dated);
    «kết quả thực hiện Kế hoạch» when the plan has no trích yếu."""
    phrase = subject.dated(site, name=False, area=site.org.area(" trên địa bàn"))
    return subject.lower_first(subject.results_of(phrase)) if phrase else f"kết quả thực hiện {plan_reference(site)}"


def plan_reference(site: Site) -> str:
    """"Kế hoạch số 12/KH-MTTQ-BTT ngày …"; "Kế hoạch" alone when the copy has no number."""
    doc = site.plan.van_ban
    when = f" ngày {format_date(doc.ngay_ban_hanh)}" if doc.ngay_ban_hanh else ""
    number = f" số {doc.so}/{doc.ky_hieu}" if doc.so else ""
    return f"{doc.loai}{number}{when}"


def title(site: Site) -> str:
    return f"{KIND} {summary_line(site)[0].lower()}{summary_line(site)[1:]}"


def senders_as_noted(site: Site) -> str:
    """The departments as the plan calls them together (co-quan.yaml › ten_goi_cac_ban), spelt as
    its report note writes them when the note has them («Đề nghị các Ban, Văn phòng báo cáo …»):
    the report restates that note. "" when the data gives no such name."""
    words = site.report_senders()
    if not words:
        return ""
    note = site.fill(site.plan.to_chuc_thuc_hien.bao_cao.loi_van)
    found = re.search(r"\s+".join(map(re.escape, words.split())), note, re.IGNORECASE)
    return found.group(0) if found else words


def document_html(site: Site, results: Results) -> Markup:
    """The report itself (header, title, body, recipients, signature)."""
    rows = pg.all_progress(site, results)
    data = [r for r in rows if r.has_data]
    s = pg.summary(site, results)
    compiler = site.report_receiver
    numbers = pg.topic_names(site)
    used = {r.unit.ma: ", ".join(str(numbers[c][0]) for c in numbers
                                  if any(c in conf.noi_dung for conf in r.results.hoi_nghi)) for r in data}
    return fragment("report.html", used=used, site=site, org=site.org, results=results, report=results.report, rows=rows,
                  conf=pg.conferences_shown(site, results),  # no conferences in the plan: no such section (r19q #5)
                  group=counted_group(site.plan) if counts_group(site.plan) else None,
                  chosen=has_selection(site), survey=has_survey(site),  # else no «Lựa chọn địa bàn, khảo sát» (r19o)
                  chosen_level=site.units_file.chosen_level,  # «Xã, … được chọn» only where the units choose «xã»
                  data=data, s=s, pg=pg, topics=pg.topic_names(site), unit_title=links.unit_title,
                  # The official header's lines, each with its weight (templates/official_header.html), as the plan's.
                  parent_lines=header_lines(site.org, parent_lines(site.org)), as_written=as_written_size(site.org),
                  issuer_lines=header_lines(site.org, issuer_lines(site.org)), subject_line="",
                  issuer_mark=site.org.dong_duoi_co_quan_ban_hanh,  # the Đoàn's «***» under the body, as the plan's
                  number=number_line(results), place_date=place_date_line(site, results),
                  kind=KIND.upper(), summary=summary_line(site), plan_ref=plan_reference(site),
                  deadline=site.plan.to_chuc_thuc_hien.bao_cao.han, compiler=compiler, senders=senders_as_noted(site),
                  draft=not results.report.da_ban_hanh, draft_line=DRAFT_LINE,
                  subject=subject.lower_first(subject.dated(site)), closing=closing_phrase(site),
                  conference_heading=conference_heading(site),
                  no_data=pg.NO_DATA_SENTENCE, conference_rule=conference_rule(site))


def report_page(site: Site, results: Results, pdf_ok: bool = True, dir_urls: bool = True) -> str:
    """The page: a note on who compiles (the plan names no signer), then the document (or "no data")."""
    compiler = site.report_receiver
    pdf = href(registry.path(site, "report_pdf"), REPORT, dir_urls) if pdf_ok and not results.empty else None
    # Where the plan gives the compiling: the receiving Ban's own item of its last section.
    # Its number as the data records it, else the section alone (never a number from the item's place).
    own = next((a for a in site.plan.to_chuc_thuc_hien.phan_cong if a.ban == site.receiver_code), None)
    where = item_ref(section_number(site, "to_chuc_thuc_hien"), own.so if own else None)
    return render("report_page.html", site=site, results=results, compiler=compiler, pdf=pdf, where=where,
                  document=None if results.empty else document_html(site, results),
                  no_data=pg.NO_DATA_SENTENCE, draft=not results.report.da_ban_hanh,
                  progress_href=href(PROGRESS, REPORT, dir_urls), plan_href=href(links.PLAN, REPORT, dir_urls))

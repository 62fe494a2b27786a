"""The progress page (results of every unit, charts, province summary) and the
results section of each unit page. Pure: Site + Results in, Markdown with HTML
blocks out (HTML from templates/results/, autoescaped)."""

import posixpath

from .. import outputs as registry
from ..numbers import format_money, format_number
from ..outputs import PROGRESS, REPORT, page_url  # noqa: F401  (the results pages' names for them)
from ..results import progress as pg
from ..results.load import Results, results_folder
from ..results.model import counted_group, counts_group
from ..site import Site
from . import links
from .charts import Bar, Chart, svg_figure
from .plan import conference_rule
from .results_jinja import fragment, render



# -- where things are ------------------------------------------------------------
def href(target: str, current_src: str, dir_urls: bool = True) -> str:
    """Relative link from the page `current_src` to a page (".md") or a file in site/.
    Raw HTML links are not rewritten by MkDocs, so they follow its URL style here."""
    if dir_urls:
        here = page_url(current_src).rstrip("/") or "."
    else:
        here = posixpath.dirname(current_src) or "."
    if target.endswith(".md"):
        if not dir_urls:
            return posixpath.relpath(page_url(target, False), here)
        url = page_url(target)
        return posixpath.relpath(url or ".", here) + "/"
    return posixpath.relpath(target, here)


# -- charts ------------------------------------------------------------------------
def conferences_chart(site: Site, rows: list[pg.UnitProgress]) -> Chart:
    """Each unit's count, without a per-unit comparison: the plan's «từ 02 đến 04 hội nghị»
    (a step of the plan) sets no number for each unit, so no bar is "in" or "out of" it."""
    top = max([1] + [r.conferences for r in rows if r.has_data])
    bars, table = [], []
    for r in rows:
        name = links.unit_title(r.unit)
        if not r.has_data:
            bars.append(Bar(name, "chưa có số liệu", None, state="none"))
            table.append([name, "chưa có số liệu"])
            continue
        bars.append(Bar(name, f"{r.conferences} hội nghị", r.conferences / top))
        table.append([name, str(r.conferences)])
    data = [r for r in rows if r.has_data]
    held = sum(r.conferences for r in data)
    desc = (f"Số hội nghị mỗi đơn vị đã tổ chức, theo số liệu trên website. {len(data)}/{len(rows)} đơn vị có số liệu, "
            f"tổng {held} hội nghị. {conference_rule(site)}")
    return Chart("bd-hoi-nghi", "Số hội nghị đã tổ chức", desc, bars,
                 table_head=["Đơn vị", "Số hội nghị"],
                 table_rows=table, table_foot=["Tổng", str(held)],
                 numeric_columns=1)


def attendance_chart(site: Site, rows: list[pg.UnitProgress]) -> Chart:
    top = max([1] + [r.attendance for r in rows if r.has_data])
    group, short = counted_group(site.plan)  # as the plan calls those counted apart
    counted = counts_group(site.plan)
    bars, table = [], []
    for r in rows:
        name = links.unit_title(r.unit)
        if not r.has_data:
            bars.append(Bar(name, "chưa có số liệu", None, state="none"))
            table.append([name, "chưa có số liệu"])
            continue
        if not counted:  # the plan names no group to count apart: the attendance alone
            bars.append(Bar(name, f"{format_number(r.attendance)} lượt", r.attendance / top))
            table.append([name, format_number(r.attendance)])
            continue
        bars.append(Bar(name, f"{format_number(r.attendance)} lượt ({format_number(r.minority)} {short})",
                        r.attendance / top, inner=r.minority / top))
        table.append([name, format_number(r.attendance), format_number(r.minority), pg.percent(r.minority, r.attendance)])
    data = [r for r in rows if r.has_data]
    total, minority = sum(r.attendance for r in data), sum(r.minority for r in data)
    if not counted:
        return Chart("bd-nguoi-du", "Số lượt người dự hội nghị",
                     f"Số lượt người dự các hội nghị ở mỗi đơn vị. Tổng {format_number(total)} lượt người dự.", bars,
                     legend=[("kq-key--bar", "tổng số lượt người dự")],
                     table_head=["Đơn vị", "Lượt người dự"], table_rows=table,
                     table_foot=["Tổng", format_number(total)])
    desc = (f"Số lượt người dự các hội nghị ở mỗi đơn vị; phần đậm là người {group}. Tổng {format_number(total)} "
            f"lượt người dự, trong đó {format_number(minority)} người {group} ({pg.percent(minority, total)}).")
    return Chart("bd-nguoi-du", "Số lượt người dự hội nghị", desc, bars,
                 legend=[("kq-key--bar", "tổng số lượt người dự"), ("kq-key--inner", f"trong đó người {group}")],
                 table_head=["Đơn vị", "Lượt người dự", f"Trong đó người {short}", f"Tỷ lệ {short}"], table_rows=table,
                 table_foot=["Tổng", format_number(total), format_number(minority), pg.percent(minority, total)])


def spending_chart(site: Site, rows: list[pg.UnitProgress]) -> Chart:
    top = max([r.budget for r in rows] + [r.spent for r in rows if r.has_data] + [1])
    bars, table = [], []
    for r in rows:
        name = links.unit_title(r.unit)
        if not r.has_data:
            bars.append(Bar(name, "chưa có số liệu", None, outline=r.budget / top, state="none"))
            table.append([name, format_number(r.budget), "—", "chưa có số liệu"])
            continue
        over = " (vượt)" if r.over_budget else ""
        bars.append(Bar(name, f"{format_number(r.spent)}/{format_number(r.budget)}đ{over}", r.spent / top,
                        outline=r.budget / top, state="warn" if r.over_budget else "ok"))
        table.append([name, format_number(r.budget), format_number(r.spent),
                      pg.percent(r.spent, r.budget) + (" — vượt" if r.over_budget else "")])
    data = [r for r in rows if r.has_data]
    spent, budget_data = sum(r.spent for r in data), sum(r.budget for r in data)
    total = sum(r.budget for r in rows)
    desc = (f"Kinh phí đã chi so với kinh phí được giao (khung viền) của mỗi đơn vị, tính bằng đồng. Các đơn vị có số liệu "
            f"đã chi {format_money(spent)} trên {format_money(budget_data)} được giao; "
            # a sum the plan never writes is not «the plan's budget» (review r19n, defect 4)
            + (f"tổng kinh phí giao cho các đơn vị (website cộng) {format_money(total)}." if site.total_is_sum or site.total_beyond_units
               else f"kinh phí cả kế hoạch {format_money(total)}."))
    over = [links.unit_title(r.unit) for r in data if r.over_budget]
    if over:
        desc += " Chi vượt kinh phí: " + ", ".join(over) + "."
    return Chart("bd-kinh-phi", "Kinh phí đã chi so với kinh phí được giao", desc, bars,
                 legend=[("kq-key--outline", "kinh phí được giao"), ("kq-key--bar", "đã chi"),
                         ("kq-key--warn", "chi vượt kinh phí")],
                 table_head=["Đơn vị", "Được giao (đồng)", "Đã chi (đồng)", "Tỷ lệ"], table_rows=table,
                 # The ratio is of the units with figures: say of what, with the number it divides by
                 # (the "Được giao" total beside it also counts the units without figures).
                 table_foot=["Tổng", format_number(total), format_number(spent),
                             f"{pg.percent(spent, budget_data)} của {format_number(budget_data)} "
                             "giao cho các đơn vị có số liệu" if data else "—"])


# -- pages ------------------------------------------------------------------------
def progress_page(site: Site, results: Results, pdf_ok: bool = True, dir_urls: bool = True,
                  made: registry.Outputs | None = None) -> str:
    """`pdf_ok`: this build writes the report PDF (not under serve or KONTUM_PDF=0);
    `made`: the plan's outputs (macros/outputs.py), when the caller has them."""
    rows = pg.all_progress(site, results)
    s = pg.summary(site, results)
    here = PROGRESS
    # no structured time section: no calendar is made (Site.has_timeline), none linked
    # a plan that asks for no report: no compiled report (Site.has_report), none linked
    files = {k: href(registry.path(site, k), here, dir_urls)
             for k in (*(("report_pdf",) if site.has_report else ()), *(("ics",) if site.has_timeline else ()))}
    sheets = [{"href": href(o.path, here, dir_urls), "label": o.label}
              for o in (made or registry.outputs(site)).offered_on(PROGRESS) if o.kind not in ("pdf", "ics")]
    units = [{"p": r, "href": href(links.unit_page(r.unit), here, dir_urls), "name": links.unit_title(r.unit)}
             for r in rows]
    conf = pg.conferences_shown(site, results)  # a plan with no conferences: no such figures (r19q #5)
    charts = [] if results.empty else [svg_figure(c(site, rows)) for c in
                                       # no structured budget: no «được giao» to compare with (review r19n, defect 5)
                                       (*((conferences_chart, attendance_chart) if conf else ()),
                                        *([spending_chart] if site.has_budget else []))]
    return render("progress.html", site=site, folder=results_folder(site), s=s, units=units, charts=charts, conf=conf,
                  group=counted_group(site.plan)[0] if counts_group(site.plan) else None,
                  notes=_notes(site, results), files=files, sheets=sheets,
                  empty=results.empty, no_data=pg.NO_DATA_SENTENCE, labels=pg.STATUS_LABELS, pg=pg,
                  deadline_sentence=pg.deadline_sentence(site), conference_rule=conference_rule(site),
                  # the plan asks for a report (Site.report), and the dates sent, when any is asked or recorded
                  asked=site.report is not None, sent=site.report is not None or any(r.sent for r in rows),
                  report_href=href(REPORT, here, dir_urls) if site.has_report else None,
                  has_report_pdf=pdf_ok and not results.empty and site.has_report)


def _notes(site: Site, results: Results) -> list[str]:
    """Each warning about the results, naming its unit (the message alone names none)."""
    unit_of = {path: code for code, path in results.files.items()}
    out = []
    for w in results.warnings:
        code = unit_of.get(w.file)
        out.append(f"{links.unit_title(site.unit(code))}: {w.message}" if code else w.message)
    return out


def unit_section(site: Site, results: Results, code: str, dir_urls: bool = True, documents: bool = True) -> str:
    """The "Kết quả thực hiện" section of a unit page: one HTML block, heading included,
    left off paper (results print in the compiled report; the unit page stays one A4 sheet)."""
    unit = site.unit(code)
    here = links.unit_page(unit)
    r = pg.unit_progress(site, results, code)
    topics = pg.topic_names(site)
    html = fragment("unit_section.html", site=site, folder=results_folder(site), r=r, res=r.results, topics=topics,
                    conf=pg.conferences_shown(site, results),  # a plan with no conferences: no such lines (r19q #5)
                  group=counted_group(site.plan)[0] if counts_group(site.plan) else None,
                  no_data=pg.NO_DATA_SENTENCE,
                  sent_compared=pg.sent_compared(site, r.sent) if r.sent else "",
                  ics=href(registry.path(site, "unit_ics", unit), here, dir_urls) if site.has_timeline else None,
                  # no template for a plan whose content section is kept verbatim (Site.has_report_templates)
                  template=(href(registry.path(site, "unit_template", unit), here, dir_urls)
                            if documents and site.has_report_templates else None),
                  progress_href=href(PROGRESS, here, dir_urls),
                  notes=[w.message for w in results.warnings if results.files.get(code) == w.file])
    return html


def calendar_link(made: registry.Outputs, current_src: str, dir_urls: bool = True) -> str:
    """The "Thêm vào lịch" line (a Markdown paragraph of HTML) for a page: its calendar;
    "" when the plan has none (no units: Site.has_units)."""
    offered = made.offered_on(current_src, "ics")
    if not offered:
        return ""
    ics = offered[0]
    return render("calendar_link.html", href=href(ics.path, current_src, dir_urls), label=ics.label)


def download_links(files: list[registry.Output], current_src: str, dir_urls: bool = True) -> str:
    """The «Tải …» line at a page's end: the files it offers that it does not link itself
    (render/pages._with_downloads); «Tải bảng tính» when all are spreadsheets."""
    return render("download_links.html", sheets_only=all(o.kind in ("xlsx", "csv") for o in files),
                  files=[{"href": href(o.path, current_src, dir_urls), "label": o.label} for o in files])

"""MkDocs side of the results (issue 15): load data/ket-qua/ (optional), add the
progress and compiled-report pages, the results section of each unit page, the
"Thêm vào lịch" and spreadsheet links, and write the downloads after the build.

mkdocs.yml: hooks: [macros/adapters/mkdocs_hooks.py, macros/adapters/results_hooks.py, ...]
Everything it shows comes from pure functions in macros/results, macros/render,
macros/exports and macros/pdf.
"""

import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from macros.adapters import offline_hooks, print_hooks, serve_hooks, state  # noqa: E402
from macros.dates import format_date  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.exports import csv as csv_export  # noqa: E402
from macros.exports import ics, template, xlsx  # noqa: E402
from macros.gitdates import _git_date, last_changed, source_date_epoch  # noqa: E402
from macros.pdf import writer  # noqa: E402
from macros.render import links, progress, report  # noqa: E402
from macros.results.load import FOLDER, REPORT_FILE, load_results  # noqa: E402

log = logging.getLogger("kontum.results")  # not "mkdocs.": data warnings do not fail --strict
PAGES = {progress.PROGRESS: "Kết quả thực hiện", progress.REPORT: "Báo cáo tổng hợp"}
_build: dict = {}  # this build's Results and whether PDFs can be made


@event_priority(90)  # after mkdocs_hooks loads the Site, before mkdocs-macros
def on_config(config):
    site = state.current()
    try:
        results = load_results(site.root, site)
    except DataErrors as exc:
        # Under serve, after a good build: the last good results and a banner (serve_hooks).
        if "results" not in _build or not serve_hooks.keep_last_good(str(exc)):
            raise PluginError(str(exc)) from None
        results = _build["results"]
    _build["results"] = results
    _build["pdf_ok"] = not print_hooks.pdfs_off() and writer.unavailable_reason() is None
    if not offline_hooks.is_file_copy(config):  # said once, not again for the file:// copy
        for w in results.warnings:
            log.warning("Lưu ý về số liệu kết quả: %s", w)
    nav = config["nav"] or []
    at = next((i + 1 for i, e in enumerate(nav) if isinstance(e, dict) and links.TIMELINE in e.values()), len(nav))
    nav[at:at] = [{title: path} for path, title in PAGES.items()]
    config["nav"] = nav
    return config


def on_files(files, config):
    site, results = state.current(), _build["results"]
    d = config["use_directory_urls"]  # the file:// copy (offline_hooks) builds without them
    bodies = {progress.PROGRESS: progress.progress_page(site, results, _build["pdf_ok"], d),
              progress.REPORT: report.report_page(site, results, _build["pdf_ok"], d)}
    for path, title in PAGES.items():
        front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nrender_macros: false\n---\n\n"
        files.append(File.generated(config, path, content=f"{front}# {title}\n\n{bodies[path]}"))
    return files


def _insert_after_title(markdown: str, block: str) -> str:
    if markdown.startswith("# "):
        title, _, rest = markdown.partition("\n")
        return f"{title}\n\n{block}\n{rest}"
    return f"{block}\n{markdown}"


def on_page_markdown(markdown, page, config, files):
    site, results = state.current(), _build["results"]
    src = page.file.src_uri
    d = config["use_directory_urls"]
    units = {links.unit_page(u): u for u in site.units}
    if src in units:
        section = progress.unit_section(site, results, units[src].ma, d)
        head, sep, tail = markdown.rpartition("\nXem thêm:")
        return f"{head}\n\n{section}\n{sep.lstrip()}{tail}" if sep else f"{markdown}\n\n{section}"
    if src == links.TIMELINE:
        return _insert_after_title(markdown, progress.calendar_link(site, src, dir_urls=d))
    # At the end: the page's first lines (and its search snippet) stay the plan's.
    if src == links.ASSIGNMENTS:
        return f"{markdown.rstrip()}\n\n{progress.download_links(site, src, 'assign', d)}"
    if src == links.BUDGET:
        return f"{markdown.rstrip()}\n\n{progress.download_links(site, src, 'budget', d)}"
    return markdown


def on_page_context(context, page, config, nav):
    """Edit links and dates of the results pages. The report opens data/bao-cao.yaml; the
    progress page, made from many files, opens "new file in data/ket-qua/" on a GitHub-style
    edit address (else the editor guide, whose section 8 tells how)."""
    site = state.current()
    src = page.file.src_uri
    units = {links.unit_page(u): u for u in site.units}
    if src in PAGES:
        base = config.edit_uri or ""
        if not base.startswith(("http://", "https://")):
            page.edit_url = None
        elif src == progress.REPORT:
            page.edit_url = base + REPORT_FILE
        elif "/edit/" in base:
            page.edit_url = base.replace("/edit/", "/new/", 1) + FOLDER + "/"
        else:
            page.edit_url = base + "CONTRIBUTING.md"
        files = (FOLDER, REPORT_FILE, site.data_file("plan"), site.data_file("units"))
    elif src in units:
        files = (FOLDER + f"/{units[src].ma}.yaml", site.data_file("plan"), site.data_file("units"),
                 site.data_file("org"))
    else:
        return context
    changed = last_changed(site.root, files)
    if changed is not None:
        page.meta["cap_nhat"] = format_date(changed)
        page.meta["cap_nhat_iso"] = changed.isoformat()
    return context


def stamp(root: Path, plan_end: dt.date) -> dt.datetime:
    """The time written into the downloads (DTSTAMP, workbook dates): SOURCE_DATE_EPOCH,
    else the last commit to data/, else the plan's end day. Never the build clock."""
    when = source_date_epoch() or _git_date(str(root), ("data",))
    if when is None:
        when = dt.datetime.combine(plan_end, dt.time(), dt.timezone(dt.timedelta(hours=7)))
    return when.astimezone(dt.timezone.utc)


@event_priority(50)  # before mkdocs_hooks' post-build, which packs site/ for offline reading (ZIP, cache)
def on_post_build(config):
    site, results = state.current(), _build["results"]
    out = Path(config["site_dir"])
    when = stamp(site.root, site.plan.thoi_gian_dia_diem.ket_thuc)
    files = progress.downloads(site)
    data = {
        files["ics"]: ics.calendar(site, results, when),
        files["assign_xlsx"]: xlsx.assignment_xlsx(site, when),
        files["assign_csv"]: csv_export.assignment_csv(site),
        files["budget_xlsx"]: xlsx.budget_xlsx(site, when),
        files["budget_csv"]: csv_export.budget_csv(site),
        files["results_xlsx"]: xlsx.results_xlsx(site, results, when),
        files["results_csv"]: csv_export.results_csv(site, results),
    }
    for unit in site.units:
        data[progress.unit_ics(unit)] = ics.calendar(site, results, when, unit.ma)
        data[progress.unit_template(unit)] = template.template_xlsx(site, unit.ma, when)
    for rel, content in data.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    if offline_hooks.is_file_copy(config):
        return  # the file:// copy takes the PDFs of the main build (macros/offline/package.py)
    if _build["pdf_ok"]:
        from macros.pdf.report import write_report

        write_report(site, results, out)
    elif not results.empty and not print_hooks.pdfs_off() and os.environ.get("CI") == "true":
        raise PluginError("Không tạo được PDF báo cáo tổng hợp: không chạy được WeasyPrint.")

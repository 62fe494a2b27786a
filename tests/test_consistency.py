"""Every figure on every output agrees with the data (issue 20, item 1).

One build with the fixture results (tests/test_results_site.py: fixture_site,
shared), the report PDF written in-process by the writer the build uses, then
every figure read back from every output a reader gets (pages, the report PDF,
the .xlsx, the .csv, the .ics, the search index, the file:// ZIP) and compared
with figures recomputed here from the loaded results, not with the functions
that print them. Two rules hold everywhere:

- a percentage is a/b of two numbers printed beside it (same table row, list
  item, paragraph or cell), so a reader can check it;
- every amount of money, count and date on the results pages is one the data gives.
"""

import csv
import datetime as dt
import io
import json
import re
import subprocess
import zipfile

import openpyxl
import pytest
from icalendar import Calendar

from macros.dates import format_date
from macros.numbers import format_percent
from macros.render import links
from tests.results_fixtures import SITE, Elements, results_of, with_results
from tests.test_results_site import fixture_site  # noqa: F401  (the shared build with results)

YEAR = SITE.plan.van_ban.nam
NUMBER = re.compile(r"(?<![\d,])\d{1,3}(?:\.\d{3})+(?![\d,])|(?<![\d.,/])\d+(?![\d.,/])")
PERCENT = re.compile(r"(\d+(?:,\d+)?)\s?%")
BLOCKS = {"tr", "li", "p", "desc", "figcaption", "dd", "dt"}
# Where the plan stands, as of the build's date (render/notice.py ended_clause): the shared build with
# results is dated 15/11/2023 (within the period), a file made in-process by the last commit (after it).
STANDS = ("kế hoạch đã kết thúc ngày 30/11/2023",
          "tính đến ngày 15/11/2023 (ngày cập nhật website), kế hoạch đang trong thời gian thực hiện, đến hết ngày 30/11/2023")


def _stands(text: str) -> bool:
    return any(s in text for s in STANDS)


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    """The figures, recomputed from the fixture results as loaded (not from macros.results.progress)."""
    results = results_of(with_results(tmp_path_factory.mktemp("kq")))
    units = {}
    for u in SITE.units:
        r = results.of(u.ma)
        budget = SITE.amount(u.ma)
        if r is None:
            units[u.ma] = dict(name=links.unit_title(u), budget=budget, data=False)
            continue
        spent = sum(e.so_tien for e in r.kinh_phi.chi)
        units[u.ma] = dict(name=links.unit_title(u), budget=budget, data=True,
                           conferences=len(r.hoi_nghi), people=sum(c.so_nguoi for c in r.hoi_nghi),
                           minority=sum(c.so_nguoi_dtts for c in r.hoi_nghi), spent=spent,
                           sent=r.bao_cao.ngay_gui if r.bao_cao else None,
                           dates=[c.ngay for c in r.hoi_nghi], items=[e.so_tien for e in r.kinh_phi.chi])
    data = [v for v in units.values() if v["data"]]
    assert len(data) >= 2 and len(data) < len(units)  # some units report, some do not: the case that went wrong
    totals = dict(budget=sum(v["budget"] for v in units.values()),
                  budget_data=sum(v["budget"] for v in data), spent=sum(v["spent"] for v in data),
                  conferences=sum(v["conferences"] for v in data), people=sum(v["people"] for v in data),
                  minority=sum(v["minority"] for v in data))
    return dict(results=results, units=units, totals=totals)


def _numbers(text: str) -> list[int]:
    return [int(n.replace(".", "")) for n in NUMBER.findall(text)]


def _ratio_ok(pct: str, text: str) -> bool:
    """`pct` ("68,5%") is a/b of two numbers written in `text` (b > 0)."""
    numbers = set(_numbers(PERCENT.sub(" ", text)))
    return any(format_percent(a, b) == pct for a in numbers for b in numbers if b)


def _check_percentages(chunks: list[str], where: str) -> int:
    """Every percentage in each chunk is a ratio of numbers in that chunk; how many were checked."""
    seen = 0
    for text in chunks:
        for match in PERCENT.finditer(text):
            pct = match.group(1) + "%"
            seen += 1
            assert _ratio_ok(pct, text), f"{where}: «{pct}» is not a ratio of the numbers beside it: «{text}»"
    return seen


def _html_chunks(html: str) -> list[str]:
    """The text of each smallest block holding a percentage (table row, list item, paragraph, chart description)."""
    found = Elements(html).found
    return [" ".join(text.split()) for tag, _, text in found if tag in BLOCKS and "%" in text]


def _allowed_money(model) -> set[int]:
    out = set()
    for v in model["units"].values():
        out.add(v["budget"])
        if v["data"]:
            out |= {v["spent"], abs(v["budget"] - v["spent"]), *v["items"]}
    t = model["totals"]
    return out | {t["budget"], t["budget_data"], t["spent"], t["budget"] - t["spent"], t["budget_data"] - t["spent"]}


def _results_pages(site) -> dict[str, str]:
    return {rel: (site / rel).read_text(encoding="utf-8")
            for rel in ("ket-qua/index.html", "bao-cao-tong-hop/index.html")}


# -- pages ------------------------------------------------------------------------------

def test_every_percentage_on_every_page_is_a_ratio_of_the_numbers_beside_it(fixture_site):
    seen = 0
    for path in sorted(fixture_site.rglob("*.html")):
        seen += _check_percentages(_html_chunks(path.read_text(encoding="utf-8")), path.relative_to(fixture_site).as_posix())
    assert seen >= 8  # the summary, the charts' descriptions and tables


def test_money_on_the_results_pages_is_money_of_the_data(fixture_site, model):
    allowed = _allowed_money(model)
    for rel, html in _results_pages(fixture_site).items():
        text = " ".join(t for tag, _, t in Elements(html).found if tag == "article")
        big = {n for n in _numbers(text) if n >= 10_000}
        assert big, rel
        assert big <= allowed, (rel, sorted(big - allowed))


def test_progress_page_rows_match_the_data(fixture_site, model):
    page = Elements((fixture_site / "ket-qua" / "index.html").read_text(encoding="utf-8"))
    rows = [t for tag, a, t in page.found if tag == "tr"]
    t = model["totals"]
    for v in model["units"].values():
        status = next(r for r in rows if r.split()[:len(v["name"].split())] == v["name"].split() and "Trạng thái" not in r)
        if v["data"]:
            assert f" {v['conferences']} " in f" {' '.join(status.split())} ", status
            assert v["sent"] is None or format_date(v["sent"]) in status, status
    text = " ".join(" ".join(t_.split()) for tag, _, t_ in page.found if tag == "li")
    from macros.numbers import format_money, format_number
    assert f"{format_number(t['people'])} lượt người dự, trong đó {format_number(t['minority'])}" in text
    assert f"{format_money(t['spent'])} trên {format_money(t['budget_data'])}" in text
    assert f"{t['conferences']} hội nghị" in text


def test_unit_pages_show_their_own_figures(fixture_site, model):
    from macros.numbers import format_money
    for code, v in model["units"].items():
        unit = SITE.unit(code)
        text = " ".join((fixture_site / links.unit_page(unit).removesuffix(".md") / "index.html")
                        .read_text(encoding="utf-8").split())
        if v["data"]:
            assert f"{format_money(v['spent'])} / {format_money(v['budget'])}" in text, code


# -- the report PDF ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report_pdf_text(model, tmp_path_factory):
    from tests.pdfcheck import require_weasyprint
    from macros.pdf.report import report_job
    from tests.pdfcheck import write_job

    require_weasyprint()
    path = write_job(SITE, report_job(SITE, model["results"]), tmp_path_factory.mktemp("bc"))
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_report_pdf_figures(report_pdf_text, model):
    lines = [" ".join(line.split()) for line in report_pdf_text.splitlines()]
    # A table row stays on one line (-layout); a sentence may wrap: then its paragraph is the chunk.
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", report_pdf_text)]
    chunks = []
    for line in (ln for ln in lines if "%" in ln):
        chunks.append(line if all(_ratio_ok(m.group(1) + "%", line) for m in PERCENT.finditer(line))
                      else next(p for p in paragraphs if line in p))
    assert chunks
    _check_percentages(chunks, "report PDF")
    from macros.numbers import format_number
    t = model["totals"]
    flat = " ".join(lines)
    for v in model["units"].values():
        if v["data"]:
            assert format_number(v["spent"]) in flat and format_number(v["people"]) in flat
    for figure in (t["spent"], t["people"], t["minority"], t["budget"]):
        assert format_number(figure) in flat, figure
    allowed = _allowed_money(model)
    money = {n for n in _numbers(flat) if n >= 10_000}
    assert money <= allowed, sorted(money - allowed)
    # The notice: what the report is and where the plan stands, whole.
    from macros.render import notice
    # (a page may break inside it: the page number line between is not part of it)
    squashed = re.sub(r"\s+", "", re.sub(r"(?m)^\s*\d+\s*$", "", report_pdf_text.replace("\f", "\n")))
    for sentence in notice.status_sentences(SITE, brief=True):
        assert re.sub(r"\s+", "", sentence) in squashed, sentence


# -- spreadsheets, CSV, calendar -----------------------------------------------------------

def _sheet_rows(path, sheet=None) -> list[tuple]:
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    return [r for r in ws.iter_rows(values_only=True)]


def _unit_rows(rows: list, model, name_col: int) -> dict[str, tuple]:
    names = {v["name"]: code for code, v in model["units"].items()}
    return {names[r[name_col]]: r for r in rows if len(r) > name_col and r[name_col] in names}


def test_results_workbook_and_csv_match_the_data(fixture_site, model):
    xrows = _unit_rows(_sheet_rows(fixture_site / "tai-ve" / f"ket-qua-{YEAR}.xlsx"), model, 1)
    text = (fixture_site / "tai-ve" / f"ket-qua-{YEAR}.csv").read_bytes().decode("utf-8-sig")
    crows = _unit_rows(list(csv.reader(io.StringIO(text))), model, 1)
    assert set(xrows) == set(crows) == set(model["units"])
    for code, v in model["units"].items():
        x, c = xrows[code], crows[code]
        assert x[8] == v["budget"] and c[8] == str(v["budget"])
        if v["data"]:
            assert (x[5], x[6], x[7], x[9]) == (v["conferences"], v["people"], v["minority"], v["spent"]), code
            assert c[5:8] + [c[9]] == [str(v["conferences"]), str(v["people"]), str(v["minority"]), str(v["spent"])]
            sent = x[10].date() if isinstance(x[10], dt.datetime) else x[10]
            assert sent == v["sent"] and c[10] == (v["sent"].strftime("%d/%m/%Y") if v["sent"] else "")
        else:
            assert x[5] is None and x[9] is None and c[5] == c[9] == "", code
    spent = _sheet_rows(fixture_site / "tai-ve" / f"ket-qua-{YEAR}.xlsx", "Kinh phí đã chi")
    assert sum(r[1] for r in spent if isinstance(r[1], int)) == model["totals"]["spent"]


def test_budget_workbook_and_csv_total_is_the_sum(fixture_site, model):
    rows = _sheet_rows(fixture_site / "tai-ve" / f"kinh-phi-{YEAR}.xlsx")
    units = _unit_rows(rows, model, 1)
    assert sum(r[3] for r in units.values()) == model["totals"]["budget"]
    total = next(r for r in rows if r[1] == "Tổng cộng")
    assert total[3] == model["totals"]["budget"]
    text = (fixture_site / "tai-ve" / f"kinh-phi-{YEAR}.csv").read_bytes().decode("utf-8-sig")
    total = next(r for r in csv.reader(io.StringIO(text)) if len(r) > 1 and r[1] == "Tổng cộng")
    assert total[3] == str(model["totals"]["budget"])


def _calendars(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "tai-ve").rglob("*.ics"))}


def test_one_event_one_uid_in_every_calendar_read_by_two_parsers(fixture_site, model):
    """RFC 5545: the site-wide and each unit's calendar give one event one UID; two
    events never share one. Read with icalendar and with vobject (another parser)."""
    import vobject

    by_uid: dict[str, set] = {}
    for rel, raw in _calendars(fixture_site).items():
        cal = Calendar.from_ical(raw)
        events = cal.walk("VEVENT")
        uids = [str(e["UID"]) for e in events]
        assert len(uids) == len(set(uids)), rel
        other = vobject.readOne(raw.decode("utf-8"))
        assert sorted(v.uid.value for v in other.vevent_list) == sorted(uids), rel
        assert sorted(v.dtstart.value for v in other.vevent_list) == sorted(e.decoded("DTSTART") for e in events), rel
        for e in events:
            what = (str(e["SUMMARY"]), e.decoded("DTSTART"), str(e.get("LOCATION", "")))
            by_uid.setdefault(str(e["UID"]), set()).add(what)
        # Made by the compiler, not the office; says what it is and where the plan stands.
        assert str(cal["PRODID"]).startswith(f"-//{SITE.extra['editorial'].bien_soan}//"), rel
        assert SITE.org.ten_day_du not in str(cal["PRODID"]) + " ".join(uids), rel
        assert "không phải văn bản chính thức" in str(cal["X-WR-CALDESC"]), rel
        assert all(_stands(str(e["DESCRIPTION"])) for e in events), rel
    assert all(len(v) == 1 for v in by_uid.values()), {k: v for k, v in by_uid.items() if len(v) > 1}
    held = sum(len(v.get("dates", [])) for v in model["units"].values())
    assert sum(1 for k in by_uid if "hoi-nghi" in k) == held


def test_deadline_event_is_the_last_day_with_reminders_before_it(fixture_site):
    import vobject

    report = SITE.plan.to_chuc_thuc_hien.bao_cao
    raw = (fixture_site / "tai-ve" / f"lich-ke-hoach-{YEAR}.ics").read_bytes()
    event = next(e for e in Calendar.from_ical(raw).walk("VEVENT") if "han-bao-cao" in str(e["UID"]))
    assert event.decoded("DTSTART") == report.han - dt.timedelta(days=1)
    assert event.decoded("DTEND") == report.han  # exclusive end: one all-day event on the last day
    triggers = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
    assert triggers == [-dt.timedelta(days=7), -dt.timedelta(days=1)]
    other = next(v for v in vobject.readOne(raw.decode("utf-8")).vevent_list if "han-bao-cao" in v.uid.value)
    assert sorted(a.trigger.value for a in other.valarm_list) == triggers


def test_workbooks_and_csv_say_what_they_are(fixture_site):
    compiler = SITE.extra["editorial"].bien_soan
    from macros.exports import template

    books = sorted((fixture_site / "tai-ve").rglob("*.xlsx"))
    assert len(books) == 3  # the report templates follow the PDF switch (off in this build): one made here
    form = io.BytesIO(template.template_xlsx(SITE, SITE.units[0].ma, dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)))
    form.name = "mau-bao-cao.xlsx"
    for path in books + [form]:
        wb = openpyxl.load_workbook(path)
        p = wb.properties
        assert p.creator == p.lastModifiedBy == compiler, path.name
        assert "không phải văn bản chính thức" in p.subject and _stands(p.subject), path.name
        assert _stands(p.description), path.name
        for ws in wb.worksheets:
            cells = " ".join(str(c.value) for row in ws.iter_rows(max_row=3) for c in row if c.value)
            if ws.title == "Hướng dẫn":
                cells = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
            assert "không phải văn bản chính thức" in cells, (path.name, ws.title)
    for path in sorted((fixture_site / "tai-ve").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
        assert rows[0][-1] == "Ghi chú" and all("không phải văn bản chính thức" in r[-1] for r in rows[1:]), path.name


def test_calendars_carry_the_data_dates_and_figures(fixture_site, model):
    report = SITE.plan.to_chuc_thuc_hien.bao_cao
    for code, v in model["units"].items():
        unit = SITE.unit(code)
        cal = Calendar.from_ical((fixture_site / "tai-ve" / "lich" / f"{links.unit_slug(unit)}.ics").read_bytes())
        events = cal.walk("VEVENT")
        deadline = [e for e in events if "han-bao-cao" in str(e["UID"])]
        # "trước ngày 30/11": the last day allowed is the day before.
        assert [e.decoded("DTSTART") for e in deadline] == [report.han - dt.timedelta(days=1)]
        held = sorted(e.decoded("DTSTART") for e in events if "hoi-nghi" in str(e["UID"]))
        assert held == sorted(v.get("dates", [])), code


# -- the search index and the file:// ZIP --------------------------------------------------

def test_search_index_percentages_are_those_of_the_pages(fixture_site):
    """The index runs table cells together ("29527091,5%"), so each percentage it holds
    must end like one printed on the page it indexes (checked above)."""
    index = json.loads((fixture_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    seen = 0
    for d in index["docs"]:
        if "%" not in d.get("text", ""):
            continue
        page = d["location"].split("#")[0]
        html = (fixture_site / page / "index.html").read_text(encoding="utf-8")
        printed = {m.group(1) + "%" for c in _html_chunks(html) for m in PERCENT.finditer(c)}
        for m in re.finditer(r"\d+,\d%", d["text"]):
            seen += 1
            assert any(m.group(0).endswith(p) for p in printed), (d["location"], m.group(0), sorted(printed))
    assert seen


def test_file_zip_pages_agree(fixture_site, model):
    zips = sorted(fixture_site.rglob("*.zip"))
    assert zips, "no file:// ZIP in the build"
    with zipfile.ZipFile(zips[0]) as z:
        names = [n for n in z.namelist() if n.endswith(("ket-qua.html", "bao-cao-tong-hop.html"))]
        assert names, z.namelist()[:20]
        allowed = _allowed_money(model)
        for name in names:
            html = z.read(name).decode("utf-8")
            _check_percentages(_html_chunks(html), f"zip:{name}")
            text = " ".join(t for tag, _, t in Elements(html).found if tag == "article")
            big = {n for n in _numbers(text) if n >= 10_000}
            assert big <= allowed, (name, sorted(big - allowed))

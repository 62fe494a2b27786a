"""The issuing body's level («toàn tỉnh», «Ban phối hợp của tỉnh», «Ủy ban MTTQ Việt Nam tỉnh») is data
(co-quan.yaml › cap), not a word of the code: a commune's plan reads «toàn xã», and a plan whose level
is not known says none of these words rather than the 2023 plan's «tỉnh». In-process, on the plan's model."""

import re
from dataclasses import replace


from macros.exports import xlsx
from macros.loader import load_site
from macros.outputs import FORMS
from macros.pdf import documents
from macros.render import assignments, home, progress, report, toolkit, units
from macros.results.load import results_of
from tests.sitebuild import ROOT

SITE = load_site(ROOT)
PROVINCE_WORDS = re.compile(r"toàn tỉnh|phối hợp của tỉnh|Việt Nam tỉnh|địa bàn tỉnh")


def _texts(site) -> dict[str, str]:
    results = results_of(site)
    code = site.units[0].ma
    texts = {"home": home.home_page(site), "assignments": assignments.assignments_page(site),
             "unit": units.unit_page(site, code), "handout": documents.handout_document(site, code),
             "progress": progress.progress_page(site, results), "report page": report.report_page(site, results),
             "report": str(report.document_html(site, results)),
             "tables": " ".join(xlsx.assignment_rows(site)[0] + xlsx.budget_rows(site)[0]
                                + xlsx.results_rows(site, results)[0])}
    texts.update({f"form {f.slug}": toolkit.form_page(site, f.slug) for f in FORMS})
    return texts


def test_the_2023_plan_says_its_province():
    texts = _texts(SITE)
    assert SITE.org.cap == "tỉnh"
    assert "trên địa bàn toàn tỉnh" in texts["home"] and "Ban phối hợp của tỉnh" in texts["unit"]
    assert "Ban phối hợp của tỉnh" in texts["tables"] and "Ủy ban MTTQ Việt Nam tỉnh" in texts["unit"]


def _count(pattern: str, texts: dict[str, str]) -> dict[str, int]:
    return {name: len(re.findall(pattern, text)) for name, text in texts.items()}


# The compiled phrases each page says with the level (the plan's own text, quoted on these pages,
# says «tỉnh» too: it stays as written, so the test counts the phrases that change).
COMPILED = {"home": 1, "assignments": 1, "unit": 3, "handout": 3, "progress": 1, "report page": 1, "report": 2,
            "tables": 3, "form chuong-trinh-hoi-nghi": 1, "form bien-ban-hoi-nghi": 1, "form mau-bao-cao": 1}


def test_a_communes_plan_says_its_own_level():
    province, commune = _texts(SITE), _texts(replace(SITE, org=SITE.org.model_copy(update={"cap": "xã"})))
    words = r"toàn {0}|phối hợp của {0}|Việt Nam {0}|địa bàn {0}"
    before, after = _count(words.format("tỉnh"), province), _count(words.format("tỉnh"), commune)
    gained = {k: v - _count(words.format("xã"), province)[k] for k, v in _count(words.format("xã"), commune).items()}
    assert {k: v for k, v in gained.items() if v} == COMPILED
    assert {k: before[k] - after[k] for k in before if before[k] != after[k]} == COMPILED
    assert "trên địa bàn toàn xã" in commune["home"] and "Ban phối hợp của xã" in commune["unit"]
    assert "Tổng hợp toàn xã" in commune["progress"]


def test_a_plan_without_a_level_drops_the_words():
    province, blank = _texts(SITE), _texts(replace(SITE, org=SITE.org.model_copy(update={"cap": ""})))
    words = r"toàn tỉnh|phối hợp của tỉnh|Việt Nam tỉnh|địa bàn tỉnh"
    before, after = _count(words, province), _count(words, blank)
    assert {k: before[k] - after[k] for k in before if before[k] != after[k]} == COMPILED
    assert "Ban phối hợp:" in blank["unit"].replace("*", "")
    assert "tổng hợp báo cáo kết quả." in " ".join(blank["home"].split())


def test_the_calendar_is_named_as_the_website_names_the_plan():
    """Its name and the period's event come from data/website.yaml › ke_hoach › ten, not from the 2023
    plan's «tuyên truyền, vận động» written in code."""
    import datetime as dt

    from macros.exports import ics

    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    text = ics.calendar(SITE, results_of(SITE), stamp).decode().replace("\r\n ", "")
    assert "X-WR-CALNAME:Kế hoạch tuyên truyền\\, vận động năm 2023" in text
    assert "SUMMARY:Thời gian thực hiện kế hoạch tuyên truyền\\, vận động năm 2023" in text
    other = replace(SITE, entry=SITE.entry.model_copy(update={"ten": "Hướng dẫn ngày hội 2026"}))
    text = ics.calendar(other, results_of(other), stamp).decode().replace("\r\n ", "")
    assert "X-WR-CALNAME:Hướng dẫn ngày hội 2026" in text and "SUMMARY:Thời gian thực hiện hướng dẫn ngày hội 2026" in text
    assert "tuyên truyền" not in text.split("BEGIN:VEVENT")[0]

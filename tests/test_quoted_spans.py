"""Quotation marks are a truth claim (issue 19, review r19l N1, N2, N4): every span a page presents as the
plan's own words — «…» or “…” after «kế hoạch ghi:», «Kế hoạch (mục …) ghi:», «Kế hoạch:», «theo kế
hoạch», and each paragraph, item and cell of a quotation block labelled as the plan's («Kế hoạch, mục VI.1:»,
«Trích kế hoạch (mục V)») — occurs in the plan's own text, only whitespace folded (tests/quoted.py).

The plan's own text: the 2023 plan's source (source/ke-hoach-2023.txt); an imported plan's words as its data
keeps them (`doan` of its sections, its basis, opening, closing); a plan whose data keeps no words of its
document (the hand-typed fixture tests/fixtures/ke-hoach-mau) is published by its plan page, so its quotes
must be words of that page's document.

Read on the builds the suite already makes (the real site with its PDFs and calendars, the two-plan build,
the imported plans' build) and, in-process, on the commune plan of review r19k/r19l
(tests/fixtures/ke-hoach-xa-cau-truc): its pages, its unit PDFs' HTML, its calendars and its downloads' text
(workbook cells, CSV lines), as the editor left it (no opening words for the report note: N2) and with its document's numbers."""

import datetime as dt
import io
from pathlib import Path

import markdown
import openpyxl
import pytest
import yaml
from icalendar import Calendar

from macros.htmlscan import scan
from tests.quoted import _blocks, claimed_in_html, claimed_in_text, fold, verbatim_text
from tests.sitebuild import ROOT

SOURCE_2023 = ROOT / "source" / "ke-hoach-2023.txt"
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "abbr", "pymdownx.details"]  # mkdocs.yml

# Reused session builds (one build each per run, shared by the files that read them).
from tests.test_fixture_plan import built  # noqa: E402,F401
from tests.test_import_plan import imported_site  # noqa: E402,F401


def _unfound(claims, words: str) -> list[str]:
    return [f"{where}: {label} «{span}»" for where, label, span in claims if span not in words]


def _page_claims(site: Path, under: str = "", skip: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    out = []
    for page in sorted((site / under).rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(skip):
            continue
        out += [(rel, label, span) for label, span in claimed_in_html(page.read_text(encoding="utf-8"))]
    return out


def _calendar_claims(name: str, data: bytes) -> list[tuple[str, str, str]]:
    out = []
    for event in Calendar.from_ical(data).walk("VEVENT"):
        for field in ("SUMMARY", "DESCRIPTION"):
            for line in str(event.get(field, "")).splitlines():
                out += [(f"{name} {field}", label, span) for label, span in claimed_in_text(line)]
    return out


def _workbook_claims(name: str, data: bytes) -> list[tuple[str, str, str]]:
    cells = [v for ws in openpyxl.load_workbook(io.BytesIO(data)).worksheets
             for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    return [(name, label, span) for text in cells for label, span in claimed_in_text(text)]


def _document_text(html: str) -> str:
    pieces = scan(html)
    return fold(" ".join(_blocks(html, pieces, 0, len(pieces))))


# -- the claim itself: what counts as the plan's words on a page ------------------------------------------

def test_what_a_page_gives_to_the_plan_is_read_as_a_claim():
    html = ("<p>31/12/2026 Kết thúc (kế hoạch ghi: «từ tháng 7/2026 đến 31/12/2026»)</p>"
            "<p>Hội nghị: Kế hoạch (mục III, Bước 2) ghi: “Tổ chức hội nghị”</p>"
            "<p>Theo kế hoạch, «mỗi thôn»; Cuộc vận động «Toàn dân đoàn kết»</p>"
            "<p>Kế hoạch:</p><p>«một đoạn khác»</p>"
            '<p class="trich-dan__nguon"><em>Kế hoạch, mục III:</em></p><blockquote><p>1. Khảo sát</p>'
            "<ul><li>a) một</li></ul></blockquote><p>Ghi chú</p><blockquote><p>không phải của kế hoạch</p></blockquote>"
            '<p><em>Nhiệm vụ (kế hoạch, mục <abbr title="x">VI</abbr>.1):</em></p><blockquote><p>Phối hợp</p></blockquote>'
            '<div class="admonition quote"><p class="admonition-title">Nội dung 2, mục II của kế hoạch</p><p>Các mô hình'
            '</p></div><div class="admonition quote"><p class="admonition-title">Lời Bác</p><p>Đoàn kết</p></div>')
    assert [span for _, span in claimed_in_html(html)] == [
        "từ tháng 7/2026 đến 31/12/2026", "Tổ chức hội nghị", "mỗi thôn", "1. Khảo sát", "a) một", "Phối hợp", "Các mô hình"]


# -- the builds the suite makes ----------------------------------------------------------------------------

def test_the_2023_site_quotes_only_the_plans_words(site, site_pdf_texts):
    """Every page, every PDF (its text), every calendar and every workbook of the real site."""
    words = fold(SOURCE_2023.read_text(encoding="utf-8"))
    claims = _page_claims(site)
    assert len(claims) > 60, claims  # the unit pages' quotes, the budget's, the timeline's: the reading works
    claims += [(rel, label, span) for rel, text in site_pdf_texts.items() for label, span in claimed_in_text(text)]
    for ics in sorted(site.rglob("*.ics")):
        claims += _calendar_claims(ics.relative_to(site).as_posix(), ics.read_bytes())
    for book in sorted(site.rglob("*.xlsx")):
        claims += _workbook_claims(book.relative_to(site).as_posix(), book.read_bytes())
    # the PDFs and calendars quote the plan; the 2023 workbooks quote nothing today (the commune plan's do: below)
    assert all(any(kind in w for w, _, _ in claims) for kind in (".pdf", ".ics")), claims
    assert not _unfound(claims, words), "\n".join(_unfound(claims, words))


def test_the_fixture_plan_quotes_only_its_own_words(built):
    """The hand-typed fixture plan of the two-plan build: its data keeps no words of a document, so its quotes
    are words of the document its plan page publishes."""
    data = yaml.safe_load((built.with_name(built.name + "-project") / "data" / "ke-hoach-mau" / "ke-hoach.yaml")
                          .read_text(encoding="utf-8"))
    assert verbatim_text(data) == ""
    words = _document_text((built / "ke-hoach-mau" / "ke-hoach" / "index.html").read_text(encoding="utf-8"))
    claims = _page_claims(built, "ke-hoach-mau", skip=("ke-hoach-mau/ke-hoach/",))
    assert len(claims) > 20, claims
    assert not _unfound(claims, words), "\n".join(_unfound(claims, words))


def test_the_imported_plans_quote_only_their_own_words(imported_site):
    """The imported drafts (tests/test_import_plan.py): verbatim plans, today with no computed page, so no page of
    theirs claims a span yet; the day one does (a tagged section of a draft), its quotes are held to its words."""
    site, _ = imported_site
    assert len(list(site.rglob("*.html"))) > 20
    project = site.with_name(site.name + "-project")
    found = []
    for folder in sorted(p for p in (project / "data").iterdir() if (p / "ke-hoach.yaml").is_file()):
        words = verbatim_text(yaml.safe_load((folder / "ke-hoach.yaml").read_text(encoding="utf-8")))
        assert words, folder.name
        found += _unfound(_page_claims(site, folder.name), words)
    assert not found, "\n".join(found)


# -- in-process: the commune plan of review r19k/r19l, as the editor left it --------------------------------

def _commune(tmp_path, change):
    from macros.loader import load_website
    from tests.test_structured_verbatim import _project

    root = _project(tmp_path, change)
    return root, load_website(root).plans[0]


def _as_left(data):
    """Review r19l's editor data: no opening words of the report note (bao_cao › tieu_de)."""
    org = next(s for s in data["muc"] if s.get("loai") == "to_chuc_thuc_hien")
    org["bao_cao"].pop("tieu_de", None)


def _numbered(data):
    """The same, with each step's number as the document writes it («Bước 1:»)."""
    _as_left(data)
    for n, step in enumerate(next(s for s in data["muc"] if s.get("loai") == "cac_buoc")["buoc"], 1):
        step["so"] = f"Bước {n}:"


def _commune_claims(tmp_path, change):
    """(where, label, span) of every claim of the commune plan's pages (their Markdown converted as the build
    converts it), unit PDFs (their HTML) and calendars; and the plan's own words."""
    from macros.exports import ics
    from macros.exports.downloads import download_bytes
    from macros.pdf import documents
    from macros.render import pages
    from macros.results.load import results_of

    root, site = _commune(tmp_path, change)
    words = verbatim_text(yaml.safe_load((root / "data" / "ke-hoach-xa" / "ke-hoach.yaml").read_text(encoding="utf-8")))
    claims = []
    for page in pages.plan_pages(site):
        html = markdown.markdown(page.markdown, extensions=EXTENSIONS)
        claims += [(page.path, label, span) for label, span in claimed_in_html(html)]
    for unit in site.units:
        claims += [(f"pdf {unit.ma}", label, span)
                   for label, span in claimed_in_html(documents.handout_document(site, unit.ma))]
    stamp = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    for code, data in ics.calendars(site, results_of(site), stamp, [None, *(u.ma for u in site.units)]).items():
        claims += _calendar_claims(f"ics {code}", data)
    # every download's text: the workbooks' cells (the units' report templates quote the plan), the CSV lines
    for path, content in download_bytes(site, documents=True, epoch=1764547200).items():
        if path.endswith(".xlsx"):
            claims += _workbook_claims(path, content)
        elif path.endswith(".csv"):
            claims += [(path, label, span) for text in content.decode("utf-8-sig").splitlines()
                       for label, span in claimed_in_text(text)]
    assert len(claims) > 40 and any(".xlsx" in where for where, _, _ in claims), claims
    return site, claims, words


def _steps_quote(site, where: str, label: str) -> bool:
    """The steps quoted on a unit page (templates/unit_page.md: «Kế hoạch, mục <steps' section>:»)."""
    from macros.sections import section_number

    return where.startswith("don-vi/") and label == f"Kế hoạch, mục {section_number(site, 'cac_buoc')}:"


@pytest.mark.parametrize("change", [_as_left, _numbered])
def test_the_commune_plan_quotes_only_its_own_words(tmp_path, change):
    site, claims, words = _commune_claims(tmp_path, change)
    assert not _unfound(claims, words), "\n".join(_unfound(claims, words))


def test_a_unit_page_quotes_a_step_without_a_number_the_plan_does_not_write(tmp_path):
    """Review r19l N4: the document writes «Bước 1: Khảo sát…»; an editor who leaves `so` out gets «1. Khảo
    sát…» inside the quotation."""
    site, claims, words = _commune_claims(tmp_path, _as_left)
    steps = [c for c in claims if _steps_quote(site, c[0], c[1])]
    assert len(steps) == 3 * len(site.units), steps
    assert not _unfound(steps, words), "\n".join(_unfound(steps, words))


# -- the data: a field the pages quote is the words of the section that keeps them ---------------------------

def _words_say(old: str, new: str):
    """The commune plan whose document (each section's `doan`) writes `new` where its fields say `old`."""
    from tests.test_structured_verbatim import _replaced

    def change(data):
        _numbered(data)
        for section in data["muc"]:
            if "doan" in section:
                section["doan"] = _replaced(section["doan"], old, new)
    return change


@pytest.mark.parametrize("old, new, field, said", [
    # {so_hoi_nghi} is filled «từ 01 đến 02»: the home page, unit pages, PDFs and calendars quoted it
    # («từ 1 đến 2 hội nghị» is now quoted as written, review r19q #4: tests/test_conference_count_as_written.py)
    ("từ 01 đến 02 hội nghị", "từ 01 đến 02 buổi hội nghị", "cac_buoc › buoc › mục 2 › noi_dung", "{so_hoi_nghi} = «từ 01 đến 02»"),
    # the report note quoted on phan-cong/ and each unit's page
    ("về Ban Thường trực Ủy ban MTTQ Việt Nam xã trước ngày 15/11/2026", "về Ban Thường trực trước ngày 15/11/2026",
     # the sentence differs only where {noi_nhan_bao_cao} is filled: named at the field (review bad9, 12)
     "to_chuc_thuc_hien › bao_cao › noi_nhan", "viết «Ban Thường trực» ở chỗ {noi_nhan_bao_cao}"),
    # a task quoted under «Nhiệm vụ (kế hoạch, mục VI)»
    ("phụ trách làng Plei Đôn", "theo dõi làng Plei Đôn", "to_chuc_thuc_hien › phan_cong › mục 2 › nhiem_vu",
     "«Đồng chí Ủy viên Thường trực phụ trách làng Plei Đôn"),
    # a topic quoted on its handbook chapter («Nội dung 2, mục II của kế hoạch»)
    ("trong phát triển kinh tế hộ gia đình", "trong phát triển kinh tế gia đình", "noi_dung › muc › mục 2 › noi_dung",
     "«Các mô hình hay, cách làm hiệu quả trong phát triển kinh tế hộ gia đình.»"),
], ids=["so_hoi_nghi", "loi_van", "nhiem_vu", "chu_de"])
def test_a_field_quoted_as_the_plans_words_must_be_them(tmp_path, old, new, field, said):
    from macros.errors import DataErrors
    from macros.loader import load_website
    from tests.test_structured_verbatim import _project

    with pytest.raises(DataErrors) as raised:
        load_website(_project(tmp_path, _words_say(old, new)))
    message = str(raised.value)
    assert f"data/ke-hoach-xa/ke-hoach.yaml:" in message and f"trường «{field}»" in message, message
    assert "trích câu này trong ngoặc «» là lời kế hoạch" in message and said in message, message
    assert message.count("trong ngoặc «»") == 1, message  # only that field

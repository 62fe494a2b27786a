"""Years are data (issue 10): no plan year in the code, the site's configuration,
its hand-written assets, the templates or the JSON schemas editors see as hover
help; and the examples an editor reads for a date (Excel template, error hints)
come from the plan being edited, so a 2026 plan never shows "ví dụ 30/11/2023"."""

import datetime as dt
import io
import re
import shutil
from fnmatch import fnmatch
from pathlib import Path

import openpyxl
import pytest

from macros.dates import format_date
from macros.errors import DataErrors
from macros.exports import template as T
from macros.import_report import read_template
from macros.loader import SHARED_FILES, load_plan
from macros.results import load
from tests import codeparse
from tests.codeparse import code_trees_freed_at_the_end  # noqa: F401 - autouse fixture
from tests.sitebuild import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-mau"
STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)

# What is scanned: everything the site is made from except data/ (the plans' own
# facts) and the texts of the plan itself; schema/ is generated from the models.
SCANNED = ["mkdocs.yml", "docs", "macros", "overrides", "schema"]
TEXT_SUFFIXES = {".py", ".html", ".css", ".js", ".yml", ".yaml", ".json", ".md", ".svg", ".txt"}
# A year standing alone: "2023", "ke-hoach-2023", "30/11/2023", not "\u2013" or "#201923".
YEAR = re.compile(r"(?<![\w\\])(?:19|20)\d\d(?!\w)")

# Each allowed occurrence: (file glob, the text it sits in, reason). The text is cut
# out of the line before the line is checked again, so a line holding both an
# allowed citation and a plan year still fails.
ALLOWED = [
    # A citation, not a plan year: the decree on the form of administrative documents
    # (margins, header, dates) that the print CSS, templates and date code follow.
    ("*", r"Nghị định 30/2020(/NĐ-CP)?", "citation of the document-format decree"),
    # Standard identifiers whose text holds a year.
    ("macros/yamlsrc.py", r"tag:yaml\.org,2002:", "YAML tag URIs"),
    ("*", r"https://json-schema\.org/draft/2020-12/schema", "JSON Schema dialect URI"),
    ("macros/templates/*", r"http://www\.w3\.org/2000/svg", "SVG namespace URI"),
    # ZIP (xlsx, offline package) cannot store a time before 1980-01-01.
    ("macros/exports/xlsx.py", r"\(1980, 1, 1, 0, 0, 0\)", "ZIP's earliest timestamp"),
    ("macros/offline/archive.py", r"1980(-01-01|, 1, 1, 0, 0, 0)", "ZIP's earliest timestamp"),
    # iCalendar VTIMEZONE: Vietnam has kept UTC+7 since 13/6/1975.
    ("macros/exports/ics.py", r"dt\.datetime\(1975, 6, 13\)", "start of the time zone rule"),
    # The lowest year a plan may have (validation bound), not a plan's year.
    ("macros/model.py", r"ge=1945", "validation bound of the plan year"),
    ("schema/ke-hoach.schema.json", r'"minimum": 1945', "validation bound of the plan year"),
    # Examples of a field's form that cite real documents by their number or code,
    # the same for any plan: not a plan year.
    ("macros/changes_model.py", r"202/2025/QH15", "document number cited as the form's example"),
    ("schema/thay-doi-hanh-chinh.schema.json", r"202/2025/QH15", "document number cited as the form's example"),
    ("macros/handbook_model.py", r"qd-90-2022", "code of a cited document, as in data/van-ban.yaml"),
    ("schema/van-ban.schema.json", r"qd-90-2022", "code of a cited document, as in data/van-ban.yaml"),
]


def _files():
    for name in SCANNED:
        path = ROOT / name
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES
                        and "__pycache__" not in p.parts)


def _left_over(rel: str, line: str) -> list[str]:
    for pattern_path, text, _ in ALLOWED:
        if fnmatch(rel, pattern_path):
            line = re.sub(text, " ", line)
    return YEAR.findall(line)


def test_no_plan_year_in_code_templates_assets_or_schemas():
    found = []
    for path in _files():
        rel = path.relative_to(ROOT).as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _left_over(rel, line):
                found.append(f"{rel}:{n}: {line.strip()}")
    assert not found, "Năm của kế hoạch phải lấy từ data/, không viết trong mã:\n" + "\n".join(found)


def test_the_scan_sees_a_plan_year_and_each_allowed_entry_is_still_needed():
    # The scan catches a year in a hint, and next to an allowed citation.
    assert _left_over("macros/fieldtypes.py", 'ví dụ "30/11/2023"') == ["2023"]
    assert _left_over("docs/assets/print.css", "/* Nghị định 30/2020/NĐ-CP, năm 2026 */") == ["2026"]
    # An allowed entry nothing matches any more is removed, not kept "just in case".
    texts = {(p, t): 0 for p, t, _ in ALLOWED}
    for path in _files():
        rel = path.relative_to(ROOT).as_posix()
        content = path.read_text(encoding="utf-8")
        for p, t, _ in ALLOWED:
            if fnmatch(rel, p) and re.search(t, content):
                texts[(p, t)] += 1
    assert not [k for k, v in texts.items() if v == 0]


# A section cited by a number written into code ("mục II", "mục VI.3"): a plan shaped
# otherwise gets wrong citations. Sections are cited by key (macros/sections.py).
SECTION_NUMBER = re.compile(r"(?<!\w)[Mm]ục +(?:I|II|III|IV|V|VI|VII|VIII|IX|X)(?:\.\d+)?(?![\w])")


def _section_numbers(line: str) -> list[str]:
    return SECTION_NUMBER.findall(line)


def test_no_section_number_in_code_templates_or_assets():
    assert _section_numbers('f"Nhiệm vụ (kế hoạch, mục VI.{i}):"') == ["mục VI"]
    assert _section_numbers("Nội dung (mục II): x") == ["mục II"]
    assert _section_numbers("mục {{ section_number('noi_dung') }}; Mục IIa") == []
    found = []
    for name in ("macros", "overrides"):
        for path in sorted((ROOT / name).rglob("*")):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
                rel = path.relative_to(ROOT).as_posix()
                found += [f"{rel}:{n}: {line.strip()}"
                          for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                          if _section_numbers(line)]
    assert not found, "Số mục của kế hoạch phải lấy từ dữ liệu (macros/sections.py):\n" + "\n".join(found)


# --- the fixture plan (year 2026), built in-process --------------------------------

@pytest.fixture(scope="module")
def mau(tmp_path_factory):
    """(project root, Site) of tests/fixtures/ke-hoach-mau with the site-wide files."""
    root = tmp_path_factory.mktemp("nam-cua-ke-hoach")
    (root / "data").mkdir()
    for file, _ in SHARED_FILES.values():
        shutil.copy2(ROOT / "data" / file, root / "data" / file)
    shutil.copytree(FIXTURE, root / "data" / "ke-hoach-mau")
    site = load_plan(root, "ke-hoach-mau")
    assert site.plan.van_ban.nam == 2026 and site.sample_date.year == 2026
    return root, site


def _years(text: str) -> set[str]:
    return set(YEAR.findall(text))


def test_excel_template_example_date_is_the_plans_own(mau):
    _, site = mau
    code = site.units[0].ma
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, code, STAMP)))
    guide = " ".join(str(c.value) for c in wb[T.GUIDE]["A"] if c.value)
    deadline = format_date(site.plan.to_chuc_thuc_hien.bao_cao.han)
    assert deadline == "15/10/2026"
    assert f"Ngày viết ngày/tháng/năm, ví dụ {deadline}." in guide
    every_cell = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    assert "2023" not in every_cell and _years(every_cell) == {"2026"}


RESULTS = """don_vi: "{code}"
khao_sat:
  ngay: 2026-05-15
  ket_qua: Số liệu mẫu.
hoi_nghi:
  - ngay: "10-6-2026"
    dia_diem: Nhà văn hóa
    so_nguoi: 10
    so_nguoi_dtts: 5
    noi_dung: [chu-de-mau-1]
bao_cao:
  ngay_gui: 15
  ban: ban-mau-1
"""
REPORT = """ky_hieu: BC-MTTQ-BTT
so: "12"
da_ban_hanh: true
ky:
  quyen_han: TM. BAN THƯỜNG TRỰC
luu: [VT]
"""


def _messages(exc: DataErrors) -> list[str]:
    return [str(e) for e in exc.errors]


def test_date_error_hints_of_a_results_file_use_the_plans_date(mau, tmp_path):
    _, site = mau
    folder = tmp_path / load.results_folder(site)
    folder.mkdir(parents=True)
    code = site.units[0].ma
    (folder / f"{code}.yaml").write_text(RESULTS.format(code=code), encoding="utf-8")
    (tmp_path / load.report_file(site)).write_text(REPORT, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load.load_results(tmp_path, site)
    messages = _messages(caught.value)
    by_field = {f: [m for m in messages if f"«{f}»" in m] for f in
                ("khao_sat › ngay", "hoi_nghi › mục 1 › ngay", "bao_cao › ngay_gui", "ngay_ban_hanh")}
    assert all(by_field.values()), messages
    # The editor's own date rewritten; the plan's deadline as the example otherwise.
    assert 'dạng ngày/tháng/năm: "15/5/2026"' in by_field["khao_sat › ngay"][0]
    assert 'ví dụ "15/10/2026"' in by_field["hoi_nghi › mục 1 › ngay"][0]
    assert 'trong dấu nháy, dạng ngày/tháng/năm, ví dụ "15/10/2026"' in by_field["bao_cao › ngay_gui"][0]
    assert 'ví dụ "15/10/2026"' in by_field["ngay_ban_hanh"][0]
    for m in messages:
        assert "2023" not in m and _years(m) <= {"2026"}, m


def test_date_error_hint_of_an_imported_excel_template_uses_the_plans_date(mau, tmp_path):
    _, site = mau
    code = site.units[0].ma
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, code, STAMP)))
    ws = wb[T.CONFERENCES]
    for col, value in enumerate(("10-6-2026", "Nhà văn hóa", 10, 5, "1"), 1):
        ws.cell(2, col, value)
    path = tmp_path / "mau.xlsx"
    wb.save(path)
    src = read_template(path, site)
    _, errors, _ = load.validate_unit(site, src, None)
    messages = [str(e) for e in src.read_errors + errors]
    date = [m for m in messages if "trang «Hội nghị», dòng 2, cột A" in m]
    assert date and 'Ngày phải viết dạng ngày/tháng/năm, ví dụ "15/10/2026"' in date[0], messages
    for m in messages:
        assert "2023" not in m and _years(m) <= {"2026"}, m


def test_without_a_plan_the_hint_has_no_year_and_says_how_to_write_one():
    from pydantic import TypeAdapter, ValidationError

    from macros.fieldtypes import Date, MonthValue

    for kind, value, expected in ((Date, "30-11", 'năm đủ bốn chữ số, ví dụ "30/11/…" (chỗ … ghi năm)'),
                                  (MonthValue, "tháng 4", 'năm đủ bốn chữ số, ví dụ "4/…" (chỗ … ghi năm)')):
        with pytest.raises(ValidationError) as caught:
            TypeAdapter(kind).validate_python(value)
        message = caught.value.errors()[0]["msg"]
        assert expected in message and not _years(message), message


# --- words of the 2023 plan (issue 19) -----------------------------------------------
# What only the 2023 plan says: its province and districts, its campaign's aim, its number
# of conferences, its name for its units, its receiving department. In the text the code
# and templates put on pages, files and messages (string literals and template text;
# comments and docstrings may cite the plan as an example). Sections are cited by kind,
# numbered from the data (sections.section_number), never by a fixed order.
PLAN_WORDS = re.compile(r"Kon Tum|Đăk|H’Drai|Ban Phong trào|thoát nghèo|nếp nghĩ|từ 02 đến 04|10 huyện|"
                        r"huyện, thành phố|dân tộc thiểu số|đồng bào|(?-i:DTTS)|khu dân cư|"
                        r"toàn tỉnh|phối hợp của tỉnh|Việt Nam tỉnh|địa bàn tỉnh|"
                        r"tuyên truyền, vận động thực hiện|Cuộc vận động “|hội nghị tuyên truyền|"
                        r"ban, văn phòng|\(thôn, làng\)|nội dung trọng tâm|bước triển khai|"
                        r"(?-i:Xã được chọn|Xã \(phường, thị trấn\)|mỗi xã ghi)", re.IGNORECASE)
# The campaign's words («dân tộc thiểu số», «DTTS», «đồng bào»: who it addresses) come from the plan
# (ke-hoach.yaml › cuoc_van_dong › doi_tuong, doi_tuong_viet_tat); so does «khu dân cư», where its
# conferences are held (ten_goi_khu_dan_cu). What the plan is about («tuyên truyền, vận động thực hiện
# Cuộc vận động “…”», «hội nghị tuyên truyền») comes from its trích yếu and its steps (render/subject.py,
# render/plan.conference_heading). The issuing body's level («toàn tỉnh», «Ban phối hợp của
# tỉnh») comes from co-quan.yaml › cap; its name for its departments together («các ban, văn phòng»)
# from co-quan.yaml › ten_goi_cac_ban; the titles of its content and steps sections («các nội dung trọng tâm»,
# «các bước triển khai») from the sections' own titles (review r19n); the level its units choose («Xã được chọn», «Xã (phường,
# thị trấn)», «mỗi xã ghi một dòng») from don-vi.yaml › dia_ban_chon. "DTTS" in capitals only: the
# results' field «so_nguoi_dtts» is a key of the data, not a word a reader sees.
# Still left, each owned by another branch this session (the list only shrinks): file glob -> reason.
PLAN_WORDS_LEFT = {
    "macros/plan_import/structure.py": "names of administrative levels the import recognises in any plan",
}


def _literals(source):
    """(line, text) of each string in Python source (or its nodes, codeparse.nodes) that is not a docstring
    (f-string parts included)."""
    import ast

    nodes = tuple(ast.walk(ast.parse(source))) if isinstance(source, str) else source
    docs = {id(node.body[0].value) for node in nodes
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in nodes
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def _plan_words(rel: str, text: str, nodes=None) -> list[str]:
    if rel.endswith(".py"):
        return [f"{rel}:{n}: {m.group(0)}" for n, value in _literals(text if nodes is None else nodes)
                for m in PLAN_WORDS.finditer(value)]
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # a template's comments
    return [f"{rel}: {m.group(0)}" for m in PLAN_WORDS.finditer(text)]


def test_no_words_of_the_2023_plan_in_code_templates_or_overrides():
    assert _plan_words("macros/x.py", '"""Ví dụ: Đăk Glei."""\nhint = f"ví dụ «Đăk Glei» {x}"\n') == ["macros/x.py:2: Đăk"]
    assert _plan_words("macros/templates/x.html", "{# Kon Tum #}tỉnh Kon Tum") == ["macros/templates/x.html: Kon Tum"]
    assert _plan_words("macros/templates/home.md", "tại vùng đồng bào dân tộc thiểu số") == [
        "macros/templates/home.md: đồng bào", "macros/templates/home.md: dân tộc thiểu số"]
    assert _plan_words("macros/x.py", 'f"{n} người DTTS"; c.so_nguoi_dtts; "so_nguoi_dtts"') == ["macros/x.py:1: DTTS"]
    assert _plan_words("macros/templates/toolkit/x.html", "<p>Tuyên truyền, vận động thực hiện {{ c.campaign }}</p>") == [
        "macros/templates/toolkit/x.html: Tuyên truyền, vận động thực hiện"]
    assert _plan_words("macros/x.py", 'f"Hội nghị tuyên truyền – {u}"; f"Cuộc vận động “{c.ten}”"') == [
        "macros/x.py:1: Hội nghị tuyên truyền", "macros/x.py:1: Cuộc vận động “"]
    assert _plan_words("macros/templates/x.html", '{{ signature("LÃNH ĐẠO BAN, VĂN PHÒNG") }} các Ban, Văn phòng') == [
        "macros/templates/x.html: BAN, VĂN PHÒNG", "macros/templates/x.html: Ban, Văn phòng"]
    assert sorted(_plan_words("macros/x.py", 'fill_lines=[("Xã được chọn:", 1)]; ("Xã (phường, thị trấn)", "xa")')) == [
        "macros/x.py:1: Xã (phường, thị trấn)", "macros/x.py:1: Xã được chọn"]
    assert _plan_words("macros/templates/toolkit/parts.html", '{{ field(places ~ " (thôn, làng):") }}') == [
        "macros/templates/toolkit/parts.html: (thôn, làng)"]
    found, left = [], set()
    for name in ("macros", "overrides"):
        for path in sorted((ROOT / name).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html", ".md") and "__pycache__" not in path.parts:
                rel = path.relative_to(ROOT).as_posix()
                # a .py file parsed and walked once per process, shared with the other static checks (issue 22)
                words = (_plan_words(rel, "", codeparse.nodes(path)) if path.suffix == ".py"
                         else _plan_words(rel, path.read_text(encoding="utf-8")))
                allowed = [g for g in PLAN_WORDS_LEFT if fnmatch(rel, g)]
                kept = [w for w in words if allowed and re.search(r": (?i:dân tộc thiểu số|đồng bào|DTTS|khu dân cư)$", w)]
                left.update(allowed if kept else [])
                found += [w for w in words if w not in kept]
    assert not found, "Chữ riêng của kế hoạch 2023 phải lấy từ data/, không viết trong mã:\n" + "\n".join(found)
    assert left == set(PLAN_WORDS_LEFT), "bỏ khỏi PLAN_WORDS_LEFT mục không còn cần"

"""Review r19o (a ward plan), the report forms and the results side: they carried concepts of the 2023 plan
that another plan does not have.
- defect 3: the template's (and the results workbook's) column «Nội dung đã tuyên truyền» took every activity
  of the plan («Thăm hỏi, tặng quà» is no propaganda): «tuyên truyền» only where the plan's contents section
  says so («NỘI DUNG TUYÊN TRUYỀN…»), else the neutral «thực hiện»;
- defect 3: the template kept its «Địa bàn» sheet (and its guide «mỗi địa bàn ghi một dòng») for a plan whose
  units choose no places (don-vi.yaml › dia_ban_chon); the draft report's column said «Xã và nơi được chọn»
  for units that choose another level;
- defect 3: the toolkit's minutes printed «người thuộc đối tượng vận động» for a plan that names no group;
- defect 6: a topic's short name (ten_ngan) is the editor's: where the data has none, the report, the
  template's guide, the results workbook and the agenda print the plan's own words for the topic.
In-process, on the commune fixture (tests/fixtures/ke-hoach-xa-cau-truc) and the 2023 plan's model."""

import datetime as dt
import html
import io
import re
from dataclasses import replace

import openpyxl
import pytest

from macros import import_report
from macros.errors import DataErrors
from macros.exports import template as T
from macros.exports import xlsx
from macros.loader import load_website
from macros.model import Topic
from macros.render import report, toolkit
from macros.results import progress as pg
from macros.results.load import results_of
from macros.results.model import contents_done
from tests.test_level_words import SITE
from tests.test_structured_verbatim import _project

STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def _with_contents(plan, **update):
    """`plan` whose contents section has `update` (the sections are the plan's list, `muc`)."""
    contents = plan.noi_dung.model_copy(update=update)
    return plan.model_copy(update={"muc": [contents if s is plan.noi_dung else s for s in plan.muc]})


def _words(text) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))


def _contents(data):
    return next(s for s in data["muc"] if s.get("loai") == "noi_dung")


def _activities(data):
    """The contents section titled as the ward plan's: «NỘI DUNG HOẠT ĐỘNG» (a noun: what is done, not how)."""
    _contents(data)["tieu_de"] = "NỘI DUNG HOẠT ĐỘNG"


def _site(tmp_path, change=None, chosen: str | None = None):
    root = _project(tmp_path, change)
    if chosen is not None:  # the level each unit chooses (a new field: at the end of the file)
        path = root / "data" / "ke-hoach-xa" / "don-vi.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"dia_ban_chon: {chosen}\n", encoding="utf-8")
    return load_website(root).plans[0]


def _book(site, code="kon-klor"):
    return openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, code, STAMP)))


def _sheet_text(ws) -> str:
    return " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


# -- defect 3: the contents column ----------------------------------------------------------------------

@pytest.mark.parametrize("title, word", [
    ("NỘI DUNG TUYÊN TRUYỀN, VẬN ĐỘNG", "tuyên truyền"),
    ("NỘI DUNG TUYÊN TRUYỀN", "tuyên truyền"),
    ("Nội dung giám sát", "giám sát"),
    ("NỘI DUNG HOẠT ĐỘNG", "thực hiện"),
    ("NỘI DUNG", "thực hiện"),
    ("CÁC HOẠT ĐỘNG", "thực hiện"),
])
def test_the_contents_are_done_as_the_plans_title_says(title, word):
    plan = _with_contents(SITE.plan, tieu_de=title)
    assert plan.noi_dung.tieu_de == title and contents_done(plan) == word


def test_a_plan_of_activities_gets_no_propaganda_column(tmp_path):
    site = _site(tmp_path, _activities)
    wb = _book(site)
    headers = [c.value for c in wb[T.CONFERENCES][1] if c.value]
    assert "Nội dung đã thực hiện (số thứ tự, cách nhau dấu ;)" in headers, headers
    assert "tuyên truyền" not in _sheet_text(wb[T.CONFERENCES]), _sheet_text(wb[T.CONFERENCES])
    guide = _sheet_text(wb[T.GUIDE])
    assert "đã tuyên truyền" not in guide, guide  # (the plan's trích yếu, quoted in the sheets, has its own words)
    assert "Cột «Nội dung đã thực hiện» ghi số thứ tự nội dung (mục II của kế hoạch) đã thực hiện" in guide, guide
    head, _ = xlsx.conference_rows(site, results_of(site))
    assert head[-1] == "Nội dung đã thực hiện", head


def test_a_propaganda_plan_keeps_its_word_and_an_older_header_still_imports(tmp_path):
    site = _site(tmp_path)  # «NỘI DUNG TUYÊN TRUYỀN»
    headers = [c.value for c in _book(site)[T.CONFERENCES][1] if c.value]
    assert "Nội dung đã tuyên truyền (số thứ tự, cách nhau dấu ;)" in headers, headers
    pattern = next(h for h, key, _ in T.COLUMNS[T.CONFERENCES] if key == "noi_dung")
    assert T.header_fits(pattern, "Nội dung đã tuyên truyền (số thứ tự, cách nhau dấu ;)")
    assert T.header_fits(pattern, "Nội dung đã thực hiện (số thứ tự, cách nhau dấu ;)")


# -- defect 3: the «Địa bàn» sheet and the report's selection column ----------------------------------------

def test_no_areas_sheet_where_the_units_choose_no_places(tmp_path):
    site = _site(tmp_path)
    assert not site.units_file.dia_ban_chon
    wb = _book(site)
    assert T.AREAS not in wb.sheetnames, wb.sheetnames
    guide = _sheet_text(wb[T.GUIDE])
    assert "Mỗi hội nghị, mỗi khoản chi ghi một dòng." in guide and "địa bàn" not in guide.lower(), guide


def test_areas_sheet_named_by_the_level_where_the_units_choose_one(tmp_path):
    site = _site(tmp_path, chosen="tổ dân phố")
    wb = _book(site)
    assert T.AREAS in wb.sheetnames, wb.sheetnames
    assert wb[T.AREAS]["A1"].value == "Tổ dân phố", wb[T.AREAS]["A1"].value
    assert "Mỗi hội nghị, mỗi khoản chi, mỗi tổ dân phố ghi một dòng." in _sheet_text(wb[T.GUIDE])


def _filled(site, wb, path):
    ws = wb[T.CONFERENCES]
    values = {"ngay": "10/10/2026", "dia_diem": "Nhà văn hóa thôn Kon Klor", "so_nguoi": 80, "noi_dung": "1"}
    for col, (_, key, _) in enumerate(T.sheet_columns(site.plan, site.units_file)[T.CONFERENCES], 1):
        ws.cell(2, col, values.get(key))
    wb.save(path)
    return path


def test_a_template_without_the_areas_sheet_imports(tmp_path):
    site = _site(tmp_path)
    root = tmp_path / "du-an"
    path = _filled(site, _book(site), tmp_path / "kon-klor.xlsx")
    code, text, _ = import_report.import_report(path, root, site)
    assert code == "kon-klor" and "Nhà văn hóa thôn Kon Klor" in text and "dia_ban" not in text, text


def test_where_the_units_choose_places_the_areas_sheet_is_still_asked_for(tmp_path):
    site = _site(tmp_path, chosen="tổ dân phố")
    wb = _book(site)
    del wb[T.AREAS]
    path = _filled(site, wb, tmp_path / "kon-klor.xlsx")
    with pytest.raises(DataErrors) as info:
        import_report.import_report(path, tmp_path / "du-an", site)
    assert any("Thiếu trang «Địa bàn»" in str(e) for e in info.value.errors), info.value.errors


def test_the_reports_selection_column_names_the_level_the_units_choose(tmp_path):
    site = _site(tmp_path, chosen="tổ dân phố")
    root = tmp_path / "du-an"
    (root / "data" / "ke-hoach-xa" / "ket-qua").mkdir()
    (root / "data" / "ke-hoach-xa" / "ket-qua" / "kon-klor.yaml").write_text(
        'don_vi: kon-klor\ndia_ban:\n  - xa: Tổ dân phố 3\n', encoding="utf-8")
    site = load_website(root).plans[0]
    text = _words(report.document_html(site, results_of(site)))
    assert "1. Lựa chọn địa bàn" in text and "Tổ dân phố và nơi được chọn" in text, text
    assert "Xã và nơi được chọn" not in text and "Xã, " not in text, text


# -- defect 3: the toolkit's minutes ---------------------------------------------------------------------

def test_the_minutes_count_no_group_the_plan_does_not_name():
    campaign = SITE.plan.cuoc_van_dong.model_copy(update={"doi_tuong": None, "doi_tuong_viet_tat": None})
    kit = SITE.toolkit.model_copy(update={"bien_ban": SITE.toolkit.bien_ban.model_copy(update={"dem_rieng": None})})
    site = replace(SITE, plan=SITE.plan.model_copy(update={"cuoc_van_dong": campaign}), extra={**SITE.extra, "toolkit": kit})
    page = _words(toolkit.form_page(site, "bien-ban-hoi-nghi"))
    assert "Số người dự: …………… người; trong đó nữ: ………… người." in page, page
    assert "đối tượng" not in page, page
    named = _words(toolkit.form_page(SITE, "bien-ban-hoi-nghi"))  # the 2023 plan: as bo-cong-cu.yaml writes it
    assert "trong đó nữ: ………… người; đồng bào dân tộc thiểu số: ………… người." in named, named


# -- defect 6: a topic without a short name is named in the plan's words ---------------------------------

def _unnamed(site):
    """`site` whose first topic has no short name (ten_ngan absent from the data: an optional field, or a
    model made before it was, built without it)."""
    first, *rest = site.plan.noi_dung.muc
    bare = Topic.model_construct(**{k: v for k, v in first.__dict__.items() if k != "ten_ngan"})
    assert getattr(bare, "ten_ngan", None) is None
    return replace(site, plan=_with_contents(site.plan, muc=[bare, *rest])), first


def test_a_topic_without_short_name_is_printed_in_the_plans_words():
    site, first = _unnamed(SITE)
    own = first.noi_dung
    assert pg.topic_names(site)[first.ma] == (1, own)
    guide = _sheet_text(T.template_workbook(site, T.unit_values(site, site.units[0].ma), STAMP)[T.GUIDE])
    assert f"1. {own}" in guide, guide  # (2023: its ten_ngan begins its words)
    agenda = _words(toolkit.form_page(site, "chuong-trinh-hoi-nghi"))
    assert _words(own) in agenda, agenda
    foot = _words(report.document_html(site, results_of(site)))
    assert f"1. {own}" in foot, foot
    # a topic with a short name keeps it
    assert pg.topic_names(SITE)[first.ma] == (1, first.ten_ngan)


@pytest.mark.parametrize("chosen, said", [(None, "Địa bàn «Tổ 3» ghi hai lần"), ("tổ dân phố", "Tổ dân phố «Tổ 3» ghi hai lần")])
def test_a_place_written_twice_is_named_at_the_plans_level(tmp_path, chosen, said):
    """Before: «Xã «Tổ 3» ghi hai lần» whatever the plan's units choose."""
    from macros.results.load import validate_unit
    from macros.yamlsrc import read_yaml
    site = _site(tmp_path, chosen=chosen)
    path = tmp_path / "kon-klor.yaml"
    path.write_text("don_vi: kon-klor\ndia_ban:\n  - xa: Tổ 3\n  - xa: Tổ 3\n", encoding="utf-8")
    _, errors, _ = validate_unit(site, read_yaml(path, "ket-qua/kon-klor.yaml"), "kon-klor")
    assert len(errors) == 1 and said in str(errors[0]) and "Xã" not in str(errors[0]), errors

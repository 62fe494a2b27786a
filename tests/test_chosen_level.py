"""The level each unit chooses («lựa chọn xã có …») is data (don-vi.yaml › dia_ban_chon), not a word
of the code (review r19k, defect 7): the 2023 plan's districts choose communes, so its handout asks
«Xã được chọn:» and its report template has a «Xã (phường, thị trấn)» column; a plan whose units are
villages (or that does not say) has no such line, a neutral column and no «mỗi xã». And the home page
says «n/n … của tỉnh X» only when the data names the province. In-process, on the plan's model."""

import datetime as dt
import io
from dataclasses import replace

import openpyxl

from macros.exports import template as T
from macros.loader import load_site
from macros.outputs import FORMS
from macros.pdf import documents
from macros.render import home, toolkit
from tests.sitebuild import ROOT

SITE = load_site(ROOT)
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _with(site, **fields):
    return replace(site, units_file=site.units_file.model_copy(update=fields))


def _texts(site) -> dict[str, str]:
    code = site.units[0].ma
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, code, STAMP)))
    texts = {"handout": documents.handout_document(site, code),
             # None: no «Địa bàn» sheet, the plan's units choose no places (review r19o, defect 3)
             "areas header": str(wb[T.AREAS].cell(1, 1).value) if T.AREAS in wb.sheetnames else None,
             "guide": " ".join(str(c.value) for c in wb[T.GUIDE]["A"] if c.value)}
    texts.update({f.slug: toolkit.form_page(site, f.slug) for f in FORMS})
    return texts


def test_the_2023_plans_districts_choose_communes():
    assert SITE.units_file.dia_ban_chon == "xã (phường, thị trấn)" and SITE.units_file.chosen_level == "xã"
    texts = _texts(SITE)
    assert "Xã được chọn:" in texts["handout"]
    assert texts["areas header"] == "Xã (phường, thị trấn)"
    assert "Mỗi hội nghị, mỗi khoản chi, mỗi xã ghi một dòng." in texts["guide"]
    assert "<span>Xã:</span>" in texts["bien-ban-hoi-nghi"]


def test_a_plan_that_does_not_say_asks_for_no_commune():
    texts = _texts(_with(SITE, dia_ban_chon=""))
    assert "được chọn:" not in texts["handout"] and "Xã" not in texts["handout"].replace("xã hội", "")
    assert texts["areas header"] is None  # no «Địa bàn» sheet at all (review r19o, defect 3)
    assert "mỗi xã" not in texts["guide"] and "Mỗi hội nghị, mỗi khoản chi ghi một dòng." in texts["guide"]
    for slug in ("bien-ban-hoi-nghi", "chuong-trinh-hoi-nghi", "danh-sach-dai-bieu", "phieu-khao-sat"):
        assert "<span>Xã:</span>" not in texts[slug], slug


def test_a_plan_whose_units_choose_villages_says_so():
    texts = _texts(_with(SITE, dia_ban_chon="thôn"))
    assert "Thôn được chọn:" in texts["handout"] and "Xã được chọn" not in texts["handout"]
    assert texts["areas header"] == "Thôn" and "mỗi thôn ghi một dòng" in texts["guide"]


def test_the_template_with_the_plans_words_imports_back(tmp_path):
    """The column's header is the plan's word: the results import reads it back (header_fits)."""
    from macros.import_report import read_template

    site = _with(SITE, dia_ban_chon="thôn")
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, site.units[0].ma, STAMP)))
    wb[T.AREAS].cell(2, 1, "Thôn 1")
    wb.save(tmp_path / "mau.xlsx")
    src = read_template(tmp_path / "mau.xlsx", site)
    assert not src.read_errors, [str(e) for e in src.read_errors]
    assert T.header_fits(T.COLUMNS[T.AREAS][0][0], "Xã (phường, thị trấn)")  # a template made before


def test_the_home_page_names_a_province_only_when_the_data_does():
    assert "10/10 huyện, thành phố của tỉnh Kon Tum." in home.home_page(SITE)
    blank = home.home_page(_with(SITE, tinh=""))
    assert "của tỉnh" not in blank and " ." not in blank and "10 huyện, thành phố." in blank

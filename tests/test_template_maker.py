"""Issue 24: every unit's Excel template made from one made with openpyxl, the unit's own
texts put in their places (macros/exports/template.py, TemplateMaker): byte for byte the
workbook openpyxl makes for that unit, whatever its texts (long ones that take more lines,
markup characters, spaces, texts equal to the plan's), at a fraction of the cost."""

import dataclasses
import datetime as dt

import pytest

from macros.exports import template
from macros.loader import load_website
from tests.sitebuild import ROOT

WHEN = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)
NAMES = [
    "A",  # shorter than any
    "Đăk Glei Đăk Glei Đăk Glei Đăk Glei Đăk Glei Đăk Glei Đăk Glei Đăk Glei Đăk Glei",  # more lines
    "Sa Thầy & <Kon> \"Rẫy\" 'x'",  # escaped in XML
    "Đơn vị",  # the text of a label of the sheet
    " Ngọc Hồi ",  # spaces at either end: openpyxl marks them
    "=HYPERLINK(\"https://example.invalid\")",  # stays text
    "Tu Mơ Rông",  # as long as the real names (the template of another unit taken)
    "Kon <Plông>",
    "Ia H'Drai & Sa Thầy",
]


@pytest.fixture(scope="module")
def site():
    real = load_website(ROOT).plans[0]
    units = [u.model_copy(update={"ten": NAMES[i]}) if i < len(NAMES) else u
             for i, u in enumerate(real.units_file.don_vi)]
    return dataclasses.replace(real, units_file=real.units_file.model_copy(update={"don_vi": units}))


def test_every_units_template_is_the_one_openpyxl_makes(site):
    maker = template.TemplateMaker(site, WHEN)
    for unit in site.units:
        assert maker.make(unit.ma) == template.template_xlsx(site, unit.ma, WHEN), unit.ten


def test_most_templates_are_made_without_openpyxl(site):
    maker = template.TemplateMaker(site, WHEN)
    for unit in site.units:
        maker.make(unit.ma)
    # One per shape of the texts (and the odd unit whose texts openpyxl may write otherwise).
    assert maker.made_with_openpyxl <= len(site.units) - 3
    assert len(maker.skeletons) >= 2  # the long name takes more lines: a shape of its own


def test_a_unit_with_other_texts_than_the_template_taken_is_made_as_openpyxl_makes_it():
    # A unit given to no body (no «Ban» row) among units that have one: the template of
    # another unit has a text this one lacks; taking it would fail or leave the other's Ban in.
    real = load_website(ROOT).plans[0]
    second = real.units[1].ma
    site = dataclasses.replace(real)
    # the check of the data refuses such a plan (every unit or none given): the site's table of who has which unit
    site.__dict__["_assignment_of"] = {c: a for c, a in real._assignment_of.items() if c != second}
    assert site.department_of(second) is None and site.department_of(real.units[0].ma) is not None
    maker = template.TemplateMaker(site, WHEN)
    for unit in site.units:
        assert maker.make(unit.ma) == template.template_xlsx(site, unit.ma, WHEN), unit.ten
    assert maker.made_with_openpyxl < len(site.units)  # the others still taken from one another

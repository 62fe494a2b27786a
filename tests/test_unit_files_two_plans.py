"""Review r19o, defect 12 (its per-unit part): on a website of two plans of one year, each unit's own files (its
handout PDF, its calendar, its Excel report template) were named alike in both plans («khu-pho-vinh-loi.pdf»
twice): a cadre who downloads both gets one file over the other. The plan-level files were named apart last
session (Site.file_tag); now the units' files of the later plan carry the tag too, and the PDF writer writes
them where the registry says. A plan alone in its year (the 2023 site) keeps its exact names.
In-process, on the commune fixture copied twice (tests/test_r19o_render._same_year_twice)."""

import posixpath

from macros import outputs as registry
from macros.outputs import unit_slug
from macros.pdf import writer
from tests.test_level_words import SITE
from tests.test_r19o_render import _same_year_twice

UNIT_KEYS = ("handout", "unit_ics", "unit_template")


def _names(site) -> list[str]:
    return [posixpath.basename(o.path) for o in registry.outputs(site).files]


def test_no_file_of_two_plans_of_one_year_shares_a_name(tmp_path):
    first, second = _same_year_twice(tmp_path).plans
    assert first.file_tag == "" and second.file_tag
    names = [_names(first), _names(second)]
    assert any(n.endswith(".pdf") and n.startswith("thon-kon-klor") for n in names[0]), names[0]
    for made in names:
        assert len(made) == len(set(made)), made  # and none twice within one plan
    assert not set(names[0]) & set(names[1]), sorted(set(names[0]) & set(names[1]))
    # the earlier plan's units' files keep their names
    unit = first.units[0]
    assert registry.path(first, "handout", unit) == f"pdf/don-vi/{unit_slug(unit)}.pdf"
    assert registry.path(second, "handout", unit) == f"pdf/don-vi/{unit_slug(unit)}-{second.file_tag}.pdf"


def test_the_pdf_writer_writes_the_handouts_where_the_registry_says(tmp_path):
    second = _same_year_twice(tmp_path).plans[1]
    written = {j.rel for j in writer.jobs_for(second) if j.kind == "handout"}
    declared = {second.prefix + o.path for o in registry.outputs(second).by_key["handout"]}
    assert written == declared, (sorted(written), sorted(declared))


def test_a_plan_alone_in_its_year_keeps_its_units_file_names():
    unit = SITE.units[0]
    slug = unit_slug(unit)
    assert SITE.file_tag == ""
    assert [registry.path(SITE, k, unit) for k in UNIT_KEYS] == [
        f"pdf/don-vi/{slug}.pdf", f"tai-ve/lich/{slug}.ics", f"tai-ve/mau-bao-cao/mau-bao-cao-{unit.ma}-{slug}.xlsx"]

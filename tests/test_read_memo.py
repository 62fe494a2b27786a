"""Issue 24, the edit loop: under `mkdocs serve` each data file's parsed and validated result is
kept by the serve process (macros/readmemo.py, on the plugin's ServeMemory), so a save reads the
saved file only; the checks across files still run over the whole model, so an edit that breaks
one is refused exactly as a load from nothing refuses it. In-process, on a copy of the data."""

import pytest

from macros.errors import DataErrors
from macros.loader import load_website
from macros.readmemo import ReadMemo
from tests.sitebuild import copy_project

PLAN = "data/ke-hoach-2023"


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "p")


def refusal(root, memo=None) -> str:
    with pytest.raises(DataErrors) as exc:
        load_website(root, memo=memo)
    return str(exc.value)


def edit(root, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_save_parses_the_saved_file_only_and_loads_the_same_website(project):
    memo = ReadMemo()
    first = load_website(project, memo=memo)
    files = memo.parsed
    assert files > 5  # every data file, once
    assert load_website(project, memo=memo).plans[0].plan is first.plans[0].plan  # nothing saved: nothing parsed
    assert memo.parsed == 0
    edit(project, f"{PLAN}/don-vi.yaml", "ten_chinh_thuc: Huyện Đắk Glei", "ten_chinh_thuc: Huyện Đắk Glei Sửa")
    again = load_website(project, memo=memo)
    assert memo.parsed == 1
    fresh = load_website(project)
    for kept, new in zip(again.plans, fresh.plans):
        assert (kept.units_file, kept.plan, kept.org, kept.extra, kept.files) == \
               (new.units_file, new.plan, new.org, new.extra, new.files)
    assert again.info == fresh.info


@pytest.mark.parametrize("rel, old, new", [
    # a department the plan's assignments (ke-hoach.yaml, kept in the memo) name is renamed in co-quan.yaml
    (f"{PLAN}/co-quan.yaml", "ma: ban-phong-trao", "ma: ban-phong-trao-moi"),
    # a unit's code the assignments name is changed in don-vi.yaml
    (f"{PLAN}/don-vi.yaml", 'ma: "610"', 'ma: "6100"'),
    # the plan names a unit code don-vi.yaml (kept in the memo) does not have
    (f"{PLAN}/ke-hoach.yaml", "ban: ban-phong-trao", "ban: ban-khong-co"),
])
def test_an_edit_that_breaks_a_check_across_files_is_refused_as_a_load_from_nothing_refuses_it(project, rel, old, new):
    memo = ReadMemo()
    load_website(project, memo=memo)
    edit(project, rel, old, new)
    said = refusal(project, memo)
    assert memo.parsed == 1
    assert said == refusal(project)
    # saved back: good again, from the memo (no file parsed: both versions are known)
    edit(project, rel, new, old)
    load_website(project, memo=memo)
    assert memo.parsed == 0


def test_a_file_that_does_not_parse_is_refused_and_its_fix_is_read(project):
    memo = ReadMemo()
    load_website(project, memo=memo)
    edit(project, f"{PLAN}/don-vi.yaml", "tinh: Kon Tum", "tinh: [Kon Tum")
    assert refusal(project, memo) == refusal(project)
    edit(project, f"{PLAN}/don-vi.yaml", "tinh: [Kon Tum", "tinh: Kon Tum")
    assert load_website(project, memo=memo).plans[0].units_file.tinh == "Kon Tum"


def test_a_symlinked_data_file_is_refused_with_the_memo_too(project):
    memo = ReadMemo()
    load_website(project, memo=memo)
    units = project / PLAN / "don-vi.yaml"
    target = project / "don-vi-that.yaml"
    units.rename(target)
    units.symlink_to(target)
    assert refusal(project, memo) == refusal(project)

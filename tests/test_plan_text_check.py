"""The plan page says what the document says (review bad11 #1, macros/plan_words.py): a plan that names its
document's text (ke-hoach.yaml › van_ban_goc) is compared with it by the check and every build, in-process. One
change in the data (a word, a figure, a paragraph left out, a sentence added) gives one Vietnamese error naming
the data file, line and field (or the text's line); a plan that names no text is not compared, and the check says
so once. The import writes the text it read and names it.

In-process on a small imported plan (tests/plan_docx_fixtures.no_budget) and on a copy of the 2023 plan."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros import check, import_plan
from macros.errors import DataErrors
from macros.loader import load_plan
from macros.render import notice
from tests.plan_docx_fixtures import no_budget

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "kb"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    """A project holding one imported draft (data/kb/), its text in data/kb/van-ban-goc.txt."""
    root = tmp_path_factory.mktemp("plan-text")
    (root / "data").mkdir()
    for f in (ROOT / "data").glob("*.yaml"):
        shutil.copy(f, root / "data" / f.name)
    no_budget(root / "kh.docx")
    assert import_plan.main([str(root / "kh.docx"), "--goc", str(root), "--thu-muc", FOLDER]) == 0
    return root


def confirm(text: str) -> str:
    """ke-hoach.yaml of the draft as an editor leaves it when done: checklist emptied, da_doi_chieu true."""
    text = re.sub(r"(?m)^  can_xac_nhan:\n(?:  [- ].*\n|    .*\n)*", "  can_xac_nhan: []\n", text)
    assert text.count("da_doi_chieu: false") == 1
    return text.replace("da_doi_chieu: false", "da_doi_chieu: true")


def edited(project: Path, tmp_path: Path, old: str, new: str, file: str = "ke-hoach.yaml",
           confirmed: bool = True) -> Path:
    """A copy of `project` with one change; `confirmed`: the editor has set da_doi_chieu (a draft lists its
    differences from the text with its checklist instead: test_a_draft_lists_its_differences_and_builds)."""
    dest = tmp_path / "p"
    shutil.copytree(project / "data", dest / "data")
    path = dest / "data" / FOLDER / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    if confirmed:
        plan = dest / "data" / FOLDER / "ke-hoach.yaml"
        plan.write_text(confirm(plan.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def test_a_draft_lists_its_differences_and_builds(imported, tmp_path):
    """Issue 19: the strict build passes on a fresh draft. A difference the import made (or the editor made before
    confirming) is printed with the draft's checklist; once da_doi_chieu is true it stops the build."""
    root = edited(imported, tmp_path, "tương thân tương ái", "tương trợ tương ái", confirmed=False)
    site = load_plan(root, FOLDER)
    listed = notice.draft_checklist(site)
    assert "Trang Kế hoạch chưa khớp văn bản gốc" in listed and "tương trợ" in listed, listed
    assert site.draft_differences and not load_plan(imported, FOLDER).draft_differences


def errors_of(root: Path, folder: str = FOLDER) -> list:
    with pytest.raises(DataErrors) as caught:
        load_plan(root, folder)
    return caught.value.errors


def test_import_writes_the_text_it_read_and_names_it(imported):
    plan = (imported / "data" / FOLDER / "ke-hoach.yaml").read_text(encoding="utf-8")
    assert "\nvan_ban_goc: van-ban-goc.txt\n" in plan
    text = (imported / "data" / FOLDER / "van-ban-goc.txt").read_text(encoding="utf-8").splitlines()
    assert "2. Ngày hội tổ chức thiết thực, tiết kiệm, tránh phô trương, hình thức." in text
    assert "- Mỗi khu dân cư chọn không quá 03 hộ;" in text
    load_plan(imported, FOLDER)  # the fresh draft passes its own comparison


@pytest.mark.parametrize("old, new, field, words", [
    # a word
    ("tương thân tương ái", "tương trợ tương ái", "muc › mục 1 › doan › mục 1 › van_ban", "tương trợ"),
    # a figure
    ("không quá 03 hộ", "không quá 05 hộ", "muc › mục 2 › doan › mục 1 › doan › mục 2 › doan › mục 1 › van_ban",
     "05"),
    # a sentence added
    ("gắn với bữa cơm đoàn kết.", "gắn với bữa cơm đoàn kết. Mỗi hộ góp một món.", "muc › mục 3 › doan › mục 1",
     "Mỗi hộ góp một món."),
    # the signer
    ("nguoi_ky: Y Hiền", "nguoi_ky: Y Hiền Niê", "chu_ky › nguoi_ky", "Y Hiền Niê"),
])
def test_one_change_one_error_naming_the_field(imported, tmp_path, old, new, field, words):
    errors = errors_of(edited(imported, tmp_path, old, new))
    assert len(errors) == 1, "\n".join(map(str, errors))
    error = errors[0]
    assert error.file == f"data/{FOLDER}/ke-hoach.yaml" and error.line > 0
    assert error.field == field
    assert words in str(error)
    assert f"data/{FOLDER}/van-ban-goc.txt" in str(error)  # the text it was compared with


def test_a_paragraph_left_out_names_the_texts_line(imported, tmp_path):
    root = edited(imported, tmp_path, "      - ky_hieu: \"-\"\n        van_ban: Tặng giấy khen của Ban Thường trực.\n", "")
    errors = errors_of(root)
    assert len(errors) == 1, "\n".join(map(str, errors))
    text = (imported / "data" / FOLDER / "van-ban-goc.txt").read_text(encoding="utf-8").splitlines()
    line = text.index("- Tặng giấy khen của Ban Thường trực.") + 1
    said = str(errors[0])
    assert f"dòng {line} của văn bản gốc (data/{FOLDER}/van-ban-goc.txt)" in said
    assert "«- Tặng giấy khen của Ban Thường trực.»" in said


def test_a_line_of_the_text_changed_is_said_too(imported, tmp_path):
    """The office's text changed and the data not: the same comparison, read from the other side."""
    root = edited(imported, tmp_path, "tương thân tương ái", "tương thân, tương ái", file="van-ban-goc.txt")
    errors = errors_of(root)
    assert len(errors) == 1 and "tương thân, tương ái" in str(errors[0]), "\n".join(map(str, errors))


def test_a_missing_text_file_is_said_at_the_field(imported, tmp_path):
    root = edited(imported, tmp_path, "\nvan_ban_goc: van-ban-goc.txt\n", "\nvan_ban_goc: van-ban.txt\n")
    errors = errors_of(root)
    assert len(errors) == 1 and errors[0].field == "van_ban_goc" and "Không thấy tệp văn bản" in str(errors[0])


@pytest.fixture(scope="module")
def plan_2023(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("plan-2023")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "source", root / "source")
    return root


def test_the_published_plan_passes(plan_2023):
    site = load_plan(plan_2023, "ke-hoach-2023")
    assert site.plan.van_ban_goc == "source/ke-hoach-2023.txt"


def test_no_named_text_no_comparison_and_the_check_says_so(plan_2023, tmp_path, capsys):
    dest = tmp_path / "p"
    shutil.copytree(plan_2023, dest)
    path = dest / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nvan_ban_goc: source/ke-hoach-2023.txt\n", "\n")
                    .replace("dinh_muc: 5000000", "dinh_muc: 6000000"), encoding="utf-8")
    assert check.main(["--goc", str(dest)]) == 0  # typed by hand: nothing to compare with
    err = capsys.readouterr().err
    assert err.count("không ghi van_ban_goc") == 1, err
    assert check.main(["--goc", str(plan_2023)]) == 0
    assert "van_ban_goc" not in capsys.readouterr().err


@pytest.mark.parametrize("old, new, field", [
    ("dinh_muc: 5000000", "dinh_muc: 6000000", "kinh_phi › dinh_muc"),  # «6.000.000đ/01 đơn vị … = 60.000.000đ»
    ("toi_da: 4", "toi_da: 5", "cac_buoc › hoi_nghi › toi_da"),  # «từ 02 đến 05 hội nghị»
    ('han: "30/11/2023"', 'han: "25/11/2023"', "to_chuc_thuc_hien › bao_cao › han"),
    ('bat_dau: "4/2023"', 'bat_dau: "5/2023"', "thoi_gian_dia_diem › bat_dau"),
    ("nguoi_ky: Nguyễn Thị Lan", "nguoi_ky: Nguyễn Thị Lanh", "chu_ky › nguoi_ky"),
])
def test_the_published_plans_figures_and_names(plan_2023, tmp_path, old, new, field):
    dest = tmp_path / "p"
    shutil.copytree(plan_2023, dest)
    path = dest / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    errors = errors_of(dest, "ke-hoach-2023")
    assert [e.field for e in errors] == [field], "\n".join(map(str, errors))
    assert "source/ke-hoach-2023.txt" in str(errors[0])


def test_of_fields_with_the_same_words_the_one_of_the_differing_item_is_named():
    """Review r19t: three table amounts «45.000.000», «30.000.000», «10.000.000» read from a .txt as items «45.» +
    «000.000» each: every difference was laid to the first item's field, so the three were said as one error."""
    from types import SimpleNamespace

    from macros import plan_words

    data = {"muc": [{"doan": [{"ky_hieu": "45.", "van_ban": "000.000"}, {"ky_hieu": "30.", "van_ban": "000.000"},
                              {"ky_hieu": "10.", "van_ban": "000.000"}]}]}
    site = SimpleNamespace(sources={"plan": SimpleNamespace(data=data)})
    for k, block in enumerate(["45. 000.000", "30. 000.000", "10. 000.000"]):
        _, path, _ = plan_words._where(site, block, block, block)
        assert path == ("muc", 0, "doan", k, "van_ban"), (block, path)

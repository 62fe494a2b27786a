"""A budget whose total holds lines that belong to no unit, and a second source (review r19n, defect 3):
«Hội nghị sơ kết: 4.000.000 đồng», «xã hội hóa 10.000.000 đồng», «Tổng cộng: 24.500.000 đồng». Before, the
check refused the document's own total (`tong` had to be the units' sum, and the sentence «Tổng cộng: …»
was refused against that sum), so the section could not be structured without changing the plan's words.
Now `tong` may be more than the units' amounts when the section keeps its words (`doan`, which must write
it): the budget page lists the units' lines from the fields and gives the total only as the plan's
sentence, quoted; no page, spreadsheet or CSV prints a total the site adds up. In-process, on
tests/fixtures/ke-hoach-xa-cau-truc (units' amounts 10.500.000 đồng)."""

import pytest
import yaml

from macros.errors import DataErrors
from macros.exports import csv, xlsx
from macros.loader import load_website
from macros.render import budget, home
from tests.sitebuild import ROOT, one_plan_project
from tests.test_structured_verbatim import _Quoting

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
TOTAL_SENTENCE = "Tổng cộng: 24.500.000 đồng (Hai mươi bốn triệu năm trăm nghìn đồng)."


def _project(tmp_path, tong: int | None):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    section = next(s for s in data["muc"] if s.get("loai") == "kinh_phi")
    # the units' sum written after «=» (review r19n's plan: «05 đơn vị x 3.000.000 đồng = 15.000.000 đồng») is the
    # plan's too, beside its total
    section["doan"] += ["Hỗ trợ các thôn, làng theo bảng trên = 10.500.000 đồng;",
                        "Kinh phí tổ chức Hội nghị sơ kết: 4.000.000 đồng.",
                        "Ngoài ra, nguồn xã hội hóa: 10.000.000 đồng.", TOTAL_SENTENCE]
    if tong is not None:
        section["tong"] = tong
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("xa"), 24_500_000)).plans[0]


def test_the_plans_own_total_is_accepted(site):
    assert site.has_budget and site.total_beyond_units


def test_budget_page_quotes_the_total_and_adds_up_none(site):
    page = budget.budget_page(site)
    summary = page.split("## Theo đơn vị")[0]
    assert f"«{TOTAL_SENTENCE}»" in summary, summary
    assert "10.500.000" not in summary and "website cộng" not in page, summary
    table = budget.budget_table(site)
    assert "3.000.000" in table and "Tổng cộng" not in table and "10.500.000" not in table


def test_home_and_spreadsheets_print_no_sum_of_the_site(site):
    text = home.home_page(site)
    assert "10.500.000" not in text and "website cộng" not in text and "24.500.000" in text
    head, rows, total = xlsx.budget_rows(site)
    assert total is None and len(rows) == 4
    assert b"10500000" not in csv.budget_csv(site) and b"10.500.000" not in csv.budget_csv(site)


def test_a_total_below_the_units_is_still_refused(tmp_path):
    with pytest.raises(DataErrors) as exc:
        load_website(_project(tmp_path, 4_000_000))
    assert "cộng theo từng đơn vị được 10.500.000đ" in str(exc.value)


def test_without_tong_the_check_says_where_the_plans_total_goes(tmp_path):
    """The document's «Tổng cộng: 24.500.000 đồng» with no `tong`: the hint names the field, never «change the
    plan's sentence» (the only way before)."""
    with pytest.raises(DataErrors) as exc:
        load_website(_project(tmp_path, None))
    [error] = exc.value.errors
    assert "24.500.000 đồng" in error.message and "kinh_phi › tong" in error.hint, str(error)
    assert "sửa câu" not in error.hint

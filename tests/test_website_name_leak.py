"""A plan must not inherit another plan's website name and description (review r19n, defect 7).

The import added a commune's 2026 plan to data/website.yaml and left its `ten`/`mo_ta` as the 2023 Kon
Tum website's; built alone, every page's title, the meta description, the web app's name and the offline
ZIP's carried «Kế hoạch tuyên truyền, vận động năm 2023». Now the import lists the website's name and
description to confirm, and the check refuses a name or description with a year no plan on the website
writes. In-process."""


import pytest
import yaml

from macros.errors import DataErrors
from macros.loader import load_website
from tests.plan_docx_fixtures import no_budget
from tests.sitebuild import ROOT, imported_checklist, one_plan_project

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"


def _with_site_words(tmp_path, ten: str, mo_ta: str):
    root = one_plan_project(tmp_path / "du-an", FIXTURE, "ke-hoach-xa", "Kế hoạch của xã")
    path = root / "data" / "website.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["ten"], data["mo_ta"] = ten, mo_ta
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def test_site_name_of_a_plan_not_on_the_website_is_refused(tmp_path):
    real = yaml.safe_load((ROOT / "data" / "website.yaml").read_text(encoding="utf-8"))
    with pytest.raises(DataErrors) as caught:
        load_website(_with_site_words(tmp_path, real["ten"], real["mo_ta"]))
    text = str(caught.value)
    assert "data/website.yaml:1:" in text and "«ten»" in text and "«mo_ta»" in text, text
    assert "Tên website ghi năm 2023" in text and "Mô tả website ghi năm 2023" in text, text


def test_site_name_of_its_own_plan_passes(tmp_path):
    site = load_website(_with_site_words(tmp_path, "Kế hoạch của Ủy ban MTTQ Việt Nam xã năm 2026",
                                         "Toàn văn kế hoạch năm 2026 của xã."))
    assert site.info.ten.endswith("năm 2026")


def test_import_lists_the_website_name_to_confirm(tmp_path):
    line = next((c for c in imported_checklist(tmp_path, no_budget) if "tên website" in c), None)
    assert line is not None and "«Kế hoạch tuyên truyền, vận động năm 2023»" in line and "mo_ta" in line, line

"""Issue 19: a plan that lists its units gets their pages from what it has. End to end, strict, on a small
website (the four-village fixture plan as its only plan): the plan names its villages and their comrades' tasks
but gives no village to anyone (phan_cong › don_vi empty) and asks for no report (no bao_cao). The build
passes; each village has its page and its calendar, reached from the nav and the list; no compiled report,
no assignments page, no deadline anywhere, and the service worker caches no file that is not made.
The shapes one by one (no assignment, no report, no organisation section) are checked in-process in
tests/test_plan_shapes.py; this is the one build of such a plan (HTML and offline files, no PDF)."""

import json
import shutil

import pytest
import yaml

from tests.sitebuild import ROOT, build_once, copy_project, mkdocs_build_here, one_plan_project, page_text, \
    sidebar_targets
from tests.test_structured_verbatim import _Quoting  # noqa: F401 - the dumper that keeps «3.000.000» a text

FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc"
VILLAGES = ("thon-kon-klor", "thon-kon-ro-bang-1", "lang-plei-don", "thon-dak-hung")  # their pages' slugs


def _project(dest):
    project = copy_project(dest)
    shutil.rmtree(project / "data")  # the fixture plan alone
    one_plan_project(project, FIXTURE, "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    path = project / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    org = next(s for s in data["muc"] if s.get("loai") == "to_chuc_thuc_hien")
    for a in org["phan_cong"]:
        a["don_vi"] = []
    del org["bao_cao"]
    path.write_text(yaml.dump(data, Dumper=_Quoting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("don-vi-tu-du-lieu") / "site"
    return build_once(out, lambda o: mkdocs_build_here(_project(o.with_name("project")), o, KONTUM_PDF="0",
                                                       SOURCE_DATE_EPOCH="1764547200"))


def test_the_strict_build_makes_each_unit_page_and_nothing_it_cannot_fill(built):
    for village in VILLAGES:
        text = page_text(built, f"don-vi/{village}/index.html")
        # no assignee line (quan_he: «Phụ trách: …»), no report line; the steps' own words are quoted as written
        assert "Phụ trách:" not in text and "Báo cáo kết quả: Theo kế hoạch" not in text, text[:600]
        assert "Hạn kế hoạch" not in text and "ngày cuối" not in text.lower(), text
        assert (built / "tai-ve" / "lich" / f"{village}.ics").is_file()
    assert not (built / "phan-cong").exists() and not (built / "bao-cao-tong-hop").exists()
    assert "han-bao-cao" not in (built / "tai-ve" / "lich" / "thon-kon-klor.ics").read_text(encoding="utf-8")
    assert "don-vi" in sidebar_targets(built)["index.html"]  # every nav link leads to a built page (asserted there)
    progress = page_text(built, "ket-qua/index.html")
    assert "Hạn kế hoạch" not in progress and "Báo cáo tổng hợp" not in progress, progress[:800]
    # the service worker saves each unit's page and calendar, and no file the build did not make
    sw = (built / "sw.js").read_text(encoding="utf-8")
    start = sw.index("var PRECACHE = ") + len("var PRECACHE = ")
    cached = [path for path, _ in json.JSONDecoder().raw_decode(sw[start:])[0]["files"]]
    assert {f"don-vi/{v}/" for v in VILLAGES} | {f"tai-ve/lich/{v}.ics" for v in VILLAGES} <= set(cached)
    assert all((built / p).is_file() or (built / p / "index.html").is_file() for p in cached if p != "./")


def _site_without(report: bool, assigned: bool):
    """The 2023 plan's Site with no report asked (no bao_cao) and/or no unit given to any body."""
    import dataclasses

    from tests.results_fixtures import SITE

    org = SITE.plan.to_chuc_thuc_hien
    org = org.model_copy(update={"bao_cao": org.bao_cao if report else None,
                                 "phan_cong": [a if assigned else a.model_copy(update={"don_vi": []})
                                               for a in org.phan_cong]})
    plan = SITE.plan.model_copy(update={"muc": [org if m.loai == "to_chuc_thuc_hien" else m for m in SITE.plan.muc]})
    return dataclasses.replace(SITE, plan=plan)


@pytest.mark.parametrize("report,assigned", [(False, True), (True, False), (False, False)])
def test_a_template_without_the_rows_the_plan_lacks_imports_back(tmp_path, report, assigned):
    """The unit's Excel template has no «Ngày gửi báo cáo» row when the plan asks for no report, no assignee
    row when it gives the unit to no body; filled, it imports back to the unit's results, no report recorded."""
    import io

    import openpyxl

    from macros import import_report
    from macros.exports import template as T
    from tests.results_fixtures import ON_TIME
    from tests.test_results_exports import STAMP

    site = _site_without(report, assigned)
    wb = openpyxl.load_workbook(io.BytesIO(T.template_xlsx(site, ON_TIME, STAMP)))
    info = wb[T.INFO]
    labels = {info.cell(r.row, 1).value for r in T.INFO_ROWS}
    assert ("Ngày gửi báo cáo (ngày/tháng/năm; để trống nếu chưa gửi)" in labels) == report, labels
    assert (site.partner_label in labels) == assigned, labels
    guide = " ".join(str(c.value) for c in wb[T.GUIDE]["A"] if c.value)
    assert ("Ngày gửi báo cáo" in guide) == report
    info.cell(T.INFO_KEYS["giai_trinh"].row, 2, "Chi đúng dự toán.")
    wb[T.CONFERENCES].append(["10/6/2023", "Nhà văn hóa thôn", 120, 100, "1"])
    wb.save(tmp_path / "t.xlsx")
    _, code, text, _ = import_report.import_into(tmp_path / "t.xlsx", site=site)
    assert code == ON_TIME and "bao_cao" not in text and "so_nguoi: 120" in text, text

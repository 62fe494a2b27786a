"""How the plan calls its assigned departments together («các ban, văn phòng» in the 2023 plan) is
data (co-quan.yaml › ten_goi_cac_ban), not a word of the code: a commune's plan whose units are
«Ban Công tác Mặt trận» reads that name, and a plan whose data gives none gets sentences that name
none (never the 2023 plan's). In-process, on the plan's model."""

import datetime as dt
import re
from dataclasses import replace

import pytest

from macros.exports import ics
from macros.loader import load_site
from macros.model import OrgFile
from macros.outputs import FORMS
from macros.pdf import documents
from macros.render import assignments, home, progress, report, timeline, toolkit, units
from macros.results.load import results_of
from tests.sitebuild import ROOT

SITE = load_site(ROOT)
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _texts(site) -> dict[str, str]:
    results = results_of(site)
    receiver = site.plan.to_chuc_thuc_hien.bao_cao.noi_nhan
    # a unit the receiving department works with, and one another department works with
    ours = next(a.don_vi[0] for a in site.assignments if a.ban == receiver)
    other = next(a.don_vi[0] for a in site.assignments if a.ban != receiver)
    texts = {"home": home.home_page(site), "assignments": assignments.assignments_page(site),
             "receiver's unit": units.unit_page(site, ours), "other unit": units.unit_page(site, other),
             "receiver's handout": documents.handout_document(site, ours),
             "other handout": documents.handout_document(site, other),
             "progress": progress.progress_page(site, results), "unit results": progress.unit_section(site, results, other),
             "report": str(report.document_html(site, results)), "timeline": timeline.timeline_html(site),
             "calendar": ics.calendar(site, results, STAMP, other).decode().replace("\r\n ", ""),
             "toolkit": toolkit.toolkit_index(site)}
    texts.update({f"form {f.slug}": toolkit.form_page(site, f.slug) for f in FORMS})
    return texts


def _named(name: str):
    return replace(SITE, org=SITE.org.model_copy(update={"ten_goi_cac_ban": name}))


def _count(pattern: str, texts: dict[str, str]) -> dict[str, int]:
    return {k: len(re.findall(pattern, v, re.IGNORECASE)) for k, v in texts.items()}


# The compiled phrases that name the departments together, per text (the plan's own text, quoted
# on some of these pages, says «các Ban, Văn phòng» too: it stays as written).
COMPILED = {"home": 1, "assignments": 1, "receiver's unit": 1, "other unit": 1, "receiver's handout": 1,
            "other handout": 1, "progress": 2, "unit results": 1, "report": 1, "timeline": 2, "calendar": 4,
            "toolkit": 1, "form mau-bao-cao": 4}
OURS = r"ban\\?, văn phòng"


def test_the_2023_plan_names_its_departments_in_its_words():
    assert SITE.org.ten_goi_cac_ban == "ban, văn phòng"
    texts = _texts(SITE)
    assert "Các ban, văn phòng báo cáo\n    kết quả về Ban Phong trào" in texts["home"]
    assert "Kế hoạch đề nghị các Ban, Văn phòng gửi báo cáo kết quả về Ban Phong trào" in texts["report"]
    assert "LÃNH ĐẠO BAN, VĂN PHÒNG" in texts["form mau-bao-cao"]


def test_another_plans_name_for_its_departments():
    plan, other = _texts(SITE), _texts(_named("Ban Công tác Mặt trận"))
    before, after = _count(OURS, plan), _count(OURS, other)
    assert {k: before[k] - after[k] for k in before if before[k] != after[k]} == COMPILED
    gained = _count(r"Ban Công tác Mặt trận", other)
    assert {k: v for k, v in gained.items() if v} == COMPILED
    assert "Các Ban Công tác Mặt trận báo cáo\n    kết quả về Ban Phong trào" in other["home"]
    # not in the note's words: written as the data writes it
    assert "Kế hoạch đề nghị các Ban Công tác Mặt trận gửi báo cáo" in other["report"]
    assert "LÃNH ĐẠO BAN CÔNG TÁC MẶT TRẬN" in other["form mau-bao-cao"]
    assert "Ban Công tác Mặt trận báo cáo:" in re.sub(r"<[^>]+>", "", other["form mau-bao-cao"])


def test_a_plan_without_the_name_names_none():
    plan, blank = _texts(SITE), _texts(_named(""))
    before, after = _count(OURS, plan), _count(OURS, blank)
    assert {k: before[k] - after[k] for k in before if before[k] != after[k]} == COMPILED
    for name, text in blank.items():
        assert not re.search(r"\bcác\s+(báo cáo|gửi|khác|và)\b|\s,|cuối  ", text, re.IGNORECASE), name
    assert "Báo cáo kết quả gửi về Ban Phong trào trước ngày" in blank["home"]
    assert "Kế hoạch đề nghị gửi báo cáo kết quả về Ban Phong trào" in blank["report"]
    assert "Ban Phong trào nhận báo cáo và tổng hợp báo cáo kết quả" in blank["assignments"]
    assert "Ngày cuối gửi báo cáo kết quả về Ban Phong trào" in blank["timeline"]
    assert "Hạn kế hoạch đặt cho báo cáo gửi về Ban Phong trào" in blank["calendar"]
    assert "<strong>Nơi gửi:</strong>" in blank["form mau-bao-cao"]
    assert "<strong>LÃNH ĐẠO</strong>" in blank["form mau-bao-cao"]


def test_the_name_is_written_without_its_cac():
    from pydantic import ValidationError

    data = SITE.org.model_dump()
    with pytest.raises(ValidationError, match="bỏ chữ «các» đứng đầu"):
        OrgFile.model_validate({**data, "ten_goi_cac_ban": "các ban, văn phòng"})
    assert OrgFile.model_validate({**data, "ten_goi_cac_ban": "cán bộ"}).ten_goi_cac_ban == "cán bộ"


def test_the_import_leaves_the_name_blank_and_lists_it(tmp_path):
    """The import cannot tell the plan's name for its departments: blank, and on the checklist."""
    from tests.test_import_plan import PLANS, load, run

    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    for f in (ROOT / "data").glob("*.yaml"):
        (project / "data" / f.name).write_bytes(f.read_bytes())
    src = tmp_path / "bang.docx"
    PLANS["bang-phan-cong"](src)
    assert run(project, src, "--thu-muc", "bang") == 0
    org = load(project, "bang", "co-quan.yaml")
    assert org["ban"] and "ten_goi_cac_ban" not in org
    assert any("ten_goi_cac_ban" in c and "để trống" in c
               for c in load(project, "bang")["nhap_tu_dong"]["can_xac_nhan"])

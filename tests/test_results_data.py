"""Results as data: the model, the checks against the plan (file:line:column in
Vietnamese), the statuses and totals, the hand-written YAML form."""

import pytest

from macros.errors import DataErrors
from macros.results import progress as pg
from macros.results import yamlout
from tests.results_fixtures import LATE_OVER, NO_REPORT, ON_TIME, SITE, fixture_text, results_of, with_results


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return results_of(with_results(tmp_path_factory.mktemp("kq")))


def test_repository_ships_no_results():
    from tests.sitebuild import ROOT
    assert not list((ROOT / "data" / "ke-hoach-2023" / "ket-qua").glob("*.y*ml"))
    real = results_of(ROOT)
    assert real.empty and not real.report.da_ban_hanh and real.report.so == ""
    assert {p.status for p in pg.all_progress(SITE, real)} == {pg.NO_DATA}


def test_statuses_of_the_three_fixture_units(results):
    status = {p.unit.ma: p.status for p in pg.all_progress(SITE, results)}
    assert status[ON_TIME] == pg.REPORTED
    assert status[LATE_OVER] == pg.REPORTED  # sent after 30/11/2023, but that date binds the Bans, not the unit
    assert status[NO_REPORT] == pg.IN_PROGRESS
    assert [c for c, s in status.items() if s == pg.NO_DATA] == ["608", "611", "613", "615", "616", "617", "618"]


def test_deadline_is_before_the_day_the_plan_names():
    # "trước ngày 30/11/2023": the 29th is on time, the 30th is not.
    import datetime as dt
    assert pg.on_time(dt.date(2023, 11, 29), dt.date(2023, 11, 30))
    assert not pg.on_time(dt.date(2023, 11, 30), dt.date(2023, 11, 30))


def test_summary_adds_up(results):
    s = pg.summary(SITE, results)
    assert (s.with_data, s.conferences) == (3, 6)
    assert (s.attendance, s.minority) == (120 + 95 + 80 + 150 + 140 + 60, 104 + 95 + 71 + 130 + 121 + 58)
    assert (s.spent, s.budget_with_data, s.budget) == (4_800_000 + 5_600_000 + 1_500_000, 15_000_000, 50_000_000)
    over = [p.unit.ma for p in pg.all_progress(SITE, results) if p.over_budget]
    assert over == [LATE_OVER]
    assert pg.percent(579, 645) == "89,8%" and pg.percent(1, 0) == "—"


def test_over_budget_with_an_explanation_is_a_warning(results):
    assert [w.file for w in results.warnings] == [f"data/ke-hoach-2023/ket-qua/{LATE_OVER}.yaml"]
    assert "vượt kinh phí được giao 5.000.000đ" in results.warnings[0].message
    # the unit's own words quoted, no verdict of the site's («Đã có giải trình»)
    assert results.warnings[0].message.endswith("Đơn vị ghi: “Số liệu mẫu để kiểm thử; phần vượt do đơn vị tự bù.”")


@pytest.mark.parametrize("code", [ON_TIME, LATE_OVER, NO_REPORT])
def test_writer_gives_back_the_hand_written_file(results, code):
    assert yamlout.dump(SITE, results.of(code)) == fixture_text(code)


def _errors(tmp_path, text: str, name: str = "610.yaml") -> list[str]:
    with pytest.raises(DataErrors) as info:
        results_of(with_results(tmp_path, {name: text}))
    return [str(e) for e in info.value.errors]


def _warnings(tmp_path, text: str) -> list[str]:
    return [str(w) for w in results_of(with_results(tmp_path, {"610.yaml": text})).warnings]


BASE = fixture_text(ON_TIME)
CASES = [
    # (old, new, fragments of one message)
    ('  ngay: "15/5/2023"', '  ngay: "15/3/2023"',
     ["data/ke-hoach-2023/ket-qua/610.yaml:13:3", "«khao_sat › ngay»", "Ngày khảo sát 15/3/2023 nằm ngoài thời gian thực hiện",
      "từ tháng 4/2023 đến 30/11/2023"]),
    ('  - ngay: "14/9/2023"', '  - ngay: "14/12/2023"', ["data/ke-hoach-2023/ket-qua/610.yaml:28:5", "hoi_nghi › mục 3 › ngay",
                                                          "Ngày hội nghị 14/12/2023 nằm ngoài"]),
    ("noi_dung: [hop-tac-xa-trong-rung]", "noi_dung: [hop-tac-xa-trong-rng]",
     ["hoi_nghi › mục 3 › noi_dung › mục 1", "Không có nội dung mã «hop-tac-xa-trong-rng»",
      "có phải «hop-tac-xa-trong-rung»?"]),
    ("    so_nguoi_dtts: 71", "    so_nguoi_dtts: 81", ["data/ke-hoach-2023/ket-qua/610.yaml:31:5", "lớn hơn tổng số người dự (80)"]),
    # Spending over the budget without a note is a warning, not an error: tests/test_overspend_note.py
    ('  ngay_gui: "24/11/2023"', '  ngay_gui: "01/9/2023"',
     ["data/ke-hoach-2023/ket-qua/610.yaml:42:3", "trước hội nghị cuối cùng (14/9/2023)"]),
    ("  ban: ban-dan-chu-phap-luat", "  ban: ban-dan-chu-phap-luatt", ["Không có ban mã", "có phải «ban-dan-chu-phap-luat»?"]),
    ("  ban: ban-dan-chu-phap-luat", "  ban: van-phong", ["do Ban Dân chủ - Pháp luật phối hợp"]),
    ('don_vi: "610"', 'don_vi: "601"', ["data/ke-hoach-2023/ket-qua/610.yaml:6:1", "Không có đơn vị mã «601»", "có phải «610» (huyện Đăk Glei, theo tên tệp)?"]),
    ('don_vi: "610"', 'don_vi: "611"', ["mang tên mã đơn vị", "data/ke-hoach-2023/ket-qua/611.yaml"]),
    ('  ngay: "15/5/2023"', "  ngay: 2023-05-15", ["khao_sat › ngay", 'trong dấu nháy, dạng ngày/tháng/năm: "15/5/2023"']),
    ("    so_nguoi: 120", "    so_nguoi: nhiều", ["hoi_nghi › mục 1 › so_nguoi", "Cần một số nguyên"]),
    ("    so_nguoi: 120", "    so_nguoii: 120", ["«so_nguoii» không có trong mẫu", "có phải «so_nguoi»?"]),
]


@pytest.mark.parametrize("old,new,fragments", CASES)
def test_bad_results_name_file_line_field(tmp_path, old, new, fragments):
    assert old in BASE
    messages = _errors(tmp_path, BASE.replace(old, new, 1))
    assert any(all(f in m for f in fragments) for m in messages), messages


def test_a_units_conference_count_is_not_held_to_the_plans_02_to_04(tmp_path):
    """The plan's «Tổ chức từ 02 đến 04 hội nghị» sets no number for each unit (issue 20):
    five conferences in one unit are no warning, and nothing says «kế hoạch giao»."""
    one = BASE.replace('''  - ngay: "22/7/2023"''', '''  - ngay: "01/7/2023"
    dia_diem: Thôn Mẫu 1
    so_nguoi: 10
    so_nguoi_dtts: 10
    noi_dung: [mo-hinh-hay]
  - ngay: "02/7/2023"
    dia_diem: Thôn Mẫu 1
    so_nguoi: 10
    so_nguoi_dtts: 10
    noi_dung: [mo-hinh-hay]
  - ngay: "22/7/2023"''')
    warnings = _warnings(tmp_path, one)
    assert not [w for w in warnings if "hội nghị" in w and ("02 đến 04" in w or "kế hoạch giao" in w)], warnings


def test_report_file_marked_issued_needs_number_and_date(tmp_path):
    root = with_results(tmp_path)
    (root / "data" / "ke-hoach-2023" / "bao-cao.yaml").write_text(
        "ky_hieu: BC-MTTQ-BTT\nso: \"\"\nngay_ban_hanh: \"\"\nda_ban_hanh: true\n"
        "ky:\n  quyen_han: TM. BAN THƯỜNG TRỰC\nluu: [VT, BPT]\n", encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        results_of(root)
    text = "\n".join(str(e) for e in info.value.errors)
    assert "data/ke-hoach-2023/bao-cao.yaml:2:1" in text and "phải có số" in text and "phải có ngày ban hành" in text


def test_a_yml_file_is_reported(tmp_path):
    root = with_results(tmp_path)
    (root / "data" / "ke-hoach-2023" / "ket-qua" / "611.yml").write_text('don_vi: "611"\n', encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        results_of(root)
    assert "đuôi .yaml" in str(info.value.errors[0])


def test_results_files_point_at_their_schema():
    import json

    from macros import schema
    from tests.sitebuild import ROOT
    for code in (ON_TIME, LATE_OVER, NO_REPORT):
        assert fixture_text(code).splitlines()[0] == "# yaml-language-server: $schema=../../../schema/ket-qua.schema.json"
    report = (ROOT / "data" / "ke-hoach-2023" / "bao-cao.yaml").read_text(encoding="utf-8")
    assert report.splitlines()[0] == "# yaml-language-server: $schema=../../schema/bao-cao.schema.json"
    doc = json.loads((ROOT / "schema" / "ket-qua.schema.json").read_text(encoding="utf-8"))
    assert doc["additionalProperties"] is False and "Mã đơn vị" in doc["properties"]["don_vi"]["description"]
    assert set(schema.results_schemas()) == {"ket-qua", "bao-cao"}


def test_data_check_command_reads_the_results(tmp_path, capsys):
    from macros import check
    from tests.sitebuild import copy_project
    root = with_results(copy_project(tmp_path / "du-an"))
    assert check.main(["--goc", str(root)]) == 0
    out = capsys.readouterr()
    assert "kết quả: 3 đơn vị có số liệu" in out.out and "Lưu ý: data/ke-hoach-2023/ket-qua/612.yaml:" in out.err
    path = root / "data" / "ke-hoach-2023" / "ket-qua" / "610.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('  - ngay: "14/9/2023"', '  - ngay: "14/12/2023"'),
                    encoding="utf-8")
    assert check.main(["--goc", str(root)]) == 1
    err = capsys.readouterr().err
    assert "data/ke-hoach-2023/ket-qua/610.yaml:28:5" in err and "Traceback" not in err


def test_results_pages_and_downloads_are_in_the_address_check(tmp_path):
    """A hand-written docs/ket-qua.md would take the progress page's address: the loader's
    uniqueness check (paths_unique) sees the results pages, downloads and report PDF."""
    from macros import paths_unique
    from macros.render.pages import page_origins

    paths = {o.path for o in page_origins(SITE)}
    assert {"ket-qua.md", "bao-cao-tong-hop.md", "pdf/bao-cao-tong-hop-2023.pdf",
            "tai-ve/lich-ke-hoach-2023.ics", "tai-ve/ket-qua-2023.csv"} <= paths
    assert len([p for p in paths if p.startswith("tai-ve/mau-bao-cao/")]) == len(SITE.units)
    (tmp_path / "ket-qua.md").write_text("# Trang viết tay\n", encoding="utf-8")
    problems = paths_unique.collisions(page_origins(SITE, tmp_path))
    assert any("ket-qua" in str(p) and "docs/ket-qua.md" in str(p) for p in problems), problems


def test_report_pdf_is_one_of_the_plans_pdf_jobs(tmp_path):
    """The compiled report goes through pdf/writer (cache, parallel) with the plan's other
    PDFs, under the plan's prefix; a plan without results has no report job."""
    import dataclasses

    from macros.pdf import writer

    assert "report" not in {j.kind for j in writer.jobs_for(SITE)}
    site = dataclasses.replace(SITE, results=results_of(with_results(tmp_path)))
    report = [j for j in writer.jobs_for(site) if j.kind == "report"]
    assert [j.rel for j in report] == ["pdf/bao-cao-tong-hop-2023.pdf"]
    assert "Dự thảo" in report[0].meta.title and "Đăk Glei" in report[0].html


def test_every_status_has_its_colour_in_the_stylesheet():
    """The status chip's class is kq-status--<status>: a status renamed without its rule
    would lose its colour on the progress page and the unit pages."""
    from pathlib import Path
    css = (Path(__file__).resolve().parents[1] / "docs" / "assets" / "results.css").read_text(encoding="utf-8")
    assert all(f".kq-status--{status} {{" in css for status in pg.STATUS_LABELS), pg.STATUS_LABELS

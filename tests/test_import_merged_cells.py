"""Review r19e, failure 2: a task table whose «Ban Phong trào» cell spans two rows in Word imported
the second row with an empty unit, and the page had no rowspan: a reader concluded the task had no
unit. Review r19j B1: writing the text in every row it spans printed it twice. A merged cell's text is now
written once, in its first cell, and the merge in o_gop: the page spans it (rowspan, colspan) as the file does,
and the checklist says the table had merged cells."""

from tests.plan_docx_fixtures import commune_villages, merged_cells
from tests.test_import_plan import imported, load, project, rendered, run  # noqa: F401 - project is a fixture

def test_a_merged_cell_is_written_once_and_spans_the_rows_and_columns_it_covers(project, tmp_path, capsys):
    from macros.loader import load_plan
    from macros.render.plan import plan_page

    plan = imported(project, tmp_path, capsys, merged_cells, "xa")
    tables = [b for s in plan["muc"] for b in s.get("doan", []) if isinstance(b, dict) and "bang" in b]
    assert [t["bang"] for t in tables] == [[
        ["TT", "Nội dung công việc", "Đơn vị thực hiện"],
        ["1", "Tổ chức Lễ kỷ niệm cấp xã", "Ban Phong trào"],
        ["2", "Kiểm tra, giám sát", ""],
        ["3", "Tổng kết, báo cáo (các ban)", ""]]]
    assert tables[0]["o_gop"] == [{"dong": 2, "cot": 3, "so_dong": 2, "so_cot": 1},
                                  {"dong": 4, "cot": 2, "so_dong": 1, "so_cot": 2}]
    assert any("ô gộp" in c for c in plan["nhap_tu_dong"]["can_xac_nhan"]), plan["nhap_tu_dong"]["can_xac_nhan"]
    page = rendered(project, "xa")
    assert page.count("Ban Phong trào") == 1 and page.count("Tổng kết, báo cáo (các ban)") == 1, page
    html = plan_page(load_plan(project, "xa"))
    assert '<td rowspan="2">Ban Phong trào</td>' in html and '<td colspan="2">Tổng kết, báo cáo (các ban)</td>' in html


def test_a_table_without_merged_cells_has_no_merged_cells_line(project, tmp_path, capsys):
    src = tmp_path / "xa.docx"
    commune_villages(src)
    assert run(project, src, "--thu-muc", "xa") == 0, capsys.readouterr().err
    assert not any("ô gộp" in c for c in load(project, "xa")["nhap_tu_dong"]["can_xac_nhan"])


def test_an_odt_with_merged_cells_imports_as_its_docx(project, saved_as_odt, capsys):
    """The same table saved as .odt by LibreOffice (covered-table-cell under a spanning cell; conftest:
    saved_as_odt) imports to the same table rows and the same checklist line as the .docx."""
    src, odt = saved_as_odt / "xa.docx", saved_as_odt / "xa.odt"
    assert run(project, src, "--thu-muc", "w") == 0, capsys.readouterr().err
    assert run(project, odt, "--thu-muc", "o") == 0, capsys.readouterr().err

    def tables(plan):
        return [(b["bang"], b.get("o_gop")) for s in plan["muc"] for b in s.get("doan", [])
                if isinstance(b, dict) and "bang" in b]

    from_word, from_odt = load(project, "w"), load(project, "o")
    assert tables(from_odt) == tables(from_word) and tables(from_word)[0][0][1][2] == "Ban Phong trào"
    assert any("ô gộp" in c for c in from_odt["nhap_tu_dong"]["can_xac_nhan"])

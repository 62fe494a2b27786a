"""Review r19s (five published plans rebuilt as Word files, and a news article): a file that is not a plan is
refused, Word's «I-»/«1-» numbering, a section heading right after a .txt table, «Số:  85  - KH/ HNDT», the
header's dash rules. Every file is written here, with our own wording in the shape of the reviewed ones."""

import pytest

from macros import import_plan
from macros.import_plan import import_file
from macros.plan_import.blocks import NotAPlan
from tests.test_import_plan import load, project, run  # noqa: F401 - project is a fixture

# A news article about a commune's festival, saved as .txt: a headline, «Căn cứ …» and «Thực hiện …» lines
# (a news item quotes the plans it reports on), dates, a picture's caption. No kind line, no header, no numbered
# section, no signature (review r19s defect 1: imported as a plan, 31 checklist items, published).
ARTICLE = [
    "Ngày hội Đại đoàn kết ở thôn Đăk Lung năm 2026",
    "Ngày hội Đại đoàn kết toàn dân tộc tại các thôn của xã Ngọc Tem năm 2026",
    "Căn cứ Hướng dẫn số: 07/HD-MTTQ-BTT, ngày 02/10/2026",
    "của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh về tổ chức Ngày hội Đại đoàn kết",
    "toàn dân tộc năm 2026.",
    "Ngày 14 tháng 11 năm 2026, các thôn của xã Ngọc Tem đã tổ chức kéo co, nhảy bao bố, đẩy gậy tại sân "
    "vận động xã, đông đảo bà con tới cổ vũ.",
    "Hình ảnh: Đội kéo co của thôn Đăk Lung trong phần thi chung kết.",
]


def _txt(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_news_article_is_not_a_plan_and_nothing_is_written(project, tmp_path, capsys):
    src = _txt(tmp_path / "tin-ngay-hoi.txt", ARTICLE)
    before = {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}
    assert run(project, src, "--thu-muc", "tin") == 1
    err = capsys.readouterr().err
    assert {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()} == before
    assert not (project / "data" / "tin").exists()
    # what was looked for and not found, and how to proceed
    for words in ("không phải một kế hoạch", "«KẾ HOẠCH»", "«HƯỚNG DẪN»", "«CHƯƠNG TRÌNH»", "«Số: …/…»",
                  "quốc hiệu", "các mục đánh số", "«Nơi nhận»", "Nghị định 30/2020", "Chưa ghi tệp nào"):
        assert words in err, words
    assert "Traceback" not in err
    with pytest.raises(NotAPlan):
        import_file(src)


# Each of these has one part of a plan only (Nghị định 30/2020): enough to be imported (and listed), never refused.
ONE_MARK = {
    "ten-loai": ["KẾ HOẠCH", "Tổ chức Ngày hội Đại đoàn kết ở thôn Đăk Lung", *ARTICLE[5:]],
    "so-ngay": ["Số: 12/KH-MTTQ", "Ngọc Tem, ngày 02 tháng 10 năm 2026", *ARTICLE[5:]],
    "quoc-hieu": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", *ARTICLE[5:]],
    "hai-muc": [ARTICLE[5], "I. MỤC ĐÍCH", "Cổ vũ tinh thần đoàn kết.", "II. TỔ CHỨC THỰC HIỆN",
                "Các thôn thực hiện."],
    "phan-ky": [*ARTICLE[5:], "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Y Lan"],
    "noi-nhan": [*ARTICLE[5:], "Nơi nhận:", "- Các thôn;", "- Lưu VT."],
}


@pytest.mark.parametrize("name", ONE_MARK)
def test_a_text_with_one_part_of_a_plan_is_imported(project, tmp_path, name):
    assert run(project, _txt(tmp_path / f"{name}.txt", ONE_MARK[name]), "--thu-muc", name) == 0
    assert load(project, name)["muc"]


def test_the_article_with_a_kind_line_added_imports(project, tmp_path):
    """The refusal's advice (add the kind line and the subject at the top) is enough."""
    src = _txt(tmp_path / "them-ten-loai.txt", ["KẾ HOẠCH", *ARTICLE])
    assert run(project, src, "--thu-muc", "them") == 0
    assert load(project, "them")["van_ban"]["loai"] == "Kế hoạch"

"""Bad data stops the build with a Vietnamese message naming file, line and field."""

from pathlib import Path

import pytest

from macros.errors import DataErrors
from macros.loader import load_site
from tests.plandata import data_file
from tests.sitebuild import ROOT, copy_project, mkdocs_build
from tests.sitebuild import unname_text


def project_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    project = copy_project(tmp_path / "project")
    unname_text(project)  # its words are changed below
    path = data_file(project, file)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return project


def errors_for(tmp_path, file, old, new) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_site(project_with(tmp_path, file, old, new))
    return [str(e) for e in info.value.errors]


def test_real_data_is_valid():
    site = load_site(ROOT)
    assert len(site.units) == 10 and site.total == 50_000_000


CASES = [
    # (file, old, new, expected fragments of one message)
    ("don-vi.yaml", "tinh: Kon Tum", "tinh: Kon Tum\ntihn: x",
     ["data/ke-hoach-2023/don-vi.yaml:13:1", "«tihn» không có trong mẫu", "có phải «tinh»?"]),
    ("ke-hoach.yaml", 'don_vi: ["611", "610"]', 'don_vi: ["611", "Dak Glei"]',
     ["data/ke-hoach-2023/ke-hoach.yaml:", "phan_cong › mục 4 › don_vi › mục 2", "Không có đơn vị mã «Dak Glei»",
      "có phải mã «610» (huyện Đăk Glei)?"]),
    ("ke-hoach.yaml", 'don_vi: ["611", "610"]', 'don_vi: ["611", "610", "618"]',
     ["được giao hai lần", "phan_cong › mục 1"]),
    ("ke-hoach.yaml", 'don_vi: ["611", "610"]', 'don_vi: ["611"]',
     ["huyện Đăk Glei", "chưa được giao cho ban nào"]),
    ("ke-hoach.yaml", "dinh_muc: 5000000", "dinh_muc: 5000000\n    tong: 40000000",
     ["kinh_phi › tong", "ghi 40.000.000đ nhưng cộng theo từng đơn vị được 50.000.000đ"]),
    ("ke-hoach.yaml", "dinh_muc: 5000000", "dinh_muc: 5000000\n    tong_bang_chu: Bốn mươi triệu đồng chẵn",
     ["kinh_phi › tong_bang_chu", "đúng là «Năm mươi triệu đồng chẵn»"]),
    ("ke-hoach.yaml", 'bat_dau: "4/2023"', "bat_dau: 2023-04-01",
     ["thoi_gian_dia_diem › bat_dau", "YAML đã tự đổi", "2023-04-01"]),
    ("ke-hoach.yaml", 'han: "30/11/2023"', 'han: "15/12/2023"',
     ["bao_cao › han", "nằm ngoài thời gian thực hiện"]),
    ("ke-hoach.yaml", "toi_thieu: 2", "toi_thieu: 5", ["hoi_nghi › toi_thieu", "lớn hơn tối đa"]),
]


@pytest.mark.parametrize("file,old,new,fragments", CASES)
def test_bad_data_message(tmp_path, file, old, new, fragments):
    messages = errors_for(tmp_path, file, old, new)
    assert any(all(f in m for f in fragments) for m in messages), "\n".join(messages)


def test_build_stops_with_the_message_and_no_traceback(tmp_path):
    project = project_with(tmp_path, "ke-hoach.yaml", 'don_vi: ["611", "610"]', 'don_vi: ["611", "Dak Glei"]')
    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    assert result.returncode != 0
    assert "Không có đơn vị mã «Dak Glei»" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (out / "index.html").exists()


def test_a_missing_units_file_is_named_once(tmp_path):
    import shutil
    from macros.errors import DataErrors
    from macros.loader import load_website
    root = tmp_path / "p"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    (root / "data" / "ke-hoach-2023" / "don-vi.yaml").unlink()
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    text = str(exc.value)
    assert "không có tệp data/ke-hoach-2023/don-vi.yaml" in text and "Không có đơn vị mã" not in text, text


def test_a_plan_without_sections_says_so(tmp_path):
    import shutil
    from macros.errors import DataErrors
    from macros.loader import load_website
    root = tmp_path / "p"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    path = root / "data" / "ke-hoach-2023" / "ke-hoach.yaml"
    t = path.read_text(encoding="utf-8")
    path.write_text(t[:t.index("muc:\n  - loai:")] + "muc: []\n" + t[t.index("ket_luan:"):], encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    assert "Kế hoạch không có mục nào" in exc.value.errors[0].message, str(exc.value)

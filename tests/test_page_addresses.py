"""Issue 12, class 2: two things never share one address, and every file in
data/ is read or refused — none silently skipped or published under a mangled name."""

import shutil

import pytest

from macros.errors import DataErrors
from macros.paths_unique import Origin, address, collisions
from macros.render.pages import generated_pages, page_origins
from macros.site import load_site
from tests.sitebuild import ROOT


def test_addresses_fold_index_pages_and_case():
    assert address("index.md") == "/"
    assert address("so-tay/index.md") == address("so-tay.md") == address("SO-TAY/Index.md") == "/so-tay/"
    assert address("pdf/don-vi/a.pdf") == "/pdf/don-vi/a.pdf"


def test_collisions_name_both_sources_and_point_at_the_later():
    pages = [Origin("don-vi/huyen-dak-ha.md", "data/don-vi.yaml", 41, 5, "don_vi › mục 6 › ten", "Huyện Đăk Hà"),
             Origin("ke-hoach.md", "docs/ke-hoach.md"),
             Origin("don-vi/huyen-dak-ha.md", "data/don-vi.yaml", 56, 5, "don_vi › mục 9 › ten", "Huyện Đăk-Hà")]
    [error] = collisions(pages)
    assert (error.file, error.line, error.field) == ("data/don-vi.yaml", 56, "don_vi › mục 9 › ten")
    assert "«/don-vi/huyen-dak-ha/»" in error.message
    assert "data/don-vi.yaml:41" in error.message and "Huyện Đăk Hà" in error.message and "Huyện Đăk-Hà" in error.message
    assert collisions(pages[:2]) == []


def test_every_generated_page_and_pdf_is_in_the_origins():
    site = load_site(ROOT)
    origins = page_origins(site, ROOT / "docs")
    paths = {o.path for o in origins}
    assert {p.path for p in generated_pages(site)} <= paths
    assert any(p.endswith(".pdf") for p in paths)
    assert collisions(origins) == []


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "goc"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def messages(root) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_site(root)
    return [str(e) for e in info.value.errors]


def test_unit_names_that_slug_alike(project):
    units = project / "data" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8")
    # Tu Mơ Rông renamed "Đăk-Hà": a different name, the same address as Đăk Hà.
    # (The old name stays in ten_khac so that the duty text still names the unit.)
    text = text.replace("ten: Tu Mơ Rông\n    ten_chinh_thuc: Huyện Tu Mơ Rông\n    ten_khac: []",
                        "ten: Đăk-Hà\n    ten_chinh_thuc: Huyện Tu Mơ Rông\n    ten_khac: [Tu Mơ Rông]")
    units.write_text(text, encoding="utf-8")
    [message] = [m for m in messages(project) if "cùng một địa chỉ" in m and ".pdf" not in m]
    assert "«/don-vi/huyen-dak-ha/»" in message and "Huyện Đăk Hà" in message and "Huyện Đăk-Hà" in message
    assert message.startswith("data/don-vi.yaml:")


@pytest.mark.parametrize("name,other", [("index.yaml", "docs/so-tay/index.md"),
                                        ("van-ban.yaml", "data/van-ban.yaml")])
def test_chapter_named_like_another_page(project, name, other):
    shutil.copy(project / "data" / "so-tay" / "cuoc-van-dong.yaml", project / "data" / "so-tay" / name)
    found = [m for m in messages(project) if "cùng một địa chỉ" in m]
    assert found and f"data/so-tay/{name}" in found[0] and other in found[0], found


def test_hand_written_page_over_a_generated_one(project):
    (project / "docs" / "so-tay" / "cuoc-van-dong.md").write_text("# Trùng\n", encoding="utf-8")
    [message] = [m for m in messages(project) if "cùng một địa chỉ" in m]
    assert "docs/so-tay/cuoc-van-dong.md" in message and "data/so-tay/cuoc-van-dong.yaml" in message


@pytest.mark.parametrize("name,fragments", [
    ("Mo-hinh-moi.yaml", ["data/so-tay/Mo-hinh-moi.yaml", "chữ thường không dấu", "«mo-hinh-moi.yaml»"]),
    ("mô-hình.yaml", ["chữ thường không dấu", "«mo-hinh.yaml»"]),
    ("mo hinh.yaml", ["«mo-hinh.yaml»"]),
    ("mo-hinh.yml", ["đuôi «.yml»", "«mo-hinh.yaml»"]),
    ("mo-hinh.YAML", ["đuôi «.YAML»"]),
    ("ghi-chu.txt", ["không phải dữ liệu YAML"]),
])
def test_chapter_file_with_an_unexpected_name(project, name, fragments):
    shutil.copy(project / "data" / "so-tay" / "mo-hinh-hay.yaml", project / "data" / "so-tay" / name)
    found = messages(project)
    assert any(all(f in m for f in fragments) for m in found), found
    # and it is not published: no page is generated from it
    assert not any("cùng một địa chỉ" in m for m in found)


def test_unknown_file_or_folder_in_data(project):
    shutil.copy(project / "data" / "co-quan.yaml", project / "data" / "co-quan.yml")
    (project / "data" / "ban-nhap").mkdir()
    (project / "data" / "so-tay" / "cu").mkdir()
    found = messages(project)
    assert any("data/co-quan.yml" in m and "«co-quan.yaml»" in m for m in found), found
    assert any("data/ban-nhap" in m and "Thư mục" in m for m in found), found
    assert any("data/so-tay/cu" in m and "Thư mục con" in m for m in found), found


def test_notes_and_hidden_files_are_allowed(project):
    (project / "data" / "README.md").write_text("Ghi chú\n", encoding="utf-8")
    (project / "data" / "so-tay" / ".gitkeep").write_text("", encoding="utf-8")
    load_site(project)


def test_a_flood_of_files_is_refused_quickly(project):
    import time

    from macros.datafiles import MAX_ITEMS

    source = (project / "data" / "so-tay" / "mo-hinh-hay.yaml").read_bytes()
    for i in range(MAX_ITEMS + 1):
        (project / "data" / "so-tay" / f"ban-sao-{i}.yaml").write_bytes(source)
    start = time.perf_counter()
    found = messages(project)
    assert time.perf_counter() - start < 2
    assert any("data/so-tay" in m and "quá nhiều tệp" in m for m in found), found[:3]

"""Issue 12, class 2: two things never share one address, and every file in
data/ is read or refused — none silently skipped or published under a mangled name."""

import shutil

import pytest

from macros.errors import DataErrors
from macros.paths_unique import Origin, address, collisions
from macros.render.pages import page_origins, plan_pages
from macros.loader import load_site
from tests.sitebuild import ROOT
from tests.sitebuild import unname_text


def test_addresses_fold_index_pages_and_case():
    assert address("index.md") == "/"
    assert address("so-tay/index.md") == address("so-tay.md") == address("SO-TAY/Index.md") == "/so-tay/"
    assert address("pdf/don-vi/a.pdf") == "/pdf/don-vi/a.pdf"


def test_collisions_name_both_sources_and_point_at_the_later():
    pages = [Origin("don-vi/huyen-dak-ha.md", "data/ke-hoach-2023/don-vi.yaml", 41, 5, "don_vi › mục 6 › ten", "Huyện Đăk Hà"),
             Origin("ke-hoach.md", "docs/ke-hoach.md"),
             Origin("don-vi/huyen-dak-ha.md", "data/ke-hoach-2023/don-vi.yaml", 56, 5, "don_vi › mục 9 › ten", "Huyện Đăk-Hà")]
    [error] = collisions(pages)
    assert (error.file, error.line, error.field) == ("data/ke-hoach-2023/don-vi.yaml", 56, "don_vi › mục 9 › ten")
    assert "«/don-vi/huyen-dak-ha/»" in error.message
    assert "data/ke-hoach-2023/don-vi.yaml:41" in error.message and "Huyện Đăk Hà" in error.message and "Huyện Đăk-Hà" in error.message
    assert collisions(pages[:2]) == []


def test_every_generated_page_and_pdf_is_in_the_origins():
    site = load_site(ROOT)
    origins = page_origins(site, ROOT / "docs")
    paths = {o.path for o in origins}
    assert {p.path for p in plan_pages(site)} <= paths
    assert any(p.endswith(".pdf") for p in paths)
    assert collisions(origins) == []


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "goc"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def messages(root) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_site(root)
    return [str(e) for e in info.value.errors]


def test_unit_names_that_slug_alike(project):
    units = project / "data" / "ke-hoach-2023" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8")
    # Tu Mơ Rông renamed "Đăk-Hà": a different name, the same address as Đăk Hà.
    # (The old name stays in ten_khac so that the duty text still names the unit.)
    text = text.replace("ten: Tu Mơ Rông\n    ten_chinh_thuc: Huyện Tu Mơ Rông\n    ten_khac: []",
                        "ten: Đăk-Hà\n    ten_chinh_thuc: Huyện Tu Mơ Rông\n    ten_khac: [Tu Mơ Rông]")
    units.write_text(text, encoding="utf-8")
    [message] = [m for m in messages(project) if "cùng một địa chỉ" in m and ".pdf" not in m]
    assert "«/don-vi/huyen-dak-ha/»" in message and "Huyện Đăk Hà" in message and "Huyện Đăk-Hà" in message
    assert message.startswith("data/ke-hoach-2023/don-vi.yaml:")


@pytest.mark.parametrize("name,other", [("index.yaml", "data/ke-hoach-2023/ke-hoach.yaml"),
                                        ("van-ban.yaml", "data/van-ban.yaml")])
def test_chapter_named_like_another_page(project, name, other):
    shutil.copy(project / "data" / "ke-hoach-2023" / "so-tay" / "cuoc-van-dong.yaml", project / "data" / "ke-hoach-2023" / "so-tay" / name)
    found = [m for m in messages(project) if "cùng một địa chỉ" in m]
    assert found and f"data/ke-hoach-2023/so-tay/{name}" in found[0] and other in found[0], found


def test_hand_written_page_over_a_generated_one(project):
    (project / "docs" / "so-tay").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "so-tay" / "cuoc-van-dong.md").write_text("# Trùng\n", encoding="utf-8")
    [message] = [m for m in messages(project) if "cùng một địa chỉ" in m]
    assert "docs/so-tay/cuoc-van-dong.md" in message and "data/ke-hoach-2023/so-tay/cuoc-van-dong.yaml" in message


@pytest.mark.parametrize("name,fragments", [
    ("Mo-hinh-moi.yaml", ["data/ke-hoach-2023/so-tay/Mo-hinh-moi.yaml", "chữ thường không dấu", "«mo-hinh-moi.yaml»"]),
    ("mô-hình.yaml", ["chữ thường không dấu", "«mo-hinh.yaml»"]),
    ("mo hinh.yaml", ["«mo-hinh.yaml»"]),
    ("mo-hinh.yml", ["đuôi «.yml»", "«mo-hinh.yaml»"]),
    ("mo-hinh.YAML", ["đuôi «.YAML»"]),
    ("ghi-chu.txt", ["không phải dữ liệu YAML"]),
])
def test_chapter_file_with_an_unexpected_name(project, name, fragments):
    shutil.copy(project / "data" / "ke-hoach-2023" / "so-tay" / "mo-hinh-hay.yaml", project / "data" / "ke-hoach-2023" / "so-tay" / name)
    found = messages(project)
    assert any(all(f in m for f in fragments) for m in found), found
    # and it is not published: no page is generated from it
    assert not any("cùng một địa chỉ" in m for m in found)


def test_unknown_file_or_folder_in_data(project):
    shutil.copy(project / "data" / "ke-hoach-2023" / "co-quan.yaml", project / "data" / "ke-hoach-2023" / "co-quan.yml")
    (project / "data" / "ban-nhap").mkdir()
    (project / "data" / "ke-hoach-2023" / "so-tay" / "cu").mkdir()
    found = messages(project)
    assert any("data/ke-hoach-2023/co-quan.yml" in m and "«co-quan.yaml»" in m for m in found), found
    assert any("data/ban-nhap" in m and "Thư mục" in m for m in found), found
    assert any("data/ke-hoach-2023/so-tay/cu" in m and "Thư mục con" in m for m in found), found


def test_notes_and_hidden_files_are_allowed(project):
    (project / "data" / "README.md").write_text("Ghi chú\n", encoding="utf-8")
    (project / "data" / "ke-hoach-2023" / "so-tay" / ".gitkeep").write_text("", encoding="utf-8")
    load_site(project)


def test_a_flood_of_files_is_refused_quickly(project):
    import time

    from macros.datafiles import MAX_ITEMS

    source = (project / "data" / "ke-hoach-2023" / "so-tay" / "mo-hinh-hay.yaml").read_bytes()
    for i in range(MAX_ITEMS + 1):
        (project / "data" / "ke-hoach-2023" / "so-tay" / f"ban-sao-{i}.yaml").write_bytes(source)
    start = time.perf_counter()
    found = messages(project)
    assert time.perf_counter() - start < 2
    assert any("data/ke-hoach-2023/so-tay" in m and "quá nhiều tệp" in m for m in found), found[:3]


# --- issue 21 item 5: addresses across plans, slugs never empty nor too long -----
def _two_plans(tmp_path, prefix: str):
    root = tmp_path / "goc"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    shutil.copytree(ROOT / "tests" / "fixtures" / "ke-hoach-mau", root / "data" / "ke-hoach-mau")
    website = root / "data" / "website.yaml"
    website.write_text(website.read_text(encoding="utf-8") + f"  - thu_muc: ke-hoach-mau\n    duong_dan: \"{prefix}\"\n"
                       "    ten: Kế hoạch mẫu dùng để kiểm thử\n", encoding="utf-8")
    return root


def _errors(root) -> list:
    from macros.loader import load_website

    with pytest.raises(DataErrors) as caught:
        load_website(root)
    return caught.value.errors


def test_a_second_plan_cannot_take_the_first_plans_handbook_address(tmp_path):
    errors = _errors(_two_plans(tmp_path, "so-tay/"))
    clash = [e for e in errors if "«/so-tay/»" in e.message]
    assert clash, [str(e) for e in errors]
    assert clash[0].file == "data/website.yaml" and clash[0].field == "ke_hoach › mục 2 › duong_dan" and clash[0].line
    assert "Hai kế hoạch có trang cùng một địa chỉ" in clash[0].message and "Sổ tay" in clash[0].message


@pytest.mark.parametrize("prefix", ["don-vi/", "pdf/", "tai-ve/"])
def test_a_prefix_naming_a_folder_of_the_first_plan_is_refused(tmp_path, prefix):
    errors = _errors(_two_plans(tmp_path, prefix))
    assert any(e.field == "ke_hoach › mục 2 › duong_dan" and ("Hai kế hoạch" in e.message or "kế hoạch khác" in e.message)
               for e in errors), \
        [str(e) for e in errors]


def test_a_second_plan_with_its_own_prefix_is_accepted(tmp_path):
    from macros.loader import load_website

    assert len(load_website(_two_plans(tmp_path, "ke-hoach-mau/")).plans) == 2


def _unit_errors(tmp_path, old: str, new: str) -> list:
    root = tmp_path / "goc"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    units = root / "data" / "ke-hoach-2023" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8")
    assert old in text
    units.write_text(text.replace(old, new, 1), encoding="utf-8")
    return _errors(root)


@pytest.mark.parametrize("name", ["§", "“…”", "- -"])
def test_a_name_without_letters_makes_no_empty_address(tmp_path, name):
    errors = _unit_errors(tmp_path, "ten: Ngọc Hồi", f'ten: "{name}"')
    [error] = [e for e in errors if e.field == "don_vi › mục 3 › ten"]
    assert error.file == "data/ke-hoach-2023/don-vi.yaml" and error.line == 26
    assert "không có chữ cái hay chữ số nào" in error.message


def test_a_name_whose_address_is_too_long_never_reaches_the_file_system(tmp_path):
    name = ("Ngọc Hồi " * 23)[:199].strip()  # a name within 200 characters, "huyen-ngoc-hoi-…" over 200
    errors = _unit_errors(tmp_path, "ten: Ngọc Hồi", f"ten: {name}")
    [error] = [e for e in errors if e.field == "don_vi › mục 3 › ten"]
    assert "địa chỉ tạo từ tên quá dài" in error.message.lower()


def test_a_327_character_name_is_refused_with_a_message(tmp_path):
    errors = _unit_errors(tmp_path, "ten: Ngọc Hồi", "ten: " + ("Ngọc Hồi " * 37)[:327].strip())
    assert any(e.field == "don_vi › mục 3 › ten" and "Tên quá dài" in e.message for e in errors)


def test_a_town_and_a_district_of_one_name_are_two_units(tmp_path):
    """«thị trấn Đăk Hà» beside «huyện Đăk Hà»: a real pair (level + name differ), two pages."""
    from macros.loader import load_site
    from macros.render import links

    root = tmp_path / "goc"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    plan = root / "data" / "ke-hoach-2023"
    units = plan / "don-vi.yaml"
    # the list's first item (fields may follow the list: don-vi.yaml › dia_ban_chon)
    units.write_text(units.read_text(encoding="utf-8").replace("\ndon_vi:\n", '\ndon_vi:\n  - ma: "23500"\n    cap: thị trấn\n'
                     "    ten: Đăk Hà\n    ten_chinh_thuc: Thị trấn Đắk Hà\n    ten_khac: [Đắk Hà, Dak Ha]\n", 1),
                     encoding="utf-8")
    text = (plan / "ke-hoach.yaml").read_text(encoding="utf-8")
    (plan / "ke-hoach.yaml").write_text(text.replace('don_vi: ["608", "615"]', 'don_vi: ["608", "615", "23500"]'),
                                        encoding="utf-8")
    site = load_site(root)
    pages = {links.unit_page(u) for u in site.units if u.ten == "Đăk Hà"}
    assert pages == {"don-vi/huyen-dak-ha.md", "don-vi/thi-tran-dak-ha.md"}


def test_two_units_of_one_level_and_name_are_still_refused(tmp_path):
    errors = _unit_errors(tmp_path, "ten: Ngọc Hồi", "ten: Đắk Hà")
    assert any("trùng (khi bỏ dấu)" in e.message for e in errors), [str(e) for e in errors]


@pytest.mark.parametrize("path", ["ke-hoach/index.html", "sw.js", "tai-ve/ke-hoach-tuyen-truyen-van-dong-nam-2023.zip"])
def test_the_loader_refuses_a_download_over_a_page_or_a_site_file(project, monkeypatch, path):
    """Review: a download row writing the plan page's file, the service worker or the site's
    ZIP replaced it silently; the loader now stops with the row's file, line and field."""
    from macros import outputs as registry
    from macros.loader import load_website
    where = lambda site, item, i: Origin("", "data/tai-ve-them.yaml", 4, 3, "tep › mục 1 › duong_dan")
    row = registry.Row("extra_file", "csv", path, "Tệp thêm", ("plan",), page="assignments", label="CSV", origin=where)
    monkeypatch.setattr(registry, "ROWS", registry.ROWS + (row,))
    with pytest.raises(DataErrors) as info:
        load_website(project)
    [error] = [e for e in info.value.errors if e.file == "data/tai-ve-them.yaml"]
    assert (error.line, error.field) == (4, "tep › mục 1 › duong_dan")
    assert "Hai trang cùng một địa chỉ" in error.message and path in error.message


# --- review bad11 e12: an editor's temporary or backup file is never to be renamed over the real one --
@pytest.mark.parametrize("folder,name,real", [
    ("so-tay", "~$mo-hinh-hay.yaml", "mo-hinh-hay.yaml"),
    ("so-tay", "mo-hinh-hay.yaml.bak", "mo-hinh-hay.yaml"),
    ("so-tay", "mo-hinh-hay.yaml~", "mo-hinh-hay.yaml"),
    ("so-tay", "mo-hinh-hay.bak", "mo-hinh-hay.yaml"),
    ("", "co-quan.bak", "co-quan.yaml"),
    ("", "~$co-quan.yaml", "co-quan.yaml"),
])
def test_editor_temporary_file_is_to_be_deleted_not_renamed(project, folder, name, real):
    where = project / "data" / "ke-hoach-2023" / folder
    shutil.copy(where / real, where / name)
    found = [m for m in messages(project) if name in m]
    assert len(found) == 1, found
    assert "tệp tạm" in found[0] and "xóa tệp" in found[0] and f"«{real}»" in found[0], found
    assert "đổi tên thành" not in found[0], found


def test_rename_hint_never_points_at_an_existing_file(project):
    where = project / "data" / "ke-hoach-2023" / "so-tay"
    shutil.copy(where / "mo-hinh-hay.yaml", where / "Mo-Hinh-Hay.yaml")
    [found] = [m for m in messages(project) if "Mo-Hinh-Hay.yaml" in m]
    assert "đổi tên thành" not in found and "«mo-hinh-hay.yaml» đã có" in found, found


def test_two_plans_of_one_name_are_refused(tmp_path):
    # review bad11 w17: the home page listed two identical links
    root = _two_plans(tmp_path, "mau/")
    website = root / "data" / "website.yaml"
    website.write_text(website.read_text(encoding="utf-8").replace("Kế hoạch mẫu dùng để kiểm thử",
                                                                   "Kế hoạch tuyên truyền, vận động năm 2023"),
                       encoding="utf-8")
    found = [str(e) for e in _errors(root)]
    assert any("data/website.yaml" in m and "«ke_hoach › mục 2 › ten»" in m and "trùng" in m for m in found), found

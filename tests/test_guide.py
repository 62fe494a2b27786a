"""mkdocs-macros for real (issue 22): «Cách dùng trang này» (docs/cach-dung.md) is
written by hand, and every figure, name, file name, deadline and link it shows
comes from a macro (macros/render/macro_list.py -> render/guide.py, bound by
macros/adapters/macros_env.py). Tested in-process on the real data and on a
two-plan website; one search check reads the shared build."""

import importlib.util
import posixpath
import re
import shutil
from pathlib import Path

import jinja2
import pytest

from macros.dates import format_date
from macros.loader import load_website
from macros.render import guide, links, macro_list, provenance
from macros.render.pages import Catalog
from macros import outputs as registry
from macros.exports.downloads import download_paths
from macros.text import fold
from tests.sitebuild import ROOT
from tests.sitebuild import unname_text

PAGE = ROOT / "docs" / "cach-dung.md"
FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-mau"
TWO_PLANS = """
  - thu_muc: ke-hoach-mau
    duong_dan: ke-hoach-mau/
    ten: Kế hoạch mẫu dùng để kiểm thử (năm 2026)
"""


def _macros_env():
    spec = importlib.util.spec_from_file_location("macros_env_under_test", ROOT / "macros/adapters/macros_env.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FakeEnv:
    """What mkdocs-macros hands define_env: macro(), variables, conf, page."""

    def __init__(self, conf, src_uri: str):
        self.macros, self.variables, self.conf = {}, {}, conf
        self.page = type("Page", (), {"file": type("File", (), {"src_uri": src_uri})()})()

    def macro(self, fn, name):
        self.macros[name] = fn


def _conf(root: Path, website):
    from mkdocs.config import load_config

    from macros.adapters import build_state

    config = load_config(str(root / "mkdocs.yml"))
    config["site_name"] = website.info.ten  # as the hooks' on_config sets it
    build_state.attach(config, build_state.BuildState(root, website, dir_urls=True, pdf_ok=True))
    return config


@pytest.fixture(scope="module")
def website():
    return load_website(ROOT)


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    root = tmp_path_factory.mktemp("hai-ke-hoach")
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(FIXTURE, root / "data" / "ke-hoach-mau")
    site_file = root / "data" / "website.yaml"
    site_file.write_text(site_file.read_text(encoding="utf-8") + TWO_PLANS.lstrip("\n"), encoding="utf-8")
    return load_website(root)


def _env(website, src_uri="cach-dung.md"):
    env = FakeEnv(_conf(ROOT, website), src_uri)
    _macros_env().define_env(env)
    return env


# -- one registry of macros ---------------------------------------------------------------

def test_macros_are_declared_once_and_provenance_reads_that_list(website):
    assert provenance.MACRO_DATA is macro_list.MACRO_DATA
    env = _env(website)
    assert set(env.macros) == set(macro_list.MACROS)  # the adapter declares none of its own
    assert env.variables["ten_website"] == website.info.ten
    # a stub holding a whole-page macro is changed in data/; the guide's prose in docs/
    site = website.plans[0]
    assert provenance.page_source(site, "a.md", "{{ kinh_phi() }}", {}).edit == site.data_file("plan")
    assert provenance.page_source(site, "cach-dung.md", PAGE.read_text(encoding="utf-8"), {}).edit == \
        "docs/cach-dung.md"


def test_plan_macros_render_the_plan_named_and_refuse_an_unknown_one_in_vietnamese(two_plans):
    env = _env(two_plans)
    from macros.render import units

    assert env.macros["danh_sach_don_vi"]("ke-hoach-mau") == units.units_index(two_plans.plans[1])
    assert env.macros["kinh_phi"]() == env.macros["kinh_phi"]("ke-hoach-2023")
    with pytest.raises(Exception) as info:  # was StopIteration, with no message
        env.macros["kinh_phi"]("ke-hoach-sai")
    assert "không có kế hoạch «ke-hoach-sai» trong data/website.yaml" in str(info.value)
    assert "ke-hoach-2023, ke-hoach-mau" in str(info.value)
    # mkdocs-macros prints this line (its format_error), not a traceback
    from mkdocs_macros.errors import format_error

    line = format_error(info.value, "", env.page)
    assert line.startswith("docs/cach-dung.md: không có kế hoạch") and "Traceback" not in line
    with pytest.raises(jinja2.UndefinedError) as info:
        jinja2.Environment(undefined=jinja2.StrictUndefined).from_string("{{ ke_hoch() }}").render()
    line = format_error(info.value, "", env.page)
    assert line.startswith("docs/cach-dung.md: không có macro hay biến «ke_hoch». Các macro: trang_chu,")


@pytest.mark.parametrize("page, expected", [
    # printed uncalled: was «<function bind.<locals>.plan_macro at 0x…>» on the page, the build green
    ("{{ kinh_phi }}", "macro «kinh_phi» được dùng mà không gọi, trang sẽ in ra tên hàm: viết {{ kinh_phi() }}"),
    ("Tệp: {{ ngoai_tuyen }}.", "viết {{ ngoai_tuyen() }}"),
    # wrong arguments: was a raw English TypeError
    ("{{ ngoai_tuyen(1) }}", "macro «ngoai_tuyen» không nhận đối số nào: viết ngoai_tuyen(); trang gọi ngoai_tuyen(1)."),
    ("{{ kinh_phi(1, 2) }}", "macro «kinh_phi» không nhận đối số, hoặc nhận một: thư mục của một kế hoạch"),
    ("{{ tien_do(ke_hoach='x') }}", "trang gọi tien_do(ke_hoach='x')"),
])
def test_a_macro_misused_stops_with_a_vietnamese_line_naming_the_page(website, page, expected):
    """Review: a macro without brackets published its function's repr; wrong arguments
    stopped the build in English. Jinja as mkdocs-macros sets it (no autoescape, strict)."""
    from mkdocs_macros.errors import format_error

    env = _env(website, "tong-hop.md")
    template = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(page)
    with pytest.raises(Exception) as info:
        template.render(**env.macros)
    line = format_error(info.value, page, env.page)
    assert line.startswith("docs/tong-hop.md: macro «") and expected in line, line
    assert "function" not in line and "TypeError" not in line and "argument" not in line
    # the same macros, called rightly, still render
    assert "Nguồn kinh phí" in template.environment.from_string("{{ kinh_phi() }}").render(**env.macros)
    assert str(env.macros["co_ban_in"]()) in ("True", "False")


@pytest.mark.parametrize("page, expected", [
    ("{{ kinh_phi }}", "docs/tong-hop.md: macro «kinh_phi» được dùng mà không gọi"),
    ("{{ kinh_phi(1, 2) }}", "docs/tong-hop.md: macro «kinh_phi» không nhận đối số, hoặc nhận một"),
])
def test_a_real_build_stops_on_a_misused_macro(tmp_path, page, expected):
    """The same through mkdocs-macros (on_error_fail): the build stops at the page (~4 s,
    no PDFs: the page fails before them), one Vietnamese line, no traceback."""
    from tests.sitebuild import copy_project, mkdocs_build_here

    project = copy_project(tmp_path / "p")
    (project / "docs" / "tong-hop.md").write_text(f"# Tổng hợp\n\n{page}\n", encoding="utf-8")
    result = mkdocs_build_here(project, tmp_path / "site", KONTUM_PDF="0")
    assert result.returncode != 0
    assert expected in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "site" / "tong-hop" / "index.html").exists()


# -- the guide's facts, from the model ------------------------------------------------------

def test_guide_facts_come_from_the_data(website):
    env = _env(website)
    site = website.plans[0]
    [plan] = env.macros["ke_hoach"]()
    unit = guide.example_unit(site)
    assert plan.so_don_vi == str(len(site.units)) and plan.ten_goi_don_vi == site.plan.ten_goi_don_vi
    assert fold(unit.ten) != unit.ten.lower()  # a name with marks: what typing without them shows
    assert plan.don_vi_vi_du == links.unit_title(unit)
    assert plan.trang_don_vi_vi_du == links.unit_page(unit)
    assert f"tai-ve/mau-bao-cao/{plan.mau_excel_vi_du}" in download_paths(site)  # a file the build writes
    assert plan.mau_excel_vi_du == posixpath.basename(registry.path(site, "unit_template", unit))
    assert plan.ngay_vi_du == format_date(site.plan.to_chuc_thuc_hien.bao_cao.han)
    assert format_date(site.plan.to_chuc_thuc_hien.bao_cao.han) in plan.han_bao_cao
    assert plan.so_noi_dung == str(len(site.plan.noi_dung.muc))
    assert plan.tep_ket_qua_vi_du == f"data/{site.key}/ket-qua/{unit.ma}.yaml"
    # every link is a page of this build (MkDocs checks them too; --strict fails on a broken one)
    pages = set(Catalog(website).pages)
    targets = [plan.trang_chu, plan.ke_hoach, plan.so_tay, plan.bo_cong_cu, plan.danh_sach_don_vi, plan.ket_qua,
               plan.mau_bao_cao_giay, plan.trang_don_vi_vi_du] + [href for _, href in plan.mau_in]
    assert set(targets) <= pages, set(targets) - pages
    offline = env.macros["ngoai_tuyen"]()
    from macros.adapters import offline_hooks

    assert offline.zip_name == posixpath.basename(offline_hooks.zip_path(env.conf))  # the one the build writes
    assert offline.zip_cap == "15,0 MB" and offline.shared_name == "goi-chung.zip"
    report = env.macros["nhap_bao_cao"]()
    assert report.lenh == f".venv/bin/python -m macros.import_report {plan.mau_excel_vi_du}"
    assert env.macros["co_ban_in"]() is True


def test_import_command_names_a_real_module_and_its_options():
    from macros import import_report

    assert import_report.__name__ == guide.IMPORT_MODULE
    source = Path(import_report.__file__).read_text(encoding="utf-8")
    for option in guide.IMPORT_OPTIONS:
        assert f'"{option}"' in source, option


def test_links_are_relative_to_the_page_that_shows_them(website):
    env = _env(website, "huong-dan/cach-dung.md")
    [plan] = env.macros["ke_hoach"]()
    assert plan.danh_sach_don_vi == "../don-vi.md" and plan.trang_chu == "../index.md"


def test_search_examples_are_typed_without_marks_and_lead_to_pages(website):
    examples = _env(website).macros["tim_khong_dau"]()
    assert [e.go for e in examples] == ["dak glei", "kinh phi dak glei", "chu truong chinh sach phap luat"]
    assert all(e.go == fold(e.go) and re.fullmatch(r"[a-z0-9 ]+", e.go) for e in examples)


# -- the page itself ------------------------------------------------------------------------

def _render(env) -> str:
    """docs/cach-dung.md as mkdocs-macros renders it (strict undefined, as mkdocs.yml sets)."""
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    jinja.globals.update(env.macros)
    return jinja.from_string(PAGE.read_text(encoding="utf-8")).render(**env.variables)


def _prose(text: str) -> str:
    """The page as written, without its Jinja (tags, expressions, comments)."""
    return re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", text, flags=re.S)


def test_the_page_types_no_figure_file_name_or_address():
    prose = _prose(PAGE.read_text(encoding="utf-8"))
    prose = re.sub(r"(?m)^\s*\d+\. ", "", prose)  # the numbers of numbered steps
    assert not re.findall(r"\d", prose.replace("Ctrl + P", "").replace("A4", ""))
    assert not re.search(r"\.(?:xlsx|zip|yaml|pdf|ics)\b|data/|tai-ve/|\]\([^){\s]", prose)


# Labels the page quotes that are the browser's or the phone's, not this site's.
BROWSER_LABELS = {"Thêm vào màn hình chính", "Chia sẻ…", "In", "Đi", "Lưu"}


def test_every_label_the_page_quotes_is_on_the_site():
    sources = "".join(p.read_text(encoding="utf-8") for folder in ("overrides", "macros")
                      for p in (ROOT / folder).rglob("*") if p.suffix in {".html", ".js", ".py"})
    labels = set(re.findall(r"«([^»{}]+)»", _prose(PAGE.read_text(encoding="utf-8"))))
    assert labels
    for label in labels - BROWSER_LABELS:
        for part in filter(None, (p.strip(" ,") for p in label.split("…"))):  # "…": a figure shown there
            assert part in sources, label


def test_the_page_makes_sense_with_one_plan_and_with_two(website, two_plans):
    one = _render(_env(website))
    assert "Danh sách 10 huyện, thành phố" in one and "Kế hoạch mẫu" not in one
    assert "None" not in one and "[]" not in one
    two = _render(_env(two_plans))
    assert "**Kế hoạch mẫu dùng để kiểm thử (năm 2026):** [Danh sách 120 xã](ke-hoach-mau/don-vi.md)" in two
    assert "**Kế hoạch tuyên truyền, vận động năm 2023:** [Danh sách 10 huyện, thành phố](don-vi.md)" in two
    assert "### Kế hoạch mẫu dùng để kiểm thử (năm 2026)" in two  # its own report steps and deadline
    assert two.count("Hạn kế hoạch đặt cho") == 2
    assert "[trang chủ](tong-quan.md)" in two  # the first plan's home, when the list of plans is index.md


def test_the_page_is_in_the_nav_after_the_home_page(website, two_plans):
    assert Catalog(website).nav[1] == {"Cách dùng trang này": "cach-dung.md"}
    nav = Catalog(two_plans).nav
    assert nav[0] == {"Trang chủ": "index.md"} and nav[1] == {"Cách dùng trang này": "cach-dung.md"}


# -- on the built site ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def box(site, browser):
    """The worker's searching tab (tests/browser.py: Reader.search_box) at a phone's width."""
    from tests.browser import reader

    shared = reader(browser)
    box = shared.search_box(shared.base(site), 360, 740)
    yield box
    box.close()


def test_the_search_examples_open_their_page_and_the_guide_is_found(box, website):
    examples = guide.search_examples(guide.Context(website, "cach-dung.md"))
    guide_queries = ("cach dung", "cach dung trang nay", "in trang", "tai ve chep sang may khac")
    # All in one call into the page, each as search(query, typed=False) puts it in the box
    # (tests/test_search.py checks that typing gives the same results).
    answers = box.search_each([example.go for example in examples] + list(guide_queries))
    first_hits = {query: [r["href"] for r in results] for query, results in answers.items()}
    for example in examples:
        target = "/" + example.lien_ket[: -len(".md")] + "/"
        assert first_hits[example.go][0] == target, example.go
    for query in guide_queries:
        assert "/cach-dung/" in first_hits[query][:3], query
    assert not box.errors

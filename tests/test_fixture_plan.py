"""A second plan, a test fixture never published (tests/fixtures/ke-hoach-mau/):
120 communes ("xã"), other departments, year 2026. Built strict on one website
with the 2023 plan, it proves nothing assumes ten districts or 2023: every page
type, every PDF, the data check and the plan list work, and the 2023 plan keeps
its printed addresses.

The build here is HTML-only (KONTUM_PDF=0): its 134 PDFs cost more than the rest of
it. Without the offline files (KONTUM_OFFLINE=0): the file:// copy builds its 260 pages a
second time (~10 s, half the build) and no test here reads it; the offline step on a
website of several plans is built by tests/test_import_plan.py (imported_site, four plans)
and checked there. The fixture's PDFs the tests read are made in-process by the build's own writer
(fixture_pdfs), and that the build writes the PDFs of every plan, each under its own
address, is checked on the build's PDF step in-process
(test_the_build_writes_the_pdfs_of_every_plan_and_links_them)."""

import os
import re
import shutil
from pathlib import Path

import pytest

import pypdf

from macros.render import units as unit_pages
from tests.pdfcheck import require_weasyprint, squash
from tests.sitebuild import ROOT, build_once, copy_project, mkdocs_build_here, page_text, sidebar_targets
from tests.sitebuild import unname_text

def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages))


FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-mau"
PREFIX = "ke-hoach-mau/"
TWO_PLANS = """
  - thu_muc: ke-hoach-mau
    duong_dan: ke-hoach-mau/
    ten: Kế hoạch mẫu dùng để kiểm thử (năm 2026)
"""


def two_plans(dest: Path) -> Path:
    """A copy of the project with the fixture plan added to data/website.yaml."""
    if dest.exists():
        shutil.rmtree(dest)
    project = copy_project(dest)
    shutil.copytree(FIXTURE, project / "data" / "ke-hoach-mau")
    website = project / "data" / "website.yaml"
    website.write_text(website.read_text(encoding="utf-8") + TWO_PLANS.lstrip("\n"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return two_plans(tmp_path_factory.mktemp("hai-ke-hoach") / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """One HTML-only build of the two plans, without the offline files, for every worker
    of the run (build_once)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def build(out: Path):
        return mkdocs_build_here(two_plans(out.with_name(out.name + "-project")), out, KONTUM_PDF="0", KONTUM_OFFLINE="0")

    return build_once(shared / "site-hai-ke-hoach", build)


@pytest.fixture(scope="module")
def website(project):
    from macros.loader import load_website

    return load_website(project)


def plan_of(website, key: str):
    return next(s for s in website.plans if s.key == key)


@pytest.fixture(scope="module")
def fixture_pdfs(website, tmp_path_factory) -> Path:
    """The fixture plan's PDFs that the tests read (plan, the handout of xa-mau-dak-hoa,
    the handbook), made by the writer the build calls, into a folder laid out like the site."""
    require_weasyprint()
    from macros.pdf import writer
    from macros.pdf.documents import Chapter

    site = plan_of(website, "ke-hoach-mau")
    out = tmp_path_factory.mktemp("pdf-mau")
    wanted = {f"{PREFIX}pdf/ke-hoach-2026.pdf", f"{PREFIX}pdf/so-tay-2026.pdf", f"{PREFIX}pdf/don-vi/xa-mau-dak-hoa.pdf"}
    chapters = [Chapter("Giới thiệu", "<h1>Giới thiệu</h1><p>Chương của sổ tay mẫu.</p>")]
    jobs = [j for j in writer.jobs_for(site, "Sổ tay mẫu", chapters) if j.rel in wanted]
    assert {j.rel for j in jobs} == wanted
    printer = writer.Printer(site)
    for job in jobs:
        printer.write(job.html, job.kind, job.meta, out / job.rel)
    return out


def test_fixture_is_marked_and_never_published(site):
    for path in FIXTURE.rglob("*.yaml"):
        assert "Kế hoạch mẫu dùng để kiểm thử" in path.read_text(encoding="utf-8"), path
    assert "ke-hoach-mau" not in (ROOT / "data" / "website.yaml").read_text(encoding="utf-8")
    assert not (ROOT / "data" / "ke-hoach-mau").exists() and not (site / "ke-hoach-mau").exists()


def test_data_check_reads_both_plans(project, capsys):
    # check.main in this process: the command's own exit codes and output are
    # tests/test_bad_input_corpus.py's (test_check_command_exit_codes), issue 22.
    from macros import check

    code = check.main(["--goc", str(project)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "(ke-hoach-mau): 120 đơn vị, 4 ban, tổng kinh phí 240.000.000đ" in out.out
    assert "(ke-hoach-2023): 10 đơn vị" in out.out


def test_plan_list_leads_to_each_plan(built):
    text = page_text(built, "index.html")
    assert "Kế hoạch mẫu dùng để kiểm thử (năm 2026)" in text and "120 xã" in text
    assert "Kế hoạch tuyên truyền, vận động năm 2023" in text and "10 huyện, thành phố" in text
    html = (built / "index.html").read_text(encoding="utf-8")
    assert 'href="tong-quan/"' in html and 'href="ke-hoach-mau/"' in html
    nav = html.split('<div class="md-content"', 1)[0]
    assert 'href="don-vi/" class="md-nav__link"' in nav and 'href="ke-hoach-mau/don-vi/" class="md-nav__link"' in nav
    assert "Kon Tum năm 2023" in page_text(built, "tong-quan/index.html")


def test_sidebar_of_unit_pages_of_both_plans_leads_to_each_page(built):
    """The sidebar written once for the pages outside it (macros/adapters/nav_cache.py) is
    written once per folder depth: from the units of the plan at the root and of the plan
    under ke-hoach-mau/, every link leads to its page, the same pages from both."""
    seen = sidebar_targets(built)
    first, second = seen["don-vi/huyen-dak-glei/index.html"], seen[f"{PREFIX}don-vi/xa-mau-dak-hoa/index.html"]
    assert first == second and "ke-hoach" in first and f"{PREFIX}don-vi" in first


def test_the_2023_addresses_stay(built, website):
    for path in ("ke-hoach/index.html", "phan-cong/index.html", "don-vi/index.html", "don-vi/huyen-dak-glei/index.html",
                 "so-tay/mo-hinh-hay/index.html"):
        assert (built / path).exists(), path
    from macros.pdf import writer

    rels = {j.rel for j in writer.jobs_for(plan_of(website, "ke-hoach-2023"))}
    assert {"pdf/ke-hoach-2023.pdf", "pdf/don-vi/huyen-dak-glei.pdf"} <= rels


def test_every_page_type_of_the_fixture(built):
    pages = ["", "ke-hoach/", "phan-cong/", "don-vi/", "tien-do/", "kinh-phi/", "so-tay/", "so-tay/gioi-thieu/",
             "so-tay/chu-de-mau-1/", "thuat-ngu/", "bo-cong-cu/", "bo-cong-cu/mau-bao-cao/",
             "bo-cong-cu/chuong-trinh-hoi-nghi/", "don-vi/xa-mau-dak-hoa/"]
    for path in pages:
        text = page_text(built, f"{PREFIX}{path}index.html")
        assert "2023" not in text, path
        assert "huyện" not in text, path
    # Its handbook cites none of the shared data/van-ban.yaml (the 2023 plan's sources): no such page.
    assert not (built / PREFIX / "so-tay" / "van-ban").exists()
    units = [p for p in (built / PREFIX / "don-vi").iterdir() if p.is_dir()]
    assert len(units) == 120
    plan = page_text(built, f"{PREFIX}ke-hoach/index.html")
    assert "KẾ HOẠCH" in plan and "Số: " in plan and "/KH-MAU" in plan and "năm 2026" in plan
    assert "2.000.000đ/01 đơn vị x 120 xã = 240.000.000đ" in plan
    unit = page_text(built, f"{PREFIX}don-vi/xa-mau-dak-hoa/index.html")
    assert "Xã Mẫu Đăk Hòa" in unit and "Ban phối hợp: Ban Mẫu 1" in unit and "15/10/2026" in unit


def test_unit_pages_are_not_in_every_sidebar(built):
    """A unit adds a row to its list page, not a link to every page's navigation."""
    html = (built / PREFIX / "phan-cong/index.html").read_text(encoding="utf-8")
    sidebar = html.split('<div class="md-content"', 1)[0]
    assert "xa-mau-" not in sidebar
    unit = (built / PREFIX / "don-vi/xa-mau-dak-hoa/index.html").read_text(encoding="utf-8")
    # Itself only (anchor, its PDF, its calendar, its report template), never 120 other units.
    own = re.findall(r'href="([^"]*xa-mau-[^"]*)"', unit)
    assert len(own) <= 4 and all("xa-mau-dak-hoa" in h for h in own), own
    listing = (built / PREFIX / "don-vi/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<tr data-ban="ban-mau-\d" data-ten="[^"]+"', listing)) == 120


def test_fixture_pdfs(website, fixture_pdfs):
    from macros.pdf import writer

    rels = [j.rel for j in writer.jobs_for(plan_of(website, "ke-hoach-mau"))]
    assert f"{PREFIX}pdf/ke-hoach-2026.pdf" in rels
    assert len([r for r in rels if r.startswith(f"{PREFIX}pdf/don-vi/xa-mau-") and r.endswith(".pdf")]) == 120
    pdf = fixture_pdfs / PREFIX / "pdf"
    assert (pdf / "so-tay-2026.pdf").exists()
    text = pdf_text(pdf / "ke-hoach-2026.pdf")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "KH-MAU" in text and "2023" not in text
    handout = pdf_text(pdf / "don-vi" / "xa-mau-dak-hoa.pdf")
    assert "XÃ MẪU ĐĂK HÒA" in handout and "Xã được chọn" not in handout


def test_the_build_writes_the_pdfs_of_every_plan_and_links_them(project, monkeypatch, tmp_path):
    """The build's PDF step (macros/adapters/pdf_output.py) writes the PDFs of both plans
    into the site, and each unit page of either plan links its own handout."""
    from types import SimpleNamespace

    from mkdocs.config.defaults import MkDocsConfig

    from macros.adapters import build_state, pdf_output
    from macros.pdf import writer

    monkeypatch.delenv("KONTUM_PDF", raising=False)
    monkeypatch.delenv("KONTUM_SERVE", raising=False)
    config = MkDocsConfig()
    config["site_dir"], config["site_url"] = str(tmp_path / "site"), None
    state = build_state.start(config, project)
    if state.pdf_skip_reason():
        require_weasyprint()
    written = []

    def write_all(site, site_dir, *args, **kwargs):
        written.append((site.key, Path(site_dir)))
        return writer.Report()

    monkeypatch.setattr(writer, "write_all", write_all)
    pdf_output.write_pdfs(config, state)
    assert written == [("ke-hoach-2023", tmp_path / "site"), ("ke-hoach-mau", tmp_path / "site")]
    for src, url in (("don-vi/huyen-dak-glei.md", "don-vi/huyen-dak-glei/"),
                     (f"{PREFIX}don-vi/xa-mau-dak-hoa.md", f"{PREFIX}don-vi/xa-mau-dak-hoa/")):
        page = SimpleNamespace(file=SimpleNamespace(src_uri=src), url=url)
        linked = pdf_output.add_download_link("# Đơn vị\n\nNội dung.\n", page, state)
        assert f'href="../../pdf/don-vi/{url.split("/")[-2]}.pdf"' in linked, linked


def test_two_builds_keep_their_own_state(project):
    """One state object per build, on its config; none is ever loaded on demand."""
    from mkdocs.config.defaults import MkDocsConfig

    from macros.adapters import build_state

    first, second = MkDocsConfig(), MkDocsConfig()
    with pytest.raises(RuntimeError, match="on_config did not run"):
        build_state.of(first)
    a = build_state.start(first, ROOT)
    b = build_state.start(second, project)
    assert build_state.of(first) is a and build_state.of(second) is b
    assert [s.key for s in a.website.plans] == ["ke-hoach-2023"]
    assert [s.key for s in b.website.plans] == ["ke-hoach-2023", "ke-hoach-mau"]
    assert f"{PREFIX}don-vi/xa-mau-dak-hoa.md" in b.catalog.pages and not any(p.startswith(PREFIX) for p in a.catalog.pages)


def test_the_file_copy_build_reuses_the_data_its_main_build_read(monkeypatch):
    """data/ is read and checked once per `mkdocs build`: the file:// copy built
    inside it (offline_hooks._build_copy) gets the same Website, its own state."""
    from mkdocs.config.defaults import MkDocsConfig

    from macros.adapters import build_state

    main, copy = MkDocsConfig(), MkDocsConfig()
    main_state = build_state.start(main, ROOT)
    copy["use_directory_urls"] = False
    build_state.share_website(copy, main_state.website)

    def read_again(root):
        raise AssertionError("data/ read a second time")

    monkeypatch.setattr(build_state, "load_website", read_again)
    copy_state = build_state.start(copy, ROOT)
    assert copy_state.website is main_state.website and copy_state is not main_state
    assert "don-vi/huyen-dak-glei.md" in copy_state.catalog.pages


def test_website_file_errors_name_file_line_and_field(tmp_path):
    """A plan listed in data/website.yaml whose folder is missing, or two plans on one
    address: a Vietnamese error naming the file, line and field, before anything is built."""
    from macros.errors import DataErrors
    from macros.loader import load_website

    shutil.copytree(ROOT / "data", tmp_path / "data")

    unname_text(tmp_path)  # its words are changed below
    website = tmp_path / "data" / "website.yaml"
    website.write_text(website.read_text(encoding="utf-8") + """  - thu_muc: ke-hoach-khong-co
    duong_dan: ""
    ten: Kế hoạch chưa có thư mục
""", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_website(tmp_path)
    text = str(caught.value)
    assert "data/website.yaml:" in text and "ke_hoach › mục 2 › thu_muc" in text
    assert "Không có tệp data/ke-hoach-khong-co/ke-hoach.yaml" in text
    assert "Đường dẫn «» trùng với mục 1" in text


def test_fixture_notice_comes_from_its_own_data(built):
    """The status notice is on the fixture's home, plan and unit pages (its PDFs: below),
    made from its own period; Kon Tum's 2025 changes belong to the 2023 plan's data
    (data/ke-hoach-2023/thay-doi-hanh-chinh.yaml) and never reach the fixture."""
    from macros.render import notice

    for path in ("", "ke-hoach/", "don-vi/xa-mau-dak-hoa/"):
        html = (built / PREFIX / path / "index.html").read_text(encoding="utf-8")
        assert html.count('class="trang-thai ') == 1, path
        box = html.split('class="trang-thai ', 1)[1].split("</div>", 1)[0]
        assert notice.STATUS_TITLE in box and "2026" in box, path
        for foreign in ("Quảng Ngãi", "202/2025/QH15", "1677/NQ-UBTVQH15", "Kon Tum"):
            assert foreign not in box, (path, foreign)
    # The 2023 plan keeps its own changes.
    home = (built / "tong-quan" / "index.html").read_text(encoding="utf-8")
    assert "202/2025/QH15" in home.split('class="trang-thai ', 1)[1].split("</div>", 1)[0]


def test_each_plans_pages_carry_their_own_plans_name(built):
    """<title>, the header's title and og:site_name named the website (the 2023 plan's name) on the
    fixture plan's pages too: now a plan's pages name their own plan (data/website.yaml › ke_hoach › ten); the
    2023 plan's pages and the header's link home keep the website's name."""
    own = TWO_PLANS.split("ten: ", 1)[1].strip()
    for path in ("", "ke-hoach/", "don-vi/xa-mau-dak-hoa/"):
        html = (built / PREFIX / path / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>([^<]*)</title>", html).group(1)
        assert title == own or title.endswith(f" - {own}"), (path, title)
        assert f'<meta property="og:site_name" content="{own}">' in html, path
        topic = re.search(r'<div class="md-header__topic">\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>', html)
        assert topic.group(1) == own, (path, topic.group(1))
    html = (built / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert "<title>Kế hoạch - Kế hoạch tuyên truyền, vận động năm 2023</title>" in html
    assert '<meta property="og:site_name" content="Kế hoạch tuyên truyền, vận động năm 2023">' in html


def test_fixture_notice_in_its_pdfs_comes_from_its_own_data(fixture_pdfs):
    """The same notice in the fixture's PDFs, without Kon Tum's changes."""
    from macros.render import notice

    for pdf in (fixture_pdfs / PREFIX / "pdf" / "ke-hoach-2026.pdf", fixture_pdfs / PREFIX / "pdf" / "so-tay-2026.pdf",
                fixture_pdfs / PREFIX / "pdf" / "don-vi" / "xa-mau-dak-hoa.pdf"):
        text = pdf_text(pdf)
        assert notice.STATUS_TITLE in text and "Quảng Ngãi" not in text, pdf.name


def test_second_plan_has_its_own_results_pages_and_downloads(built):
    """Results are per plan: the fixture plan (no results folder) gets its own progress and
    report pages and downloads under its prefix, next to the 2023 plan's, none shared."""
    for plan, year in (("", 2023), (PREFIX, 2026)):
        assert "Chưa có số liệu báo cáo" in page_text(built, f"{plan}ket-qua/index.html")
        assert "Chưa có số liệu báo cáo" in page_text(built, f"{plan}bao-cao-tong-hop/index.html")
        assert (built / f"{plan}tai-ve/lich-ke-hoach-{year}.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
        assert (built / f"{plan}tai-ve/ket-qua-{year}.xlsx").stat().st_size > 0
    # The per-unit report templates follow the PDF switch (HTML-only here): the paths the
    # build writes for the fixture plan, from the same function (macros/exports/downloads.py).
    from macros.exports.downloads import download_paths
    from macros.loader import load_website

    fixture = plan_of(load_website(built.with_name(built.name + "-project")), "ke-hoach-mau")
    templates = [p for p in download_paths(fixture, documents=True) if p.startswith(PREFIX + "tai-ve/mau-bao-cao/")]
    assert len(templates) == 120 and all(p.endswith(".xlsx") and "xa-mau-" in p for p in templates)
    timeline = (built / PREFIX / "tien-do/index.html").read_text(encoding="utf-8")
    assert 'href="../tai-ve/lich-ke-hoach-2026.ics"' in timeline


UNIT_PAGE = re.compile(r"^(?:ke-hoach-mau/)?don-vi/[^/#]+/")


def test_unit_pages_are_found_by_name_only(built):
    """One search entry per unit page, its title and code: the sections repeat
    the plan's text, and indexed for every unit they made an index no phone
    builds at scale (macros/searchindex.py rewrite_index)."""
    import json

    docs = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    units = [d for d in docs if UNIT_PAGE.match(d["location"])]
    assert units and not [d["location"] for d in units if "#" in d["location"]]
    assert len(units) == 10 + 120
    assert len({d["location"] for d in units}) == len(units)
    commune = next(d for d in units if d["location"].startswith(PREFIX))
    assert commune["title"].startswith("Xã ") and re.fullmatch(r"[^.]+\. Mã đơn vị: \S+( · Tên gọi khác: .+)?", commune["text"])
    # what the page holds, in its own labels, never the plan's text (issue 23: "kinh phi tu mo rong")
    # «các bước» as the page heads them: the steps section's own title («CÁC BƯỚC TRIỂN KHAI» in this plan)
    topics = [t if t != "các bước" else "các bước triển khai" for t in unit_pages.PAGE_TOPICS]
    assert commune["text"].startswith(", ".join(topics) + ". ")
    # the plan's own pages keep their sections
    assert any(d["location"].startswith(PREFIX + "ke-hoach/#") for d in docs)


def test_each_plans_pages_are_described_by_their_own_plan(built):
    """Review r19: every page of a second plan had the 2023 plan's <meta name="description"> (the
    website's mo_ta), and its link preview fell back to it too. A plan's pages describe their own plan
    (its kind and subject), the 2023 plan's pages the 2023 plan; the list of plans keeps the website's."""
    from macros.loader import load_website
    from macros.render.notice import plan_description

    website = load_website(built.with_name(built.name + "-project"))
    own = html_unescape_attr(plan_description(plan_of(website, "ke-hoach-mau")))
    assert own.startswith("Kế hoạch tuyên truyền, vận động tại 120 xã năm 2026")  # one phrase (text.kind_and_subject)
    for path in ("", "ke-hoach/", "don-vi/xa-mau-dak-hoa/"):
        page = (built / PREFIX / path / "index.html").read_text(encoding="utf-8")
        described = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
        assert html_unescape_attr(described) == own, (path, described)
        og = html_unescape_attr(re.search(r'<meta property="og:description" content="([^"]*)"', page).group(1))
        assert "Kon Tum" not in og, (path, og)
    page = (built / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    kontum = html_unescape_attr(re.search(r'<meta name="description" content="([^"]*)"', page).group(1))
    assert kontum == plan_description(plan_of(website, "ke-hoach-2023")) and "Kon Tum" in kontum
    # the list of plans (site-wide) keeps the website's description
    page = (built / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{website.info.mo_ta}">' in page


def html_unescape_attr(text: str) -> str:
    import html

    return html.unescape(text)

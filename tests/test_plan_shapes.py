"""Any Front plan's shape (issue 19): ke-hoach.yaml is an ordered `muc:` list of sections,
structured (`loai`) or kept verbatim (`doan`). In-process, on small changes of the data:

- a plan with verbatim sections only (tests/fixtures/ke-hoach-nguyen-van: no units, no budget,
  an unchecked import) builds its plan page, every block in order, and no computed page;
- each structured kind absent in turn drops the pages made from it, with their nav entries,
  links, PDFs and downloads: nothing leads to a page that is not built;
- section numbers come from the data (`so`, else the place in `muc`);
- an unchecked import says so on every page, PDF and download, and the check prints its list;
- the migrated 2023 plan renders its plan page exactly as before the migration (the page the
  pre-migration code made, kept in tests/fixtures/ke-hoach-2023-trang-ke-hoach.md).
"""

import io
import posixpath
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from macros import check
from macros.errors import DataErrors
from macros.exports.downloads import download_bytes, download_paths
from macros.loader import load_website
from macros import outputs as registry
from macros.model import STRUCTURED
from macros.pdf import documents
from macros.pdf.paths import pdf_for_page
from macros.render import links, notice, pages, plan
from macros.sections import section_number
from tests.sitebuild import ROOT, one_plan_project
from tests.sitebuild import unname_text

PLAN_2023 = "ke-hoach-2023"
VERBATIM = ROOT / "tests" / "fixtures" / "ke-hoach-nguyen-van"
DRAFT = "Bản nhập tự động từ tệp ke-hoach-xa-mau.docx, chưa được người biên tập đối chiếu"


def _project(tmp_path: Path, change=None) -> Path:
    """A copy of data/ whose 2023 ke-hoach.yaml went through `change(data, folder)`."""
    root = tmp_path / "du-an"
    shutil.copytree(ROOT / "data", root / "data")
    unname_text(root)  # its words are changed below
    if change is not None:
        path = root / "data" / PLAN_2023 / "ke-hoach.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data, root / "data" / PLAN_2023)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _words_2023() -> dict[str, list[str]]:
    """Each section's words on the 2023 plan page (tests/fixtures/ke-hoach-2023-trang-ke-hoach.md), by title."""
    words, title = {}, None
    page = (ROOT / "tests" / "fixtures" / "ke-hoach-2023-trang-ke-hoach.md").read_text(encoding="utf-8")
    for line in page.splitlines():
        if line.startswith("## "):
            title = line.split(". ", 1)[1]
            words[title] = []
        elif title and line.startswith("Trên đây"):
            break
        elif title and line.strip() and not line.startswith("<div"):
            words[title].append(re.sub(r"<[^>]+>", "", line.removeprefix("### ")).replace("\\.", "."))
    return words


def _imported(data, **draft):
    """The 2023 plan as if imported from a file (nhap_tu_dong): an import keeps each section's words (`doan`),
    which an imported plan's structured sections must keep (crosschecks.check_imported_words, review r19o)."""
    data["nhap_tu_dong"] = {"tep": "ke-hoach.docx", **draft}
    words = _words_2023()
    for section in data["muc"]:
        if section.get("loai") and not section.get("doan"):
            section["doan"] = words[section["tieu_de"]]


def _verbatim_project(tmp_path: Path) -> Path:
    """The verbatim fixture as the website's only plan."""
    return one_plan_project(tmp_path / "nguyen-van", VERBATIM, "ke-hoach-mau", "Kế hoạch mẫu dùng để kiểm thử")


def _as_verbatim(kind: str):
    """The section of that kind kept as written instead (same place, same title): no computed page."""
    def change(data, folder):
        i = next(i for i, s in enumerate(data["muc"]) if s.get("loai") == kind)
        data["muc"][i] = {"tieu_de": data["muc"][i]["tieu_de"], "doan": ["Đoạn chép nguyên văn."]}
        if kind in ("noi_dung", "cac_buoc", "to_chuc_thuc_hien"):
            # The handbook's chapters belong to the content topics and quote {so_hoi_nghi}, {han_bao_cao}…
            shutil.rmtree(folder / "so-tay")
        if kind != "muc_dich_yeu_cau":
            # Units and a toolkit on file that no page shows: refused for a checked plan, listed for a draft.
            _imported(data)
    return change


def _outputs(site) -> dict[str, str]:
    """Everything one plan writes that a link may lead to: plan-local page path (.md) or
    site path of a PDF or download -> what it is."""
    out = {p.path: "page" for p in pages.plan_pages(site)}
    out.update({pdf: "pdf" for pdf in pdf_for_page(site).values()})
    out.update({path: "download" for path in download_paths(site)})
    return out


def _targets(page) -> list[str]:
    """Where each link of a generated page leads (plan-local, normalised)."""
    found = re.findall(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"", page.markdown)
    out = []
    for target in (a or b for a, b in found):
        target = target.split("#")[0]
        if not target or "://" in target:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), target))
        out += [path + "/index.md", path + ".md"] if target.endswith("/") else [path]
    return out


def _nav_paths(entries) -> list[str]:
    out = []
    for entry in entries:
        for value in (entry.values() if isinstance(entry, dict) else [entry]):
            out += _nav_paths(value) if isinstance(value, list) else [value]
    return out


@pytest.fixture(scope="module")
def full_outputs(tmp_path_factory) -> dict[str, str]:
    """What the whole 2023 plan writes: a link into this set that the smaller plan does not write is broken."""
    site = load_website(ROOT).plans[0]
    return _outputs(site)


def _assert_nothing_leads_nowhere(site, full: dict[str, str]) -> None:
    made = _outputs(site)
    for page in pages.plan_pages(site):
        broken = [t for t in _targets(page) if t in full and t not in made
                  and not (t.endswith("/index.md") and t[:-len("/index.md")] + ".md" in made)
                  and not (t.endswith(".md") and t[:-3] + "/index.md" in made)]
        assert not broken, (page.path, broken)
    nav = _nav_paths(pages.plan_nav(site, links.HOME))
    assert all(p in made for p in nav), [p for p in nav if p not in made]


# --- a plan with verbatim sections only ------------------------------------------------

@pytest.fixture(scope="module")
def verbatim_site(tmp_path_factory):
    return load_website(_verbatim_project(tmp_path_factory.mktemp("nguyen-van"))).plans[0]


def test_verbatim_plan_has_its_plan_page_and_no_computed_page(verbatim_site, full_outputs):
    site = verbatim_site
    made = _outputs(site)
    assert {p for p, kind in made.items() if kind == "page"} == {
        links.HOME, links.PLAN, links.GLOSSARY}  # no handbook: no references (truth review)
    assert [k for k, kind in made.items() if kind != "page"] == ["pdf/ke-hoach-ke-hoach-mau.pdf"]
    assert download_bytes(site, documents=False) == {}
    _assert_nothing_leads_nowhere(site, full_outputs)


def test_verbatim_plan_page_shows_every_block_in_order(verbatim_site):
    text = plan.plan_page(verbatim_site)
    expected = ["Căn cứ Hướng dẫn mẫu dùng để kiểm thử;", "## I. MỤC ĐÍCH, YÊU CẦU",
                "<p>Đoạn văn thứ nhất của mục đích, chép đúng.</p>",
                '<span class="vb-marker">1.</span> Mục một có ký hiệu.</p><div class="vb-sub">',
                '<span class="vb-marker">a)</span> Mục con a.',
                '<span class="vb-marker">-</span> Chữ thường <strong>chữ đậm</strong> và <em>nghiêng</em>',
                "## II. NỘI DUNG", '<th scope="col">TT</th>', "<td>Họp dân</td><td>Tháng 11</td>",
                '<p class="vb-note">* Ghi chú: Ghi chú mẫu dùng để kiểm thử.</p>',
                "## TỔ CHỨC THỰC HIỆN",  # so: "" -> no number
                "<li>- Như trên;</li><li>- Lưu: VT.</li>"]
    at = [text.find(part) for part in expected]
    assert -1 not in at and at == sorted(at), dict(zip(expected, at))
    # A verbatim block stays one raw HTML block of the Markdown page: no blank line inside it.
    for block in re.findall(r'<div class="vb-verbatim">.*?\n</div>', text, flags=re.S):
        assert "\n\n" not in block


def test_verbatim_text_is_escaped(tmp_path):
    root = _verbatim_project(tmp_path)
    path = root / "data" / "ke-hoach-mau" / "ke-hoach.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Mục con a.", "Mục con a & b > c *x*"), encoding="utf-8")
    text = plan.plan_page(load_website(root).plans[0])
    assert "Mục con a &amp; b &gt; c *x*" in text


def test_a_section_that_is_neither_kind_is_named_at_its_line(tmp_path):
    root = _verbatim_project(tmp_path)
    path = root / "data" / "ke-hoach-mau" / "ke-hoach.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    doan:\n      - {bang:", "    noi:\n      - {bang:"),
                    encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    text = str(exc.value)
    assert "ke-hoach.yaml:27:5:" in text and "«muc › mục 2»" in text and "Không rõ loại mục" in text, text


def test_a_misspelt_kind_is_named_at_its_line_with_the_kind_meant(tmp_path):
    root = _project(tmp_path)
    path = root / "data" / PLAN_2023 / "ke-hoach.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("  - loai: kinh_phi")].count("\n") + 1
    path.write_text(text.replace("  - loai: kinh_phi", "  - loai: kinh_phii"), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_website(root)
    assert len(exc.value.errors) == 1, str(exc.value)
    error = exc.value.errors[0]
    assert (error.line, error.field) == (line, "muc › mục 5"), str(error)
    assert "«loai: kinh_phii» không phải loại mục có cấu trúc nào (có phải «kinh_phi»?)" in error.message


def test_a_second_section_of_one_kind_is_refused_at_its_line(tmp_path):
    def change(data, folder):
        data["muc"].append({"loai": "kinh_phi", "tieu_de": "KINH PHÍ", "nguon": "Nguồn khác", "dinh_muc": 1000000})
    with pytest.raises(DataErrors) as exc:
        load_website(_project(tmp_path, change))
    assert [e.field for e in exc.value.errors] == ["kinh_phi › loai"], str(exc.value)
    assert "đã có một mục loại «kinh_phi» (mục 5 của danh sách muc)" in exc.value.errors[0].message


# --- each structured kind absent in turn ----------------------------------------------

# The pages that state what a section of that kind holds (besides the toolkit, which needs them all).
DROPPED = {
    "muc_dich_yeu_cau": set(),
    "noi_dung": {links.HANDBOOK, links.TOOLKIT},
    # unit pages do without steps and budget (review r19n, defect 5): only the toolkit and the budget page go
    "cac_buoc": {links.TOOLKIT},
    # unit pages do without the period too (session 10: r19o, defect 1); the toolkit's forms print it
    "thoi_gian_dia_diem": {links.TIMELINE, links.TOOLKIT},
    "kinh_phi": {links.BUDGET, links.TOOLKIT},
    # unit pages, their list, the budget and the timeline do without it too (issue 19): only the assignments, the
    # compiled report (the report the plan asks for) and the toolkit go
    "to_chuc_thuc_hien": {links.ASSIGNMENTS, registry.REPORT, links.TOOLKIT},
}


@pytest.mark.parametrize("kind", STRUCTURED)
def test_a_kind_absent_drops_its_pages_and_every_way_to_them(tmp_path, kind, full_outputs):
    site = load_website(_project(tmp_path, _as_verbatim(kind))).plans[0]
    made = _outputs(site)
    assert links.PLAN in made and not DROPPED[kind] & set(made), DROPPED[kind] & set(made)
    if kind in ("muc_dich_yeu_cau",):
        assert set(made) == set(full_outputs)
    _assert_nothing_leads_nowhere(site, full_outputs)
    # The section keeps its place, number and title on the plan page, kept as written.
    place = [s.get("loai") for s in yaml.safe_load((ROOT / "data" / PLAN_2023 / "ke-hoach.yaml").read_text(
        encoding="utf-8"))["muc"]].index(kind)
    title = site.plan.muc[place].tieu_de
    assert f"## {'I II III IV V VI'.split()[place]}. {title}\n\n<div class=\"vb-verbatim\"><p>Đoạn chép nguyên văn." \
        in plan.plan_page(site)


def test_without_campaign_or_year_no_unit_or_results_page(tmp_path, full_outputs):
    """The compiled report names the campaign and the year: a plan without them has no results
    pages, nor the unit pages they belong with, even with results on file."""
    def change(data, folder):
        del data["cuoc_van_dong"], data["van_ban"]["nam"]
        _imported(data)  # units on file, no unit page: a draft only
        shutil.copytree(ROOT / "tests" / "fixtures" / "ket-qua", folder / "ket-qua")
        for results in (folder / "ket-qua").glob("*.yaml"):  # no campaign names a group to count apart
            text = results.read_text(encoding="utf-8")
            results.write_text(re.sub(r"(?m)^ *so_nguoi_dtts: .*\n", "", text), encoding="utf-8")
    site = load_website(_project(tmp_path, change)).plans[0]
    made = _outputs(site)
    assert links.BUDGET in made and not {links.UNITS, links.TOOLKIT, links.HANDBOOK} & set(made)
    assert "pdf/ke-hoach-ke-hoach-2023.pdf" in made  # no year: the folder names the files
    _assert_nothing_leads_nowhere(site, full_outputs)
    from macros.pdf import report
    assert report.report_job(site) is None


def test_section_numbers_come_from_the_data(tmp_path):
    def change(data, folder):
        data["muc"].insert(0, {"so": "", "tieu_de": "ĐẶT VẤN ĐỀ", "doan": ["Đoạn mở đầu."]})
        next(s for s in data["muc"] if s.get("loai") == "to_chuc_thuc_hien")["so"] = "VIII"
    site = load_website(_project(tmp_path, change)).plans[0]
    assert section_number(site, "noi_dung") == "III" and section_number(site, "to_chuc_thuc_hien") == "VIII"
    text = plan.plan_page(site)
    assert "## ĐẶT VẤN ĐỀ\n" in text and "## III. NỘI DUNG TUYÊN TRUYỀN, VẬN ĐỘNG" in text
    assert "## VIII. TỔ CHỨC THỰC HIỆN" in text
    assert "(mục III.4)" not in plan.conference_rule(site) and "(mục IV.3)" in plan.conference_rule(site)


# --- an unchecked import --------------------------------------------------------------

def _draft(checked: bool):
    def change(data, folder):
        _imported(data, tep="ke-hoach-xa-mau.docx", da_doi_chieu=checked,
                  # confirmed: every item resolved and removed (crosschecks.check_draft_confirmed)
                  can_xac_nhan=[] if checked else ["đơn vị «xã Mẫu» chưa có mã"])
    return change


def _unfold(ics: bytes) -> str:
    return ics.decode("utf-8").replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")


def _files_saying(files: dict[str, bytes], words: str) -> dict[str, bool]:
    out = {}
    for path, content in files.items():
        if path.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(content)) as z:
                text = z.read("docProps/core.xml").decode("utf-8")
        elif path.endswith(".ics"):
            text = _unfold(content)
        else:
            text = content.decode("utf-8-sig")
        out[path] = words in text
    return out


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory):
    return load_website(_project(tmp_path_factory.mktemp("ban-nhap"), _draft(False))).plans[0]


def test_a_draft_says_so_on_every_page_pdf_and_download(draft_site):
    site = draft_site
    for page in pages.plan_pages(site):
        assert DRAFT in notice.page_notice_html(site, page.path), page.path
    assert DRAFT in documents.plan_document(site)
    code = site.units[0].ma
    assert DRAFT in documents.handout_document(site, code)
    files = download_bytes(site, documents=False)
    assert files and all(_files_saying(files, DRAFT).values()), _files_saying(files, DRAFT)


def test_a_draft_prints_its_checklist_and_the_check_passes(draft_site, capsys):
    assert notice.draft_checklist(draft_site).endswith("  1. đơn vị «xã Mẫu» chưa có mã")
    assert check.main(["--goc", str(draft_site.root)]) == 0
    err = capsys.readouterr().err
    assert DRAFT in err and "1. đơn vị «xã Mẫu» chưa có mã" in err


def test_a_checked_import_says_nothing_of_it(tmp_path):
    site = load_website(_project(tmp_path, _draft(True))).plans[0]
    assert not site.draft and notice.draft_checklist(site) == ""
    assert "Bản nhập tự động" not in notice.page_notice_html(site, links.PLAN) + documents.plan_document(site)


def test_the_verbatim_draft_says_so_too(verbatim_site):
    assert DRAFT in notice.page_notice_html(verbatim_site, links.HOME)
    assert DRAFT in documents.plan_document(verbatim_site)


# --- the migration ---------------------------------------------------------------------

def test_migrated_2023_plan_page_is_the_page_made_before_the_migration():
    site = load_website(ROOT).plans[0]
    before = (ROOT / "tests" / "fixtures" / "ke-hoach-2023-trang-ke-hoach.md").read_text(encoding="utf-8")
    assert plan.plan_page(site) == before


def test_the_check_of_a_plan_without_budget_names_no_amount(verbatim_site, capsys):
    assert check.main(["--goc", str(verbatim_site.root)]) == 0
    out = capsys.readouterr()
    assert "0 đơn vị, 0 ban, không có mục kinh phí" in out.out and "tổng kinh phí 0đ" not in out.out
    assert DRAFT in out.err


def test_downloads_of_a_plan_without_period_write_nothing_and_do_not_fail(verbatim_site, tmp_path):
    """Review: a published build (documents on, a cache) stopped on an imported plan
    (downloads.write_downloads read the period that such a plan lacks)."""
    from macros.exports.downloads import write_downloads

    assert write_downloads(verbatim_site, tmp_path / "site", documents=True, cache=tmp_path / "cache") == []


# --- the note on the header's layout (truth review) --------------------------------------

LAID_OUT = "Phần đầu văn bản do website trình bày"


def test_the_layout_note_follows_the_plans_data(tmp_path, verbatim_site):
    # The 2023 plan's data says its copy has no header: the note and the PDF's Subject say so.
    site_2023 = load_website(ROOT).plans[0]
    assert LAID_OUT in plan.layout_note_html(site_2023) and "không có số, ngày ban hành" in plan.layout_note_html(site_2023)
    assert "Nghị định 30/2020" in documents.plan_metadata(site_2023).subject
    # An imported plan (no such field) with blank number and date: only what its copy lacks.
    note = plan.layout_note_html(verbatim_site)
    assert LAID_OUT not in note and "Bản chép dùng làm căn cứ không có số, ngày ban hành." in note
    assert "Nghị định 30/2020" not in documents.plan_metadata(verbatim_site).subject
    assert LAID_OUT not in plan.plan_page(verbatim_site) + documents.plan_document(verbatim_site)

    # A plan whose file had its header, «Số:» and date: no note at all.
    def numbered(data, folder):
        data["van_ban"]["so"] = "12"
        data["van_ban"]["ngay_ban_hanh"] = "08/02/2023"
        del data["van_ban"]["phan_dau_do_website_trinh_bay"]
    site = load_website(_project(tmp_path, numbered)).plans[0]
    assert plan.layout_note_html(site) == ""
    assert "vb-layout-note" not in plan.plan_page(site) + documents.plan_document(site)


# --- an unchecked import's mark on every PDF page (truth review) -------------------------

def _pages_text(pdf: Path) -> list[str]:
    """Each page's text (poppler, -layout), whitespace folded: one pdftotext call (a pdfinfo and
    one pdftotext a page before, issue 22)."""
    from tests.pdfcheck import pdftotext_pages
    return [" ".join(page.split()) for page in pdftotext_pages(pdf, "-layout")]


def test_a_draft_says_so_on_every_pdf_page_and_in_its_metadata(draft_site, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils missing")
    from tests import pdfcheck
    # WeasyPrint imported as the build imports it (macros/pdf/writer.py: one read of the linker's
    # cache; pytest.importorskip started ldconfig, gcc and ld ~50 times, ~0.6 CPU-s, issue 22),
    # and never skipped under CI=true
    pdfcheck.require_weasyprint()
    site = draft_site
    printer = pdfcheck.printer(root=ROOT)  # the project's stylesheets (the copy has data/ only); this process's (issue 22)
    mark = " ".join(DRAFT.split())
    chapters = [documents.Chapter(f"Chương {i}", "".join(f"<p>Đoạn {j} của chương {i}, chỉ để kiểm thử.</p>"
                                                          for j in range(60))) for i in range(1, 3)]
    docs = {"plan": (documents.plan_document(site), documents.plan_metadata(site)),
            "handbook": (documents.handbook_document(site, "Sổ tay", chapters),
                         documents.handbook_metadata(site, "Sổ tay"))}
    for kind, (html, meta) in docs.items():
        assert DRAFT in meta.title and DRAFT in meta.subject, kind
        out = tmp_path / f"{kind}.pdf"
        printer.write(html, kind, meta, out)
        pages_text = _pages_text(out)
        assert len(pages_text) > 2, kind
        lacking = [i for i, text in enumerate(pages_text, 1) if mark not in text]
        assert not lacking, (kind, lacking)
    # a checked plan (the 2023 one): no mark, metadata as before
    site_2023 = load_website(ROOT).plans[0]
    assert "pdf-draft-mark" not in documents.plan_document(site_2023)
    assert "Bản nhập tự động" not in documents.plan_metadata(site_2023).title


# --- what the footer and the list of plans promise (truth review) -------------------------

def test_footer_and_plans_list_name_only_what_the_plan_has(verbatim_site):
    site_2023 = load_website(ROOT).plans[0]
    assert "Các trang khác, Sổ tay, bản tóm tắt và mẫu in là tài liệu tham khảo" in notice.footer_text(site_2023)
    footer = notice.footer_text(verbatim_site)
    assert not verbatim_site.has_units and not verbatim_site.has_handbook
    assert "Các trang khác là tài liệu tham khảo" in footer
    assert "Sổ tay" not in footer and "bản tóm tắt" not in footer and "mẫu in" not in footer
    listing = pages.plans_page(load_website(verbatim_site.root)).markdown
    assert verbatim_site.org.ten_day_du in listing and "đơn vị</small>" not in listing and " · 0" not in listing


# --- references and abbreviations a plan does not cite (truth review) ---------------------

def test_a_plan_without_handbook_publishes_no_references_and_only_its_abbreviations(verbatim_site):
    from macros.render import handbook
    site = verbatim_site
    assert not site.has_handbook
    made = _outputs(site)
    assert links.REFERENCES not in made and not pages.handbook_section(site)
    assert "Sổ tay" not in str(pages.plan_nav(site, links.HOME))
    # the glossary: the shared file's terms that the plan's own text uses, none of the 2023 plan's others
    glossary = handbook.glossary_page(site)
    assert "| VT |" in glossary and "| TM |" in glossary
    for term in ("DTTS", "KDC", "MTTQVN", "OCOP", "QĐ", "STT"):
        assert f"| {term} |" not in glossary, term
    # the 2023 plan keeps every term and its references
    site_2023 = load_website(ROOT).plans[0]
    assert handbook.glossary_page(site_2023).count("\n|") - 2 == len(site_2023.glossary)
    assert links.REFERENCES in _outputs(site_2023)


def test_a_handbook_links_no_glossary_when_the_plan_uses_none_of_its_terms(tmp_path):
    from macros.render import handbook
    root = _project(tmp_path)
    (root / "data" / "thuat-ngu.yaml").write_text(
        "thuat_ngu:\n  - viet_tat: XYZQ\n    nghia: chữ viết tắt không có trong kế hoạch\n", encoding="utf-8")
    org = root / "data" / PLAN_2023 / "co-quan.yaml"  # departments' abbreviations must be in the glossary
    org.write_text("".join(line for line in org.read_text(encoding="utf-8").splitlines(keepends=True)
                           if "viet_tat:" not in line), encoding="utf-8")
    site = load_website(root).plans[0]
    assert site.has_handbook and links.GLOSSARY not in _outputs(site)
    assert "Chữ viết tắt" not in handbook.handbook_index(site)


def _with_verbatim(*blocks, so=None):
    """The 2023 plan with one more verbatim section holding `blocks`."""
    def change(data, folder):
        section = {"tieu_de": "MỤC THÊM", "doan": list(blocks)}
        if so is not None:
            section["so"] = so
        data["muc"].insert(4, section)
    return change


def _errors(tmp_path, change) -> list:
    with pytest.raises(DataErrors) as exc:
        load_website(_project(tmp_path, change))
    return exc.value.errors


def test_nested_items_past_the_plans_block_limit_are_refused_at_once(tmp_path):
    # 4,000 nested items passed the check in 0.8 s, then the plan PDF took 300 s.
    deep = [{"ky_hieu": "-", "van_ban": f"x{k}", "doan": [{"ky_hieu": "+", "van_ban": f"y{i}"} for i in range(400)]}
            for k in range(10)]
    errors = _errors(tmp_path, _with_verbatim(*deep))
    assert len(errors) == 1, errors
    assert "quá nhiều đoạn, mục, bảng, ghi chú" in errors[0].message and "2.000" in errors[0].message, errors
    assert errors[0].line and errors[0].field.startswith("muc › mục 5 › doan"), errors[0]


def test_one_items_children_are_capped_too(tmp_path):
    errors = _errors(tmp_path, _with_verbatim({"ky_hieu": "-", "van_ban": "x", "doan": [f"y{i}" for i in range(501)]}))
    assert "Danh sách quá dài (501 mục; tối đa 500)" in errors[0].message, errors


@pytest.mark.parametrize("block, words", [
    ({"bang": [["a", "b", "c"], ["d"]], "dong_tieu_de": 1}, "dòng 1 có 3 ô, dòng 2 có 1 ô"),
    ({"bang": [[]]}, "Dòng 1 của bảng không có ô nào"),
    ({"bang": [["", ""], ["", ""]]}, "mọi ô đều trống"),
    ({"bang": [["a", "b"]], "dong_tieu_de": 1}, "số dòng tiêu đề phải ít hơn số dòng"),
    ([], "Đoạn văn trống"),
])
def test_a_bad_table_or_empty_paragraph_is_refused_at_its_line(tmp_path, block, words):
    errors = _errors(tmp_path, _with_verbatim("Đoạn đầu.", block))
    assert len(errors) == 1 and words in errors[0].message, errors
    assert errors[0].line and errors[0].field.startswith("muc › mục 5 › doan › mục 2"), errors[0]


def test_two_sections_with_one_number_are_refused(tmp_path):
    def change(data, folder):
        _with_verbatim("Một đoạn.", so="I")(data, folder)
        data["muc"][0]["so"] = "I"
    errors = _errors(tmp_path, change)
    assert len(errors) == 1 and "Hai mục cùng số «I»" in errors[0].message, errors
    assert errors[0].field == "muc › mục 5 › so", errors[0]


def _no_year(data, folder):
    """Units and a toolkit on file, no year (van_ban › nam): unit pages need it (the files' names, the compiled
    report); every section they do without (issue 19)."""
    del data["van_ban"]["nam"]
    _imported(data)


@pytest.mark.parametrize("checked", [None, True])
def test_units_on_file_without_unit_pages_are_refused_for_a_checked_plan(tmp_path, checked):
    def change(data, folder):
        _no_year(data, folder)
        if checked is None:
            del data["nhap_tu_dong"]
        else:
            data["nhap_tu_dong"]["da_doi_chieu"] = True
    errors = _errors(tmp_path, change)
    messages = [e.message for e in errors]
    # what to do when the plan keeps its sections verbatim (review 2, item 4): the field and its value
    assert any("don-vi.yaml ghi «don_vi: []»" in e.hint for e in errors if "trang đơn vị" in e.message), errors
    assert ("data/ke-hoach-2023/don-vi.yaml có 10 đơn vị nhưng website không tạo trang đơn vị vì kế hoạch thiếu: "
            "«van_ban › nam»." in messages), messages
    assert any("bo-cong-cu.yaml có bộ công cụ nhưng website không tạo bộ công cụ" in m for m in messages), messages


def test_units_on_file_without_unit_pages_are_listed_for_a_draft(tmp_path, capsys):
    root = _project(tmp_path, _no_year)
    assert check.main(["--goc", str(root)]) == 0
    err = capsys.readouterr().err
    assert "don-vi.yaml có 10 đơn vị nhưng website không tạo trang đơn vị" in err, err
    assert "bo-cong-cu.yaml có bộ công cụ nhưng website không tạo bộ công cụ" in err, err


def test_a_hand_page_showing_a_plan_without_units_is_dated_by_the_files_it_has(verbatim_site):
    """A hand page calling {{ trang_chu() }} of a plan with no don-vi.yaml: «Sửa trang này»
    and the date come from the plan's files that exist (no KeyError for the absent one)."""
    from macros.render import provenance

    source = provenance.page_source(verbatim_site, "trang.md", "{{ trang_chu() }}", {})
    assert source.edit == verbatim_site.data_file("plan") and "units" not in verbatim_site.files


# --- units from what the plan has (issue 19): no assignment, no report asked, no organisation section ----------

def _org(data) -> dict:
    return next(s for s in data["muc"] if s.get("loai") == "to_chuc_thuc_hien")


def _with_results(folder):
    """Three units' results (one sent with no Ban recorded, one sent by its Ban, one not yet sent)."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "ket-qua", folder / "ket-qua")


def _units_unassigned(data, folder):
    """The plan names its units but gives no body any of them (each assignee's task kept, no don_vi)."""
    for a in _org(data)["phan_cong"]:
        a["don_vi"] = []
    (folder / "bo-cong-cu.yaml").unlink()  # the toolkit's forms name each unit's department
    _with_results(folder)


def _no_report_asked(data, folder):
    """The plan asks for no report: no bao_cao (the handbook's chapters and the toolkit quote its date)."""
    del _org(data)["bao_cao"]
    shutil.rmtree(folder / "so-tay")
    (folder / "bo-cong-cu.yaml").unlink()
    _with_results(folder)


def _no_organisation(data, folder):
    """No organisation section at all: the plan's last section kept as written, the units listed."""
    i = data["muc"].index(_org(data))
    data["muc"][i] = {"tieu_de": data["muc"][i]["tieu_de"], "doan": ["Đoạn chép nguyên văn."]}
    shutil.rmtree(folder / "so-tay")
    (folder / "bo-cong-cu.yaml").unlink()
    _with_results(folder)


# The 2023 plan's bao_cao › han (its period ends that day too): «trước ngày» it, and its last day.
_DEADLINE = ("trước ngày 30/11/2023", "29/11/2023")


def _deadline_in(text: str) -> bool:
    return any(words in text for words in _DEADLINE)


def _every_text(site) -> dict[str, str]:
    """Each page's markdown, each handout and each download (read as text), by path."""
    out = {p.path: p.markdown for p in pages.plan_pages(site)}
    out.update({f"handout-{u.ma}": documents.handout_document(site, u.ma) for u in site.units})
    for path, content in download_bytes(site, documents=True).items():
        if path.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(content)) as z:
                out[path] = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        else:
            out[path] = _unfold(content) if path.endswith(".ics") else content.decode("utf-8-sig")
    return out


def _unit_shape_site(tmp_path, change):
    site = load_website(_project(tmp_path, change)).plans[0]
    assert site.has_units and site.units
    made = _outputs(site)
    for unit in site.units:  # a page, a handout and a report template per unit
        assert links.unit_page(unit) in made
        assert any(f"mau-bao-cao-{unit.ma}-" in p for p in made), unit.ma
    return site, made


def test_units_without_assignments_get_pages_without_the_assignment_part(tmp_path, full_outputs):
    site, made = _unit_shape_site(tmp_path, _units_unassigned)
    _assert_nothing_leads_nowhere(site, full_outputs)
    assert links.ASSIGNMENTS not in made  # it lists each body's units
    assert links.BUDGET in made and links.UNITS in made  # each unit's money, with no assignee column
    texts = _every_text(site)
    page = texts[links.unit_page(site.units[0])]
    assert "Ban phối hợp" not in page and "## Nhiệm vụ của" in page, page  # the units' own task stays
    assert "Báo cáo kết quả:" in page and _deadline_in(page), page
    # nor on the list of units, the handouts, the templates, the results sheet
    partner = [p for p, t in texts.items() if "Ban phối hợp" in t and p != links.PLAN]
    assert not partner, partner


def test_units_without_a_report_asked_get_no_deadline_anywhere(tmp_path, full_outputs):
    site, made = _unit_shape_site(tmp_path, _no_report_asked)
    _assert_nothing_leads_nowhere(site, full_outputs)
    # the compiled report answers the plan's request for one: none asked, none made; nor its PDF
    assert registry.REPORT not in made and not any("bao-cao-tong-hop" in p for p in made), made
    assert links.ASSIGNMENTS in made and links.TIMELINE in made and registry.PROGRESS in made
    texts = _every_text(site)
    said = {path: text for path, text in texts.items() if _deadline_in(text) or "Hạn kế hoạch" in text
            or "hạn báo cáo" in text.lower() or "Báo cáo kết quả:" in text}
    assert not said, {p: [w for w in (*_DEADLINE, "Hạn kế hoạch", "Báo cáo kết quả:") if w in t] for p, t in said.items()}
    templates = [p for p in texts if "mau-bao-cao" in p]
    assert templates and not any("Ngày gửi báo cáo" in texts[p] for p in templates)
    calendar = texts[next(p for p in made if p.endswith(".ics") and "/lich/" not in p)]
    assert "han-bao-cao" not in calendar and "gửi báo cáo kết quả" not in calendar


def test_units_without_an_organisation_section_get_pages_from_what_the_plan_has(tmp_path, full_outputs):
    site, made = _unit_shape_site(tmp_path, _no_organisation)
    _assert_nothing_leads_nowhere(site, full_outputs)
    assert not {links.ASSIGNMENTS, registry.REPORT} & set(made)
    assert {links.UNITS, registry.PROGRESS, links.TIMELINE, links.BUDGET} <= set(made)
    texts = _every_text(site)
    page = texts[links.unit_page(site.units[0])]
    assert "Ban phối hợp" not in page and "Báo cáo kết quả:" not in page and "## Nhiệm vụ" not in page, page
    said = [path for path, text in texts.items() if _deadline_in(text)]
    assert not said, said


def test_units_of_a_plan_that_writes_no_date_get_their_files_with_no_example_date(tmp_path, full_outputs):
    """No organisation section, the period kept as written, no date of issue: the Excel templates' example date
    (Site.sample_date, the plan's own) has none to show, and shows none."""
    def change(data, folder):
        _no_organisation(data, folder)
        i = next(i for i, s in enumerate(data["muc"]) if s.get("loai") == "thoi_gian_dia_diem")
        data["muc"][i] = {"tieu_de": data["muc"][i]["tieu_de"], "doan": ["Thời gian chép nguyên văn."]}
        data["van_ban"]["ngay_ban_hanh"] = ""
    site, made = _unit_shape_site(tmp_path, change)
    assert site.sample_date is None
    _assert_nothing_leads_nowhere(site, full_outputs)
    templates = [t for p, t in _every_text(site).items() if "mau-bao-cao" in p]
    assert templates and all("Ngày viết ngày/tháng/năm." in t and "ví dụ" not in t.split("Ngày viết")[1][:40]
                             for t in templates)

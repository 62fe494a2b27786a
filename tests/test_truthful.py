"""Truthful to every reader (issue 11), read from the built site and its PDFs:
who wrote what, no editor-only material, where the plan stands (from data, not
the clock), only what the plan says, one spelling per name in the site's text."""

import functools
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from macros.changes_model import Kind
from macros.errors import DataErrors
from macros.handbook_model import Chapter
from macros.model import BaseModel
from macros.render import notice, toolkit
from macros.render.provenance import real_edit_base
from macros.loader import load_site
from macros.schema import FILES
from tests.pdfcheck import require_weasyprint, squash
from tests.sitebuild import ROOT
from tests.test_data_errors import project_with

DATA = load_site(ROOT)
PLAN_PAGE = "ke-hoach/index.html"
HOME = "index.html"


# --- reading pages with a parser -------------------------------------------------

# Parts of a page that are not the site's own text: the plan quoted as issued.
QUOTED = {"blockquote"}
QUOTED_CLASSES = {"vb-document", "quote", "ten-khac", "tk-basis"}
INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "small", "span", "strong", "sub", "sup", "time"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Visible text of a page's <article>, split into the site's own text and quoted
    plan text; the footer text; elements by class."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.own: list[str] = []
        self.quoted: list[str] = []
        self.footer: list[str] = []
        self.by_class: dict[str, list[list[str]]] = {}
        self._open: list[tuple[int, list[str]]] = []  # (depth, text sink) per tracked element
        self.metas: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.handle_data(" ")  # a block boundary separates words; inline tags do not
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name"):
            self.metas[attrs["name"]] = attrs.get("content") or ""
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag in VOID:
            return
        classes = set((attrs.get("class") or "").split())
        self.stack.append((tag, classes))
        for cls in classes:
            sink: list[str] = []
            self.by_class.setdefault(cls, []).append(sink)
            self._open.append((len(self.stack), sink))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag not in INLINE:
            self.handle_data(" ")
        while self.stack:
            depth = len(self.stack)
            self._open = [(d, s) for d, s in self._open if d < depth]
            if self.stack.pop()[0] == tag:
                break

    def _inside(self, tags=(), classes=()) -> bool:
        return any(t in tags or c & set(classes) for t, c in self.stack)

    def handle_data(self, data):
        if self._inside(tags=("script", "style")):
            return
        for _, sink in self._open:
            sink.append(data)
        if self._inside(classes=("md-copyright__highlight",)):
            self.footer.append(data)
        if not self._inside(tags=("article",)):
            return
        if self._inside(tags=QUOTED, classes=QUOTED_CLASSES):
            self.quoted.append(data)
        else:
            self.own.append(data)

    # -- views --
    def own_text(self) -> str:
        return " ".join("".join(self.own).split())

    def text(self) -> str:
        """All of the article's text (own, then quoted)."""
        return " ".join(("".join(self.own) + " " + "".join(self.quoted)).split())

    def texts(self, cls: str) -> list[str]:
        return [" ".join("".join(s).split()) for s in self.by_class.get(cls, [])]


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


@functools.lru_cache(maxsize=None)
def parsed(html: str) -> Page:
    """Page(html), parsed once per text for the tests of this module (read only after
    parsing): eight tests read every page of the site (~4 CPU-s of parsing again: issue 22)."""
    return Page(html)


def read(site: Path, rel: str) -> Page:
    return parsed((site / rel).read_text(encoding="utf-8"))


def unit_pages(site: Path) -> dict[str, str]:
    from macros.render import links
    return {u.ma: links.unit_page(u).removesuffix(".md") + "/index.html" for u in DATA.units}


def pdfs(site: Path) -> list[Path]:
    return sorted((site / "pdf").rglob("*.pdf"))


@pytest.fixture(scope="module")
def pdf_texts(site, site_pdf_texts) -> dict[str, str]:
    require_weasyprint()
    found = dict(site_pdf_texts)  # every PDF's text, read once per run (conftest)
    assert found.keys() == {p.relative_to(site).as_posix() for p in pdfs(site)}
    assert len(found) == len(DATA.units) + 2, sorted(found)  # plan, handouts, handbook
    return found


PLAN_PDF = f"pdf/ke-hoach-{DATA.plan.van_ban.nam}.pdf"


# --- 1. who wrote what ------------------------------------------------------------------

def test_footer_of_every_page_says_who_wrote_what(site):
    expected = notice.footer_text(DATA)
    for path in html_pages(site):
        page = parsed(path.read_text(encoding="utf-8"))
        footer = " ".join("".join(page.footer).split())
        assert footer == expected, path
        assert page.metas.get("author") != DATA.org.ten_day_du, path
    assert "tài liệu tham khảo" in expected and "không phải văn bản chính thức" in expected


def test_each_page_type_says_what_it_is(site):
    plan = read(site, PLAN_PAGE).texts("trang-thai")
    assert len(plan) == 1 and plan[0].startswith(notice.PROVENANCE_PLAN)
    assert "chép đúng văn bản đã ban hành" in plan[0]
    # Every page but the plan's (issue 20: assignments, timeline, budget, results, report,
    # every handbook chapter, the toolkit… were missing it), as the first thing in the article.
    pages = [p.relative_to(site).as_posix() for p in html_pages(site)]
    assert len(pages) > 30
    for rel in pages:
        if rel == PLAN_PAGE:
            continue
        page = read(site, rel)
        boxes = page.texts("trang-thai--tham-khao")
        assert len(boxes) == 1, rel
        assert boxes[0].startswith(notice.PROVENANCE_REFERENCE) and "không phải văn bản chính thức" in boxes[0]
        assert page.own_text().startswith(boxes[0]), rel


def test_only_the_plan_carries_an_official_header(site):
    official = [DATA.org.quoc_hieu, DATA.plan.chu_ky.quyen_han, DATA.org.co_quan_cap_tren]
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        page = parsed(path.read_text(encoding="utf-8"))
        text = page.text()
        if rel == PLAN_PAGE:
            assert all(x in text for x in official) and page.texts("vb-header")
            continue
        assert not page.texts("vb-header") and not page.texts("vb-signature"), rel
        assert DATA.plan.chu_ky.quyen_han not in text and DATA.org.co_quan_cap_tren not in text, rel
        assert "Số:" not in text, rel
        if not rel.startswith("bo-cong-cu/"):
            assert DATA.org.quoc_hieu not in text, rel


def test_forms_are_blank_templates_header_slots_empty(site):
    for form in toolkit.FORMS:
        page = read(site, toolkit.form_path(form).removesuffix(".md") + "/index.html")
        assert DATA.org.co_quan_cap_tren not in page.text() and "ỦY BAN MTTQ VIỆT NAM" not in page.text()
        for slot in page.texts("tk-issuer-parent") + page.texts("tk-issuer-unit"):
            assert slot == "", form.slug
        assert "Mẫu tham khảo" in " ".join(page.texts("tk-screen-only"))


def test_pdfs_say_what_they_are_and_carry_no_official_header_unless_the_plan(site, pdf_texts):
    for rel, text in pdf_texts.items():
        author = pypdf.PdfReader(str(site / rel)).metadata["/Author"]
        if rel == PLAN_PDF:
            assert author == DATA.org.ten_day_du
            assert notice.PROVENANCE_PLAN in text and DATA.plan.chu_ky.quyen_han in text
            continue
        assert author == notice.compiler(DATA) and author != DATA.org.ten_day_du, rel
        assert "Tài liệu tham khảo" in text and "không phải văn bản chính thức" in text, rel
        for official in (DATA.org.quoc_hieu, DATA.plan.chu_ky.quyen_han, DATA.org.co_quan_cap_tren,
                         DATA.org.co_quan_ban_hanh):
            assert official not in text, (rel, official)


def test_handbook_cover_is_not_the_office_and_not_the_issued_booklet(site, pdf_texts):
    reader = pypdf.PdfReader(str(site / "pdf" / f"so-tay-{DATA.plan.van_ban.nam}.pdf"))
    cover = squash(reader.pages[0].extract_text())
    assert cover.startswith("Tài liệu tham khảo") and "BAN THƯỜNG TRỰC" not in cover
    index = read(site, "so-tay/index.html")
    first = index.texts("trang-thai")[0]
    own = index.own_text()
    # The page opens with what it is (the site's notice, then its title and the PDF link).
    assert own.startswith(first + " Sổ tay tuyên truyền Tải PDF (bản in khổ A4) Sổ tay này là tài liệu tham khảo")
    assert not index.text().startswith(DATA.plan.noi_dung.loi_dan[:40])
    for sentence in re.split(r"(?<=\.)\s", index.text()):
        if "đã được cấp phát" in sentence:
            assert "không phải" in sentence, sentence


# --- 2. editor-only material never reaches readers --------------------------------------

def _field_names(model, seen=None) -> set[str]:
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = {n for n in model.model_fields if "_" in n}
    for info in model.model_fields.values():
        stack = [info.annotation]
        while stack:
            ann = stack.pop()
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                names |= _field_names(ann, seen)
            stack += list(getattr(ann, "__args__", ()))
    return names


FIELD_NAMES = sorted(set().union(*(_field_names(m) for _, m in FILES.values()), _field_names(Chapter)))
EDITOR_WORDS = ["Mục dành cho biên tập viên", "biên tập viên", "Hướng dẫn biên tập", "THAY-TEN"]


def test_field_names_are_known():
    assert {"guong_dien_hinh", "co_guong_dien_hinh", "ten_khac", "noi_nhan"} <= set(FIELD_NAMES)


def test_no_field_name_or_editor_box_on_any_reader_page(site):
    for path in html_pages(site):
        text = parsed(path.read_text(encoding="utf-8")).text()
        for word in FIELD_NAMES + EDITOR_WORDS:
            assert word not in text, (path.relative_to(site).as_posix(), word)


def test_no_field_name_or_editor_box_in_any_pdf(pdf_texts):
    for rel, text in pdf_texts.items():
        for word in FIELD_NAMES + EDITOR_WORDS:
            assert word not in text, (rel, word)


def test_chapter_without_examples_has_no_empty_slot(site):
    stem = next(k for k, c in DATA.chapters.items() if not c.guong_dien_hinh)
    text = read(site, f"so-tay/{stem}/index.html").text()
    assert "Gương điển hình" not in text and "Chưa có gương điển hình" not in text


def test_no_link_to_a_placeholder_host(site):
    configured = real_edit_base(os.environ.get("EDIT_URI"))
    for path in html_pages(site):
        page = parsed(path.read_text(encoding="utf-8"))
        for href in page.hrefs:
            assert "THAY-TEN" not in href and "<" not in href, (path, href)
        edits = page.texts("trang-nguon__sua")
        if configured is None:
            assert edits == [], path  # no real repository: no edit link at all
    assert real_edit_base("https://github.com/THAY-TEN-TO-CHUC/THAY-TEN-KHO/edit/main/") is None
    assert real_edit_base("https://github.com/<tổ-chức>/<kho>/edit/main/") is None
    assert real_edit_base("") is None and real_edit_base(None) is None
    assert real_edit_base("https://example.invalid/kho/edit/chinh/") == "https://example.invalid/kho/edit/chinh/"


def _index_words(site: Path) -> str:
    """Every location, title and text of the search index, decoded as JSON (the file is
    UTF-8; \\u escapes, if any, are JSON's), NFC: what a search can find."""
    import json
    import unicodedata

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"] if isinstance(index, dict) else index
    return unicodedata.normalize("NFC", " ".join(f"{d.get('location', '')} {d.get('title', '')} {d.get('text', '')}"
                                                 for d in docs))


def test_editor_guide_is_not_a_reader_page_nor_in_search(site):
    assert not (site / "huong-dan-bien-tap").exists()
    words = _index_words(site)
    assert len(words) > 10_000 and "Cuộc vận động" in words  # really read
    assert "huong-dan-bien-tap" not in words
    for word in EDITOR_WORDS:
        assert word not in words, word
    assert "Hướng dẫn biên tập" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert not (ROOT / "docs" / "huong-dan-bien-tap.md").exists()


# --- 3. where the plan stands: from data, never the clock ---------------------------------

def _status_ok(text: str) -> None:
    for sentence in notice.status_sentences(DATA):
        assert squash(sentence) in text, sentence


def test_status_notice_on_every_page(site):
    for rel in [p.relative_to(site).as_posix() for p in html_pages(site)]:
        boxes = read(site, rel).texts("trang-thai")
        assert len(boxes) == 1, rel
        _status_ok(boxes[0])
    sentences = " ".join(notice.status_sentences(DATA))
    for source in ("202/2025/QH15", "12/6/2025", "203/2025/QH15", "72/2025/QH15", "16/6/2025", "01/7/2025",
                   "97/2025/QH15", "27/6/2025", "Mặt trận Tổ quốc Việt Nam", "tháng 4/2023", "30/11/2023",
                   "tại thời điểm ban hành kế hoạch (năm 2023)"):
        assert source in sentences, source
    # 1677/NQ-UBTVQH15 arranges Quảng Ngãi's communes: it is not what ended the district level.
    assert "1677/NQ-UBTVQH15" not in sentences


def test_status_notice_in_every_pdf(site_pdf_pages, pdf_texts):
    for rel, text in pdf_texts.items():
        assert notice.STATUS_TITLE in text, rel
        # PDF lines wrap anywhere, and a sheet's number may fall inside a sentence.
        pages = [re.sub(r"^\s*\d+\s*$", "", p, flags=re.M) for p in site_pdf_pages[rel]]
        flat = squash(" ".join(pages)).replace(" ", "")
        for sentence in notice.status_sentences(DATA, brief=True):  # bases by number, date, body
            assert squash(sentence).replace(" ", "") in flat, (rel, sentence)


def test_notice_comes_from_the_changes_data(tmp_path):
    project = project_with(tmp_path, "thay-doi-hanh-chinh.yaml", 'so: 202/2025/QH15', 'so: 999/2025/QH15')
    changed = load_site(project)
    html = notice.notice_html(changed, Kind.REFERENCE)
    assert "999/2025/QH15" in html and "202/2025/QH15" not in html
    # Same data, same bytes: nothing in it depends on when it is rendered.
    assert notice.notice_html(DATA, Kind.PLAN) == notice.notice_html(load_site(ROOT), Kind.PLAN)


@pytest.mark.parametrize("old,new,fragments", [
    ('- ngay: "01/7/2025"', '- ngay: "01/11/2023"',
     ["data/ke-hoach-2023/thay-doi-hanh-chinh.yaml:", "thay_doi › mục 1 › ngay", "không sau ngày kết thúc kế hoạch (30/11/2023)"]),
    ('ngay: "12/6/2025"', 'ngay: "12/8/2025"', ["can_cu › mục 1 › ngay", "sau ngày thay đổi"]),
    ("        co_quan: Quốc hội\n", "", ["thiếu trường bắt buộc «co_quan»"]),
])
def test_changes_file_is_validated(tmp_path, old, new, fragments):
    with pytest.raises(DataErrors) as info:
        load_site(project_with(tmp_path, "thay-doi-hanh-chinh.yaml", old, new))
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message


def test_handbook_dates_what_was_true_in_2023(site):
    text = read(site, "so-tay/chu-truong-chinh-sach/index.html").text()
    assert "Tại thời điểm ban hành kế hoạch (năm 2023), Luật Đất đai năm 2013 (số 45/2013/QH13) đang có hiệu lực" in text
    campaign = read(site, "so-tay/cuoc-van-dong/index.html").text()
    assert "Năm nay" not in campaign and "Kế hoạch năm 2023 (tại thời điểm ban hành kế hoạch)" in campaign


# --- 4. only what the plan says -------------------------------------------------------------

PER_UNIT = re.compile(r"hội nghị\s+(ở|tại|cho|của)\s+mỗi đơn vị|mỗi đơn vị tổ chức|\d\s*[–-]\s*\d\s+hội nghị",
                      re.IGNORECASE)


def test_no_per_unit_reading_of_the_conference_count(site, pdf_texts):
    sentence = notice.conference_sentence(DATA)
    assert "tại các khu dân cư" in sentence
    for path in html_pages(site):
        text = parsed(path.read_text(encoding="utf-8")).text()
        assert not PER_UNIT.search(text), (path, PER_UNIT.search(text).group(0))
    for rel, text in pdf_texts.items():
        assert not PER_UNIT.search(text), rel
    for rel in [HOME, *unit_pages(site).values()]:
        assert squash(sentence) in read(site, rel).text(), rel


def test_report_recipient_logic(site):
    report = DATA.plan.to_chuc_thuc_hien.bao_cao
    receiver = DATA.department(report.noi_nhan).ten
    form = read(site, "bo-cong-cu/mau-bao-cao/index.html")
    chooser = next(t for t in form.texts("tk-chooser") if t.startswith("Ban, văn phòng báo cáo"))
    assert receiver not in chooser
    for dept in DATA.departments:
        if dept.ma != report.noi_nhan:
            assert dept.ten in chooser
    assert f"Kính gửi: {receiver}" in form.text()
    assert f"{receiver} tổng hợp báo cáo kết quả trên địa bàn toàn tỉnh" in form.text()
    for code, rel in unit_pages(site).items():
        text = read(site, rel).own_text()
        dept = DATA.assignment_of(code).ban
        assert "Hạn báo cáo:" not in text, rel  # not the unit's own deadline
        assert f"{receiver} tổng hợp báo cáo kết quả trên địa bàn toàn tỉnh" in text, rel
        if dept == report.noi_nhan:
            assert f"báo cáo kết quả về {receiver}" in text and f"{receiver} (ban phối hợp)" not in text
        else:
            assert f"{DATA.department(dept).ten} báo cáo kết quả về {receiver}" in text, rel


def test_919_is_a_related_programme_not_what_the_plan_names(site):
    text = read(site, "so-tay/chuyen-doi-cay-trong/index.html").own_text()
    assert "gắn với Đề án mỗi xã một sản phẩm" in text
    assert "Chương trình có liên quan ở cấp quốc gia là Chương trình Mỗi xã một sản phẩm (OCOP)" in text
    assert "Quyết định số 919/QĐ-TTg" in text
    assert "(OCOP) là gì" not in text


def test_headings_keep_the_plans_punctuation(site):
    page = read(site, PLAN_PAGE)
    text = page.text()
    for heading in ("1. Ban Phong trào", "2. Văn phòng:", "3. Ban Tổ chức – Tuyên giáo:", "4. Ban Dân chủ - Pháp luật:",
                    "5. Ban Thường trực Uỷ ban MTTQ Việt Nam các huyện, thành phố:"):
        assert heading in text, heading
    note = page.texts("vb-note")
    assert len(note) == 1 and note[0].startswith("* Ghi chú: Đề nghị các Ban, Văn phòng báo cáo")


# --- 5. one spelling per name in the site's own text ----------------------------------------

def test_one_spelling_per_unit_and_for_uy_in_site_text(site):
    for choice in notice.editorial(DATA).cach_viet:
        assert choice.dung == "Ủy" or choice.dung == "ủy"
    variants = {u.ma: [v for v in u.ten_khac if v != u.ten and v not in u.ten] for u in DATA.units}
    assert "Ia H'Drai" in variants["618"] and DATA.unit("618").ten == "Ia H’Drai"
    assert DATA.unit("613").ten == "Kon Plông"
    for path in html_pages(site):
        own = parsed(path.read_text(encoding="utf-8")).own_text()
        rel = path.relative_to(site).as_posix()
        assert "Uỷ" not in own and "uỷ" not in own, rel
        for code, others in variants.items():
            for other in others:
                assert other not in own, (rel, other)


def test_assignment_and_unit_pages_quote_the_plan_apart(site):
    assignments = read(site, "phan-cong/index.html")
    assert "Kon Plong" in " ".join(assignments.quoted)  # the plan's words, as issued
    assert "Kon Plong" not in assignments.own_text() and "Kon Plông" in assignments.own_text()


# --- 6. register ------------------------------------------------------------------------------

COLLOQUIAL = ["cầm cố", "quay lại nghèo", "nơi lo việc", "Chỉ viết chữ thường", "Mời thầy cúng",
              "lấy vợ, lấy chồng", "Năm nay (2023)", "đang áp dụng Luật Đất đai", "Đơn vị của bạn",
              "Bài này để làm gì", "Cuộc vận động là gì"]


def test_known_colloquial_or_undated_wording_is_gone(site, pdf_texts):
    for path in html_pages(site):
        text = parsed(path.read_text(encoding="utf-8")).text()
        for phrase in COLLOQUIAL:
            assert phrase not in text, (path.relative_to(site).as_posix(), phrase)
    for rel, text in pdf_texts.items():
        for phrase in COLLOQUIAL:
            assert phrase not in text, (rel, phrase)
    for phrase in ("thế chấp quyền sử dụng đất", "không tái nghèo"):
        assert any(phrase in read(site, f"so-tay/{s}/index.html").text() for s in DATA.chapters), phrase
    survey = read(site, "bo-cong-cu/phieu-khao-sat/index.html").text()
    assert "Làm lễ cúng theo phong tục" in survey and "theo quy định của pháp luật" in survey
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "Chỉ viết văn bản thuần" in guide and "chữ thường." not in guide


def test_readme_says_who_wrote_what():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Ai viết gì", 1)[1].split("\n## ", 1)[0]
    for needed in ("data/bien-soan.yaml", "data/ke-hoach-2023/thay-doi-hanh-chinh.yaml", "CONTRIBUTING.md",
                   "không phải văn bản chính thức", "Ban Thường trực"):
        assert needed in section, needed


# --- 7. the notice on a phone and on paper (issue 20) -----------------------------------------

NOTICE_PAGES = ["", "ke-hoach/", "phan-cong/", "don-vi/huyen-dak-glei/", "tien-do/", "kinh-phi/", "ket-qua/",
                "bao-cao-tong-hop/", "so-tay/", "so-tay/chu-truong-chinh-sach/", "bo-cong-cu/", "thuat-ngu/"]
PHONE = {"width": 360, "height": 740}

# The notice's and the first title's boxes (getBoundingClientRect, as Locator.bounding_box in
# the main frame), whether the notice is visible (Playwright's rule: a non-empty box and not
# visibility: hidden) and its text as rendered (innerText).
NOTICE_JS = """() => {
  const notice = document.querySelector('.trang-thai'), title = document.querySelector('article h1')
  const box = (e) => { if (!e) return null; const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height} }
  const b = box(notice)
  return {notice: b, title: box(title), text: notice ? notice.innerText : null,
          visible: !!b && b.width > 0 && b.height > 0 && getComputedStyle(notice).visibility !== 'hidden'}
}"""


def test_notice_is_one_line_on_a_phone_and_on_paper(browser, site, printed):
    """At most a fifth of a 360×740 first screen, the page's title on that screen; in
    print media it is shown with what the plan is and that it ended; in print to PDF too."""
    from tests.browser import reader

    ended = notice.ended_clause(DATA)
    shared = reader(browser)  # the worker's reading tab (the offline copy's service worker blocked)
    base, page = shared.base(site), shared.page(**PHONE)
    for path in NOTICE_PAGES:
        page.goto(base + path)
        # One call into the page per medium (as Playwright's bounding_box, is_visible and
        # inner_text read them: four round trips less a page, issue 22).
        seen = page.evaluate(NOTICE_JS)
        box = seen["notice"]
        assert box is not None and box["height"] <= PHONE["height"] / 5, (path, box)
        title = seen["title"]
        assert title["y"] < PHONE["height"] - 100, (path, title)  # the page's own content on the first screen
        page.emulate_media(media="print")
        printed_notice = page.evaluate(NOTICE_JS)
        assert printed_notice["visible"], path
        assert ended in printed_notice["text"], path
        page.emulate_media(media="null")  # as the shared tab is given back
    for path in ("don-vi/huyen-dak-glei/", "so-tay/chu-truong-chinh-sach/", "ket-qua/"):
        # Chromium's print to PDF, printed once per run (conftest: printed)
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(__import__("io").BytesIO(printed(site, path))).pages)
        assert ended in squash(text), path

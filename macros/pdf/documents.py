"""Complete HTML documents for the printouts. Pure: Site (and built pages) in, HTML out.

The plan is built from the same render functions as its page (macros/render/plan.py),
so screen, browser print and PDF show one text; docs/assets/print.css styles all three.
"""

from dataclasses import dataclass

from markupsafe import Markup

from .. import qr, step_times
from ..changes_model import Kind
from .. import period as P
from ..numbers import format_money
from ..render import handbook, links, notice, plan
from ..render.units import report_sentence
from ..sections import item_text, title_as_heading
from ..site import Site
from ..templating import fragment, render
from ..text import has_own_number, slugify


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    lang: str = "vi"


@dataclass(frozen=True)
class Chapter:
    """One page of the handbook section, as printable article HTML."""
    title: str  # plain text, HTML-escaped
    body: str


def _document(meta: Metadata, body_class: str, content: Markup, qr_url: str | None = None, draft: str = "",
              codes: dict | None = None) -> str:
    """A whole HTML document around `content` (a template's output, templating.fragment).
    `qr_url`: the address of the document's page, when the site's address is known: its QR
    code in every page's bottom margin (macros/qr.py); None, no code (never a placeholder).
    `draft`: an unchecked import's sentence (notice.draft_sentence), in every page's top
    margin (a running element, pdf.css); "" prints nothing."""
    return render("document.html", meta=meta, body_class=body_class, content=content, qr=qr.pdf_block(qr_url, codes),
                  draft=draft)


def marked(site: Site, meta: Metadata) -> Metadata:
    """While the plan is an unchecked import, its PDFs' Title and Subject say so too."""
    draft = notice.draft_sentence(site)
    if not draft:
        return meta
    return Metadata(f"{meta.title} – {draft.rstrip('.')}", meta.author, f"{draft} {meta.subject}", meta.lang)


def author(site: Site, kind: Kind = Kind.REFERENCE) -> str:
    """The issuing body for the plan's own text (never blank: render/plan.text_author); whoever compiled the
    rest (never the body)."""
    return plan.text_author(site) if kind is Kind.PLAN else notice.compiler(site)


def _notice(site: Site, kind: Kind, compact: bool = False) -> Markup:
    """The site's notice in a PDF: marked as the website's, not part of any document."""
    return notice.notice_html(site, kind, compact, pdf=True)


def reference(site: Site) -> str:
    """"Kế hoạch số …/KH-MTTQ-BTT" ("…" while the plan has no number yet)."""
    doc = site.plan.van_ban
    # An imported document whose kind was not read: «Văn bản số …», never « số …» (review r19h).
    if doc.dong_so:  # the number as the document writes it («225 - KH/TWĐTN-CTTN»), never re-joined
        return f"{doc.loai or 'Văn bản'} số {doc.dong_so.removeprefix('Số').lstrip(' :')}"
    return f"{doc.loai or 'Văn bản'} số {doc.so or '…'}/{doc.ky_hieu}"


# -- the plan -------------------------------------------------------------------
REFERENCE = "tài liệu tham khảo do website tổng hợp"  # every compiled PDF's Title and Subject say so


def source_name(site: Site) -> str:
    """The plan as the compiled files name it: by its number when the copy has one, else
    "Kế hoạch năm … của …" (no "số …" that would suggest a number the copy lacks)."""
    doc = site.plan.van_ban
    if doc.so:
        return reference(site)
    year = f" năm {doc.nam}" if doc.nam else ""
    body = f" của {site.org.ten_day_du}" if site.org.ten_day_du else ""
    return f"{doc.loai}{year}{body}"


def compiled_subject(site: Site, extra: str = "") -> str:
    """The Subject of every PDF the site compiles from the plan."""
    return (f"Tài liệu tham khảo do website tổng hợp từ {source_name(site)} ({site.plan.van_ban.trich_yeu}); "
            f"không phải văn bản chính thức{extra}")


def plan_metadata(site: Site) -> Metadata:
    """The plan's own title; the Subject says the PDF is a copy, for reference."""
    doc = site.plan.van_ban
    title = f"{reference(site)}: {doc.trich_yeu}" if doc.trich_yeu else reference(site)
    return marked(site, Metadata(title, author(site, Kind.PLAN),
                    f"Bản chép toàn văn {reference(site)} để tham khảo, do website trình bày"
                    + ("; phần đầu văn bản do website trình bày theo Nghị định 30/2020"
                       if doc.phan_dau_do_website_trinh_bay else "")))


def plan_document(site: Site, qr_url: str | None = None) -> str:
    """The plan as on its page: header, title, body, recipients and signature."""
    content = fragment("plan_document.html", header=plan.header_html(site), title=plan.title_html(site),
                       body=plan.body_markdown(site), closing=plan.closing_html(site),
                       note=_notice(site, Kind.PLAN, compact=True), layout_note=plan.layout_note_html(site))
    return _document(plan_metadata(site), "print-plan", content, qr_url, notice.draft_sentence(site))


# -- one handout per unit --------------------------------------------------------
def handout_metadata(site: Site, code: str) -> Metadata:
    unit = site.unit(code)
    return marked(site, Metadata(f"Tóm tắt nhiệm vụ – {links.unit_title(unit)} – {REFERENCE} từ {source_name(site)}",
                                 author(site), compiled_subject(site)))


def _count_per_unit(site: Site) -> bool:
    """The plan sets a number of conferences per unit (cac_buoc › hoi_nghi › moi_don_vi) but no step holds
    {so_hoi_nghi}, so no sentence of the plan is quoted for it."""
    steps = site.plan.cac_buoc
    count = getattr(steps, "hoi_nghi", None)
    return bool(count is not None and count.moi_don_vi and not notice.conference_sentence(site))


def handout_document(site: Site, code: str, qr_url: str | None = None) -> str:
    """One A4 page for one unit: its department and role, money, steps, deadlines, lines to fill."""
    unit = site.unit(code)
    p = site.plan
    a = site.assignment_of(code)  # None: the plan gives the unit to no body (no such row)
    dept = site.department(a.ban) if a is not None else None
    local = p.to_chuc_thuc_hien.don_vi_thuc_hien if p.to_chuc_thuc_hien is not None else None
    period = p.thoi_gian_dia_diem
    amount = site.amount(code) if site.has_budget else None  # no structured budget: no money line (r19n, defect 5)
    # Reference material: no national motto, issuing body, number or signature.
    content = fragment(
        "handout.html", reference=reference(site), unit_title=links.unit_title(unit), partner_label=site.partner_label,
        notice=_notice(site, Kind.REFERENCE, compact=True),
        department=dept.ten if dept is not None else None, department_task=a.nhiem_vu if a is not None else None, local_name=notice.spell(site, local.ten) if local is not None else None,
        local_task=local.nhiem_vu if local is not None else None, amount=format_money(amount) if amount is not None else None,
        amount_words=site.amount_in_words(amount) if amount is not None else None,
        period=P.upper_first(P.words(period)) if period is not None else None,
        conferences=notice.conference_sentence(site), report=report_sentence(site, a.ban if a is not None else None),
        # no sentence of the plan to quote but a count per unit recorded: the count the unit page gives (r19o, #13)
        conference_count=plan.conference_rule(site) if _count_per_unit(site) else "",
        # a step the data numbers as written (buoc › so: «Bước 2:», «b)») keeps that number, not the list's
        steps=[(step_times.label(n, s) if s.so else s.ten_ngan, site.fill(s.noi_dung),
                bool(s.so) or has_own_number(s.ten_ngan)) if s.ten_ngan
               # no short name: the step as the plan writes it, its number as written and its words, no bold
               # lead-in (review r19o #6)
               else (None, item_text(s.so, site.fill(s.noi_dung)), bool(s.so))
               for n, s in enumerate(p.cac_buoc.buoc if p.cac_buoc is not None else [], 1)],
        steps_title=title_as_heading(site, "cac_buoc") or "Các bước",  # the plan's own title (review r19n)
        # The level each unit chooses, as the plan says it (don-vi.yaml › dia_ban_chon); none, no such line.
        fill_lines=[*([(f"{_upper_first(chosen)} được chọn:", 1)] if (chosen := site.units_file.chosen_level) else []),
                    (f"{_upper_first(p.ten_goi_khu_dan_cu or 'nơi tổ chức')}:", 1), ("Ngày hội nghị:", 1)])
    return _document(handout_metadata(site, code), "print-handout", content, qr_url, notice.draft_sentence(site),
                     site.qr_codes)  # encoded once with its page's (macros/qr.py)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- the handbook ------------------------------------------------------------------
def handbook_metadata(site: Site, title: str) -> Metadata:
    """The section's title, then what it is: not the handbook the plan says was issued apart, if it names one."""
    issued = handbook.issued_handbook(site)
    apart = ("" if issued is None else "; không phải sổ tay tuyên truyền mà kế hoạch ghi đã biên soạn, cấp phát"
             if issued[1] else "; không phải sổ tay mà kế hoạch nêu")
    return marked(site, Metadata(f"{title} – {REFERENCE} từ {source_name(site)}", author(site),
                                 compiled_subject(site, apart)))


def handbook_document(site: Site, title: str, chapters: list[Chapter], qr_url: str | None = None) -> str:
    """Title page, table of contents (page numbers filled by the paged-media engine),
    then each chapter from a new page."""
    # Chapter titles and bodies are HTML already (taken from the built pages).
    shown = [Chapter(Markup(c.title), Markup(c.body)) for c in chapters]
    # Reference material compiled from the plan: no issuing body on the cover.
    content = fragment("handbook_document.html", anchor=slugify(title), title=title, reference=reference(site),
                       subtitle=site.plan.van_ban.trich_yeu, notice=_notice(site, Kind.REFERENCE), chapters=shown)
    return _document(handbook_metadata(site, title), "print-handbook", content, qr_url, notice.draft_sentence(site))

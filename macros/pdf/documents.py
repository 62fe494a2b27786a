"""Complete HTML documents for the printouts. Pure: Site (and built pages) in, HTML out.

The plan is built from the same render functions as its page (macros/render/plan.py),
so screen, browser print and PDF show one text; docs/assets/print.css styles all three.
"""

from dataclasses import dataclass

import markdown

from ..changes_model import Kind
from ..dates import format_date, format_month
from ..numbers import format_money, money_in_words
from ..render import links, notice, plan
from ..render.units import report_sentence
from ..site import Site
from ..text import html_escape as h
from ..text import slugify


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


def _document(meta: Metadata, body_class: str, content: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{h(meta.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{h(meta.title)}</title>\n"
        f'<meta name="author" content="{h(meta.author)}">\n'
        f'<meta name="description" content="{h(meta.subject)}">\n'
        f'</head>\n<body class="{body_class}">\n{content}\n</body>\n</html>\n'
    )


def _markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"],
                             output_format="html")


def author(site: Site, kind: Kind = Kind.REFERENCE) -> str:
    """The issuing body for the plan's own text; whoever compiled the rest (never the body)."""
    return site.org.ten_day_du if kind is Kind.PLAN else notice.compiler(site)


def _notice(site: Site, kind: Kind, compact: bool = False) -> str:
    """The site's notice in a PDF: marked as the website's, not part of any document."""
    return notice.notice_html(site, kind, compact).replace('class="trang-thai ', 'class="trang-thai trang-thai--pdf ', 1)


def reference(site: Site) -> str:
    """"Kế hoạch số …/KH-MTTQ-BTT" ("…" while the plan has no number yet)."""
    doc = site.plan.van_ban
    return f"{doc.loai} số {doc.so or '…'}/{doc.ky_hieu}"


# -- the plan -------------------------------------------------------------------
def plan_metadata(site: Site) -> Metadata:
    doc = site.plan.van_ban
    return Metadata(f"{reference(site)}: {doc.trich_yeu}", author(site, Kind.PLAN), doc.trich_yeu)


def plan_document(site: Site) -> str:
    """The plan as on its page: header, title, body, recipients and signature."""
    content = (plan.header_html(site) + plan.title_html(site) + _markdown(plan.body_markdown(site))
               + plan.closing_html(site))
    # After the signature, apart from the document: the website's note, not the plan's text.
    note = _notice(site, Kind.PLAN, compact=True)
    return _document(plan_metadata(site), "print-plan",
                     f'<article class="md-typeset"><div class="vb-document">\n{content}</div>\n{note}</article>')


# -- one handout per unit --------------------------------------------------------
def handout_metadata(site: Site, code: str) -> Metadata:
    unit = site.unit(code)
    return Metadata(f"Tóm tắt nhiệm vụ – {links.unit_title(unit)} – tài liệu tham khảo từ {reference(site)}",
                    author(site),
                    site.plan.van_ban.trich_yeu)


def _fill_line(label: str, slots: int = 1) -> str:
    blanks = "".join('<span class="blank"></span>' for _ in range(slots))
    return f'<tr><th>{h(label)}</th><td class="slots-{slots}">{blanks}</td></tr>'


def handout_document(site: Site, code: str) -> str:
    """One A4 page for one unit: its department and role, money, steps, deadlines, lines to fill."""
    unit = site.unit(code)
    p = site.plan
    a = site.assignment_of(code)
    dept = site.department(a.ban)
    local = p.to_chuc_thuc_hien.don_vi_thuc_hien
    period = p.thoi_gian_dia_diem
    amount = site.amount(code)
    steps = "".join(f"<li><strong>{h(s.ten_ngan)}.</strong> {h(site.fill(s.noi_dung))}</li>"
                    for s in p.cac_buoc.buoc)
    # Reference material: no national motto, issuing body, number or signature.
    content = f"""<h1>Tóm tắt nhiệm vụ<br>{h(links.unit_title(unit).upper())}</h1>
<p class="ho-summary">Tóm tắt từ {h(reference(site))} (tài liệu tham khảo)</p>
{_notice(site, Kind.REFERENCE, compact=True)}
<table class="ho-facts">
<tr><th>Ban phối hợp của tỉnh</th><td><strong>{h(dept.ten)}</strong><p>{h(a.nhiem_vu)}</p></td></tr>
<tr><th>{h(notice.spell(site, local.ten))}</th><td><p>{h(local.nhiem_vu)}</p></td></tr>
<tr><th>Kinh phí</th><td><strong>{format_money(amount)}</strong> ({h(money_in_words(amount))})</td></tr>
<tr><th>Thời gian, hội nghị</th><td>Từ {format_month(period.bat_dau)} đến {format_date(period.ket_thuc)}. \
Kế hoạch ghi: «{h(notice.conference_sentence(site))}»</td></tr>
<tr><th>Báo cáo kết quả</th><td>{h(report_sentence(site, a.ban))}</td></tr>
</table>
<h2>Các bước triển khai</h2>
<ol class="ho-steps">{steps}</ol>
<h2>Phần đơn vị ghi</h2>
<table class="ho-fill">
{_fill_line("Xã được chọn:")}
{_fill_line("Khu dân cư:")}
{_fill_line("Ngày hội nghị:")}
<tr><th>Người liên hệ:</th><td class="ho-contact"><span class="blank"></span>\
<span class="ho-phone">Điện thoại:</span><span class="blank"></span></td></tr>
</table>
"""
    return _document(handout_metadata(site, code), "print-handout", content)


# -- the handbook ------------------------------------------------------------------
def handbook_metadata(site: Site, title: str) -> Metadata:
    return Metadata(f"{title} – {site.plan.van_ban.loai} năm {site.plan.van_ban.nam}", author(site),
                    site.plan.van_ban.trich_yeu)


def handbook_document(site: Site, title: str, chapters: list[Chapter]) -> str:
    """Title page, table of contents (page numbers filled by the paged-media engine),
    then each chapter from a new page."""
    toc = "".join(f'<li><a href="#chuong-{i}">{c.title}</a></li>' for i, c in enumerate(chapters, 1))
    body = "".join(f'<section class="hb-chapter md-typeset" id="chuong-{i}">{c.body}</section>\n'
                   for i, c in enumerate(chapters, 1))
    # Reference material compiled from the plan: no issuing body on the cover.
    content = f"""<section class="hb-cover">
<p class="hb-kind">Tài liệu tham khảo</p>
<h1 class="hb-title" id="{slugify(title)}">{h(title)}</h1>
<p class="hb-subtitle">Biên soạn từ {h(reference(site))}: {h(site.plan.van_ban.trich_yeu)}</p>
{_notice(site, Kind.REFERENCE)}
</section>
<nav class="hb-toc"><h2>Mục lục</h2><ol>{toc}</ol></nav>
{body}"""
    return _document(handbook_metadata(site, title), "print-handbook", content)

"""What a page or a PDF is, and where the plan stands: pure functions, Site in,
escaped HTML (usable in Markdown pages and in the PDFs) or plain text out.

- provenance: the plan's text as issued (only the plan page and its PDF), or
  reference material compiled from the plan, which is not an official document.
- status: the plan's period and the later administrative changes of
  data/thay-doi-hanh-chinh.yaml, each with its source document. No clock: where
  the plan stands is said as of the build's own date (SOURCE_DATE_EPOCH, else the
  last commit to data/; macros/plan_status.py), so the build
  stays byte-identical; a plan still running or not started says «tính đến ngày …»,
  and with no date known the notice claims nothing about it.
"""

from .. import period as P
from .. import conferences, plan_status
from ..changes_model import ChangesFile, EditorialFile, Kind, respell, source_line
from ..dates import format_date
from ..site import Site
from ..text import kind_and_subject
from ..templating import fragment
from . import links

# The wording for a document whose kind is «Kế hoạch» (status_title, provenance_plan, website_note
# give each document's own kind).
STATUS_TITLE = "Tình trạng của kế hoạch"
PROVENANCE_PLAN = "Văn bản kế hoạch"
PROVENANCE_REFERENCE = "Tài liệu tham khảo"
WEBSITE_NOTE = "Ghi chú của website, không thuộc văn bản kế hoạch."


def changes(site: Site) -> ChangesFile | None:
    """The plan's later administrative changes (data/<plan>/thay-doi-hanh-chinh.yaml), if any."""
    return site.extra.get("changes")


def editorial(site: Site) -> EditorialFile:
    return site.extra["editorial"]


def spell(site: Site, text: str) -> str:
    """The site's own text in the one spelling chosen in data/bien-soan.yaml."""
    return respell(text, editorial(site))


def _kind(site: Site) -> str:
    """The document's kind in running text, as the data names it (van_ban › loai: «kế hoạch»,
    «chương trình phối hợp», «hướng dẫn» …), like the plan page's title; «văn bản» when blank."""
    return (site.plan.van_ban.loai.strip() or "văn bản").lower()


def status_title(site: Site) -> str:
    """«Tình trạng của kế hoạch» (of the document's own kind): the status heading of the notice."""
    return f"Tình trạng của {_kind(site)}"


def provenance_plan(site: Site) -> str:
    """«Văn bản kế hoạch» (of the document's own kind): the label of the plan page's notice."""
    kind = _kind(site)
    return "Văn bản" if kind == "văn bản" else f"Văn bản {kind}"


def website_note(site: Site) -> str:
    return f"Ghi chú của website, không thuộc {provenance_plan(site).lower()}."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _plan_name(site: Site) -> str:
    """"<loai> năm <nam> của <issuing body>": "Kế hoạch năm … của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh …"
    ("năm …" only when the document gives its year, "của …" only when the data names the body)."""
    doc = site.plan.van_ban
    year = f" năm {doc.nam}" if doc.nam else ""
    body = f" của {site.org.ten_day_du}" if site.org.ten_day_du else ""
    return f"{doc.loai or 'Văn bản'}{year}{body}"


def draft_sentence(site: Site) -> str:
    """«Bản nhập tự động từ tệp …, chưa được người biên tập đối chiếu.» while the plan is an
    import no editor has checked (ke-hoach.yaml › nhap_tu_dong › da_doi_chieu: false); else ""."""
    draft = site.draft
    return f"Bản nhập tự động từ tệp {draft.tep}, chưa được người biên tập đối chiếu." if draft else ""


def draft_checklist(site: Site) -> str:
    """What the build prints for an unchecked import (editor-only: never on a page): the file,
    then the import's numbered checklist (nhap_tu_dong › can_xac_nhan)."""
    draft = site.draft
    if not draft:
        return ""
    where = site.data_file("plan")
    lines = [f"{where}: {draft_sentence(site)} Làm xong điều nào trong can_xac_nhan thì xoá "
             "điều đó; khi danh sách trống và đã đối chiếu, đặt «da_doi_chieu: true» trong nhap_tu_dong."]
    if draft.can_xac_nhan:
        lines.append("Còn cần xác nhận hoặc bổ sung:")
        lines += [f"  {i}. {item}" for i, item in enumerate(draft.can_xac_nhan, 1)]
    differences = site.draft_differences
    if differences:
        lines.append("Trang Kế hoạch chưa khớp văn bản gốc (sửa trước khi đặt «da_doi_chieu: true»; khi đó mỗi "
                     "điều dưới đây dừng việc tạo website):")
        lines += [f"  - {text}" for text in differences]
    lines += [f"Lưu ý: {sentence}" for sentence in site.unmade_pages]
    return "\n".join(lines)


def compiler(site: Site) -> str:
    """Who compiled the reference material (never the issuing body)."""
    return editorial(site).bien_soan


def _issued(site: Site) -> str:
    """« đã ban hành» for a document that has a number, a date of issue or a signer's name; "" for one with none of
    them (review r19s defect 11: a copy with a blank day, no number and «(Đã ký)» above no name), which the site
    never calls issued."""
    doc = site.plan.van_ban
    return " đã ban hành" if doc.so or doc.ngay_ban_hanh or site.plan.chu_ky.nguoi_ky else ""


def provenance_text(site: Site, kind: Kind) -> str:
    draft = draft_sentence(site)
    if kind is Kind.PLAN and draft:  # not yet "chép đúng": nobody has compared it with the document
        return (f"{draft} Toàn văn {_plan_name(site)} như website đọc được từ tệp đó. "
                f"Các trang khác của website là tài liệu tham khảo biên soạn từ {_kind(site)} này.")
    if kind is Kind.PLAN:
        return (f"Toàn văn {_plan_name(site)}, chép đúng văn bản{_issued(site)}. "
                f"Các trang khác của website là tài liệu tham khảo biên soạn từ {_kind(site)} này.")
    return ((f"{draft} " if draft else "") + f"Do {_lower_first(compiler(site))} biên soạn từ {_plan_name(site)}; "
            "không phải văn bản chính thức, không do cơ quan này ban hành. "
            f"Chỉ trang «{links.plan_page_title(site)}» là toàn văn văn bản{_issued(site)}.")


def _compiled_parts(plans: list[Site]) -> str:
    """"Các trang khác, Sổ tay, bản tóm tắt và mẫu in": only what the plans have (a handbook;
    a handout and a report template per unit)."""
    parts = ["Các trang khác", *(["Sổ tay"] if any(p.has_handbook for p in plans) else []),
             *(["bản tóm tắt", "mẫu in"] if any(p.has_units for p in plans) else [])]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} và {parts[-1]}"


def footer_text(site: Site) -> str:
    """One line for the footer of every page: who wrote what."""
    return (f"Trang «{links.plan_page_title(site)}» chép toàn văn {_plan_name(site)}. {_compiled_parts([site])} "
            f"là tài liệu tham khảo do {_lower_first(compiler(site))} biên soạn từ {_kind(site)}, "
            "không phải văn bản chính thức.")


def page_footer_text(plans: list[Site], site: Site | None) -> str:
    """The footer of one page: its own plan's footer_text; a site-wide page (`site` None) of a
    website with several plans names none of them (each has its own «Kế hoạch» page)."""
    if site is not None or len(plans) == 1:
        return footer_text(site or plans[0])
    # Each plan's page is titled by its kind («Kế hoạch», «Chương trình phối hợp» …): all of them named.
    titles = list(dict.fromkeys(links.plan_page_title(p) for p in plans))
    word = titles[0].lower() if len(titles) == 1 else "văn bản"
    named = " hay ".join(f"«{t}»" for t in titles)
    return (f"Trang {named} của mỗi {word} chép toàn văn văn bản đó. {_compiled_parts(plans)} "
            f"là tài liệu tham khảo do {_lower_first(compiler(plans[0]))} biên soạn từ các "
            f"{word}, không phải văn bản chính thức.")


def plan_description(site: Site) -> str:
    """One line that says what the plan is, from its own data: its kind and subject
    («Kế hoạch vận động …», text.kind_and_subject), else its name (website.yaml › ke_hoach › ten, or kind and year)."""
    doc = site.plan.van_ban
    what = kind_and_subject(doc.loai, doc.trich_yeu)
    if not doc.trich_yeu.strip():
        what = site.title.strip()
    if not what:  # nothing in the data says what it is: no description rather than another plan's
        return ""
    return what if what.endswith((".", "?", "!")) else what + "."


def page_description(plans: list[Site], site: Site | None, fallback: str) -> str:
    """A page's <meta name="description"> (and its link preview's when the page says nothing
    short): on a website of several plans a plan's page describes its own plan (plan_description),
    never another's; a site-wide page, or the website of one plan, the website's (`fallback`)."""
    if site is not None and len(plans) > 1:
        return plan_description(site)
    return fallback


def conference_sentence(site: Site) -> str:
    """The plan's own sentence on the number of conferences ("Tổ chức từ 02 đến 04
    hội nghị … tại các khu dân cư …"), quoted rather than read as a count per unit: the text of
    the step that holds {so_hoi_nghi}. "" when no step does: the site then quotes nothing
    rather than a sentence the plan does not write (review r19k)."""
    steps = site.plan.cac_buoc.buoc if site.plan.cac_buoc is not None else []
    step = next((s for s in steps if "{so_hoi_nghi}" in s.noi_dung), None)
    if step is None:
        return ""
    # The section's own words (doan) when it keeps them: the quote is the plan's characters, never
    # the step's text with the count filled in (review r19n, defect 1; the check compares the two).
    own = conferences.plan_sentence(site.plan)
    return own if own is not None else site.fill(step.noi_dung)


def period_sentence(site: Site) -> str:
    """The plan's period, or "" when it has no structured time section."""
    period = site.plan.thoi_gian_dia_diem
    if period is None:
        return ""
    if P.one_point(period) or P.as_written(period):  # «Thời gian thực hiện: Quý IV/…»; the plan's own phrase
        return f"{site.plan.van_ban.loai} thực hiện {P.words(period)}."
    start = f"từ {period.bat_dau.words} " if period.bat_dau is not None else ""
    return f"{site.plan.van_ban.loai} thực hiện {start}đến {period.ket_thuc.with_day_word}."


def change_items(site: Site, brief: bool = False) -> list[tuple[str, str]]:
    """Each later change as (what changed, its basis): "Từ ngày …, … .", "Căn cứ: … .";
    `brief`: the basis by number, date and body only (the PDFs: a handout is one sheet)."""
    out = []
    later = changes(site)
    for change in later.thay_doi if later is not None else ():
        sources = "; ".join(source_line(s, brief) for s in change.can_cu)
        out.append((f"Từ ngày {format_date(change.ngay)}, {change.noi_dung}.", f"Căn cứ: {sources}."))
    return out


def change_sentences(site: Site, brief: bool = False) -> list[str]:
    return [f"{what} {basis}" for what, basis in change_items(site, brief)]


def as_of_sentence(site: Site) -> str:
    # The year of issue where the document is dated (a plan issued in one year for the next, review r19t), else
    # the plan's year.
    issued = site.plan.van_ban.ngay_ban_hanh
    year = (f" (năm {issued.year})" if issued else f" (năm {site.plan.van_ban.nam})" if site.plan.van_ban.nam else "")
    return (f"Tên các {site.plan.ten_goi_don_vi}, cơ quan, nhiệm vụ và thời hạn ghi ở đây theo {_kind(site)}, "
            f"tại thời điểm ban hành {_kind(site)}{year}.")


def status_sentences(site: Site, brief: bool = False) -> list[str]:
    """The notice as plain sentences (for tests, metadata and plain-text uses); `brief`: as in the PDFs.
    (An unchecked import is said in the provenance, before these.)"""
    return [s for s in (period_sentence(site),) if s] + [*change_sentences(site, brief), as_of_sentence(site)]


def status_items(site: Site) -> list[tuple[str, str]]:
    """status_sentences as (sentence, basis or ""): a page's printout leaves the bases
    off to keep a unit's page on one sheet; the PDFs and the open notice show them."""
    return [(s, "") for s in (period_sentence(site),) if s] + [*change_items(site), (as_of_sentence(site), "")]


def ended_clause(site: Site) -> str:
    """Where the plan stands, as a clause ("" without a period): "kế hoạch đã kết thúc ngày
    <ket_thuc>" after its period; "tính đến ngày <build date> (ngày cập nhật website), kế hoạch
    đang trong thời gian thực hiện, đến hết ngày <ket_thuc>" or "… chưa bắt đầu thực hiện
    (bắt đầu từ tháng …)" before its end; "kế hoạch thực hiện đến hết ngày <ket_thuc>" with no date."""
    period = site.plan.thoi_gian_dia_diem
    if period is None:
        return ""
    kind = (site.plan.van_ban.loai or "kế hoạch").lower()
    # The end as the plan writes it («ngày 30/11/…», «tháng 11/…», «Quý IV/…»), never a day it does not write.
    end = period.ket_thuc.with_day_word
    status = plan_status.status(site)
    if status == plan_status.ENDED:
        return (f"{kind} đã kết thúc {end}" if period.ket_thuc.kind == "ngay"
                else f"{kind} đã hết thời gian thực hiện (đến hết {end})")
    if status is None:
        return f"{kind} thực hiện đến hết {end}"
    as_of = f"tính đến ngày {format_date(status)} (ngày cập nhật website), {kind}"
    if period.bat_dau is not None and status < period.bat_dau.first_day:
        return f"{as_of} chưa bắt đầu thực hiện (bắt đầu từ {period.bat_dau.words}, đến hết {end})"
    return f"{as_of} đang trong thời gian thực hiện, đến hết {end}"


def _status_clause(site: Site) -> str:
    """"; <ended>; <changed>" as far as the data says anything ("" when it says nothing)."""
    ended = ended_clause(site)
    changed = changed_clause(site)
    return (f"; {ended}{changed}" if ended else changed)


def one_line(site: Site, kind: Kind) -> str:
    """The notice folded to one line (the <summary> on every page and printout): what
    this is, and where the plan stands (ended_clause); an unchecked import says so first."""
    draft = draft_sentence(site)
    if kind is Kind.PLAN:
        label = provenance_plan(site)
        head = f"{draft} {label}" if draft else f"{label}: chép đúng văn bản{_issued(site)}"
        return f"{head}{_status_clause(site)}."
    return (f"{draft} " if draft else "") + f"{PROVENANCE_REFERENCE}, không phải văn bản chính thức{_status_clause(site)}."


def changed_clause(site: Site) -> str:
    """"; có thay đổi hành chính từ ngày <the first later change>" (thay-doi-hanh-chinh.yaml),
    or "": the folded line and a printout say that the names in the plan are no longer
    today's, not only that its period is over."""
    later = changes(site)
    if later is None or not later.thay_doi:
        return ""
    return f"; có thay đổi hành chính từ ngày {format_date(min(c.ngay for c in later.thay_doi))}"


def file_notice(site: Site) -> str:
    """What a download is and where the plan stands, as plain text: the workbooks'
    description and first line, the calendars' X-WR-CALDESC and each event's DESCRIPTION."""
    period = period_sentence(site)
    return " ".join([f"{PROVENANCE_REFERENCE}. {provenance_text(site, Kind.REFERENCE)}",
                     *([f"{status_title(site)}: {_lower_first(period)[:-1]}; {ended_clause(site)}."] if period else []),
                     *change_sentences(site)])


def file_notice_short(site: Site) -> str:
    """One cell's worth of file_notice (each row of a CSV file)."""
    draft = draft_sentence(site)
    return ((f"{draft} " if draft else "") + f"{PROVENANCE_REFERENCE} do {_lower_first(compiler(site))} biên soạn "
            f"từ {_plan_name(site)}, không phải văn bản chính thức{_status_clause(site)}.")


def notice_html(site: Site, kind: Kind, compact: bool = False, pdf: bool = False) -> str:
    """The boxed notice: what this is, then where the plan stands (templates/notice.html,
    escaped), kept out of the search index (it is the same on every page). `compact`:
    one paragraph, for a printout with little room left (the same sentences); `pdf`:
    marked as the website's note in a PDF."""
    label = provenance_plan(site) if kind is Kind.PLAN else PROVENANCE_REFERENCE
    # Printed after the plan's signature: say first that it is not part of the document.
    lead = website_note(site) if compact and kind is Kind.PLAN else ""
    return fragment("notice.html", compact=compact, pdf=pdf, kind=kind.value, lead=lead, label=label,
                  provenance=provenance_text(site, kind), title=status_title(site), status=status_sentences(site, brief=pdf),
                  items=status_items(site), line=one_line(site, kind))


def plan_status_line(site: Site) -> str:
    """Where one plan stands, as a sentence («Kế hoạch đã hết thời gian thực hiện (…).»), "" without a period:
    each plan's own line on the list of plans (review r19o, defect 12)."""
    clause = ended_clause(site)
    return f"{clause[:1].upper()}{clause[1:]}{changed_clause(site)}." if clause else ""


def website_notice_html(plans: list[Site]) -> str:
    """The notice of a site-wide page (the list of plans, the guide …) on a website of several plans: what the
    page is, and where each plan stands by its own title, never one plan's status for all (review r19o, defect 12)."""
    first = plans[0]
    items = [(f"{p.title}: {_lower_first(plan_status_line(p))}", "") for p in plans if plan_status_line(p)]
    provenance = (f"Do {_lower_first(compiler(first))} biên soạn từ các văn bản trên website; không phải văn bản "
                  f"chính thức, không do cơ quan ban hành các văn bản đó ban hành. Chỉ trang "
                  f"«{links.plan_page_title(first)}» của mỗi văn bản là toàn văn văn bản"
                  f"{' đã ban hành' if all(_issued(p) for p in plans) else ''}.")
    return fragment("notice.html", compact=False, pdf=False, kind=Kind.REFERENCE.value, lead="",
                    label=PROVENANCE_REFERENCE, provenance=provenance, title="Tình trạng của từng văn bản",
                    status=[s for s, _ in items], items=items,
                    line=f"{PROVENANCE_REFERENCE}, không phải văn bản chính thức; mỗi văn bản có tình trạng riêng.")


def page_kind(site: Site, src_uri: str) -> Kind:
    """The plan page is the plan's text as issued; every other page is reference material."""
    return Kind.PLAN if src_uri == site.prefix + links.PLAN else Kind.REFERENCE


def site_notice_html(plans: list[Site], site: Site | None, src_uri: str) -> str:
    """The notice of a page: its own plan's (page_notice_html); a site-wide page (`site` None) of a website with
    several plans: website_notice_html, no one plan's status."""
    if site is None and len(plans) > 1:
        return website_notice_html(plans)
    return page_notice_html(site or plans[0], src_uri)


def page_notice_html(site: Site, src_uri: str) -> str:
    """The notice on top of every page (overrides/main.html, one place for all pages):
    one line that opens (<details>) to what the page is and where the plan stands."""
    return notice_html(site, page_kind(site, src_uri))

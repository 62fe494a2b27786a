"""The plan's full text, in the order and layout of the original document.

The header and the closing blocks are HTML (two columns, as Nghị định 30/2020
lays them out); the body is Markdown so that headings get anchors, a table of
contents and their own search entries.
"""

import re

from markupsafe import Markup

from .. import period as P
from ..dates import format_date, format_date_long
from ..numbers import format_money
from ..site import Site
from ..templating import fragment, render
from ..model import BasisText, Item, Note, RecipientLines, Table, VerbatimSection
from ..sections import heading, item_ref, roman, section_number  # noqa: F401  (cited from here by render)
from . import notice

# Blank kept for a number or a date the document does not have yet.
BLANK = "\u00a0" * 6



def conference_step_ref(site: Site) -> str:
    """Where the plan sets the number of conferences: "III.3" (its section and the step's
    number there), found from the data: the step whose text holds {so_hoi_nghi}."""
    steps = site.plan.cac_buoc.buoc
    i = next((i for i, s in enumerate(steps, 1) if "{so_hoi_nghi}" in s.noi_dung), None)
    if i and steps[i - 1].so:  # the step's number as the plan writes it («Bước 2»): "III, Bước 2"
        return item_ref(section_number(site, "cac_buoc"), steps[i - 1].so)
    return section_number(site, "cac_buoc") + (f".{i}" if i else "")


def conference_heading(site: Site) -> str:
    """The name of the plan's step that sets the conferences (its short name, cac_buoc › buoc ›
    ten_ngan: the step whose text holds {so_hoi_nghi}), for the compiled report's part and the
    calendar's events; «Tổ chức hội nghị» when no step does."""
    steps = site.plan.cac_buoc.buoc if site.plan.cac_buoc is not None else []
    step = next((s for s in steps if "{so_hoi_nghi}" in s.noi_dung), None)
    return step.ten_ngan if step is not None and step.ten_ngan and step.ten_ngan.strip() else "Tổ chức hội nghị"


def conference_rule(site: Site) -> str:
    """What the plan says about the number of conferences, quoted, with where it says it: a number
    for each unit when the plan sets one (cac_buoc › hoi_nghi › moi_don_vi), else that it sets none; "" without
    a structured steps section."""
    if site.plan.cac_buoc is None:  # no structured steps: the plan's count is not read (review r19n, defect 5)
        return ""
    sentence = notice.conference_sentence(site)
    said = f"Kế hoạch (mục {conference_step_ref(site)}) ghi: «{sentence}» " if sentence else ""
    if site.plan.cac_buoc.hoi_nghi is None:  # the plan writes no count: nothing is said about one (review bad9, #4)
        return said.rstrip()
    if site.plan.cac_buoc.hoi_nghi.moi_don_vi:
        return said + f"Số hội nghị của mỗi {site.plan.ten_goi_don_vi}: {site.placeholders['so_hoi_nghi']}."
    return said + f"Kế hoạch không ghi số hội nghị riêng cho từng {site.plan.ten_goi_don_vi}."


def number_line(site: Site) -> str:
    doc = site.plan.van_ban
    if doc.dong_so:  # as the document writes it («Số: 225 - KH/TWĐTN-CTTN»)
        return doc.dong_so
    return f"Số: {doc.so or BLANK}" + (f"/{doc.ky_hieu}" if doc.ky_hieu else "")


def place_date_line(site: Site) -> str:
    doc = site.plan.van_ban
    if doc.dong_dia_danh_ngay:
        return doc.dong_dia_danh_ngay  # as the document writes it, blanks included
    place = f"{site.org.dia_danh}, " if site.org.dia_danh else ""
    if doc.ngay_ban_hanh:
        return f"{place}{format_date_long(doc.ngay_ban_hanh)}"
    return f"{place}ngày{BLANK}tháng{BLANK}năm {doc.nam or BLANK}"


# Words that start a territorial unit in a body name ("… TỈNH KON TUM").
_TERRITORY_WORDS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN")


def body_name_lines(name: str, max_chars: int = 24) -> list[str]:
    """Header lines of a body name, broken as such headers are set by hand.

    A long name ("ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM") does not fit the left
    column on one line; left to wrap it would leave one word alone, so it is
    broken before its last territorial-unit word: "ỦY BAN MTTQ VIỆT NAM / TỈNH KON TUM".
    """
    if len(name) <= max_chars:
        return [name]
    starts = [i for word in _TERRITORY_WORDS for i in range(1, len(name))
              if name.startswith(word + " ", i) and name[i - 1] == " "]
    if not starts:
        return [name]
    cut = max(starts)
    return [name[:cut].strip(), name[cut:].strip()]


def parent_lines(org) -> list[str]:
    """The parent body's header lines: as the document breaks them (dong_co_quan_cap_tren), else broken here."""
    return list(org.dong_co_quan_cap_tren) or body_name_lines(org.co_quan_cap_tren)


def issuer_lines(org) -> list[str]:
    """The issuing body's header lines: as the document breaks them (dong_co_quan_ban_hanh), else broken here."""
    if org.dong_co_quan_ban_hanh:
        return list(org.dong_co_quan_ban_hanh)
    if org.cac_co_quan_ban_hanh:  # a joint document: each body's lines, a «—» line between two bodies
        return [line for i, body in enumerate(org.cac_co_quan_ban_hanh)
                for line in ([] if i == 0 else ["—"]) + body_name_lines(body)]
    return body_name_lines(org.co_quan_ban_hanh)


def text_author(site: Site) -> str:
    """Who the plan's own text is by, for a file's metadata (the PDF's Author, the .docx's creator): the
    issuing body's full name (co-quan.yaml › ten_day_du); left blank («chưa biết»), the issuing body as the
    document's header writes it (its lines, then its parent's: «BAN THƯỜNG TRỰC ỦY BAN …»; a joint document's
    bodies joined by «và»); with no header either, whoever compiled the file (bien-soan.yaml › bien_soan).
    Never blank: every file says who made it."""
    org = site.org
    if org.ten_day_du:
        return org.ten_day_du

    def said(lines, one):
        """The lines of one body, or of bodies a «—» line parts (a joint document), read as names."""
        names, name = [], []
        for line in lines or [one]:
            if line and not line.strip("—–- "):
                names.append(" ".join(name))
                name = []
            elif line:
                name.append(line.strip())
        return " và ".join(n for n in [*names, " ".join(name)] if n)

    if org.cac_co_quan_ban_hanh:
        body = " và ".join(org.cac_co_quan_ban_hanh)
    else:
        body = said(org.dong_co_quan_ban_hanh, org.co_quan_ban_hanh)
        parent = said(org.dong_co_quan_cap_tren, org.co_quan_cap_tren)
        body = f"{body} {parent}" if body and parent else body
    return body or notice.compiler(site)


def header_lines(org, lines: list[str]) -> list[tuple[str, bool | None]]:
    """Each header line with its weight as the document writes it (co-quan.yaml dong_in_dam): True bold,
    False not; None when the data does not say (the stylesheet's: the issuing body bold, Nghị định 30)."""
    if org.dong_in_dam is None:
        return [(line, None) for line in lines]
    return [(line, line in org.dong_in_dam if line else None) for line in lines]


def as_written_size(org, max_chars: int = 24) -> int | None:
    """The printed size (pt) of a header whose lines are as the document breaks them (dong_co_quan_…),
    so that its longest line fits its column unbroken: 13 pt up to `max_chars` characters (the width
    body_name_lines breaks at), smaller in proportion, never under 9 pt. None for a header broken here."""
    lines = [*org.dong_co_quan_cap_tren, *org.dong_co_quan_ban_hanh]
    if not lines:
        return None
    longest = max(len(line) for line in [*parent_lines(org), *issuer_lines(org)])
    return 13 if longest <= max_chars else max(9, 13 * max_chars // longest)


def header_html(site: Site) -> Markup:
    """The official header of the plan (one template for every issued document)."""
    org = site.org
    return fragment("official_header.html", parent_lines=header_lines(org, parent_lines(org)), as_written=as_written_size(org),
                  issuer_lines=header_lines(org, issuer_lines(org)), issuer_mark=org.dong_duoi_co_quan_ban_hanh,
                  nation=org.quoc_hieu, motto=org.tieu_ngu,
                  number=number_line(site), place_date=place_date_line(site), subject_line=_header_subject(site))


def _header_subject(site: Site) -> str:
    """The trích yếu of a document without a kind line (a công văn: «V/v …»), which Nghị định 30/2020
    places under the number in the header's left column; "" for a document with a title."""
    doc = site.plan.van_ban
    return "" if doc.in_ten_loai else doc.trich_yeu


def subject_lines(doc) -> list[str]:
    """The trích yếu in the lines the document breaks it into (van_ban.dong_trich_yeu), else its one line; [] when
    blank. Only the document's own title block prints these lines; every other place uses trich_yeu."""
    return list(doc.dong_trich_yeu) or ([doc.trich_yeu] if doc.trich_yeu else [])


def title_html(site: Site) -> Markup:
    doc = site.plan.van_ban
    # The rule as written, each character a character reference (Markdown would read «___» or «---»).
    return fragment("plan_title.html", kind=doc.loai, kind_written=doc.in_ten_loai,
                    summary=subject_lines(doc) if not _header_subject(site) else [],  # else in the header
                    rule=[ord(c) for c in doc.dong_ke], authority=doc.dong_tham_quyen)


def basis_paragraphs(site: Site) -> list[str]:
    out = []
    for doc in site.plan.can_cu:
        if isinstance(doc, BasisText):
            out.append(doc.van_ban)  # as the document writes it
            continue
        out.append(f"Căn cứ {doc.loai} số {doc.so}, ngày {format_date(doc.ngay)} của {doc.co_quan} “{doc.trich_yeu}”.")
    return out


def numbered(items: list[str]) -> dict:
    """A numbered list of the body (plan_body.md): "1\\. …", each item a paragraph."""
    return {"kind": "numbered", "items": list(items)}


def _text(text: str) -> dict:
    return {"kind": "text", "text": text}


def budget_sentence(site: Site) -> str:
    """"Từ kinh phí …, cụ thể: 5.000.000đ/01 đơn vị x 10 huyện, thành phố = 50.000.000đ (…)."""
    plan = site.plan
    total = format_money(site.total) + (f" ({site.total_in_words})" if site.total_in_words else "")
    if site.uniform_amount:
        n = len(site.units)
        detail = f"{format_money(plan.kinh_phi.dinh_muc)}/01 đơn vị x {n} {plan.ten_goi_don_vi} = {total}"
    else:
        parts = "; ".join(f"{u.ten} {format_money(site.amount(u.ma))}" for u in site.units)
        detail = f"{parts}; tổng cộng {total}"
    return f"{plan.kinh_phi.nguon}, cụ thể: {detail}." if plan.kinh_phi.nguon else f"Cụ thể: {detail}."


def places_line(site: Site) -> str:
    n = len(site.units)
    return f"Địa điểm: {n}/{n} {site.plan.ten_goi_don_vi}"


def period_line(site: Site) -> str:
    period = site.plan.thoi_gian_dia_diem
    return f"Thời gian: Thực hiện {P.words(period)}"


def _numbered_heading(section, place: int, level: str = "##") -> dict:
    return {"kind": "heading", "level": level, "number": "", "text": heading(section, place).strip()}


def _purposes(site: Site, s) -> list[dict]:
    return [numbered(list(s.muc))]


def _contents(site: Site, s) -> list[dict]:
    return [_text(s.loi_dan)] * bool(s.loi_dan) + [numbered([t.noi_dung for t in s.muc])]


def _steps(site: Site, s) -> list[dict]:
    return [numbered([site.fill(step.noi_dung) for step in s.buoc])]


def _period(site: Site, s) -> list[dict]:
    return [numbered([period_line(site)] + ([places_line(site)] if site.units else []))]


def _budget(site: Site, s) -> list[dict]:
    return [_text(budget_sentence(site))]


def _organisation(site: Site, org) -> list[dict]:
    parts = [_text(org.loi_dan)] * bool(org.loi_dan)
    for i, a in enumerate(org.phan_cong, 1):
        parts += [{"kind": "heading", "level": "###", "number": f"{i}. ", "text": a.tieu_de or site.department(a.ban).ten},
                  _text(a.nhiem_vu)]
    # "* Ghi chú:" as the plan writes it; none when the plan asks for no report
    if org.bao_cao is not None:
        parts += [{"kind": "html", "html": fragment("plan_note.html", post=str.strip, title=org.bao_cao.tieu_de,
                                                    text=site.fill(org.bao_cao.loi_van))}]
    local = org.don_vi_thuc_hien
    if local is None:  # no item of the units' own task in the plan: none printed
        return parts
    parts += [{"kind": "heading", "level": "###", "number": f"{len(org.phan_cong) + 1}. ",
               "text": local.tieu_de or local.ten}, _text(local.nhiem_vu)]
    return parts


_STRUCTURED_BODY = {"muc_dich_yeu_cau": _purposes, "noi_dung": _contents, "cac_buoc": _steps,
                    "thoi_gian_dia_diem": _period, "kinh_phi": _budget, "to_chuc_thuc_hien": _organisation}


def _runs(value) -> list[dict]:
    """A text as written: one plain piece, or its pieces with bold and italic."""
    if isinstance(value, str):
        return [{"text": value, "bold": False, "italic": False}]
    return [{"text": r, "bold": False, "italic": False} if isinstance(r, str) else {"text": r.chu, "bold": r.dam, "italic": r.nghieng} for r in value]


def _table_cells(table: Table) -> list[list[dict]]:
    """A table's rows of cells, each {runs, rowspan, colspan}: a merged cell (o_gop) once, spanning what it
    covers, the covered cells left out (review r19j B1)."""
    spans = {(m.dong - 1, m.cot - 1): (m.so_dong, m.so_cot) for m in table.o_gop}
    covered = {(i, j) for (r, c), (nr, nc) in spans.items() for i in range(r, r + nr) for j in range(c, c + nc)
               if (i, j) != (r, c)}
    bold = {n - 1 for n in table.dong_in_dam}  # rows bold as the document prints them (counted from 1, header rows too)
    return [[{"runs": _bolded(_runs(cell)) if i in bold else _runs(cell),
              "rowspan": spans.get((i, j), (1, 1))[0], "colspan": spans.get((i, j), (1, 1))[1]}
             for j, cell in enumerate(row) if (i, j) not in covered] for i, row in enumerate(table.bang)]


def _bolded(runs: list[dict]) -> list[dict]:
    return [{**r, "bold": True} if r["text"] else r for r in runs]


def _block(block) -> dict:
    """A block of a verbatim section as plain values for templates/plan_blocks.html."""
    if isinstance(block, Item):
        return {"kind": "item", "marker": block.ky_hieu, "runs": _runs(block.van_ban),
                "children": [_block(b) for b in block.doan]}
    if isinstance(block, Table):
        rows = _table_cells(block)
        return {"kind": "table", "head": rows[:block.dong_tieu_de], "body": rows[block.dong_tieu_de:]}
    if isinstance(block, Note):
        return {"kind": "note", "title": _runs(block.ghi_chu), "runs": _runs(block.van_ban)}
    return {"kind": "paragraph", "runs": _runs(block)}


# «Kính gửi:» opening a công văn's addressees (Nghị định 30/2020: the lines of two or more addressees,
# each «- …;», stand one under the other, their dashes aligned after the colon).
_TO = re.compile(r"\s*(Kính gửi\s*:)\s*", re.IGNORECASE)


def _plain(runs: list[dict]) -> str:
    return "".join(r["text"] for r in runs)


def _cut(runs: list[dict], at: int) -> tuple[list[dict], list[dict]]:
    """The pieces before and after the `at`-th character, bold and italic kept."""
    before, after, seen = [], [], 0
    for r in runs:
        n = len(r["text"])
        if seen + n <= at:
            before.append(r)
        elif seen >= at:
            after.append(r)
        else:
            before.append({**r, "text": r["text"][:at - seen]})
            after.append({**r, "text": r["text"][at - seen:]})
        seen += n
    return before, [r for r in after if r["text"]]


def _addressee(block: dict) -> list[dict] | None:
    """The pieces of a paragraph or «-» item that is one more addressee line («- Các tổ chức …;»)."""
    if block["kind"] == "item" and not block["children"] and block["marker"] in ("-", "–", "+"):
        return [{"text": block["marker"] + " ", "bold": False, "italic": False}, *block["runs"]]
    if block["kind"] == "paragraph" and _plain(block["runs"]).lstrip()[:1] in ("-", "–"):
        return block["runs"]
    return None


def _addressed(blocks: list[dict]) -> list[dict]:
    """A paragraph «Kính gửi: - A;» and the «- B.» lines after it as one block: the label, then the
    addressees one per line (templates/plan_blocks.html), every character as written (the tab
    between the label and the first addressee is the layout's space)."""
    out, i = [], 0
    while i < len(blocks):
        b = blocks[i]
        found = _TO.match(_plain(b["runs"])) if b["kind"] == "paragraph" else None
        if found is None:
            out.append(b)
            i += 1
            continue
        label, _ = _cut(b["runs"], found.end(1))
        _, first = _cut(b["runs"], found.end())
        lines = [first] if first else []
        i += 1
        while i < len(blocks) and (not lines or not _plain(lines[-1]).rstrip().endswith(".")):
            more = _addressee(blocks[i])
            if more is None:
                break
            lines.append(more)
            i += 1
        out.append({"kind": "to", "label": label, "lines": lines})
    return out


def verbatim_html(section, quote: bool = False) -> Markup:
    """Every block of a section's own words (`doan`: a verbatim section, or a structured one that keeps
    them), as written, in order (one raw HTML block of the Markdown body: no line of it is blank, so
    Markdown keeps it whole). `quote`: set apart as a quotation of the plan (a computed page's «Trích kế hoạch»)."""
    return fragment("plan_blocks.html", post=lambda html: "\n".join(line for line in html.splitlines() if line.strip()),
                    section_blocks=_addressed([_block(b) for b in section.doan]), appendix=False, quote=quote)


def body_markdown(site: Site) -> Markup:
    """The plan's body as Markdown (macros/templates/plan_body.md): its parts as data,
    text md-escaped by the template."""
    p = site.plan
    parts = [_text(t) for t in basis_paragraphs(site)]
    if isinstance(p.mo_dau, str) and p.mo_dau:
        parts.append(_text(p.mo_dau))
    elif p.mo_dau:  # with bold or italic pieces: as a verbatim paragraph
        parts.append({"kind": "html", "html": fragment(
            "plan_blocks.html", post=lambda html: "\n".join(line for line in html.splitlines() if line.strip()),
            section_blocks=[_block(p.mo_dau)], appendix=False)})
    if p.van_ban.dong_ban_hanh:  # «QUYẾT ĐỊNH:» after the basis, centred as written (review r19j A3)
        parts.append({"kind": "html", "html": fragment("plan_enacting.html", post=str.strip, text=p.van_ban.dong_ban_hanh)})
    for place, section in enumerate(p.muc, 1):
        if heading(section, place).strip():  # a section the document neither numbers nor titles: no "## "
            parts.append(_numbered_heading(section, place))
        if isinstance(section, VerbatimSection) or section.doan:  # the document's own words, as written
            if section.doan:
                parts.append({"kind": "html", "html": verbatim_html(section)})
        else:
            parts += _STRUCTURED_BODY[section.loai](site, section)
    parts += [_text(p.ket_luan)] if p.ket_luan else []
    return fragment("plan_body.md", parts=parts)


def recipients_lines(site: Site) -> list[str]:
    """The lines under «Nơi nhận:». A recipient written without ghi_chu is the document's
    own line, printed character for character ("Đ/c … tỉnh;(B/c)"); with ghi_chu the line
    is set as "ten; (ghi_chu)". The filing line likewise: dong_luu as written, else
    "Lưu: VT, …" from luu."""
    rec = site.plan.noi_nhan
    if isinstance(rec, RecipientLines):
        return list(rec.dong)  # as the document writes them
    lines = [f"- {r.ten}" + (f"; ({r.ghi_chu})" if r.ghi_chu else "") for r in rec.gui]
    lines.append(f"- {rec.dong_luu}" if rec.dong_luu else f"- Lưu: {', '.join(rec.luu)}.")
    return lines


def closing_html(site: Site) -> Markup:
    """Recipients and the signature block (one template for every issued document), then what the
    document has after the signature (phu_luc: an appendix, its tables), as written."""
    sig = site.plan.chu_ky
    closing = fragment("official_signature.html", recipients=recipients_lines(site), authority=sig.quyen_han,
                       more=sig.quyen_han_them,
                       title=sig.chuc_vu, status=sig.trang_thai, name=sig.nguoi_ky,
                       others=[{"authority": o.quyen_han, "more": o.quyen_han_them, "title": o.chuc_vu,
                                "status": o.trang_thai, "name": o.nguoi_ky} for o in site.plan.chu_ky_khac],
                       recipients_after=site.plan.noi_nhan_sau_chu_ky)
    if not site.plan.phu_luc:
        return closing
    return closing + fragment("plan_blocks.html", post=lambda html: "\n".join(line for line in html.splitlines() if line.strip()),
                              section_blocks=[_block(b) for b in site.plan.phu_luc], appendix=True)


def layout_note_html(site: Site) -> Markup:
    """A small line above the document, not part of it: the header (bodies, national name
    and motto, «Số:», place and date) is set by the site as Nghị định 30/2020/NĐ-CP lays
    it out, when the plan's data says the copy it follows has no header
    (van_ban.phan_dau_do_website_trinh_bay); the number and date of issue, named only when blank.
    Empty when the copy has its header, number and date."""
    doc = site.plan.van_ban
    missing = [what for what, value in (("số", doc.so), ("ngày ban hành", doc.ngay_ban_hanh)) if not value]
    return fragment("plan_layout_note.html", laid_out=doc.phan_dau_do_website_trinh_bay, missing=missing)


def plan_page(site: Site) -> str:
    """The whole document: header, title, body, recipients and signature, under
    the site's notice (what this page is, where the plan stands) and the site's
    note on the header's layout, neither part of the document (plan_page.md)."""
    return render("plan_page.md", note=layout_note_html(site), header=header_html(site), title=title_html(site),
                  body=body_markdown(site), closing=closing_html(site))

"""The plan as a Word document (.docx), written with python-docx from the model.

The same document the plan page shows (render/plan.py): the header in a two-column
table as Nghị định 30/2020 lays it out, the kind and subject, căn cứ, opening, every
section in order with its number and title as the data give them (structured sections
as the page words them unless they keep the document's words in `doan`, verbatim sections block by block with their markers, tables,
notes, bold and italic), the closing, and «Nơi nhận» beside the signature.

Its first use is the import's round trip (tests/test_import_plan.py): this file, read by
`python -m macros.import_plan`, gives a plan whose page reads as the original's.
Numbers are written as text (not Word's automatic numbering), so that the file reads
the same in every office program. Not yet offered as a download on the site.
"""

import io

from ..model import Item, Note, Table, VerbatimSection
from ..render import plan as P
from ..sections import heading
from ..site import Site
from ..text import kind_and_subject


def _runs(paragraph, value, bold: bool = False) -> None:
    if isinstance(value, str):
        paragraph.add_run(value).bold = bold or None
        return
    for r in value:
        if isinstance(r, str):
            paragraph.add_run(r).bold = bold or None
        else:
            run = paragraph.add_run(r.chu)
            run.bold = (r.dam or bold) or None
            run.italic = r.nghieng or None


def _piece_runs(paragraph, pieces: list[dict]) -> None:
    """Pieces as render/plan gives them (text, bold, italic)."""
    for r in pieces:
        run = paragraph.add_run(r["text"])
        run.bold, run.italic = r["bold"] or None, r["italic"] or None


# A công văn's «Kính gửi:» block: the label from here, each addressee's dash under the first one's
# at the hanging indent (Word's first tab stop), as the page and PDF set them (render/plan._addressed).
_TO_LABEL_AT, _TO_NAMES_AT = 2.0, 4.5  # cm from the left margin


def _addressees(doc, block: dict) -> None:
    """«Kính gửi:» and its addressees as one paragraph: the label, a tab, the first addressee; each
    further addressee after a line break, so all start at the same indent."""
    from docx.shared import Cm

    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Cm(_TO_NAMES_AT), Cm(_TO_LABEL_AT - _TO_NAMES_AT)
    fmt.tab_stops.add_tab_stop(Cm(_TO_NAMES_AT))
    _piece_runs(p, block["label"])
    for i, line in enumerate(block["lines"]):
        if i:
            p.add_run().add_break()
        else:
            p.add_run("\t")
        _piece_runs(p, [{**line[0], "text": line[0]["text"].lstrip()}, *line[1:]] if line else [])


def _blocks(doc, blocks, addressed: bool = False) -> None:
    """The blocks as written; `addressed` (a section's own blocks, as render/plan.verbatim_html): a
    «Kính gửi:» paragraph and the addressee lines after it are one block (render/plan._addressed),
    the other blocks come back from it as they went in, each the same object."""
    plain = [P._block(b) for b in blocks]
    at = {id(d): b for d, b in zip(plain, blocks)}
    for grouped in P._addressed(plain) if addressed else plain:
        if grouped["kind"] == "to":
            _addressees(doc, grouped)
            continue
        b = at[id(grouped)]
        if isinstance(b, Item):
            p = doc.add_paragraph()
            if b.ky_hieu:
                p.add_run(b.ky_hieu + " ")
            _runs(p, b.van_ban)
            _blocks(doc, b.doan)
        elif isinstance(b, Table):
            width = max(len(r) for r in b.bang)
            t = doc.add_table(rows=len(b.bang), cols=width)
            t.style = "Table Grid"
            bold = set(b.dong_in_dam)  # rows bold as the document prints them (counted from 1), as on the page
            for i, row in enumerate(b.bang):
                for j, cell in enumerate(row):
                    _runs(t.rows[i].cells[j].paragraphs[0], cell, bold=i < b.dong_tieu_de or i + 1 in bold)
            for m in b.o_gop:  # merged cells as the plan's data has them (the covered cells are blank)
                t.cell(m.dong - 1, m.cot - 1).merge(t.cell(m.dong + m.so_dong - 2, m.cot + m.so_cot - 2))
        elif isinstance(b, Note):
            p = doc.add_paragraph()
            _runs(p, b.ghi_chu, bold=isinstance(b.ghi_chu, str))
            p.add_run(" ")
            _runs(p, b.van_ban)
        else:
            _runs(doc.add_paragraph(), b)


def _structured(site: Site, doc, s) -> None:
    def para(text: str, bold: bool = False) -> None:
        doc.add_paragraph().add_run(text).bold = bold or None

    def numbered(items) -> None:
        for i, text in enumerate(items, 1):
            para(f"{i}. {text}")

    kind = s.loai
    if kind == "muc_dich_yeu_cau":
        numbered(s.muc)
    elif kind == "noi_dung":
        if s.loi_dan:
            para(s.loi_dan)
        numbered([t.noi_dung for t in s.muc])
    elif kind == "cac_buoc":
        numbered([site.fill(step.noi_dung) for step in s.buoc])
    elif kind == "thoi_gian_dia_diem":
        numbered([P.period_line(site)] + ([P.places_line(site)] if site.units else []))
    elif kind == "kinh_phi":
        para(P.budget_sentence(site))
    elif kind == "to_chuc_thuc_hien":
        if s.loi_dan:
            para(s.loi_dan)
        for i, a in enumerate(s.phan_cong, 1):
            para(f"{i}. {a.tieu_de or site.department(a.ban).ten}")
            para(a.nhiem_vu)
        if s.bao_cao is not None:  # else the plan asks for no report: no note
            p = doc.add_paragraph()
            if s.bao_cao.tieu_de:  # the plan's opening words («* Ghi chú:»), when it has some
                p.add_run(s.bao_cao.tieu_de + " ").bold = True
            p.add_run(site.fill(s.bao_cao.loi_van))
        local = s.don_vi_thuc_hien
        if local is not None:  # else the plan has no item of the units' own task
            para(f"{len(s.phan_cong) + 1}. {local.tieu_de or local.ten}")
            para(local.nhiem_vu)


def _cell_lines(cell, lines: list[tuple[str, bool]]) -> None:
    first = True
    for text, bold in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.add_run(text).bold = bold or None
        p.alignment = 1  # centred


def _signature_lines(sig) -> list[tuple[str, bool]]:
    return ([(t, True) for t in (sig.quyen_han, *sig.quyen_han_them, sig.chuc_vu) if t]
            + [(f"({sig.trang_thai})", False)] * bool(sig.trang_thai) + [(sig.nguoi_ky, True)] * bool(sig.nguoi_ky))


def plan_docx(site: Site) -> bytes:
    from docx import Document

    plan, org = site.plan, site.org
    doc = Document()
    left = [(line, bool(bold)) for line, bold in P.header_lines(org, P.parent_lines(org)) if line]
    left += [(line, bold is not False) for line, bold in P.header_lines(org, P.issuer_lines(org)) if line]
    if org.dong_duoi_co_quan_ban_hanh:  # the Đoàn's «***» under the body, as written (the page prints it so)
        left.append((org.dong_duoi_co_quan_ban_hanh, False))
    left.append((P.number_line(site), False))
    # A document without a kind line (a công văn) has its «V/v …» under the number, upright and not
    # bold, as the page's header (render/plan._header_subject, Nghị định 30/2020); no title line then.
    subject = P._header_subject(site)
    if subject:
        left.append((subject, False))
    right = [(line, True) for line in (org.quoc_hieu, org.tieu_ngu) if line] + [(P.place_date_line(site), False)]
    header = doc.add_table(rows=1, cols=2)
    _cell_lines(header.rows[0].cells[0], left)
    _cell_lines(header.rows[0].cells[1], right)
    kind = [(plan.van_ban.loai.upper(), True)] if plan.van_ban.in_ten_loai else []  # a công văn has no kind line
    for text, bold in (*kind, ("" if subject else plan.van_ban.trich_yeu, True), (plan.van_ban.dong_ke, None),
                       (plan.van_ban.dong_tham_quyen, True)):
        if text:
            p = doc.add_paragraph()
            run = p.add_run(text)
            run.bold = bold
            p.alignment = 1
            if text == plan.van_ban.trich_yeu and plan.van_ban.dong_trich_yeu:
                # the title block in the document's lines (van_ban.dong_trich_yeu), parted by Shift+Enter
                run.text = plan.van_ban.dong_trich_yeu[0]
                for line in plan.van_ban.dong_trich_yeu[1:]:
                    run.add_break()
                    run.add_text(line)
    for text in P.basis_paragraphs(site):
        doc.add_paragraph(text)
    if plan.mo_dau:
        _runs(doc.add_paragraph(), plan.mo_dau)
    if plan.van_ban.dong_ban_hanh:  # «QUYẾT ĐỊNH:», centred as the document writes it
        p = doc.add_paragraph()
        p.add_run(plan.van_ban.dong_ban_hanh).bold = True
        p.alignment = 1
    for place, section in enumerate(plan.muc, 1):
        title = heading(section, place)
        if title:  # a section without number and title (an imported opening) has no heading line, as on the page
            doc.add_paragraph().add_run(title).bold = True
        if isinstance(section, VerbatimSection) or section.doan:  # the document's own words, as written
            _blocks(doc, section.doan, addressed=True)
        else:
            _structured(site, doc, section)
    if plan.ket_luan:
        doc.add_paragraph(plan.ket_luan)
    recipients = [("Nơi nhận:", True)] + [(line, False) for line in P.recipients_lines(site)]
    if plan.chu_ky_khac:
        # Several bodies sign side by side: one row of signature blocks in the document's order,
        # «Nơi nhận» in its own row above or below as written.
        if not plan.noi_nhan_sau_chu_ky:
            _cell_lines(doc.add_table(rows=1, cols=2).rows[0].cells[0], recipients)
        signers = [plan.chu_ky, *plan.chu_ky_khac]
        row = doc.add_table(rows=1, cols=len(signers)).rows[0]
        for cell, sig in zip(row.cells, signers):
            _cell_lines(cell, _signature_lines(sig))
        if plan.noi_nhan_sau_chu_ky:
            _cell_lines(doc.add_table(rows=1, cols=2).rows[0].cells[0], recipients)
    else:
        closing = doc.add_table(rows=1, cols=2)
        _cell_lines(closing.rows[0].cells[0], recipients)
        _cell_lines(closing.rows[0].cells[1], _signature_lines(plan.chu_ky))
    _blocks(doc, plan.phu_luc)  # what follows the signature (an appendix), as written
    out = io.BytesIO()
    # Fixed document properties: the same plan gives the same file.
    props = doc.core_properties
    props.author, props.title, props.last_modified_by = P.text_author(site), kind_and_subject(plan.van_ban.loai, plan.van_ban.trich_yeu), ""
    doc.save(out)
    return out.getvalue()

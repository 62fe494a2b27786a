"""The conference toolkit: forms printed on A4 and filled in by hand.

One generic form of each kind, not one per unit: a cadre prints the same sheet
for each of the 2–4 conferences and ticks the unit, the department and the
conference number on a chooser line filled from data. Ten copies of every
form would add fifty pages to a site whose build time grows with its page
count, and would print nothing more than a tick box does.

Everything a form needs from the plan (units, departments, period, number of
conferences, report deadline and recipient, campaign name) comes from the
Site; the wording of the forms comes from data/bo-cong-cu.yaml.
"""

from ..dates import format_date, format_date_long, format_month
from ..numbers import format_money
from ..outputs import FORMS, Form  # noqa: F401  (the pages of the toolkit: the outputs registry's)
from ..results.progress import deadline_owner
from ..site import Site
from ..text import html_escape as h
from ..text import md_escape
from . import links, notice
from .plan import conference_step_ref

BOX = "☐"


def form_path(form: Form) -> str:
    return links.form_page(form.slug)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _choices(items: list[str]) -> str:
    # Boxes to tick on paper, not words to find: kept out of the search index and its excerpts.
    return " ".join(f'<span class="tk-choice" data-search-exclude>{BOX}&nbsp;{h(x)}</span>' for x in items)


def _lines(n: int) -> str:
    return '<div class="tk-lines">' + '<span class="tk-line"></span>' * n + "</div>"


def _field(label: str, blank: str = "") -> str:
    return f'<p class="tk-field"><span>{h(label)}</span><span class="tk-fill">{h(blank)}</span></p>'


def _campaign(site: Site) -> str:
    return f"{site.plan.cuoc_van_dong.ten_ngan} “{site.plan.cuoc_van_dong.ten}”"


def _header(site: Site) -> str:
    """A blank template for the unit: left, its parent body and its own name, both
    written by hand (slots empty: the office issues none of these forms); right,
    the national motto and a place-date line to fill in."""
    org = site.org
    return ('<div class="tk-header">'
            '<div><p class="tk-fill tk-issuer-parent"></p><p class="tk-fill tk-issuer-unit"></p>'
            '<p class="tk-slot-label">(tên cơ quan, đơn vị)</p></div>'
            f'<div><p class="tk-nation">{h(org.quoc_hieu)}</p><p class="tk-motto">{h(org.tieu_ngu)}</p>'
            '<p class="tk-date">…………, ngày …… tháng …… năm ……</p></div></div>')


# Up to this many units get a box each on the forms; more get a line to write the name.
CHOOSER_MAX = 12


def _unit_chooser(site: Site) -> str:
    label = _capital(site.plan.ten_goi_don_vi)
    if len(site.units) > CHOOSER_MAX:  # a sheet of boxes would not fit the A4 page
        return _field(f"{label}:")
    return f'<p class="tk-chooser"><strong>{h(label)}:</strong> {_choices([u.ten for u in site.units])}</p>'


def _department_chooser(site: Site, label: str = "Ban phối hợp của tỉnh", departments=None) -> str:
    names = [d.ten for d in (site.departments if departments is None else departments)]
    return f'<p class="tk-chooser"><strong>{h(label)}:</strong> {_choices(names)}</p>'


def _conference_chooser(site: Site) -> str:
    """A blank to write which conference this is: the plan sets the number of conferences
    («từ 02 đến 04 hội nghị … tại các khu dân cư»), not a numbered list for each unit."""
    return (f'<p class="tk-field"><span><strong>Hội nghị lần thứ:</strong></span><span class="tk-fill"></span></p>'
            f'<p class="tk-note"><em>Kế hoạch (mục {h(conference_step_ref(site))}): tổ chức '
            f'{h(site.placeholders["so_hoi_nghi"])} hội nghị tại các khu dân cư; không ghi số hội nghị riêng cho từng '
            f'{h(site.plan.ten_goi_don_vi)}.</em></p>')


def _place(site: Site) -> str:
    return _field("Khu dân cư (thôn, làng):") + _field("Xã:") + _unit_chooser(site)


def _sheet(site: Site, form: Form, body: str) -> str:
    note = (f'<p class="tk-screen-only">Mẫu tham khảo do {h(_lower(notice.compiler(site)))} biên soạn từ kế hoạch, '
            'không phải văn bản chính thức; phần tên cơ quan, đơn vị để trống cho đơn vị sử dụng mẫu ghi. '
            f'Mẫu in khổ A4 ({h(form.purpose)}; không quá {form.max_pages} trang). '
            'Để in: trên máy tính bấm <kbd>Ctrl</kbd> + <kbd>P</kbd>; trên điện thoại dùng lệnh In '
            '(hoặc Chia sẻ › In) trong trình duyệt.</p>')
    return note + f'\n\n<div class="tk-sheet tk-{form.slug}">{body}</div>\n'


def agenda(site: Site, form: Form) -> str:
    items = []
    for i, item in enumerate(site.toolkit.chuong_trinh, 1):
        text = h(site.fill(item.noi_dung))
        if item.chon_chu_de:
            text += '<ul class="tk-topics">' + "".join(
                f"<li data-search-exclude>{BOX}&nbsp;{h(t.ten_ngan)}</li>" for t in site.plan.noi_dung.muc) + "</ul>"
        who = h(item.nguoi_thuc_hien) if item.nguoi_thuc_hien else ""
        items.append(f'<tr><td class="tk-num">{i}</td><td class="tk-time"></td><td>{text}</td><td>{who}</td></tr>')
    body = (_header(site) + f"<h1>CHƯƠNG TRÌNH HỘI NGHỊ</h1>"
            f'<p class="tk-subtitle">Tuyên truyền, vận động thực hiện {h(_campaign(site))}</p>'
            + _conference_chooser(site) + _place(site) + _department_chooser(site)
            + _field("Thời gian: …… giờ …… phút, ngày ……/……/" + str(site.plan.van_ban.nam)) + _field("Địa điểm:")
            + '<table class="tk-table"><thead><tr><th>STT</th><th>Thời gian</th><th>Nội dung</th>'
              "<th>Người thực hiện</th></tr></thead><tbody>" + "".join(items) + "</tbody></table>")
    return _sheet(site, form, body)


def attendance(site: Site, form: Form) -> str:
    sheet = site.toolkit.danh_sach
    head = "<th>STT</th>" + "".join(f"<th>{h(c)}</th>" for c in sheet.cot)
    empty = "".join("<td></td>" for _ in sheet.cot)
    rows = "".join(f'<tr><td class="tk-num">{i}</td>{empty}</tr>' for i in range(1, sheet.so_dong + 1))
    body = (f"<h1>DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ</h1>"
            f'<p class="tk-subtitle">Tuyên truyền, vận động thực hiện {h(site.plan.cuoc_van_dong.ten_ngan)} '
            f"năm {site.plan.van_ban.nam}</p>"
            + _conference_chooser(site) + _place(site)
            + _field("Ngày họp: ……/……/" + str(site.plan.van_ban.nam)) + _field("Tờ số:")
            + f'<table class="tk-table tk-attendance"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    return _sheet(site, form, body)


def minutes(site: Site, form: Form) -> str:
    tpl = site.toolkit.bien_ban
    sections = "".join(f"<h2>{i}. {h(s)}</h2>{_lines(tpl.so_dong)}" for i, s in enumerate(tpl.muc, 1))
    body = (_header(site) + "<h1>BIÊN BẢN HỘI NGHỊ</h1>"
            f'<p class="tk-subtitle">Tuyên truyền, vận động thực hiện {h(_campaign(site))}</p>'
            + _conference_chooser(site)
            + _field(f"Hôm nay, vào lúc …… giờ …… phút, ngày ……/……/{site.plan.van_ban.nam}, tại:")
            + _place(site) + _department_chooser(site)
            + _field("Chủ trì hội nghị:") + _field("Thư ký hội nghị:")
            + _field("Số người dự: …………… người; trong đó nữ: ………… người; "
                     "đồng bào dân tộc thiểu số: ………… người.")
            + sections
            + _field("Hội nghị kết thúc vào lúc …… giờ …… phút cùng ngày.")
            + '<div class="tk-signatures"><div><p><strong>THƯ KÝ</strong></p><p><em>(Ký, ghi rõ họ tên)</em></p></div>'
              '<div><p><strong>CHỦ TRÌ HỘI NGHỊ</strong></p><p><em>(Ký, ghi rõ họ tên)</em></p></div></div>')
    return _sheet(site, form, body)


def survey(site: Site, form: Form) -> str:
    tpl = site.toolkit.khao_sat
    step = site.plan.cac_buoc.buoc[1] if len(site.plan.cac_buoc.buoc) > 1 else None
    parts = []
    n = 0
    for i, section in enumerate(tpl.phan, 1):
        parts.append(f"<h2>{_roman(i)}. {h(section.ten)}</h2>")
        for q in section.cau_hoi:
            n += 1
            answer = f'<p class="tk-options">{_choices(list(q.chon))}</p>' if q.chon else _lines(max(q.so_dong, 1))
            parts.append(f'<div class="tk-question"><p><strong>{n}.</strong> {h(q.hoi)}</p>{answer}</div>')
    basis = (f'<p class="tk-basis"><em>Bước 2 của kế hoạch: {h(site.fill(step.noi_dung))}</em></p>'
             if step else "")
    body = ("<h1>PHIẾU KHẢO SÁT ĐỜI SỐNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ</h1>"
            f'<p class="tk-subtitle">{h(_campaign(site))} — năm {site.plan.van_ban.nam}</p>'
            + basis + f"<p>{h(tpl.loi_dan)}</p>" + _place(site)
            + _field("Người khảo sát (cán bộ):") + _field("Ngày khảo sát: ……/……/" + str(site.plan.van_ban.nam))
            + "".join(parts))
    return _sheet(site, form, body)


def report(site: Site, form: Form) -> str:
    tpl = site.toolkit.bao_cao
    plan = site.plan
    rep = plan.to_chuc_thuc_hien.bao_cao
    receiver = site.department(rep.noi_nhan).ten
    period = plan.thoi_gian_dia_diem
    sending = [a for a in plan.to_chuc_thuc_hien.phan_cong if a.ban != rep.noi_nhan] or plan.to_chuc_thuc_hien.phan_cong
    per_dept = max(len(a.don_vi) for a in sending)
    head = f"<th>{h(_capital(plan.ten_goi_don_vi))}</th>" + "".join(f"<th>{h(c)}</th>" for c in tpl.cot)
    empty = "".join("<td></td>" for _ in tpl.cot)
    rows = "".join(f"<tr><td></td>{empty}</tr>" for _ in range(per_dept))
    rows += f'<tr class="tk-total"><td><strong>Cộng</strong></td>{empty}</tr>'
    table = (f'<p class="tk-note">Mức kinh phí: {format_money(plan.kinh_phi.dinh_muc)}/01 đơn vị '
             f"({h(plan.kinh_phi.nguon[:1].lower() + plan.kinh_phi.nguon[1:])}).</p>"
             f'<table class="tk-table tk-results"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    # The results table goes under the section on conferences (the second), where it belongs.
    where = 2 if len(tpl.muc) >= 2 else len(tpl.muc)
    sections = "".join(f"<h2>{_roman(i)}. {h(s)}</h2>" + (table if i == where else "") + _lines(tpl.so_dong)
                       for i, s in enumerate(tpl.muc, 1))
    # Senders: the Bans and the Văn phòng other than the receiver, which compiles the
    # province-wide report (its own units included) and does not report to itself.
    senders = [d for d in site.departments if d.ma != rep.noi_nhan]
    compiles = (f"{receiver} tổng hợp báo cáo kết quả trên địa bàn toàn tỉnh, gồm cả kết quả tại các "
                f"{plan.ten_goi_don_vi} do {receiver} phối hợp.")
    body = (_header(site)
            + "<h1>BÁO CÁO</h1>"
            f'<p class="tk-subtitle">Kết quả tổ chức tuyên truyền, vận động thực hiện {h(_campaign(site))} '
            f"năm {plan.van_ban.nam}</p>"
            + _department_chooser(site, "Ban, văn phòng báo cáo", senders)
            + f'<p class="tk-to">Kính gửi: {h(receiver)}</p>'
            + f'<p class="tk-note">{h(compiles)}</p>'
            # The plan's date binds the Bans and the Văn phòng reporting to the receiver, not the
            # units: say whose it is, as the unit pages do.
            f'<p class="tk-deadline"><strong>Hạn kế hoạch đặt cho {h(deadline_owner(site))}: '
            f"trước {h(format_date_long(rep.han))}</strong> "
            f"(kế hoạch thực hiện từ {h(format_month(period.bat_dau))} đến {h(format_date(period.ket_thuc))}).</p>"
            + sections
            + '<div class="tk-signatures"><div class="tk-recipients"><p><strong><em>Nơi nhận:</em></strong></p>'
              f"<p>- {h(receiver)};</p><p>- Lưu.</p></div>"
              "<div><p><strong>LÃNH ĐẠO BAN, VĂN PHÒNG</strong></p><p><em>(Ký, ghi rõ họ tên)</em></p></div></div>")
    return _sheet(site, form, body)


def _roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n] if n <= 10 else str(n)


RENDER = {
    "chuong-trinh-hoi-nghi": agenda,
    "danh-sach-dai-bieu": attendance,
    "bien-ban-hoi-nghi": minutes,
    "phieu-khao-sat": survey,
    "mau-bao-cao": report,
}


def form_page(site: Site, slug: str) -> str:
    form = next(f for f in FORMS if f.slug == slug)
    return RENDER[slug](site, form)


def toolkit_index(site: Site) -> str:
    items = "\n".join(f"{i}. [{f.title}]({f.slug}.md): {f.purpose} (tối đa {f.max_pages} trang A4)."
                      for i, f in enumerate(FORMS, 1))
    return ("# Bộ công cụ hội nghị\n\n"
            f"Các mẫu tham khảo do {md_escape(_lower(notice.compiler(site)))} biên soạn từ kế hoạch, không phải văn bản "
            "chính thức; in trên khổ giấy A4 và điền bằng tay, phần tên cơ quan, đơn vị để trống cho đơn vị "
            "sử dụng mẫu ghi. Mỗi mẫu dùng chung cho các đơn vị: khi sử dụng, đánh dấu vào ô ☐ tên đơn vị, "
            "ban phối hợp; ghi số thứ tự hội nghị vào chỗ trống.\n\n" + items + "\n")

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

from .. import period as P
from ..outputs import FORMS, Form  # noqa: F401  (the pages of the toolkit: the outputs registry's)
from ..results.progress import deadline_owner
from ..results.model import counted_group, counts_group
from ..site import Site
from ..templating import render
from ..text import md_escape
from . import links, notice, subject
from .plan import conference_step_ref


def form_path(form: Form) -> str:
    return links.form_page(form.slug)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _campaign(site: Site) -> str | None:
    campaign = site.plan.cuoc_van_dong
    return f"{campaign.ten_ngan} “{campaign.ten}”" if campaign is not None else None


# Up to this many units get a box each on the forms; more get a line to write the name.
CHOOSER_MAX = 12


def _common(site: Site) -> dict:
    """What every form shows from the plan (macros/templates/toolkit/parts.html)."""
    plan = site.plan
    return {"quoc_hieu": site.org.quoc_hieu, "tieu_ngu": site.org.tieu_ngu,
            "unit_label": _capital(plan.ten_goi_don_vi), "unit_word": plan.ten_goi_don_vi,
            "unit_names": None if len(site.units) > CHOOSER_MAX else [u.ten for u in site.units],
            "departments": [d.ten for d in site.departments],
            # None when the plan writes no count (cac_buoc › hoi_nghi left out): the forms then state none.
            "step_ref": conference_step_ref(site), "so_hoi_nghi": site.placeholders.get("so_hoi_nghi"),
            # Whether that number is each unit's (cac_buoc › hoi_nghi › moi_don_vi), and the conference
            # step's time as the plan writes it (cac_buoc › buoc › thoi_gian), None when it writes none.
            "per_unit": plan.cac_buoc.hoi_nghi is not None and plan.cac_buoc.hoi_nghi.moi_don_vi,
            "conference_time": _conference_time(site),
            # What the conferences are about, in the plan's own words (subject.py): its trích yếu.
            "campaign": _campaign(site), "year": plan.van_ban.nam, "subject": subject.with_campaign(site),
            "subject_short": subject.dated(site, name=False), "subject_whole": subject.whole(site),
            "results_of": subject.results_of(subject.dated(site)),
            "places": plan.ten_goi_khu_dan_cu, "partner_label": site.partner_label,
            "chosen": site.units_file.chosen_level,  # the level each unit chooses (don-vi.yaml), "" none
            "whole_area": site.org.area(" trên địa bàn toàn")}


def _conference_time(site: Site) -> str | None:
    """The time the plan writes for its conference step (the step whose text holds {so_hoi_nghi})."""
    step = next((s for s in site.plan.cac_buoc.buoc if "{so_hoi_nghi}" in s.noi_dung), None)
    return step.thoi_gian.van_ban if step is not None and step.thoi_gian is not None else None


def _sheet(site: Site, form: Form, **context) -> str:
    """The form's page: how to print it, then the sheet (macros/templates/toolkit/<slug>.html)."""
    return render("toolkit/sheet.html", compiler=_lower(notice.compiler(site)), form=form, purpose=purpose(site, form),
                  c=_common(site), **context)


def agenda(site: Site, form: Form) -> str:
    topics = [t.display_name for t in site.plan.noi_dung.muc]
    items = [{"text": site.fill(item.noi_dung), "topics": topics if item.chon_chu_de else None,
              "who": item.nguoi_thuc_hien or ""} for item in site.toolkit.chuong_trinh]
    return _sheet(site, form, items=items)


def attendance(site: Site, form: Form) -> str:
    sheet = site.toolkit.danh_sach
    return _sheet(site, form, columns=list(sheet.cot), rows=sheet.so_dong)


def minutes(site: Site, form: Form) -> str:
    tpl = site.toolkit.bien_ban
    # Those counted apart: as bo-cong-cu.yaml writes them, else as the plan names them; a plan that names no
    # group gets no such blank (the results' rule, results.model.counts_group; review r19o, defect 3).
    counted = tpl.dem_rieng or (f"người {counted_group(site.plan)[0]}" if counts_group(site.plan) else None)
    return _sheet(site, form, sections=list(tpl.muc), line_count=tpl.so_dong, counted=counted)


def survey_step(site: Site):
    """(its number, the step) of the plan's survey, as bo-cong-cu.yaml › khao_sat › buoc says; None
    when it says none (the loader has checked the number against the plan's steps)."""
    n = site.toolkit.khao_sat.buoc if site.toolkit is not None else None
    steps = site.plan.cac_buoc.buoc if site.plan.cac_buoc is not None else []
    return (n, steps[n - 1]) if n and n <= len(steps) else None


def purpose(site: Site, form: Form, escape=str) -> str:
    """What the form is for; the survey's says which step of the plan it serves. `escape` applies to
    the data's words in it (Markdown text)."""
    step = survey_step(site) if form.slug == "phieu-khao-sat" else None
    return (f"bước {step[0]} của kế hoạch; " if step else "") + form.purpose.format(
        cac_ban=site.report_senders(after=" ", escape=escape))


def survey(site: Site, form: Form) -> str:
    tpl = site.toolkit.khao_sat
    step = survey_step(site)
    parts = []
    n = 0
    for i, section in enumerate(tpl.phan, 1):
        questions = []
        for q in section.cau_hoi:
            n += 1
            questions.append({"number": n, "text": q.hoi, "choices": list(q.chon), "lines": max(q.so_dong, 1)})
        parts.append({"number": _roman(i), "title": section.ten, "questions": questions})
    return _sheet(site, form, basis=site.fill(step[1].noi_dung) if step else None, step_number=step and step[0],
                  advice=tpl.loi_dan, parts=parts,
                  title=tpl.tieu_de or "PHIẾU KHẢO SÁT")


def report(site: Site, form: Form) -> str:
    tpl = site.toolkit.bao_cao
    plan = site.plan
    rep = plan.to_chuc_thuc_hien.bao_cao
    period = plan.thoi_gian_dia_diem
    sending = [a for a in plan.to_chuc_thuc_hien.phan_cong if a.ban != rep.noi_nhan] or plan.to_chuc_thuc_hien.phan_cong
    # Senders: the Bans and the Văn phòng other than the receiver, which compiles the
    # province-wide report (its own units included) and does not report to itself.
    senders = [d.ten for d in site.departments if d.ma != rep.noi_nhan]
    # The senders as the plan calls them together (co-quan.yaml › ten_goi_cac_ban): the chooser's label
    # and the signer's title; without that name, words that name none.
    name = site.org.ten_goi_cac_ban
    return _sheet(site, form, receiver=site.report_receiver, senders=senders,
                  senders_label=f"{_capital(name)} báo cáo" if name else "Nơi gửi",
                  signer=f"LÃNH ĐẠO {name.upper()}" if name else "LÃNH ĐẠO",
                  # «gồm cả kết quả tại các … do <receiver> <relation>» only when the plan gives the receiver units
                  receiver_units=any(a.ban == rep.noi_nhan and a.don_vi for a in plan.to_chuc_thuc_hien.phan_cong), relation=site.relation,
                  receiver_own=site.receiver_code is not None,  # a receiver written by name is not said to compile
                  owner=deadline_owner(site), deadline=rep.han, period=P.words(period),
                  amount=site.flat_rate if site.rate_for_all else None,  # never a rate the plan does not give every unit
                  source=_lower(plan.kinh_phi.nguon or ""),
                  unit_heading=_capital(plan.ten_goi_don_vi), columns=list(tpl.cot),
                  rows=max(len(a.don_vi) for a in sending),
                  sections=[{"number": _roman(i), "title": s} for i, s in enumerate(tpl.muc, 1)],
                  # The results table goes under the section on conferences (the second), where it belongs.
                  table_under=2 if len(tpl.muc) >= 2 else len(tpl.muc), line_count=tpl.so_dong)


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
    items = "\n".join(f"{i}. [{f.title}]({f.slug}.md): {purpose(site, f, md_escape)} (tối đa {f.max_pages} trang A4)."
                      for i, f in enumerate(FORMS, 1))
    return ("# Bộ công cụ hội nghị\n\n"
            f"Các mẫu tham khảo do {md_escape(_lower(notice.compiler(site)))} biên soạn từ kế hoạch, không phải văn bản "
            "chính thức; in trên khổ giấy A4 và điền bằng tay, phần tên cơ quan, đơn vị để trống cho đơn vị "
            "sử dụng mẫu ghi. Mỗi mẫu dùng chung cho các đơn vị: khi sử dụng, đánh dấu vào ô ☐ tên đơn vị, "
            f"{md_escape(site.partner_word)}; ghi số thứ tự hội nghị vào chỗ trống.\n\n" + items + "\n")

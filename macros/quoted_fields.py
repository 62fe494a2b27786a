"""Quotation marks are a truth claim (issue 19): the fields the site prints inside «…» as the plan's own words
(«Kế hoạch ghi: «…»», a quotation labelled «Kế hoạch, mục …») are those words, wherever a structured section
keeps its document's words (`doan`). Compared after the placeholders are filled («{so_hoi_nghi}» reads «từ 01
đến 02») and with only whitespace folded:

- noi_dung › muc › noi_dung (each chapter of the handbook quotes its topic in a box titled «Nội dung <n>, mục <số> của kế hoạch»);
- cac_buoc › buoc › noi_dung (the home page, each unit's page, PDF and calendar quote it);
- to_chuc_thuc_hien › bao_cao: tieu_de then loi_van (phan-cong/, unit pages, calendars);
- to_chuc_thuc_hien › phan_cong › nhiem_vu and don_vi_thuc_hien › nhiem_vu (phan-cong/, unit pages);
- cuoc_van_dong › ten, the campaign's name the conference forms and the Sổ tay print in quotes («Cuộc vận động
  “…”») and the compiled documents cut the trích yếu at: where the plan writes the name in quotes, the whole
  quoted name; else the plan's words (review bad9b c4: a name cut short was never compared).

A section without its words is printed on the plan page from these same fields (a plan whose words are in a
source file is read against it by tests/test_quoted_spans.py), so there is nothing here to compare."""

import re

from .errors import DataError
from .text import strings_in
from .doan_text import lines as doan_lines
from .model import Contents, Organisation, Steps
from .site import PLACEHOLDER, Site


def _squash(text: str) -> str:
    return " ".join(text.split())


# The field each placeholder of the organisation section is filled from (its path inside the section).
_FIELD_OF = {"noi_nhan_bao_cao": ("bao_cao", "noi_nhan"), "han_bao_cao": ("bao_cao", "han")}


def _differing_fields(text: str, words: str, site: Site) -> list[tuple[str, str]]:
    """When the quoted sentence is in the words but for what its placeholders are filled with: (name, what the
    words write there) for each placeholder whose field gives something else; [] when the rest differs too."""
    names = PLACEHOLDER.findall(text)
    if not names:
        return []
    parts = PLACEHOLDER.split(_squash(text))
    pattern = "".join(re.escape(part) if k % 2 == 0 else "(.+?)" for k, part in enumerate(parts))
    match = re.search(pattern, words)
    if match is None:
        return []
    return [(name, value) for name, value in dict(zip(names, match.groups())).items()
            if value != site.placeholders.get(name)]


def _as_written_hint(site: Site, name: str, written: str) -> str:
    code = next((d.ma for d in site.org.ban if d.ten == written), None) if name == "noi_nhan_bao_cao" else None
    if code is not None:  # a department of the body is written by its code (its name is what the site prints)
        return f"văn bản viết tên ban «{written}»: ghi mã ban, noi_nhan: {code}."
    return f"ghi như văn bản: «{written}» (hoặc sửa câu trích nếu văn bản khác)."


# A name in quotes, as a document writes one: “…”, «…» or "…".
_QUOTED = re.compile(r"“([^”]+)”|«([^»]+)»|\"([^\"]+)\"")


def check_campaign(site: Site) -> list[DataError]:
    """The campaign's name (cuoc_van_dong › ten) is the plan's where the plan writes it in quotes: the whole
    quoted name, not a piece of it nor more («“Toàn dân … nông thôn mới, đô thị văn minh”» is not cut to
    «Toàn dân … nông thôn mới»), and not another name than the one the trích yếu quotes after the campaign's
    short name («Cuộc vận động “…”»; the body may cite other campaigns). A plan that quotes no such name is not
    compared (its name may be written nowhere in it, as in a plan that names the campaign only by its short
    name)."""
    src, campaign = site.sources.get("plan"), site.plan.cuoc_van_dong
    if src is None or campaign is None or not campaign.ten.strip():
        return []
    data = site.plan.model_dump(mode="json")
    data.pop("cuoc_van_dong", None)
    short = _squash(campaign.ten_ngan)
    name = _squash(campaign.ten)
    named, holding = [], []
    texts = (_squash(site.plan.van_ban.trich_yeu or ""), _squash(" ".join(strings_in(data))))
    bare = name in _QUOTED.sub(" ", texts[1])  # written as is, outside any quotes
    for k, text in enumerate(texts):
        for m in _QUOTED.finditer(text):
            quote = _squash(next(g for g in m.groups() if g))
            if quote == name:
                return []
            if short and k == 0 and text[:m.start()].rstrip().endswith(short):
                named.append(quote)  # the trích yếu's «Cuộc vận động “…”»: the campaign's name as the plan writes it
            elif name in quote or (quote in name and len(quote) > len(name) // 2):
                holding.append(quote)
    written = next(iter(holding if bare else named + holding), None)
    if written is None:
        return []
    return [src.error(("cuoc_van_dong", "ten"), f"Kế hoạch viết tên cuộc vận động trong ngoặc kép «“{written}”», "
                                                f"nhưng ten ghi «{name}»: website in ten trong ngoặc kép như lời kế "
                                                "hoạch (phiếu và biểu mẫu hội nghị, Sổ tay, báo cáo tổng hợp).",
                      found=name, hint=f"chép đủ tên như kế hoạch viết, không rút gọn: ten: {written}")]


def check(site: Site) -> list[DataError]:
    src, plan, errors = site.sources.get("plan"), site.plan, []
    if src is None:
        return []
    errors += check_campaign(site)
    for i, section in enumerate(plan.muc):
        if not isinstance(section, (Contents, Steps, Organisation)) or not section.doan:
            continue
        words = _squash(" ".join(doan_lines(section.doan)))
        if isinstance(section, Contents):
            quoted = [(("muc", j, "noi_dung"), topic.noi_dung) for j, topic in enumerate(section.muc)]
        elif isinstance(section, Steps):
            quoted = [(("buoc", j, "noi_dung"), step.noi_dung) for j, step in enumerate(section.buoc)]
        else:
            report = section.bao_cao
            quoted = [*([(("bao_cao", "loi_van"), f"{report.tieu_de} {report.loi_van}" if report.tieu_de else report.loi_van)]
                        if report is not None else []),
                      *((("phan_cong", j, "nhiem_vu"), a.nhiem_vu) for j, a in enumerate(section.phan_cong)),
                      *([(("don_vi_thuc_hien", "nhiem_vu"), section.don_vi_thuc_hien.nhiem_vu)]
                        if section.don_vi_thuc_hien is not None else []),
                      # an onward report's words, quoted on the timeline, in the calendars and the compiled report
                      *((("bao_cao", "bao_cao_tiep", j, "loi_van"), r.loi_van) for j, r in enumerate(report.bao_cao_tiep if report is not None else []))]
        for path, text in quoted:
            said = _squash(site.fill(text))
            if said in words:
                continue
            differing = _differing_fields(text, words, site)
            if differing:  # the sentence is the plan's but for a field filled in: named at that field (bad9, 12)
                errors += [src.error(("muc", i, *_FIELD_OF[name]),
                                     f"Website trích câu này trong ngoặc «» là lời kế hoạch: «{_squash(text)}»; lời "
                                     f"văn của mục «{section.tieu_de}» (doan) viết «{written}» ở chỗ {{{name}}}, nhưng "
                                     f"trường này cho «{site.placeholders[name]}».", found=site.placeholders[name],
                                     hint=_as_written_hint(site, name, written))
                           for name, written in differing if name in _FIELD_OF]
                if all(name in _FIELD_OF for name, _ in differing):
                    continue
            filled = ("; sau khi điền " + ", ".join(f"{{{n}}} = «{site.placeholders[n]}»"
                                                     for n in dict.fromkeys(PLACEHOLDER.findall(text)))
                      if PLACEHOLDER.search(text) else "")
            errors.append(src.error(
                ("muc", i, *path),
                f"Website trích câu này trong ngoặc «» là lời kế hoạch, nhưng lời văn của mục «{section.tieu_de}» "
                f"(doan) không có câu «{said}»{filled}.",
                found=text[:160] + ("…" if len(text) > 160 else ""),
                hint="chép đúng câu của văn bản (kể cả dấu câu, cách viết số); chỗ trống chỉ dùng khi chữ điền vào "
                     "đúng như văn bản viết, nếu không thì chép thẳng chữ của văn bản."))
    return errors


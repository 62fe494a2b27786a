"""A structured section's fields against the plan's own words (review bad8, issue 19).

The plan page prints a structured section's words as the document wrote them (`doan`); the computed pages
(budget, unit pages, progress, calendars) print its fields. When the two say different things, the site
contradicts itself, or states what the plan does not say. These checks compare them:

- kinh_phi: every amount the fields hold (dinh_muc, each rieng, tong) is one the section's words write
  («5.000.000đ», «5.000.000 đồng», «5 triệu đồng», «năm triệu đồng», a figure of its money table);
- to_chuc_thuc_hien › bao_cao › nguoi_gui: the report note (loi_van) names the senders it says (the
  departments, or the units), not only the others;
- numbers as written (`so`): two steps never share one; no Markdown marks («**Bước 2:**»), which would be
  printed as they are, beside the number the document writes.
"""

import re

from .errors import DataError
from .doan_text import lines, plain
from .model import Contents, Item, PlanFile, Steps, Table
from .numbers import amounts_in, format_money, words_name_amount
from .sections import path_of
from .text import fold

# Markdown's marks of emphasis and code: a number as written never holds them (they are the editor's, not the
# document's; the site prints the number as text, marks included).
_MARKDOWN = re.compile(r"[*_`#]")


_SCALED_HEADER = {"trieu dong": 10 ** 6, "nghin dong": 1000, "ngan dong": 1000}


def _tables(blocks) -> list[Table]:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(block)
        elif isinstance(block, Item):
            out += _tables(block.doan)
    return out


def _scaled_cells(blocks) -> list[tuple[int, str]]:
    """Amounts of a money table whose column says its unit in its header («Kinh phí (triệu đồng)»: «5», «2,5»)."""
    out = []
    for table in _tables(blocks):
        head = table.bang[:max(1, table.dong_tieu_de)]
        for col in range(len(table.bang[0])):
            header = fold(" ".join(plain(row[col]) for row in head if col < len(row)))
            scale = next((n for words, n in _SCALED_HEADER.items() if words in header), None)
            if scale is None:
                continue
            for row in table.bang[len(head):]:
                cell = plain(row[col]).strip() if col < len(row) else ""
                figure = re.fullmatch(r"(\d+)(?:,(\d+))?", cell)
                if figure:
                    whole, part = figure.group(1), figure.group(2) or ""
                    out.append((int(whole) * scale + int(part or 0) * scale // 10 ** len(part), cell))
    return out


def check_budget_words(plan: PlanFile, src) -> list[DataError]:
    """Each amount of kinh_phi's fields is written in its words (doan), when it keeps them."""
    budget = plan.kinh_phi
    if budget is None or not budget.doan:
        return []
    texts = lines(budget.doan)
    written = [a for t in texts for a in amounts_in(t)] + _scaled_cells(budget.doan)
    said = {n for n, _ in written}
    shown = ", ".join(dict.fromkeys(w for _, w in written))
    at = path_of(plan, "kinh_phi")
    fields = ([(at + ("dinh_muc",), "dinh_muc", budget.dinh_muc)] if budget.dinh_muc is not None else [])
    fields += [(at + ("rieng", code), f"rieng › {code}", n) for code, n in budget.rieng.items()]
    fields += [(at + ("tong",), "tong", budget.tong)] if budget.tong is not None else []
    errors = []
    for path, name, n in fields:
        if n in said or any(words_name_amount(t, n) for t in texts):
            continue
        errors.append(src.error(path, f"Số tiền {format_money(n)} ({name}) không có trong lời văn của mục kinh phí "
                                      "(doan), mà trang «Kế hoạch» in đúng lời văn đó: trang kinh phí, trang đơn vị "
                                      "in số của trường, nên website sẽ tự mâu thuẫn."
                                      + (f" Lời văn ghi các số tiền: {shown}." if shown else
                                         " Lời văn không ghi số tiền nào."),
                                found=str(n), hint=f"sửa {name} cho đúng số tiền văn bản ghi; nếu lời văn (doan) "
                                                   "chép sai văn bản thì sửa lời văn."))
    return errors


def _named(text: str, names) -> list[str]:
    """The names (folded) that `text` (folded) holds as whole words."""
    return [n for n in dict.fromkeys(names) if n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]


def check_report_senders(units, org, plan: PlanFile, src) -> list[DataError]:
    """bao_cao › nguoi_gui against the report note's words (loi_van): a note naming only the departments is
    not «each unit reports», nor one naming only the units «the departments report». A note naming both, or
    neither, is not judged here (the field is the editor's reading)."""
    section = plan.to_chuc_thuc_hien
    if section is None or section.bao_cao.nguoi_gui is None:
        return []
    report = section.bao_cao
    text = fold(re.sub(r"\{[a-z_]+\}", " ", report.loi_van))
    receiver = next((d for d in org.ban if d.ma == report.noi_nhan), None)
    if receiver is not None:  # who receives the reports is not who sends them
        text = text.replace(fold(receiver.ten), " ")
    departments = [fold(d.ten) for d in org.ban if d is not receiver]
    departments += [fold(a.tieu_de.rstrip(" :")) for a in section.phan_cong if a.tieu_de]
    departments += [f"cac {fold(org.ten_goi_cac_ban)}"] if org.ten_goi_cac_ban else []
    departments += ["cac ban"]
    by_department = _named(text, departments)
    for name in by_department:
        text = text.replace(name, " ")
    unit_names = [fold(n) for u in units.don_vi for n in (u.ten, *u.ten_khac)]
    unit_names += [fold(u.cap) for u in units.don_vi if u.cap] + [fold(plan.ten_goi_don_vi)]
    by_unit = _named(text, unit_names)
    said = {"ban": bool(by_department) and not by_unit, "don_vi": bool(by_unit) and not by_department}
    other = "don_vi" if report.nguoi_gui == "ban" else "ban"
    if not said[other]:
        return []
    meaning = {"ban": "các ban được giao ở phan_cong", "don_vi": "từng đơn vị tự báo cáo"}
    return [src.error(path_of(plan, "to_chuc_thuc_hien") + ("bao_cao", "nguoi_gui"),
                      f"nguoi_gui ghi «{report.nguoi_gui}» ({meaning[report.nguoi_gui]}), nhưng lời ghi chú về báo cáo "
                      f"(loi_van) chỉ nêu {meaning[other].replace(' tự báo cáo', '')} là người báo cáo: các trang "
                      "tiến độ, phân công, lịch sẽ nói điều kế hoạch không nói.",
                      found=report.loi_van[:160] + ("…" if len(report.loi_van) > 160 else ""),
                      hint=f"ghi nguoi_gui: {other}, như lời ghi chú; hoặc bỏ dòng nguoi_gui nếu kế hoạch không nói "
                           "rõ ai báo cáo.")]


def _numbers(plan: PlanFile):
    """(path, number as written) of every `so` of the plan: sections, topics, steps, assignments, local committees."""
    for i, section in enumerate(plan.muc):
        yield ("muc", i, "so"), getattr(section, "so", None)
        if isinstance(section, Contents):
            for j, topic in enumerate(section.muc):
                yield ("muc", i, "muc", j, "so"), topic.so
        for j, step in enumerate(getattr(section, "buoc", None) or []):
            yield ("muc", i, "buoc", j, "so"), step.so
        for j, task in enumerate(getattr(section, "phan_cong", None) or []):
            yield ("muc", i, "phan_cong", j, "so"), task.so
        if getattr(section, "don_vi_thuc_hien", None) is not None:
            yield ("muc", i, "don_vi_thuc_hien", "so"), section.don_vi_thuc_hien.so


def check_numbers(plan: PlanFile, src) -> list[DataError]:
    """Numbers as written: no Markdown marks in any; no two steps with one number."""
    errors = []
    for path, number in _numbers(plan):
        if number and _MARKDOWN.search(number):
            bare = _MARKDOWN.sub("", number).strip()
            errors.append(src.error(path, f"Số «{number}» có dấu «{_MARKDOWN.search(number).group(0)}» của Markdown "
                                          "(đề mục, chữ đậm, nghiêng): website in số đúng như ghi, kể cả các dấu đó, "
                                          "ở tiêu đề và mục lục. Cỡ chữ, chữ đậm của văn bản không ghi ở trường số.",
                                    found=number,
                                    hint=f'viết số như văn bản, không có dấu: so: "{bare}".'))
    steps = plan.cac_buoc
    if steps is not None:
        seen: dict[str, int] = {}
        for j, step in enumerate(steps.buoc):
            if not step.so:
                continue
            key = re.sub(r"[\W_]+", "", fold(step.so))
            if key in seen:
                errors.append(src.error(path_of(plan, "cac_buoc") + ("buoc", j, "so"),
                                        f"Hai bước cùng số «{step.so}»: bước {seen[key] + 1} và bước {j + 1} của "
                                        "danh sách buoc. Trang đơn vị, lịch dẫn bước theo số này.", found=step.so,
                                        hint="mỗi bước một số riêng, chép đúng văn bản; sửa số của một trong hai bước."))
            seen.setdefault(key, j)
    for i, section in enumerate(plan.muc):
        if not isinstance(section, Contents):
            continue
        seen = {}
        for j, topic in enumerate(section.muc):  # a handbook chapter cites its topic by this number
            key = re.sub(r"[\W_]+", "", fold(topic.so or ""))
            if key and key in seen:
                errors.append(src.error(("muc", i, "muc", j, "so"),
                                        f"Hai nội dung cùng số «{topic.so}»: nội dung {seen[key] + 1} và nội dung {j + 1}. "
                                        "Sổ tay dẫn nội dung theo số này («Kế hoạch, mục …, <số>»).", found=topic.so,
                                        hint="mỗi nội dung một số riêng, chép đúng văn bản; sửa số của một trong hai."))
            seen.setdefault(key, j)
    for i, section in enumerate(plan.muc):
        if not isinstance(section, (Contents, Steps)) or not section.doan:
            continue
        items = section.muc if isinstance(section, Contents) else section.buoc
        what = "nội dung" if isinstance(section, Contents) else "bước"
        written = [" ".join(line.split()) for line in lines(section.doan)]
        for j, item in enumerate(items):
            number = " ".join((item.so or "").split())
            text = " ".join(item.noi_dung.split())
            if not number or _MARKDOWN.search(number) or "{" in text:
                continue
            before = next((line[:line.index(text)].strip() for line in written if text in line), "")
            if before and not before.startswith(number):
                key = "muc" if isinstance(section, Contents) else "buoc"
                errors.append(src.error(("muc", i, key, j, "so"),
                                        f"Số của {what} {j + 1} ghi «{number}», nhưng lời văn của mục (doan) viết "
                                        f"«{before}» trước chữ «{text[:60]}{'…' if len(text) > 60 else ''}»: website "
                                        "dẫn số này như kế hoạch viết.", found=number,
                                        hint=f'chép đúng số văn bản viết: so: "{before}".' if re.search(r"\w", before)
                                        else f"văn bản không đánh số {what} này (viết «{before}»): bỏ dòng so."))
    return errors


def check_relation_word(plan: PlanFile, src) -> list[DataError]:
    """to_chuc_thuc_hien › quan_he (what an assignee does with its units: «phụ trách») is the plan's own word:
    printed on every unit page, the assignment sheets and workbooks, so the section's words (doan, or the
    assignment texts nhiem_vu) write it, with its diacritics (review bad9, defect 7)."""
    section = plan.to_chuc_thuc_hien
    if section is None or not section.quan_he:
        return []
    texts = [*lines(section.doan, marks=False), *(a.nhiem_vu for a in section.phan_cong),
             section.don_vi_thuc_hien.nhiem_vu]
    words = " ".join(" ".join(texts).split()).casefold()
    word = " ".join(section.quan_he.split()).casefold()
    if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", words):
        return []
    near = [w for w in ("phụ trách", "phối hợp", "theo dõi", "chỉ đạo", "hướng dẫn") if w in words]
    return [src.error(path_of(plan, "to_chuc_thuc_hien") + ("quan_he",),
                      f"quan_he ghi «{section.quan_he}», nhưng lời văn mục «{section.tieu_de}» (doan, nhiem_vu) không "
                      "viết chữ này: website in «" + section.quan_he[:1].upper() + section.quan_he[1:] + ": <người "
                      "được giao>» trên mọi trang đơn vị, phiếu nhiệm vụ, bảng tính như lời kế hoạch.",
                      found=section.quan_he,
                      hint=(f"chép đúng chữ kế hoạch dùng, có dấu (kế hoạch viết: {', '.join(near)})" if near else
                            "chép đúng chữ kế hoạch dùng, có dấu") + "; kế hoạch không nói thì bỏ dòng quan_he.")]

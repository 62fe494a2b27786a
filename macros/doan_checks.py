"""A structured section's fields against the plan's own words (review bad8, issue 19).

The plan page prints a structured section's words as the document wrote them (`doan`); the computed pages
(budget, unit pages, progress, calendars) print its fields. When the two say different things, the site
contradicts itself, or states what the plan does not say. These checks compare them:

- kinh_phi: every amount the fields hold (dinh_muc, each rieng, tong) is one the section's words write
  («5.000.000đ», «5.000.000 đồng», «5 triệu đồng», «năm triệu đồng», a figure of its money table); a unit
  the words name (a table row, «riêng <đơn vị> N đồng») has the amount they give it (review bad9 #1, #2);
  the words against themselves (a table's total, an amount in words beside its figure, a total below the
  units' amounts) give a note, not a refusal: the words are the document's (budget_notes);
- to_chuc_thuc_hien › bao_cao › nguoi_gui: the report note (loi_van) names the senders it says (the
  departments, or the units), not only the others;
- numbers as written (`so`): two steps never share one; no Markdown marks («**Bước 2:**»), which would be
  printed as they are, beside the number the document writes.
"""

import re
from dataclasses import dataclass

from .errors import DataError
from .doan_text import lines, plain
from .model import Contents, Item, PlanFile, Steps, Table
from .numbers import amounts_in, format_money, format_number, words_name_amount, words_say_amount
from .plausibility import stated_totals
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


def _check_source(budget, texts: list[str], at: tuple, src) -> list[DataError]:
    """The source `nguon` names is the budget's words (review r19q #2): the budget page prints it as the plan's."""
    if not budget.nguon:
        return []
    words = " ".join(" ".join(t.split()) for t in texts)
    wanted = " ".join(budget.nguon.split()).rstrip(".")
    if any(w in words for w in (wanted, wanted[:1].lower() + wanted[1:], wanted[:1].upper() + wanted[1:])):
        return []
    return [src.error(at + ("nguon",), "Nguồn kinh phí không có trong lời văn của mục kinh phí (doan): trang kinh "
                                       "phí in nó như lời kế hoạch.", found=budget.nguon,
                      hint="chép đúng chữ lời văn ghi nguồn kinh phí; lời văn không ghi nguồn thì bỏ dòng nguon.")]


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
    errors = _check_source(budget, texts, at, src)
    contradicted = [(n, written, words) for _, n, written, words in _words_beside_figures(budget.doan)
                    if not words_say_amount(words, n)]
    for path, name, n in fields:
        wrong = next(((words, written) for _, written, words in contradicted if words_say_amount(words, n)), None)
        if wrong and n not in said:
            errors.append(src.error(path, f"Số tiền {format_money(n)} ({name}) chỉ có trong phần bằng chữ «{wrong[0]}» "
                                          f"của lời văn, mà số viết bằng số ngay trước đó là {wrong[1]}: văn bản tự "
                                          "mâu thuẫn, trường không được theo một bên mà không nói.", found=str(n),
                                    hint=f"so với bản giấy; ghi {name} theo số tiền viết bằng số ({wrong[1]}), hoặc "
                                         "số văn bản thực sự giao."))
            continue
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


def _unit_names(units) -> dict[str, list[str]]:
    """code -> the unit's names (folded) as the words may write them: ten, ten_khac, ten_chinh_thuc."""
    return {u.ma: [n for n in dict.fromkeys(fold(x) for x in (u.ten, u.ten_chinh_thuc, *u.ten_khac)) if n]
            for u in units.don_vi}


def _units_named(text: str, names: dict[str, list[str]]) -> list[str]:
    """The codes of the units `text` (folded) names, longest names first («Kon Rờ Bàng 1» is not «Kon Rờ Bàng»)."""
    found = []
    for code, name in sorted(((c, n) for c, ns in names.items() for n in ns), key=lambda cn: -len(cn[1])):
        if code not in found and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            found.append(code)
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    return found


def _row_units(row: list, names: dict[str, list[str]]) -> list[str]:
    """The codes of the units a table row names: a cell whose whole text is a unit's name (a number inside
    another cell, «3» in «3.500.000», names nobody)."""
    cells = {" ".join(fold(plain(c)).split()).strip(" .:;,") for c in row}
    return [code for code, ns in names.items() if any(n in cells for n in ns)]


def _row_amounts(table: Table, row: list, head: int) -> list[tuple[int, str]]:
    """The amounts of one body row of a money table: a cell in figures, or a figure under «(triệu đồng)»."""
    out = []
    for col, cell in enumerate(row):
        text = plain(cell).strip()
        header = fold(" ".join(plain(r[col]) for r in table.bang[:head] if col < len(r)))
        scale = next((n for words, n in _SCALED_HEADER.items() if words in header), None)
        figure = re.fullmatch(r"(\d+)(?:,(\d+))?", text) if scale else None
        if figure:
            part = figure.group(2) or ""
            out.append((int(figure.group(1)) * scale + int(part or 0) * scale // 10 ** len(part), text))
        else:
            out += amounts_in(text)
    return out


def _words_per_unit(budget, names) -> dict[str, tuple[int, str, str]]:
    """code -> (amount, as written, where) the budget's words give that unit by name: a table row whose cell
    names the unit, or a sentence «riêng <đơn vị> N đồng». A row or clause naming several units, or giving
    several amounts, gives none (the words are then read by the editor, not guessed)."""
    said: dict[str, tuple[int, str, str]] = {}
    for table in _tables(budget.doan):
        head = max(1, table.dong_tieu_de)
        for row in table.bang[head:]:
            if any(_TOTAL_ROW.match(fold(plain(c))) for c in row):
                continue  # the total row is never a unit's
            codes = _row_units(row, names)
            amounts = {n: w for n, w in _row_amounts(table, row, head)}
            if len(codes) == 1 and len(amounts) == 1:
                n, written = next(iter(amounts.items()))
                said.setdefault(codes[0], (n, written, "dòng «" + " | ".join(plain(c) for c in row) + "» của bảng"))
    for text in lines(budget.doan):
        for match in re.finditer(r"(?<!\w)riêng(?!\w)", text, re.IGNORECASE):
            clause = re.split(r";|\.(?!\d)|, riêng", text[match.end():])[0]
            codes = _units_named(fold(clause), names)
            amounts = {n: w for n, w in amounts_in(clause)}
            if codes and len(amounts) == 1:
                n, written = next(iter(amounts.items()))
                for code in codes:
                    said.setdefault(code, (n, written, f"câu «riêng{clause}»"))
    return said


_IN_WORDS = re.compile(r"\(\s*(?:bằng chữ\s*:\s*)?([^()]*\bđồng\b[^()]*)\)", re.IGNORECASE)
_TOTAL_ROW = re.compile(r"^\s*(tong cong|tong so|cong)\b")


def _block_amount(block) -> int | None:
    """The last amount a block writes: a table's last row (its total), or a paragraph's last figure."""
    if isinstance(block, Table):
        head = max(1, block.dong_tieu_de)
        for row in reversed(block.bang[head:]):
            amounts = _row_amounts(block, row, head)
            if amounts:
                return amounts[-1][0]
        return None
    found = [a for t in lines([block]) for a in amounts_in(t)]
    return found[-1][0] if found else None


def _words_beside_figures(blocks) -> list[tuple[int, int, str, str]]:
    """(block index, figure, figure as written, words) of each amount in words in brackets («5.000.000 đồng
    (Năm triệu đồng)», «(Bằng chữ: …)» under a table or a line) with the figure it stands for."""
    out = []
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            continue
        for text in lines([block]):
            for match in _IN_WORDS.finditer(text):
                before = amounts_in(text[:match.start()])
                if before:
                    n, written = before[-1]
                elif not text[:match.start()].strip() and i and _block_amount(blocks[i - 1]) is not None:
                    n = _block_amount(blocks[i - 1])
                    written = format_number(n)
                else:
                    continue
                out.append((i, n, written, match.group(1).strip()))
    return out


@dataclass(frozen=True)
class BudgetDifference:
    """A figure of the budget's own words (kinh_phi › doan) that is not what the site computes, the words
    being printed as written: a table's total row against its rows' sum (kind "bang"), or a total a sentence
    writes below the units' amounts added up (kind "loi_van"; with the count of units it multiplies by,
    «x 9 huyện», when that is not the units' count)."""

    index: int  # the block of kinh_phi › doan
    kind: str  # "bang" or "loi_van"
    written: str  # the document's figure, as written
    value: int  # the document's figure, in đồng
    ours: int  # what the site computes: the table's rows added up, or the units' amounts added up
    sentence: str = ""  # the sentence that writes it ("loi_van")
    units_written: int | None = None  # the units the sentence counts, when not the units' count


# «… x 9 huyện = …», «x 10 đơn vị»: the count of units a budget sentence multiplies by.
_TIMES_UNITS = re.compile(r"[x×]\s*0*(\d{1,5})\s+[^\W\d]", re.IGNORECASE)


def budget_differences(site) -> list[BudgetDifference]:
    """The figures of the budget's words that differ from the site's (BudgetDifference), in the words'
    order: tables first, then sentences. The check names them to the editor (budget_notes); the budget
    page names them to the reader beside its own figures (render/budget.py)."""
    budget = site.plan.kinh_phi
    if budget is None or not budget.doan:
        return []
    out = []
    for i, block in enumerate(budget.doan):
        if not isinstance(block, Table):
            continue
        head = max(1, block.dong_tieu_de)
        rows, total = [], None
        for row in block.bang[head:]:
            amounts = _row_amounts(block, row, head)
            if _TOTAL_ROW.match(fold(" ".join(plain(c) for c in row if plain(c).strip()))):
                total = amounts[-1] if amounts else None
            elif len(amounts) == 1:
                rows.append(amounts[0][0])
        if total is not None and rows and sum(rows) != total[0]:
            out.append(BudgetDifference(i, "bang", total[1], total[0], sum(rows)))
    units = site.units_file.don_vi
    units_sum = sum(budget.rieng.get(u.ma, budget.dinh_muc or 0) for u in units)
    for i, block in enumerate(budget.doan):
        if isinstance(block, Table):
            continue
        for text in lines([block]):
            for _, n, written in stated_totals(text):
                if n < units_sum:
                    counted = [int(m.group(1)) for m in _TIMES_UNITS.finditer(text)]
                    out.append(BudgetDifference(i, "loi_van", written, n, units_sum, " ".join(text.split()),
                                                next((c for c in counted if c != len(units)), None)))
    return out


def budget_notes(site) -> list[DataError]:
    """What the budget's own words say against themselves (review bad9 #1, #2; r19o #5): a table's total that
    is not its rows' sum, an amount in words that is not the figure beside it, a total of the words below the
    units' amounts (with the count of units the words write, when not the units'). The words are the
    document's and stay as written (the plan page prints them); the budget page adds up its own sum, labelled
    as the site's, and says beside it that the document's figure differs (review bad9b b23, b43). So a note
    for the editor to compare with the paper, naming both figures, not a refusal."""
    plan, src = site.plan, site.sources.get("plan")
    budget = plan.kinh_phi
    if budget is None or not budget.doan or src is None:
        return []
    at = path_of(plan, "kinh_phi") + ("doan",)
    differences = budget_differences(site)
    notes = []
    for d in (d for d in differences if d.kind == "bang"):
        notes.append(src.error(at + (d.index,), f"Dòng tổng của bảng ghi {d.written}, nhưng các dòng của bảng cộng lại "
                                                f"được {format_money(d.ours)}. Trang «Kế hoạch» in bảng đúng như văn "
                                                f"bản; trang kinh phí ghi tổng do website cộng ({format_money(site.total)}) "
                                                f"và ghi rõ bảng của văn bản ghi {d.written}.",
                               hint="so với bản giấy: nếu văn bản ghi đúng như vậy thì giữ nguyên; nếu chép sai "
                                    "thì sửa cho đúng văn bản."))
    for i, n, written, words in _words_beside_figures(budget.doan):
        if not words_say_amount(words, n):
            notes.append(src.error(at + (i,), f"Số tiền bằng chữ «{words}» không đọc thành {written}, số viết bằng số "
                                              "ngay trước đó. Trang «Kế hoạch» in đúng lời văn; các trang khác dùng số "
                                              "của trường (dinh_muc, rieng, tong).",
                                   hint="so với bản giấy: nếu văn bản ghi đúng như vậy thì giữ nguyên; nếu chép sai "
                                        "thì sửa cho đúng văn bản."))
    count = len(site.units_file.don_vi)
    for d in (d for d in differences if d.kind == "loi_van"):
        units = (f" cho {d.units_written} đơn vị, nhưng danh sách đơn vị có {count} đơn vị, kinh phí cộng lại là "
                 f"{format_money(d.ours)}." if d.units_written is not None else
                 f", ít hơn kinh phí các đơn vị cộng lại ({format_money(d.ours)}).")
        notes.append(src.error(at + (d.index,), f"Lời văn ghi tổng {d.written}{units} Trang "
                                                "«Kế hoạch» in đúng lời văn; trang kinh phí ghi "
                                                + ("số đơn vị và " if d.units_written is not None else "")
                                                + f"tổng do website cộng ({format_money(d.ours)}), nói rõ là website "
                                                  f"cộng và lời văn ghi {d.written}.",
                               hint="so với bản giấy và với dinh_muc, rieng, danh sách đơn vị: nếu văn "
                                    "bản ghi đúng như vậy thì giữ nguyên."))
    return notes


def words_per_unit(units, budget) -> dict[str, tuple[int, str, str]]:
    """code -> (amount, as written, where) the budget's words give that unit by name (none without words)."""
    return _words_per_unit(budget, _unit_names(units)) if budget is not None and budget.doan else {}


def check_unit_amounts(units, plan: PlanFile, src) -> list[DataError]:
    """Each unit's amount (rieng › code, else dinh_muc) against the amount the budget's words give THAT unit,
    when they name it (review bad9 #1, #2; r19o #5): an amount found elsewhere in the words is not the unit's."""
    budget = plan.kinh_phi
    if budget is None or not budget.doan:
        return []
    at = path_of(plan, "kinh_phi")
    by_code = {u.ma: u for u in units.don_vi}
    errors = []
    for code, (n, written, where) in _words_per_unit(budget, _unit_names(units)).items():
        given = budget.rieng.get(code, budget.dinh_muc)
        if given == n or given is None:  # no amount at all: crosschecks.check_budget says so, with this figure
            continue
        unit = by_code[code].ten_chinh_thuc
        path, name = (at + ("rieng", code), f"rieng › {code}") if code in budget.rieng else (at + ("dinh_muc",), "dinh_muc")
        errors.append(src.error(path, f"Lời văn của mục kinh phí (doan) ghi cho {unit} {written} ({where}), nhưng "
                                      f"trường {name} ghi {format_money(given)}: trang kinh phí, trang đơn vị sẽ in số "
                                      "khác với câu của văn bản in ngay trên trang «Kế hoạch».", found=str(given),
                                hint=f"ghi số tiền văn bản ghi cho đơn vị này: rieng › {code}: {n}"
                                     + (" (thêm vào rieng; dinh_muc giữ mức chung)." if code not in budget.rieng
                                        else ".")))
    return errors


def _named(text: str, names) -> list[str]:
    """The names (folded) that `text` (folded) holds as whole words."""
    return [n for n in dict.fromkeys(names) if n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]


def check_report_senders(units, org, plan: PlanFile, src) -> list[DataError]:
    """bao_cao › nguoi_gui against the report note's words (loi_van): a note naming only the departments is
    not «each unit reports», nor one naming only the units «the departments report». A note naming both, or
    neither, is not judged here (the field is the editor's reading)."""
    section = plan.to_chuc_thuc_hien
    if section is None or section.bao_cao is None or section.bao_cao.nguoi_gui is None:
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
             *([section.don_vi_thuc_hien.nhiem_vu] if section.don_vi_thuc_hien is not None else [])]
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

"""Checks across data files: every rule that one field alone cannot state.

Each check returns DataErrors positioned in the file an editor must change.
"""

import datetime as dt
import difflib
import json
import re

from pydantic import TypeAdapter, ValidationError

from .text import strings_in
from . import conferences, datafiles, doan_checks, doan_text, limits, plausibility, step_times
from . import period as P
from .contents_name import check_contents_name
from .dates import format_date
from .errors import DataError
from .fieldtypes import Name
from .model import Item, Note, OrgFile, PlanFile, Table, UnitsFile, VerbatimSection
from .numbers import format_money, money_in_words, words_say_amount
from .report_words import check_report_sender
from .sections import heading, is_structured, path_of, section_number
from .text import canon, fold, slugify
from .yamlsrc import value_at

# {name} in a text field is filled by Site.fill; these are the names it knows.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PLACEHOLDERS = {"so_hoi_nghi", "noi_nhan_bao_cao", "han_bao_cao"}
# The structured section each placeholder is filled from.
PLACEHOLDER_SECTION = {"so_hoi_nghi": "cac_buoc", "noi_nhan_bao_cao": "to_chuc_thuc_hien", "han_bao_cao": "to_chuc_thuc_hien"}


def _unit_names(unit) -> list[str]:
    return [unit.ten, *unit.ten_khac]


def collective_levels(text: str, units) -> set[str]:
    """The levels of unit («ấp», «thôn», «chi hội») a folded task text names together: «các ấp», «tất cả các thôn».
    The plan's words name every unit of that level at once (issue 19, review r19s defect 7)."""
    levels = sorted({fold(u.cap) for u in units}, key=len, reverse=True)
    if not levels:
        return set()
    one = "(?:" + "|".join(re.escape(c) for c in levels) + ")"
    found = set()
    # «các huyện, thành phố», «các xã và thị trấn»: each level of the list
    for m in re.finditer(rf"(?<!\w)cac ({one}(?:(?:, | va | hoac ){one})*)(?!\w)", text):
        found |= {c for c in levels if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", m.group(1))}
    return found


def _names(files: dict | None, name: str) -> str:
    """The repository path of a plan's file, for messages ("data/<plan>/don-vi.yaml")."""
    default = {"units": "don-vi.yaml", "org": "co-quan.yaml", "plan": "ke-hoach.yaml",
               "references": "van-ban.yaml", "glossary": "thuat-ngu.yaml", "toolkit": "bo-cong-cu.yaml"}[name]
    return (files or {}).get(name, f"data/{default}")


def unique(items, key, source, path, label) -> list[DataError]:
    errors, seen = [], {}
    for i, item in enumerate(items):
        value = key(item)
        if value in seen:
            errors.append(source.error(path + (i,), f"{label} «{value}» trùng với mục {seen[value] + 1}.",
                                       hint="mỗi mục phải có giá trị riêng."))
        seen.setdefault(value, i)
    return errors


def _suggest_unit(code: str, units: UnitsFile, where: str = "data/don-vi.yaml", taken: set | frozenset = frozenset()) -> str:
    """A code that is really a name ("Dak Glei") or a near-miss code. `taken`: codes
    already used where this one stands (assigned to a department, given their own
    amount): a near miss is suggested only among the others, so that following the
    hint never makes a second error."""
    wanted = fold(code).replace("-", " ").strip()
    named = [u for u in units.don_vi
             if any(fold(n) == wanted for n in _unit_names(u)) or fold(f"{u.cap} {u.ten}") == wanted]
    if named:
        return "có phải " + " hay ".join(f"mã «{u.ma}» ({u.cap} {u.ten})" for u in named) + "?"
    free = [u.ma for u in units.don_vi if u.ma not in taken]
    close = closest(code, free)
    if close:
        unit = next(u for u in units.don_vi if u.ma == close)
        return f"có phải mã «{unit.ma}» ({unit.cap} {unit.ten})?"
    if taken and free:
        return f"các mã trong {where} chưa dùng ở đây: " + ", ".join(free) + "."
    if taken:
        return f"mọi mã trong {where} đã dùng ở đây; xóa mã này."
    if not units.don_vi:  # nothing to offer (a fresh import): said in words, never «…: .» (review r19n)
        return f"{where} chưa có mã nào: thêm đơn vị có mã này vào đó (ma, cap, ten, ten_chinh_thuc), hoặc xóa mã này."
    return f"dùng mã trong {where}: " + ", ".join(u.ma for u in units.don_vi) + "."


def _suggest_department(code: str, org: OrgFile, where: str = "data/co-quan.yaml") -> str:
    codes = [d.ma for d in org.ban]
    by_name = {fold(d.ten): d.ma for d in org.ban}
    if fold(code) in by_name:
        return f"có phải mã «{by_name[fold(code)]}»?"
    return near_miss(code, codes, where)


# Characters that look alike on screen and on paper: O and 0, l, I and 1…
_LOOK_ALIKE = str.maketrans({"o": "0", "O": "0", "l": "1", "I": "1", "i": "1", "|": "1", "S": "5", "B": "8", "Z": "2"})


def _look(code: str) -> str:
    """What a code looks like: look-alike characters mapped, leading zeros of a
    number dropped, case and surrounding spaces ignored."""
    shape = code.strip().translate(_LOOK_ALIKE).lower()
    return shape.lstrip("0") or shape if shape.isdigit() else shape


def closest(code: str, known: list[str]) -> str | None:
    """The known code the editor most likely meant: one that looks the same
    (61O -> 610, 0608 -> 608, VAN-PHONG -> van-phong), else the nearest by edit
    distance."""
    same = [k for k in known if _look(k) == _look(code)]
    if len(same) == 1:
        return same[0]
    close = difflib.get_close_matches(_look(code), [_look(k) for k in known], n=1)
    if close:
        return next(k for k in known if _look(k) == close[0])
    return None


def near_miss(code: str, known: list[str], where: str) -> str:
    """The hint for an unknown code: the closest known one, else the list to choose from."""
    close = closest(code, known)
    if not known:
        return f"{where} chưa có mã nào: thêm mục có mã này vào đó, hoặc xóa mã này."
    return f"có phải «{close}»?" if close else f"dùng mã có trong {where}: " + ", ".join(known) + "."


def _walk_strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk_strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_strings(v, path + (i,))


def check_units(units: UnitsFile, src) -> list[DataError]:
    errors = unique(units.don_vi, lambda u: u.ma, src, ("don_vi",), "Mã")
    seen: dict[str, int] = {}
    for i, unit in enumerate(units.don_vi):
        # The unit's page address is made from its level and name (render/links.unit_slug):
        # never empty ("★" makes don-vi/.md), never longer than a file name can be.
        problem = limits.slug_error(slugify(unit.ten)) or limits.slug_error(slugify(f"{unit.cap} {unit.ten}"))
        if problem:
            errors.append(src.error(("don_vi", i, "ten"), problem[0].upper() + problem[1:] + ".", found=unit.ten,
                                    hint="viết tên bằng chữ (có thể có dấu tiếng Việt), không chỉ ký hiệu."
                                    if not slugify(unit.ten) else "viết tên ngắn gọn như trong kế hoạch."))
        # Two units are the same when level and name are: a town and a district of one name are two.
        for name in {fold(f"{unit.cap} {n}") for n in _unit_names(unit)}:
            if name in seen and seen[name] != i:
                errors.append(src.error(("don_vi", i, "ten"), f"Tên «{unit.cap} {unit.ten}» trùng (khi bỏ dấu) với tên "
                                                       f"của mục {seen[name] + 1}.",
                                        hint="mỗi đơn vị phải có tên riêng (cùng cấp), kể cả các cách viết khác."))
            seen.setdefault(name, i)
    errors += _level_against_official_name(units, src)
    return errors


def _level_against_official_name(units: UnitsFile, src) -> list[DataError]:
    """A unit's level (cap) that its official name (ten_chinh_thuc) contradicts: the official name
    begins with another level the file uses (review bad11 x01: one «cap» changed renamed the unit on
    13 pages and moved its page, whose address is printed on paper)."""
    levels = sorted({fold(u.cap) for u in units.don_vi if u.cap}, key=len, reverse=True)
    errors = []
    for i, unit in enumerate(units.don_vi):
        if not unit.cap or not unit.ten_chinh_thuc:
            continue
        official = fold(unit.ten_chinh_thuc)
        if official.startswith(fold(unit.cap) + " "):
            # the name after the level: one of the unit's names, or a slip of one («Ngọc Hồ», review bad11 x02)
            rest = official[len(fold(unit.cap)) + 1:]
            names = {fold(n): n for n in reversed(_unit_names(unit))}  # the unit's own ten shown first
            near = [n for n in difflib.get_close_matches(rest, names, n=1, cutoff=0.8)
                    if len(n.split()) == len(rest.split())]  # a word added («… Mới») is a new name, not a slip
            if rest not in names and near:
                errors.append(src.error(("don_vi", i, "ten_chinh_thuc"),
                                        f"Tên chính thức «{unit.ten_chinh_thuc}» gần giống nhưng khác tên đơn vị "
                                        f"«{names[near[0]]}» (ten, ten_khac).", found=unit.ten_chinh_thuc,
                                        hint=f"có phải «{unit.ten_chinh_thuc[:len(unit.cap)]} {names[near[0]]}»? Nếu "
                                             "tên chính thức viết khác, thêm cách viết đó vào ten_khac."))
            continue
        other = next((level for level in levels if official.startswith(level + " ")), None)
        if other is None:
            continue
        line = src.positions.get(("don_vi", i, "ten_chinh_thuc"), (0,))[0]
        errors.append(src.error(("don_vi", i, "cap"), f"Cấp «{unit.cap}» trái với tên chính thức «{unit.ten_chinh_thuc}» "
                                                      f"(ten_chinh_thuc, dòng {line}) của cùng đơn vị.",
                                found=unit.cap,
                                hint="sửa cap cho đúng tên chính thức (cấp là một phần địa chỉ trang của đơn vị); "
                                     "nếu đơn vị đã đổi cấp, sửa cả ten_chinh_thuc và các chỗ kế hoạch gọi tên đơn vị."))
    return errors


def _needs_letters(value: str, src, path: tuple) -> list[DataError]:
    """A name that makes an address or an identifier (the ZIP's file name, calendar
    entries): it must hold a letter or a digit."""
    if slugify(value):
        return []
    return [src.error(path, "Tên không có chữ cái hay chữ số nào (chỉ có ký hiệu).", found=value,
                      hint="viết tên bằng chữ.")]


_WORD = re.compile(r"\w+")
# The header's fields that name the issuing body, in the order the header prints them.
_HEADER_FIELDS = ("co_quan_ban_hanh", "co_quan_cap_tren", "cac_co_quan_ban_hanh", "dong_co_quan_ban_hanh",
                  "dong_co_quan_cap_tren")


def _name_against_header(org: OrgFile, src) -> list[DataError]:
    """Every word of the body's name in a sentence (ten_day_du) is a word of the document's header,
    letter case, spaces and the tone placement «Uỷ/Ủy» folded (canon): a typo in it («Kom Tum», review
    bad11 v05) would stand in the footer of every page. A run of words whose initials make a word
    of the header is the header's abbreviation written out («Mặt trận Tổ quốc» for «MTTQ»); a word
    far from every word of the header is one the sentence adds (a parent unit): only a word close
    to one of the header's but not it is refused."""
    header = []
    for name in _HEADER_FIELDS:
        value = getattr(org, name, None) or ""
        for i, text in enumerate(value if isinstance(value, list) else [value]):
            if text:
                header.append(((name, i) if isinstance(value, list) else (name,), text))
    if not header or not org.ten_day_du:
        return []
    original = {canon(w): w for _, text in header for w in _WORD.findall(text)}
    known = set(original) | {"và"}
    initials = {fold(w) for w in original}
    words = _WORD.findall(org.ten_day_du)
    missing, i = [], 0
    while i < len(words):
        if canon(words[i]) in known:
            i += 1
            continue
        run = next((j for j in range(len(words), i, -1)
                    if "".join(fold(w)[0] for w in words[i:j]) in initials and j - i > 1), None)
        if run is not None:
            i = run
            continue
        near = difflib.get_close_matches(canon(words[i]), original, n=1, cutoff=0.6)
        if near:  # a word one slip away from the header's: a typo, not a word the sentence adds
            missing.append((words[i], original[near[0]]))
        i += 1
    if not missing:
        return []
    where = "; ".join(f"«{text}» ({_header_field(path)}, dòng {src.positions.get(path, (0,))[0]})"
                      for path, text in header)
    typo, word = missing[0]
    guess = f"có phải «{word.capitalize() if typo[:1].isupper() else word.lower()}»? "
    return [src.error(("ten_day_du",), "Tên cơ quan ban hành có chữ " + ", ".join(f"«{w}»" for w, _ in missing)
                      + f" không có ở đầu văn bản: {where}.", found=org.ten_day_du,
                      hint=guess + ("Sửa" if guess else "sửa") + " ten_day_du cho đúng tên ở đầu văn bản (tên này "
                                   "in ở chân mọi trang); nếu đầu văn bản sai, sửa ở đầu văn bản.")]


def _header_field(path: tuple) -> str:
    return path[0] if len(path) == 1 else f"{path[0]} › mục {path[1] + 1}"


def check_org(org: OrgFile, src) -> list[DataError]:
    return (unique(org.ban, lambda d: d.ma, src, ("ban",), "Mã ban")
            + (_needs_letters(org.ten_day_du, src, ("ten_day_du",)) if org.ten_day_du else [])
            + _name_against_header(org, src))


def _units_file_missing(files: dict | None) -> str | None:
    """The path don-vi.yaml should have when the plan has none (the loader's files list it only when it exists)."""
    if files is None or "units" in files or "plan" not in files:
        return None
    return files["plan"].rsplit("/", 1)[0] + "/don-vi.yaml"


# A name «Ban phối hợp» can truthfully stand before: a department of the issuing body, or its office.
_A_DEPARTMENT = r"(?i)(?:ban|văn phòng)\b"


def check_assignments(units: UnitsFile, org: OrgFile, plan: PlanFile, src, files: dict | None = None) -> list[DataError]:
    if plan.to_chuc_thuc_hien is None:  # no organisation section: no assignments to check
        return []
    units_file, org_file = _names(files, "units"), _names(files, "org")
    errors = []
    missing = _units_file_missing(files)
    if missing and any(a.don_vi for a in plan.to_chuc_thuc_hien.phan_cong):
        errors.append(src.error(path_of(plan, "to_chuc_thuc_hien") + ("phan_cong",),
                                f"Kế hoạch giao đơn vị cho các ban nhưng không có tệp {missing} (danh sách đơn vị): "
                                "tệp bị xóa, đổi tên hay đặt nhầm thư mục?",
                                hint=f"đặt lại tệp {missing}, hoặc bỏ các mã đơn vị khỏi phan_cong."))
        units = UnitsFile()
        plan = plan.model_copy(update={"muc": [s.model_copy(update={"phan_cong": [a.model_copy(update={"don_vi": []})
                                                                                for a in s.phan_cong]})
                                               if s is plan.to_chuc_thuc_hien else s for s in plan.muc]})
    known = {u.ma: u for u in units.don_vi}
    depts = {d.ma for d in org.ban}
    names = {d.ma: d.ten for d in org.ban}
    assigned: dict[str, tuple[int, int]] = {}
    base = path_of(plan, "to_chuc_thuc_hien") + ("phan_cong",)
    errors += unique(plan.to_chuc_thuc_hien.phan_cong, lambda a: a.ban, src, base, "Ban")
    # Codes a department already has: an unknown code's hint never names one of them.
    taken = {c for a in plan.to_chuc_thuc_hien.phan_cong for c in a.don_vi if c in known}
    not_departments: list[tuple[int, str]] = []  # (index, code): persons assigned while the plan writes no quan_he
    # Each name folded once per build, each task text once per department (not once per unit).
    folded_names = {u.ma: [fold(n) for n in _unit_names(u)] for u in units.don_vi}
    for i, a in enumerate(plan.to_chuc_thuc_hien.phan_cong):
        text = fold(a.nhiem_vu)
        # «các ấp» names the units of that level together, when this body is given every one of them
        together = collective_levels(text, units.don_vi)
        given = set(a.don_vi)

        def covers_all(level, together=together, given=given):
            return level in together and all(u.ma in given for u in units.don_vi if fold(u.cap) == level)
        if a.ban not in depts:
            errors.append(src.error(base + (i, "ban"), f"Không có ban mã «{a.ban}» trong {org_file}.",
                                    found=a.ban, hint=_suggest_department(a.ban, org, org_file)))
        elif not plan.to_chuc_thuc_hien.quan_he and not re.match(_A_DEPARTMENT, names[a.ban]):
            # without the plan's own word the site says «Ban phối hợp của …: <name>», true only of a department
            not_departments.append((i, a.ban))
            if len(not_departments) == 1:
                errors.append(None)  # said once, here, when every such assignment is known (review bad10 q1)
        for j, code in enumerate(a.don_vi):
            path = base + (i, "don_vi", j)
            if code not in known:
                errors.append(src.error(path, f"Không có đơn vị mã «{code}» trong {units_file}.",
                                        found=code, hint=_suggest_unit(code, units, units_file, taken)))
                continue
            if code in assigned:
                first = assigned[code]
                errors.append(src.error(path, f"Đơn vị «{known[code].ten}» được giao hai lần "
                                              f"(đã giao ở phan_cong › mục {first[0] + 1}).",
                                        found=code, hint="mỗi đơn vị chỉ do một ban phối hợp; xóa một lần giao."))
                continue
            assigned[code] = (i, j)
            unit = known[code]
            if not any(n in text for n in folded_names[code]) and not covers_all(fold(unit.cap)):
                errors.append(src.error(base + (i, "nhiem_vu"),
                                        f"Nhiệm vụ không nhắc đến đơn vị «{unit.ten}» dù đơn vị này được giao cho ban.",
                                        hint=f"thêm tên «{unit.ten}» vào nhiệm vụ, hoặc bỏ mã «{code}» khỏi don_vi."))
    if not_departments:
        # one mistake (quan_he missing), one error at its field, naming every assignment it concerns
        i, code = not_departments[0]
        listed = ", ".join(f"«{names[c]}» (phan_cong › mục {k + 1})" for k, c in not_departments)
        one = len(not_departments) == 1
        said = src.error(base + (i, "ban") if one else path_of(plan, "to_chuc_thuc_hien") + ("quan_he",),
                         f"{listed} ({org_file}) không phải {'một ban' if one else 'các ban'}, và mục tổ chức thực hiện "
                         f"không ghi quan_he: website sẽ ghi «Ban phối hợp» trước {'tên này' if one else 'các tên này'}.",
                         found=code if one else "", hint="ghi quan_he trong mục tổ chức thực hiện: chữ kế hoạch dùng "
                                                         "cho việc người được giao làm với đơn vị (như «phụ trách»).")
        errors[errors.index(None)] = said
    for unit in units.don_vi if assigned else ():  # a plan that gives no unit to any body: none is missing
        if unit.ma not in assigned:
            errors.append(src.error(base, f"Đơn vị «{unit.cap} {unit.ten}» (mã {unit.ma}) chưa được giao cho ban nào.",
                                    hint="thêm mã vào don_vi của một ban."))
    report = plan.to_chuc_thuc_hien.bao_cao
    errors += check_idle_departments(org, plan, src, org_file)
    if report is None:  # the plan asks for no report: no receiver to check
        return errors
    where = path_of(plan, "to_chuc_thuc_hien") + ("bao_cao", "noi_nhan")
    problem = receiver_problem(report.noi_nhan, org, org_file)
    if problem is None and report.noi_nhan not in depts and not _in_plan_words(report.noi_nhan, plan):
        problem = (f"Nơi nhận báo cáo «{report.noi_nhan}» không có trong lời kế hoạch: website in tên này trên trang "
                   "chủ và mọi trang đơn vị như kế hoạch viết.",
                   "chép tên nơi nhận đúng như kế hoạch viết (kể cả dấu), hoặc ghi mã một ban trong "
                   f"{org_file} khi nơi nhận là một ban của cơ quan ban hành.")
    if problem is not None:
        errors.append(src.error(where, problem[0], found=report.noi_nhan, hint=problem[1]))
    return errors


def receiver_problem(value: str, org: OrgFile, org_file: str = "data/co-quan.yaml") -> tuple[str, str] | None:
    """bao_cao › noi_nhan read as the editor meant it: a code (no space: «ban-phong-trao», «Ban-Phong-Trao») names
    a department of co-quan.yaml; a department's own name (alone, or followed by its body's words «… Ủy ban MTTQ
    Việt Nam tỉnh») is written by its code (the site then says it gathers the reports); any other words name the
    receiver as the plan writes it (a commune's report goes to the province's Front). (message, hint) or None."""
    if value in {d.ma for d in org.ban}:
        return None
    if not re.search(r"\s", value):
        return f"Không có ban mã «{value}» trong {org_file}.", _suggest_department(value, org, org_file)
    said = fold(value)
    level = fold(org.cap or "")
    for dept in org.ban:
        name = fold(dept.ten)
        if said == name or (said.startswith(name + " ") and level and said.endswith(" " + level)):
            return (f"«{value}» là tên của ban «{dept.ten}» ({org_file}): nơi nhận là một ban của cơ quan ban hành "
                    "thì ghi bằng mã ban, để website biết ban đó tổng hợp báo cáo.",
                    f"ghi mã ban: noi_nhan: {dept.ma}")
    return None


def receiver_meant(value: str, org: OrgFile) -> set[str]:
    """The departments bao_cao › noi_nhan names or most likely means: its code; for a code mistyped
    («BanThuongTruc»), the code it is closest to, or every department when none is close; for a department's
    own name, that department. A department meant as the receiver is not idle (check_idle_departments): the
    one mistake is said once, at noi_nhan (review bad9b n4)."""
    codes = [d.ma for d in org.ban]
    if value in codes:
        return {value}
    if not re.search(r"\s", value or ""):
        close = closest(value, codes) if value else None
        return {close} if close else set(codes)
    said, level = fold(value), fold(org.cap or "")
    return {d.ma for d in org.ban
            if said == fold(d.ten) or (said.startswith(fold(d.ten) + " ") and level and said.endswith(" " + level))}


def _in_plan_words(name: str, plan: PlanFile) -> bool:
    """Whether the plan's words (any text of ke-hoach.yaml but the receiver field itself) write `name`, with its
    diacritics (case and runs of spaces aside)."""
    data = plan.model_dump(mode="json")
    for section in data.get("muc") or []:
        if isinstance(section, dict) and isinstance(section.get("bao_cao"), dict):
            section["bao_cao"].pop("noi_nhan", None)
    words = " ".join(" ".join(strings_in(data)).split()).casefold()
    return " ".join(name.split()).casefold() in words


def check_idle_departments(org: OrgFile, plan: PlanFile, src, where: str = "data/co-quan.yaml") -> list[DataError]:
    """A department in data/co-quan.yaml with no units to work with is a slip
    (a code changed on one side only), unless it receives the reports."""
    errors = []
    if not any(a.don_vi for a in plan.to_chuc_thuc_hien.phan_cong):  # no unit given to any body: none is idle
        return errors
    working = {a.ban for a in plan.to_chuc_thuc_hien.phan_cong}
    report = plan.to_chuc_thuc_hien.bao_cao
    receiving = receiver_meant(report.noi_nhan, org) if report is not None else set()
    for dept in org.ban:
        if dept.ma not in working and dept.ma not in receiving:
            errors.append(src.error(path_of(plan, "to_chuc_thuc_hien") + ("phan_cong",),
                                    f"Ban «{dept.ten}» (mã {dept.ma}, {where}) không được giao đơn vị nào.",
                                    hint=f"thêm một mục «- ban: {dept.ma}» có don_vi vào phan_cong, "
                                         f"hoặc xóa ban này khỏi {where}."))
    return errors


def check_budget(units: UnitsFile, plan: PlanFile, src, files: dict | None = None) -> list[DataError]:
    errors = []
    budget = plan.kinh_phi
    if budget is None:
        return errors
    codes = {u.ma for u in units.don_vi}
    for code in budget.rieng:
        if code not in codes and not _units_file_missing(files):  # a missing file is said once (check_assignments)
            errors.append(src.error(path_of(plan, "kinh_phi") + ("rieng", code), f"Không có đơn vị mã «{code}».",
                                    found=code, hint=_suggest_unit(code, units, _names(files, "units"),
                                                                   set(budget.rieng) & codes)))
    if budget.dinh_muc is None:
        # No flat rate: every unit has its own amount (rieng), else the site would have to invent one.
        without = [u for u in units.don_vi if u.ma not in budget.rieng]
        if without:
            said = doan_checks.words_per_unit(units, budget)  # the figure the words give each, to suggest it
            names = ", ".join(f"«{u.ten_chinh_thuc}» (mã {u.ma})" for u in without)
            errors.append(src.error(path_of(plan, "kinh_phi") + ("rieng",),
                                    f"Chưa có kinh phí của {names}: mục kinh phí không ghi mức chung (dinh_muc), nên "
                                    "mỗi đơn vị cần số tiền riêng ở rieng.",
                                    hint="thêm «mã: số tiền» của đơn vị vào rieng, như văn bản ghi"
                                         + "".join(f" (rieng › {u.ma}: {said[u.ma][0]})" for u in without
                                                   if u.ma in said)
                                         + "; hoặc, nếu văn bản ghi một mức cho mỗi đơn vị, ghi mức đó ở dinh_muc."))
        if not budget.doan:
            errors.append(src.error(path_of(plan, "kinh_phi"),
                                    "Mục kinh phí không ghi mức chung (dinh_muc) và không có lời văn của văn bản (doan): "
                                    "trang «Kế hoạch» không có câu nào của văn bản để in cho mục này.",
                                    hint="chép lời văn của mục (các đoạn, bảng) vào «doan», như mục chép nguyên văn; "
                                         "website in đúng lời văn đó."))
    elif not budget.doan and any(budget.rieng.get(c, budget.dinh_muc) != budget.dinh_muc for c in codes):
        # A flat rate with some units' own amounts: the plan page would print a sentence the site composes
        # («…, cụ thể: <đơn vị> <số tiền>; …; tổng cộng …») as the document's words (review r19k).
        own = ", ".join(f"«{u.ten_chinh_thuc}»" for u in units.don_vi
                        if budget.rieng.get(u.ma, budget.dinh_muc) != budget.dinh_muc)
        errors.append(src.error(path_of(plan, "kinh_phi"),
                                f"Mục kinh phí có mức chung (dinh_muc) và số tiền riêng (rieng) khác mức đó cho {own}, "
                                "nhưng không có lời văn của văn bản (doan): trang «Kế hoạch» sẽ in câu do website soạn "
                                "(«…, cụ thể: …; tổng cộng …») như thể lời văn bản.",
                                hint="chép lời văn của mục kinh phí (các đoạn, bảng) vào «doan», như mục chép nguyên "
                                     "văn; website in đúng lời văn đó và chỉ dùng dinh_muc, rieng để tính số tiền."))
    total = sum(budget.rieng.get(c, budget.dinh_muc or 0) for c in codes)
    # The plan's total may hold more than its units' amounts (lines for no unit, another source: review r19n,
    # defect 3) when the section keeps its words, which must write it (doan_checks.check_budget_words); pages
    # then give that total only as the plan's sentence (Site.total_beyond_units). Less than the units: wrong.
    if budget.tong is not None and budget.tong != total and not (budget.doan and budget.tong > total):
        errors.append(src.error(path_of(plan, "kinh_phi") + ("tong",),
                                f"Tổng kinh phí ghi {format_money(budget.tong)} nhưng cộng theo từng đơn vị được "
                                f"{format_money(total)}.", found=str(budget.tong),
                                hint="xóa dòng «tong» để website tự tính, hoặc sửa cho đúng"
                                     + ("." if budget.tong < total else
                                        "; tổng của kế hoạch gồm cả khoản không chia cho đơn vị (hay nguồn khác) thì "
                                        "chép lời văn của mục vào «doan»: website in tổng đúng lời văn đó.")))
    if budget.tong_bang_chu is not None:
        words = money_in_words(budget.tong if budget.tong is not None else total)
        if not words_say_amount(budget.tong_bang_chu, budget.tong if budget.tong is not None else total):
            errors.append(src.error(path_of(plan, "kinh_phi") + ("tong_bang_chu",), f"Số tiền bằng chữ không khớp: đúng là «{words}».",
                                    found=budget.tong_bang_chu,
                                    hint="xóa dòng «tong_bang_chu» để website tự đọc số tiền, hoặc sửa cho đúng."))
    return errors


def check_dates(plan: PlanFile, src) -> list[DataError]:
    errors = _check_period(plan, src) if plan.thoi_gian_dia_diem is not None else []
    issued = plan.van_ban.ngay_ban_hanh
    # The place-and-date line printed as written must not say another date than ngay_ban_hanh.
    said = re.search(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", plan.van_ban.dong_dia_danh_ngay)
    if issued is not None and said and tuple(map(int, said.groups())) != (issued.day, issued.month, issued.year):
        errors.append(src.error(("van_ban", "dong_dia_danh_ngay"), f"Dòng địa danh, ngày ghi ngày {said.group(1)} tháng "
                                                                  f"{said.group(2)} năm {said.group(3)}, khác ngày ban hành "
                                                                  f"(van_ban › ngay_ban_hanh: {issued:%d/%m/%Y}).",
                                found=plan.van_ban.dong_dia_danh_ngay, hint="sửa một trong hai cho đúng văn bản."))
    for i, doc in enumerate(plan.can_cu):
        if issued is not None and getattr(doc, "ngay", None) is not None and doc.ngay > issued:
            # either date may be the one just typed (review bad11 d16): both, with their lines
            line = src.positions.get(("van_ban", "ngay_ban_hanh"), (0,))[0]
            errors.append(src.error(("can_cu", i, "ngay"), f"Văn bản căn cứ có ngày {doc.ngay:%d/%m/%Y}, sau ngày ban "
                                                           f"hành kế hoạch {issued:%d/%m/%Y} (van_ban › ngay_ban_hanh, "
                                                           f"dòng {line}).",
                                    found=f"{doc.ngay:%d/%m/%Y}",
                                    hint="kế hoạch chỉ căn cứ văn bản ban hành trước nó: sửa ngày nào sai, ngày ban "
                                         f"hành kế hoạch (dòng {line}) hay ngày của văn bản căn cứ (dòng này)."))
    if plan.cac_buoc is not None:
        conf = plan.cac_buoc.hoi_nghi
        if conf is None:  # the plan writes no count (optional): nothing to compare
            pass
        elif conf.toi_thieu > conf.toi_da:
            errors.append(src.error(path_of(plan, "cac_buoc") + ("hoi_nghi", "toi_thieu"),
                                    f"Số hội nghị tối thiểu ({conf.toi_thieu}) lớn hơn tối đa ({conf.toi_da}).",
                                    hint="toi_thieu phải nhỏ hơn hoặc bằng toi_da."))
        else:
            errors += conferences.check_counts(plan, src, path_of(plan, "cac_buoc"))
        errors += check_step_times(plan, src)
    return errors


def check_step_times(plan: PlanFile, src) -> list[DataError]:
    """Each step's time (cac_buoc › buoc › thoi_gian): its words are the plan's, and its dates are
    those the words give (step_times.read), no other, none missing."""
    errors = []
    year = _period_year(plan)
    doan_lines = doan_text.lines(plan.cac_buoc.doan, marks=False) if plan.cac_buoc.doan else []
    counts = []  # errors said before each step: a step whose time is said wrong is not said again (bad9b s1)
    for i, step in enumerate(plan.cac_buoc.buoc):
        counts.append(len(errors))
        time = step.thoi_gian
        if time is None:
            continue
        at = path_of(plan, "cac_buoc") + ("buoc", i, "thoi_gian")
        own = _own_words(step, doan_lines)
        whole = _cut_short(" ".join(time.van_ban.split()), own)
        if whole is not None:
            # the words are the step's own, only cut short («Quý IV» of «Quý IV/<năm>»: review bad10 r8)
            errors.append(src.error(at + ("van_ban",), f"Thời gian của bước bị chép thiếu: chữ kế hoạch ghi cho "
                                                       f"bước này là «{whole}», van_ban chỉ chép một phần.",
                                    found=time.van_ban, hint=f"van_ban: \"{whole}\" (chép nguyên chữ của bước), "
                                                             "rồi ghi ngày theo đúng chữ đó."))
            continue
        if not _written_in(" ".join(time.van_ban.split()), own):
            errors.append(src.error(at + ("van_ban",), "Thời gian của bước không có trong chữ của kế hoạch ghi cho chính bước này: "
                                                       "van_ban chép đúng chữ kế hoạch ghi ở noi_dung của bước (hay ở "
                                                       "đoạn của bước trong lời văn của mục), không lấy chữ của bước khác.",
                                    found=time.van_ban, hint="chép nguyên chữ của bước, như «trước ngày 30/9/…»; "
                                                             "bước không ghi thời gian thì bỏ nhóm thoi_gian."))
            continue
        spans_years = step_times.with_year(time.van_ban, 1) != time.van_ban and year is None
        try:
            read = step_times.read(time.van_ban, year)
        except ValueError:
            errors.append(src.error(at + ("van_ban",), "Chữ thời gian của bước ghi một ngày không có trên lịch.",
                                    found=time.van_ban))
            continue
        diffs = [(field, getattr(time, field), getattr(read, field) if read is not None else None)
                 for field in step_times.FIELDS]
        diffs = [d for d in diffs if d[1] != d[2]]
        # one mistake, one error (review bad10 s6, r6): a day written under another field than the words give
        # it («trước ngày 30/9/…» written as tu_ngay), or several days the words do not give at all
        moved = [(field, other, given) for field, given, said in diffs if given is not None and said is None
                 for other, other_given, other_said in diffs if other_given is None and other_said == given]
        if len(diffs) == 2 and moved:
            field, other, given = moved[0]
            errors.append(src.error(at + (field,), f"Chữ kế hoạch «{time.van_ban}» cho biết {other} là "
                                                   f"{format_date(given)}, nhưng ngày này đang ghi ở {field}.",
                                    found=format_date(given),
                                    hint=f"đổi tên dòng «{field}» thành «{other}»: {other}: \"{format_date(given)}\""))
            continue
        unread = [(field, given) for field, given, said in diffs if given is not None and said is None]
        if not spans_years and len(unread) > 1 and len(unread) == len(diffs):
            errors.append(src.error(at + (unread[0][0],), f"Chữ kế hoạch «{time.van_ban}» không cho biết ngày nào "
                                                         f"({', '.join(f for f, _ in unread)}): website không ghi "
                                                         "ngày chữ kế hoạch không ghi.",
                                    found=", ".join(f"{f}: {format_date(g)}" for f, g in unread),
                                    hint="bỏ các dòng " + ", ".join(f for f, _ in unread) + "."))
            continue
        for field, given, said in diffs:
            if said is None and spans_years:
                errors.append(src.error(at + (field,), f"Chữ kế hoạch «{time.van_ban}» không ghi năm, và thời gian "
                                                       f"thực hiện kế hoạch ({P.words(plan.thoi_gian_dia_diem)}) "
                                                       "không cho biết một năm duy nhất (không ghi bắt đầu, hoặc kéo "
                                                       "dài qua hai năm), nên website không biết năm của ngày này.",
                                        found=f"{format_date(given)}",
                                        hint=f"bỏ dòng {field}: website giữ chữ «{time.van_ban}» cạnh bước, không "
                                             "đặt ngày lên lịch; không thêm năm vào van_ban khi kế hoạch không ghi."))
            elif said is None:
                errors.append(src.error(at + (field,), f"Chữ kế hoạch «{time.van_ban}» không cho biết ngày này "
                                                       f"({field}): website không ghi ngày chữ kế hoạch không ghi.",
                                        found=f"{format_date(given)}", hint=f"bỏ dòng {field}."))
            else:
                year_read = (f" (chữ không ghi năm: website đọc theo năm của thời gian thực hiện kế hoạch, {year})"
                             if step_times.with_year(time.van_ban, year) != time.van_ban else "")
                errors.append(src.error(at + (field,) if given is not None else at,
                                        f"Chữ kế hoạch «{time.van_ban}» cho biết {field} là {format_date(said)}"
                                        + year_read
                                        + (f", khác ngày đã ghi ({format_date(given)})." if given is not None else
                                           ", nhưng chưa ghi: lịch và tiến độ cần ngày này."),
                                        found="" if given is None else f"{format_date(given)}",
                                        hint=f"{field}: \"{format_date(said)}\""))
    counts.append(len(errors))
    return errors + _steps_within_period(plan, src, {i for i in range(len(counts) - 1) if counts[i + 1] > counts[i]})


def _period_year(plan: PlanFile) -> int | None:
    """The year of the plan's period when it lies within one year (its start and end written in the same
    year): the year a step's words that write none are read in. None otherwise (no start written, or
    two years)."""
    period = plan.thoi_gian_dia_diem
    if period is None or P.first_day(period) is None:
        return None
    return P.first_day(period).year if P.first_day(period).year == P.last_day(period).year else None


def _own_words(step, doan_lines: list[str]) -> str:
    """A step's own text: its short name and noi_dung, and (the section keeping its document's words)
    each paragraph or item of the section's doan that holds the start of that noi_dung («Bước 2: Tổ
    chức hội nghị …» holds «Tổ chức hội nghị …»). Another step's words are not this step's time."""
    own = [step.ten_ngan or "", step.noi_dung]
    start = " ".join(step.noi_dung.split("{", 1)[0].split())[:40]
    if start:
        own += [line for line in doan_lines if start in line]
    return " \n ".join(" ".join(text.split()) for text in own)


def _written_in(phrase: str, words: str) -> bool:
    """`phrase` stands in `words` as whole words: no digit or letter continues it on either side
    («30/9/…» is not in «30/9/…4»), nor the rest of a date («trước ngày 30/9» is not the plan's words
    when the plan writes «trước ngày 30/9/<năm>»: the year it cut off would be the site's to guess)."""
    before = r"(?<!\w)(?<!\d[/.])" if phrase[:1].isalnum() else ""
    after = r"(?!\w)(?![/.]\d)" if phrase[-1:].isalnum() else ""
    return re.search(before + re.escape(phrase) + after, words) is not None


def _cut_short(phrase: str, words: str) -> str | None:
    """The step's whole phrase when `phrase` stands in `words` only cut short («Quý IV» in «trong Quý
    IV/<năm>», «30/9» in «30/9/<năm>»): the phrase extended to the whole words and date around it. None
    when `phrase` is there whole, or not there at all."""
    if not phrase or _written_in(phrase, words):
        return None
    # a number continued by a digit is another number («30/9/<năm>» is not cut from «30/9/<năm>4»)
    digit_before = r"(?<!\d)" if phrase[:1].isdigit() else ""
    digit_after = r"(?!\d)" if phrase[-1:].isdigit() else ""
    found = re.search(r"(?:\w+(?:[/.]\w+)*[/.]?)?" + digit_before + re.escape(phrase) + digit_after
                      + r"(?:[/.]?\w+)*", words)
    return found.group(0) if found and found.group(0) != phrase else None


def _steps_within_period(plan: PlanFile, src, skip: set = frozenset()) -> list[DataError]:
    """A step's dates lie within the plan's period (computed from the days its words stand for): a step
    that starts before the plan starts or ends after it ends contradicts the plan's own time section. The
    steps in `skip` have their time already said wrong against their words: one mistake, one error."""
    period = plan.thoi_gian_dia_diem
    if period is None or plan.cac_buoc is None:
        return []
    errors, start, end = [], P.first_day(period), P.last_day(period)
    for i, step in enumerate(plan.cac_buoc.buoc):
        time = step.thoi_gian
        if time is None or i in skip:
            continue
        at = path_of(plan, "cac_buoc") + ("buoc", i, "thoi_gian")
        # «trước ngày D»: the step's last day is D's day before (step_times.span).
        last = (time.truoc_ngay - dt.timedelta(days=1)) if time.truoc_ngay is not None else time.den_ngay
        end_field = "den_ngay" if time.den_ngay is not None else "truoc_ngay"
        # A step that starts before the period's first day (a quarter's or a month's first day), or ends
        # after its last; one that lies wholly before it («trước ngày 30/9/…» in a plan of Quý IV/…)
        # ends before the plan starts.
        for field, wrong, before in (
                ("tu_ngay", start is not None and time.tu_ngay is not None and time.tu_ngay < start, True),
                (end_field, start is not None and time.tu_ngay is None and last is not None and last < start, True),
                (end_field, last is not None and last > end, False),
                ("tu_ngay", time.tu_ngay is not None and time.tu_ngay > end and last is None, False)):
            if not wrong:
                continue
            # The field's day is what lies outside (the step's words may write another: review bad9b s1,
            # where the message quoted the right words for the wrong day); the words are shown beside it.
            errors.append(src.error(at + (field,),
                                    f"Ngày {format_date(getattr(time, field))} ({field}) của bước — chữ kế hoạch: «{time.van_ban}» — "
                                    f"{('bắt đầu' if field == 'tu_ngay' else 'kết thúc') + (' trước khi' if before else ' sau khi')} "
                                    f"kế hoạch {'bắt đầu' if before else 'kết thúc'} (thời gian thực hiện {P.words(period)}"
                                    + (f", mục {number}" if (number := section_number(plan, "thoi_gian_dia_diem")) else "")
                                    + ").",
                                    found=format_date(getattr(time, field)),
                                    hint="kiểm tra ngày của bước và của mục thời gian đã chép đúng văn bản; nếu văn bản "
                                         "ghi đúng như vậy, hỏi cơ quan ban hành trước khi đăng."))
    return errors


def _check_period(plan: PlanFile, src) -> list[DataError]:
    errors = []
    period = plan.thoi_gian_dia_diem
    # Computed with the days the plan's words stand for: a quarter or a month from its first to its last day.
    start, end = P.first_day(period), P.last_day(period)
    at = path_of(plan, "thoi_gian_dia_diem")
    if start is not None and period.ket_thuc.last_day < period.bat_dau.first_day:
        errors.append(src.error(at + ("ket_thuc",),
                                f"Kết thúc ({period.ket_thuc.words}) trước khi bắt đầu ({period.bat_dau.words}).",
                                hint="kết thúc phải sau bắt đầu; chép đúng hai mốc kế hoạch ghi."))
        return errors
    errors += check_period_words(plan, src)
    if errors:
        return errors
    year = plan.van_ban.nam
    points = ((at + ("bat_dau",), start, period.bat_dau),) if start is not None else ()
    for path, when, point in (*points, (at + ("ket_thuc",), end, period.ket_thuc)):
        shown = point.words
        if year is not None and when.year != year:
            errors.append(src.error(path, f"Thời gian thực hiện ({shown}) không thuộc năm {year} của kế hoạch "
                                          "(van_ban › nam).", found=shown,
                                    hint=f"có phải năm {year}? Nếu kế hoạch kéo dài sang năm khác, sửa cả van_ban › nam."))
    if errors:
        return errors
    report = plan.to_chuc_thuc_hien.bao_cao if plan.to_chuc_thuc_hien is not None else None
    if report is not None:
        if not P.within(period, report.han):
            errors.append(src.error(path_of(plan, "to_chuc_thuc_hien") + ("bao_cao", "han"),
                                    f"Hạn báo cáo {report.han:%d/%m/%Y} nằm ngoài thời gian thực hiện "
                                    f"({P.words(period)}).",
                                    hint="sửa hạn báo cáo hoặc thời gian thực hiện."))
    issued = plan.van_ban.ngay_ban_hanh
    if issued is not None and issued > end:
        errors.append(src.error(("van_ban", "ngay_ban_hanh"), "Ngày ban hành sau ngày kết thúc kế hoạch.",
                                found=f"{issued:%d/%m/%Y}"))
    return errors


def check_period_words(plan: PlanFile, src) -> list[DataError]:
    """A time section that keeps its document's words (`doan`) states its period in them: bat_dau and
    ket_thuc must be what those words write («từ Quý III/… đến hết ngày 31/12/…»), at the same
    precision, or the site would say one thing on the plan page and another on every computed page."""
    period = plan.thoi_gian_dia_diem
    if not period.doan:
        return []
    at = path_of(plan, "thoi_gian_dia_diem")
    text = " ".join(doan_text.lines(period.doan, marks=False))
    try:
        said = P.read_phrase(text)
    except ValueError as exc:
        return [src.error(at + ("doan",), f"Lời văn mục thời gian ghi một ngày không có trên lịch ({exc}).")]
    if said is None:
        return [src.error(at + ("ket_thuc",), "Website không đọc được thời gian thực hiện trong lời văn của mục (doan), "
                                              "nên không đối chiếu được bat_dau, ket_thuc với lời văn (website không "
                                              "đoán mốc lời văn không ghi rõ).",
                          found=period.ket_thuc.words,
                          hint="kiểm tra doan chép đúng văn bản. Website đọc: «từ … đến (hết) …», «từ … - …» "
                               "(quý «Quý III/…», tháng «tháng 7/…», ngày «31/12/…»), «Quý III và Quý IV năm …», "
                               "«6 tháng đầu/cuối năm …», hoặc một quý, tháng, năm («Quý IV/…»). Văn bản ghi cách "
                               "khác thì giữ nguyên lời văn và báo người quản lý website; không sửa lời văn.")]
    errors, both = [], []
    for field, given, read in (("bat_dau", period.bat_dau, said[0]), ("ket_thuc", period.ket_thuc, said[1])):
        if P.same(given, read):
            continue
        if read is None:
            errors.append(src.error(at + (field,), f"Lời văn của mục (doan) không ghi {_POINT_NAMES[field]}: website "
                                                   "không ghi mốc lời văn kế hoạch không ghi.",
                                    found=given.words, hint=f"bỏ dòng {field}."))
        else:
            # each quoted as written: the words' phrase, the field as its line writes it ("7/<năm>", not the
            # site's «tháng 7/<năm>»: review bad9b p13b)
            written = _raw_at(src, at + (field,)) or (given.words if given is not None else "")
            errors.append(src.error(at + ((field,) if given is not None else ()),
                                    f"Lời văn của mục (doan) ghi «{said[2]}»: {_POINT_NAMES[field]} là {read.words}, "
                                    + (f"khác {field} đã ghi («{written}»)." if given is not None else
                                       f"nhưng chưa ghi {field}."),
                                    found=written,
                                    hint=f"{field}: \"{_as_field(read)}\" (đúng như lời văn)."))
            both.append((field, read, written, given))
    if len(both) == 2 and all(given is not None for *_, given in both):
        # one change (the words, or both points copied from another plan): one error naming both (review bad10 p13e)
        (f1, r1, w1, _), (f2, r2, w2, _) = both
        return [src.error(at + (f1,), f"Lời văn của mục (doan) ghi «{said[2]}»: {_POINT_NAMES[f1]} là {r1.words}, "
                                      f"{_POINT_NAMES[f2]} là {r2.words}, khác {f1} («{w1}») và {f2} («{w2}») đã ghi.",
                          found=f"{f1}: {w1}; {f2}: {w2}",
                          hint=f"{f1}: \"{_as_field(r1)}\" và {f2}: \"{_as_field(r2)}\" (đúng như lời văn); nếu "
                               f"{f1}, {f2} đúng văn bản thì kiểm tra doan chép đúng văn bản.")]
    return errors


_POINT_NAMES = {"bat_dau": "thời gian bắt đầu", "ket_thuc": "thời gian kết thúc"}


def _raw_at(src, path: tuple) -> str | None:
    """The value at `path` of the file as its line writes it (a text or a number), None when it is none."""
    node = value_at(src.data, path)
    return str(node) if isinstance(node, (str, int)) and not isinstance(node, bool) else None


def _as_field(point) -> str:
    """How the editor writes a point in bat_dau / ket_thuc."""
    return point.words.removeprefix("tháng ")


def check_sections(plan: PlanFile, src) -> list[DataError]:
    """At most one structured section of each kind: the computed pages take one."""
    if not plan.muc:
        return [src.error(("muc",), "Kế hoạch không có mục nào (danh sách «muc» trống): website không có gì để trình bày.",
                          hint="chép các mục của văn bản vào «muc»: mục có cấu trúc (có «loai») hoặc chép nguyên "
                               "văn (có «doan»).")]
    errors, seen = [], {}
    for i, section in enumerate(plan.muc):
        kind = getattr(section, "loai", None)
        if kind is None or not is_structured(section):
            continue
        if kind in seen:
            errors.append(src.error(("muc", i, "loai"), f"Kế hoạch đã có một mục loại «{kind}» (mục {seen[kind] + 1} "
                                                         "của danh sách muc).",
                                    found=kind, hint="mỗi loại mục có cấu trúc chỉ có một; gộp hai mục, hoặc chép "
                                                     "mục này nguyên văn (trường «doan»)."))
        seen.setdefault(kind, i)
    numbers = {}
    for i, section in enumerate(plan.muc):
        number = getattr(section, "so", None)
        if number:
            if number in numbers:
                errors.append(src.error(("muc", i, "so"), f"Hai mục cùng số «{number}» (mục {numbers[number] + 1} và mục "
                                                          f"{i + 1} của danh sách muc).", found=number,
                                        hint="mỗi mục một số riêng; sửa số của một trong hai mục."))
            numbers.setdefault(number, i)
    return errors + check_draft_confirmed(plan, src) + check_imported_words(plan, src) + check_blocks(plan, src) + \
        check_placeholder_sections(plan, src, plan_file=True)


def _budget_words_refused(plan: PlanFile) -> bool:
    """check_budget already refuses this budget section for having no `doan` (no rate, or a rate with
    other amounts beside it): said once, there."""
    budget = plan.kinh_phi
    return budget is not None and not budget.doan and (
        budget.dinh_muc is None or any(v != budget.dinh_muc for v in budget.rieng.values()))


def check_imported_words(plan: PlanFile, src) -> list[DataError]:
    """A plan imported from a file (nhap_tu_dong): each structured section keeps the document's words
    (`doan`), as the import wrote them. Without them the plan page, PDF and Word file print the section
    in sentences the site composes from the fields, which the document never wrote: a section the editor
    structured and emptied, or one the document does not have at all (review r19o: «CÁC BƯỚC / 1. Giám sát
    việc…» on a plan with no steps). A hand-typed plan (no nhap_tu_dong) is written from its fields."""
    draft = plan.nhap_tu_dong
    if draft is None:
        return []
    errors = []
    for i, section in enumerate(plan.muc):
        if not is_structured(section) or section.doan:
            continue
        if section.loai == "kinh_phi" and _budget_words_refused(plan):
            continue
        errors.append(src.error(("muc", i), f"Mục «{heading(section, i + 1)}» có cấu trúc nhưng không có lời văn của "
                                            f"văn bản (doan), trong kế hoạch nhập từ tệp {draft.tep}: trang «Kế "
                                            "hoạch», bản PDF và tệp Word sẽ in mục này bằng câu website soạn từ các "
                                            "trường, là câu văn bản không viết.",
                                found=f"loai: {section.loai}",
                                hint="chép lời văn của mục vào «doan» như lệnh nhập đã ghi (các đoạn, bảng của văn "
                                     "bản), giữ các trường bên cạnh; văn bản không có mục này thì xoá cả mục khỏi "
                                     "muc (trang nào cần mục đó thì website không làm)."))
    return errors


def check_draft_confirmed(plan: PlanFile, src) -> list[DataError]:
    """An imported plan is confirmed (da_doi_chieu: true) only when its checklist is done: each item
    is removed as it is resolved, so an item left means something was not checked (review r19)."""
    draft = plan.nhap_tu_dong
    if draft is None or not draft.da_doi_chieu or not draft.can_xac_nhan:
        return []
    n = len(draft.can_xac_nhan)
    return [src.error(("nhap_tu_dong", "da_doi_chieu"),
                      f"Kế hoạch ghi đã đối chiếu (da_doi_chieu: true) nhưng danh sách «can_xac_nhan» còn {n} điều "
                      f"chưa xong (điều đầu: «{draft.can_xac_nhan[0][:100]}»).", found="true",
                      hint="làm từng điều trong can_xac_nhan rồi xoá điều đó khỏi danh sách; khi danh sách trống "
                           "(can_xac_nhan: []) mới ghi da_doi_chieu: true. Chưa xong thì để da_doi_chieu: false.")]


def _check_table(table: Table, src, path: tuple) -> list[DataError]:
    rows = table.bang
    where = path + ("bang",)
    if any(len(row) == 0 for row in rows):
        i = next(i for i, row in enumerate(rows) if len(row) == 0)
        return [src.error(where + (i,), f"Dòng {i + 1} của bảng không có ô nào.",
                          hint="mỗi dòng là danh sách chữ của từng ô, như [a, b, c]; bỏ dòng trống đi.")]
    widths = [len(row) for row in rows]
    if len(set(widths)) > 1:
        i = next(i for i, w in enumerate(widths) if w != widths[0])
        return [src.error(where + (i,), f"Các dòng của bảng không cùng số ô: dòng 1 có {widths[0]} ô, "
                                         f"dòng {i + 1} có {widths[i]} ô.",
                          hint="mỗi dòng phải có đủ số ô như nhau; ô trống viết \"\".")]
    if not any(doan_text.plain(cell).strip() for row in rows for cell in row):
        return [src.error(where, "Bảng không có chữ nào: mọi ô đều trống.", hint="chép chữ của bảng vào, hoặc bỏ bảng đi.")]
    if table.dong_tieu_de >= len(rows):
        return [src.error(path + ("dong_tieu_de",), f"Bảng có {len(rows)} dòng mà «dong_tieu_de» là "
                                                     f"{table.dong_tieu_de}: số dòng tiêu đề phải ít hơn số dòng của bảng.",
                          found=str(table.dong_tieu_de), hint="số dòng tiêu đề ở đầu bảng, thường là 1.")]
    return _check_bold_rows(table, src, path) + _check_merges(table, src, path)


def _check_bold_rows(table: Table, src, path: tuple) -> list[DataError]:
    """dong_in_dam: each row inside the table and written once, each named at its own line (review bad8)."""
    errors, seen = [], {}
    for k, n in enumerate(table.dong_in_dam):
        where = path + ("dong_in_dam", k)
        if n > len(table.bang):
            errors.append(src.error(where, f"«dong_in_dam» ghi dòng {n}, nhưng bảng (bang) chỉ có {len(table.bang)} dòng.",
                                    found=str(n), hint="số thứ tự dòng in đậm đếm từ 1, kể cả dòng tiêu đề."))
        elif n in seen:
            errors.append(src.error(where, f"«dong_in_dam» ghi dòng {n} hai lần (lần đầu ở mục {seen[n] + 1}).",
                                    found=str(n), hint="mỗi dòng in đậm ghi một lần; xóa lần ghi thừa."))
        seen.setdefault(n, k)
    return errors


def _check_merges(table: Table, src, path: tuple) -> list[DataError]:
    """o_gop: each merged cell inside the table, inside the heading rows or inside the body, overlapping no
    other, and the cells it covers blank (its text is written once, in its first cell)."""
    rows, covered = table.bang, {}
    for k, m in enumerate(table.o_gop):
        where = path + ("o_gop", k)
        last_row, last_col = m.dong + m.so_dong - 1, m.cot + m.so_cot - 1
        if m.so_dong == 1 and m.so_cot == 1:
            return [src.error(where, f"Ô gộp ở dòng {m.dong}, cột {m.cot} chỉ có một ô (so_dong và so_cot đều là 1): "
                                     "ô này không gộp ô nào.",
                              hint="ghi so_dong hoặc so_cot lớn hơn 1 như văn bản gộp ô, hoặc xóa ô gộp này.")]
        if last_row > len(rows) or last_col > len(rows[0]):
            return [src.error(where, f"Ô gộp ở dòng {m.dong}, cột {m.cot} trải tới dòng {last_row}, cột {last_col}, "
                                     f"ngoài bảng ({len(rows)} dòng, {len(rows[0])} cột).",
                              hint="sửa dong, cot, so_dong, so_cot cho ô gộp nằm trong bảng.")]
        if m.dong <= table.dong_tieu_de < last_row:
            return [src.error(where, f"Ô gộp ở dòng {m.dong}, cột {m.cot} trải qua cả dòng tiêu đề và thân bảng "
                                     f"(dong_tieu_de: {table.dong_tieu_de}).",
                              hint="một ô gộp nằm trọn trong các dòng tiêu đề hoặc trọn trong thân bảng.")]
        for i in range(m.dong, last_row + 1):
            for j in range(m.cot, last_col + 1):
                if (i, j) in covered:
                    return [src.error(where, f"Ô gộp ở dòng {m.dong}, cột {m.cot} chồng lên ô gộp thứ "
                                             f"{covered[(i, j)] + 1} (dòng {i}, cột {j}).",
                                      hint="mỗi ô của bảng thuộc nhiều nhất một ô gộp.")]
                covered[(i, j)] = k
                if (i, j) != (m.dong, m.cot) and doan_text.plain(rows[i - 1][j - 1]).strip():
                    return [src.error(where, f"Ô gộp ở dòng {m.dong}, cột {m.cot} phủ ô dòng {i}, cột {j} mà ô đó có "
                                             "chữ.",
                                      found=doan_text.plain(rows[i - 1][j - 1]),
                                      hint="chữ của ô gộp ghi một lần ở ô đầu của nó; các ô nó phủ để \"\".")]
    return []


def check_blocks(plan: PlanFile, src) -> list[DataError]:
    """The blocks of the verbatim sections: at most limits.MAX_BLOCKS in all (nested ones
    included: the plan PDF takes minutes past it), no empty paragraph, tables with rows of
    one width, some words and fewer heading rows than rows."""
    errors, seen = [], []  # seen: one entry per block walked so far

    def walk(blocks, path):
        for j, block in enumerate(blocks):
            here = path + (j,)
            seen.append(here)
            if len(seen) == limits.MAX_BLOCKS + 1:
                errors.append(src.error(here, limits.blocks_error(len(seen))))
            if len(seen) > limits.MAX_BLOCKS:
                return
            if isinstance(block, Table):
                errors.extend(_check_table(block, src, here))
            elif isinstance(block, (Item, Note)):
                if isinstance(block, Item):
                    walk(block.doan, here + ("doan",))
            elif not doan_text.plain(block).strip():
                errors.append(src.error(here, "Đoạn văn trống.", hint="chép chữ của đoạn vào, hoặc bỏ dòng này đi."))

    for i, section in enumerate(plan.muc):
        if isinstance(section, VerbatimSection) or section.doan:  # a structured section's own words too
            walk(section.doan, ("muc", i, "doan"))
    walk(plan.phu_luc, ("phu_luc",))
    return errors


_VERBATIM_KEYS = set(VerbatimSection.model_fields)


def _as_written(data, path: tuple) -> bool:
    """Text of ke-hoach.yaml printed as the document writes it (verbatim sections, căn cứ and
    «Nơi nhận» lines, the header's lines as written, the appendix) or never printed (the import's
    checklist): a brace there is the document's own character, never a placeholder."""
    if not isinstance(data, dict) or not path:
        return False
    if path[0] in ("nhap_tu_dong", "phu_luc") or path[:2] in (("van_ban", "dong_ke"), ("van_ban", "dong_dia_danh_ngay"),
                                                                         ("van_ban", "dong_so")):
        return True
    if path[0] == "noi_nhan":
        return isinstance(data.get("noi_nhan"), dict) and "dong" in data["noi_nhan"]
    if path[0] in ("muc", "can_cu") and len(path) > 1:
        items = data.get(path[0])
        item = items[path[1]] if isinstance(items, list) and isinstance(path[1], int) and path[1] < len(items) else None
        if path[0] == "can_cu":
            return isinstance(item, dict) and "van_ban" in item
        # A verbatim section, or the document's words (doan) a structured section keeps beside its fields.
        return isinstance(item, dict) and "doan" in item and (path[2:3] == ("doan",) or not set(item) - _VERBATIM_KEYS)
    return False


def _filled(path: tuple) -> bool:
    """A field of ke-hoach.yaml whose {placeholders} Site.fill fills: a step's text
    (cac_buoc › buoc › noi_dung) and the report note (to_chuc_thuc_hien › bao_cao › loi_van)."""
    return path[:1] == ("muc",) and (path[2:3] == ("buoc",) and path[4:] == ("noi_dung",)
                                     or path[2:] == ("bao_cao", "loi_van"))


def _placeholder_texts(src, plan_file: bool):
    """(path, text) of each string of `src` where {placeholders} are read (`plan_file`: src is
    a ke-hoach.yaml, where only the fields Site.fill fills are)."""
    return [(path, text) for path, text in _walk_strings(src.data) if not plan_file or _filled(path)]


def check_placeholder_sections(plan: PlanFile, src, plan_file: bool = False) -> list[DataError]:
    """A {placeholder} in `src` (the plan, a handbook chapter, the toolkit) is filled from a
    structured section: the plan must have it."""
    errors = []
    for path, text in _placeholder_texts(src, plan_file):
        for name in PLACEHOLDER.findall(text):
            kind = PLACEHOLDER_SECTION.get(name)
            if kind is not None and plan.section(kind) is None:
                errors.append(src.error(path, f"Chỗ trống «{{{name}}}» lấy số liệu từ mục loại «{kind}» của "
                                              "ke-hoach.yaml, nhưng kế hoạch không có mục đó.",
                                        hint="viết thẳng số liệu vào câu, hoặc thêm mục có cấu trúc loại đó."))
            elif kind == "to_chuc_thuc_hien" and plan.to_chuc_thuc_hien.bao_cao is None:
                errors.append(src.error(path, f"Chỗ trống «{{{name}}}» lấy nơi nhận, hạn báo cáo từ bao_cao của mục tổ "
                                              "chức thực hiện, nhưng mục đó không ghi bao_cao: website không có gì để điền.",
                                        found=text, hint="kế hoạch yêu cầu báo cáo thì thêm bao_cao (noi_nhan, han, "
                                                         f"loi_van); không yêu cầu thì chép thẳng câu, bỏ {{{name}}}."))
            elif name == "so_hoi_nghi" and kind is not None and plan.cac_buoc.hoi_nghi is None:
                # hoi_nghi is optional (a plan may write no count): then there is no count to fill in
                errors.append(src.error(path, "Chỗ trống «{so_hoi_nghi}» lấy số hội nghị từ trường hoi_nghi của mục "
                                              "các bước (cac_buoc › hoi_nghi: toi_thieu, toi_da), nhưng mục đó không "
                                              "ghi hoi_nghi: website không có số nào để điền.",
                                        found=text, hint="kế hoạch ghi «từ … đến … hội nghị» thì thêm hoi_nghi "
                                                         "(toi_thieu, toi_da) đúng số đó; kế hoạch không ghi số thì "
                                                         "chép thẳng câu của kế hoạch, bỏ {so_hoi_nghi}."))
    return errors


def check_topics(plan: PlanFile, src) -> list[DataError]:
    # Each topic's ma is its handbook page address: two topics, one page.
    if plan.noi_dung is None:
        return []
    return unique(plan.noi_dung.muc, lambda t: t.ma, src, path_of(plan, "noi_dung") + ("muc",), "Mã chủ đề")


# Where placeholders are read, a name in braces is meant as one ({So_hoi_nghi}, { so_hoi_nghi },
# {số_hội_nghị}), and a «{» opening a name never closed is one half typed («{so_hoi_nghi hội nghị»).
# Other braces («{{ 7*7 }}», «{1; 2}») are text, printed as typed.
_BRACED = re.compile(r"\{\s*([^\W\d]\w*)\s*\}")
_UNCLOSED = re.compile(r"\{\s*[^\W\d]\w*+(?![\w\s]*\})")


def _unfilled_placeholders(src) -> list[DataError]:
    """ke-hoach.yaml's text printed as it is written (every field but those Site.fill fills): a
    placeholder's name there would be printed in braces, never filled. Text as written
    (_as_written) keeps its braces: they are the document's."""
    errors = []
    for path, text in _walk_strings(src.data):
        if _filled(path) or _as_written(src.data, path):
            continue
        for name in dict.fromkeys(PLACEHOLDER.findall(text)):
            if name in PLACEHOLDERS:
                errors.append(src.error(path, f"Chỗ trống «{{{name}}}» không được điền ở trường này: website in "
                                              "nguyên chữ trong ngoặc nhọn.",
                                        hint="website chỉ điền chỗ trống ở nội dung các bước (cac_buoc › buoc › noi_dung) "
                                             "và lời văn báo cáo (to_chuc_thuc_hien › bao_cao › loi_van); ở đây viết "
                                             "thẳng số liệu vào câu."))
        # The same name with its brace never closed («{han_bao_cao.»): refused like the closed one.
        for m in _UNCLOSED.finditer(text):
            name = m.group(0).lstrip("{").strip()
            if name in PLACEHOLDERS:
                errors.append(src.error(path, f"Dấu «{{» mở chỗ trống «{{{name}}}» nhưng không có dấu «}}» đóng, và "
                                              f"chỗ trống không được điền ở trường này: «{text[max(0, m.start() - 20):m.start() + 30]}».",
                                        hint="ở đây viết thẳng số liệu vào câu (website chỉ điền chỗ trống ở nội dung các "
                                             "bước và lời văn báo cáo); không định dùng chỗ trống thì bỏ dấu «{»."))
    return errors


def check_placeholders(src, plan_file: bool = False) -> list[DataError]:
    errors = _unfilled_placeholders(src) if plan_file else []
    for path, text in _placeholder_texts(src, plan_file):
        for m in _UNCLOSED.finditer(text):
            errors.append(src.error(path, f"Dấu «{{» mở một chỗ trống nhưng không có dấu «}}» đóng: "
                                          f"«{text[max(0, m.start() - 20):m.start() + 30]}».",
                                    hint="chỗ trống viết trọn trong ngoặc nhọn, ví dụ {so_hoi_nghi}; không định "
                                         "dùng chỗ trống thì bỏ dấu «{»."))
        for m in _BRACED.finditer(text):
            name = m.group(1)
            if name not in PLACEHOLDERS or m.group(0) != f"{{{name}}}":
                close = [name] if name in PLACEHOLDERS else difflib.get_close_matches(name, sorted(PLACEHOLDERS), n=1)
                errors.append(src.error(path, f"Chỗ trống «{m.group(0)}» không có.",
                                        hint=f"có phải «{{{close[0]}}}»? (viết liền trong ngoặc nhọn)" if close else
                                        "chỗ trống dùng được: " + ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))))
    return errors


# The structured sections (and fields) the unit pages need (Site.has_units), and the toolkit too (Site.has_toolkit).
# A unit page does without the budget and the steps (their parts are left off: review r19n, defect 5); the
# toolkit's forms print both.
_UNIT_NEEDS = ()  # the organisation section too once: a unit page now leaves off its parts (issue 19)
_TOOLKIT_NEEDS = ("thoi_gian_dia_diem", "kinh_phi", "cac_buoc", "noi_dung", "to_chuc_thuc_hien")


def _missing(plan: PlanFile, kinds, campaign: bool = True) -> list[str]:
    """The structured sections of `kinds` the plan lacks, and its campaign when `campaign` (the toolkit's
    and handbook's need; unit pages do without one)."""
    missing = [f"«{kind}»" for kind in kinds if plan.section(kind) is None]
    if campaign and plan.cuoc_van_dong is None:
        missing.append("«cuoc_van_dong» (trường)")
    return missing


def unmade_pages(models: dict, files: dict | None = None, campaign: bool = True) -> list[str]:
    """Sentences for data the editor gave that no page shows: units listed in don-vi.yaml while
    the plan lacks a structured section their pages need, a bo-cong-cu.yaml while the toolkit
    is not made. An error for a checked plan, a line of the printed checklist for a draft. Without
    `campaign`, a missing cuoc_van_dong is left out (said once, at its own field: review bad10 c2)."""
    plan, units = models["plan"], models.get("units")
    sentences = []
    unit_missing = _missing(plan, _UNIT_NEEDS, campaign=False) + ([] if plan.van_ban.nam is not None else ["«van_ban › nam»"])
    if units is not None and units.don_vi and unit_missing:
        sentences.append(f"{_names(files, 'units')} có {len(units.don_vi)} đơn vị nhưng website không tạo trang đơn vị "
                         f"vì kế hoạch thiếu: {', '.join(unit_missing)}.")
    if "toolkit" in models:
        missing = unit_missing + [m for m in _missing(plan, _TOOLKIT_NEEDS, campaign) if m not in unit_missing]
        org = plan.to_chuc_thuc_hien  # the forms print the report asked for and each unit's assignee (Site.has_toolkit)
        if org is not None and org.bao_cao is None:
            missing.append("«to_chuc_thuc_hien › bao_cao»")
        if org is not None and not any(a.don_vi for a in org.phan_cong):
            missing.append("«to_chuc_thuc_hien › phan_cong › don_vi»")
        if units is not None and not units.don_vi:  # None: don-vi.yaml has its own errors
            missing.append(f"đơn vị ({_units_file_missing(files) or _names(files, 'units')})")
        if missing:
            sentences.append(f"{_names(files, 'toolkit')} có bộ công cụ nhưng website không tạo bộ công cụ vì kế hoạch "
                             f"thiếu: {', '.join(missing)}.")
    chapters = models.get("chapters") or {}
    handbook_missing = _missing(plan, ("noi_dung",), campaign)  # Site.has_handbook: the contents and the campaign
    if chapters and handbook_missing:  # review bad9b c5: the chapters vanished from the site, nothing said
        folder = _names(files, "plan").rsplit("/", 1)[0] + "/so-tay/"
        sentences.append(f"{folder} có {len(chapters)} chương Sổ tay nhưng website không tạo Sổ tay vì kế hoạch "
                         f"thiếu: {', '.join(handbook_missing)}.")
    return sentences


def check_unmade_pages(models: dict, src, files: dict | None = None) -> list[DataError]:
    if models["plan"].draft or not models["plan"].muc:  # no section at all: said once (check_sections)
        return []  # printed with the draft's checklist (Site.unmade_pages)
    units_hint = ("ghi năm của văn bản (van_ban › nam) trong ke-hoach.yaml; nếu văn bản không ghi năm, để trống danh "
                  "sách đơn vị: trong don-vi.yaml ghi «don_vi: []».")
    errors = []
    plan = models["plan"]
    needers = ([f"bộ công cụ ({_names(files, 'toolkit')})"] if "toolkit" in models else []) + (
        [f"Sổ tay ({_names(files, 'plan').rsplit('/', 1)[0]}/so-tay/, {len(models['chapters'])} chương)"]
        if models.get("chapters") else [])
    if plan.cuoc_van_dong is None and needers:
        # one mistake (the block removed), one error at the block's own field: review bad10 c2
        errors.append(src.error(("cuoc_van_dong",), "Kế hoạch thiếu khối «cuoc_van_dong» (tên cuộc vận động, "
                                f"ten và ten_ngan), nhưng {' và '.join(needers)} cần khối này: website không tạo "
                                f"{' và '.join(n.split(' (')[0] for n in needers)}.",
                                hint="thêm lại khối cuoc_van_dong vào ke-hoach.yaml, chép tên cuộc vận động đúng "
                                     "chữ kế hoạch; nếu kế hoạch không thuộc cuộc vận động nào, bỏ "
                                     + " và ".join(n.split(" (")[1].split(",")[0].rstrip(")") for n in needers) + "."))
    return errors + [src.error(("muc",), sentence, hint=units_hint if "không tạo trang đơn vị" in sentence else
                               "thêm các mục có cấu trúc đó vào ke-hoach.yaml, hoặc bỏ tệp dữ liệu không dùng đến.")
                     for sentence in unmade_pages(models, files, campaign=False)]


# Which validated files each check needs ("units", "org", "plan" as in loader.PLAN_FILES).
_CHECKS = (
    (("units",), lambda m, s, f: check_units(m["units"], s.get("units"))),  # no source: no don-vi.yaml, no units
    (("org",), lambda m, s, f: check_org(m["org"], s["org"])),
    (("units", "org", "plan"), lambda m, s, f: check_assignments(m["units"], m["org"], m["plan"], s["plan"], f)),
    (("units", "plan"), lambda m, s, f: check_budget(m["units"], m["plan"], s["plan"], f)),
    (("plan",), lambda m, s, f: check_dates(m["plan"], s["plan"])),
    (("plan",), lambda m, s, f: check_topics(m["plan"], s["plan"])),
    (("plan",), lambda m, s, f: check_sections(m["plan"], s["plan"])),
    (("plan",), lambda m, s, f: check_unmade_pages(m, s["plan"], f)),
    (("units", "plan"), lambda m, s, f: plausibility.check_plan(m["units"], m["plan"], s["plan"])),
    # A structured section's fields against its own words, numbers as written (review bad8).
    (("plan",), lambda m, s, f: doan_checks.check_budget_words(m["plan"], s["plan"])),
    (("units", "plan"), lambda m, s, f: doan_checks.check_unit_amounts(m["units"], m["plan"], s["plan"])),
    (("units", "org", "plan"), lambda m, s, f: doan_checks.check_report_senders(m["units"], m["org"], m["plan"], s["plan"])),
    (("plan",), lambda m, s, f: doan_checks.check_numbers(m["plan"], s["plan"])),
    (("plan",), lambda m, s, f: doan_checks.check_relation_word(m["plan"], s["plan"])),
    (("plan",), lambda m, s, f: check_contents_name(m["plan"], s["plan"])),
    (("plan",), lambda m, s, f: check_report_sender(m["plan"], s["plan"])),
)


_NAME = TypeAdapter(Name)


def _code(value) -> str | None:
    """A code as the model reads it (macros.fieldtypes.Name), or None when it is none (its own error is said)."""
    try:
        return _NAME.validate_python(value, strict=True)
    except ValidationError:
        return None


def check_codes_unvalidated(models: dict, sources: dict, files: dict | None = None) -> list[DataError]:
    """The unit and department codes ke-hoach.yaml names, read from its text when the file does not validate
    (a date that does not exist, a wrong word elsewhere): a wrong code is said with the field's error, not
    only after it is fixed (review r19l N8). The same messages as check_assignments and check_budget; the
    checks that need the whole plan (dates against words, sums…) wait until the file validates."""
    if "plan" in models or "plan" not in sources or not isinstance(sources["plan"].data, dict):
        return []
    src, errors = sources["plan"], []
    units = None if _units_file_missing(files) else models.get("units")
    org = models.get("org")
    units_file, org_file = _names(files, "units"), _names(files, "org")
    known = {u.ma for u in units.don_vi} if units is not None else None
    depts = {d.ma for d in org.ban} if org is not None else None

    def receiver(path: tuple, value) -> None:
        # a blank receiver is said once, by the model («Không được để trống»: review bad9b n5)
        problem = (receiver_problem(value, org, org_file) if org is not None and isinstance(value, str) and value.strip()
                   else None)
        if problem is not None:  # a name written as the plan writes it is no unknown code (review r19o, 9)
            errors.append(src.error(path, problem[0], found=value, hint=problem[1]))

    def dept(path: tuple, code) -> None:
        code = _code(code)
        if depts is not None and code is not None and code not in depts:
            errors.append(src.error(path, f"Không có ban mã «{code}» trong {org_file}.", found=code,
                                    hint=_suggest_department(code, org, org_file)))

    sections = src.data.get("muc")
    for k, section in enumerate(sections if isinstance(sections, list) else []):
        if not isinstance(section, dict):
            continue
        if section.get("loai") == "to_chuc_thuc_hien":
            tasks = section.get("phan_cong") if isinstance(section.get("phan_cong"), list) else []
            tasks = [(i, a) for i, a in enumerate(tasks) if isinstance(a, dict)]
            codes = [(i, j, _code(c)) for i, a in tasks if isinstance(a.get("don_vi"), list)
                     for j, c in enumerate(a["don_vi"]) if _code(c) is not None]
            taken = {c for _, _, c in codes if known is not None and c in known}
            for i, a in tasks:
                dept(("muc", k, "phan_cong", i, "ban"), a.get("ban"))
            for i, j, code in codes:
                if known is not None and code not in known:
                    errors.append(src.error(("muc", k, "phan_cong", i, "don_vi", j), f"Không có đơn vị mã «{code}» "
                                            f"trong {units_file}.", found=code,
                                            hint=_suggest_unit(code, units, units_file, taken)))
            report = section.get("bao_cao")
            if isinstance(report, dict):
                receiver(("muc", k, "bao_cao", "noi_nhan"), report.get("noi_nhan"))
        elif section.get("loai") == "kinh_phi" and isinstance(section.get("rieng"), dict) and known is not None:
            for code in section["rieng"]:
                if _code(code) is not None and _code(code) not in known:
                    errors.append(src.error(("muc", k, "rieng", code), f"Không có đơn vị mã «{code}».", found=code,
                                            hint=_suggest_unit(code, units, units_file, set(section["rieng"]) & known)))
    return errors


def cross_check_available(models: dict, sources: dict, files: dict | None = None) -> list[DataError]:
    """Every cross-check whose files validated, so that an error in one file does
    not hide the errors of the others; a check needing a broken file waits for it.
    Placeholders need only the parsed text, not a valid model."""
    errors = []
    for needs, run in _CHECKS:
        if all(name in models for name in needs):
            errors += run(models, sources, files)
    errors += check_codes_unvalidated(models, sources, files)
    if "plan" in sources:
        errors += check_placeholders(sources["plan"], plan_file=True)
    return errors


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


_QUOTED = re.compile(r"“([^”]+)”|«([^»]+)»|\"([^\"]+)\"")
_SENTENCE_END = (".", "!", "?", ":", ";", "(", "–", "-")
# Kinds of documents (Nghị định 30/2020, Phụ lục III; legal and Party documents): capitalised when a text cites
# one («theo Nghị quyết số …», «Chỉ thị của …»), a capital of convention, no proper name (review bad9b w7).
_DOCUMENT_KINDS = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị",
                   "Thông tư", "Thông tri", "Thông báo", "Thông cáo", "Hướng dẫn", "Kế hoạch", "Chương trình",
                   "Quy chế", "Quy định", "Kết luận", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình",
                   "Hợp đồng", "Công văn", "Công điện", "Điều lệ", "Giấy mời", "Lời kêu gọi",
                   # and the institutions the Front's documents capitalise as common nouns («của Đảng, Nhà nước»)
                   "Đảng", "Nhà nước", "Nhân dân", "Quốc hội", "Chính phủ", "Mặt trận", "Tổ quốc")
# A document's number and symbol with its year («12/<năm>/NQ-HĐND»): the year is the cited document's.
_NUMBER_YEAR = re.compile(r"(?<![\w/])\d+/((?:19|20)\d\d)/([A-ZĐ]+)(?:-[\w-]*)?")


def _convention(words: list[str], k: int, plan_words: str) -> bool:
    """Whether the capitalised word words[k] is a capital of convention, not a proper name: it starts a
    document's kind («Nghị quyết», «Chỉ thị») or an institution's common name («Đảng», «Nhà nước»), or it and the next word are a common word the plans write in
    lower case («Thường trực» of «Ban Thường trực»: «thường trực»). A proper name's syllables are all
    capitalised («Kon Tum»), and the plans never write them in lower case («tum năm»)."""
    phrase = " ".join(words[k:k + 3])
    if any(phrase == kind or phrase.startswith(kind + " ") for kind in _DOCUMENT_KINDS):
        return True
    following = words[k + 1] if k + 1 < len(words) else ""
    if not following or not following[:1].islower():
        return False
    common = words[k][:1].lower() + words[k][1:] + " " + following
    return re.search(r"(?<!\w)" + re.escape(common) + r"(?!\w)", plan_words) is not None  # not «thuế và» for «Huế và»


def _named_words(text: str, plan_words: str = "") -> list[str]:
    """What a website name or description names that must be some plan's words: each quoted title («“…”»,
    «…», "…") and each proper name, a run of capitalised words not counting a sentence's first word
    («tỉnh Kon Tum» -> «Kon Tum»; «Kế hoạch …» -> nothing), nor a capital of convention (_convention: «theo
    Nghị quyết số …» -> nothing) in the plans' words `plan_words`."""
    out = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]
    rest = _QUOTED.sub(" . ", text)  # a quoted title is checked whole; what follows it starts afresh
    run: list[str] = []
    start = True  # the text's first word starts a sentence
    raws = rest.split()
    words = [raw.strip(".,:;!?()[]–-\"'") for raw in raws]

    def flush():
        if run:
            out.append(" ".join(run))
            run.clear()

    for k, raw in enumerate(raws):
        word = words[k]
        capital = bool(word) and word[0].isupper()
        # a word that ends its phrase («Kon Tum,») is followed by nothing of its own
        phrase_ends = word != raw.rstrip(".,:;!?)]") or raw.endswith(_SENTENCE_END) or not word
        if capital and not start and not raw.startswith("(") \
                and not _convention(words[:k + 1] if phrase_ends else words, k, plan_words):
            run.append(word)
        else:
            flush()
        if phrase_ends:
            flush()
        start = raw.endswith(_SENTENCE_END) or not word
    flush()
    return [w for w in dict.fromkeys(" ".join(w.split()) for w in out) if w]


def _website_years(text: str, own_kinds: set[str]) -> list[str]:
    """The years `text` names, once each, but a year in the number and symbol of a document of a kind none
    of the plans is («Nghị quyết số 12/<năm>/NQ-HĐND» on a site of plans «…/KH-…»): that document's own year,
    a citation, no plan's (review bad9b w7). A date's year and a number of the plans' own kind stay."""
    cited = {m.start(1) for m in _NUMBER_YEAR.finditer(text) if m.group(2) not in own_kinds and "" not in own_kinds}
    return list(dict.fromkeys(m.group() for m in _YEAR.finditer(text) if m.start() not in cited))


def _kind_abbreviation(doc) -> str:
    """The plan's own kind as its symbol writes it («KH» of «KH-MTTQ-BTT»); without a symbol, the initials of
    its kind («Kế hoạch» -> «KH»); "" when the plan writes neither (no year is then taken for a citation)."""
    if doc.ky_hieu:
        return doc.ky_hieu.split("-")[0].split("/")[-1].strip().upper()
    return "".join(w[:1] for w in (doc.loai or "").split()).upper()


def check_website_words(info, src, plans) -> list[DataError]:
    """data/website.yaml's name and description (ten, mo_ta: every page's title, the meta description,
    the web app's name, the offline ZIP's) name no year that none of the website's plans writes: the
    name of a plan taken off the website, or kept from the example website when a plan was imported
    (review r19n, defect 7: a commune's plan titled with the example plan's year on every page); nor a
    proper name or quoted title no plan writes (review r19o, defect 11: only the year changed, every page
    described a ward's plan as «… “Làm thay đổi nếp nghĩ…” trên địa bàn tỉnh Kon Tum năm …»)."""
    texts = "\0".join(json.dumps(site.plan.model_dump(mode="json"), ensure_ascii=False) for site in plans)
    years = set(_YEAR.findall(texts))
    # every word the plans write: their documents, issuing bodies and units (review r19o, defect 11)
    words = "\n".join(" ".join(t.split()) for site in plans
                      for model in (site.plan, site.org, site.units_file) for t in strings_in(model.model_dump(mode="json")))
    kinds = {_kind_abbreviation(site.plan.van_ban) for site in plans}
    errors = []
    for key, what in (("ten", "Tên website"), ("mo_ta", "Mô tả website")):
        value = getattr(info, key) or ""
        other = [y for y in _website_years(value, kinds) if y not in years]
        foreign = [w for w in _named_words(value, words) if " ".join(w.split()) not in words]
        if foreign:
            errors.append(src.error((key,), f"{what} ghi {', '.join(f'«{w}»' for w in foreign)}, nhưng không kế hoạch "
                                            "nào trên website ghi chữ đó: tên riêng hay tên trong ngoặc kép là của một "
                                            "kế hoạch khác, sẽ hiện trên mọi trang (tiêu đề, mô tả trang, tên ứng dụng).",
                                    found=" ".join(value.split()),
                                    hint="sửa «ten» và «mo_ta» trong data/website.yaml bằng tên riêng và tên cuộc vận "
                                         "động như kế hoạch website đăng viết (xem hướng dẫn biên tập, «Thêm một kế "
                                         "hoạch mới»)."))
        if other:
            errors.append(src.error((key,), f"{what} ghi năm {', '.join(other)}, nhưng không kế hoạch nào trên website "
                                            f"ghi năm đó: {what.lower()} là của một kế hoạch khác, sẽ hiện trên mọi trang "
                                            "(tiêu đề, mô tả trang, tên ứng dụng, tên tệp tải về toàn bộ website).",
                                    found=" ".join(value.split()),
                                    hint="sửa «ten» và «mo_ta» trong data/website.yaml cho đúng các kế hoạch website "
                                         "đăng (xem hướng dẫn biên tập, «Thêm một kế hoạch mới»)."))
    return errors


def check_website(info, src, root) -> list[DataError]:
    """data/website.yaml: each plan folder exists, folders and path prefixes are unique."""
    errors = unique(info.ke_hoach, lambda p: p.thu_muc, src, ("ke_hoach",), "Thư mục")
    errors += unique(info.ke_hoach, lambda p: p.duong_dan, src, ("ke_hoach",), "Đường dẫn")
    # two plans of one name: two identical links on the home page (review bad11 w17)
    titles: dict[str, int] = {}
    for i, entry in enumerate(info.ke_hoach):
        title = " ".join(entry.ten.split()).lower()
        if title in titles:
            errors.append(src.error(("ke_hoach", i, "ten"), f"Tên kế hoạch «{entry.ten}» trùng với mục {titles[title] + 1}: "
                                                            "trang chủ sẽ có hai liên kết giống hệt nhau.",
                                    found=entry.ten, hint="ghi tên riêng của mỗi kế hoạch, như trích yếu của văn bản."))
        titles.setdefault(title, i)
    errors += _needs_letters(info.ten, src, ("ten",))  # the offline ZIP is named from it
    if len(info.ke_hoach) == 1 and info.ke_hoach[0].duong_dan:
        # The home page is the lone plan's own (a list of plans comes with a second plan):
        # under a prefix, the site would have no /index.html.
        errors.append(src.error(("ke_hoach", 0, "duong_dan"),
                                f"Website chỉ có một kế hoạch: trang chủ là trang của kế hoạch đó, nên đường dẫn phải "
                                f"để trống; với «{info.ke_hoach[0].duong_dan}» website sẽ không có trang chủ.",
                                found=info.ke_hoach[0].duong_dan,
                                hint='viết duong_dan: "" (tiền tố chỉ dùng khi website có từ hai kế hoạch).'))
    for i, entry in enumerate(info.ke_hoach):
        special = datafiles.not_a_file(f"data/{entry.thu_muc}", root / "data" / entry.thu_muc)
        if special is not None:  # a symlinked plan folder: named once here, its files never read
            errors.append(src.error(("ke_hoach", i, "thu_muc"), special.message, found=entry.thu_muc, hint=special.hint))
            continue
        if not (root / "data" / entry.thu_muc / "ke-hoach.yaml").exists():
            errors.append(src.error(("ke_hoach", i, "thu_muc"), f"Không có tệp data/{entry.thu_muc}/ke-hoach.yaml.",
                                    found=entry.thu_muc, hint="tạo thư mục của kế hoạch trong data/, hoặc sửa tên thư mục."))
    return errors

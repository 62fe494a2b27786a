"""The plan's sections (ke-hoach.yaml `muc`), in the order of the document. Their numbers
and titles come from the data: a section's own `so` when written, else the roman numeral
of its place. Below render, results and exports, so that each cites a section by its kind
(`loai`), never by a number written into code."""

import re

from .model import STRUCTURED, VerbatimSection

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _plan(plan_or_site):
    """A Site or a PlanFile -> the PlanFile."""
    return getattr(plan_or_site, "plan", plan_or_site)


def is_structured(section) -> bool:
    return not isinstance(section, VerbatimSection)


def number(section, place: int) -> str:
    """The number a section carries: its `so` as written ("" for none), else its place (1 -> "I")."""
    return section.so if section.so is not None else roman(place)


def heading(section, place: int) -> str:
    """"II. NỘI DUNG" (or the title alone when the document does not number it). A number written with its
    own mark («Điều 1.», «1)», «A:», «II-») keeps it as written: no second dot («Điều 1..»); so does a word with a
    roman numeral («Chương I», «Phần II»): a document writes it with or without a dot, and `so` says which."""
    n = number(section, place)
    if not n:
        return section.tieu_de
    as_written = (n.rstrip()[-1] in ".):-" or re.fullmatch(r"\w+\s+[IVXLC]+", n.strip()) is not None
                  or re.fullmatch(r"(?i)phần\s+(?:thứ\s+\w+|\d+)", n.strip()) is not None)  # «Phần thứ nhất»
    return f"{n} {section.tieu_de}" if as_written else f"{n}. {section.tieu_de}"


def title_as_heading(plan_or_site, key: str) -> str:
    """The title of the section of kind `key` as a page heading: as written, in sentence case when the document
    writes it in capitals («CÁC BƯỚC THỰC HIỆN» -> «Các bước thực hiện»); "" when the section has no title."""
    i = index_of(plan_or_site, key)
    title = "" if i is None else " ".join((_plan(plan_or_site).muc[i].tieu_de or "").split())
    if title and title == title.upper():
        title = title[0] + title[1:].lower()
    return title


def index_of(plan_or_site, key: str) -> int | None:
    """The position in `muc` of the structured section of kind `key`, or None."""
    plan = _plan(plan_or_site)
    return next((i for i, s in enumerate(plan.muc) if is_structured(s) and s.loai == key), None)


def path_of(plan_or_site, key: str) -> tuple:
    """("muc", 4): where the structured section of kind `key` sits in ke-hoach.yaml."""
    return ("muc", index_of(plan_or_site, key))


def section_number(plan_or_site, key: str) -> str:
    """(plan, "cac_buoc") -> "III": the number the plan gives its section of that kind
    ("" when it has none)."""
    assert key in STRUCTURED, key
    i = index_of(plan_or_site, key)
    # a number written «I-» (heading prints it so) is cited without its mark
    return "" if i is None else number(_plan(plan_or_site).muc[i], i + 1).rstrip(" -")


def item_label(so: str | None) -> str:
    """An item's number as written («1.», «Bước 2:») without its closing mark: «1», «Bước 2»."""
    return (so or "").strip().rstrip(".):").strip()


def item_ref(section: str, so: str | None) -> str:
    """Where an item sits, cited from the numbers the data records as written: ("VI", "1.") -> "VI.1",
    ("III", "Bước 2:") -> "III, Bước 2"; the section alone when the item's number is not recorded (never
    a number computed from the item's place, which the document may not have)."""
    label = item_label(so)
    if not label:
        return section
    if not section:
        return label
    return f"{section}.{label}" if re.fullmatch(r"\w{1,3}", label) else f"{section}, {label}"


def item_text(so: str | None, text: str) -> str:
    """An item's words after its number as the plan writes it: ("Bước 1:", "Khảo sát…") -> "Bước 1: Khảo sát…";
    a number written without a mark gets the dot a list gives it ("2" -> "2. …")."""
    n = (so or "").strip()
    if not n:
        return text
    return f"{n} {text}" if n[-1] in ".):" else f"{n}. {text}"

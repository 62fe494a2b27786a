"""The plan's numbered sections, in the order of the document (ke-hoach.yaml keys).
Their numbers (I, II, …) follow from this order; nothing else names a number. Below
render, results and exports, so that each cites a section by its key, never by a
number written into code."""

SECTIONS = ("muc_dich_yeu_cau", "noi_dung", "cac_buoc", "thoi_gian_dia_diem", "kinh_phi", "to_chuc_thuc_hien")
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def section_number(key: str) -> str:
    """"cac_buoc" -> "III": the number the plan gives the section (its place in the document)."""
    return roman(SECTIONS.index(key) + 1)

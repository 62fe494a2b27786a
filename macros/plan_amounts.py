"""Amounts as the plan's own words (a budget section's `doan`) write them.

A total the plan never writes is the site's sum and says so (Site.total_is_sum); an amount's words in
parentheses are the plan's when its words write that amount with them («3.000.000 đồng (Ba triệu
đồng)»), never the site's «Ba triệu đồng chẵn» printed as if the plan wrote it (review r19n, defect 4).
"""

import re

from .conferences import block_lines
from .numbers import words_say_amount


def _digits(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _amount(n: int) -> re.Pattern:
    """The amount `n` written in figures («15.000.000», «15000000»), not inside a longer number."""
    return re.compile(r"(?<![\d.,])(?:" + re.escape(_digits(n)) + "|" + str(n) + r")(?![\d]|[.,]\d)")


def states(budget, n: int) -> bool:
    """True when the budget section's words (`doan`) write the amount `n` in figures."""
    pattern = _amount(n)
    return any(pattern.search(line) for line in block_lines(budget.doan))


def line_with(budget, n: int) -> str | None:
    """The last line of the section's words (`doan`) that writes the amount `n` in figures, as written (a total
    comes after its parts); None when none does."""
    pattern = _amount(n)
    found = [line for line in block_lines(budget.doan) if pattern.search(line)]
    return found[-1].strip() if found else None


_LABEL = re.compile(r"^\s*bằng\s+chữ\s*:\s*", re.IGNORECASE)


def words(budget, n: int) -> str | None:
    """The words in parentheses the section's words write right after the amount `n` («3.000.000 đồng
    (Ba triệu đồng)» -> «Ba triệu đồng»; «(Bằng chữ: …)» -> the words after the label), as written;
    None when they write none that reads as `n`."""
    if budget is None or not budget.doan:
        return None
    pattern = re.compile(_amount(n).pattern + r"\s*(?:đồng|đ)?\s*\(([^()]{2,200})\)")
    for line in block_lines(budget.doan):
        for m in pattern.finditer(line):
            said = _LABEL.sub("", m.group(1)).strip()
            if said and words_say_amount(said, n):
                return said
    # A line of its own, «(Bằng chữ: …)» under a table or a total (review r19q #10).
    for line in block_lines(budget.doan):
        m = _OWN_LINE.fullmatch(line.strip())
        if m and words_say_amount(m.group(1).strip(), n):
            return m.group(1).strip()
    return None


_OWN_LINE = re.compile(r"\(?\s*bằng\s+chữ\s*:\s*([^()]{2,200}?)\s*\)?\s*\.?", re.IGNORECASE)

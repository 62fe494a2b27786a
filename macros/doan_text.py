"""The plain text of a document's words as the data keeps them (`doan`: paragraphs, items, notes, tables).

One reader for every check and page that looks for the plan's words in a section's `doan`: the budget
amounts (doan_checks), the conference count (conferences), fields quoted as the plan's words (quoted_fields),
the period (crosschecks) and the deadline quoted on the timeline.
"""

from .model import Item, Note, Table


def plain(value) -> str:
    """Inline text (a string, or runs of bold/italic text) as plain characters."""
    if isinstance(value, str):
        return value
    return "".join(part if isinstance(part, str) else getattr(part, "chu", "") for part in value)


def lines(blocks, marks: bool = True) -> list[str]:
    """Each paragraph, item (with its mark as written, «1.», «-», when `marks`), note (its lead and text) and
    non-empty table cell of `blocks`, in the document's order, each on one line with runs of spaces as one."""
    out = []
    for block in blocks:
        if isinstance(block, Item):
            out.append(" ".join(p for p in ((block.ky_hieu if marks else ""), plain(block.van_ban)) if p))
            out += lines(block.doan, marks)
        elif isinstance(block, Table):
            out += [plain(cell) for row in block.bang for cell in row if plain(cell)]
        elif isinstance(block, Note):
            out.append(f"{plain(block.ghi_chu)} {plain(block.van_ban)}")
        else:
            out.append(plain(block))
    return [" ".join(line.split()) for line in out]

"""The blocks every reader yields, in document order."""

from dataclasses import dataclass, field


class NotAPlan(Exception):
    """The file cannot be a plan (not a Word file, no text, too large…): the message says why, in Vietnamese."""


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    runs: list[Run]
    # The list marker Word drew (automatic numbering), as it prints: "1.", "a)", "-"; "" when none.
    marker: str = ""
    # The numbering format of that marker: decimal, lowerLetter, upperRoman, bullet…; "" when none.
    marker_kind: str = ""
    level: int = 0
    # Text centred, or in a table cell of the header/closing (a layout hint, not text).
    centred: bool = False
    # The column of a layout table (header, recipients beside signature) it was read from; -1 outside one.
    column: int = -1
    # Word's outline level: 0 for a «Heading 1» (or «Title») paragraph, 1 for «Heading 2», …, from its style
    # or its own w:outlineLvl; -1 for body text.
    outline: int = -1

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Table:
    rows: list[list[str]]
    header_rows: int = 0
    # Each cell's paragraphs, for a layout table (header, closing) read as lines.
    cells: list[list[list[Para]]] = field(default_factory=list)


Block = Para | Table

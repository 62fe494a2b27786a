"""The issuing body's name in running text, read from the header's capital lines.

«ỦY BAN MTTQ VIỆT NAM» / «TỈNH QUẢNG NGÃI» / «BAN THƯỜNG TRỰC» is written in a sentence as the
Front writes it: «Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi» (the lower body first,
then the body above it). Only the bodies listed here are read, each with its capitals as the
Front writes them; a level word («xã», «tỉnh» …) is written small and the place name after it
with a capital per word. A line that is none of these: the name is not read ("" and the editor
writes it), never the lines glued together (review r19e: «… XÃ NGỌK BAY BAN THƯỜNG TRỰC»).
The letters are the file's own («UỶ» stays «Uỷ»): only their case changes.
"""

# Bodies as the Front writes them in running text (longest first when one starts another).
_BODIES = ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương MTTQ Việt Nam",
           "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ Việt Nam", "Mặt trận Tổ quốc Việt Nam",
           "Ban Thường trực", "Ban Thường vụ", "Ban Chấp hành", "Ban Công tác Mặt trận",
           "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Hội Người cao tuổi", "Hội Chữ thập đỏ",
           "Hội Khuyến học", "Hội Cựu thanh niên xung phong", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên",
           "Liên đoàn Lao động", "Ủy ban nhân dân", "Hội đồng nhân dân", "Đảng ủy", "Công an")
# Dashes that stand between two bodies of a joint document in its header.
JOINT_DASHES = ("-", "–", "—", "--", "––", "——")


def _levels(levels: tuple[str, ...]) -> list[list[str]]:
    return sorted((level.split() for level in ("tỉnh", *levels)), key=len, reverse=True)


def _cased(words: list[str], pattern: list[str]) -> list[str]:
    """`words` (the file's letters) in the case of `pattern` (a word in capitals stays so)."""
    out = []
    for word, like in zip(words, pattern):
        if like.isupper() and len(like) > 1:
            out.append(word.upper())
        elif like[:1].isupper():
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word.lower())
    return out


def _key(word: str) -> str:
    """A word compared without case, the old and new place of the tone mark alike («UỶ» = «ỦY»)."""
    word = word.lower()
    for old, new in (("uỷ", "ủy"), ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa")):
        word = word.replace(old, new)
    return word


def _starts(words: list[str], phrase: list[str]) -> bool:
    return len(words) >= len(phrase) and [_key(w) for w in words[:len(phrase)]] == [_key(w) for w in phrase]


def _place(words: list[str]) -> list[str]:
    """A place name: each word with a capital, also after an apostrophe or a hyphen («H'Drai»)."""
    def title(word: str) -> str:
        out, up = [], True
        for c in word:
            out.append(c.upper() if up else c.lower())
            up = c in "'’-"
        return "".join(out)
    return [title(w) for w in words]


def _bodies(words: list[str]) -> tuple[list[str], int, int]:
    """The bodies a line starts with, in running-text case, and how many words they take: one body
    («BAN THƯỜNG TRỰC») or a body of a body («BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM», review r19n: the
    standing committee's line over its commune's «XÃ IA PHÚ»); and how many bodies."""
    out, used, count = [], 0, 0
    while True:
        pattern = next((p.split() for p in _BODIES if _starts(words[used:], p.split())), None)
        if pattern is None:
            return out, used, count
        out += _cased(words[used:used + len(pattern)], pattern)
        used, count = used + len(pattern), count + 1


def _line(words: list[str], levels: list[list[str]]) -> tuple[list[str] | None, list[str] | None] | None:
    """One header line as (body, level and place): either may be None; None when not read."""
    found, used, _ = _bodies(words)
    body = found or None
    words = words[used:]
    if not words:
        return (body, None) if body else None
    level = next((lv for lv in levels if _starts(words, lv)), None)
    if level is None:
        return None
    place = words[len(level):]
    if any(_starts(place[k:], phrase.split()) for k in range(len(place)) for phrase in _BODIES):
        return None  # two bodies on one line («… XÃ NGỌK BAY BAN THƯỜNG TRỰC»): not read, never one place name
    return body, [w.lower() for w in words[:len(level)]] + _place(words[len(level):])


def body_name(lines: list[str], level_words: tuple[str, ...]) -> str:
    """The running-text name of one body from its header lines (in the file's order), or "";
    `level_words`: the administrative level words («xã», «thành phố» …; «tỉnh» is added)."""
    return " ".join(" ".join(p) for p in _issuer_parts(lines, _levels(level_words)))


def _issuer_parts(lines: list[str], levels: list[list[str]]) -> list[list[str]]:
    """The issuing body's name in parts, the lowest body first: the bodies from the bottom line up to the first
    that names its own level and place. A superior above that is not part of the name (review r19g B2′:
    «ỦY BAN MTTQ VIỆT NAM HUYỆN SA THẦY» over «ỦY BAN MTTQ VIỆT NAM XÃ YA LY» is the commune's body alone);
    it is only when the lower body has no place of its own («BAN THƯỜNG TRỰC» under «… TỈNH X»). [] when
    not read."""
    parts: list[list[str]] = []  # each body with its place, from the top line down
    chained: list[bool] = []  # the part's line names a body of a body («BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM»)
    for text in lines:
        read = _line(text.split(), levels)
        if read is None:
            return []
        body, place = read
        if body is not None:
            parts.append(body + (place or []))
            chained.append(_bodies(text.split())[2] > 1)
        elif parts and place is not None and len(parts[-1]) and not _has_level(parts[-1], levels):
            parts[-1] = parts[-1] + place  # «ỦY BAN MTTQ VIỆT NAM» / «TỈNH KON TUM»
        else:
            return []
    out = []
    for part in reversed(parts):
        out.append(part)
        if _has_level(part, levels):
            break
    if len(out) > 1 and chained[len(parts) - 1]:
        # «BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM» under «ỦY BAN MTTQ VIỆT NAM TỈNH X» names its own Front
        # committee without its place: the name in a sentence is not the two glued together; not read.
        return []
    above = [p for p in parts[:len(parts) - len(out)] if _has_level(p, levels)]
    if above and _area(above[-1], levels) == _area(out[-1], levels):
        # Two bodies of the same place («ỦY BAN MTTQ VIỆT NAM PHƯỜNG BẾN THÀNH» over «CÔNG AN PHƯỜNG BẾN
        # THÀNH»): not a superior and its body but, most likely, a joint document without its «—» line.
        # Not read (the editor writes the name), never the lower body alone (review r19i, d16).
        return []
    return out


def _area(words: list[str], levels: list[list[str]]) -> list[str]:
    """The level and place a body's name ends with («phường Bến Thành»), compared without case."""
    at = next(i for i in range(len(words)) if any(_starts(words[i:], lv) for lv in levels))
    return [_key(w) for w in words[at:]]


def issuer_line_count(lines: list[str], level_words: tuple[str, ...]) -> int:
    """How many of the header's last body lines name the issuing body: 2 when the last is a bare level and place
    («PHƯỜNG NGÔ MÂY») under a body written without one («ỦY BAN MTTQ VIỆT NAM»): one name over two lines, no
    superior (review r19h); else 1 (the last line, under its superior: «BAN THƯỜNG TRỰC»)."""
    if len(lines) < 2:
        return min(len(lines), 1)
    levels = _levels(level_words)
    last, above = _line(lines[-1].split(), levels), _line(lines[-2].split(), levels)
    one_name = (last is not None and last[0] is None and last[1] is not None
                and above is not None and above[0] is not None and above[1] is None)
    return 2 if one_name else 1


def _has_level(words: list[str], levels: list[list[str]]) -> bool:
    return any(_starts(words[i:], lv) for i in range(len(words)) for lv in levels)


def split_joint(lines: list[str]) -> list[list[str]]:
    """The header's body lines in groups, one per body of a joint document (split at a «—» line)."""
    groups: list[list[str]] = [[]]
    for text in lines:
        if text.strip() in JOINT_DASHES:
            groups.append([])
        else:
            groups[-1].append(text)
    return [g for g in groups if g]


def running_name(lines: list[str], level_words: tuple[str, ...]) -> str:
    """The issuing body or bodies in running text («A và B» for a joint document), "" if any is not read."""
    names = [body_name(g, level_words) for g in split_joint(lines)]
    if not names or not all(names):
        return ""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def body_level(lines: list[str], level_words: tuple[str, ...]) -> str:
    """The issuing body's level as co-quan.yaml › cap writes it («tỉnh», «xã» …: the level word,
    small), read from the same header lines as its name; "" when the name is not read, when a
    line names no level, or when the bodies of a joint document are of different levels."""
    levels = _levels(level_words)
    found = set()
    for group in split_joint(lines):
        parts = _issuer_parts(group, levels)
        if not parts:
            return ""
        words = [w for p in parts for w in p]  # the issuer's own level, never its superior's (review r19g)
        level = next((" ".join(lv) for i in range(len(words)) for lv in levels if _starts(words[i:], lv)), None)
        if level is None:
            return ""
        found.add(level)
    return found.pop() if len(found) == 1 else ""

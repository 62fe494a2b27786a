"""The number of conferences (cac_buoc › hoi_nghi) against the plan's own words.

The site prints the count the fields hold («Số hội nghị của mỗi …: từ 01 đến 02») and quotes the
plan's sentence on it. Both must be what the plan writes: when the section's words (its `doan`) or
a step's text state the count, the fields must say the same (check_counts), and the quoted sentence
is the section's own characters (plan_sentence), never the step's text with the fields filled in.
"""

import re

from .doan_text import lines as block_lines

# «từ 01 đến 02 hội nghị»: a count as plans write it.
COUNT = re.compile(r"từ\s+(\d{1,3})\s+đến\s+(\d{1,3})\s+hội\s+nghị", re.IGNORECASE)
MARK = "{so_hoi_nghi}"


def step(plan):
    """The conference step: the step whose text holds {so_hoi_nghi} (None when none does)."""
    steps = plan.cac_buoc.buoc if plan.cac_buoc is not None else []
    return next((s for s in steps if MARK in s.noi_dung), None)


def written(conf) -> str:
    """The count as the fields write it («từ 01 đến 02»), what {so_hoi_nghi} is filled with."""
    return f"từ {conf.toi_thieu:02d} đến {conf.toi_da:02d}"


def _pattern(text: str, middle: str) -> re.Pattern:
    """`text` with {so_hoi_nghi} standing for `middle` (a regex), any run of spaces for a space."""
    parts = [r"\s+".join(map(re.escape, part.split())) for part in text.split(MARK)]
    return re.compile((r"\s*" + middle + r"\s*").join(parts))


def plan_sentence(plan) -> str | None:
    """The conference step's sentence as the section's words (`doan`) write it, or None when the
    section keeps no words of the document (its steps' texts are then the plan's words as the data
    records them) or they do not hold that sentence with the fields' count."""
    section, found = plan.cac_buoc, step(plan)
    if section is None or found is None or not section.doan:
        return None
    pattern = _pattern(found.noi_dung.strip(), r"\s+".join(map(re.escape, written(section.hoi_nghi).split())))
    for line in block_lines(section.doan):
        m = pattern.search(line)
        if m:
            return m.group(0)
    return ""


def check_counts(plan, src, path: tuple) -> list:
    """The count the fields hold (path: where the section sits) against the count the plan's words
    state: in the conference step's sentence in `doan`, and in any «từ … đến … hội nghị» the section's
    words or its steps' texts write. A difference is an error at hoi_nghi (file, line, field)."""
    section = plan.cac_buoc
    conf, have = section.hoi_nghi, written(section.hoi_nghi)
    errors = []
    field = path + ("hoi_nghi",)
    lines = block_lines(section.doan)
    found = step(plan)
    if found is not None and lines and plan_sentence(plan) == "":
        said = next((m for m in (_pattern(found.noi_dung.strip(), r"(.{1,60}?)").search(line) for line in lines) if m), None)
        if said is not None:
            count = COUNT.search(said.group(1) + " hội nghị")
            if count and (int(count.group(1)), int(count.group(2))) == (conf.toi_thieu, conf.toi_da):
                # the same count written otherwise («từ 1 đến 2»): the fields are right; the step's text is
                # what differs from the plan's words, and macros/quoted_fields.py names it (one error, not two)
                return errors
            hint = (f"ghi toi_thieu: {int(count.group(1))}, toi_da: {int(count.group(2))} như kế hoạch viết" if count
                    else f"kế hoạch không ghi số hội nghị dạng «từ … đến …»: viết thẳng câu của kế hoạch vào nội dung "
                         f"bước (bỏ {MARK})")
            errors.append(src.error(field + ("toi_da",),
                                    f"Kế hoạch ghi «{said.group(0)}» (số hội nghị: «{said.group(1)}»), nhưng hoi_nghi "
                                    f"ghi toi_thieu {conf.toi_thieu}, toi_da {conf.toi_da}: chỗ trống {MARK} sẽ thành "
                                    f"«{have}», website sẽ trích một câu kế hoạch không viết.",
                                    found=f"toi_thieu: {conf.toi_thieu}, toi_da: {conf.toi_da}",
                                    hint=hint + "; không sửa lời văn của kế hoạch (doan)."))
        else:
            i = section.buoc.index(found)
            errors.append(src.error(path + ("buoc", i, "noi_dung"),
                                    f"Nội dung bước này, điền {MARK} thành «{have}», không có trong lời văn của mục "
                                    "(doan): website sẽ trích một câu kế hoạch không viết.",
                                    found=found.noi_dung,
                                    hint="chép đúng câu của bước như lời văn của mục (doan), chỉ thay số hội nghị bằng "
                                         f"{MARK}; nếu kế hoạch không ghi số hội nghị dạng «từ … đến …», viết thẳng câu "
                                         f"của kế hoạch (bỏ {MARK})."))
        return errors
    stated = [(m.group(0), int(m.group(1)), int(m.group(2)))
              for text in [*lines, *(s.noi_dung for s in section.buoc)] for m in COUNT.finditer(text)]
    if stated and not any((lo, hi) == (conf.toi_thieu, conf.toi_da) for _, lo, hi in stated):
        words, lo, hi = stated[0]
        errors.append(src.error(field + ("toi_da",),
                                f"Kế hoạch ghi «{words}», nhưng hoi_nghi ghi toi_thieu {conf.toi_thieu}, toi_da "
                                f"{conf.toi_da} («{have}»): website sẽ in số hội nghị kế hoạch không ghi.",
                                found=f"toi_thieu: {conf.toi_thieu}, toi_da: {conf.toi_da}",
                                hint=f"ghi toi_thieu: {lo}, toi_da: {hi} như kế hoạch viết; không sửa lời văn của "
                                     "kế hoạch."))
    return errors

"""No doubled punctuation where a topic's name is the plan's sentence (review r19q #9): with no `ten_ngan`
the unit results, the draft report and the .ics listed contents as «1. … (18/11).; 3. … khu dân cư..», the
plan's final period followed by the template's own. In-process, on the commune fixture without ten_ngan."""

import re

from macros.loader import load_site
from macros.results import progress as pg
from tests.test_bad_input_new_fields import _xa


def test_a_topic_named_by_its_sentence_has_no_final_period(tmp_path):
    root = _xa(tmp_path)
    plan = root / "data" / "ke-hoach-xa" / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"\n    ten_ngan: [^\n]*", "", text), encoding="utf-8")
    names = [name for _, name in pg.topic_names(load_site(root)).values()]
    assert names and not any(n.endswith(".") for n in names), names
    joined = "; ".join(f"{i}. {n}" for i, n in enumerate(names, 1)) + "."
    assert ".;" not in joined and ".." not in joined, joined

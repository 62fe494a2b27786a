"""A text the results writer leaves unquoted (macros/results/yamlout.py: scalar, flow_list) is
read back by the data reader (macros/yamlsrc.py: read_yaml, libyaml) as the same text: a plain
scalar that YAML reads as a number, a date, a boolean, null, a list or a comment would change
the data an editor or an imported report wrote. Read back by pure-Python PyYAML too (the
reader where libyaml is missing, and what other YAML tools accept): libyaml alone read a tab
and a list item with "?" plain where PyYAML refuses them (session 13 review)."""

from pathlib import Path

import pytest
import yaml

from macros import yamlsrc
from macros.results import yamlout

AWKWARD = ["Xã Đăk Pxi", "12", "1.000.000", "0012", "1e3", "2023-04-01", "yes", "Không", "no", "on", "null", "~",
           "true", "- gạch đầu dòng", "a: b", "a #b", "#tag", "&anchor", "*alias", "!tag", "|", ">", "'x'", '"x"',
           "%x", "@x", "`x", "[1]", "{a}", "x, y", "x]", "H’Drai", "H'Drai", "50%", "3/4", "11:30", "x:", "? x",
           " đầu cách", "cuối cách ", "tab\tgiữa", "=SUM(A1)", "+84", "0x1F", ".5", "1_000", "Ủy ban MTTQ",
           "Thôn 1\tThôn 2", "Thôn 5?", "Có? Không", "a ? b", "x?"]


def _read(text: str):
    raw = text.encode("utf-8")
    return yamlsrc.read_yaml(Path("ket-qua.yaml"), "ket-qua.yaml", raw=raw).data


@pytest.mark.parametrize("text", AWKWARD)
def test_a_text_written_plain_reads_back_as_written(text):
    assert _read(f"k: {yamlout.scalar(text)}\n") == {"k": text}
    assert _read(f"k: {yamlout.flow_list([text, 'x'])}\n") == {"k": [text, "x"]}
    for written in (f"k: {yamlout.scalar(text)}\n", f"k: {yamlout.flow_list([text, 'x'])}\n"):
        assert yaml.load(written, Loader=yaml.SafeLoader)["k"] in (text, [text, "x"]), written

"""Hostile text in every text field of every data file, and an HTML reader that
finds any markup made from it. Shared by the escaping tests."""

from html.parser import HTMLParser
from pathlib import Path

import yaml

from macros.model import STRUCTURED
from macros.yamlsrc import read_yaml

# Passes validation (no "<letter", no "javascript:", no "on…="), yet breaks any
# output that does not escape: a processing instruction, entities that must stay
# as typed, quotes that end attributes, Markdown and Jinja.
MARK = "Zqx"
PAYLOAD = (f" <?x &lt;b&gt;{MARK}&lt;/b&gt; &amp;amp; \"q\" 'a' > *m* {{{{ 7*7 }}}}"
           " [l](https://example.invalid/x) www.example.invalid")

# Codes, references to codes, dates and words that must match the amount: not free text.
_NOT_TEXT = {"ma", "chu_de", "ban", "don_vi", "noi_nhan", "nguoi_gui", "tai_lieu", "ngay", "han", "bat_dau",
             "ket_thuc", "ngay_ban_hanh", "tong_bang_chu", "so",
             "dong_ke",  # the rule under the title: rule characters only (model.RuleLine)
             "thu_muc", "duong_dan",  # data/website.yaml: a folder and an address, not text
             "van_ban_goc",  # ke-hoach.yaml: the path of the document's text file (macros/plan_words.py)
             "ten_goi_noi_dung"}  # words the contents section must write as they are (its own text is poisoned)


def _poison(value, key=None):
    if isinstance(value, dict):
        # A section's kind (loai: kinh_phi) is a code; the document's kind (loai: Kế hoạch) is text.
        return {k: (v if k == "rieng" or (k == "loai" and v in STRUCTURED) else _poison(v, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and value and key not in _NOT_TEXT:
        return value + PAYLOAD
    return value


def poison_data(data: Path) -> int:
    """Append PAYLOAD to every free-text value of every YAML file under `data`;
    the number of values changed."""
    changed = 0
    for path in sorted(data.rglob("*.yaml")):
        if path.name == "website.yaml":
            continue  # the site's name and author: plain words, markup refused by the model (model.WebsiteFile)
        source = read_yaml(path, path.name)
        poisoned = _poison(source.data)
        if path.name == "ke-hoach.yaml":
            poisoned.pop("van_ban_goc", None)  # poisoned words are not the document's: not compared with its text
            # The campaign's name must be the name the trích yếu quotes (whose text carries the payload).
            if isinstance(source.data.get("cuoc_van_dong"), dict) and "ten" in source.data["cuoc_van_dong"]:
                poisoned["cuoc_van_dong"]["ten"] = source.data["cuoc_van_dong"]["ten"]
            units = yaml.safe_load((path.parent / "don-vi.yaml").read_text(encoding="utf-8"))
            names = {u["ma"]: u["ten"] for u in units["don_vi"]}
            # Each duty names its units; the names now end with the payload too.
            org = next(s for s in poisoned["muc"] if s.get("loai") == "to_chuc_thuc_hien" and "doan" not in s)
            for a in org["phan_cong"]:
                a["nhiem_vu"] += " " + ", ".join(names[c] + PAYLOAD for c in a["don_vi"])
        changed += _count(poisoned) - _count(source.data)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False, width=10**6),
                        encoding="utf-8")
    return changed


def _count(value) -> int:
    if isinstance(value, dict):
        return sum(_count(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count(v) for v in value)
    return int(isinstance(value, str) and value.endswith(PAYLOAD))


class Reader(HTMLParser):
    """Text and attribute values as a browser sees them (entities decoded once),
    processing instructions, and elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.pis: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        self.texts.append(data)

    def handle_pi(self, data):
        self.pis.append(data)


def read_html(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    reader.close()
    return reader


def shown(text: str) -> str:
    return " ".join(text.split())


SHOWN_PAYLOAD = shown(PAYLOAD)

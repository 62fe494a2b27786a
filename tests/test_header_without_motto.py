"""An issued document's header whose right column has no motto (a Đoàn or Hội plan: «ĐOÀN TNCS HỒ CHÍ
MINH» where the national name stands, no «Độc lập - Tự do - Hạnh phúc»; review r19p, s-import10):
no empty ruled line is drawn under it (it printed as a small mark in the PDF)."""

from html.parser import HTMLParser

from macros.templating import fragment


class _Classes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.classes = []

    def handle_starttag(self, tag, attrs):
        self.classes += (dict(attrs).get("class") or "").split()


def _classes(motto: str) -> list[str]:
    html = fragment("official_header.html", parent_lines=[("BAN CHẤP HÀNH", None)], as_written=None,
                    issuer_lines=[("BAN THƯỜNG VỤ", None)], issuer_mark="", nation="ĐOÀN THANH NIÊN MẪU", motto=motto,
                    number="Số: 01-KH/MAU", place_date="Nơi mẫu, ngày 01 tháng 01 năm 2000", subject_line="")
    parser = _Classes()
    parser.feed(str(html))
    return parser.classes


def test_no_motto_no_ruled_line_and_a_motto_keeps_its_rule():
    assert _classes("").count("vb-ruled") == 1  # the issuing body's rule only
    assert "vb-motto" not in _classes("")
    assert _classes("Độc lập - Tự do - Hạnh phúc").count("vb-ruled") == 2

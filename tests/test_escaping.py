"""Every string from data/ reaches the page escaped. The validator refuses tags,
javascript: and on…= (see the corpus); this injects what it lets through —
entities, Markdown, Jinja, stray < and > — into fields shown on many pages and
asserts that the rendered HTML holds no element, link or emphasis made from data."""

import re

import pytest

from macros.site import load_site
from tests.sitebuild import copy_project, mkdocs_build, page_text

PAYLOADS = {
    "ent": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "num": "&#60;img src=x&#62;",
    "md": "**đậm** _nghiêng_ `mã` [bấm](https://example.invalid/x) ![ảnh](https://example.invalid/a.png)",
    "jinja": "{{ 7 * 7 }} {% if true %}jinja{% endif %}",
    "cmp": "1 < 2 > 0 & a \"nháy\" 'đơn'",
    "auto": "xem https://example.invalid/tu-dong hoặc www.example.invalid",
}


def inject(text: str, old: str, key: str) -> str:
    assert old in text, old
    return text.replace(old, f"{old} {PAYLOADS[key]}", 1)


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("doc") / "project")
    data = project / "data"
    plan = (data / "ke-hoach.yaml").read_text(encoding="utf-8")
    # Quoted on purpose: some payloads would not be valid YAML unquoted.
    changes = [
        ("nguon: Từ kinh phí Cuộc vận động năm 2023", "ent"),
        ("nguoi_ky: Nguyễn Thị Lan", "md"),
        ("ten_ngan: Khảo sát đời sống đồng bào", "num"),
        ("ten_ngan: Mô hình hay, cách làm hiệu quả", "cmp"),
        ("ket_luan: >-\n  Trên đây là kế hoạch", "jinja"),
        ("ten: Ban Thường trực Uỷ ban MTTQ Việt Nam các huyện, thành phố", "auto"),
    ]
    for old, key in changes:
        if old.startswith("ket_luan"):
            plan = inject(plan, old, key)
        else:
            field, value = old.split(": ", 1)
            plan = plan.replace(old, f"{field}: {quote(value + ' ' + PAYLOADS[key])}", 1)
    (data / "ke-hoach.yaml").write_text(plan, encoding="utf-8")
    org = (data / "co-quan.yaml").read_text(encoding="utf-8")
    org = org.replace("ten: Ban Phong trào", "ten: " + quote("Ban Phong trào " + PAYLOADS["md"]), 1)
    (data / "co-quan.yaml").write_text(org, encoding="utf-8")
    units = (data / "don-vi.yaml").read_text(encoding="utf-8")
    units = units.replace("ten_khac: [Kon Plong]", "ten_khac: [Kon Plong, " + quote(PAYLOADS["cmp"]) + "]", 1)
    (data / "don-vi.yaml").write_text(units, encoding="utf-8")
    load_site(project)  # the payloads pass validation: this is what escaping must handle
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def articles(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
        yield path.relative_to(site).as_posix(), (match.group(1) if match else html)


def test_no_markup_from_data_reaches_a_page(poisoned):
    seen = 0
    for page, html in articles(poisoned):
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert not [u for u in re.findall(r'(?:href|src)="([^"]*)"', html) if "example.invalid" in u], page
        assert "<strong>đậm" not in html and "<em>nghiêng" not in html and "<code>mã" not in html, page
        seen += "đậm" in html
    assert seen >= 3  # the payloads were shown somewhere, escaped


def test_payloads_are_shown_as_typed(poisoned):
    budget = page_text(poisoned, "kinh-phi/index.html")
    assert PAYLOADS["ent"] in budget  # the reader sees the entity text, not a tag
    plan = page_text(poisoned, "ke-hoach/index.html")
    assert PAYLOADS["md"] in plan and PAYLOADS["jinja"] in plan
    # The local committees' name heads their part on the assignments page (the plan page
    # shows the plan's own heading, "…, thành phố:", from its tieu_de).
    assert PAYLOADS["auto"] in page_text(poisoned, "phan-cong/index.html")
    assert "49 jinja" not in plan  # Jinja in data is not run
    topic = page_text(poisoned, "so-tay/mo-hinh-hay/index.html")
    assert PAYLOADS["cmp"] in topic
    unit = page_text(poisoned, "don-vi/huyen-kon-plong/index.html")
    assert PAYLOADS["cmp"] in unit

"""One value changed in data/ changes every page that shows it, totals and words too."""

import re

from tests.sitebuild import ROOT, page_text


def test_per_unit_amount_flows_to_every_page(mutated_site):
    # The mutated build changes "dinh_muc: 5000000" to 6000000 (tests/sitebuild.py: mutate_data).
    assert "dinh_muc: 5000000" in (ROOT / "data" / "ke-hoach-2023" / "ke-hoach.yaml").read_text(encoding="utf-8")
    out = mutated_site

    budget = page_text(out, "kinh-phi/index.html")
    assert "Tổng cộng: 60.000.000đ" in budget and "Sáu mươi triệu đồng chẵn" in budget
    plan_text = page_text(out, "ke-hoach/index.html")
    assert "6.000.000đ/01 đơn vị x 10 huyện, thành phố = 60.000.000đ (Sáu mươi triệu đồng chẵn)" in plan_text
    home = page_text(out, "index.html")
    assert "6.000.000đ mỗi đơn vị; tổng 60.000.000đ" in home
    unit = page_text(out, "don-vi/huyen-dak-glei/index.html")
    assert "Kinh phí: 6.000.000đ" in unit and "Sáu triệu" not in unit  # no words the plan does not write (r19q #10)
    for page in ("phan-cong/index.html", "don-vi/index.html"):
        assert "5.000.000" not in page_text(out, page)
    all_html = " ".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert not re.search(r"5\.000\.000|50\.000\.000|Năm mươi triệu", all_html)

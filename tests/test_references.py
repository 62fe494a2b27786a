"""Every document cited anywhere on the site is one of the verified documents,
with its verified date. Expected values come from the team's verified reference notes on documents
(section 4), written here by hand, not read from data/van-ban.yaml."""

import re

from tests.sitebuild import page_text

# domain.md §4 (and the plan's own basis): number -> date, "" where no date is verified.
# Kết luận 08-KL/TU is not here: the plan does not cite it and it could not be checked (issue 20).
VERIFIED = {
    "357/KH-MTTQ-BTT": "08/02/2023",
    "90/QĐ-TTg": "18/01/2022",
    "263/QĐ-TTg": "22/02/2022",
    "1719/QĐ-TTg": "14/10/2021",
    "120/2020/QH14": "19/6/2020",
    "919/QĐ-TTg": "01/8/2022",
    "45/2013/QH13": "",
    # Checked for issue 20 (data/van-ban.yaml › nguon): passed by the National Assembly on 18/01/2024.
    "31/2024/QH15": "18/01/2024",
}
# domain.md §3: the later administrative changes, cited by the status notice
# (data/thay-doi-hanh-chinh.yaml), not by the handbook's references page.
CHANGES = {
    "202/2025/QH15": "12/6/2025",
    "203/2025/QH15": "16/6/2025",
    "72/2025/QH15": "16/6/2025",
    "97/2025/QH15": "27/6/2025",
}
# A document number: "90/QĐ-TTg", "120/2020/QH14", "08-KL/TU", "30/2020/NĐ-CP", "357/KH-MTTQ-BTT".
NUMBER = re.compile(r"\b\d+(?:/\d{4})?[/-][A-ZĐ][A-Za-zĐđ0-9]*(?:[/-][A-ZĐ][A-Za-zĐđ0-9]*)*")
DATE_AFTER = re.compile(r"^,? (?:ngày )?(\d{1,2}/\d{1,2}/\d{4})")


def all_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def citations(text):
    for match in NUMBER.finditer(text):
        date = DATE_AFTER.match(text[match.end():])
        yield match.group(0), date.group(1) if date else None


def test_the_number_pattern_finds_document_numbers():
    found = list(citations("Quyết định số 90/QĐ-TTg ngày 18/01/2022 và Nghị định 30/2020/NĐ-CP, "
                           "Kết luận số 08-KL/TU, Luật số 45/2013/QH13; 5.000.000đ/01 đơn vị, 10/10 huyện"))
    assert found == [("90/QĐ-TTg", "18/01/2022"), ("30/2020/NĐ-CP", None), ("08-KL/TU", None),
                     ("45/2013/QH13", None)]


def test_every_document_cited_on_the_site_is_verified_with_its_date(site):
    problems = []
    seen = set()
    for page in all_pages(site):
        for number, date in citations(page_text(site, page)):
            seen.add(number)
            known = VERIFIED | CHANGES
            if number not in known:
                problems.append(f"{page}: {number} is not a verified document")
            elif date is not None and date != known[number]:
                problems.append(f"{page}: {number} dated {date}, verified {known[number]}")
    assert not problems, "\n".join(problems)
    assert seen == set(VERIFIED) | set(CHANGES), "references page should list every verified document"


def test_references_page_gives_each_number_and_date(site):
    text = page_text(site, "so-tay/van-ban/index.html")
    for number, date in VERIFIED.items():
        assert number in text
        if date:
            assert f"{number} ngày {date}" in text


def test_unverified_date_of_decision_90_is_flagged_and_launch_date_never_shown(site):
    text = page_text(site, "so-tay/van-ban/index.html")
    assert re.search(r"90/QĐ-TTg ngày 18/01/2022 .*?Lưu ý: Ngày ban hành lấy theo các nguồn đăng lại", text)
    for page in all_pages(site):
        assert "22/4/2021" not in page_text(site, page), page
        assert "22/04/2021" not in page_text(site, page), page

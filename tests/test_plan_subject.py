"""What a plan is about is said in its own words (issue 19): the compiled report, the conference
forms and the calendar's conferences named every plan with the 2023 plan's «tuyên truyền, vận động
thực hiện Cuộc vận động “{{ campaign.ten }}”», and a plan without a campaign printed «Cuộc vận động
“”». They take the plan's trích yếu as written (macros/render/subject.py). In-process, on the 2023
data with the results fixture, changed as each case says."""

import datetime as dt
import re
from dataclasses import replace

import pytest

from macros.exports import ics
from macros.outputs import FORMS
from macros.render import report, toolkit
from tests.test_plan_words import _with_results

NAME = ("Làm thay đổi nếp nghĩ, cách làm của đồng bào dân tộc thiểu số, làm cho đồng bào dân tộc thiểu số "
        "vươn lên thoát nghèo bền vững")
# The 2023 plan's texts as they were before (the site stays byte-identical).
OLD_2023 = [
    f"về tuyên truyền, vận động thực hiện Cuộc vận động “{NAME}” năm 2023, Ban Phong trào tổng hợp báo cáo",
    "Trên đây là số liệu kết quả tổ chức tuyên truyền, vận động thực hiện Cuộc vận động trên địa bàn tỉnh "
    "năm 2023 do website",
    f'<p class="tk-subtitle">Tuyên truyền, vận động thực hiện Cuộc vận động “{NAME}”</p>',
    '<p class="tk-subtitle">Tuyên truyền, vận động thực hiện Cuộc vận động năm 2023</p>',
    f'<p class="tk-subtitle">Kết quả tổ chức tuyên truyền, vận động thực hiện Cuộc vận động “{NAME}” năm 2023</p>',
    f'<p class="tk-subtitle">Cuộc vận động “{NAME}” — năm 2023</p>',
]
OTHER_SUBJECT = "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2023"
# The 2023 campaign's words, which no other plan's compiled text may carry.
THEIRS = re.compile(r"tuyên truyền, vận động|Cuộc vận động|“”|hội nghị tuyên truyền|tổ chức tổ chức", re.I)


def _texts(site) -> dict[str, str]:
    stamp = dt.datetime(2026, 1, 1, 8, 0)
    # A form's title and subtitle (its rows are bo-cong-cu.yaml's words: data, not the code's).
    texts = {f.slug: "\n".join(re.findall(r"<h1>.*?</h1>|<p class=\"tk-subtitle\">.*?</p>", toolkit.form_page(site, f.slug)))
             for f in FORMS}
    texts["report"] = str(report.document_html(site, site.results))
    calendar = ics.calendars(site, site.results, stamp, [None])[None].decode().replace("\r\n ", "")
    texts["calendar"] = "\n".join(line for line in calendar.splitlines() if line.startswith("SUMMARY:"))
    return texts


def test_the_2023_plan_says_what_it_said(tmp_path):
    site = _with_results(tmp_path, lambda d: None)
    text = "\n".join(_texts(site).values())
    for old in OLD_2023:
        assert old in text, old


def _other_subject(d):
    d["van_ban"]["trich_yeu"] = OTHER_SUBJECT
    d["cuoc_van_dong"].update(ten="Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", ten_ngan="Cuộc vận động")
    step = next(s for s in d["muc"] if s.get("loai") == "cac_buoc")["buoc"][2]
    step["ten_ngan"] = "Tổ chức Ngày hội ở khu dân cư"
    step["noi_dung"] = "Tổ chức {so_hoi_nghi} Ngày hội ở khu dân cư."


@pytest.mark.parametrize("campaign", [True, False], ids=["another-subject", "no-campaign"])
def test_another_plan_is_named_by_its_own_trich_yeu(tmp_path, campaign):
    site = _with_results(tmp_path, _other_subject)
    if not campaign:
        # The loader makes no units, forms or report for a plan without one (site.has_units): the
        # render functions are asked directly, as they would be once it does.
        site = replace(site, plan=site.plan.model_copy(update={"cuoc_van_dong": None}))
    texts = _texts(site)
    # What the data says (the plan's quotes «…», its trích yếu, its campaign's name) may say anything.
    campaign = site.plan.cuoc_van_dong
    data = [site.plan.van_ban.trich_yeu, *([f"{campaign.ten_ngan} “{campaign.ten}”"] if campaign else [])]
    ours = {k: re.sub(r"«[^»]*»|" + "|".join(map(re.escape, data)), "", v) for k, v in texts.items()}
    for name, text in ours.items():
        found = THEIRS.search(text)
        assert not found, (name, text[max(0, found.start() - 200):found.end() + 100])
    subject = OTHER_SUBJECT[:1].lower() + OTHER_SUBJECT[1:]
    assert f"về {subject}, Ban Phong trào" in texts["report"]
    assert f"Trên đây là số liệu kết quả {subject} do website" in texts["report"]
    assert "<h3 id=\"bc-hoi-nghi\">2. Tổ chức Ngày hội ở khu dân cư</h3>" in texts["report"]
    for slug in ("chuong-trinh-hoi-nghi", "bien-ban-hoi-nghi", "danh-sach-dai-bieu"):
        assert f'<p class="tk-subtitle">{OTHER_SUBJECT}</p>' in texts[slug], slug
    assert f'<p class="tk-subtitle">Kết quả {subject}</p>' in texts["mau-bao-cao"]
    assert "SUMMARY:Tổ chức Ngày hội ở khu dân cư – " in texts["calendar"]


def test_an_issued_reports_header_names_the_bodies_in_full(tmp_path):
    """Found while moving «V/v …» into the header: a report marked issued (bao-cao.yaml da_ban_hanh)
    printed each header line's first letter only («Ủ / T / B»): its lines were passed as strings where
    the header takes (line, weight) pairs."""
    site = _with_results(tmp_path, lambda d: None)
    issued = replace(site.results, report=site.results.report.model_copy(update={"da_ban_hanh": True, "so": "12"}))
    html = str(report.document_html(site, issued))
    head = html[html.find('<div class="vb-header">'):html.find("</div>\n<h1")]
    assert "ỦY BAN MTTQ VIỆT NAM<br>TỈNH KON TUM" in head and ">BAN THƯỜNG TRỰC<" in head, head
    assert "Số: 12/BC-MTTQ-BTT" in head and "vb-subject" not in head


def test_the_handbook_is_not_another_handbook_only_if_the_plan_names_one(tmp_path):
    """The handbook's index and its PDF said «không phải Sổ tay tuyên truyền thực hiện <campaign> đã được
    cấp phát mà kế hoạch nêu» for any plan: a handbook the 2023 plan names, another plan may not."""
    from macros.pdf import documents
    from macros.render import handbook

    def other_lead(d):
        next(s for s in d["muc"] if s.get("loai") == "noi_dung")["loi_dan"] = "Tập trung vào các nội dung sau:"
        d.pop("ten_goi_noi_dung", None)  # the plan's words for its contents, which this lead line no longer writes

    site_2023, other = _with_results(tmp_path / "a", lambda d: None), _with_results(tmp_path / "b", other_lead)
    said = ("không phải Sổ tay tuyên truyền thực hiện Cuộc vận động đã được cấp phát mà kế hoạch nêu.",
            "; không phải sổ tay tuyên truyền mà kế hoạch ghi đã biên soạn, cấp phát")
    assert said[0] in handbook.handbook_index(site_2023)
    assert documents.handbook_metadata(site_2023, "Sổ tay").subject.endswith(said[1])
    index, subject = handbook.handbook_index(other), documents.handbook_metadata(other, "Sổ tay").subject
    assert "để cán bộ sử dụng khi tuyên truyền, vận động." in index
    assert "không phải sổ tay" not in (index + subject).lower() and "cấp phát" not in index + subject

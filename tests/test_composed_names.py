"""Where the site composes a sentence around a name from the data, the name reads as it does inside
a sentence (review r19k, defect 12): «cùng các tổ chức …», not «cùng Các tổ chức …» (a list item's
capital); a step the data already labels «Bước 1: …» is not numbered again («Bước 1. Bước 1: …»); the
site's name of an imported plan is «Kế hoạch tuyên truyền …», not «Kế hoạch Tuyên truyền …». The plan's
own text stays as written. In-process, on the 2023 plan's model with a few names changed."""

from dataclasses import replace

from macros.text import subject_after_kind as _subject_in_name  # the importer names a plan with it (kind_and_subject)
from macros.loader import load_site
from macros.render import home, timeline, units
from macros.text import in_sentence
from tests.sitebuild import ROOT

SITE = load_site(ROOT)
LOCAL = "Các tổ chức chính trị - xã hội xã"


def _section(site, kind, new):
    """`site` with its section of `kind` replaced by `new` (sections are a list, plan.muc)."""
    sections = [new if getattr(s, "loai", None) == kind else s for s in site.plan.muc]
    return replace(site, plan=site.plan.model_copy(update={"muc": sections}))


def _with_local(site, name):
    org = site.plan.to_chuc_thuc_hien
    local = org.don_vi_thuc_hien.model_copy(update={"ten": name})
    return _section(site, "to_chuc_thuc_hien", org.model_copy(update={"don_vi_thuc_hien": local}))


def test_a_counting_word_is_lower_case_inside_a_sentence():
    assert in_sentence(LOCAL) == "các tổ chức chính trị - xã hội xã"
    assert in_sentence("Những người có uy tín") == "những người có uy tín"
    assert in_sentence("Đồng chí Phó Chủ tịch") == "đồng chí Phó Chủ tịch"
    for name in ("Ban Thường trực Uỷ ban MTTQ Việt Nam các huyện, thành phố", "Văn phòng", "Cácbon"):
        assert in_sentence(name) == name


def test_the_local_bodies_name_after_other_words():
    site = _with_local(SITE, LOCAL)
    page, unit = home.home_page(site), units.unit_page(site, site.units[0].ma)
    assert "; cùng các tổ chức chính trị - xã hội xã." in page and "cùng Các" not in page
    assert "## Nhiệm vụ của các tổ chức chính trị - xã hội xã" in unit and "của Các" not in unit
    dept = SITE.department(SITE.assignment_of(SITE.units[0].ma).ban)
    org = SITE.org.model_copy(update={"ban": [d.model_copy(update={"ten": "Đồng chí Ủy viên Thường trực"}) if d == dept
                                              else d for d in SITE.org.ban]})
    assert "## Nhiệm vụ của đồng chí Ủy viên Thường trực" in units.unit_page(replace(site, org=org), site.units[0].ma)
    # the 2023 plan's name of its districts' committees keeps its capital
    assert "; cùng Ban Thường trực" in home.home_page(SITE)


def test_a_step_labelled_by_the_data_is_not_numbered_twice():
    steps = SITE.plan.cac_buoc
    labelled = [s.model_copy(update={"ten_ngan": f"Bước {i}: {s.ten_ngan}"}) for i, s in enumerate(steps.buoc, 1)]
    site = _section(SITE, "cac_buoc", steps.model_copy(update={"buoc": labelled}))
    html = timeline.timeline_html(site)
    assert "Bước 1. Bước 1" not in html and "<li>Bước 1: " in html
    assert "<li><strong>Bước 1.</strong> " in timeline.timeline_html(SITE)
    # a name that only starts with the word is numbered as before
    named = _section(SITE, "cac_buoc", steps.model_copy(update={"buoc": [
        s.model_copy(update={"ten_ngan": f"Bước mẫu {i}"}) for i, s in enumerate(steps.buoc, 1)]}))
    assert "<li><strong>Bước 1.</strong> Bước mẫu 1</li>" in timeline.timeline_html(named)


def test_the_imported_plans_name_reads_as_one_phrase():
    subject = "Tuyên truyền, vận động thực hiện Cuộc vận động “Toàn dân đoàn kết” năm 2026"
    assert _subject_in_name(subject) == "tuyên truyền, vận động thực hiện Cuộc vận động “Toàn dân đoàn kết” năm 2026"
    assert _subject_in_name("Về việc tổ chức hội nghị") == "về việc tổ chức hội nghị"
    for kept in ("Kon Tum đoàn kết", "MTTQ Việt Nam phối hợp", "Hội Nông dân tỉnh", "Tết"):
        assert _subject_in_name(kept) == kept


def test_the_plans_name_is_one_phrase_wherever_the_site_composes_it():
    """Review r19l (cosmetic): «Kế hoạch Tổ chức “Ngày hội…”» — the site's name of a plan, its home page's opening
    and its pages' description compose kind and subject, and read «Kế hoạch tổ chức “Ngày hội…”» in every path
    (macros/text.kind_and_subject); a subject that opens with a name keeps its capital."""
    from macros.render import notice
    from macros.text import kind_and_subject

    subject = "Tổ chức “Ngày hội Đại đoàn kết toàn dân tộc” ở các tổ dân phố năm 2026"
    named = "Kế hoạch tổ chức “Ngày hội Đại đoàn kết toàn dân tộc” ở các tổ dân phố năm 2026"
    assert kind_and_subject("Kế hoạch", subject) == named
    assert kind_and_subject("Kế hoạch", "Kon Tum đoàn kết") == "Kế hoạch Kon Tum đoàn kết"
    assert kind_and_subject("", subject) == subject and kind_and_subject("Kế hoạch", "") == "Kế hoạch"
    doc = SITE.plan.van_ban.model_copy(update={"trich_yeu": subject})
    site = replace(SITE, plan=SITE.plan.model_copy(update={"van_ban": doc}))
    assert notice.plan_description(site) == named + "."
    assert home.home_page(site).startswith(named + ".") or f"\n{named}." in home.home_page(site)
    import io

    from docx import Document

    from macros.exports.plan_docx import plan_docx
    assert Document(io.BytesIO(plan_docx(site))).core_properties.title == named  # the Word file's title
    kept = replace(SITE, plan=SITE.plan.model_copy(update={"van_ban": doc.model_copy(update={"trich_yeu": "Kon Tum đoàn kết"})}))
    assert "Kế hoạch Kon Tum đoàn kết." in home.home_page(kept) and "kon Tum" not in home.home_page(kept)

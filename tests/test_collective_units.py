"""Issue 19, review r19s defect 7: a plan that names its units only together («các ấp», «các thôn»)
gives the task to a body in those words; the check accepts them for the body given every unit of that
level, instead of asking the editor to add each name (which the verbatim rule then refuses)."""

from macros.crosschecks import check_assignments
from macros.loader import load_site
from tests.sitebuild import ROOT


class _Src:
    def error(self, path, message, **kw):
        return message


def _with_one_body(site, nhiem_vu: str, codes: list[str]):
    section = site.plan.to_chuc_thuc_hien
    first, *rest = section.phan_cong
    tasks = [first.model_copy(update={"nhiem_vu": nhiem_vu, "don_vi": codes}),
             *(a.model_copy(update={"don_vi": []}) for a in rest)]
    new = section.model_copy(update={"phan_cong": tasks})
    return site.plan.model_copy(update={"muc": [new if s is section else s for s in site.plan.muc]})


def _level(site):
    """The level most of the plan's units have («huyện» beside one «thành phố»)."""
    caps = [u.cap for u in site.units_file.don_vi]
    return max(caps, key=caps.count)


def _unnamed(site, plan):
    return [m for m in check_assignments(site.units_file, site.org, plan, _Src()) if "không nhắc đến" in str(m)]


def test_units_named_together_are_covered():
    site = load_site(ROOT)
    level = _level(site)
    codes = [u.ma for u in site.units_file.don_vi]
    others = [u for u in site.units_file.don_vi if u.cap != level]
    plan = _with_one_body(site, f"Hướng dẫn Ban Công tác Mặt trận các {level} tổ chức tuyên truyền.", codes)
    assert len(_unnamed(site, plan)) == len(others)  # a unit of another level is not named by «các <level>»
    if others:
        plan = _with_one_body(site, f"Hướng dẫn các {level}, {others[0].cap} tổ chức tuyên truyền.", codes)
        assert len(_unnamed(site, plan)) == len([u for u in others if u.cap != others[0].cap])


def test_units_named_together_do_not_cover_a_body_given_only_some():
    site = load_site(ROOT)
    level = _level(site)
    codes = [u.ma for u in site.units_file.don_vi if u.cap == level][:2]
    plan = _with_one_body(site, f"Hướng dẫn các {level} tổ chức tuyên truyền.", codes)
    assert len(_unnamed(site, plan)) == 2


def test_a_word_that_only_begins_like_the_level_names_nothing():
    site = load_site(ROOT)
    level = _level(site)
    codes = [u.ma for u in site.units_file.don_vi]
    plan = _with_one_body(site, f"Hướng dẫn các {level}x tổ chức tuyên truyền.", codes)
    assert len(_unnamed(site, plan)) == len(codes)


def test_a_document_without_number_or_date_is_not_called_issued():
    """Review r19s defect 11: an unsigned draft with no number and no date was «toàn văn văn bản đã ban hành»."""
    import dataclasses

    from macros.render.notice import Kind, one_line, provenance_text

    site = load_site(ROOT)
    assert "đã ban hành" in provenance_text(site, Kind.PLAN) + one_line(site, Kind.PLAN)
    assert not site.plan.van_ban.so and not site.plan.van_ban.ngay_ban_hanh  # signed, neither number nor date
    sign = site.plan.chu_ky.model_copy(update={"nguoi_ky": ""})  # «(Đã ký)» kept, above no name
    unsigned = dataclasses.replace(site, plan=site.plan.model_copy(update={"chu_ky": sign}))
    for kind in (Kind.PLAN, Kind.REFERENCE):
        said = provenance_text(unsigned, kind) + one_line(unsigned, kind)
        assert "đã ban hành" not in said, said
        assert "toàn văn" in said.lower() or "chép đúng văn bản" in said, said

"""Cross-checks of the handbook data: a chapter's topic exists, every document
a chapter cites is in data/van-ban.yaml, the plan's basis document is listed
there with the same date, codes and abbreviations are unique."""

import re

from .crosschecks import _names, check_placeholder_sections, check_placeholders, near_miss, unique
from .dates import format_date
from .errors import DataError
from .text import canon


def check_references(refs, src) -> list[DataError]:
    return (unique(refs.van_ban, lambda r: r.ma, src, ("van_ban",), "Mã văn bản")
            + unique(refs.van_ban, lambda r: r.so, src, ("van_ban",), "Số văn bản"))


def check_glossary(glossary, src) -> list[DataError]:
    return unique(glossary.thuat_ngu, lambda t: t.viet_tat, src, ("thuat_ngu",), "Chữ viết tắt")


def check_plan_basis(plan, refs, src, files: dict | None = None) -> list[DataError]:
    """The plan's "Căn cứ …" documents must be in the list of verified documents."""
    where = _names(files, "references")
    errors = []
    by_number = {r.so: r for r in refs.van_ban}
    for i, doc in enumerate(plan.can_cu):
        if not hasattr(doc, "so"):
            continue  # a basis line kept as written («Căn cứ …;»): nothing to match
        ref = by_number.get(doc.so)
        if ref is None:
            errors.append(src.error(("can_cu", i, "so"), f"Văn bản «{doc.so}» chưa có trong {where}.",
                                    found=doc.so, hint=f"thêm văn bản (số, ngày đã đối chiếu) vào {where}."))
        elif ref.ngay != doc.ngay:
            shown = format_date(ref.ngay) if ref.ngay else "chưa ghi"
            errors.append(src.error(("can_cu", i, "ngay"), f"Ngày khác với {where} ({shown}).",
                                    found=format_date(doc.ngay), hint="sửa cho hai nơi ghi cùng một ngày."))
    return errors


def check_chapters(chapters: dict, plan, refs, sources, files: dict | None = None) -> list[DataError]:
    plan_file, where = _names(files, "plan"), _names(files, "references")
    errors = []
    topics = [t.ma for t in plan.noi_dung.muc] if plan.noi_dung is not None else []
    ref_codes = [r.ma for r in refs.van_ban]
    owner: dict[str, str] = {}
    for stem, chapter in chapters.items():
        src = sources[f"chapters/{stem}"]
        errors += _chapter_title(chapter, stem, plan, src, plan_file)
        if chapter.chu_de is not None:
            if chapter.chu_de not in topics:
                errors.append(src.error(("chu_de",), f"Không có nội dung mã «{chapter.chu_de}» trong {plan_file}.",
                                        found=chapter.chu_de, hint=near_miss(chapter.chu_de, topics, "noi_dung › muc")))
            elif chapter.chu_de != stem:
                errors.append(src.error(("chu_de",), f"Tên tệp phải trùng mã nội dung: đổi tên tệp thành «{chapter.chu_de}.yaml».",
                                        found=chapter.chu_de))
            elif chapter.chu_de in owner:
                errors.append(src.error(("chu_de",), f"Nội dung này đã có chương ở tệp {owner[chapter.chu_de]}.yaml."))
            owner.setdefault(chapter.chu_de, stem)
        elif stem in topics:
            errors.append(src.error(("chu_de",), f"Tệp mang tên nội dung «{stem}» nhưng thiếu trường chu_de.",
                                    hint=f"thêm dòng «chu_de: {stem}»."))
        for i, code in enumerate(chapter.tai_lieu):
            if code not in ref_codes:
                errors.append(src.error(("tai_lieu", i), f"Không có văn bản mã «{code}» trong {where}.",
                                        found=code, hint=near_miss(code, ref_codes, where)))
        errors += check_placeholders(src)
    return errors


def _chapter_title(chapter, stem: str, plan, src, plan_file: str = "data/ke-hoach.yaml") -> list[DataError]:
    """A general chapter needs its `ten`; a topic's chapter is titled by the topic's
    ten_ngan, so a `ten` there would be read and never shown: it must repeat ten_ngan. A topic
    without ten_ngan (optional) is titled by its chapter's `ten` when written (Site.topic_title: the editor
    who wrote it sees it), else by the plan's own words (Topic.display_name); the `ten` is not compared
    with words nobody wrote as a name (review bad10 N40–N42: the error was at the untouched chapter,
    quoting noi_dung as if it were ten_ngan)."""
    if chapter.chu_de is None:
        if chapter.ten is None:
            return [src.error((), "Thiếu trường bắt buộc «ten» (tên chương).",
                              hint="thêm dòng «ten: …» ở đầu tệp.")]
        return []
    topics = plan.noi_dung.muc if plan.noi_dung is not None else []
    topic = next((t for t in topics if t.ma == chapter.chu_de), None)
    if topic is not None and topic.ten_ngan and chapter.ten is not None and chapter.ten != topic.ten_ngan:
        return [src.error(("ten",), f"Tên «{chapter.ten}» không hiện ở đâu: trang của nội dung «{chapter.chu_de}» "
                                    f"lấy tên từ {plan_file} (noi_dung › muc › ten_ngan: «{topic.ten_ngan}»).",
                          found=chapter.ten,
                          hint=f"xóa dòng «ten», hoặc sửa ten_ngan trong {plan_file} nếu muốn đổi tên trang.")]
    return []


NEEDS = ("references", "glossary", "plan", "chapters")  # and the toolkit, when the plan has one


def check_department_abbreviations(org, glossary, src) -> list[DataError]:
    """A department's viet_tat is shown only through the glossary (tooltips, the
    abbreviations page): one missing there, or meaning something else, is read
    and never shown."""
    from .text import fold

    errors = []
    meanings = {t.viet_tat: t.nghia for t in glossary.thuat_ngu}
    for i, dept in enumerate(org.ban):
        if dept.viet_tat is None:
            continue
        meaning = meanings.get(dept.viet_tat)
        if meaning is None:
            errors.append(src.error(("ban", i, "viet_tat"), f"Chữ viết tắt «{dept.viet_tat}» không có trong "
                                    "data/thuat-ngu.yaml nên không hiện ở đâu.", found=dept.viet_tat,
                                    hint=f"thêm «- viet_tat: {dept.viet_tat}» với «nghia: {dept.ten}» vào "
                                         "data/thuat-ngu.yaml, hoặc xóa dòng viet_tat."))
        elif fold(meaning) != fold(dept.ten):
            errors.append(src.error(("ban", i, "viet_tat"), f"Chữ viết tắt «{dept.viet_tat}» trong data/thuat-ngu.yaml "
                                    f"có nghĩa «{meaning}», không phải «{dept.ten}».", found=dept.viet_tat,
                                    hint="sửa cho hai nơi khớp nhau."))
    return errors


def check_survey_step(toolkit, plan, src, plan_file: str = "data/ke-hoach.yaml") -> list[DataError]:
    """khao_sat › buoc names a step the plan has (the survey form prints that step's words). A plan
    without a steps section prints the form without a step (render/toolkit.survey_step): no error then."""
    n = toolkit.khao_sat.buoc
    if n is None or plan.cac_buoc is None:
        return []
    if n <= len(plan.cac_buoc.buoc):
        return _survey_step_words(toolkit, plan, src, n)
    return [src.error(("khao_sat", "buoc"), f"Kế hoạch không có bước {n}: {plan_file} › cac_buoc có "
                                            f"{len(plan.cac_buoc.buoc)} bước.", found=str(n),
                      hint="ghi số thứ tự của bước khảo sát trong kế hoạch, hoặc xóa dòng «buoc».")]


def _survey_step_words(toolkit, plan, src, n: int) -> list[DataError]:
    """The step the form cites shares the form's title words at least as much as any other step:
    another step sharing strictly more is the one meant (review bad11 v06: the conference step was
    printed as the survey's basis)."""
    title = toolkit.khao_sat.tieu_de or ""
    words = {w for w in re.findall(r"\w+", canon(title)) if len(w) > 1}
    if not words:
        return []
    shared = [len(words & set(re.findall(r"\w+", canon(step.noi_dung)))) for step in plan.cac_buoc.buoc]
    best = max(shared)
    if shared[n - 1] >= best or shared.count(best) > 1:
        return []
    m = shared.index(best) + 1
    return [src.error(("khao_sat", "buoc"), f"Phiếu «{title}» trích bước {n} của kế hoạch, nhưng bước {m} mới là bước "
                                            f"nói về việc này («{plan.cac_buoc.buoc[m - 1].noi_dung[:80]}…»).",
                      found=str(n), hint=f"có phải bước {m}? Ghi số thứ tự của bước mà phiếu làm theo.")]


def cross_check(models: dict, sources: dict, files: dict | None = None) -> list[DataError]:
    refs = models["references"]
    if "org" in models:
        extra = check_department_abbreviations(models["org"], models["glossary"], sources["org"])
    else:
        extra = []
    return extra + (check_references(refs, sources["references"]) + check_glossary(models["glossary"], sources["glossary"])
            + check_plan_basis(models["plan"], refs, sources["plan"], files)
            + check_chapters(models["chapters"], models["plan"], refs, sources, files)
            + (check_placeholders(sources["toolkit"]) if "toolkit" in sources else [])
            + (check_survey_step(models["toolkit"], models["plan"], sources["toolkit"], _names(files, "plan"))
               if "toolkit" in models else [])
            + [e for name, src in sources.items() if name.startswith("chapters/") or name == "toolkit"
               for e in check_placeholder_sections(models["plan"], src)])

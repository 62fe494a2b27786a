"""What happened after the plan, and who wrote what.

- data/thay-doi-hanh-chinh.yaml: later administrative changes, each with its
  date and source document. The status notice (render/notice.py) is made from
  them and from the plan's period, never from the build clock, so a build stays
  byte-identical and claims no knowledge of "today".
- data/bien-soan.yaml: who compiled the reference material, and the one
  spelling the site's own text uses for a name written two ways.
- Provenance: every page and PDF is either the plan's text as issued
  (Kind.PLAN) or reference material compiled from it (Kind.REFERENCE).
"""

import enum
import re

from pydantic import Field

from .dates import format_date
from .errors import DataError
from .fieldtypes import DATE_HOW, Date, Text
from .model import Strict

# --- data/thay-doi-hanh-chinh.yaml --------------------------------------------


class ChangeSource(Strict):
    loai: Text = Field(description="Loại văn bản: Nghị quyết, Quyết định, Luật…")
    so: Text = Field(description="Số và ký hiệu, đúng như văn bản: 202/2025/QH15.")
    ngay: Date = Field(description=f"Ngày ban hành, {DATE_HOW}.")
    co_quan: Text = Field(description="Cơ quan ban hành: Quốc hội.")
    noi_dung: Text = Field(description="Văn bản này quy định gì liên quan đến thay đổi, viết thường ở đầu câu: "
                                       "«sửa đổi, bổ sung một số điều của Hiến pháp…».")
    doi_chieu: Text = Field(description="Nơi đã đối chiếu văn bản (địa chỉ trang văn bản hoặc bài đăng của cơ quan "
                                        "nhà nước). Chỉ để người biên tập kiểm tra lại; không in ra trang.")


class Change(Strict):
    ngay: Date = Field(description=f"Ngày thay đổi có hiệu lực, {DATE_HOW}. Phải sau ngày kết thúc kế hoạch.")
    noi_dung: Text = Field(description="Thay đổi, viết thường ở đầu câu: «không còn cấp huyện…».")
    can_cu: list[ChangeSource] = Field(min_length=1, description="Văn bản làm căn cứ (ít nhất một).")


class ChangesFile(Strict):
    thay_doi: list[Change] = Field(min_length=1, description="Các thay đổi hành chính sau kế hoạch, theo thứ tự ngày.")


# --- data/bien-soan.yaml -----------------------------------------------------------


class Spelling(Strict):
    dung: Text = Field(description="Cách viết website dùng: Ủy.")
    khong_dung: list[Text] = Field(min_length=1, description="Các cách viết được thay bằng cách viết trên: [Uỷ].")


class EditorialFile(Strict):
    bien_soan: Text = Field(description="Người biên soạn phần tài liệu tham khảo (không ghi cơ quan ban hành kế hoạch).")
    cach_viet: list[Spelling] = Field(default=[], description="Cách viết thống nhất trong phần chữ của website.")


# --- provenance ----------------------------------------------------------------------


class Kind(enum.Enum):
    PLAN = "van-ban"  # the plan's text as issued: the plan page and its PDF only
    REFERENCE = "tham-khao"  # compiled from the plan for reference; not an official document


def source_line(src: ChangeSource, brief: bool = False) -> str:
    """"<loai> số <so> ngày <ngay> của <co_quan> (<noi_dung>)": "Nghị quyết số … ngày … của Quốc hội (…)";
    `brief`: without what it did (a printout with little room)."""
    cited = f"{src.loai} số {src.so} ngày {format_date(src.ngay)} của {src.co_quan}"
    return cited if brief else f"{cited} ({src.noi_dung})"


def respell(text: str, editorial: EditorialFile) -> str:
    """The site's own text with the one spelling chosen in data/bien-soan.yaml."""
    for choice in editorial.cach_viet:
        for other in choice.khong_dung:
            text = re.sub(re.escape(other), choice.dung, text)
    return text


def check_changes(changes: ChangesFile, plan, src) -> list[DataError]:
    """Each change is later than the plan's end, and no earlier than its source."""
    errors = []
    if plan.thoi_gian_dia_diem is None:  # a plan without a period: nothing to compare
        return errors
    end = plan.thoi_gian_dia_diem.ket_thuc.last_day
    for i, change in enumerate(changes.thay_doi):
        if change.ngay <= end:
            errors.append(src.error(("thay_doi", i, "ngay"),
                                    f"Ngày thay đổi {format_date(change.ngay)} không sau ngày kết thúc kế hoạch "
                                    f"({plan.thoi_gian_dia_diem.ket_thuc.words}).",
                                    found=format_date(change.ngay),
                                    hint="tệp này chỉ ghi thay đổi sau thời gian thực hiện kế hoạch."))
        for j, source in enumerate(change.can_cu):
            if source.ngay > change.ngay:
                errors.append(src.error(("thay_doi", i, "can_cu", j, "ngay"),
                                        f"Văn bản căn cứ ban hành ngày {format_date(source.ngay)}, sau ngày thay đổi "
                                        f"có hiệu lực ({format_date(change.ngay)}).",
                                        found=format_date(source.ngay), hint="kiểm tra lại hai ngày này."))
    return errors


def check_spelling(editorial: EditorialFile, src) -> list[DataError]:
    errors = []
    for i, choice in enumerate(editorial.cach_viet):
        for j, other in enumerate(choice.khong_dung):
            if other == choice.dung or other in choice.dung:
                errors.append(src.error(("cach_viet", i, "khong_dung", j),
                                        f"Cách viết «{other}» nằm trong cách viết chọn dùng «{choice.dung}».",
                                        found=other, hint="mỗi mục: một cách viết dùng, các cách viết khác nó."))
    # Rules apply in order: one that rewrites what another chose undoes it (Uỷ→Ủy, then Ủy→Uỷ).
    replaced: dict[str, int] = {}
    for i, choice in enumerate(editorial.cach_viet):
        for j, other in enumerate(choice.khong_dung):
            undone = next((k for k, c in enumerate(editorial.cach_viet) if k != i and other in c.dung), None)
            if undone is not None:
                errors.append(src.error(("cach_viet", i, "khong_dung", j),
                                        f"Hai quy tắc ngược nhau: mục {i + 1} thay «{other}» bằng «{choice.dung}», "
                                        f"nhưng «{other}» nằm trong cách viết chọn dùng «{editorial.cach_viet[undone].dung}» "
                                        f"của mục {undone + 1}.", found=other,
                                        hint="giữ một trong hai quy tắc: mỗi cách viết chỉ được chọn dùng hoặc thay đi, "
                                             "không cả hai."))
            elif other in replaced and replaced[other] != i:
                errors.append(src.error(("cach_viet", i, "khong_dung", j),
                                        f"Cách viết «{other}» đã được thay ở mục {replaced[other] + 1}.", found=other,
                                        hint="xóa một trong hai lần ghi."))
            replaced.setdefault(other, i)
    return errors


def cross_check(models: dict, sources: dict) -> list[DataError]:
    """The checks of the two files above whose inputs validated (names as in site.FILES)."""
    errors = []
    if "changes" in models and "plan" in models:
        errors += check_changes(models["changes"], models["plan"], sources["changes"])
    if "editorial" in models:
        errors += check_spelling(models["editorial"], sources["editorial"])
    return errors

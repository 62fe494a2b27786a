"""The typed shape of a unit's results (data/<plan>/ket-qua/<unit code>.yaml) and of
the compiled report's own data (data/<plan>/bao-cao.yaml).

Every field but the unit code is optional: a unit that has only chosen its
communes is "đang thực hiện"; the report date makes it "đã báo cáo".
"""

import re
import unicodedata
from typing import Annotated

from pydantic import Field, WithJsonSchema

from ..limits import MAX_LIST, MAX_RESULT_ITEMS
from ..fieldtypes import DATE_HOW, at_most, Code, Date, Int, Money, OptionalDate, OptionalText, Text
from ..model import Strict


# Who the results count apart among a conference's attendees (so_nguoi_dtts), when the plan
# does not say (ke-hoach.yaml › cuoc_van_dong › doi_tuong): a plain description of the field.
COUNTED_DEFAULT = "thuộc đối tượng vận động"


def counted_group(plan) -> tuple[str, str]:
    """(full, short) words for the attendees counted apart, as the plan calls them
    (cuoc_van_dong › doi_tuong, doi_tuong_viet_tat): pages write "người <full>", tables "<short>"."""
    campaign = plan.cuoc_van_dong
    full = (campaign.doi_tuong if campaign is not None else None) or COUNTED_DEFAULT
    short = (campaign.doi_tuong_viet_tat if campaign is not None else None) or full
    return full, short


def counts_group(plan) -> bool:
    """Whether the plan names a group its results count apart (cuoc_van_dong › doi_tuong or
    doi_tuong_viet_tat). None named: no count is asked, read or published (review r19o, defect 3)."""
    campaign = plan.cuoc_van_dong
    return campaign is not None and bool(campaign.doi_tuong or campaign.doi_tuong_viet_tat)


# What a unit did with the plan's contents at a conference, when the plan's own title of its contents section
# says it («NỘI DUNG TUYÊN TRUYỀN, VẬN ĐỘNG»: «tuyên truyền»): the word right after «nội dung», up to a comma.
# Any other title («NỘI DUNG HOẠT ĐỘNG»: a noun; «Thăm hỏi, tặng quà» is no propaganda) gets the neutral word.
CONTENT_ACTIONS = ("tuyên truyền", "vận động", "giám sát", "phổ biến", "tập huấn")
CONTENT_DONE_DEFAULT = "thực hiện"


def contents_done(plan) -> str:
    """«tuyên truyền» where the plan's contents section is titled «Nội dung tuyên truyền…», another action its
    title names so (CONTENT_ACTIONS), else «thực hiện»: columns write «Nội dung đã <this>» (review r19o, defect 3)."""
    section = getattr(plan, "noi_dung", None)
    title = " ".join(unicodedata.normalize("NFC", getattr(section, "tieu_de", "") or "").lower().split())
    found = re.match(r"nội dung (?P<words>[^,;:.()]+)", title)
    words = found.group("words").strip() if found else ""
    return next((a for a in CONTENT_ACTIONS if words == a or words.startswith(a + " ")), CONTENT_DONE_DEFAULT)


def has_survey(site) -> bool:
    """Whether the plan has a survey step the results record: the toolkit names it (bo-cong-cu.yaml ›
    khao_sat › buoc). None: no «Ngày khảo sát», «Kết quả khảo sát» anywhere (review r19o, defect 3)."""
    return site.toolkit is not None


def has_selection(site) -> bool:
    """Whether each unit chooses places to work in (don-vi.yaml › dia_ban_chon, as the plan says)."""
    return bool(site.units_file.dia_ban_chon)


class Area(Strict):
    xa: Text = Field(description="Tên nơi đơn vị chọn, ở cấp kế hoạch ghi (don-vi.yaml › dia_ban_chon: xã, phường…).")
    khu_dan_cu: Annotated[list[Text], *at_most(MAX_RESULT_ITEMS)] = Field(default=[], description="Các nơi được chọn ở xã này (thôn, làng, tổ dân phố…), như kế hoạch gọi.")


class Survey(Strict):
    ngay: Date = Field(description=f"Ngày khảo sát, {DATE_HOW}.")
    ket_qua: Text = Field(description="Điều khảo sát thấy (đời sống, tập quán, kinh tế, văn hóa, xã hội), chép từ báo cáo.")


class Conference(Strict):
    ngay: Date = Field(description=f"Ngày tổ chức hội nghị, {DATE_HOW}.")
    dia_diem: Text = Field(description="Nơi tổ chức hội nghị (nhà văn hóa… của thôn, làng, tổ dân phố nào).")
    so_nguoi: Int = Field(ge=0, description="Tổng số người dự.")
    # Asked only of a plan that names a group to count apart (counts_group; CountedConference makes it
    # compulsory there): the schema, shared by every plan, says what every plan's loader accepts.
    so_nguoi_dtts: Annotated[Int, Field(ge=0), WithJsonSchema({"type": "integer", "minimum": 0})] | None = Field(default=None, description=(
        "Trong đó, số người thuộc đối tượng kế hoạch đếm riêng (ke-hoach.yaml › cuoc_van_dong › doi_tuong): bắt "
        "buộc khi kế hoạch nêu đối tượng đó; kế hoạch không nêu thì không ghi trường này."))
    noi_dung: Annotated[list[Text], *at_most(MAX_RESULT_ITEMS)] = Field(min_length=1, description="Mã các nội dung (phần nội dung của kế hoạch) đã thực hiện ở hội nghị (noi_dung › muc › ma trong data/<kế hoạch>/ke-hoach.yaml).")


class Expense(Strict):
    so_tien: Money = Field(description="Số tiền đã chi (đồng), viết liền: 2500000.")
    chung_tu: Text = Field(description="Số hiệu chứng từ (phiếu chi, hóa đơn…).")
    noi_dung: OptionalText = Field(default="", description="Chi cho việc gì (không bắt buộc).")


class Spending(Strict):
    chi: Annotated[list[Expense], *at_most(MAX_RESULT_ITEMS)] = Field(default=[], description="Các khoản đã chi, mỗi khoản một mục.")
    giai_trinh: OptionalText = Field(default="", description="Ghi chú của đơn vị về kinh phí, nếu có.")


class ReportSent(Strict):
    ngay_gui: Date = Field(description=f"Ngày gửi báo cáo kết quả, {DATE_HOW}.")
    ban: OptionalText = Field(default="", description=(
        "Mã ban gửi báo cáo, trong data/<kế hoạch>/co-quan.yaml; chỉ ghi khi kế hoạch giao các ban báo cáo "
        "(bao_cao › nguoi_gui: ban), không ghi khi đơn vị tự gửi hoặc kế hoạch không nói ai gửi."))


class UnitResults(Strict):
    don_vi: Code = Field(description="Mã đơn vị (data/<kế hoạch>/don-vi.yaml), trùng tên tệp: \"610\" cho data/<kế hoạch>/ket-qua/610.yaml.")
    dia_ban: Annotated[list[Area], *at_most(MAX_RESULT_ITEMS)] = Field(default=[], description="Các nơi đơn vị chọn (don-vi.yaml › dia_ban_chon) và các nơi được chọn ở mỗi nơi; chỉ khi kế hoạch có việc chọn địa bàn.")
    khao_sat: Survey | None = Field(default=None, description="Khảo sát (bước khảo sát của kế hoạch).")
    hoi_nghi: Annotated[list[Conference], *at_most(MAX_RESULT_ITEMS)] = Field(default=[], description="Các hội nghị đã tổ chức (bước hội nghị của kế hoạch).")
    kinh_phi: Spending = Field(default_factory=Spending, description="Kinh phí đã chi.")
    bao_cao: ReportSent | None = Field(default=None, description="Báo cáo kết quả đã gửi (ngày, ban gửi).")

    @property
    def spent(self) -> int:
        return sum(e.so_tien for e in self.kinh_phi.chi)

    @property
    def attendance(self) -> int:
        return sum(c.so_nguoi for c in self.hoi_nghi)

    @property
    def attendance_minority(self) -> int:
        return sum(c.so_nguoi_dtts or 0 for c in self.hoi_nghi)


class CountedConference(Conference):
    """A conference of a plan that names a group to count apart (counts_group): the count is compulsory."""
    so_nguoi_dtts: Int = Field(ge=0, description=(
        "Trong đó, số người thuộc đối tượng kế hoạch đếm riêng (ke-hoach.yaml › cuoc_van_dong › doi_tuong)."))


class CountedUnitResults(UnitResults):
    """UnitResults of a plan that names a group to count apart (counts_group)."""
    hoi_nghi: Annotated[list[CountedConference], *at_most(MAX_RESULT_ITEMS)] = Field(default=[], description="Các hội nghị đã tổ chức (bước hội nghị của kế hoạch).")


def results_model(plan) -> type[UnitResults]:
    """The model a unit's results are read with: the count apart compulsory only when the plan names the
    group. UnitResults (schema/ket-qua.schema.json) requires what every plan's model requires."""
    return CountedUnitResults if counts_group(plan) else UnitResults


class Signer(Strict):
    quyen_han: OptionalText = Field(default="", description=(
        "TM. BAN THƯỜNG TRỰC; \"\" khi kế hoạch chưa ghi (bản nhập tự động chưa đọc được phần ký)."))
    chuc_vu: OptionalText = Field(default="", description="Chức vụ người ký; \"\" khi chưa biết.")
    nguoi_ky: OptionalText = Field(default="", description="Họ tên người ký; \"\" khi chưa biết.")


class CompiledReportFile(Strict):
    """data/<plan>/bao-cao.yaml: the compiled report's own facts, none of them invented."""
    ky_hieu: Text = Field(description="Ký hiệu của báo cáo: BC-MTTQ-BTT.")
    so: OptionalText = Field(default="", description="Số báo cáo; \"\" khi chưa ban hành.")
    ngay_ban_hanh: OptionalDate = Field(default=None, description="Ngày ban hành; \"\" khi chưa ban hành.")
    da_ban_hanh: bool = Field(default=False, description="true khi Ban Thường trực đã ký ban hành; false: bản in có chữ «Dự thảo».")
    ky: Signer
    noi_nhan: Annotated[list[Text], *at_most(MAX_LIST)] = Field(default=[], description="Nơi nhận, mỗi nơi một mục (không kể dòng Lưu).")
    luu: Annotated[list[Text], *at_most(MAX_LIST)] = Field(min_length=1, description="Nơi lưu: VT, BPT.")

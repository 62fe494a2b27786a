"""The typed shape of each file in data/. Field names are those editors write;
descriptions are Vietnamese and become hover help through the JSON Schema.

Cross-file checks (a unit named in the plan exists, each unit assigned once,
totals agree…) live in crosschecks.py; derived values in site.py.
"""

# Definitions (ma) use Code; references to them are Text, so that a wrong
# reference ("Dak Glei" for "610") reaches the cross-check that can suggest the code.
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .limits import MAX_LIST, MAX_OTHER_NAMES, MAX_UNITS
from .fieldtypes import at_most, Code, Date, Int, Money, MonthValue, Name, OptionalDate, OptionalText, PlainText, Prefix, Text


class Strict(BaseModel):
    # Unknown keys are errors: a misspelt field must not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- data/<kế hoạch>/don-vi.yaml -------------------------------------------------------

class Unit(Strict):
    ma: Code = Field(description="Mã đơn vị (mã Tổng cục Thống kê), trong dấu nháy: \"610\".")
    cap: Name = Field(description="Cấp hành chính, viết thường: huyện, thành phố, xã…")
    ten: Name = Field(description="Tên dùng tại địa phương và trong kế hoạch: Đăk Glei.")
    ten_chinh_thuc: Name = Field(description="Tên theo danh mục hành chính: Huyện Đắk Glei.")
    ten_khac: Annotated[list[Name], *at_most(MAX_OTHER_NAMES)] = Field(default=[], description="Các cách viết khác người đọc hay gõ.")


class UnitsFile(Strict):
    tinh: Text = Field(description="Tỉnh của các đơn vị.")
    don_vi: Annotated[list[Unit], *at_most(MAX_UNITS)] = Field(min_length=1, description="Các đơn vị thực hiện kế hoạch.")


# --- data/<kế hoạch>/co-quan.yaml ------------------------------------------------------

class Department(Strict):
    ma: Code = Field(description="Mã ngắn của ban: ban-phong-trao.")
    ten: Name = Field(description="Tên ban, viết như trong kế hoạch.")
    viet_tat: Name | None = Field(default=None, description="Chữ viết tắt, nếu kế hoạch dùng.")


class OrgFile(Strict):
    co_quan_cap_tren: Text = Field(description="Cơ quan cấp trên, viết hoa như ở đầu văn bản.")
    co_quan_ban_hanh: Text = Field(description="Cơ quan ban hành, viết hoa như ở đầu văn bản.")
    ten_day_du: Text = Field(description="Tên đầy đủ của cơ quan ban hành (tác giả văn bản).")
    dia_danh: Text = Field(description="Địa danh ghi trước ngày tháng: Kon Tum.")
    ban: Annotated[list[Department], *at_most(MAX_LIST)] = Field(min_length=1, description="Các ban, văn phòng được giao việc.")
    quoc_hieu: Text = Field(description="Quốc hiệu ở đầu văn bản.")
    tieu_ngu: Text = Field(description="Tiêu ngữ dưới quốc hiệu.")


# --- data/<kế hoạch>/ke-hoach.yaml -----------------------------------------------------

class DocumentInfo(Strict):
    loai: Text = Field(description="Loại văn bản: Kế hoạch.")
    so: OptionalText = Field(description="Số văn bản; để \"\" khi chưa có số.")
    ky_hieu: Text = Field(description="Ký hiệu: KH-MTTQ-BTT.")
    ngay_ban_hanh: OptionalDate = Field(description="Ngày ban hành; \"\" khi chưa có.")
    nam: Int = Field(ge=1945, le=2100, description="Năm của kế hoạch.")
    trich_yeu: Text = Field(description="Trích yếu (tên) của kế hoạch.")


class Campaign(Strict):
    ten: Text = Field(description="Tên đầy đủ của Cuộc vận động.")
    ten_ngan: Text = Field(description="Tên gọi tắt.")


class BasisDocument(Strict):
    loai: Text = Field(description="Loại văn bản căn cứ: Kế hoạch, Quyết định…")
    so: Text = Field(description="Số và ký hiệu: 357/KH-MTTQ-BTT.")
    ngay: Date
    co_quan: Text = Field(description="Cơ quan ban hành văn bản căn cứ.")
    trich_yeu: Text


class Purposes(Strict):
    tieu_de: Text
    muc: Annotated[list[Text], *at_most(MAX_LIST)] = Field(min_length=1)


class Topic(Strict):
    ma: Code = Field(description="Mã dùng làm địa chỉ trang Sổ tay.")
    ten_ngan: Name = Field(description="Tên ngắn hiện trên thanh điều hướng.")
    noi_dung: Text = Field(description="Nội dung, chép đúng kế hoạch.")


class Contents(Strict):
    tieu_de: Text
    loi_dan: Text
    muc: Annotated[list[Topic], *at_most(MAX_LIST)] = Field(min_length=1)


class Step(Strict):
    ten_ngan: Text
    noi_dung: Text = Field(description="Có thể dùng chỗ trống {so_hoi_nghi}.")


class Conferences(Strict):
    # The plan: "Tổ chức từ 02 đến 04 hội nghị … tại các khu dân cư": not a count per unit.
    toi_thieu: Int = Field(ge=1, description="Số hội nghị ít nhất, như kế hoạch ghi («từ 02 …»).")
    toi_da: Int = Field(ge=1, description="Số hội nghị nhiều nhất, như kế hoạch ghi («… đến 04»).")


class Steps(Strict):
    tieu_de: Text
    buoc: Annotated[list[Step], *at_most(MAX_LIST)] = Field(min_length=1)
    hoi_nghi: Conferences


class Period(Strict):
    tieu_de: Text
    bat_dau: MonthValue
    ket_thuc: Date


class Budget(Strict):
    tieu_de: Text
    nguon: Text = Field(description="Nguồn kinh phí.")
    dinh_muc: Money = Field(description="Kinh phí cho mỗi đơn vị (đồng).")
    rieng: dict[Name, Money] = Field(default={}, description="Mức riêng cho một số đơn vị: mã: số tiền.")
    tong: Money | None = Field(default=None, description="Không bắt buộc; nếu ghi, phải bằng tổng tính được.")
    tong_bang_chu: Text | None = Field(default=None, description="Không bắt buộc; nếu ghi, phải khớp số tiền bằng chữ.")


class Assignment(Strict):
    ban: Name = Field(description="Mã ban trong data/<kế hoạch>/co-quan.yaml.")
    tieu_de: Text | None = Field(default=None, description="Tiêu đề mục, chép đúng kế hoạch kể cả dấu câu "
                                                           "(«Văn phòng:»); bỏ trống thì dùng tên ban.")
    nhiem_vu: Text = Field(description="Nhiệm vụ, chép đúng kế hoạch; phải nhắc tên từng đơn vị được giao.")
    don_vi: Annotated[list[Name], *at_most(MAX_UNITS)] = Field(min_length=1, description="Mã các đơn vị ban này phối hợp.")


class Report(Strict):
    tieu_de: Text = Field(default="* Ghi chú:", description="Chữ mở đầu, chép đúng kế hoạch: «* Ghi chú:».")
    noi_nhan: Name = Field(description="Mã ban nhận báo cáo (ban tổng hợp báo cáo toàn tỉnh).")
    han: Date = Field(description="Hạn gửi báo cáo.")
    loi_van: Text = Field(description="Có thể dùng {noi_nhan_bao_cao} và {han_bao_cao}.")


class LocalCommittees(Strict):
    ten: Text
    tieu_de: Text | None = Field(default=None, description="Tiêu đề mục, chép đúng kế hoạch kể cả dấu câu; "
                                                           "bỏ trống thì dùng tên.")
    nhiem_vu: Text


class Organisation(Strict):
    tieu_de: Text
    loi_dan: Text
    phan_cong: Annotated[list[Assignment], *at_most(MAX_LIST)] = Field(min_length=1)
    bao_cao: Report
    don_vi_thuc_hien: LocalCommittees


class Recipient(Strict):
    ten: Text = Field(description="Nơi nhận. Không ghi ghi_chu: cả dòng chép đúng văn bản, kể cả dấu câu "
                                  "(«Đ/c Chủ tịch … tỉnh;(B/c)»).")
    ghi_chu: Text | None = Field(default=None, description="B/c, P/h, T/h…; có ghi thì website viết «ten; (ghi_chu)».")


class Recipients(Strict):
    gui: Annotated[list[Recipient], *at_most(MAX_LIST)] = Field(min_length=1)
    luu: Annotated[list[Text], *at_most(MAX_LIST)] = Field(min_length=1, description="Nơi lưu: VT, VP…")
    dong_luu: OptionalText = Field(default="", description="Dòng lưu chép đúng văn bản («Lưu VT, VP, BPT.»); "
                                                           "\"\" thì website viết «Lưu: …» từ luu.")


class Signature(Strict):
    quyen_han: Text = Field(description="TM. BAN THƯỜNG TRỰC")
    chuc_vu: Text = Field(description="PHÓ CHỦ TỊCH")
    trang_thai: OptionalText = Field(default="", description="Đã ký; \"\" với bản chưa ký.")
    nguoi_ky: Text


class PlanFile(Strict):
    van_ban: DocumentInfo
    cuoc_van_dong: Campaign
    can_cu: Annotated[list[BasisDocument], *at_most(MAX_LIST)] = Field(default=[])
    mo_dau: Text
    ten_goi_don_vi: Text = Field(description="Cách kế hoạch gọi chung các đơn vị: huyện, thành phố.")
    muc_dich_yeu_cau: Purposes
    noi_dung: Contents
    cac_buoc: Steps
    thoi_gian_dia_diem: Period
    kinh_phi: Budget
    to_chuc_thuc_hien: Organisation
    ket_luan: Text
    noi_nhan: Recipients
    chu_ky: Signature


# --- data/website.yaml ------------------------------------------------------

class PlanEntry(Strict):
    thu_muc: Code = Field(description="Thư mục của kế hoạch trong data/, thường là «ke-hoach-» rồi năm của kế hoạch.")
    duong_dan: Prefix = Field(default="",
                              description="Tiền tố địa chỉ các trang của kế hoạch, kết thúc bằng «/»; "
                                          "\"\" khi website chỉ có một kế hoạch (địa chỉ như hiện nay).")
    ten: Text = Field(description="Tên kế hoạch như ở đầu trang chủ và trong danh sách kế hoạch.")


# Material prints the site's name both as text and inside attributes: no one escaping fits
# markup there, so these three plain-words fields refuse < > & " outright (fieldtypes.PlainText).


class WebsiteFile(Strict):
    ten: PlainText = Field(description="Tên website (thanh tiêu đề, kết quả tìm kiếm); không dùng < > & \".")
    mo_ta: PlainText = Field(description="Mô tả ngắn của website; không dùng < > & \".")
    tac_gia: PlainText = Field(description="Người biên soạn website (thông tin tác giả của trang; không ghi cơ quan ban hành kế hoạch); không dùng < > & \".")
    ke_hoach: Annotated[list[PlanEntry], *at_most(MAX_LIST)] = Field(min_length=1, description="Các kế hoạch đăng trên website, mới nhất trước.")

"""The typed shape of the handbook data: chapters (data/<kế hoạch>/so-tay/*.yaml), the
documents they cite (data/van-ban.yaml), the glossary (data/thuat-ngu.yaml)
and the conference toolkit (data/<kế hoạch>/bo-cong-cu.yaml).

Every text field is plain text (fieldtypes.Text): no Markdown, no HTML. A
chapter is read aloud in a village hall; it needs paragraphs and lists, which
the fields themselves give, not formatting.
"""

from pydantic import Field

from .fieldtypes import DATE_HOW, Code, Int, Name, OptionalDate, Text
from .model import Strict

# --- data/van-ban.yaml ------------------------------------------------------


class Reference(Strict):
    ma: Code = Field(description="Mã để các chương Sổ tay trích dẫn: qd-90-2022.")
    loai: Text = Field(description="Loại văn bản: Quyết định, Nghị quyết, Luật, Kết luận, Kế hoạch.")
    so: Name = Field(description="Số và ký hiệu, đúng như văn bản: 90/QĐ-TTg.")
    ngay: OptionalDate = Field(default=None, description=f"Ngày ban hành, {DATE_HOW}; \"\" nếu chưa đối chiếu được.")
    co_quan: Text = Field(description="Cơ quan ban hành: Thủ tướng Chính phủ.")
    ve: Text = Field(description="Văn bản nói về việc gì, viết ngắn, dễ hiểu.")
    luu_y: Text | None = Field(default=None, description="Lưu ý về độ tin cậy của số liệu, hiện cạnh văn bản.")
    nguon: list[Text] = Field(default=[], description="Nơi đã đối chiếu số, ngày, tên và nội dung được trích "
                                                      "(địa chỉ trang, tên báo, cơ quan); để người sau kiểm tra lại.")


class ReferencesFile(Strict):
    van_ban: list[Reference] = Field(min_length=1, description="Chỉ những văn bản đã đối chiếu số và ngày.")


# --- data/thuat-ngu.yaml ----------------------------------------------------


class Term(Strict):
    viet_tat: Name = Field(description="Chữ viết tắt, đúng như văn bản viết: Đ/c, MTTQ.")
    nghia: Text = Field(description="Viết đầy đủ: đồng chí, Mặt trận Tổ quốc.")


class GlossaryFile(Strict):
    thuat_ngu: list[Term] = Field(min_length=1)


# --- data/<kế hoạch>/so-tay/<ma>.yaml --------------------------------------------------


class KnowSection(Strict):
    tieu_de: Text
    doan: list[Text] = Field(min_length=1, description="Các đoạn văn, mỗi đoạn một mục.")


class GuideSection(Strict):
    tieu_de: Text = Field(description="Việc cần làm: Vay vốn để làm ăn.")
    buoc: list[Text] = Field(min_length=1, description="Các bước, theo thứ tự làm.")


class Example(Strict):
    noi_dung: Text = Field(description="Gương điển hình, chép từ báo cáo thực tế.")
    nguon: Text = Field(description="Báo cáo nào, của ai, ngày nào: để người đọc kiểm tra được.")


class Chapter(Strict):
    ten: Name | None = Field(default=None, description="Tên chương chung (không gắn nội dung). Chương có chu_de lấy tên từ ten_ngan của nội dung; nếu ghi, phải giống hệt. Nội dung không có ten_ngan thì trang Sổ tay của nội dung mang tên này (bỏ trống: đúng chữ kế hoạch của nội dung).")
    chu_de: Code | None = Field(default=None, description="Mã nội dung trong data/<kế hoạch>/ke-hoach.yaml (noi_dung › muc › ma); "
                                                           "bỏ trống với chương chung như chương về Cuộc vận động.")
    muc_dich: list[Text] = Field(min_length=1, description="Chương này giúp cán bộ và bà con điều gì.")
    thong_diep: list[Text] = Field(min_length=1, description="Những câu ngắn để đọc to ở hội nghị.")
    kien_thuc: list[KnowSection] = Field(default=[], description="Những điều cần biết.")
    huong_dan: list[GuideSection] = Field(default=[], description="Hướng dẫn từng bước (nếu là việc làm được).")
    guong_dien_hinh: list[Example] = Field(default=[], description="Để trống cho đến khi có báo cáo thực tế.")
    co_guong_dien_hinh: bool = Field(default=True, description="false: chương không cần mục gương điển hình.")
    cau_hoi: list[Text] = Field(min_length=1, description="Câu hỏi để bà con cùng bàn.")
    tai_lieu: list[Name] = Field(default=[], description="Mã văn bản trong data/van-ban.yaml.")


# --- data/<kế hoạch>/bo-cong-cu.yaml ---------------------------------------------------


class AgendaItem(Strict):
    noi_dung: Text
    nguoi_thuc_hien: Text | None = Field(default=None, description="Ai làm; bỏ trống để điền tay.")
    chon_chu_de: bool = Field(default=False, description="true: in danh sách các nội dung của kế hoạch (các chủ đề của Sổ tay) để chọn.")


class SurveyQuestion(Strict):
    hoi: Text
    chon: list[Text] = Field(default=[], description="Các ý để đánh dấu; bỏ trống thì in dòng để viết.")
    so_dong: Int = Field(default=1, ge=0, le=6, description="Số dòng để viết câu trả lời.")


class SurveySection(Strict):
    ten: Text
    cau_hoi: list[SurveyQuestion] = Field(min_length=1)


class Survey(Strict):
    tieu_de: Text | None = Field(default=None, description="Tiêu đề in trên phiếu (chữ in hoa); bỏ trống: «PHIẾU KHẢO SÁT».")
    buoc: Int | None = Field(default=None, ge=1, description="Số thứ tự của bước khảo sát trong mục các bước của kế "
                                                          "hoạch (cac_buoc): phiếu in lời kế hoạch ở bước đó; bỏ trống: "
                                                          "phiếu không dẫn bước nào.")
    loi_dan: Text
    phan: list[SurveySection] = Field(min_length=1)


class AttendanceSheet(Strict):
    cot: list[Text] = Field(min_length=2, description="Tên các cột, sau cột STT.")
    so_dong: Int = Field(ge=1, le=40, description="Số dòng trống trên một tờ.")


class MinutesTemplate(Strict):
    muc: list[Text] = Field(min_length=1, description="Các phần của biên bản, mỗi phần có dòng trống để viết.")
    dem_rieng: Text | None = Field(default=None, description=(
        "Những người biên bản đếm riêng trong số người dự (sau «trong đó nữ»), như kế hoạch gọi; bỏ trống: "
        "«người» và ke-hoach.yaml › cuoc_van_dong › doi_tuong."))
    so_dong: Int = Field(default=3, ge=1, le=10)


class ReportTemplate(Strict):
    cot: list[Text] = Field(min_length=1, description="Các cột số liệu của bảng kết quả, sau cột đơn vị.")
    muc: list[Text] = Field(min_length=1, description="Các phần viết của báo cáo.")
    so_dong: Int = Field(default=3, ge=1, le=10)


class ToolkitFile(Strict):
    chuong_trinh: list[AgendaItem] = Field(min_length=1)
    danh_sach: AttendanceSheet
    bien_ban: MinutesTemplate
    khao_sat: Survey
    bao_cao: ReportTemplate

"""The typed shape of each file in data/. Field names are those editors write;
descriptions are Vietnamese and become hover help through the JSON Schema.

Cross-file checks (a unit named in the plan exists, each unit assigned once,
totals agree…) live in crosschecks.py; derived values in site.py.
"""

# Definitions (ma) use Code; references to them are Text, so that a wrong
# reference ("Dak Glei" for "610") reaches the cross-check that can suggest the code.
import difflib
import re
from typing import Annotated, Literal, Union

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StrictBool, Tag,
                      model_validator)
from pydantic_core import PydanticCustomError

from .limits import MAX_LIST, MAX_OTHER_NAMES, MAX_RESULT_ITEMS, MAX_UNITS
from .fieldtypes import _clean_text, at_most, CellText, Code, Date, Int, Money, Name, PeriodPointValue, OptionalDate, OptionalText, PlainText, Prefix, Text


class Strict(BaseModel):
    # Unknown keys are errors: a misspelt field must not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- data/<kế hoạch>/don-vi.yaml -------------------------------------------------------

class Unit(Strict):
    ma: Code = Field(description="Mã đơn vị (mã Tổng cục Thống kê), trong dấu nháy: \"610\".")
    cap: Name = Field(description="Cấp hành chính, viết thường, như kế hoạch ghi: tỉnh, xã, phường…")
    ten: Name = Field(description="Tên dùng tại địa phương và trong kế hoạch, không kèm cấp.")
    ten_chinh_thuc: Name = Field(description="Tên theo danh mục hành chính: Huyện Đắk Glei.")
    ten_khac: Annotated[list[Name], *at_most(MAX_OTHER_NAMES)] = Field(default=[], description="Các cách viết khác người đọc hay gõ.")


class UnitsFile(Strict):
    tinh: OptionalText = Field(default="", description="Tỉnh của các đơn vị; \"\" khi kế hoạch không ghi.")
    don_vi: Annotated[list[Unit], *at_most(MAX_UNITS)] = Field(default=[], description="Các đơn vị thực hiện kế hoạch "
                                                                                    "(có thể để trống: website không có trang đơn vị).")
    dia_ban_chon: OptionalText = Field(default="", description=(
        "Cấp của địa bàn mà mỗi đơn vị lựa chọn để tổ chức thực hiện, viết thường, như kế hoạch ghi («lựa chọn xã "
        "có …»: xã); trong ngoặc, nếu cần, các tên khác của cùng cấp mà cột mẫu báo cáo ghi thêm. Phiếu nhiệm vụ có dòng «<cấp> được chọn:» để đơn vị ghi, mẫu báo cáo có cột mang đúng chữ này "
        "(viết hoa chữ đầu). \"\" khi kế hoạch không ghi: phiếu không có dòng đó, cột mẫu báo cáo chỉ ghi «Địa bàn»."))

    @property
    def chosen_level(self) -> str:
        """"xã": the level each unit chooses (dia_ban_chon without its bracket); "" when not given."""
        return re.sub(r"\s*\(.*\)\s*$", "", self.dia_ban_chon).strip()


# --- data/<kế hoạch>/co-quan.yaml ------------------------------------------------------

class Department(Strict):
    ma: Code = Field(description="Mã ngắn của ban (hay người được giao): ban-phong-trao.")
    ten: Name = Field(description="Tên ban, hay người được giao («Đồng chí Phó Chủ tịch …»), viết như trong kế hoạch.")
    viet_tat: Name | None = Field(default=None, description="Chữ viết tắt, nếu kế hoạch dùng.")


def _departments_name(value: str) -> str:
    """The plan's name for its departments, written without the «các» the sentences put before it."""
    value = _clean_text(value, allow_empty=True)
    if re.match(r"(?i)các\s", value):
        raise PydanticCustomError("du_lieu", "bỏ chữ «các» đứng đầu: website tự viết «các» trước tên gọi này")
    return value


DepartmentsName = Annotated[str, AfterValidator(_departments_name)]


def _mark(value: str) -> str:
    """The mark under the issuing body's name (the Party's, the Đoàn's, the Hội's «***»): mark characters only."""
    value = _clean_text(value, allow_empty=True)
    if value and not re.fullmatch(r"[\s_\-–—=*.~·]+", value):
        raise PydanticCustomError("du_lieu", "dòng dưới tên cơ quan chỉ gồm các dấu như «***» hay «-----»; tên cơ quan "
                                             "ghi ở co_quan_ban_hanh")
    return value


MarkLine = Annotated[str, AfterValidator(_mark)]


class OrgFile(Strict):
    co_quan_cap_tren: OptionalText = Field(description="Cơ quan cấp trên, viết hoa như ở đầu văn bản; \"\" nếu không có.")
    co_quan_ban_hanh: OptionalText = Field(description="Cơ quan ban hành, viết hoa như ở đầu văn bản.")
    cac_co_quan_ban_hanh: Annotated[list[Text], *at_most(MAX_LIST)] = Field(
        default_factory=list, description="Văn bản liên tịch (nhiều cơ quan cùng ban hành): tên từng cơ quan, viết hoa "
                                          "như ở đầu văn bản, theo thứ tự; khi có, không ghi co_quan_cap_tren, "
                                          "co_quan_ban_hanh.")
    dong_co_quan_cap_tren: Annotated[list[Text], *at_most(MAX_LIST)] = Field(
        default_factory=list, description="Các dòng cơ quan cấp trên, ngắt dòng đúng như văn bản (cả dòng «—» giữa "
                                          "hai cơ quan): khi có, website in đúng các dòng này thay cho co_quan_cap_tren "
                                          "tự ngắt dòng.")
    dong_co_quan_ban_hanh: Annotated[list[Text], *at_most(MAX_LIST)] = Field(
        default_factory=list, description="Các dòng cơ quan ban hành, ngắt dòng đúng như văn bản: khi có, website in "
                                          "đúng các dòng này thay cho co_quan_ban_hanh tự ngắt dòng.")
    dong_duoi_co_quan_ban_hanh: MarkLine = Field(default="", description=(
        "Dòng dưới tên cơ quan ban hành, chép đúng văn bản: dấu «***» của văn bản Đảng, Đoàn, Hội. Khi có, website in "
        "dòng này ở giữa cột, dưới tên cơ quan, thay cho đường kẻ; \"\" thì website kẻ một đường (Nghị định 30/2020)."))
    dong_in_dam: Annotated[list[Text], *at_most(MAX_LIST)] | None = Field(
        default=None, description="Các dòng tên cơ quan ở đầu văn bản in đậm, đúng như văn bản (dùng với dong_co_quan_…): "
                                  "khi có, website in đậm đúng các dòng này, không dòng nào khác ([]: không dòng nào); "
                                  "không có: cơ quan ban hành in đậm, cơ quan cấp trên không (Nghị định 30/2020).")
    ten_day_du: OptionalText = Field(description="Tên đầy đủ của cơ quan ban hành (tác giả văn bản), viết như trong câu; "
                                                 "văn bản liên tịch: tên các cơ quan, nối bằng «và»; \"\" khi chưa biết.")
    cap: OptionalText = Field(default="", description="Cấp của cơ quan ban hành, viết thường, như văn bản gọi địa bàn "
                                                      "của mình («tỉnh», «xã», «phường»…): website viết «trên địa bàn "
                                                      "toàn <cấp>», «Ban phối hợp của <cấp>»; \"\" khi chưa biết (website "
                                                      "bỏ các chữ này).")
    dia_danh: OptionalText = Field(description="Địa danh ghi trước ngày tháng, như văn bản ghi; \"\" nếu không có.")
    ban: Annotated[list[Department], *at_most(MAX_LIST)] = Field(default=[], description=(
        "Các ban của cơ quan được giao việc; kế hoạch giao việc cho từng người thì mỗi người một mục, tên viết như "
        "kế hoạch (xem ke-hoach.yaml › to_chuc_thuc_hien › quan_he)."))
    quoc_hieu: OptionalText = Field(description="Quốc hiệu ở đầu văn bản.")
    tieu_ngu: OptionalText = Field(description="Tiêu ngữ dưới quốc hiệu.")
    ten_goi_cac_ban: DepartmentsName = Field(default="", description=(
        "Cách kế hoạch gọi chung các ban được giao việc, như kế hoạch viết giữa câu, bỏ chữ «các» đứng trước "
        "(kế hoạch viết «Đề nghị các ban … báo cáo»: ghi phần sau chữ «các»): website viết «các <tên gọi> báo cáo "
        "kết quả về …», «Lãnh đạo <tên gọi>» trên mẫu báo cáo; \"\" khi kế hoạch không gọi chung (website viết "
        "«báo cáo kết quả gửi về …», không gọi tên chung)."))

    def departments_together(self, before: str = "", after: str = "", escape=str) -> str:
        """"các ban, văn phòng" (the plan's name for its assigned departments, co-quan.yaml ›
        ten_goi_cac_ban) between `before` and `after`; "" when the data gives none: the compiled
        sentence then says no name (never another plan's); `escape` applies to the name."""
        return f"{before}các {escape(self.ten_goi_cac_ban)}{after}" if self.ten_goi_cac_ban else ""

    def area(self, prefix: str, escape=str) -> str:
        """" trên địa bàn toàn tỉnh" (prefix " trên địa bàn toàn"), "" when the level is not known:
        the words a compiled sentence adds only when the data says the body's level; `escape`
        applies to the level (Markdown text)."""
        return f"{prefix} {escape(self.cap)}" if self.cap else ""

    @property
    def committee(self) -> str:
        """"Ủy ban MTTQ Việt Nam tỉnh": the committee of the issuing body's level."""
        return "Ủy ban MTTQ Việt Nam" + self.area("")

    @property
    def partner_label(self) -> str:
        """"Ban phối hợp của tỉnh": the issuing body's department working with a unit."""
        return "Ban phối hợp" + self.area(" của")


# --- data/<kế hoạch>/ke-hoach.yaml -----------------------------------------------------

def _line_as_written(value: str) -> str:
    """A line kept as the document writes it: checked as text, but a run of spaces (a blank left
    for the signing: «ngày      tháng 4») stays, as no-break spaces (a page folds ordinary ones)."""
    _clean_text(value, allow_empty=True)
    return re.sub(r"\s{2,}", lambda m: "\u00a0" * len(m.group()), value.strip())


LineAsWritten = Annotated[str, AfterValidator(_line_as_written)]


def _rule(value: str) -> str:
    """The rule under the subject: rule characters only (as the import reads one)."""
    value = _clean_text(value, allow_empty=True)
    if value and not re.fullmatch(r"[\s_\-–—=*.~·]+", value):
        raise PydanticCustomError("du_lieu", "dòng kẻ chỉ gồm các dấu kẻ, như «______» hay «-----»; chữ của tên "
                                             "kế hoạch ghi ở trich_yeu")
    return value


RuleLine = Annotated[str, AfterValidator(_rule)]


class DocumentInfo(Strict):
    loai: OptionalText = Field(description="Loại văn bản: Kế hoạch.")
    so: OptionalText = Field(description="Số văn bản; để \"\" khi chưa có số.")
    ky_hieu: OptionalText = Field(description="Ký hiệu: KH-MTTQ-BTT; \"\" khi văn bản không ghi.")
    ngay_ban_hanh: OptionalDate = Field(description="Ngày ban hành; \"\" khi chưa có.")
    # Omitted for a document without a year (None; file names then use the plan's folder).
    nam: Int = Field(default=None, ge=1945, le=2100, description="Năm của kế hoạch; bỏ dòng này khi văn bản không ghi.")
    trich_yeu: OptionalText = Field(description="Trích yếu (tên) của kế hoạch.")
    dong_trich_yeu: Annotated[list[Text], *at_most(MAX_LIST)] = Field(default_factory=list, description=(
        "Các dòng của trích yếu, ngắt dòng đúng như văn bản (khối tên ở giữa dưới chữ «KẾ HOẠCH»): khi có, trang "
        "«Kế hoạch», bản PDF và tệp Word in trích yếu theo đúng các dòng này; mọi chỗ khác (tên trang, tìm kiếm, tên "
        "tệp) dùng trich_yeu. Các dòng nối bằng dấu cách phải đúng bằng trich_yeu. Bỏ trống khi trích yếu một dòng."))
    dong_ke: RuleLine = Field(default="", description=(
        "Dòng kẻ dưới trích yếu, chép đúng văn bản («______»); \"\" khi văn bản không có dòng kẻ viết bằng chữ."))
    dong_dia_danh_ngay: LineAsWritten = Field(default="", description=(
        "Dòng địa danh và ngày, chép đúng văn bản, kể cả chỗ để trống («Đông Sơn, ngày      tháng 4 năm …»): "
        "website in đúng dòng này. \"\" thì website viết dòng đó từ dia_danh (co-quan.yaml) và ngay_ban_hanh."))
    in_ten_loai: StrictBool = Field(default=True, description=(
        "false khi văn bản không có dòng tên loại (như công văn: số, ký hiệu, rồi «V/v …»): website không in tên "
        "loại làm tiêu đề trên trang, trong PDF và tệp Word (trình đọc màn hình vẫn đọc), chỉ in trích yếu như văn bản."))
    phan_dau_do_website_trinh_bay: StrictBool = Field(default=False, description=(
        "true khi bản chép dùng làm căn cứ không có phần đầu văn bản (quốc hiệu, tiêu ngữ, «Số:», địa danh và "
        "ngày): website trình bày phần đầu theo Nghị định 30/2020 và ghi chú điều đó. Bỏ trống khi tệp gốc có phần đầu."))
    dong_tham_quyen: OptionalText = Field(default="", description=(
        "Dòng thẩm quyền ban hành dưới trích yếu của một quyết định («BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ …»), "
        "chép đúng văn bản; website in giữa dòng, chữ đậm, trước các căn cứ. Bỏ trống khi văn bản không có."))
    dong_ban_hanh: OptionalText = Field(default="", description=(
        "Dòng sau các căn cứ của một quyết định («QUYẾT ĐỊNH:»), chép đúng văn bản; website in giữa dòng, chữ đậm, "
        "trước Điều 1. Bỏ trống khi văn bản không có."))
    dong_so: LineAsWritten = Field(default="", description=(
        "Dòng số và ký hiệu, chép đúng văn bản khi văn bản viết khác «Số: so/ky_hieu» (văn bản của Đảng, Đoàn, Hội: "
        "«Số: 225-KH/TWĐTN»): website in đúng dòng này. \"\" thì website viết «Số: so/ky_hieu»."))

    @model_validator(mode="after")
    def _subject_lines(self):
        joined = " ".join(" ".join(line.split()) for line in self.dong_trich_yeu)
        if self.dong_trich_yeu and joined != " ".join(self.trich_yeu.split()):
            raise PydanticCustomError("du_lieu", "các dòng của trích yếu (dong_trich_yeu) nối bằng dấu cách thành "
                                                 "«{joined}», khác trich_yeu «{subject}»: sửa cả hai cho giống nhau "
                                                 "(hay xoá dong_trich_yeu để website in trích yếu một dòng)",
                                      {"joined": joined, "subject": self.trich_yeu})
        return self


class Campaign(Strict):
    ten: Text = Field(description="Tên đầy đủ của Cuộc vận động.")
    ten_ngan: Text = Field(description="Tên gọi tắt.")
    doi_tuong: Text | None = Field(default=None, description=(
        "Những người kế hoạch hướng tới, đếm riêng trong số người dự hội nghị (số liệu kết quả «so_nguoi_dtts»), "
        "viết như kế hoạch gọi, không có chữ «người» đứng đầu. Bỏ trống: website viết «thuộc đối tượng vận động»."))
    doi_tuong_viet_tat: Text | None = Field(default=None, description=(
        "Cách kế hoạch viết tắt doi_tuong (dùng trong bảng, biểu đồ). Bỏ trống: website viết đủ doi_tuong."))


class BasisDocument(Strict):
    loai: Text = Field(description="Loại văn bản căn cứ: Kế hoạch, Quyết định…")
    so: Text = Field(description="Số và ký hiệu: 357/KH-MTTQ-BTT.")
    ngay: Date
    co_quan: Text = Field(description="Cơ quan ban hành văn bản căn cứ.")
    trich_yeu: Text


KIND_HELP = ("Loại mục; website dựng các trang tính sẵn (kinh phí, phân công, lịch…) từ mục có loại đó: "
             "muc_dich_yeu_cau, noi_dung, cac_buoc, thoi_gian_dia_diem, kinh_phi, to_chuc_thuc_hien.")
NUMBER_HELP = "Số mục như văn bản ghi («II»); bỏ trống thì website đánh số La Mã theo thứ tự; \"\" khi văn bản không đánh số."
SectionNumber = OptionalText | None
WORDS_HELP = ("Lời văn của mục, chép đúng văn bản (các đoạn, mục, bảng, như mục chép nguyên văn). Khi có, trang "
              "«Kế hoạch», bản PDF, tệp Word và đoạn «Trích kế hoạch» in đúng lời văn này; các trường khác của mục "
              "chỉ dùng cho các trang tính sẵn (kinh phí, đơn vị, tiến độ…). Bỏ trống: trang «Kế hoạch» in mục bằng "
              "câu website soạn từ các trường.")

# The structured sections' kinds, in no particular order (the document's order is `muc`'s).
STRUCTURED = ("muc_dich_yeu_cau", "noi_dung", "cac_buoc", "thoi_gian_dia_diem", "kinh_phi", "to_chuc_thuc_hien")


class Purposes(Strict):
    loai: Literal["muc_dich_yeu_cau"] = Field(description=KIND_HELP)
    so: SectionNumber = Field(default=None, description=NUMBER_HELP)
    tieu_de: Text
    muc: Annotated[list[Text], *at_most(MAX_LIST)] = Field(min_length=1)
    doan: "Blocks" = Field(default=[], description=WORDS_HELP)


class Topic(Strict):
    ma: Code = Field(description="Mã dùng làm địa chỉ trang Sổ tay.")
    ten_ngan: Name | None = Field(default=None, description=(
        "Không bắt buộc: tên ngắn hiện trên thanh điều hướng, mục lục Sổ tay, bảng tính. Bỏ trống thì website dùng "
        "đúng chữ kế hoạch của nội dung này (noi_dung), không đặt tên nào khác; trang Sổ tay của nội dung mang tên "
        "chương (so-tay/<mã>.yaml › ten) khi chương có ghi."))
    noi_dung: Text = Field(description="Nội dung, chép đúng kế hoạch.")
    so: SectionNumber = Field(default=None, description=(
        "Số của nội dung, chép đúng kế hoạch kể cả dấu («2.», «b)»): Sổ tay dẫn «Kế hoạch, mục <số mục>.b». Bỏ "
        "trống thì Sổ tay dẫn «Nội dung 2» theo thứ tự khi mục không giữ lời văn (doan), chỉ dẫn số mục khi có."))

    @property
    def display_name(self) -> str:
        """The topic's name on pages and in files: its short name (ten_ngan) when the data gives one, else
        the plan's own words for it (noi_dung), never a name the site makes up (review r19o #6)."""
        return self.ten_ngan or self.noi_dung


class Contents(Strict):
    loai: Literal["noi_dung"] = Field(description=KIND_HELP)
    so: SectionNumber = Field(default=None, description=NUMBER_HELP)
    tieu_de: Text
    loi_dan: OptionalText = ""  # "" when the document has no lead line (doan keeps its words)
    muc: Annotated[list[Topic], *at_most(MAX_LIST)] = Field(min_length=1)
    doan: "Blocks" = Field(default=[], description=WORDS_HELP)


class StepTime(Strict):
    van_ban: Text = Field(description="Thời gian của bước, chép đúng chữ kế hoạch: «trước ngày 30/9/…», «từ ngày "
                                      "01/10/… đến ngày 31/10/…», «Quý IV/…».")
    tu_ngay: Date | None = Field(default=None, description="Ngày bắt đầu chữ kế hoạch cho biết («từ ngày 01/10/…»; "
                                                           "«Quý IV/…»: 01/10/…); bỏ trống khi chữ không ghi.")
    den_ngay: Date | None = Field(default=None, description="Ngày cuối chữ kế hoạch cho biết («đến ngày 31/10/…»; "
                                                            "«Quý IV/…»: 31/12/…); bỏ trống khi chữ không ghi.")
    truoc_ngay: Date | None = Field(default=None, description="Ngày kế hoạch ghi sau chữ «trước ngày» (hạn): "
                                                              "«trước ngày 30/9/…» ghi 30/9/…; bỏ trống khi chữ không ghi.")

    @model_validator(mode="after")
    def _order(self):
        if self.den_ngay is not None and self.truoc_ngay is not None:
            raise PydanticCustomError("du_lieu", "chỉ ghi một trong hai: den_ngay (ngày cuối) hoặc truoc_ngay (hạn "
                                                 "«trước ngày …»), như chữ kế hoạch")
        end = self.den_ngay or self.truoc_ngay
        if self.tu_ngay is not None and end is not None and end < self.tu_ngay:
            raise PydanticCustomError("du_lieu", "ngày cuối ({end}) trước ngày bắt đầu ({start})",
                                      {"end": f"{end:%d/%m/%Y}", "start": f"{self.tu_ngay:%d/%m/%Y}"})
        return self


class Step(Strict):
    ten_ngan: Text | None = Field(default=None, description=(
        "Không bắt buộc: tên ngắn của bước, khi kế hoạch đặt tên cho bước. Bỏ trống thì website dùng đúng chữ kế "
        "hoạch của bước (số bước ở «so» và noi_dung), không đặt tên nào khác."))
    noi_dung: Text = Field(description="Chép đúng kế hoạch. Có thể dùng chỗ trống {so_hoi_nghi} ở đúng chỗ kế hoạch "
                                       "viết «từ … đến …» hội nghị; số ở hoi_nghi phải đúng như kế hoạch viết.")
    thoi_gian: StepTime | None = Field(default=None, description=(
        "Thời gian riêng của bước, khi kế hoạch ghi: chữ kế hoạch (van_ban) và các ngày chữ đó cho biết. Bỏ trống "
        "khi kế hoạch không ghi: website viết «Kế hoạch không ghi ngày riêng cho từng bước»."))
    so: SectionNumber = Field(default=None, description=(
        "Số của bước, chép đúng kế hoạch kể cả dấu («Bước 1:», «2.»): trang đơn vị trích bước với số này và dẫn "
        "«mục <số mục>, Bước 2». Bỏ trống thì website đánh số theo thứ tự các bước."))

    @property
    def display_name(self) -> str:
        """The step's name on pages and in files: its short name (ten_ngan) when the data gives one, else the
        plan's own words for it (noi_dung, {so_hoi_nghi} not yet filled: Site.fill), never a made-up name."""
        return self.ten_ngan or self.noi_dung


class Conferences(Strict):
    # A count for the whole plan («Tổ chức từ 02 đến 04 hội nghị … tại các khu dân cư»), or for
    # each unit when the plan says so (moi_don_vi: «mỗi thôn, làng tổ chức từ 01 đến 02 hội nghị»).
    toi_thieu: Int = Field(ge=1, description="Số hội nghị ít nhất, như kế hoạch ghi («từ 02 …»).")
    toi_da: Int = Field(ge=1, description="Số hội nghị nhiều nhất, như kế hoạch ghi («… đến 04»).")
    moi_don_vi: StrictBool = Field(default=False, description=(
        "true khi kế hoạch ghi số hội nghị cho mỗi đơn vị («mỗi thôn, làng tổ chức từ 01 đến 02 hội nghị»); "
        "bỏ trống (false) khi kế hoạch ghi số hội nghị chung, không chia cho từng đơn vị: website viết "
        "«Kế hoạch không ghi số hội nghị riêng cho từng …»."))


class Steps(Strict):
    loai: Literal["cac_buoc"] = Field(description=KIND_HELP)
    so: SectionNumber = Field(default=None, description=NUMBER_HELP)
    tieu_de: Text
    buoc: Annotated[list[Step], *at_most(MAX_LIST)] = Field(min_length=1)
    hoi_nghi: Conferences | None = Field(default=None, description=(
        "Không bắt buộc: số hội nghị, khi kế hoạch ghi «từ … đến … hội nghị». Kế hoạch không ghi số (hay ghi kiểu "
        "khác, «ít nhất 01 hội nghị») thì bỏ trống: website không nói gì về số hội nghị, và không dùng được "
        "chỗ trống {so_hoi_nghi}."))
    doan: "Blocks" = Field(default=[], description=WORDS_HELP)


class Period(Strict):
    loai: Literal["thoi_gian_dia_diem"] = Field(description=KIND_HELP)
    so: SectionNumber = Field(default=None, description=NUMBER_HELP)
    tieu_de: Text
    bat_dau: PeriodPointValue | None = Field(default=None, description=(
        "Bắt đầu thực hiện, đúng như kế hoạch ghi: quý («Quý III/…»), tháng («4/…»), ngày («01/10/…») hoặc năm "
        "(«năm …»). Bỏ trống "
        "khi kế hoạch chỉ ghi ngày kết thúc («đến hết tháng 5/…»): website viết «đến …», không ghi ngày bắt đầu."))
    ket_thuc: PeriodPointValue = Field(description=(
        "Kết thúc thực hiện, đúng như kế hoạch ghi: ngày («30/11/…»), tháng («11/…», tức đến hết tháng), quý "
        "(«Quý IV/…») hoặc năm («năm …»). Lịch, tình trạng và tiến độ tính đến ngày cuối của tháng, quý, năm đó."))
    doan: "Blocks" = Field(default=[], description=WORDS_HELP)


class Budget(Strict):
    loai: Literal["kinh_phi"] = Field(description=KIND_HELP)
    so: SectionNumber = Field(default=None, description=NUMBER_HELP)
    tieu_de: Text
    nguon: Text | None = Field(default=None, description=(
        "Không bắt buộc; nguồn kinh phí, chép đúng lời văn của mục (doan) khi có. Kế hoạch không ghi nguồn thì bỏ "
        "trống: website không in dòng «Nguồn kinh phí»."))
    dinh_muc: Money | None = Field(default=None, description=(
        "Mức kinh phí chung cho mỗi đơn vị (đồng), khi kế hoạch ghi một mức cho mỗi đơn vị. Bỏ trống khi kế hoạch "
        "ghi riêng số tiền của từng đơn vị: ghi cả ở rieng."))
    rieng: dict[Name, Money] = Field(default={}, description="Số tiền riêng của đơn vị: mã: số tiền (không có "
                                                             "dinh_muc thì ghi cho mọi đơn vị).")
    tong: Money | None = Field(default=None, description=(
        "Không bắt buộc; tổng văn bản ghi. Bằng tổng kinh phí các đơn vị; lớn hơn được khi lời văn của mục (doan) "
        "ghi đúng số đó (có khoản không chia cho đơn vị nào, hay nguồn khác): website chỉ in tổng bằng câu của văn bản."))
    tong_bang_chu: Text | None = Field(default=None, description="Không bắt buộc; nếu ghi, phải khớp số tiền bằng chữ.")
    doan: "Blocks" = Field(default=[], description=WORDS_HELP)


class Assignment(Strict):
    ban: Name = Field(description="Mã ban (hay người được giao) trong data/<kế hoạch>/co-quan.yaml.")
    tieu_de: Text | None = Field(default=None, description="Tiêu đề mục, chép đúng kế hoạch kể cả dấu câu "
                                                           "(«Văn phòng:»); bỏ trống thì dùng tên ban.")
    nhiem_vu: Text = Field(description="Nhiệm vụ, chép đúng kế hoạch; phải nhắc tên từng đơn vị được giao.")
    don_vi: Annotated[list[Name], *at_most(MAX_UNITS)] = Field(description=(
        "Mã các đơn vị ban này phối hợp; «[]» khi kế hoạch giao nhiệm vụ mà không giao đơn vị nào (như «Đồng chí "
        "Chủ tịch … chỉ đạo chung»): website ghi nhiệm vụ ở trang phân công, không có trang đơn vị hay kinh phí."))
    so: SectionNumber = Field(default=None, description=(
        "Số của mục giao nhiệm vụ này, chép đúng kế hoạch («1.»); hai người cùng một mục thì ghi cùng số. Website dẫn "
        "«mục <số mục>.1»; bỏ trống thì chỉ dẫn số mục lớn, không tự đánh số."))


class OnwardReport(Strict):
    """A report sent on to a higher body, as the plan writes it («… về Ban Thường trực … phường trước ngày 20/11 để
    tổng hợp, báo cáo Ban Thường trực … thành phố trước ngày 25/11»): data only, no level named in code."""
    ben_gui: Text | None = Field(default=None, description=(
        "Ai gửi báo cáo này, viết như kế hoạch («Ban Thường trực Ủy ban MTTQ Việt Nam phường»: nơi nhận báo cáo ở "
        "trên, khi kế hoạch viết «… để tổng hợp, báo cáo …»). Bỏ trống khi kế hoạch không viết: website không nói ai gửi."))
    noi_nhan: Text = Field(description="Nơi nhận báo cáo này, viết như kế hoạch («Ban Thường trực Ủy ban MTTQ Việt Nam "
                                       "thành phố Huế»).")
    han: Date = Field(description="Hạn: ngày kế hoạch ghi sau «trước ngày».")
    loi_van: Text = Field(description="Lời kế hoạch về báo cáo này, chép đúng («tổng hợp, báo cáo Ban Thường trực … "
                                      "trước ngày 25/11/…»); phải viết nơi nhận và ngày của hạn.")

    # Checked against the plan's words at each field's own line: macros/report_words.py.


class Report(Strict):
    tieu_de: OptionalText = Field(default="", description="Chữ mở đầu, chép đúng kế hoạch («* Ghi chú:»); bỏ trống "
                                                          "khi kế hoạch không có: website không thêm chữ nào.")
    noi_nhan: Name = Field(description=(
        "Nơi nhận báo cáo: mã ban trong co-quan.yaml (ban tổng hợp báo cáo của các đơn vị), hoặc, khi nơi nhận không "
        "phải một ban của cơ quan ban hành, tên nơi nhận viết như kế hoạch (báo cáo của xã gửi Ban Thường trực Ủy ban MTTQ cấp trên)."))
    han: Date = Field(description="Hạn gửi báo cáo.")
    loi_van: Text = Field(description="Có thể dùng {noi_nhan_bao_cao} và {han_bao_cao}.")
    nguoi_gui: Literal["ban", "don_vi"] | None = Field(default=None, description=(
        "Ai gửi báo cáo về noi_nhan theo kế hoạch: ban (các ban được giao ở phan_cong; hạn không đặt cho từng đơn vị) "
        "hay don_vi (mỗi đơn vị tự báo cáo, hạn đặt cho từng đơn vị, như «Ban Công tác Mặt trận thôn … báo cáo kết "
        "quả về …»). Bỏ trống khi kế hoạch không nói rõ: website chỉ trích lời kế hoạch, không nói ai gửi."))
    ben_gui: Text | None = Field(default=None, description=(
        "Ai gửi báo cáo, viết đúng như kế hoạch («Ban Công tác Mặt trận các khu phố»; lệnh nhập nêu chữ này trong danh "
        "sách cần xác nhận): website viết «Ngày cuối <ben_gui> gửi báo cáo …», «<ben_gui> báo cáo kết quả về …» thay "
        "cho cách gọi website tự soạn («từng khu phố», «các ban» của co-quan.yaml). Phải có trong lời văn của mục "
        "(loi_van, doan, nhiem_vu). Bỏ trống khi kế hoạch không viết."))
    bao_cao_tiep: Annotated[list[OnwardReport], *at_most(MAX_LIST)] = Field(default=[], description=(
        "Báo cáo gửi tiếp lên cấp trên, khi kế hoạch viết («… để tổng hợp, báo cáo Ban Thường trực … thành phố trước "
        "ngày …»), theo thứ tự kế hoạch viết: ai gửi, nơi nhận, hạn và lời kế hoạch. Trang tiến độ, tệp lịch và báo cáo "
        "tổng hợp ghi thêm các hạn này. Bỏ trống khi kế hoạch không viết."))


class LocalCommittees(Strict):
    ten: Text
    tieu_de: Text | None = Field(default=None, description="Tiêu đề mục, chép đúng kế hoạch kể cả dấu câu; "
                                                           "bỏ trống thì dùng tên.")
    nhiem_vu: Text
    so: SectionNumber = Field(default=None, description=(
        "Số của mục này, chép đúng kế hoạch («5.»). Website dẫn «mục <số mục>.5»; bỏ trống thì chỉ dẫn số mục lớn."))


class Organisation(Strict):
    loai: Literal["to_chuc_thuc_hien"] = Field(description=KIND_HELP)
    so: SectionNumber = Field(default=None, description=NUMBER_HELP)
    tieu_de: Text
    loi_dan: OptionalText = ""  # "" when the document has no lead line (doan keeps its words)
    phan_cong: Annotated[list[Assignment], *at_most(MAX_LIST)] = Field(default=[], description=(
        "Việc giao cho từng ban (hay người), theo thứ tự kế hoạch. Bỏ trống khi kế hoạch không giao việc cho ai: "
        "website không có trang phân công; trang đơn vị không có phần người, ban được giao."))
    bao_cao: Report | None = Field(default=None, description=(
        "Báo cáo kết quả kế hoạch yêu cầu (nơi nhận, hạn). Bỏ trống khi kế hoạch không yêu cầu báo cáo: website "
        "không ghi hạn báo cáo nào, không có báo cáo tổng hợp, lịch không có ngày hạn báo cáo."))
    don_vi_thuc_hien: LocalCommittees | None = Field(default=None, description=(
        "Không bắt buộc: nhiệm vụ của các đơn vị (Ban Thường trực cấp dưới, Ban Công tác Mặt trận…), khi kế hoạch "
        "giao riêng một mục. Bỏ trống khi kế hoạch không có mục đó (như kế hoạch giám sát): trang đơn vị, phiếu "
        "nhiệm vụ, trang phân công không có phần này."))
    doan: "Blocks" = Field(default=[], description=WORDS_HELP)
    quan_he: OptionalText = Field(default="", description=(
        "Chữ kế hoạch dùng cho việc người, ban được giao làm với các đơn vị của mình, viết thường, như kế hoạch viết "
        "(«Đồng chí Phó Chủ tịch … phụ trách thôn …»: phụ trách): website ghi «Phụ trách: <người được giao>» trên "
        "trang đơn vị, phiếu nhiệm vụ, bảng tính. Bỏ trống khi người được giao là các ban phối hợp với đơn vị: "
        "website ghi «Ban phối hợp của <cấp>: <tên ban>»."))


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
    quyen_han: OptionalText = Field(default="", description="TM. BAN THƯỜNG TRỰC")
    quyen_han_them: Annotated[list[Text], *at_most(MAX_LIST)] = Field(
        default_factory=list, description="Các dòng tiếp theo của phần thẩm quyền ký, chép đúng văn bản "
                                          "(«KT. CHỦ TỊCH»): in giữa quyen_han và chuc_vu, theo thứ tự.")
    chuc_vu: OptionalText = Field(default="", description="PHÓ CHỦ TỊCH")
    trang_thai: OptionalText = Field(default="", description="Đã ký; \"\" với bản chưa ký.")
    nguoi_ky: OptionalText = Field(default="", description="Họ tên người ký; \"\" khi văn bản không ghi.")




# --- verbatim text (what macros.import_plan writes: the document as written) -------------

def _run_text(value: str) -> str:
    """A piece of a paragraph: checked as Text, but the space at either end is kept
    (it separates this piece from the next: «chữ thường » + «chữ đậm»)."""
    inner = _clean_text(value, allow_empty=False)
    return (" " if value[:1].isspace() else "") + inner + (" " if value[-1:].isspace() else "")


RunText = Annotated[str, AfterValidator(_run_text), Field(min_length=1)]


class Run(Strict):
    chu: RunText = Field(description="Đoạn chữ, chép đúng văn bản.")
    dam: StrictBool = Field(default=False, description="Chữ đậm.")
    nghieng: StrictBool = Field(default=False, description="Chữ nghiêng.")


def _run_kind(value) -> str | None:
    if isinstance(value, str):
        return "chu_thuong"
    if isinstance(value, Run):
        return "dinh_dang"
    return "dinh_dang" if isinstance(value, dict) else None


_KIND_ERROR = dict(custom_error_type="du_lieu")
RunPart = Annotated[
    Union[Annotated[RunText, Tag("chu_thuong")], Annotated[Run, Tag("dinh_dang")]],
    Discriminator(_run_kind, custom_error_message="Cần một đoạn chữ, hoặc một nhóm {chu: …, dam: true} "
                                                  "(chữ đậm) hay {chu: …, nghieng: true} (chữ nghiêng).", **_KIND_ERROR),
]
Runs = Annotated[list[RunPart], *at_most(MAX_RESULT_ITEMS)]


def _inline_kind(value) -> str | None:
    if isinstance(value, str):
        return "chu"
    return "cac_doan_chu" if isinstance(value, (list, tuple)) else None


def _inline(empty: bool, words: str, text=None):
    text = text or (OptionalText if empty else Text)
    return Annotated[
        Union[Annotated[text, Tag("chu")], Annotated[Runs, Tag("cac_doan_chu")]],
        Discriminator(_inline_kind, custom_error_message=f"Cần {words}, hoặc một danh sách các đoạn chữ "
                                                         "(có đoạn đậm, nghiêng).", **_KIND_ERROR),
    ]


Inline = _inline(False, "một đoạn chữ")
Cell = _inline(True, "chữ của một ô (có thể để \"\")", CellText)
Opening = _inline(True, "đoạn mở đầu (có thể để \"\")")


class Item(Strict):
    ky_hieu: OptionalText = Field(default="", description="Ký hiệu đầu mục như văn bản ghi: «1.», «a)», «-», «+».")
    van_ban: Inline = Field(description="Chữ của mục, chép đúng văn bản.")
    doan: Annotated[list["Block"], *at_most(MAX_RESULT_ITEMS)] = Field(
        default=[], description="Các đoạn, mục con nằm trong mục này, theo thứ tự.")


class MergedCell(Strict):
    dong: Int = Field(ge=1, description="Dòng của ô gộp (dòng đầu bảng là 1).")
    cot: Int = Field(ge=1, description="Cột của ô gộp (cột đầu là 1).")
    so_dong: Int = Field(default=1, ge=1, description="Số dòng ô gộp trải qua.")
    so_cot: Int = Field(default=1, ge=1, description="Số cột ô gộp trải qua.")


class Table(Strict):
    bang: Annotated[list[Annotated[list[Cell], *at_most(MAX_LIST)]], *at_most(MAX_RESULT_ITEMS)] = Field(
        min_length=1, description="Các dòng của bảng; mỗi dòng là danh sách chữ trong từng ô.")
    dong_tieu_de: Int = Field(default=0, ge=0, description="Số dòng tiêu đề ở đầu bảng.")
    o_gop: Annotated[list[MergedCell], *at_most(MAX_RESULT_ITEMS)] = Field(
        default=[], description="Các ô gộp như văn bản: ô ở dòng «dong», cột «cot» (đếm từ 1) trải qua «so_dong» dòng "
                                "và «so_cot» cột; chữ ghi ở ô đó, các ô nó phủ để \"\".")
    dong_in_dam: Annotated[list[Annotated[Int, Field(ge=1)]], *at_most(MAX_RESULT_ITEMS)] = Field(
        default=[], description="Số thứ tự các dòng (đếm từ 1, kể cả dòng tiêu đề) in đậm cả dòng như văn bản: dòng "
                                "nhóm «I | CÔNG TÁC …», dòng «Tổng cộng».")
    # Rows beyond the table, or written twice: crosschecks._check_bold_rows, each at its own line.


class Note(Strict):
    ghi_chu: Cell = Field(description="Chữ mở đầu ghi chú, chép đúng văn bản: «* Ghi chú:» (có thể là danh sách "
                                      "các đoạn chữ đậm, nghiêng).")
    van_ban: Inline = Field(description="Nội dung ghi chú.")


def _block_kind(value) -> str | None:
    if isinstance(value, str):
        return "doan_van"
    if isinstance(value, (list, tuple)):
        return "doan_van_dinh_dang"
    if isinstance(value, BaseModel):
        return {Item: "muc", Table: "bang", Note: "ghi_chu"}.get(type(value))
    if not isinstance(value, dict):
        return None
    if "bang" in value:
        return "bang"
    if "ghi_chu" in value:
        return "ghi_chu"
    return "muc" if "ky_hieu" in value or "van_ban" in value else None


Block = Annotated[
    Union[Annotated[Text, Tag("doan_van")], Annotated[Runs, Tag("doan_van_dinh_dang")], Annotated[Item, Tag("muc")],
          Annotated[Table, Tag("bang")], Annotated[Note, Tag("ghi_chu")]],
    Discriminator(_block_kind, custom_error_message="Không rõ đây là gì: một đoạn văn viết là một dòng chữ; một mục "
                                                    "là nhóm {ky_hieu, van_ban}; một bảng là nhóm {bang}; một ghi chú "
                                                    "là nhóm {ghi_chu, van_ban}.", **_KIND_ERROR),
]
Blocks = Annotated[list[Block], *at_most(MAX_RESULT_ITEMS)]
Item.model_rebuild()
for _structured in (Purposes, Contents, Steps, Period, Budget, Organisation):  # their `doan` (Blocks, above)
    _structured.model_rebuild()
del _structured

OTHER_KIND = "khac"


class VerbatimSection(Strict):
    """A section kept as written: its blocks in order, no computed page."""
    so: SectionNumber = Field(default=None, description=NUMBER_HELP)
    tieu_de: OptionalText = Field(description="Tiêu đề mục, chép đúng văn bản.")
    loai: Literal[*STRUCTURED, OTHER_KIND] | None = Field(
        default=None, description="Loại mục đoán từ tiêu đề (chỉ để ghi nhận; mục chép nguyên văn không tạo trang tính sẵn).")
    doan: Blocks = Field(description="Các đoạn, mục, bảng, ghi chú của mục, theo thứ tự văn bản.")


VERBATIM = "nguyen_van"


UNKNOWN = "khong_ro"


def _section_kind(value) -> str | None:
    if isinstance(value, BaseModel):
        return VERBATIM if isinstance(value, VerbatimSection) else value.loai
    if not isinstance(value, dict):
        return None
    kind = value.get("loai")
    if "doan" in value:
        # A structured kind with its own fields beside `doan` is the structured section it says it is
        # (keeping the document's words in `doan`): an error then names its wrong field at its line.
        if isinstance(kind, str) and kind in STRUCTURED and set(value) - set(VerbatimSection.model_fields):
            return kind
        return VERBATIM
    return kind if isinstance(kind, str) and kind in STRUCTURED else UNKNOWN


def _unknown_section(value):
    """A mapping that is neither kind: say which `loai` it has, and the one meant."""
    kind = value.get("loai")
    close = difflib.get_close_matches(str(kind), STRUCTURED, n=1, cutoff=0.6) if kind is not None else []
    said = f"«loai: {kind}» không phải loại mục có cấu trúc nào" if kind is not None else "mục không có «loai» cũng không có «doan»"
    raise PydanticCustomError("du_lieu", f"Không rõ loại mục: {said}"
                              + (f" (có phải «{close[0]}»?)" if close else "")
                              + ". Mục chép nguyên văn có trường «doan»; mục có cấu trúc có «loai» là một trong "
                              + ", ".join(STRUCTURED) + ".")


Section = Annotated[
    Union[Annotated[Purposes, Tag("muc_dich_yeu_cau")], Annotated[Contents, Tag("noi_dung")],
          Annotated[Steps, Tag("cac_buoc")], Annotated[Period, Tag("thoi_gian_dia_diem")],
          Annotated[Budget, Tag("kinh_phi")], Annotated[Organisation, Tag("to_chuc_thuc_hien")],
          Annotated[VerbatimSection, Tag(VERBATIM)],
          Annotated[object, BeforeValidator(_unknown_section), Tag(UNKNOWN)]],
    Discriminator(_section_kind, custom_error_message=(
        "Không rõ loại mục: một mục chép nguyên văn có trường «doan»; một mục có cấu trúc có «loai» là một trong "
        + ", ".join(STRUCTURED) + "."), **_KIND_ERROR),
]


class Draft(Strict):
    tep: Text = Field(description="Tên tệp đã nhập (không có thư mục): ke-hoach-xa.docx.")
    da_doi_chieu: StrictBool = Field(default=False, description="Người biên tập đặt true khi đã đối chiếu bản nhập "
                                                                "với văn bản gốc, trong pull request đăng kế hoạch.")
    can_xac_nhan: Annotated[list[Text], *at_most(MAX_RESULT_ITEMS)] = Field(
        default=[], description="Những điều người biên tập cần xác nhận hoặc bổ sung (chỉ in khi dựng website, "
                                "không hiện cho người đọc).")


class BasisText(Strict):
    van_ban: Text = Field(description="Dòng căn cứ, chép đúng văn bản: «Căn cứ Kế hoạch số …;».")


def _basis_kind(value) -> str | None:
    if isinstance(value, BaseModel):
        return "nguyen_van" if isinstance(value, BasisText) else "co_cau_truc"
    if not isinstance(value, dict):
        return None
    return "nguyen_van" if "van_ban" in value else "co_cau_truc"


Basis = Annotated[
    Union[Annotated[BasisDocument, Tag("co_cau_truc")], Annotated[BasisText, Tag("nguyen_van")]],
    Discriminator(_basis_kind, custom_error_message="Cần một nhóm {loai, so, ngay, co_quan, trich_yeu} "
                                                    "hoặc {van_ban: «Căn cứ …»}.", **_KIND_ERROR),
]


class RecipientLines(Strict):
    dong: Annotated[list[Text], *at_most(MAX_LIST)] = Field(
        default=[], description="Các dòng dưới «Nơi nhận:», chép đúng văn bản: «- Như trên;», «- Lưu: VT.».")


def _recipients_kind(value) -> str | None:
    if isinstance(value, BaseModel):
        return "nguyen_van" if isinstance(value, RecipientLines) else "co_cau_truc"
    if not isinstance(value, dict):
        return None
    return "nguyen_van" if "dong" in value else "co_cau_truc"


AnyRecipients = Annotated[
    Union[Annotated[Recipients, Tag("co_cau_truc")], Annotated[RecipientLines, Tag("nguyen_van")]],
    Discriminator(_recipients_kind, custom_error_message="Cần một nhóm {gui, luu} hoặc {dong}.", **_KIND_ERROR),
]


class PlanFile(Strict):
    nhap_tu_dong: Draft | None = Field(default=None, description="Chỉ có ở kế hoạch nhập tự động từ tệp Word.")
    van_ban_goc: Text | None = Field(default=None, description=(
        "Tệp chữ của văn bản kế hoạch (UTF-8, mỗi đoạn một dòng): tên tệp trong thư mục kế hoạch (van-ban-goc.txt, "
        "do lệnh nhập ghi), hoặc đường dẫn tính từ thư mục dự án (source/ke-hoach.txt). Có tệp này thì mỗi lần kiểm tra và dựng website, lời trang Kế hoạch được so với "
        "văn bản: thiếu, thừa hay khác một chữ, một con số đều báo lỗi. Văn bản được ban hành lại thì thay cả tệp này."))
    van_ban: DocumentInfo
    cuoc_van_dong: Campaign | None = None
    can_cu: Annotated[list[Basis], *at_most(MAX_LIST)] = Field(default=[])
    mo_dau: Opening = ""
    ten_goi_don_vi: Text = Field(default="đơn vị", description="Cách kế hoạch gọi chung các đơn vị của mình, như kế hoạch viết; mặc định «đơn vị».")
    ten_goi_khu_dan_cu: Text | None = Field(default=None, description=(
        "Cách kế hoạch gọi những nơi được chọn trong mỗi xã để tổ chức hội nghị (số liệu kết quả «dia_ban › "
        "khu_dan_cu»), như kế hoạch viết. Bỏ trống: báo cáo tổng hợp viết «nơi được chọn»."))
    muc: Annotated[list[Section], *at_most(MAX_LIST)] = Field(
        description="Các mục của kế hoạch theo thứ tự văn bản: mục có cấu trúc (có «loai») hoặc chép nguyên văn (có «doan»).")
    ket_luan: OptionalText = ""
    noi_nhan: AnyRecipients = Field(default=RecipientLines())
    chu_ky: Signature = Field(default=Signature())
    chu_ky_khac: Annotated[list[Signature], *at_most(MAX_LIST)] = Field(default=[], description=(
        "Văn bản do nhiều cơ quan cùng ký (chương trình phối hợp, nghị quyết liên tịch): phần ký của các cơ quan "
        "còn lại, theo thứ tự văn bản viết (chu_ky là phần ký thứ nhất, bên trái); website in các phần ký cạnh nhau."))
    noi_nhan_sau_chu_ky: StrictBool = Field(default=False, description=(
        "Chỉ dùng khi có chu_ky_khac: true khi văn bản viết «Nơi nhận» dưới hàng chữ ký, false khi viết ở trên."))
    phu_luc: Blocks = Field(default=[], description=(
        "Phần sau chữ ký (phụ lục: bảng, đoạn), chép đúng văn bản, theo thứ tự; website in sau phần ký."))
    ten_goi_noi_dung: Text | None = Field(default=None, description=(
        "Cách kế hoạch gọi chung các nội dung của mục nội dung (noi_dung › muc), đúng chữ kế hoạch viết trong mục đó "
        "(«tập trung vào các nội dung chính sau»: các nội dung chính): Sổ tay lấy làm tiêu đề danh sách các nội dung "
        "(«Các nội dung chính»). Bỏ trống: tiêu đề là «Các nội dung»."))

    # The structured section of each kind, or None: the computed pages exist only with it.
    def section(self, kind: str):
        return next((s for s in self.muc if not isinstance(s, VerbatimSection) and s.loai == kind), None)

    @property
    def muc_dich_yeu_cau(self) -> Purposes | None:
        return self.section("muc_dich_yeu_cau")

    @property
    def noi_dung(self) -> Contents | None:
        return self.section("noi_dung")

    @property
    def cac_buoc(self) -> Steps | None:
        return self.section("cac_buoc")

    @property
    def thoi_gian_dia_diem(self) -> Period | None:
        return self.section("thoi_gian_dia_diem")

    @property
    def kinh_phi(self) -> Budget | None:
        return self.section("kinh_phi")

    @property
    def to_chuc_thuc_hien(self) -> Organisation | None:
        return self.section("to_chuc_thuc_hien")

    @property
    def draft(self) -> Draft | None:
        """The import's record while no editor has checked it against the source; None after."""
        return self.nhap_tu_dong if self.nhap_tu_dong and not self.nhap_tu_dong.da_doi_chieu else None


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

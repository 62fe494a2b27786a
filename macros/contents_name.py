"""ke-hoach.yaml › ten_goi_noi_dung (the plan's own words for its contents, the Sổ tay's heading over them) is
checked against the contents section's words: a heading the plan does not write is refused."""

from .doan_text import lines
from .errors import DataError
from .model import PlanFile
from .report_words import spans, squash


def check_contents_name(plan: PlanFile, src) -> list[DataError]:
    named = plan.ten_goi_noi_dung
    if not named:
        return []
    section = plan.noi_dung
    if section is None:  # no Sổ tay shows it: an error once checked, as other data no page shows (a draft lists it)
        return [] if plan.draft else [src.error(
            ("ten_goi_noi_dung",), f"ten_goi_noi_dung ghi «{named}», nhưng kế hoạch không có mục nội dung có cấu trúc "
            "(loai: noi_dung, muc): Sổ tay không được tạo, tiêu đề này không hiện ở đâu.", found=named,
            hint="bỏ dòng ten_goi_noi_dung, hoặc ghi mục nội dung của kế hoạch dạng có cấu trúc.")]
    # Whole words, case as written (NFC); a heading the plan writes in capitals (its document style) may be given in
    # ordinary case. At least two words: a lone word («sau» of «… trọng tâm sau:») is not the plan's name for them.
    texts = [section.tieu_de or "", section.loi_dan, *lines(section.doan, marks=False), *(t.noi_dung for t in section.muc)]
    heading = squash(section.tieu_de or "")
    wanted = squash(named)
    if len(wanted.split()) >= 2 and (any(spans(wanted, text) for text in texts)
                                     or (heading.isupper() and spans(wanted.upper(), heading))):
        return []
    if len(wanted.split()) < 2:
        return [src.error(("ten_goi_noi_dung",), f"ten_goi_noi_dung ghi «{named}»: một chữ không phải tên kế hoạch "
                          "gọi chung các nội dung; Sổ tay in chữ này làm tiêu đề.", found=named,
                          hint="chép trọn cụm chữ (hai chữ trở lên) kế hoạch dùng để gọi chung các nội dung, "
                               "có dấu; kế hoạch không gọi chung thì bỏ dòng ten_goi_noi_dung.")]
    return [src.error(("ten_goi_noi_dung",), f"ten_goi_noi_dung ghi «{named}», nhưng lời văn mục «{section.tieu_de}» "
                      "(tieu_de, loi_dan, doan) không viết chữ này (trọn từng chữ, chữ hoa và chữ thường như kế hoạch "
                      "viết): Sổ tay in chữ này làm tiêu đề như lời kế hoạch.",
                      found=named, hint="chép đúng chữ kế hoạch gọi chung các nội dung đó, có dấu; "
                                        "kế hoạch không gọi chung thì bỏ dòng ten_goi_noi_dung.")]

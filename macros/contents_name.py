"""ke-hoach.yaml › ten_goi_noi_dung (the plan's own words for its contents, the Sổ tay's heading over them) is
checked against the contents section's words: a heading the plan does not write is refused."""

import re

from .doan_text import lines
from .errors import DataError
from .model import PlanFile


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
    texts = [section.tieu_de, section.loi_dan, *lines(section.doan, marks=False), *(t.noi_dung for t in section.muc)]
    words = " ".join(" ".join(texts).split()).casefold()
    if re.search(rf"(?<!\w){re.escape(' '.join(named.split()).casefold())}(?!\w)", words):
        return []
    return [src.error(("ten_goi_noi_dung",), f"ten_goi_noi_dung ghi «{named}», nhưng lời văn mục «{section.tieu_de}» "
                      "(tieu_de, loi_dan, doan) không viết chữ này: Sổ tay in chữ này làm tiêu đề như lời kế hoạch.",
                      found=named, hint="chép đúng chữ kế hoạch gọi chung các nội dung đó, có dấu; "
                                        "kế hoạch không gọi chung thì bỏ dòng ten_goi_noi_dung.")]

"""to_chuc_thuc_hien › bao_cao › ben_gui (who sends the report, as the plan writes it) is checked against the
organisation section's words: a sender the plan does not write is refused at its line, never printed."""

from .doan_text import lines
from .errors import DataError
from .model import PlanFile
from .sections import path_of


def check_report_sender(plan: PlanFile, src) -> list[DataError]:
    section = plan.to_chuc_thuc_hien
    if section is None or not section.bao_cao.ben_gui:
        return []
    who = section.bao_cao.ben_gui
    texts = [section.bao_cao.loi_van, section.loi_dan, *lines(section.doan, marks=False),
             *(a.nhiem_vu for a in section.phan_cong),
             *([section.don_vi_thuc_hien.nhiem_vu] if section.don_vi_thuc_hien is not None else [])]
    if " ".join(who.split()).casefold() in " ".join(" ".join(texts).split()).casefold():
        return []
    return [src.error(path_of(plan, "to_chuc_thuc_hien") + ("bao_cao", "ben_gui"),
                      f"ben_gui ghi «{who}», nhưng lời văn mục «{section.tieu_de}» (loi_van, doan, nhiem_vu) không viết "
                      "chữ này: website in chữ này là người gửi báo cáo theo kế hoạch.", found=who,
                      hint="chép đúng chữ kế hoạch viết về người gửi báo cáo, có dấu; kế hoạch không viết thì bỏ dòng ben_gui.")]

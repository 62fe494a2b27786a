"""The macros that pages written by hand in docs/ may call, declared once.

macros/adapters/macros_env.py (mkdocs-macros) binds each to the build, and
render/provenance.py reads which data each shows. No mkdocs import here.

Two kinds:
- PLAN: a whole page of one plan, render(Site): the first plan listed, or the one
  named, {{ kinh_phi("ke-hoach-mau") }}; a stub page holding it is changed in data/.
- PAGE: facts for a page's own prose (render/guide.py), render(guide.Context): the
  page's text is changed in docs/ («Cách dùng trang này», docs/cach-dung.md).
"""

from dataclasses import dataclass
from typing import Callable

from ..outputs import macro_data
from . import assignments, budget, guide, handbook, home, plan, timeline, units

PLAN = "plan"
PAGE = "page"


@dataclass(frozen=True)
class Macro:
    render: Callable
    kind: str  # PLAN or PAGE
    doc: str = ""


MACROS: dict[str, Macro] = {
    "trang_chu": Macro(home.home_page, PLAN),
    "toan_van_ke_hoach": Macro(plan.plan_page, PLAN),
    "phan_cong": Macro(assignments.assignments_page, PLAN),
    "danh_sach_don_vi": Macro(units.units_index, PLAN),
    "tien_do": Macro(timeline.timeline_html, PLAN),
    "kinh_phi": Macro(budget.budget_page, PLAN),
    "so_tay": Macro(handbook.handbook_index, PLAN),
    "ke_hoach": Macro(guide.plans, PAGE, doc="mỗi kế hoạch: tên, số đơn vị, liên kết các trang, tên tệp, hạn báo cáo"),
    "ngoai_tuyen": Macro(guide.offline, PAGE, doc="tệp ZIP của website, giới hạn, gói chung"),
    "tim_khong_dau": Macro(guide.search_examples, PAGE, doc="ví dụ tìm kiếm không dấu và trang mở ra"),
    "nhap_bao_cao": Macro(guide.import_command, PAGE, doc="lệnh nhập mẫu báo cáo Excel đã điền"),
    "co_ban_in": Macro(guide.documents, PAGE, doc="bản dựng này có tệp PDF và mẫu báo cáo Excel"),
}

# Macro name -> the data it shows (render/provenance.py: "Sửa trang này", "Cập nhật lần cuối"):
# a PLAN macro shows its page's content, whose data files the outputs registry declares
# (macros/outputs.py, Row.macro); a PAGE macro's text is the page's own file in docs/.
MACRO_DATA: dict[str, tuple[str, ...]] = macro_data()

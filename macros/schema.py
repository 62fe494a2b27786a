"""JSON Schema of each data file, generated from the model, for editors' editors:
VS Code (YAML extension) reads the `# yaml-language-server: $schema=…` line at
the top of each data file and offers completion, hover help and red underlines.

    python -m macros.schema           # rewrite schema/*.schema.json
    python -m macros.schema --kiem-tra  # exit 1 if the committed files are stale

The schema is help while typing; `python -m macros.check` stays the judge (it
also knows the cross-file rules and the YAML 1.1 traps a schema cannot see).
"""

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .loader import OPTIONAL_PLAN_FILES, PLAN_FILES, SHARED_FILES, WEBSITE_FILE
from .model import WebsiteFile

# name -> (file name, model) of every data file that has a schema.
FILES: dict[str, tuple[str, type[BaseModel]]] = {**PLAN_FILES, **OPTIONAL_PLAN_FILES, **SHARED_FILES,
                                                 "website": (Path(WEBSITE_FILE).name, WebsiteFile)}

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = "schema"

TITLES = {
    "units": "Các đơn vị thực hiện kế hoạch (data/<kế hoạch>/don-vi.yaml)",
    "org": "Cơ quan ban hành và các ban (data/<kế hoạch>/co-quan.yaml)",
    "plan": "Nội dung kế hoạch (data/<kế hoạch>/ke-hoach.yaml)",
    "website": "Tên website và các kế hoạch đăng trên website (data/website.yaml)",
    "changes": "Thay đổi hành chính sau kế hoạch (data/<kế hoạch>/thay-doi-hanh-chinh.yaml)",
    "editorial": "Người biên soạn và cách viết thống nhất (data/bien-soan.yaml)",
}

# Hover help for the parts the model leaves undescribed (a group's meaning
# depends on where it sits, so it is given here by field name and by group).
FIELD_HELP = {
    "tieu_de": "Tiêu đề của mục, viết như trong kế hoạch.",
    "loi_dan": "Lời dẫn trước các mục, chép đúng kế hoạch.",
    "muc": "Các mục, mỗi mục bắt đầu bằng «- ».",
    "trich_yeu": "Trích yếu (tên) của văn bản.",
    "ten_ngan": "Tên ngắn.",
    "noi_dung": "Nội dung, chép đúng kế hoạch.",
    "ten": "Tên, viết như trong kế hoạch.",
    "nhiem_vu": "Nhiệm vụ, chép đúng kế hoạch.",
    "ngay": "Ngày của văn bản.",
    "bat_dau": "Bắt đầu thực hiện, như kế hoạch ghi: quý, tháng hoặc ngày.",
    "ket_thuc": "Kết thúc thực hiện, như kế hoạch ghi: ngày, tháng hoặc quý.",
    "van_ban": "Thông tin của chính văn bản kế hoạch: loại, số, ký hiệu, ngày, năm.",
    "cuoc_van_dong": "Tên Cuộc vận động.",
    "can_cu": "Các văn bản làm căn cứ.",
    "mo_dau": "Đoạn mở đầu, chép đúng kế hoạch.",
    "cac_buoc": "Các bước thực hiện kế hoạch và số hội nghị.",
    "buoc": "Các bước, theo thứ tự; mỗi bước bắt đầu bằng «- ».",
    "hoi_nghi": "Số hội nghị ít nhất và nhiều nhất, như kế hoạch ghi.",
    "thoi_gian_dia_diem": "Thời gian thực hiện.",
    "kinh_phi": "Kinh phí: mức cho mỗi đơn vị (dinh_muc) hoặc số tiền riêng của từng đơn vị (rieng); tổng và số tiền "
                "bằng chữ do website tự tính.",
    "to_chuc_thuc_hien": "Tổ chức thực hiện: phân công các ban, báo cáo.",
    "phan_cong": "Phân công: mỗi ban một mục, kèm mã các đơn vị ban đó phối hợp.",
    "bao_cao": "Nơi nhận và hạn gửi báo cáo kết quả.",
    "don_vi_thuc_hien": "Nhiệm vụ của Ban Thường trực cấp dưới.",
    "ket_luan": "Đoạn kết, chép đúng kế hoạch.",
    "noi_nhan": "Nơi nhận.",
    "gui": "Nơi nhận văn bản, mỗi nơi một mục.",
    "chu_ky": "Phần chữ ký cuối văn bản.",
    "ban": "Các ban được giao việc.",
    "don_vi": "Các đơn vị.",
}


def _describe(node, parent_key=None):
    """Drop pydantic's English titles ("Ten Ngan") and fill missing descriptions."""
    if isinstance(node, dict):
        node.pop("title", None) if parent_key != "properties" else None
        for key, value in node.items():
            _describe(value, key)
        if parent_key == "properties":
            for name, prop in node.items():
                if isinstance(prop, dict) and "description" not in prop and name in FIELD_HELP:
                    prop["description"] = FIELD_HELP[name]
    elif isinstance(node, list):
        for item in node:
            _describe(item)


def schema_for(name: str) -> dict:
    rel, model = FILES[name]
    return schema_of(model, rel, TITLES.get(name, rel))


def schema_of(model: type[BaseModel], rel: str, title: str) -> dict:
    schema = model.model_json_schema()
    _describe(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    schema["description"] = (f"Mẫu dữ liệu của {rel}. Sinh từ macros/model.py bằng «python -m macros.schema»; "
                             "kiểm tra đầy đủ bằng «python -m macros.check».")
    return schema


def schema_path(name: str) -> str:
    """"data/don-vi.yaml" -> "schema/don-vi.schema.json" (the path in the file's modeline)."""
    return f"{SCHEMA_DIR}/{Path(FILES[name][0]).stem}.schema.json"


def render(schema: dict) -> str:
    # Sorted keys, real Vietnamese letters, trailing newline: the same bytes every time.
    return json.dumps(schema, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def expected(root: Path = ROOT) -> dict[Path, str]:
    out = {root / schema_path(name): render(schema_for(name)) for name in FILES}
    out.update({root / SCHEMA_DIR / f"{stem}.schema.json": render(schema_of(model, rel, title))
                for stem, (rel, model, title) in results_schemas().items()})
    return out


def results_schemas() -> dict:
    """Schemas of the results files (macros/results/), outside loader.PLAN_FILES: stem -> (path, model, title)."""
    from .results.model import CompiledReportFile, UnitResults

    return {
        "ket-qua": ("data/<kế hoạch>/ket-qua/<mã đơn vị>.yaml", UnitResults,
                    "Kết quả thực hiện của một đơn vị (data/<kế hoạch>/ket-qua/<mã>.yaml)"),
        "bao-cao": ("data/<kế hoạch>/bao-cao.yaml", CompiledReportFile,
                    "Báo cáo tổng hợp của tỉnh (data/<kế hoạch>/bao-cao.yaml)"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.schema",
                                     description="Sinh JSON Schema của các tệp dữ liệu từ mô hình.")
    parser.add_argument("--kiem-tra", action="store_true", help="chỉ kiểm tra, không ghi; mã thoát 1 nếu cần sinh lại")
    args = parser.parse_args(argv)
    stale = []
    for path, text in expected().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not args.kiem_tra:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for rel in stale:
        print(("Cần sinh lại: " if args.kiem_tra else "Đã ghi: ") + rel)
    if args.kiem_tra and stale:
        print("Chạy «python -m macros.schema» rồi commit các tệp schema/.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

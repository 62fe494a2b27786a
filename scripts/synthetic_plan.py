"""Write a synthetic plan folder: a TEST FIXTURE, never a real plan.

Used for the fixture plan under tests/fixtures/ke-hoach-mau/ (committed; made
with this script) and by scripts/bench_scale.py (plans of 10 … 3,321 units).
Every text says it is a sample for testing ("Kế hoạch mẫu dùng để kiểm thử");
units are communes ("xã", as after 01/7/2025) with obviously made-up names
("Mẫu Đăk Hòa"); there are no figures, names or documents of a real plan.

    python scripts/synthetic_plan.py tests/fixtures/ke-hoach-mau --don-vi 120 --nam 2026
"""

import argparse
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MARK = "Kế hoạch mẫu dùng để kiểm thử"
# Syllables with every kind of diacritic (and đ), so folding and slugs are exercised.
_A = ["Đăk", "Ia", "Hòa", "Thủy", "Ngọc", "Sơn", "Bình", "Phước", "Tân", "An", "Kon", "Mơ",
      "Rờ", "Lạc", "Quảng", "Hưng", "Đức", "Yên", "Tịnh", "Nghĩa"]
_B = ["Hòa", "Tây", "Đông", "Bắc", "Nam", "Trung", "Thượng", "Hạ", "Lộc", "Phú", "Mỹ", "Xuân",
      "Hiệp", "Thành", "Lợi", "Thịnh", "Vĩnh", "Khánh", "Tiến", "Đạt"]


def unit_names(n: int) -> list[str]:
    names = []
    for i in range(n):
        a, b = _A[i % len(_A)], _B[(i // len(_A)) % len(_B)]
        round_ = i // (len(_A) * len(_B))
        names.append(f"Mẫu {a} {b}" + (f" {round_ + 1}" if round_ else ""))
    return names


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    # Codes ("00008") and dates ("15/10/2026") always in double quotes, as the editor guide asks.
    quoted = value[:1].isdigit()
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if quoted else None)


_Dumper.add_representer(str, _str)


def _dump(path: Path, data: dict, schema: str | None = None, note: str = "") -> None:
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    head += f"#\n# {MARK}: dữ liệu giả, không phải văn bản thật. {note}\n".replace(" \n", "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def write_plan(dest: Path, units: int, year: int = 2026, per_department: int = 30, schema_prefix: str = "../../") -> Path:
    """A complete plan folder at `dest` with `units` communes, about `per_department` per department."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    names = unit_names(units)
    codes = [f"{i + 1:05d}" for i in range(units)]
    n_dept = max(2, -(-units // per_department))
    depts = [{"ma": f"ban-mau-{j + 1}", "ten": f"Ban Mẫu {j + 1}"} for j in range(n_dept)]
    groups = [list(range(j, units, n_dept)) for j in range(n_dept)]
    s = lambda p: f"{schema_prefix}schema/{p}.schema.json"  # noqa: E731

    _dump(dest / "don-vi.yaml", {
        "tinh": "Mẫu",
        "don_vi": [{"ma": c, "cap": "xã", "ten": n, "ten_chinh_thuc": f"Xã {n}"} for c, n in zip(codes, names)],
    }, s("don-vi"), "Các xã có tên giả.")
    _dump(dest / "co-quan.yaml", {
        "co_quan_cap_tren": "ỦY BAN MẪU KIỂM THỬ",
        "co_quan_ban_hanh": "BAN THƯỜNG TRỰC MẪU",
        "ten_day_du": "Ban Thường trực Ủy ban Mẫu kiểm thử",
        "dia_danh": "Mẫu",
        "ban": depts,
        "quoc_hieu": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "tieu_ngu": "Độc lập - Tự do - Hạnh phúc",
    }, s("co-quan"))
    topics = [{"ma": f"chu-de-mau-{k}", "ten_ngan": f"Chủ đề mẫu {k}",
               "noi_dung": f"Nội dung trọng tâm mẫu số {k}, chỉ để kiểm thử website."} for k in (1, 2, 3)]
    plan = {
        "van_ban": {"loai": "Kế hoạch", "so": "", "ky_hieu": "KH-MAU", "ngay_ban_hanh": "", "nam": year,
                    "trich_yeu": f"Tuyên truyền, vận động tại {units} xã năm {year} ({MARK.lower()}, "
                                 "không phải văn bản thật)"},
        "cuoc_van_dong": {"ten": "Cuộc vận động mẫu dùng để kiểm thử", "ten_ngan": "Cuộc vận động mẫu"},
        "can_cu": [],
        "mo_dau": f"{MARK}. Văn bản này do chương trình tạo ra để kiểm tra website với nhiều đơn vị.",
        "ten_goi_don_vi": "xã",
        "muc": [
            {"loai": "muc_dich_yeu_cau", "tieu_de": "MỤC ĐÍCH, YÊU CẦU",
             "muc": ["Mục đích mẫu thứ nhất.", "Yêu cầu mẫu thứ hai."]},
            {"loai": "noi_dung", "tieu_de": "NỘI DUNG TUYÊN TRUYỀN, VẬN ĐỘNG", "loi_dan": "Các nội dung mẫu:",
             "muc": topics},
            {"loai": "cac_buoc", "tieu_de": "CÁC BƯỚC TRIỂN KHAI", "buoc": [
                {"ten_ngan": "Bước mẫu một", "noi_dung": "Chuẩn bị (nội dung mẫu)."},
                {"ten_ngan": "Khảo sát mẫu", "noi_dung": "Khảo sát (nội dung mẫu)."},
                {"ten_ngan": "Hội nghị mẫu", "noi_dung": "Tổ chức {so_hoi_nghi} hội nghị mẫu."}],
             "hoi_nghi": {"toi_thieu": 1, "toi_da": 3}},
            {"loai": "thoi_gian_dia_diem", "tieu_de": "THỜI GIAN, ĐỊA ĐIỂM", "bat_dau": f"3/{year}",
             "ket_thuc": f"31/10/{year}"},
            {"loai": "kinh_phi", "tieu_de": "KINH PHÍ THỰC HIỆN", "nguon": "Từ kinh phí mẫu (số liệu giả)",
             "dinh_muc": 2000000},
            {"loai": "to_chuc_thuc_hien",
             "tieu_de": "TỔ CHỨC THỰC HIỆN", "loi_dan": "Phân công mẫu:",
             "phan_cong": [{"ban": d["ma"], "don_vi": [codes[i] for i in g],
                            "nhiem_vu": "Phối hợp tuyên truyền tại các xã: " + ", ".join(names[i] for i in g) + "."}
                           for d, g in zip(depts, groups)],
             "bao_cao": {"noi_nhan": depts[0]["ma"], "han": f"15/10/{year}",
                         "loi_van": "Báo cáo mẫu gửi về {noi_nhan_bao_cao} trước ngày {han_bao_cao}."},
             "don_vi_thuc_hien": {"ten": "Ban Thường trực Ủy ban Mẫu các xã", "nhiem_vu": "Phối hợp (nội dung mẫu)."}},
        ],
        "ket_luan": f"Trên đây là {MARK.lower()}.",
        "noi_nhan": {"gui": [{"ten": "Nơi nhận mẫu"}], "luu": ["VT"]},
        "chu_ky": {"quyen_han": "TM. BAN THƯỜNG TRỰC MẪU", "chuc_vu": "NGƯỜI KÝ MẪU", "trang_thai": "",
                   "nguoi_ky": "Người Ký Mẫu"},
    }
    _dump(dest / "ke-hoach.yaml", plan, s("ke-hoach"))
    toolkit = yaml.safe_load((ROOT / "data/ke-hoach-2023/bo-cong-cu.yaml").read_text(encoding="utf-8"))
    text = yaml.safe_dump(toolkit, allow_unicode=True, sort_keys=False).replace("huyện, thành phố", "xã")
    _dump(dest / "bo-cong-cu.yaml", yaml.safe_load(text), s("bo-cong-cu"), "Chữ của các mẫu in, chép từ kế hoạch đầu.")
    chapter = lambda title, topic=None: {  # noqa: E731
        "ten": title, **({"chu_de": topic} if topic else {}),
        "muc_dich": ["Mục đích mẫu của chương (kiểm thử)."], "thong_diep": ["Câu đọc to mẫu."],
        "kien_thuc": [{"tieu_de": "Điều cần biết mẫu", "doan": ["Đoạn văn mẫu."]}],
        "huong_dan": [{"tieu_de": "Việc mẫu", "buoc": ["Bước mẫu."]}],
        "cau_hoi": ["Câu hỏi mẫu?"]}
    _dump(dest / "so-tay" / "gioi-thieu.yaml", chapter("Giới thiệu kế hoạch mẫu"), None)
    for t in topics:
        _dump(dest / "so-tay" / f"{t['ma']}.yaml", chapter(t["ten_ngan"], t["ma"]), None)
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description="Tạo thư mục kế hoạch mẫu (dữ liệu giả để kiểm thử).")
    parser.add_argument("dest", type=Path)
    parser.add_argument("--don-vi", type=int, default=120)
    parser.add_argument("--nam", type=int, default=2026)
    args = parser.parse_args()
    write_plan(args.dest, args.don_vi, args.nam)


if __name__ == "__main__":
    main()

"""Check data/ without building the site: every error at once, in Vietnamese.

    python -m macros.check            # check
    python -m macros.check --sua-nfc  # also rewrite data files into NFC first

Exit 0 when the data is good, 1 when it is not, 2 on an internal error (a bug:
a short "lỗi nội bộ" message naming the file being read, never a traceback). Used by the build, by CI and
by pre-commit; it imports no MkDocs and takes well under a second.
"""

import argparse
import sys
import unicodedata
from pathlib import Path

from . import doan_checks
from .errors import DataErrors
from .loader import data_paths, load_website
from .guards import INTERNAL_EXIT, InternalError, internal_message
from .numbers import format_money
from .render import notice
from .yamlsrc import read_bytes_bounded

ROOT = Path(__file__).resolve().parents[1]


def fix_nfc(root: Path) -> list[str]:
    fixed = []
    for path in data_paths(root):  # results files (ket-qua/, bao-cao.yaml) included
        rel = path.relative_to(root).as_posix()
        try:  # no symlink, no special file, no file over the size limit: those the check refuses
            text = read_bytes_bounded(path, rel).decode("utf-8")
        except (DataErrors, UnicodeDecodeError):
            continue
        nfc = unicodedata.normalize("NFC", text)
        if nfc != text:
            path.write_text(nfc, encoding="utf-8")
            fixed.append(rel)
    return fixed


def budget_summary(site) -> str:
    """The check's word on the plan's budget: its total when the site has a budget page; else why not, as it
    is (review r19n: «không có mục kinh phí» for a plan whose budget section is kept word for word)."""
    if site.has_budget and site.total_beyond_units:  # the plan's total holds more than its units (r19n, defect 3)
        return (f"kinh phí các đơn vị {format_money(site.total)}; tổng kinh phí kế hoạch ghi "
                f"{format_money(site.plan.kinh_phi.tong)}")
    if site.has_budget:
        return f"tổng kinh phí {format_money(site.total)}"
    section = next((s for s in site.plan.muc if s.loai == "kinh_phi"), None)
    if section is None:
        return "không có mục kinh phí"
    name = " ".join(x for x in (f"mục {section.so}" if section.so else "mục",
                                f"«{section.tieu_de}»" if section.tieu_de else "kinh phí"))
    if site.plan.kinh_phi is None:
        return f"{name} chép nguyên văn (chưa ghi dạng có cấu trúc): không có trang kinh phí"
    return f"{name} có cấu trúc nhưng không có trang kinh phí (trang này cần danh sách đơn vị)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check", description="Kiểm tra dữ liệu kế hoạch trong data/.")
    parser.add_argument("--goc", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục chứa data/)")
    parser.add_argument("--sua-nfc", action="store_true", help="chuyển các tệp dữ liệu về Unicode dựng sẵn (NFC)")
    args = parser.parse_args(argv)
    if args.sua_nfc:
        for rel in fix_nfc(args.goc):
            print(f"Đã chuyển {rel} về Unicode dựng sẵn (NFC).")
    try:
        website = load_website(args.goc)  # each plan's results (ket-qua/, bao-cao.yaml) included, both optional
        lines = [f"Dữ liệu hợp lệ{f' ({site.key})' if website.several else ''}: {len(site.units)} đơn vị, "
                 f"{len(site.departments)} ban, "
                 + budget_summary(site)
                 + "; kết quả: "
                 + (f"{len(site.results.by_unit)} đơn vị có số liệu." if not site.results.empty
                    else "chưa có số liệu báo cáo.") for site in website.plans]
        notes = [doan_checks.budget_notes(site) for site in website.plans]
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    except InternalError as exc:
        print(exc, file=sys.stderr)
        return INTERNAL_EXIT
    except Exception as exc:  # noqa: BLE001 - the last guard: never a traceback
        print(internal_message("data/", exc), file=sys.stderr)
        return INTERNAL_EXIT
    for site, plan_notes in zip(website.plans, notes):
        for note in plan_notes:  # the budget's words against themselves (review bad9 #1)
            print(f"Lưu ý: {note}", file=sys.stderr)
        for warning in site.results.warnings:
            print(f"Lưu ý: {warning}", file=sys.stderr)
        if site.draft:
            print(f"Lưu ý: {notice.draft_checklist(site)}", file=sys.stderr)
        elif not (site.plan.van_ban_goc or "").strip():  # typed by hand: its words are not compared (plan_words)
            print(f"Lưu ý: {site.sources['plan'].path} không ghi van_ban_goc (tệp chữ của văn bản kế hoạch): lời "
                  "trang Kế hoạch không được so với văn bản. Có tệp chữ (mỗi đoạn một dòng) thì ghi "
                  "van_ban_goc: <tên tệp> để mỗi lần kiểm tra so từng chữ.", file=sys.stderr)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

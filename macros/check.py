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

from .errors import DataErrors
from .guards import INTERNAL_EXIT, InternalError, internal_message
from .numbers import format_money
from .results.load import FOLDER as RESULTS_FOLDER
from .results.load import REPORT_FILE, load_results
from .site import FILES, FOLDERS, load_site

ROOT = Path(__file__).resolve().parents[1]


def fix_nfc(root: Path) -> list[str]:
    fixed = []
    paths = [root / rel for rel, _ in FILES.values()]
    paths += [p for rel, _ in FOLDERS.values() for p in sorted((root / rel).glob("*.yaml"))]
    paths += sorted((root / RESULTS_FOLDER).glob("*.yaml")) + [root / REPORT_FILE]
    for path in paths:
        rel = path.relative_to(root).as_posix()
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        nfc = unicodedata.normalize("NFC", text)
        if nfc != text:
            path.write_text(nfc, encoding="utf-8")
            fixed.append(rel)
    return fixed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check", description="Kiểm tra dữ liệu kế hoạch trong data/.")
    parser.add_argument("--goc", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục chứa data/)")
    parser.add_argument("--sua-nfc", action="store_true", help="chuyển các tệp dữ liệu về Unicode dựng sẵn (NFC)")
    args = parser.parse_args(argv)
    if args.sua_nfc:
        for rel in fix_nfc(args.goc):
            print(f"Đã chuyển {rel} về Unicode dựng sẵn (NFC).")
    try:
        site = load_site(args.goc)
        results = load_results(args.goc, site)  # data/ket-qua/ and data/bao-cao.yaml, both optional
        summary = (f"Dữ liệu hợp lệ: {len(site.units)} đơn vị, {len(site.departments)} ban, "
                   f"tổng kinh phí {format_money(site.total)}; kết quả: "
                   + (f"{len(results.by_unit)} đơn vị có số liệu." if not results.empty else "chưa có số liệu báo cáo."))
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    except InternalError as exc:
        print(exc, file=sys.stderr)
        return INTERNAL_EXIT
    except Exception as exc:  # noqa: BLE001 - the last guard: never a traceback
        print(internal_message("data/", exc), file=sys.stderr)
        return INTERNAL_EXIT
    for warning in results.warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Import a plan from the office's own file into a draft plan folder.

    .venv/bin/python -m macros.import_plan KE-HOACH.docx                  # writes data/<thư mục>/
    .venv/bin/python -m macros.import_plan KE-HOACH.docx --thu-muc ke-hoach-xa-moi
    .venv/bin/python -m macros.import_plan KE-HOACH.docx --xem            # only prints, writes nothing
    .venv/bin/python -m macros.import_plan KE-HOACH.docx --ghi-de         # replaces the folder's three files

Reads .docx (python-docx; Word's automatic numbering rebuilt from numbering.xml, tables
kept, bold and italic kept), LibreOffice's .odt (list numbers rebuilt from the ODF list styles,
plan_import/odt.py) and plain .txt (UTF-8). The text is copied
character for character (NFC-normalised, as every text of the site); the import never
corrects, and never fills in what the file lacks: a blank is left and listed.

Writes data/<thư mục>/ke-hoach.yaml (PLAN-FORMAT.md: sections as written, with a kind tag
guessed from each title), co-quan.yaml (the header's lines, the departments named in the
organisation section), don-vi.yaml (empty: the units named there are listed in the checklist, since
no unit page can be made from verbatim sections) and the plan's
entry at the end of data/website.yaml's ke_hoach list (text edit: comments kept). ke-hoach.yaml
carries nhap_tu_dong {tep, da_doi_chieu: false, can_xac_nhan: the checklist}.

Prints what it recognised and the numbered checklist, in Vietnamese. A file that is not a plan
(not a Word file, a renamed spreadsheet, no text, image only, larger than limits.MAX_IMPORT_FILE_BYTES,
corrupt, or a text with no part of a plan as Nghị định 30/2020 lays one out: a news article, structure.not_a_plan)
gets a message and nothing is written.
Exit 0 when written, 1 when refused (nothing written), 2 on a bad command line or an internal error.
The same file gives the same bytes every time.
"""

import argparse
import contextlib
import logging
import os
import re
import signal
import sys
import tempfile
from pathlib import Path

from . import limits
from .guards import InternalError, reading
from .plan_import.blocks import NotAPlan, Para, Table
from .text import kind_and_subject

ROOT = Path(__file__).resolve().parents[1]
_CODE = re.compile(r"^[0-9a-z][0-9a-z-]*$")


def read_blocks(path: Path, max_bytes: int = limits.MAX_IMPORT_FILE_BYTES):
    from .plan_import.sniff import read_by_content  # by content first: a renamed .odt, an RTF (review r19p)

    found = read_by_content(path, max_bytes)
    if found is not None:
        return found
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from .plan_import.plaintext import read_text
        return read_text(path, max_bytes)
    if suffix == ".odt":
        from .plan_import.odt import read_odt
        return read_odt(path, max_bytes)
    if suffix == ".doc":
        raise NotAPlan("Tệp Word cũ (.doc) chưa nhập được: mở bằng Word hay LibreOffice, «Lưu thành» .docx, "
                       "rồi nhập tệp .docx đó.")
    if suffix not in (".docx", ".docm", ".dotx"):
        raise NotAPlan(f"Chỉ nhập được tệp Word (.docx), LibreOffice (.odt) hoặc văn bản thuần (.txt), không nhập được tệp {suffix or 'không có đuôi'}.")
    from .plan_import.docx import read_docx
    return read_docx(path, max_bytes)


def _has_text(blocks) -> bool:
    for b in blocks:
        if isinstance(b, Para) and b.text.strip():
            return True
        if isinstance(b, Table) and any(c.strip() for r in b.rows for c in r):
            return True
    return False


def import_file(path: Path, max_bytes: int = limits.MAX_IMPORT_FILE_BYTES):
    """The parsed plan (structure.Result) of a file, or NotAPlan."""
    return import_with_blocks(path, max_bytes)[1]


def import_with_blocks(path: Path, max_bytes: int = limits.MAX_IMPORT_FILE_BYTES):
    """(the paragraphs and tables read, the parsed plan) of a file, or NotAPlan: the draft keeps the text read,
    verbatim, beside its data (plan_import.write.source_text), and its plan page is compared with it."""
    from .plan_import.structure import not_a_plan, parse

    blocks, facts = read_blocks(path, max_bytes)
    if not _has_text(blocks):
        if facts.get("images"):
            raise NotAPlan(f"Tệp chỉ có hình ảnh ({facts['images']} hình), không có chữ: có lẽ là bản chụp hay bản "
                           "quét. Hãy nhập tệp Word gốc có chữ của kế hoạch.")
        raise NotAPlan("Tệp không có chữ nào: không có gì để nhập.")
    result = parse(blocks, facts, path.name)
    why = not_a_plan(result.plan, result.org)
    if why:
        raise NotAPlan(why[:1].upper() + why[1:])
    return blocks, result


def default_folder(result, path: Path) -> str:
    doc = result.plan["van_ban"]
    from .plan_import.structure import temporary_code

    # Cut where a word ends (review r19n: codes cut mid-word); an existing folder is refused, never overwritten.
    return temporary_code(f"{doc['loai']} {doc['nam'] or ''}" if doc["loai"] else path.stem, set(), "ke-hoach-moi")


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl+C: the files are written with Ctrl+C held back, so none is half done
        print("\nĐã dừng nhập; chưa ghi gì.", file=sys.stderr)
        return 130


@contextlib.contextmanager
def _no_interrupt():
    """Ctrl+C held back while the draft's files are written (a few small files): all or none."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals cannot be set there
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Parser(argparse.ArgumentParser):
    """argparse with its errors said in Vietnamese (its own are English)."""

    def error(self, message: str):
        m = re.match(r"argument (\S+): expected one argument", message)
        if m:
            said = f"Sau {m.group(1).split('/')[0]} cần một giá trị (ví dụ {m.group(1).split('/')[0]} ke-hoach-xa-moi)."
        elif message.startswith("the following arguments are required"):
            said = "Thiếu tên tệp kế hoạch cần nhập (.docx, .odt hoặc .txt)."
        elif message.startswith("unrecognized arguments:"):
            said = f"Không hiểu tham số: {message.split(':', 1)[1].strip()}."
        else:
            said = f"Tham số không đúng ({message})."
        self.exit(2, f"{said}\nCách dùng: {self.prog} TỆP [--thu-muc TÊN] [--xem] [--ghi-de]\n")


def _main(argv: list[str] | None) -> int:
    parser = _Parser(prog="python -m macros.import_plan",
                                     description="Nhập kế hoạch từ tệp Word (.docx) hoặc .txt thành bản nháp trong data/.")
    parser.add_argument("tep", type=Path, help="tệp kế hoạch (.docx hoặc .txt)")
    parser.add_argument("--thu-muc", dest="thu_muc", help="tên thư mục trong data/ (chữ thường không dấu, số, gạch ngang)")
    parser.add_argument("--goc", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục chứa data/)")
    parser.add_argument("--xem", action="store_true", help="chỉ in những gì nhận ra, không ghi tệp")
    parser.add_argument("--ghi-de", dest="ghi_de", action="store_true",
                        help="thư mục đã có: ghi đè ke-hoach.yaml, co-quan.yaml, don-vi.yaml của nó")
    args = parser.parse_args(argv)
    path: Path = args.tep
    if not path.is_file():
        print(f"Không tìm thấy tệp {path}." if not path.exists() else f"{path} không phải một tệp.", file=sys.stderr)
        return 1
    if args.thu_muc is not None and (not _CODE.match(args.thu_muc) or len(args.thu_muc) > limits.MAX_CODE_CHARS):
        print(f"Tên thư mục «{args.thu_muc}» không dùng được: chỉ chữ thường không dấu, chữ số và gạch ngang, "
              f"bắt đầu bằng chữ hoặc số, tối đa {limits.MAX_CODE_CHARS} ký tự (ví dụ ke-hoach-xa-moi).",
              file=sys.stderr)
        return 2
    refused = None
    try:
        with reading(path.name):
            try:
                blocks, result = import_with_blocks(path)
            except NotAPlan as exc:  # not a bug: the file is not a plan (the guard would call it one)
                refused = exc
    except InternalError as exc:
        print(import_internal_message(path.name, exc.cause), file=sys.stderr)
        return 2
    if refused is not None:
        print(f"Chưa nhập {path.name}: {refused} Chưa ghi tệp nào.", file=sys.stderr)
        return 1
    from .plan_import.write import SOURCE_TEXT, files, source_text, website_entry

    folder = args.thu_muc or default_folder(result, path)
    doc = result.plan["van_ban"]
    # The plan's name on the website (top bar, every page's title): its kind and subject as written; the file's
    # name only when the document has neither, and then listed (review r19h: «bien-ban-ngomay» in every title).
    name = kind_and_subject(doc["loai"], doc["trich_yeu"]) or path.stem
    if not (doc["loai"] or doc["trich_yeu"]):
        result.checklist.append(f"không có loại văn bản và trích yếu: tên kế hoạch trên website (data/website.yaml, "
                                f"ke_hoach › ten, hiện trên thanh tiêu đề và tên mọi trang) tạm ghi là tên tệp "
                                f"«{path.stem}»: ghi tên văn bản")
    listed = _listed_plan_name(args.goc, folder)
    if listed is not None and " ".join(listed.split()) != " ".join(name.split()):
        # --ghi-de with an amended file: the website's entry is kept as the editor left it (review r19t).
        result.checklist.append(f"data/website.yaml giữ tên đã có của kế hoạch data/{folder} «{listed}»; văn bản vừa "
                                f"nhập có tên «{name}»: sửa ten của kế hoạch này trong data/website.yaml nếu cần")
    site_name = _website_name(args.goc)
    if site_name:
        # The website's own name and description are other plans' words until the editor changes them
        # (review r19n, defect 7: a commune's plan titled with the example plan's year on every page).
        result.checklist.append(f"tên website «{site_name}» và mô tả website (data/website.yaml, ten và mo_ta: tiêu đề "
                                "mọi trang, mô tả trang, tên ứng dụng, tên tệp tải về toàn bộ website) là của các kế "
                                "hoạch đã có: sửa cho đúng các kế hoạch website sẽ đăng (bỏ kế hoạch mẫu: xem hướng "
                                "dẫn biên tập, «Thêm một kế hoạch mới»)")
    unexplained = _unexplained_abbreviations(args.goc, result)
    if unexplained:
        # Meanings are the editor's to write, as the plan uses them: never guessed (review r19n, defect 11).
        result.checklist.append(f"chữ viết tắt chưa có trong data/thuat-ngu.yaml (trang «Chữ viết tắt» không giải "
                                f"nghĩa): {', '.join(f'«{w}»' for w in unexplained)}: thêm từng chữ (viet_tat) với "
                                "nghĩa (nghia) như kế hoạch dùng; chữ không phải viết tắt thì bỏ qua")
    print(f"Đã đọc {path.name}. Nhận ra:")
    for line in result.recognised:
        print(f"  {line}")
    print("\nNgười biên tập cần xác nhận hoặc bổ sung:")
    for i, item in enumerate(result.checklist, 1):
        print(f"  {i}. {item}")
    if args.xem:
        return 0
    target = args.goc / "data" / folder
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        print(f"\nChưa ghi: data/{folder} là liên kết hay tệp, không phải thư mục.", file=sys.stderr)
        return 1
    if target.exists() and not args.ghi_de:
        print(f"\nChưa ghi: thư mục data/{folder} đã có. Chọn tên khác bằng --thu-muc TÊN, hoặc chạy lại với "
              "--ghi-de để thay ke-hoach.yaml, co-quan.yaml, don-vi.yaml của nó (các tệp khác giữ nguyên).",
              file=sys.stderr)
        return 1
    website = args.goc / "data" / "website.yaml"
    try:
        site_text = website.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"\nChưa ghi: không đọc được data/website.yaml ({exc.strerror}).", file=sys.stderr)
        return 1
    new_site = website_entry(site_text, folder, name)
    if new_site is None:
        print("\nChưa ghi: data/website.yaml không có danh sách ke_hoach.", file=sys.stderr)
        return 1
    out = files(result, path.name, SOURCE_TEXT)
    out[SOURCE_TEXT] = source_text(blocks)
    errors = check_draft(out, folder)
    if errors:
        print(f"\nChưa ghi: bản nháp có {len(errors)} chỗ mà bước kiểm tra dữ liệu sẽ từ chối. Nếu chỗ đó do văn "
              "bản gốc (ví dụ một ký tự website không in được, hay văn bản không ghi cơ quan ban hành ở đầu và ở "
              "phần ký), sửa trong tệp gốc rồi nhập lại; nếu không, đó là lỗi của chương trình nhập: báo cho người "
              "phát triển kèm tệp và các dòng dưới đây:", file=sys.stderr)
        for i, e in enumerate(errors, 1):
            print(f"\n{i}. {e}", file=sys.stderr)
        return 1
    with _no_interrupt():
        target.mkdir(parents=True, exist_ok=True)
        for file_name, text in out.items():
            _write(target / file_name, text)
        if new_site != site_text:
            _write(website, new_site)
    listed = ("và thêm kế hoạch vào data/website.yaml" if new_site != site_text
              else "(data/website.yaml đã có kế hoạch này, giữ nguyên)")
    print(f"\nĐã ghi data/{folder}/ (ke-hoach.yaml, co-quan.yaml, don-vi.yaml và {SOURCE_TEXT}: chữ của văn bản, "
          f"để mỗi lần kiểm tra so trang Kế hoạch với văn bản) {listed}.")
    print(f"Danh sách trên được ghi vào data/{folder}/ke-hoach.yaml (nhap_tu_dong.can_xac_nhan). Làm xong việc "
          "nào thì xoá dòng đó; hết danh sách mới ghi da_doi_chieu: true. Kiểm tra bằng: .venv/bin/python -m macros.check")
    return 0


def _website_name(root: Path) -> str:
    """data/website.yaml's site name (ten), "" when it cannot be read (said later, when it is written)."""
    import yaml

    try:
        data = yaml.safe_load((root / "data" / "website.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    name = data.get("ten") if isinstance(data, dict) else None
    return " ".join(name.split()) if isinstance(name, str) else ""


def _listed_plan_name(root: Path, folder: str) -> str | None:
    """The name data/website.yaml gives the plan in data/<folder>/ (None when not listed or not readable)."""
    import yaml

    try:
        data = yaml.safe_load((root / "data" / "website.yaml").read_text(encoding="utf-8"))
        entry = next((e for e in data["ke_hoach"] if isinstance(e, dict) and e.get("thu_muc") == folder), None)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return None
    name = entry.get("ten") if entry else None
    return name if isinstance(name, str) else None


def _unexplained_abbreviations(root: Path, result) -> list[str]:
    """The abbreviations the plan uses that data/thuat-ngu.yaml does not explain (none when it cannot be read)."""
    import yaml

    from .abbreviations import unexplained

    try:
        data = yaml.safe_load((root / "data" / "thuat-ngu.yaml").read_text(encoding="utf-8"))
        known = [t["viet_tat"] for t in data["thuat_ngu"]]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return []
    return unexplained([result.plan, result.org], known)


log = logging.getLogger("kontum.import")


def _cause_words(cause: BaseException) -> str:
    """What went wrong, in words an office reads (never the exception's English name or text)."""
    import zipfile
    import zlib

    if isinstance(cause, MemoryError):
        return "máy không đủ bộ nhớ để đọc tệp"
    if isinstance(cause, RecursionError):
        return "tệp có các phần lồng vào nhau quá sâu"
    if isinstance(cause, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "một phần nén bên trong tệp bị hỏng"
    if isinstance(cause, UnicodeError):
        return "tệp có chữ mã hóa theo cách chương trình không đọc được"
    if isinstance(cause, OSError):
        return "không đọc được tệp trên đĩa"
    if type(cause).__name__ == "XMLSyntaxError":
        return "phần XML bên trong tệp bị hỏng"
    return "tệp có một chỗ chương trình nhập chưa biết cách đọc"


def import_internal_message(file: str, cause: BaseException) -> str:
    """A bug of the import itself (not of the file, not of the website): nothing was written.
    Vietnamese only; the exception itself goes to the log (level DEBUG) for the technician."""
    log.debug("Lỗi nội bộ khi nhập %s", file, exc_info=(type(cause), cause, cause.__traceback__))
    return (f"Lỗi nội bộ của chương trình nhập khi đọc {file}: {_cause_words(cause)}.\n"
            "    Chưa ghi tệp nào: data/ giữ nguyên.\n"
            "    Đây là lỗi của chương trình nhập, không phải của người biên tập. Cách xử lý: mở tệp bằng Word, "
            "lưu lại rồi nhập lại; nếu vẫn lỗi, báo cho người phụ trách kỹ thuật kèm tệp và các dòng trên.")


def check_draft(out: dict[str, str], folder: str) -> list:
    """The data check's errors on the files about to be written (read back from a temporary
    folder by the loader's own reading of each file, with the same models)."""
    from .loader import OPTIONAL_PLAN_FILES, PLAN_FILES, _read

    models = {file: model for file, model in [*PLAN_FILES.values(), *OPTIONAL_PLAN_FILES.values()]}
    errors: list = []
    with tempfile.TemporaryDirectory(prefix="import-plan-") as tmp:
        folder_path = Path(tmp) / "data" / folder
        folder_path.mkdir(parents=True)
        for file_name, text in out.items():
            (folder_path / file_name).write_text(text, encoding="utf-8")
        for file_name in (name for name in out if name in models):
            _read(Path(tmp), f"data/{folder}/{file_name}", models[file_name], errors)
    return errors


def _write(path: Path, text: str) -> None:
    """Whole file or nothing: written beside, then renamed over."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head`: not an error of the import
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)

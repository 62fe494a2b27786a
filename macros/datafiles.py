"""Which files may be in data/: the ones the site reads, nothing else.

A file the loader does not read is an error, not silently skipped: a chapter
saved as `.yml` would never be published, and one named "Cuộc vận động.yaml"
would be published at an address full of %-escapes (so-tay/Cu%E1%BB%99c%20v…/).
"""

import os
import re
import stat
from pathlib import Path

from .errors import DataError
from .limits import MAX_ITEMS  # more items than any handbook needs: past this, checking could take longer than 2 s
from .text import slugify
from .yamlsrc import not_regular

# The text of a plan's document, one paragraph a line, that the import writes beside the plan's data and the
# plan names (ke-hoach.yaml › van_ban_goc): the one file of a plan folder that is not YAML (macros/plan_words.py).
SOURCE_TEXT = "van-ban-goc.txt"

# A file in a data folder is named like an address: lower case, no diacritics, no spaces.
_STEM = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def valid_item_name(name: str) -> bool:
    """True for "chuyen-doi-cay-trong.yaml": a name a folder item may have."""
    return name.endswith(".yaml") and bool(_STEM.match(name[: -len(".yaml")]))


def _mode(path: Path) -> int | None:
    try:
        return os.lstat(path).st_mode
    except OSError:
        return None


def is_regular(path: Path) -> bool:
    """A regular file, not a symlink (to anything) nor a special file: never follows a link."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def is_real_dir(path: Path) -> bool:
    """A folder, not a symlink to one."""
    mode = _mode(path)
    return mode is not None and stat.S_ISDIR(mode)


def not_a_file(display: str, path: Path) -> DataError | None:
    """The error for a symlink or a special file (FIFO, device…) in data/, naming it
    and never its target; None for a regular file or a folder."""
    mode = _mode(path)
    if mode is None or stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return not_regular(display, display, mode)


def _ignored(path: Path) -> bool:
    # Hidden files (.gitkeep, editor state) and notes for editors (README.md).
    return path.name.startswith(".") or (is_regular(path) and path.suffix.lower() == ".md")


def _temporary_of(path: Path) -> str | None:
    """For a lock or backup file that Word, LibreOffice or a text editor leaves
    beside the file it opened («~$ten.yaml», «.~lock.ten.yaml#», «.#ten.yaml»,
    «ten.yaml~», «ten.yaml.bak»): the name of the file it belongs to ("" when
    that cannot be told); None for any other file."""
    name = path.name
    for start, end in (("~$", ""), (".~lock.", "#"), (".#", "")):
        if name.startswith(start) and name.endswith(end) and len(name) > len(start) + len(end):
            rest = name[len(start):len(name) - len(end)]
            if start != "~$":
                return rest
            # Word writes «~$» over the first two letters of a long name.
            return next((p.name for p in sorted(path.parent.iterdir())
                         if p.name != name and p.name[2:] == rest), rest)
    if name.endswith("~") and len(name) > 1:
        return name[:-1]
    if name.lower().endswith(".bak") and len(name) > 4:
        stem = name[:-4]
        return stem if stem.lower().endswith((".yaml", ".yml")) else stem + ".yaml"
    return None


def temporary_file(display: str, path: Path) -> DataError | None:
    """The error for an editor's lock or backup file: delete it, never rename it
    (its «real» name is the file the editor is working on)."""
    real = _temporary_of(path)
    if real is None:
        return None
    exists = bool(real) and real != path.name and is_regular(path.parent / real)
    if exists:
        hint = (f"xóa tệp này (đóng Word/LibreOffice hoặc trình soạn thảo trước, nếu tệp còn mở). Đừng đổi tên nó "
                f"thành «{real}»: tệp «{real}» đã có, là tệp thật mà website đọc.")
    else:
        hint = (f"xóa tệp này (đóng Word/LibreOffice hoặc trình soạn thảo trước, nếu tệp còn mở). Chỉ khi tệp "
                f"«{real}» bị mất và đây là bản duy nhất còn lại, hãy chép nội dung của nó sang tệp «{real}» mới.")
    return DataError(display, 0, 0, "", "Đây là tệp tạm (tệp khóa hoặc bản sao lưu) do Word/LibreOffice hoặc "
                                        "trình soạn thảo tự tạo, không phải dữ liệu: website không đọc tệp này.",
                     found=path.name, hint=hint)


def _bad_item(rel: str, path: Path) -> DataError:
    display = f"{rel}/{path.name}"
    special = not_a_file(display, path) or temporary_file(display, path)
    if special is not None:
        return special
    if path.is_dir():
        return DataError(display, 0, 0, "", "Thư mục con không được đọc: mỗi mục là một tệp .yaml ngay trong "
                                            f"{rel}/.", hint="chuyển các tệp ra ngoài thư mục con này.")
    stem, dot, suffix = path.name.rpartition(".")
    stem = stem if dot else path.name
    wanted = (slugify(stem) or "ten-tep") + ".yaml"
    if suffix.lower() in ("yml", "yaml") and suffix != "yaml":
        message = f"Tệp có đuôi «.{suffix}»: website chỉ đọc tệp có đuôi «.yaml» (viết thường), tệp này sẽ bị bỏ qua."
    elif suffix.lower() in ("yml", "yaml"):
        message = ("Tên tệp chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang (không dấu cách, "
                   "không chữ hoa, không dấu tiếng Việt): tên tệp là địa chỉ của trang.")
    else:
        message = "Tệp không phải dữ liệu YAML: website không đọc tệp này."
    if is_regular(path.parent / wanted):
        hint = (f"tệp «{wanted}» đã có: so sánh hai tệp, giữ nội dung đúng trong «{wanted}» rồi xóa tệp này "
                "(đừng đổi tên tệp này đè lên tệp đã có).")
    else:
        hint = f"đổi tên thành «{wanted}», hoặc xóa tệp."
    return DataError(display, 0, 0, "", message, found=path.name, hint=hint)


def too_many(folder: Path) -> bool:
    return is_real_dir(folder) and sum(1 for _ in zip(folder.iterdir(), range(MAX_ITEMS + 1))) > MAX_ITEMS


def unexpected_files(root: Path, files: list[str], folders: list[str]) -> list[DataError]:
    """Errors for every file in data/ (and in its item folders) that the loader
    would not read. `files` are the fixed data files ("data/don-vi.yaml"),
    `folders` the folders whose every .yaml file is an item ("data/so-tay")."""
    errors = []
    expected = {Path(f) for f in files}
    folder_set = {Path(f) for f in folders}
    known_dirs = {p.parent for p in expected} | folder_set
    known_dirs |= {parent for d in list(known_dirs) for parent in d.parents}
    for folder in sorted(folder_set):
        if too_many(root / folder):
            errors.append(DataError(folder.as_posix(), 0, 0, "", f"Thư mục có quá nhiều tệp (tối đa {MAX_ITEMS}).",
                                    hint="kiểm tra có chép nhầm nhiều tệp vào đây không."))
            continue
        special = not_a_file(folder.as_posix(), root / folder)
        if special is not None:
            errors.append(special)
            continue
        if is_real_dir(root / folder):
            errors += [_bad_item(folder.as_posix(), p) for p in sorted((root / folder).iterdir())
                       if not _ignored(p) and not (is_regular(p) and valid_item_name(p.name))]
    for where in sorted({p.parent for p in expected} | {p.parent for p in folder_set}):
        if not is_real_dir(root / where):
            continue
        for path in sorted((root / where).iterdir()):
            rel = path.relative_to(root)
            special = not_a_file(rel.as_posix(), path)
            if special is not None:
                errors.append(special)
                continue
            if rel in expected or rel in known_dirs or _ignored(path):
                continue
            if path.is_dir():
                errors.append(DataError(rel.as_posix(), 0, 0, "", "Thư mục này không được website đọc.",
                                        hint="xóa thư mục, hoặc chuyển nó ra ngoài data/."))
                continue
            temporary = temporary_file(rel.as_posix(), path)
            if temporary is not None:
                errors.append(temporary)
                continue
            near = [f for f in expected if f.parent == rel.parent and f.stem.lower() == path.name.rpartition(".")[0].lower()]
            near_free = near and not is_regular(root / near[0])
            hint = (f"đổi tên thành «{near[0].name}»." if near_free else
                    f"tệp «{near[0].name}» đã có: so sánh hai tệp, giữ nội dung đúng trong «{near[0].name}» rồi "
                    "xóa tệp này." if near else
                    "website chỉ đọc: " + ", ".join(sorted(p.name for p in expected if p.parent == rel.parent))
                    + "; xóa tệp này hoặc chuyển ra ngoài data/.")
            errors.append(DataError(rel.as_posix(), 0, 0, "", "Tệp này không được website đọc.",
                                    found=path.name, hint=hint))
    return errors

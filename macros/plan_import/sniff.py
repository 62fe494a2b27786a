"""A file's kind read from its first bytes, not its name (review r19p defect 11): an .odt renamed .docx is read
as the .odt it is (the check names the rename), a .docx renamed .odt as a .docx, an RTF file under any name is
refused with the way to convert it."""

import zipfile
from pathlib import Path

from .blocks import NotAPlan

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
RTF_MESSAGE = ("Đây là tệp RTF (Rich Text Format), không phải tệp Word (.docx): mở tệp bằng Word hay LibreOffice "
               "Writer, chọn «Lưu thành» (Save As) kiểu «Word Document (.docx)», rồi nhập tệp .docx đó.")


def file_kind(path: Path) -> str:
    """«rtf», «odt», «docx» by content; "" when none of them (or not readable: the reader says why)."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
        if head.startswith(b"{\\rtf"):
            return "rtf"
        if not head.startswith(b"PK"):
            return ""
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                with z.open("mimetype") as m:
                    if m.read(len(ODT_MIMETYPE) + 2).strip() == ODT_MIMETYPE:
                        return "odt"
            if "word/document.xml" in names:
                return "docx"
    except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, ValueError):
        return ""
    return ""


def read_by_content(path: Path, max_bytes: int):
    """(blocks, facts) of a file whose content says another kind than its name; None to read it by its name.
    An RTF file is refused, with the way to convert it."""
    suffix = path.suffix.lower()
    kind = file_kind(path)
    if kind == "rtf":
        raise NotAPlan(RTF_MESSAGE)
    if kind == "odt" and suffix != ".odt":
        from .odt import read_odt

        blocks, facts = read_odt(path, max_bytes)
        facts.setdefault("reader_notes", []).insert(0, f"tệp có đuôi {suffix or '(không có)'} nhưng là tệp OpenDocument "
                                                       "(.odt, LibreOffice): đã đọc như tệp .odt; kiểm tra")
        return blocks, facts
    if kind == "docx" and suffix == ".odt":
        from .docx import read_docx

        blocks, facts = read_docx(path, max_bytes)
        facts.setdefault("reader_notes", []).insert(0, "tệp có đuôi .odt nhưng là tệp Word (.docx): đã đọc như tệp "
                                                       ".docx; kiểm tra")
        return blocks, facts
    return None

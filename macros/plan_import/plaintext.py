"""A plain .txt plan: one paragraph a line (blank lines are spacing, not text)."""

from pathlib import Path

from .blocks import NotAPlan, Para, Run


def read_text(path: Path, max_bytes: int) -> tuple[list, dict]:
    from ..limits import kb

    size = path.stat().st_size
    if size > max_bytes:
        raise NotAPlan(f"Tệp quá lớn ({kb(size)}; tối đa {kb(max_bytes)}): một kế hoạch thường dưới 1 MB.")
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Notepad's «Unicode»)
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise NotAPlan("Tệp văn bản ở mã UTF-16 nhưng bị hỏng: mở bằng Notepad hay LibreOffice và lưu lại "
                           "với mã UTF-8.") from None
    if b"\x00" in data[:4096] or data.startswith(b"PK\x03\x04"):
        raise NotAPlan("Tệp có đuôi .txt nhưng không phải văn bản thuần (có dữ liệu nhị phân): "
                       "nếu là tệp Word, đổi lại đuôi .docx.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise NotAPlan(f"Tệp văn bản không ở mã UTF-8 (dòng {line}): mở bằng Notepad hay LibreOffice và lưu lại "
                       "với mã UTF-8.") from None
    blocks = [Para([Run(line.rstrip("\r"))]) for line in text.split("\n") if line.strip()]
    return blocks, {"images": 0, "unknown_formats": [], "symbol_bullets": False}

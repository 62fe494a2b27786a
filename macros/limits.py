"""How much data the website reads: every limit in one place, each with its
Vietnamese message, for the data check (yamlsrc, fieldtypes, loader) and for
the Excel import (a cell is a paragraph; an import must refuse what the check
would refuse, before it writes).

The limits are far above any real plan, and low enough that reading and
building always end in reasonable time (a 1.8 MB handbook chapter takes
WeasyPrint minutes; a 300 MB cell, memory):

    one text field (a paragraph, a cell)   10.000 characters   the published plan: 436 at most
    one name (unit, department, title)        200 characters   the published plan: 37 at most
    a page address made from a name           200 characters   the published plan: 17 at most
    a code (unit, department, topic)           32 characters   the published plan: 22 at most
      (file names such as mau-bao-cao-<code>-<address>.xlsx stay under 255 bytes)
    one data file                               2 MB           the published plan: 12 KB at most;
                                                               3,321 communes: don-vi.yaml 0.3 MB
    one handbook chapter                      100 KB           the published plan: 4.4 KB at most
    all chapters of a plan                    512 KB           the published plan: 22 KB
    a whole plan (every file it reads)          4 MB           the published plan: 69 KB;
                                                               3,321 communes: 0.46 MB
    files in one data folder                  200              the published plan: 6 chapters
    other names of a unit (ten_khac)           20              the published plan: 3 at most
    units of a plan, units of one department 10.000            the published plan: 10; communes of
                                                               the whole country today: 3,321
    any other list of a plan (departments,    100              the published plan: 7 at most
      topics, steps, recipients, plans…)
    blocks of the verbatim sections         2.000            4,000 nested items: the plan PDF 300 s
      of a plan (nested ones included)
    a unit's communes, villages, conferences, 500              the test results: 3 at most
      expenses; topics of one conference

Every name in ten_khac goes into the search index: 99,000 of them (1.67 MB) took the
index from 76 KB to 3.5 MB.

Measured (WeasyPrint alone, plain A4 paragraphs, 2 shared cores): 100 KB of text is 26 pages
in 2.7 s; 512 KB is 133 pages in 20 s. A 1.8 MB chapter took 140 s.

The functions return None when a value is within its limit, else the Vietnamese
sentence to show (without file and line, which the caller knows).
"""

from .numbers import format_number

MAX_PARAGRAPH_CHARS = 10_000
MAX_NAME_CHARS = 200
MAX_SLUG_CHARS = 200
MAX_CODE_CHARS = 32
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_CHAPTER_BYTES = 100 * 1024
MAX_HANDBOOK_BYTES = 512 * 1024
MAX_PLAN_BYTES = 4 * 1024 * 1024
MAX_ITEMS = 200
MAX_OTHER_NAMES = 20
MAX_UNITS = 10_000
MAX_LIST = 100
MAX_RESULT_ITEMS = 500
# Blocks (paragraphs, items, tables, notes) of all verbatim sections of a plan, nested ones
# included: 4,000 nested items took the plan PDF 300 s; the published plan has under 200.
MAX_BLOCKS = 2_000
# A plan file the import reads (macros/import_plan.py): a Word plan with photos is a few MB.
MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024


def kb(size: int) -> str:
    return f"{format_number(-(-size // 1024))} KB"


def paragraph_error(text: str) -> str | None:
    """A text field (or an Excel cell) longer than MAX_PARAGRAPH_CHARS."""
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return None
    return (f"đoạn chữ quá dài ({format_number(len(text))} ký tự; tối đa {format_number(MAX_PARAGRAPH_CHARS)} "
            "ký tự cho một đoạn): kiểm tra có chép nhầm cả văn bản vào một trường không, "
            "hoặc chia thành nhiều đoạn")


def name_error(text: str) -> str | None:
    """A name (unit, department, short title) longer than MAX_NAME_CHARS."""
    if len(text) <= MAX_NAME_CHARS:
        return None
    return (f"tên quá dài ({format_number(len(text))} ký tự; tối đa {format_number(MAX_NAME_CHARS)}): "
            "tên dùng làm tiêu đề trang và địa chỉ, hãy viết ngắn gọn")


def slug_error(slug: str) -> str | None:
    """An address part (made from a name, or a code) that is empty or too long."""
    if not slug:
        return ("tên không có chữ cái hay chữ số nào để tạo địa chỉ trang (địa chỉ được tạo từ tên, "
                "bỏ dấu và ký hiệu)")
    if len(slug) > MAX_SLUG_CHARS:
        return (f"địa chỉ tạo từ tên quá dài ({len(slug)} ký tự; tối đa {MAX_SLUG_CHARS}): "
                "hãy viết tên ngắn gọn hơn")
    return None


def file_error(size: int, limit: int = MAX_FILE_BYTES) -> str | None:
    """One file larger than `limit` (MAX_FILE_BYTES); `size` as far as it was read."""
    if size <= limit:
        return None
    shown = kb(size) if size > limit + 1 else f"hơn {kb(limit)}"
    return f"Tệp quá lớn ({shown}; tối đa {kb(limit)})."


def chapter_error(size: int) -> str | None:
    if size <= MAX_CHAPTER_BYTES:
        return None
    return (f"Chương Sổ tay quá dài ({kb(size)}; tối đa {kb(MAX_CHAPTER_BYTES)} mỗi chương): "
            "chia thành nhiều chương, hoặc kiểm tra có chép nhầm nội dung khác vào không.")


def handbook_error(size: int) -> str | None:
    if size <= MAX_HANDBOOK_BYTES:
        return None
    return (f"Các chương Sổ tay cộng lại quá dài ({kb(size)}; tối đa {kb(MAX_HANDBOOK_BYTES)}): "
            "Sổ tay được in thành một tệp PDF, quá dài thì không tạo được.")


def plan_error(size: int) -> str | None:
    """The sum of every file a plan reads (its files, the shared files, chapters, results)."""
    if size <= MAX_PLAN_BYTES:
        return None
    return (f"Dữ liệu của kế hoạch cộng lại quá lớn ({kb(size)}; tối đa {kb(MAX_PLAN_BYTES)} cho cả kế hoạch): "
            "kiểm tra có chép nhầm nội dung khác vào các tệp không.")


def list_error(count: int, limit: int) -> str | None:
    """A list of a data file with more than `limit` items."""
    if count <= limit:
        return None
    return (f"danh sách quá dài ({format_number(count)} mục; tối đa {format_number(limit)}): kiểm tra có chép nhầm "
            "hay chép lặp lại nhiều lần không")


def blocks_error(count: int) -> str:
    return (f"Các mục chép nguyên văn của kế hoạch có quá nhiều đoạn, mục, bảng, ghi chú (hơn "
            f"{format_number(MAX_BLOCKS)}, kể cả các mục con; tối đa {format_number(MAX_BLOCKS)} cho cả kế hoạch): "
            "kiểm tra có chép nhầm hay chép lặp lại nhiều lần không. Đây là đoạn vượt quá giới hạn.")

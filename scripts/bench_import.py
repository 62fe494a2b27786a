#!/usr/bin/env python3
"""How long `python -m macros.import_plan` takes on a 10-page plan (target: under 2 s).

    .venv/bin/python scripts/bench_import.py [runs]

Writes a Word plan of about ten A4 pages (header table, six sections numbered by Word's
automatic numbering, nested items, a 20-row assignment table, bold runs; ≈ 3,500 words: 11 A4 pages
as LibreOffice lays it out in python-docx's default style) into a temporary project, then times the
import as an editor runs it (a fresh process: interpreter start, imports, reading, the data
check of the draft, writing) and the import alone inside a warm process. Median of `runs`.
"""

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "Tuyên truyền sâu rộng chủ trương, chính sách của Đảng, pháp luật của Nhà nước đến đồng bào các dân tộc",
    "phát huy vai trò của người có uy tín, già làng, trưởng thôn trong cộng đồng dân cư",
    "vận động nhân dân tham gia xây dựng nông thôn mới, đô thị văn minh, giữ gìn vệ sinh môi trường",
    "hướng dẫn hộ nghèo, hộ cận nghèo sử dụng có hiệu quả nguồn vốn vay ưu đãi để phát triển sản xuất",
    "kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu",
]
TITLES = ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "HÌNH THỨC TỔ CHỨC", "THỜI GIAN, ĐỊA ĐIỂM", "KINH PHÍ",
          "TỔ CHỨC THỰC HIỆN"]


def ten_pages(path: Path) -> int:
    """The plan; returns its number of words."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = Document()
    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="80">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
        '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="800"><w:abstractNumId w:val="80"/></w:num>'))
    words = 0

    def para(text: str, level: int | None = None, bold: bool = False) -> None:
        nonlocal words
        p = doc.add_paragraph()
        p.add_run(text).bold = bold or None
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="800"/></w:numPr>'))
        words += len(text.split())

    header = doc.add_table(rows=1, cols=2)
    header.rows[0].cells[0].text = "ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG NGÃI\nBAN THƯỜNG TRỰC\nSố: 120/KH-MTTQ-BTT"
    header.rows[0].cells[1].text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                                    "Quảng Ngãi, ngày 10 tháng 01 năm 2026")
    para("KẾ HOẠCH", bold=True)
    para("Thực hiện công tác tuyên truyền, vận động năm 2026", bold=True)
    para("______")
    para("Căn cứ Chương trình hành động của Ủy ban MTTQ Việt Nam tỉnh nhiệm kỳ 2024 - 2029;")
    para("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh xây dựng kế hoạch như sau:")
    for s, title in enumerate(TITLES):
        para(title, 0, bold=True)
        for i in range(2):
            para(f"{SENTENCES[(s + i) % 5].capitalize()}; {SENTENCES[(s + i + 1) % 5]}; {SENTENCES[(s + i + 2) % 5]}.", 1)
            for j in range(2):
                para(f"{SENTENCES[(i + j) % 5].capitalize()}, {SENTENCES[(s + j + 3) % 5]};", 2)
                for k in range(2):
                    para(f"{SENTENCES[(s + i + j + k) % 5]} ở thôn, tổ dân phố số {k + 1};", 3)
        if title == "TỔ CHỨC THỰC HIỆN":
            table = doc.add_table(rows=21, cols=4)
            for c, head in enumerate(("TT", "Đơn vị", "Nhiệm vụ", "Thời hạn")):
                table.rows[0].cells[c].paragraphs[0].add_run(head).bold = True
            for r in range(1, 21):
                for c, text in enumerate((str(r), f"xã Số {r}", SENTENCES[r % 5], f"{r % 28 + 1}/6/2026")):
                    table.rows[r].cells[c].text = text
                    words += len(text.split())
    para("Trên đây là Kế hoạch tuyên truyền, vận động năm 2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.")
    for line in ("Nơi nhận:", "- Ban Thường trực UBTƯ MTTQ Việt Nam;", "- Lưu VT.", "TM. BAN THƯỜNG TRỰC",
                 "CHỦ TỊCH", "Nguyễn Văn A"):
        para(line)
    doc.save(path)
    return words


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        project = Path(tmp)
        (project / "data").mkdir()
        for f in (ROOT / "data").glob("*.yaml"):
            shutil.copy(f, project / "data" / f.name)
        plan = project / "ke-hoach-10-trang.docx"
        words = ten_pages(plan)
        command = [sys.executable, "-m", "macros.import_plan", str(plan), "--goc", str(project), "--ghi-de"]
        cold = []
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            cold.append(time.perf_counter() - start)
            if result.returncode != 0:
                print(result.stdout + result.stderr)
                return 1
        from macros import import_plan

        warm = []
        for _ in range(runs):
            start = time.perf_counter()
            import_plan.import_file(plan)
            warm.append(time.perf_counter() - start)
        sections = result.stdout.count("\n    mục ")
        from macros.numbers import format_number

        print(f"Kế hoạch thử: {format_number(words)} chữ (khoảng 10 trang A4), {sections} mục, "
              f"{plan.stat().st_size // 1024} KB")
        print(f"python -m macros.import_plan (tiến trình mới), {runs} lần: "
              f"trung vị {statistics.median(cold):.3f} s, chậm nhất {max(cold):.3f} s (mục tiêu < 2 s)")
        print(f"đọc và nhận dạng (đã nạp sẵn), {runs} lần: trung vị {statistics.median(warm) * 1000:.0f} ms")
        return 0 if statistics.median(cold) < 2 else 1


if __name__ == "__main__":
    sys.exit(main())

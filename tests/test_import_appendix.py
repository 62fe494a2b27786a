"""An appendix after the signature (phu_luc) starts on a page of its own when printed (review r19e): in the
plan's PDF (and the browser's Print, the same print.css) it began right under the signer's name."""

import subprocess

from tests.test_import_plan import ROOT, appendix_docx, load, project, run  # noqa: F401 - the fixture


def test_the_appendix_starts_on_a_new_page_in_the_plan_pdf(project, tmp_path):
    from macros.loader import load_plan
    from macros.pdf import documents
    from macros.pdf.writer import Printer
    from tests.pdfcheck import require_weasyprint

    assert run(project, appendix_docx(tmp_path), "--thu-muc", "phu-luc") == 0
    name = load(project, "phu-luc")["chu_ky"]["nguoi_ky"]
    site = load_plan(project, "phu-luc")
    require_weasyprint()
    out = tmp_path / "phu-luc.pdf"
    Printer(root=ROOT).write(documents.plan_document(site), "plan", documents.plan_metadata(site), out)
    pages = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    signed = next(i for i, p in enumerate(pages) if name in p)
    annex = next(i for i, p in enumerate(pages) if "PHỤ LỤC: LỊCH HỘI NGHỊ" in p)
    assert annex == signed + 1, (signed, annex)
    assert pages[annex].split("PHỤ LỤC")[0].strip() in ("", str(annex + 1)), pages[annex][:300]

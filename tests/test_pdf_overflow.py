"""A word too long for the line wraps anywhere in every PDF (macros/pdf/pdf.css): a
9.000-character word in a handbook step ran off the page (about 87 characters shown,
the rest lost), a 190-character department name ran off a unit's handout."""

import dataclasses

import pdfplumber
import pytest

from macros.pdf import documents
from macros.site import Site
from tests import pdfcheck
from tests.pdfcheck import A4_W, A4_H, TOL, nospace, require_weasyprint
from tests.results_fixtures import SITE


@pytest.fixture(autouse=True, scope="module")
def _pdfs_can_be_made():
    require_weasyprint()


@pytest.fixture(scope="module")
def printer():
    return pdfcheck.printer(SITE)  # this process's (issue 22: one Printer per test process)


def _word(n: int, end: str) -> str:
    return ("Ngọcđồng" * (n // 8 + 1))[: n - len(end)] + end


def _read(path):
    with pdfplumber.open(path) as doc:
        text = nospace("".join(p.extract_text() or "" for p in doc.pages))
        outside = [(i, c["text"], round(c["x0"]), round(c["x1"])) for i, p in enumerate(doc.pages)
                   for c in p.chars if c["text"].strip()
                   and (c["x0"] < -TOL or c["x1"] > A4_W + TOL or c["top"] < -TOL or c["bottom"] > A4_H + TOL)]
    return text, outside


def test_handbook_long_word_in_step_table_and_list_wraps(printer, tmp_path):
    step, cell, item = _word(9000, "CUỐIBƯỚC"), _word(400, "CUỐIÔ"), _word(300, "CUỐIMỤC")
    body = (f"<h2>Các bước</h2><p>Bước 1: {step}</p><ol><li>{item}</li></ol>"
            f"<table><thead><tr><th>Cột</th><th>Nội dung</th></tr></thead>"
            f"<tbody><tr><td>1</td><td>{cell}</td></tr></tbody></table>")
    html = documents.handbook_document(SITE, "Sổ tay", [documents.Chapter("Chương thử", body)])
    out = tmp_path / "so-tay.pdf"
    printer.write(html, "handbook", documents.handbook_metadata(SITE, "Sổ tay"), out)
    text, outside = _read(out)
    assert not outside, outside[:5]
    for word in (step, cell, item):  # the end printed (the page's furniture may split the rest)
        assert word[-60:] in text
    assert text.count("ồ") >= sum(w.count("ồ") for w in (step, cell, item))  # and every other letter


def test_handout_long_department_name_wraps(printer, tmp_path, monkeypatch):
    code = SITE.units[0].ma
    dept = SITE.department(SITE.assignment_of(code).ban)
    name = _word(190, "CUỐITÊNBAN")
    monkeypatch.setattr(Site, "department", lambda self, c: dept.model_copy(update={"ten": name}))
    out = tmp_path / "handout.pdf"
    printer.write(documents.handout_document(SITE, code), "handout", documents.handout_metadata(SITE, code), out)
    text, outside = _read(out)
    assert not outside, outside[:5]
    assert name in text


def test_report_long_department_name_wraps(printer, tmp_path, monkeypatch):
    """The compiled report's «Ban phối hợp» column: the same 190-character name."""
    from macros.pdf import report
    from tests.results_fixtures import results_of, with_results

    results = results_of(with_results(tmp_path / "kq"))
    original = Site.department
    name = _word(190, "CUỐITÊNBAN")
    monkeypatch.setattr(Site, "department", lambda self, c: original(self, c).model_copy(update={"ten": name}))
    job = report.report_job(SITE, results)
    out = tmp_path / "report.pdf"
    printer.write(job.html, job.kind, job.meta, out)
    text, outside = _read(out)
    assert not outside, outside[:5]
    assert name[-60:] in text

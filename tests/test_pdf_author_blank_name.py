"""Every file's metadata says who made it, also when co-quan.yaml leaves the issuing body's full name blank
(issue 19, defect 5 of the last reviews): ten_day_du may be "" («khi chưa biết», the schema says), and the plan
PDF's Author was then empty, unchecked. The plan's own text is the office's: its Author is the issuing body as
the document's header writes it (its lines, then its parent's); with no header either, whoever compiled the
file. Everything compiled names the compiler, as before. In-process, on the 2023 plan's model with the name
blanked."""

import io
import re
from dataclasses import replace

from docx import Document

from macros.exports import plan_docx
from macros.pdf import documents
from macros.render import notice
from tests.results_fixtures import SITE

HEADER = "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM"


def _without_name(site, **more):
    return replace(site, org=site.org.model_copy(update={"ten_day_du": "", **more}))


def _author_meta(html: str) -> str:
    return re.search(r'<meta name="author" content="([^"]*)">', html).group(1)


def test_the_2023_plan_keeps_its_full_name():
    assert documents.plan_metadata(SITE).author == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Kon Tum"


def test_a_blank_full_name_gives_the_header_as_written():
    site = _without_name(SITE)
    assert site.org.co_quan_ban_hanh and not site.org.ten_day_du
    assert documents.plan_metadata(site).author == HEADER
    assert _author_meta(documents.plan_document(site)) == HEADER  # what the PDF writer is given
    assert Document(io.BytesIO(plan_docx.plan_docx(site))).core_properties.author == HEADER


def test_no_name_and_no_header_gives_the_compiler():
    site = _without_name(SITE, co_quan_ban_hanh="", co_quan_cap_tren="", dong_co_quan_ban_hanh=[],
                         dong_co_quan_cap_tren=[], cac_co_quan_ban_hanh=[])
    compiler = notice.compiler(site)
    assert compiler and documents.plan_metadata(site).author == compiler


def test_every_compiled_file_names_its_compiler():
    site = _without_name(SITE)
    compiler = notice.compiler(site)
    metas = [documents.handout_metadata(site, site.units[0].ma), documents.handbook_metadata(site, "Sổ tay")]
    assert compiler and all(m.author == compiler for m in metas), metas

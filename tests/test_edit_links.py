"""With a real repository address (EDIT_URI, as the CI workflows set it), every page
has "Sửa trang này" opening the file that holds its content (the YAML data for
pages made from data); without one, no page has it: never a link to a placeholder
host (issue 11). "Cập nhật lần cuối" is the date of the last commit to that data —
never the build date."""

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest

from macros.dates import format_date
from tests.sitebuild import MUTATED_EDIT_URI, ROOT

EDIT = re.compile(r'<a class="[^"]*trang-nguon__sua[^"]*" href="([^"]+)" rel="edit">Sửa trang này</a>')
UPDATED = re.compile(r'Cập nhật lần cuối: <time datetime="([0-9-]+)">([0-9/]+)</time>')


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def edit_link(site: Path, page: str) -> str:
    links = EDIT.findall((site / page).read_text(encoding="utf-8"))
    assert len(links) == 1, f"{page}: {links}"
    return links[0]


def git_date(*files: str) -> str:
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cI", "--", *files],
                         capture_output=True, text=True, check=True).stdout.strip()
    when = dt.datetime.fromisoformat(out).astimezone(dt.timezone(dt.timedelta(hours=7)))
    return format_date(when.date())


def test_without_a_real_address_no_page_has_an_edit_link(site):
    if os.environ.get("EDIT_URI"):
        pytest.skip("EDIT_URI is set in this environment")
    pages = html_pages(site)
    assert len(pages) >= 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Sửa trang này" not in html and "THAY-TEN" not in html, page


def test_every_page_has_one_edit_link(mutated_site):
    """The mutated build is made with EDIT_URI=MUTATED_EDIT_URI (tests/conftest.py)."""
    pages = html_pages(mutated_site)
    assert len(pages) >= 15
    for page in pages:
        edit_link(mutated_site, page.relative_to(mutated_site).as_posix())


def test_pages_made_from_data_open_the_data_file(mutated_site):
    expected = {
        "index.html": "data/ke-hoach-2023/ke-hoach.yaml",  # home page: macros only
        "ke-hoach/index.html": "data/ke-hoach-2023/ke-hoach.yaml",
        "phan-cong/index.html": "data/ke-hoach-2023/ke-hoach.yaml",
        "don-vi/index.html": "data/ke-hoach-2023/don-vi.yaml",  # the list of units
        "don-vi/huyen-dak-glei/index.html": "data/ke-hoach-2023/ke-hoach.yaml",  # generated, no Markdown file
        "so-tay/mo-hinh-hay/index.html": "data/ke-hoach-2023/so-tay/mo-hinh-hay.yaml",  # its handbook chapter
        "kinh-phi/index.html": "data/ke-hoach-2023/ke-hoach.yaml",
        "tien-do/index.html": "data/ke-hoach-2023/ke-hoach.yaml",
    }
    for page, file in expected.items():
        assert edit_link(mutated_site, page) == MUTATED_EDIT_URI + file, page


def test_last_updated_is_the_last_commit_to_the_data(site):
    html = (site / "don-vi/huyen-dak-glei/index.html").read_text(encoding="utf-8")
    iso, shown = UPDATED.search(html).groups()
    assert shown == git_date("data/ke-hoach-2023/ke-hoach.yaml", "data/ke-hoach-2023/don-vi.yaml", "data/ke-hoach-2023/co-quan.yaml")
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", shown) and iso == "-".join(reversed(shown.split("/")))


def test_edit_base_from_environment_and_date_without_git(mutated_site):
    """Outside a git checkout the date is SOURCE_DATE_EPOCH (in Vietnam's time),
    and EDIT_URI gives the repository. The mutated build is a copy of the project
    without .git, built with EDIT_URI=MUTATED_EDIT_URI and SOURCE_DATE_EPOCH=1700000000
    (14/11/2023 22:13 UTC = 15/11 in Kon Tum)."""
    html = (mutated_site / "don-vi/huyen-dak-glei/index.html").read_text(encoding="utf-8")
    assert "THAY-TEN" not in MUTATED_EDIT_URI
    assert EDIT.search(html).group(1) == MUTATED_EDIT_URI + "data/ke-hoach-2023/ke-hoach.yaml"
    assert UPDATED.search(html).groups() == ("2023-11-15", "15/11/2023")


def test_the_preview_note_about_pdfs_is_for_the_editor_serve_only(monkeypatch):
    """"Bản xem thử này (scripts/serve.sh)…" speaks to the editor previewing: an
    HTML-only build (KONTUM_PDF=0) that might be published shows no such note."""
    from types import SimpleNamespace

    from macros.adapters import pdf_output
    from macros.adapters.build_state import Settings

    page = SimpleNamespace(file=SimpleNamespace(src_uri="ke-hoach.md"), url="ke-hoach/")
    state = SimpleNamespace(catalog=SimpleNamespace(pdf_target=lambda src: "pdf/ke-hoach.pdf"),
                            pdf_skip_reason=lambda: None, settings=Settings(pdf="0"))
    assert pdf_output.add_download_link("# Kế hoạch\n\nVăn bản", page, state) == "# Kế hoạch\n\nVăn bản"
    state.settings = Settings(pdf="0", serving=True)
    assert "scripts/serve.sh" in pdf_output.add_download_link("# Kế hoạch\n\nVăn bản", page, state)

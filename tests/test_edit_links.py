"""With a real repository address (EDIT_URI), every page has "Sửa trang này"
opening the file that holds its content (the YAML data for pages made from data);
without one, no page has it (never a link to a placeholder host). "Cập nhật lần
cuối" is the date of the last commit to that data — never the build date."""

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.dates import format_date
from tests.sitebuild import ROOT, copy_project

REAL_BASE = "https://example.invalid/kho/edit/chinh/"
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


@pytest.fixture(scope="module")
def edit_site(tmp_path_factory):
    """A copy of the project (no .git) built with a real repository address, as the CI
    workflows set it, and SOURCE_DATE_EPOCH for the dates: the one extra build here."""
    root = tmp_path_factory.mktemp("edit")
    project = copy_project(root / "project")
    out = root / "site"
    env = dict(os.environ, EDIT_URI=REAL_BASE, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(out)], cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def test_without_a_real_address_no_page_has_an_edit_link(site):
    if os.environ.get("EDIT_URI"):
        pytest.skip("EDIT_URI is set in this environment")
    pages = html_pages(site)
    assert len(pages) >= 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Sửa trang này" not in html and "THAY-TEN" not in html, page


def test_every_page_has_one_edit_link(edit_site):
    pages = html_pages(edit_site)
    assert len(pages) >= 15
    for page in pages:
        edit_link(edit_site, page.relative_to(edit_site).as_posix())


def test_pages_made_from_data_open_the_data_file(edit_site):
    site, base = edit_site, REAL_BASE
    expected = {
        "index.html": "data/ke-hoach.yaml",  # home page: macros only
        "ke-hoach/index.html": "data/ke-hoach.yaml",
        "phan-cong/index.html": "data/ke-hoach.yaml",
        "don-vi/index.html": "data/don-vi.yaml",  # the list of units
        "don-vi/huyen-dak-glei/index.html": "data/ke-hoach.yaml",  # generated, no Markdown file
        "so-tay/mo-hinh-hay/index.html": "data/so-tay/mo-hinh-hay.yaml",  # its handbook chapter
        "kinh-phi/index.html": "data/ke-hoach.yaml",
    }
    for page, file in expected.items():
        assert edit_link(site, page) == base + file, page


def test_last_updated_is_the_last_commit_to_the_data(site):
    html = (site / "don-vi/huyen-dak-glei/index.html").read_text(encoding="utf-8")
    iso, shown = UPDATED.search(html).groups()
    assert shown == git_date("data/ke-hoach.yaml", "data/don-vi.yaml", "data/co-quan.yaml")
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", shown) and iso == "-".join(reversed(shown.split("/")))


def test_edit_base_from_environment_and_date_without_git(edit_site):
    """Outside a git checkout the date is SOURCE_DATE_EPOCH (in Vietnam's time),
    and EDIT_URI gives the repository."""
    html = (edit_site / "don-vi/huyen-dak-glei/index.html").read_text(encoding="utf-8")
    assert EDIT.search(html).group(1) == REAL_BASE + "data/ke-hoach.yaml"
    assert UPDATED.search(html).groups() == ("2023-11-15", "15/11/2023")  # 14/11/2023 22:13 UTC = 15/11 in Kon Tum

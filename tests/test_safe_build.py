"""scripts/build.py: a failing build leaves the last good site exactly as it was;
two builds of one commit are byte-identical."""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.sitebuild import ROOT, copy_project

BUILD = ROOT / "scripts" / "build.py"


def run_build(project: Path, out: Path, **env) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH" and not k.startswith("KONTUM_")}
    full.update(env)
    return subprocess.run([sys.executable, str(BUILD), "--goc", str(project), "--ra", str(out)],
                          capture_output=True, text=True, env=full, timeout=300)


def snapshot(tree: Path) -> dict[str, tuple[str, int]]:
    """Every file's bytes (as a hash) and modification time."""
    return {p.relative_to(tree).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(tree.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".site-")]


def test_last_good_site_survives_failing_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    out = tmp_path / "public" / "site"
    # PDFs are not the point here (KONTUM_PDF=0); the byte-identical test below makes them.
    first = run_build(project, out, SOURCE_DATE_EPOCH="1700000000", KONTUM_PDF="0")
    assert first.returncode == 0, first.stderr
    good = snapshot(out)
    assert "index.html" in good

    # 1. Bad data: stopped by the check, before MkDocs runs.
    plan = project / "data" / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('don_vi: ["611", "610"]', 'don_vi: ["611", "Dak Glei"]'), encoding="utf-8")
    bad = run_build(project, out, KONTUM_PDF="0")
    assert bad.returncode == 1
    assert "Không có đơn vị mã «Dak Glei»" in bad.stderr and "Traceback" not in bad.stderr
    assert "giữ nguyên bản tốt gần nhất" in bad.stderr
    assert snapshot(out) == good
    assert leftovers(out.parent) == []

    # 2. Good data, but the strict build fails (a broken link in a page).
    plan.write_text(text, encoding="utf-8")
    (project / "docs" / "hong.md").write_text("# Hỏng\n\n[liên kết hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
    broken = run_build(project, out, KONTUM_PDF="0")
    assert broken.returncode == 1, broken.stdout
    assert snapshot(out) == good
    assert leftovers(out.parent) == []

    # 3. Fixed: the new site replaces the old one.
    (project / "docs" / "hong.md").unlink()
    plan.write_text(text.replace("dinh_muc: 5000000", "dinh_muc: 6000000"), encoding="utf-8")
    fixed = run_build(project, out, SOURCE_DATE_EPOCH="1700000000", KONTUM_PDF="0")
    assert fixed.returncode == 0, fixed.stderr
    assert "60.000.000" in (out / "kinh-phi" / "index.html").read_text(encoding="utf-8")
    assert leftovers(out.parent) == []


def test_two_builds_of_one_commit_are_byte_identical(site, tmp_path):
    # The real project, dated by its git commit (no SOURCE_DATE_EPOCH given). The first
    # build is the session's `site` (conftest: dated by HEAD's commit, as scripts/build.py
    # does), built earlier in this run: a build clock would differ by seconds by now.
    a, b = site, tmp_path / "b"
    time.sleep(1.1)  # at least a second after the first build
    second = run_build(ROOT, b)
    assert second.returncode == 0, second.stderr
    files_a = {k: v[0] for k, v in snapshot(a).items()}
    files_b = {k: v[0] for k, v in snapshot(b).items()}
    assert files_a.keys() == files_b.keys()
    assert [k for k in files_a if files_a[k] != files_b[k]] == []
    assert "sitemap.xml.gz" in files_a and "search/search_index.json" in files_a

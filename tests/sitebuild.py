"""Build the real site, or a copy of the project with changed data, into a temp dir."""

import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides", "CONTRIBUTING.md")


def copy_project(dest: Path) -> Path:
    """A copy of everything the build reads, for tests that change data/."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def mkdocs_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def page_text(site: Path, path: str) -> str:
    """The visible text of a page's article, whitespace folded: what a reader reads."""
    html = (site / path).read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    body = match.group(1) if match else html
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?abbr\b[^>]*>", "", body)  # inline tooltip: no word break
    text = unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text.split())

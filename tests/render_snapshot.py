"""A fingerprint of everything the site renders from data, computed in-process (no
MkDocs, no git dates): each plan's pages (Markdown, title, data files, front matter),
its nav, the PDFs' HTML and the downloads' bytes, for the published data and for the
two-plan fixture. tests/test_render_snapshot.py compares it with the fingerprint kept
in tests/fixtures/render-snapshot.json, so code can move (issue 22) while every output
stays byte-identical; when an output changes on purpose, write the new fingerprint:

    .venv/bin/python -m tests.render_snapshot --ghi
"""

import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

from tests.sitebuild import ROOT
from tests.sitebuild import unname_text

SNAPSHOT = ROOT / "tests" / "fixtures" / "render-snapshot.json"
FIXTURE = ROOT / "tests" / "fixtures" / "ke-hoach-mau"
TWO_PLANS = """
  - thu_muc: ke-hoach-mau
    duong_dan: ke-hoach-mau/
    ten: Kế hoạch mẫu dùng để kiểm thử (năm 2026)
"""
EPOCH = 1764547200  # a fixed date for the downloads' stamps


def _digest(value) -> str:
    data = value if isinstance(value, bytes) else json.dumps(value, ensure_ascii=False, sort_keys=True,
                                                             default=str).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def _fingerprint_root(root: Path, label: str) -> dict[str, str]:
    from macros import plan_status
    from macros.exports.downloads import download_bytes
    from macros.gitdates import source_date_epoch
    from macros.loader import load_website
    from macros.pdf import documents
    from macros.render import pages

    out = {}
    website = load_website(root)
    for site in website.plans:
        # Dated as a build with SOURCE_DATE_EPOCH=EPOCH (macros/adapters/build_state.py): where the plan stands.
        plan_status.date_status(site, source_date_epoch(EPOCH).date())
        key = f"{label}:{site.key}"
        for page in pages.plan_pages(site):
            out[f"{key}:page:{page.path}"] = _digest([page.title, page.markdown, list(page.data_files), page.meta])
        out[f"{key}:nav"] = _digest(pages.plan_nav(site, "index.md"))
        out[f"{key}:pdf:plan"] = _digest(documents.plan_document(site))
        for unit in site.units:
            out[f"{key}:pdf:handout:{unit.ma}"] = _digest(documents.handout_document(site, unit.ma))
        for path, content in download_bytes(site, documents=False, epoch=EPOCH).items():
            out[f"{key}:download:{path}"] = _digest(content)
    return out


def fingerprint() -> dict[str, str]:
    out = _fingerprint_root(ROOT, "du-lieu")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "data", root / "data")
        unname_text(root)  # its words are changed below
        shutil.copytree(FIXTURE, root / "data" / "ke-hoach-mau")
        website = root / "data" / "website.yaml"
        website.write_text(website.read_text(encoding="utf-8") + TWO_PLANS.lstrip("\n"), encoding="utf-8")
        out.update(_fingerprint_root(root, "hai-ke-hoach"))
    return out


def changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    return ([f"mới: {k}" for k in sorted(new.keys() - old.keys())]
            + [f"mất: {k}" for k in sorted(old.keys() - new.keys())]
            + [f"khác: {k}" for k in sorted(old.keys() & new.keys()) if old[k] != new[k]])


if __name__ == "__main__":
    if sys.argv[1:] != ["--ghi"]:
        sys.exit("Cách dùng: .venv/bin/python -m tests.render_snapshot --ghi")
    SNAPSHOT.write_text(json.dumps(fingerprint(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"Đã ghi {SNAPSHOT.relative_to(ROOT)}")

"""PNG previews of the first page of each kind of printout, for review by eye.

    python scripts/print_previews.py OUT_DIR [SITE_DIR]

Without SITE_DIR the site is built (with its PDFs) into a temporary directory.
Writes OUT_DIR/<kind>-1.png for: the plan PDF, one unit handout, the handbook
(cover and table of contents), and the plan page printed from Chromium.
Needs pdftoppm (Debian poppler-utils); the Chromium shot is skipped without Chromium.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.pdf import paths  # noqa: E402
from macros.loader import load_site  # noqa: E402
from tests.browser import chromium_path, launch, serve  # noqa: E402
from tests.sitebuild import mkdocs_build  # noqa: E402


def png(pdf: Path, out: Path, name: str, first: int = 1, last: int = 1) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(first), "-l", str(last), str(pdf), str(out / name)],
                   check=True)


def main(out: Path, site_dir: Path) -> None:
    data = load_site(ROOT)
    out.mkdir(parents=True, exist_ok=True)
    png(site_dir / paths.plan_pdf(data), out, "ke-hoach")
    png(site_dir / paths.handout_pdf(data.units[0]), out, "don-vi")
    png(site_dir / paths.handbook_pdf(data), out, "so-tay", 1, 2)
    if chromium_path():
        with serve(site_dir) as base, launch() as browser:
            page = browser.new_page()
            page.goto(base + "ke-hoach/")
            printed = out / "chromium-ke-hoach.pdf"
            printed.write_bytes(page.pdf(prefer_css_page_size=True))
            png(printed, out, "chromium-ke-hoach")
    for image in sorted(out.glob("*.png")):
        print(image)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if len(sys.argv) > 2:
        main(Path(sys.argv[1]), Path(sys.argv[2]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = mkdocs_build(ROOT, Path(tmp))
            if result.returncode:
                sys.exit(result.stderr)
            main(Path(sys.argv[1]), Path(tmp))

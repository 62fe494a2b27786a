"""Screenshot pages of a built site with headless Chromium, for review.

    python scripts/screenshot.py SITE_DIR OUT_DIR [page ...]

Pages are paths under the site ("ke-hoach/"); each is shot at phone width
(390 px) and desktop width (1280 px).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import launch, serve  # noqa: E402


def main(site: str, out: str, pages: list[str]) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, launch() as browser:
        for width, label in ((390, "phone"), (1280, "desktop")):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in pages or [""]:
                page.goto(base + path)
                name = (path.strip("/").replace("/", "_") or "index") + f"-{label}.png"
                page.screenshot(path=str(Path(out) / name), full_page=True)
                print(Path(out) / name)
            page.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])

"""Lighthouse on the built site, as a cadre's phone sees it (a benchmark, not a test).

    .venv/bin/python scripts/bench_lighthouse.py [--runs 3] [--site DIR]

Builds the site into a temp dir (or uses --site), serves it from a local
server that sends the .gz copies (like nginx's gzip_static, see
deploy/nginx.conf), and runs Lighthouse LIGHTHOUSE_VERSION (npm, installed into
.cache/npm on first use) with Debian's Chromium on the home, plan, unit,
chapter and form pages: mobile, Lighthouse's default simulated slow 4G and
4x CPU slowdown, each page --runs times. Prints the median of each category
score and of the main timings, and each page's first-load weight (requests
and KB on the wire, from an empty cache).

Targets (issue 13): performance >= 0.95; accessibility, best practices,
SEO = 1.0. Needs node >= 18 and npm (Debian: apt-get install nodejs npm).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium_path, launch, serve  # noqa: E402
from tests.pageweight import first_load  # noqa: E402
from tests.sitebuild import mkdocs_build  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # 13.x needs node >= 22.19; Debian 12 ships node 18/20
NPM_DIR = ROOT / ".cache" / "npm"
PAGES = {
    "home": "",
    "plan": "ke-hoach/",
    "unit": "don-vi/huyen-dak-glei/",
    "chapter": "so-tay/cuoc-van-dong/",
    "form": "bo-cong-cu/phieu-khao-sat/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMINGS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def lighthouse_bin() -> Path:
    binary = NPM_DIR / "node_modules" / ".bin" / "lighthouse"
    installed = NPM_DIR / "node_modules" / "lighthouse" / "package.json"
    if not (binary.exists() and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION):
        if not shutil.which("npm"):
            sys.exit("npm is needed (apt-get install nodejs npm)")
        NPM_DIR.mkdir(parents=True, exist_ok=True)
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {NPM_DIR} …", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(NPM_DIR), f"lighthouse@{LIGHTHOUSE_VERSION}",
                        "--no-audit", "--no-fund", "--loglevel=error"], check=True)
    return binary


def run_once(binary: Path, url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=chromium_path() or "/usr/bin/chromium")
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
                    "--only-categories=" + ",".join(CATEGORIES)],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    timings = {t: report["audits"][t]["numericValue"] for t in TIMINGS}
    failed = sorted({a["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                     if ref["weight"] > 0
                     for a in [report["audits"][ref["id"]]]
                     if a.get("score") is not None and a["score"] < 1})
    return {"scores": scores, "timings": timings, "failed": failed}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args(argv)
    binary = lighthouse_bin()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        tmp = Path(tmp)
        site = args.site
        if site is None:
            site = tmp / "site"
            result = mkdocs_build(ROOT, site)
            if result.returncode != 0:
                sys.exit(result.stderr)
        log: list = []
        rows = []
        with serve(site, log=log) as base:
            with launch() as browser:
                weights = {name: first_load(browser, base, log, path) for name, path in PAGES.items()}
            for name, path in PAGES.items():
                runs = [run_once(binary, base + path, tmp / f"{name}-{i}.json") for i in range(args.runs)]
                median = {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES}
                timing = {t: statistics.median(r["timings"][t] for r in runs) for t in TIMINGS}
                failed = sorted({a for r in runs for a in r["failed"]})
                rows.append((name, path, median, timing, weights[name], failed))
                print(f"{name:8} done", file=sys.stderr)
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile (simulated slow 4G, 4x CPU), median of {args.runs} runs")
    print(f"{'page':8} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} {'FCP ms':>7} {'LCP ms':>7} "
          f"{'TBT ms':>7} {'CLS':>5} {'req':>4} {'KB':>6}")
    for name, path, median, timing, weight, _ in rows:
        print(f"{name:8} {median['performance']:5.2f} {median['accessibility']:5.2f} "
              f"{median['best-practices']:5.2f} {median['seo']:5.2f} "
              f"{timing['first-contentful-paint']:7.0f} {timing['largest-contentful-paint']:7.0f} "
              f"{timing['total-blocking-time']:7.0f} {timing['cumulative-layout-shift']:5.2f} "
              f"{weight.count:4d} {weight.bytes / 1024:6.1f}")
    missed = False
    for name, path, median, _, _, failed in rows:
        below = [c for c in CATEGORIES if median[c] is not None and median[c] < TARGETS[c]]
        if below or failed:
            missed = missed or bool(below)
            print(f"  {name}: below target: {', '.join(below) or '-'}; audits not passed: {', '.join(failed) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How the build grows with the number of units: synthetic plans (scripts/synthetic_plan.py,
test data only) of 10, 100, 332, 1,000 and 3,321 units (3,321: the communes of the
country after 2025), HTML only, each beside stock Material built from the same
rendered pages, in one run.

    .venv/bin/python scripts/bench_scale.py                 # every size, with stock Material
    .venv/bin/python scripts/bench_scale.py 10 100 --no-stock
    .venv/bin/python scripts/bench_scale.py --stock-max 1000  # stock only up to 1,000 units
    .venv/bin/python scripts/bench_scale.py --pdf 100        # also PDFs of 100 unit sheets, cold and cached

For each size it prints: wall and CPU time of `mkdocs build --strict` (KONTUM_PDF=0, and
KONTUM_OFFLINE=0: no second build for the offline ZIP), its
peak memory (max RSS), the size of one unit page, the time of `python -m
macros.check`, and the same build with stock Material (no hooks, no macros, the
generated pages written as Markdown files, the nav MkDocs makes by itself, so
every unit is in every page's sidebar), with the ratio. Targets (issue 10):
3,321 units ≤ 60 s wall on 2 cores, t(3,321)/t(332) ≤ 11, ≤ 600 MB, check ≤ 2 s.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_plan import write_plan  # noqa: E402

SIZES = [10, 100, 332, 1000, 3321]
PER_DEPARTMENT = 100  # units per department in the synthetic plans
WEBSITE = """ten: Website mẫu dùng để kiểm thử
mo_ta: Kế hoạch mẫu dùng để kiểm thử (dữ liệu giả).
tac_gia: Kiểm thử
ke_hoach:
  - thu_muc: ke-hoach-mau
    duong_dan: ""
    ten: Kế hoạch mẫu dùng để kiểm thử
"""
STOCK_YML = """site_name: Website mẫu dùng để kiểm thử
theme:
  name: material
  language: vi
  font: false
  features: [navigation.indexes, navigation.sections, navigation.top, navigation.prune, search.highlight,
             content.tooltips]
markdown_extensions: [toc, tables, attr_list, md_in_html, admonition, abbr, pymdownx.details]
plugins: [search]
"""


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Wall, CPU (user+sys) and peak RSS of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{err.decode()[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "out": out.decode()}


def project(base: Path, units: int) -> Path:
    proj = base / f"p{units}"
    proj.mkdir(parents=True)
    for part in ("mkdocs.yml", "docs", "macros", "overrides", "CONTRIBUTING.md"):
        src = ROOT / part
        (shutil.copytree(src, proj / part, ignore=shutil.ignore_patterns("__pycache__"))
         if src.is_dir() else shutil.copy2(src, proj / part))
    (proj / "data").mkdir()
    for name in ("thuat-ngu.yaml", "van-ban.yaml", "bien-soan.yaml"):
        shutil.copy2(ROOT / "data" / name, proj / "data" / name)
    (proj / "data" / "website.yaml").write_text(WEBSITE, encoding="utf-8")
    write_plan(proj / "data" / "ke-hoach-mau", units, per_department=PER_DEPARTMENT)
    return proj


def stock_project(proj: Path) -> Path:
    """The same rendered pages as Markdown files for plain Material."""
    code = ("import json,sys; from macros.loader import load_website; from macros.render.pages import Catalog;"
            "c=Catalog(load_website('.'));"
            "print(json.dumps([[p.path,p.title,p.markdown] for p in c.pages.values()]))")
    pages = json.loads(subprocess.run([sys.executable, "-c", code], cwd=proj, capture_output=True, text=True,
                                      check=True).stdout)
    stock = proj.parent / (proj.name + "-stock")
    docs = stock / "docs"
    shutil.copytree(proj / "docs", docs)
    for path, title, markdown in pages:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n{markdown}", encoding="utf-8")
    (stock / "mkdocs.yml").write_text(STOCK_YML, encoding="utf-8")
    return stock


def build(proj: Path, out: Path) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KONTUM_PDF="0", KONTUM_OFFLINE="0")
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(proj / "mkdocs.yml"),
                "-d", str(out)], proj, env)


def pdf_times(units: int) -> str:
    """PDFs of `units` unit sheets: cold (parallel across cores) and again with the cache."""
    from macros.loader import load_website
    from macros.pdf import writer

    with tempfile.TemporaryDirectory() as tmp:
        proj = project(Path(tmp), units)
        site = load_website(proj).plans[0]
        cold = writer.write_all(site, Path(tmp) / "site1", cache=Path(tmp) / "cache")
        warm = writer.write_all(site, Path(tmp) / "site2", cache=Path(tmp) / "cache")
    return (f"PDF, {units} unit sheets + plan: cold {cold.seconds:.1f} s ({cold.made} made, {cold.workers} processes); "
            f"unchanged {warm.seconds:.1f} s ({warm.reused} reused)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES)
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument("--stock-max", type=int, default=10**9, help="build stock Material only up to this many units")
    parser.add_argument("--pdf", type=int, default=0, help="also time PDFs of this many unit sheets")
    args = parser.parse_args()
    rows = []
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    header = ("| units | pages | build wall s | build CPU s | peak MB | unit page KB | check CPU s "
              "| stock wall s | stock CPU s | stock peak MB | CPU ratio to stock |")
    print(header + "\n|" + "---:|" * 11, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            proj = project(Path(tmp), n)
            check = run([sys.executable, "-m", "macros.check", "--goc", str(proj)], ROOT)
            ours = build(proj, Path(tmp) / f"site{n}")
            site = Path(tmp) / f"site{n}"
            pages = sum(1 for _ in site.rglob("index.html"))
            unit = next((site / "don-vi").glob("*/index.html")).stat().st_size / 1024
            row = [n, pages, f"{ours['wall']:.1f}", f"{ours['cpu']:.1f}", f"{ours['rss_mb']:.0f}", f"{unit:.0f}",
                   f"{check['cpu']:.2f}"]
            if not args.no_stock and n <= args.stock_max:
                stock = build(stock_project(proj), Path(tmp) / f"stock{n}")
                row += [f"{stock['wall']:.1f}", f"{stock['cpu']:.1f}", f"{stock['rss_mb']:.0f}",
                        f"{ours['cpu'] / stock['cpu']:.2f}"]
            else:
                row += ["–", "–", "–", "–"]
            rows.append((n, ours))
            print("| " + " | ".join(str(x) for x in row) + " |", flush=True)
            shutil.rmtree(site, ignore_errors=True)
    times = {n: r for n, r in rows}
    if 332 in times and 3321 in times:
        print(f"t(3321)/t(332): wall {times[3321]['wall'] / times[332]['wall']:.1f}, "
              f"CPU {times[3321]['cpu'] / times[332]['cpu']:.1f} (target ≤ 11)")
    if args.pdf:
        print(pdf_times(args.pdf))
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()

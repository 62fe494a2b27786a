"""How the build grows with the number of units: synthetic plans (scripts/synthetic_plan.py,
test data only; `python scripts/synthetic_plan.py DEST --don-vi N` makes one), each in a
git checkout of its own, measured in one run, side by side:

- published: `scripts/build.py` (what is deployed: PDFs, Excel templates, calendars, the
  offline ZIP and its file:// copy, .gz/.br), empty caches (KONTUM_CACHE_DIR and
  XDG_CACHE_HOME new); then again with nothing changed; then after one unit's data
  changed (committed), with the log's "remade" line;
- HTML only: `mkdocs build --strict` with KONTUM_PDF=0 KONTUM_OFFLINE=0;
- stock: Material with no hooks and no macros, the same rendered pages as Markdown
  files and the same nav (unit pages reached from their list, not in every sidebar).

CPU = user + sys of the child and everything it waited for (MkDocs, PDF workers);
peak MB = the largest resident set among them. Budgets (issue 24, 2 cores, empty
caches): 1,000 units within 50 s, 3,321 within 150 s and 600 MB; a build with nothing
changed within 10 % of the first.

    .venv/bin/python scripts/bench_scale.py                   # 332 and 1,000 units
    .venv/bin/python scripts/bench_scale.py 3321 --runs 1
    .venv/bin/python scripts/bench_scale.py 332 --runs 3      # medians of 3, interleaved
    .venv/bin/python scripts/bench_scale.py --pdf 100         # also PDFs of 100 unit sheets, cold and cached
"""

import argparse
import functools
import json
import re
import statistics
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

SIZES = [332, 1000]
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
not_in_nav: |
  /don-vi/*.md
theme:
  name: material
  language: vi
  font: false
  features: [navigation.indexes, navigation.sections, navigation.top, navigation.prune, search.highlight,
             content.tooltips]
markdown_extensions: [toc, tables, attr_list, md_in_html, admonition, abbr, pymdownx.details]
plugins: [search]
"""


def git(proj: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
    subprocess.run(["git", "-C", str(proj), *args], check=True, env=env, capture_output=True)


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
            "out": out.decode(), "err": err.decode()}


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
    shutil.copytree(ROOT / "scripts", proj / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    (proj / "requirements.txt").write_text("", encoding="utf-8")
    git(proj, "init", "-q")
    git(proj, "add", "-A")
    git(proj, "commit", "-qm", "plan")
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
    nav = json.loads(subprocess.run([sys.executable, "-c", "import json; from macros.loader import load_website;"
                                     "from macros.render.pages import Catalog;"
                                     "print(json.dumps(Catalog(load_website('.')).nav))"],
                                    cwd=proj, capture_output=True, text=True, check=True).stdout)
    # The same nav as the site's (JSON is YAML): units reached from their list page.
    (stock / "mkdocs.yml").write_text(STOCK_YML + "nav: " + json.dumps(nav, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return stock


def _clean_env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("KONTUM_") and k != "SOURCE_DATE_EPOCH"}


def build(proj: Path, out: Path) -> dict:
    """HTML only (and the stock twin)."""
    env = dict(_clean_env(), NO_MKDOCS_2_WARNING="1", KONTUM_PDF="0", KONTUM_OFFLINE="0")
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(proj / "mkdocs.yml"),
                "-d", str(out)], proj, env)


def published(proj: Path, out: Path, caches: Path) -> dict:
    """scripts/build.py as deployed, with the caches in `caches` (empty on the first build)."""
    env = dict(_clean_env(), KONTUM_CACHE_DIR=str(caches / "kontum"), XDG_CACHE_HOME=str(caches / "xdg"))
    result = run([sys.executable, str(proj / "scripts" / "build.py"), "--goc", str(proj), "--ra", str(out)], proj, env)
    log = result["out"] + result.get("err", "")
    found = re.search(r"Tệp tạo mới / remade: [^\n]*", log)
    result["remade"] = found.group(0) if found else "?"
    copy = re.search(r"bản sao file:// (lấy từ bộ đệm|tạo) trong ([\d.]+) s", log)
    result["copy"] = f"file:// copy {'reused' if copy.group(1) != 'tạo' else 'built'} {copy.group(2)} s" if copy else ""
    return result


def change_one_unit(proj: Path) -> None:
    """One unit's data changed and committed: the last unit's other name (ten_khac)."""
    units = proj / "data" / "ke-hoach-mau" / "don-vi.yaml"
    text = units.read_text(encoding="utf-8").rstrip("\n") + "\n  ten_khac: [Tên khác đo thử]\n"
    units.write_text(text, encoding="utf-8")
    git(proj, "commit", "-qam", "one unit")


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


def one_run(n: int, tmp: Path, stock_ok: bool) -> dict:
    proj = project(tmp, n)
    check = run([sys.executable, "-m", "macros.check", "--goc", str(proj)], ROOT)
    html = build(proj, tmp / f"html{n}")
    site = tmp / f"html{n}"
    pages = sum(1 for _ in site.rglob("index.html"))
    unit_kb = next((site / "don-vi").glob("*/index.html")).stat().st_size / 1024
    shutil.rmtree(site, ignore_errors=True)
    caches = tmp / f"caches{n}"
    first = published(proj, tmp / f"pub{n}", caches)
    zip_mb = sum(p.stat().st_size for p in (tmp / f"pub{n}" / "tai-ve").glob("*.zip") if p.name != "goi-chung.zip") / 1e6
    packages = [p.stat().st_size / 1e6 for p in (tmp / f"pub{n}" / "tai-ve" / "goi-don-vi").glob("*.zip")]
    shared = tmp / f"pub{n}" / "tai-ve" / "goi-chung.zip"  # macros/offline/package.SHARED_ZIP
    shared_mb = shared.stat().st_size / 1e6 if shared.exists() else 0.0
    site_mb = sum(p.stat().st_size for p in (tmp / f"pub{n}").rglob("*") if p.is_file()) / 1e6
    again = published(proj, tmp / f"pub{n}", caches)
    change_one_unit(proj)
    one = published(proj, tmp / f"pub{n}", caches)
    out = {"pages": pages, "unit_kb": unit_kb, "check": check["cpu"], "html": html, "first": first,
           "again": again, "one": one, "zip_mb": zip_mb, "packages": packages, "shared_mb": shared_mb,
           "site_mb": site_mb}
    if stock_ok:
        out["stock"] = build(stock_project(proj), tmp / f"stock{n}")
        shutil.rmtree(tmp / f"stock{n}", ignore_errors=True)
    shutil.rmtree(tmp / f"pub{n}", ignore_errors=True)
    shutil.rmtree(proj, ignore_errors=True)
    shutil.rmtree(caches, ignore_errors=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES)
    parser.add_argument("--runs", type=int, default=1, help="runs per size (medians; sizes interleaved)")
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument("--stock-max", type=int, default=10**9, help="build stock Material only up to this many units")
    parser.add_argument("--pdf", type=int, default=0, help="also time PDFs of this many unit sheets")
    args = parser.parse_args()
    loads = [os.getloadavg()[0]]
    print(f"{os.cpu_count()} cores, load average {loads[0]:.1f} at start", flush=True)
    results: dict[int, list[dict]] = {n: [] for n in args.sizes}
    for r in range(args.runs):
        for n in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                results[n].append(one_run(n, Path(tmp), not args.no_stock and n <= args.stock_max))
            loads.append(os.getloadavg()[0])
            x = results[n][-1]
            print(f"  run {r + 1}, {n} units: published {x['first']['cpu']:.1f} s CPU "
                  f"({x['first']['wall']:.1f} s wall, {x['first']['rss_mb']:.0f} MB; {x['first']['copy']}), "
                  f"again {x['again']['cpu']:.1f} s ({x['again']['wall']:.1f} s wall, {x['again']['rss_mb']:.0f} MB; "
                  f"{x['again']['copy']}), one unit changed {x['one']['cpu']:.1f} s ({x['one']['copy']}) "
                  f"[{x['one']['remade']}], HTML only {x['html']['cpu']:.1f} s"
                  + (f", stock {x['stock']['cpu']:.1f} s" if "stock" in x else "") + f"; load {loads[-1]:.1f}",
                  flush=True)
    med = lambda rows, *path: statistics.median(  # noqa: E731
        [functools.reduce(lambda d, k: d[k], path, row) for row in rows])
    print("\n| units | pages | published, empty caches: CPU s (wall s, MB) | again, nothing changed: CPU s (MB) "
          "| one unit changed: CPU s (MB) | HTML only: CPU s (MB) | stock twin: CPU s (MB) "
          "| published / stock | HTML only / stock | whole ZIP MB | shared package MB; unit packages: largest, total MB "
          "| site MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, rows in results.items():
        stock = [r for r in rows if "stock" in r]
        s_cpu = med(stock, "stock", "cpu") if stock else None
        cells = [n, rows[0]["pages"],
                 f"{med(rows, 'first', 'cpu'):.1f} ({med(rows, 'first', 'wall'):.1f}, {med(rows, 'first', 'rss_mb'):.0f})",
                 f"{med(rows, 'again', 'cpu'):.1f} ({med(rows, 'again', 'rss_mb'):.0f})",
                 f"{med(rows, 'one', 'cpu'):.1f} ({med(rows, 'one', 'rss_mb'):.0f})",
                 f"{med(rows, 'html', 'cpu'):.1f} ({med(rows, 'html', 'rss_mb'):.0f})",
                 f"{s_cpu:.1f} ({med(stock, 'stock', 'rss_mb'):.0f})" if stock else "–",
                 f"{med(rows, 'first', 'cpu') / s_cpu:.1f}×" if stock else "–",
                 f"{med(rows, 'html', 'cpu') / s_cpu:.1f}×" if stock else "–",
                 f"{rows[0]['zip_mb']:.1f}" if rows[0]["zip_mb"] else "– (above the cap)",
                 f"{rows[0]['shared_mb']:.1f}; {max(rows[0]['packages']):.2f}, {sum(rows[0]['packages']):.1f}"
                 if rows[0]["packages"] else "–",
                 f"{rows[0]['site_mb']:.0f}"]
        print("| " + " | ".join(str(c) for c in cells) + " |")
        print(f"  {n} units, one unit changed: {rows[-1]['one']['remade']}")
    if args.pdf:
        print(pdf_times(args.pdf))
    print(f"{args.runs} run(s) per size; load average {min(loads):.1f}–{max(loads):.1f} (1 min) during the run")


if __name__ == "__main__":
    main()

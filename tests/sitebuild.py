"""Build the real site, or a copy of the project with changed data, into a temp dir."""

import fcntl
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "source", "macros", "overrides", "CONTRIBUTING.md")


# A command started with Ctrl+C (SIGINT) at its default, as a shell starts a foreground job:
# a process started while its parent ignores SIGINT ignores it too (the disposition is inherited
# across exec, and Python then installs no KeyboardInterrupt), and a clean clone's run once saw
# scripts/build.py and `mkdocs serve`, started by the same worker, both ignore Ctrl+C (session 13;
# conftest.py says which test leaves a worker ignoring it).
_SIGINT_DEFAULT = ("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                   "os.execv(sys.argv[1], sys.argv[1:])")


def interruptible(command: list[str]) -> list[str]:
    """`command` (its first item a program's path) run with SIGINT at its default."""
    return [sys.executable, "-c", _SIGINT_DEFAULT, *command]


def sigint_ignored() -> bool:
    """This process ignores SIGINT at the system's level (/proc/self/status SigIgn, bit of signal 2),
    whatever Python's own record (signal.getsignal) says."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("SigIgn:"):
                return bool(int(line.split()[1], 16) & (1 << (2 - 1)))
    except OSError:
        pass
    return False


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


def _logged(helper):
    """TEST_BUILDLOG=<file>: one line per build (helper, test, wall s, CPU s, PDF switch) (issue 22)."""
    import functools
    import resource
    import time

    @functools.wraps(helper)
    def run(project, out, *args, **kwargs):
        log = os.environ.get("TEST_BUILDLOG")
        if not log:
            return helper(project, out, *args, **kwargs)
        def cpu():
            own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
        start, cpu0 = time.time(), cpu()
        try:
            return helper(project, out, *args, **kwargs)
        finally:
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{helper.__name__}\t{os.environ.get('PYTEST_CURRENT_TEST', '?')}\t{time.time() - start:.2f}"
                        f"\t{cpu() - cpu0:.2f}\tpdf={kwargs.get('KONTUM_PDF', '1')}\t{out}\n")
    return run


@_logged
def mkdocs_build(project: Path, out: Path, **extra_env: str) -> subprocess.CompletedProcess:
    # A KONTUM_* switch left in the caller's shell (e.g. from serve.sh) must not change the build.
    env = {k: v for k, v in os.environ.items() if not k.startswith("KONTUM_") and k != "SOURCE_DATE_EPOCH"}
    # Its own temp directory (issue 23: builds left weasyprint-* folders in /tmp): what the
    # build leaves there is written down in <out>.tmp-left (tests/test_temp_cleanup.py), then removed.
    temp = out.with_name(out.name + ".tmp")
    temp.mkdir(parents=True, exist_ok=True)
    env.update(NO_MKDOCS_2_WARNING="1", TMPDIR=str(temp), **extra_env)
    try:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
            cwd=project, env=env, capture_output=True, text=True, timeout=300,
        )
    finally:
        left = sorted(p.name for p in temp.iterdir())
        out.with_name(out.name + ".tmp-left").write_text("\n".join(left), encoding="utf-8")
        shutil.rmtree(temp, ignore_errors=True)


class _CliFormat(logging.Formatter):
    """MkDocs' console lines as `mkdocs build` writes them when its output is not a
    terminal (mkdocs.__main__.ColorFormatter: "WARNING -  message"), without colours."""

    def format(self, record):
        return f"{record.levelname:<8}-  {super().format(record)}"


@_logged
def mkdocs_build_here(project: Path, out: Path, dirty: bool = False, **extra_env: str) -> subprocess.CompletedProcess:
    """mkdocs_build in this test process: the same `mkdocs build --strict` (MkDocs' own
    build_command steps: load_config, on_startup, build, on_shutdown) with the same
    environment, working folder, temp dir and console log (MkDocsStreamHandler, which the
    plugin's log filter looks for), but without a new Python importing MkDocs, Material and
    macros/ again (~2 CPU-s of each build of a copy: issue 22). For the shared builds of
    copies whose code is the repository's own (data changed only): the code imported here
    is ROOT's, not the copy's. A failing build is a return code and its message, as the
    command's; tests of the command's own failure output use mkdocs_build. `dirty`: as
    `mkdocs build --dirty`, the way scripts/build.py builds (into a new folder)."""
    import io
    import tempfile
    import traceback

    from click import ClickException
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build_command
    from mkdocs.config import load_config

    env = {k: v for k, v in os.environ.items() if not k.startswith("KONTUM_") and k != "SOURCE_DATE_EPOCH"}
    temp = out.with_name(out.name + ".tmp")
    temp.mkdir(parents=True, exist_ok=True)
    env.update(NO_MKDOCS_2_WARNING="1", TMPDIR=str(temp), **extra_env)
    saved_env, saved_cwd, saved_tempdir = dict(os.environ), os.getcwd(), tempfile.tempdir
    logger = logging.getLogger("mkdocs")
    saved_log = (logger.level, logger.propagate)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_CliFormat())
    handler.name = "MkDocsStreamHandler"
    # The command's root logger has no handler: Python's last resort writes the warnings of
    # other loggers (the plugin's "kontum.*") to stderr as bare messages; here pytest's own
    # handlers sit on the root, so this one writes them as the last resort would.
    last_resort = logging.StreamHandler(stream)
    last_resort.setLevel(logging.WARNING)
    duplicates = utils.DuplicateFilter()  # as the command (mkdocs.__main__._enable_warnings), one per build
    code, stdout = 0, ""
    os.environ.clear()
    os.environ.update(env)
    os.chdir(project)
    tempfile.tempdir = str(temp)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    logging.getLogger().addHandler(last_resort)
    mkdocs_build_command.log.addFilter(duplicates)
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(out), strict=True)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            mkdocs_build_command.build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except SystemExit as stop:  # mkdocs.exceptions.Abort ("Aborted with N warnings in strict mode!"), or an exit code
        code = stop.code if isinstance(stop.code, int) and stop.code else 1
        if isinstance(stop, ClickException):
            stdout = "\n" + stop.format_message() + "\n"  # as Abort.show() prints it (click.echo: stdout)
    except Exception:  # noqa: BLE001 — what the command would print and exit 1 with
        code = 1
        stream.write(traceback.format_exc())
    finally:
        mkdocs_build_command.log.removeFilter(duplicates)
        logger.removeHandler(handler)
        logging.getLogger().removeHandler(last_resort)
        logger.setLevel(saved_log[0])
        logger.propagate = saved_log[1]
        tempfile.tempdir = saved_tempdir
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        left = sorted(p.name for p in temp.iterdir())
        out.with_name(out.name + ".tmp-left").write_text("\n".join(left), encoding="utf-8")
        shutil.rmtree(temp, ignore_errors=True)
    return subprocess.CompletedProcess(["mkdocs", "build", "--strict"], code, stdout, stream.getvalue())


def build_once(out: Path, build) -> Path:
    """`build(out)` run once for all pytest-xdist workers: the first worker builds
    under a file lock, the others wait on the lock and reuse the result (or its error)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    done = out.with_name(out.name + ".done")
    with open(out.with_name(out.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            result = build(out)
            done.write_text(f"{result.returncode}\n{result.stderr}", encoding="utf-8")
    code, _, stderr = done.read_text(encoding="utf-8").partition("\n")
    assert code == "0", stderr
    return out


def made_once(out: Path, make) -> Path:
    """`make(out)` run once for all pytest-xdist workers of the run (a file lock, like
    build_once), for what several files read from one build (e.g. the text of its PDFs)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.with_name(out.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not out.exists():
            temp = out.with_name(out.name + ".part")
            make(temp)
            os.replace(temp, out)
    return out


# --- One copy of the project with changed data, built once (conftest: mutated_site) ---

MUTATED_EDIT_URI = "https://kho.example.org/kho/edit/chinh/"  # EDIT_URI of the mutated build

# Strings from data/ that must reach pages escaped (tests/test_escaping.py).
PAYLOADS = {
    "ent": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "num": "&#60;img src=x&#62;",
    "md": "**đậm** _nghiêng_ `mã` [bấm](https://example.invalid/x) ![ảnh](https://example.invalid/a.png)",
    "jinja": "{{ 7 * 7 }} {% if true %}jinja{% endif %}",
    "cmp": "1 < 2 > 0 & a \"nháy\" 'đơn'",
    "auto": "xem https://example.invalid/tu-dong hoặc www.example.invalid",
}


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def unname_text(root: Path) -> None:
    """The copy's plans name no document text (van_ban_goc): tests that change the plan's words to try other
    shapes and mistakes compare them with nothing (the comparison itself: tests/test_plan_text_check.py)."""
    for plan in sorted((root / "data").glob("*/ke-hoach.yaml")):
        text = plan.read_text(encoding="utf-8")
        plan.write_text(re.sub(r"(?m)^van_ban_goc:.*\n?", "", text), encoding="utf-8")


def mutate_data(data: Path) -> None:
    """The changes of the mutated build: the per-unit amount 5,000,000 -> 6,000,000
    (tests/test_change_propagates.py) and the escaping payloads (tests/test_escaping.py)."""
    plan = (data / "ke-hoach.yaml").read_text(encoding="utf-8")
    plan = _replace(plan, "dinh_muc: 5000000", "dinh_muc: 6000000")
    # Not the document's words any more: not compared with its text (macros/plan_words.py).
    plan = _replace(plan, "\nvan_ban_goc: source/ke-hoach-2023.txt\n", "\n")
    # Quoted on purpose: some payloads would not be valid YAML unquoted.
    for old, key in [
        ("nguon: Từ kinh phí Cuộc vận động năm 2023", "ent"),
        ("nguoi_ky: Nguyễn Thị Lan", "md"),
        ("ten_ngan: Khảo sát đời sống đồng bào", "num"),
        ("ten_ngan: Mô hình hay, cách làm hiệu quả", "cmp"),
        ("ten: Ban Thường trực Uỷ ban MTTQ Việt Nam các huyện, thành phố", "auto"),
    ]:
        field, value = old.split(": ", 1)
        plan = _replace(plan, old, f"{field}: {quote(value + ' ' + PAYLOADS[key])}")
    old = "ket_luan: >-\n  Trên đây là kế hoạch"
    plan = _replace(plan, old, f"{old} {PAYLOADS['jinja']}")
    (data / "ke-hoach.yaml").write_text(plan, encoding="utf-8")
    org = (data / "co-quan.yaml").read_text(encoding="utf-8")
    org = _replace(org, "ten: Ban Phong trào", "ten: " + quote("Ban Phong trào " + PAYLOADS["md"]))
    (data / "co-quan.yaml").write_text(org, encoding="utf-8")
    # Where the same name is written twice, both places change (the check compares them):
    # the glossary's meaning of BPT, and the title of the topic's chapter.
    glossary_file = data / "thuat-ngu.yaml" if (data / "thuat-ngu.yaml").exists() else data.parent / "thuat-ngu.yaml"
    glossary = glossary_file.read_text(encoding="utf-8")  # shared by the plans (data/thuat-ngu.yaml)
    glossary = _replace(glossary, "nghia: Ban Phong trào", "nghia: " + quote("Ban Phong trào " + PAYLOADS["md"]))
    glossary_file.write_text(glossary, encoding="utf-8")
    chapter = (data / "so-tay" / "mo-hinh-hay.yaml").read_text(encoding="utf-8")
    chapter = _replace(chapter, "ten: Mô hình hay, cách làm hiệu quả",
                       "ten: " + quote("Mô hình hay, cách làm hiệu quả " + PAYLOADS["cmp"]))
    (data / "so-tay" / "mo-hinh-hay.yaml").write_text(chapter, encoding="utf-8")
    units = (data / "don-vi.yaml").read_text(encoding="utf-8")
    units = _replace(units, "ten_khac: [Kon Plong]", "ten_khac: [Kon Plong, " + quote(PAYLOADS["cmp"]) + "]")
    (data / "don-vi.yaml").write_text(units, encoding="utf-8")


def mutated_project(dest: Path) -> Path:
    """A copy of the project (no .git: dates come from SOURCE_DATE_EPOCH) with mutate_data applied."""
    if dest.exists():
        shutil.rmtree(dest)
    project = copy_project(dest)
    mutate_data(project / "data" / "ke-hoach-2023")  # the published plan's folder
    return project


def page_text(site: Path, path: str) -> str:
    """The visible text of a page's article, whitespace folded: what a reader reads."""
    html = (site / path).read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    body = match.group(1) if match else html
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?abbr\b[^>]*>", "", body)  # inline tooltip: no word break
    text = unescape(re.sub(r"<[^>]+>", " ", body))
    return " ".join(text.split())


class _SidebarLinks(HTMLParser):
    """href of every link in the primary sidebar (<nav class="md-nav md-nav--primary">)."""

    def __init__(self):
        super().__init__()
        self.depth, self.links = 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav" and (self.depth or "md-nav--primary" in (a.get("class") or "").split()):
            self.depth += 1
        elif tag == "a" and self.depth and a.get("href"):
            self.links.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1


def sidebar_targets(site: Path) -> dict[str, list[str]]:
    """Page -> the site paths its primary sidebar links to, each asserted to be a
    built page or file (links are relative to the page; the 404 page's are absolute)."""
    seen = {}
    for html_file in sorted(site.rglob("*.html")):
        page = html_file.relative_to(site).as_posix()
        parser = _SidebarLinks()
        parser.feed(html_file.read_text(encoding="utf-8"))
        assert parser.links, page
        base = posixpath.dirname(page)
        targets = []
        for href in parser.links:
            if href.startswith("#"):
                continue  # the open page's own table of contents
            target = posixpath.normpath(posixpath.join(base, href)) if not href.startswith("/") else href.strip("/")
            target = "" if target == "." else target
            assert (site / target / "index.html").is_file() or (site / target).is_file(), (page, href)
            targets.append(target)
        seen[page] = targets
    return seen


def one_plan_project(root: Path, plan: Path, folder: str, name: str) -> Path:
    """A project at `root` whose website has one plan: the fixture folder `plan` copied to data/<folder>,
    with the real shared data files (van-ban, thuat-ngu, bien-soan) and a website.yaml naming it `name`."""
    (root / "data").mkdir(parents=True)
    for shared in ("van-ban.yaml", "thuat-ngu.yaml", "bien-soan.yaml"):
        shutil.copy2(ROOT / "data" / shared, root / "data" / shared)
    shutil.copytree(plan, root / "data" / folder)
    (root / "data" / "website.yaml").write_text(
        "ten: Website mẫu dùng để kiểm thử\nmo_ta: Kế hoạch mẫu\ntac_gia: Người lập website mẫu\n"
        f"ke_hoach:\n  - thu_muc: {folder}\n    duong_dan: \"\"\n    ten: {name}\n",
        encoding="utf-8")
    return root


def imported_checklist(tmp_path: Path, make) -> list[str]:
    """The editor's checklist (nhap_tu_dong › can_xac_nhan) of a document `make(path)` writes, imported
    into a project holding the repository's shared data files (data/*.yaml) and no plan."""
    import yaml

    from macros import import_plan

    (tmp_path / "data").mkdir()
    for f in (ROOT / "data").glob("*.yaml"):
        shutil.copy(f, tmp_path / "data" / f.name)
    src = tmp_path / "kh.docx"
    make(src)
    assert import_plan.main([str(src), "--goc", str(tmp_path), "--thu-muc", "moi"]) == 0
    plan = yaml.safe_load((tmp_path / "data" / "moi" / "ke-hoach.yaml").read_text(encoding="utf-8"))
    return plan["nhap_tu_dong"]["can_xac_nhan"]

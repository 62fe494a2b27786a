"""Fixture results (tests/fixtures/ket-qua/, invented for tests) and helpers to
read results and built pages in-process."""

import shutil
from html.parser import HTMLParser
from pathlib import Path

from macros.results.load import load_results
from macros.site import load_site
from tests.sitebuild import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ket-qua"
ON_TIME, LATE_OVER, NO_REPORT = "610", "612", "614"


def with_results(dest: Path, files: dict[str, str] | None = None) -> Path:
    """A project root under `dest` holding data/ket-qua/ with the three fixtures,
    or with `files` ({name: text}) instead. Only data/ is needed by the loader."""
    folder = dest / "data" / "ket-qua"
    folder.mkdir(parents=True, exist_ok=True)
    if files is None:
        for f in sorted(FIXTURES.glob("*.yaml")):
            shutil.copy2(f, folder / f.name)
    else:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return dest


def fixture_text(code: str) -> str:
    return (FIXTURES / f"{code}.yaml").read_text(encoding="utf-8")


SITE = load_site(ROOT)


def results_of(root: Path):
    return load_results(root, SITE)


class Elements(HTMLParser):
    """Elements of an HTML page as (tag, attrs, text) — text of the element and its children."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "rect", "line", "source", "col", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[list] = []
        self.stack: list[int] = []
        self.feed(html)

    def _gap(self, tag):
        # A tag boundary separates words ("<td>3</td><td>…"), an inline tooltip does not.
        if tag != "abbr":
            for i in self.stack:
                self.found[i][2] += " "

    def handle_starttag(self, tag, attrs):
        self._gap(tag)
        self.found.append([tag, dict(attrs), ""])
        if tag not in self.VOID:
            self.stack.append(len(self.found) - 1)

    def handle_startendtag(self, tag, attrs):
        self.found.append([tag, dict(attrs), ""])

    def handle_endtag(self, tag):
        self._gap(tag)
        for pos in range(len(self.stack) - 1, -1, -1):
            if self.found[self.stack[pos]][0] == tag:
                del self.stack[pos:]
                break

    def handle_data(self, data):
        for i in self.stack:
            self.found[i][2] += data

    def all(self, tag: str, cls: str | None = None) -> list[tuple[dict, str]]:
        out = []
        for t, attrs, text in self.found:
            if t == tag and (cls is None or cls in (attrs.get("class") or "").split()):
                out.append((attrs, " ".join(text.split())))
        return out


def elements(site: Path, page: str) -> Elements:
    return Elements((site / page).read_text(encoding="utf-8"))

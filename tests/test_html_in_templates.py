"""HTML comes only from Jinja2 templates with autoescape (issue 22, item 3): no HTML tag
in a Python string literal under macros/, no Markup() on a string built in Python and
no |safe in a template. Read with ast (docstrings and comments are prose, not output)."""

import ast
import re
from pathlib import Path

from tests import codeparse
from tests.codeparse import code_trees_freed_at_the_end  # noqa: F401 - autouse fixture

ROOT = Path(__file__).resolve().parent.parent
MACROS = ROOT / "macros"

# An element name of HTML or SVG after "<" or "</", then a space, ">" or "/": a tag being
# written. A marker comment ("<!--x-->") put into a page is output surgery, also refused.
TAGS = ("a abbr article aside b blockquote body br button caption code col colgroup dd desc details div dl dt "
        "em figcaption figure footer form g h1 h2 h3 h4 h5 h6 head header hr html i img input kbd label li link "
        "main mark meta nav ol option p path pre rect script section select small source span strong style sub "
        "summary sup svg table tbody td text tfoot th thead time title tr u ul").split()
TAG = re.compile(r"<(?:/?(?:%s)[\s>/]|!--)" % "|".join(TAGS), re.IGNORECASE)
SAFE = re.compile(r"\|\s*safe\b|autoescape\s+false", re.IGNORECASE)

# The few places that mark a string safe, each for a reason: path -> (calls, why).
MARKUP_ALLOWED = {
    "macros/templating.py": (3, "the bridge itself: a template's output (fragment), md_escape's output (the md "
                                "filter) and Python-Markdown's HTML (the markdown filter, as MkDocs renders a page)"),
    "macros/qr.py": (1, "the SVG of a QR code as the segno library writes it (no text of ours in it)"),
    "macros/pdf/documents.py": (2, "the handbook PDF's chapters: the built pages' HTML (MkDocs' output), read back "
                                   "with the parser (pdf/article.py), no text of ours in it"),
    "macros/adapters/plugin.py": (1, "the notice template's output with <abbr> added by render/abbreviations.py"),
}
# Python strings with HTML that remain: path -> (lines, why). None may be added, and none is left:
# the plan page's wrapper and body are templates (plan_page.md, plan_body.md); the offline lines
# are rendered into their pages by MkDocs once the packages exist (offline_hooks.show_packages),
# no mark is put into a page and replaced afterwards.
TAG_ALLOWED: dict[str, tuple[int, str]] = {}


def _docstrings(nodes) -> set[int]:
    ids = set()
    for node in nodes:
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _python_files():
    return sorted(p for p in MACROS.rglob("*.py") if "__pycache__" not in p.parts)


def html_in_strings(path: Path) -> list[str]:
    nodes = codeparse.nodes(path)  # each file parsed and walked once per process, for both checks (issue 22)
    skip = _docstrings(nodes)
    found = {}  # line: the string (an f-string's parts are strings of one line)
    for node in nodes:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if TAG.search(node.value):
                found.setdefault(node.lineno, f"{node.lineno}: {node.value[:60]!r}")
    return [found[k] for k in sorted(found)]


def markup_calls(path: Path) -> list[str]:
    return [f"{node.lineno}: Markup(…)" for node in codeparse.nodes(path)
            if isinstance(node, ast.Call) and (getattr(node.func, "id", None) == "Markup"
                                               or getattr(node.func, "attr", None) == "Markup")]


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_html_tag_in_a_python_string():
    found = {rel(p): html_in_strings(p) for p in _python_files()}
    found = {k: v for k, v in found.items() if len(v) > TAG_ALLOWED.get(k, (0,))[0]}
    assert not found, "HTML belongs in macros/templates/: " + repr(found)


def test_no_markup_on_strings_built_in_python():
    found = {rel(p): markup_calls(p) for p in _python_files()}
    found = {k: v for k, v in found.items() if len(v) > MARKUP_ALLOWED.get(k, (0,))[0]}
    assert not found, "pass data or a template's output (templating.fragment), not Markup(): " + repr(found)


def test_no_safe_filter_in_templates():
    found = [rel(p) for p in sorted((MACROS / "templates").rglob("*")) if p.is_file()
             and SAFE.search(p.read_text(encoding="utf-8"))]
    assert not found


def test_the_checks_find_what_they_name(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""<p>a docstring is prose</p>"""\nX = f\'<p class="x">{y}</p>\'\nZ = Markup(X)\n'
                      'W = "a <year> in a path"\n', encoding="utf-8")
    assert [line.split(":")[0] for line in html_in_strings(sample)] == ["2"]
    assert markup_calls(sample) == ["3: Markup(…)"]
    assert SAFE.search("{{ x|safe }}") and SAFE.search("{{ x | safe }}") and not SAFE.search("{{ x|safer }}")

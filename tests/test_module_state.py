"""Issue 22 item 2: state lives on the plugin (macros/adapters/plugin.py), not in modules.

An ast scan of every module under macros/ finds what would carry state from one
build, or one request of `mkdocs serve`, into the next, or settings read behind
the plugin's back:
- a mutable value (dict, list, set, their comprehensions, dict()/list()/set()/
  defaultdict()/Counter()/deque()/bytearray(); at module level also an object of a
  class) bound at module or class level, except an UPPER_CASE constant that its
  module never changes;
- a `global` or `nonlocal` statement;
- an os.environ / os.getenv read anywhere but macros/adapters/plugin.py (settings
  come from the plugin's config, whose defaults alone read the environment);
- an edit of sys.path (the project is installed: pyproject.toml, scripts/setup.sh);
- a memo (functools.lru_cache / cache) that is not in MEMOS below, each with why it
  holds no build's state.
"""

import ast
from pathlib import Path

from tests import codeparse
from tests.codeparse import code_trees_freed_at_the_end  # noqa: F401 - autouse fixture
from tests.sitebuild import ROOT

MACROS = ROOT / "macros"

# Pure functions of immutable arguments returning immutable values (or, for the Jinja
# environment, compiled code): what they keep is the same for every build and every plan.
MEMOS = {
    # str -> str, no data of any plan beyond its argument
    ("text.py", "md_escape"),
    # int -> str; Babel's vi_VN data is constant
    ("numbers.py", "format_number"),
    # str -> str and (str, str) -> str
    ("outputs.py", "_slug"),
    # (path, package, source bytes) -> the modules it imports: a pure function of the file's bytes
    ("cache.py", "_imports_of"),
    ("render/links.py", "_relpath"),
    # the templates of macros/templates/ compiled (auto_reload: an edited template is read
    # again); filters and globals are pure functions; no plan's data is kept in it
    ("templating.py", "environment"),
    # () -> frozenset of the code points of the repository's own PDF fonts (macros/fonts/)
    ("glyphs.py", "printable_codepoints"),
    # () -> the same, as characters (a set test instead of a loop per character: issue 22)
    ("glyphs.py", "_printable_chars"),
    # a font folder -> the digest of its files (the repository's fonts; names preview images)
    ("preview.py", "_fonts_digest"),
    # () -> macros/ file list; a file added under `mkdocs serve` is missed until restart
    # (kept: h-perf owns macros/cache.py; see the report of issue 22)
    ("cache.py", "_code_files"),
}

# The one module that reads the environment: its config's defaults (KONTUM_PDF, …).
PLUGIN = "adapters/plugin.py"

# Environment writes allowed below the plugin, each with why it is no setting and no state:
# (module, the exact code of the line) -> reason.
ENVIRONMENT_EXCEPTIONS = {
    ("__init__.py", '_os.environ.setdefault("OPENPYXL_LXML", "False")'):
        "keeps openpyxl's own XML writer, so a workbook's bytes do not change because python-docx "
        "installed lxml; a constant of the process, set once at import, read by no code of ours",
}

MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}
MUTATORS = {"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear", "add",
            "discard", "remove", "__setitem__"}


def _files():
    return sorted(p for p in MACROS.rglob("*.py"))


def _aliases(nodes) -> dict[str, str]:
    """Local name -> the dotted name it stands for: `import os as _os` (_os -> os),
    `from os import environ as env` (env -> os.environ), `import os.path as p`."""
    out = {}
    for node in nodes:  # every node of the module (codeparse.nodes)
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    out[a.asname] = a.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for a in node.names:
                out[a.asname or a.name] = f"{node.module}.{a.name}"
    return out


def _name(node, aliases: dict | None = None) -> str:
    if isinstance(node, ast.Name):
        return (aliases or {}).get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value, aliases)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _name(node.func, aliases)
    return ""


def _mutable(value, module_level: bool = True) -> bool:
    if isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)):
        return True
    if isinstance(value, ast.Call):
        name = _name(value.func).rsplit(".", 1)[-1]
        # at module level, an object of a class (its attributes can change), e.g. a cache:
        # `_templates = _Cache()`; in a class body such calls declare fields (Field(), options)
        return name in MUTABLE_CALLS or (module_level and name.lstrip("_")[:1].isupper())
    return False


def _targets(stmt) -> list[str]:
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    out = []
    for t in targets:
        for n in ast.walk(t):
            if isinstance(n, ast.Name):
                out.append(n.id)
    return out


def _bodies(tree):
    """Statements run at import: the module's, its classes', and inside if/try/with at those levels."""
    todo = [(tree.body, False)]
    while todo:
        body, in_class = todo.pop()
        for stmt in body:
            yield stmt, in_class
            if isinstance(stmt, ast.ClassDef):
                todo.append((stmt.body, True))
            for field in ("body", "orelse", "finalbody", "handlers"):
                if isinstance(stmt, (ast.If, ast.Try, ast.With, ast.For, ast.While)) and getattr(stmt, field, None):
                    for part in getattr(stmt, field):
                        todo.append(((part.body if isinstance(part, ast.ExceptHandler) else [part]), in_class))


def _mutated(nodes, name: str) -> bool:
    for node in nodes:
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            for t in (node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]):
                if isinstance(t, ast.Subscript) and _name(t.value) == name:
                    return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS \
                and _name(node.func.value) == name:
            return True
    return False


def _is_dataclass(cls: ast.ClassDef) -> bool:
    return any("dataclass" in _name(d) for d in cls.decorator_list) or any(
        _name(b).endswith(("BaseModel", "NamedTuple", "TypedDict")) for b in cls.bases)


def problems(path: Path, text: str | None = None) -> list[str]:
    rel = path.relative_to(MACROS).as_posix()
    # each file parsed once per process, for this check and the others (issue 22)
    source, tree = (text, ast.parse(text)) if text is not None else codeparse.parsed(path)
    nodes = tuple(ast.walk(tree)) if text is not None else codeparse.nodes(path)  # walked once, not once a name
    lines = source.splitlines()
    aliases = _aliases(nodes)
    out = []
    dataclass_bodies = {id(s) for c in nodes if isinstance(c, ast.ClassDef) and _is_dataclass(c)
                        for s in c.body}
    for stmt, in_class in _bodies(tree):
        if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and stmt.value is not None \
                and _mutable(stmt.value, not in_class) and id(stmt) not in dataclass_bodies:
            for name in _targets(stmt):
                if not (name.isupper() and not in_class and not _mutated(nodes, name)):
                    out.append(f"{rel}:{stmt.lineno}: mutable value bound at {'class' if in_class else 'module'}"
                               f" level: {name}")
    for node in nodes:
        line = getattr(node, "lineno", 0)
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            out.append(f"{rel}:{line}: {type(node).__name__.lower()} {', '.join(node.names)}")
        if isinstance(node, (ast.Attribute, ast.Name)) and _name(node, aliases) in (
                "os.environ", "environ", "os.getenv", "getenv", "os.putenv", "os.unsetenv") \
                and rel != PLUGIN and (rel, lines[line - 1].strip()) not in ENVIRONMENT_EXCEPTIONS:
            out.append(f"{rel}:{line}: reads the environment ({_name(node, aliases)}) below the plugin")
        if isinstance(node, ast.Attribute) and _name(node, aliases) == "sys.path":
            out.append(f"{rel}:{line}: edits sys.path")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.decorator_list:
                if _name(d).rsplit(".", 1)[-1] in ("lru_cache", "cache") and (rel, node.name) not in MEMOS:
                    out.append(f"{rel}:{line}: process-long memo {node.name} (not in MEMOS)")
    return out


def test_no_module_state_no_environment_no_sys_path_below_the_plugin():
    found = [p for path in _files() for p in problems(path)]
    assert not found, "\n".join(found)


def test_each_allowed_memo_still_exists():
    seen = set()
    for path in _files():
        rel = path.relative_to(MACROS).as_posix()
        for node in codeparse.nodes(path):
            if isinstance(node, ast.FunctionDef) and any(
                    _name(d).rsplit(".", 1)[-1] in ("lru_cache", "cache") for d in node.decorator_list):
                seen.add((rel, node.name))
    assert MEMOS <= seen, MEMOS - seen


def test_the_scan_sees_each_kind_of_state():
    """The scan itself can fail: each line below is one thing it must find."""
    here = MACROS / "render" / "x.py"
    code = (
        "import os, sys\nfrom functools import lru_cache\n"
        "_seen: dict = {}\n"
        "cache = dict()\n"
        "KEYS = []\n"
        "def f():\n    global cache\n    KEYS.append(1)\n    return os.environ.get('KONTUM_PDF')\n"
        "sys.path.insert(0, '.')\n"
        "@lru_cache(maxsize=1)\ndef g():\n    return 1\n"
        "class C:\n    memo = {}\n"
        "CONSTANT = {'a': 1}\n"
        "_templates = _MemoryBytecodeCache()\n"
    )
    found = problems(here, code)
    for needle in ("_seen", ": cache", "KEYS", "global cache", "os.environ", "sys.path", "memo g", "class level: memo", "_templates"):
        assert any(needle in p for p in found), (needle, found)
    assert not any("CONSTANT" in p for p in found)
    env = "import os\nX = os.environ.get('KONTUM_PDF')\n"
    assert problems(MACROS / "adapters" / "plugin.py", env) == []
    assert problems(MACROS / "adapters" / "pdf_output.py", env) != []


def test_the_scan_follows_import_aliases():
    """Review: `import os as _os; _os.environ.setdefault(...)` in macros/__init__.py was not seen."""
    here = MACROS / "render" / "x.py"
    for code in ("import os as _os\n_os.environ.setdefault('X', '1')\n",
                 "from os import environ as _env\nY = _env.get('X')\n",
                 "from os import getenv\nY = getenv('X')\n",
                 "import sys as _sys\n_sys.path.append('.')\n"):
        assert problems(here, code), code
    # The allowance is for that one line of that one module.
    line = '_os.environ.setdefault("OPENPYXL_LXML", "False")'
    assert problems(MACROS / "__init__.py", f"import os as _os\n{line}\n") == []
    assert problems(MACROS / "__init__.py", "import os as _os\n_os.environ.setdefault('OTHER', '1')\n")
    assert problems(here, f"import os as _os\n{line}\n")


def test_each_environment_exception_is_still_there():
    for rel, code in ENVIRONMENT_EXCEPTIONS:
        assert code in (MACROS / rel).read_text(encoding="utf-8").splitlines(), (rel, code)

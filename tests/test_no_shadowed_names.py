"""A module never defines one name twice at its top level: merged from two branches, the later
definition silently replaces the earlier, and every caller of the first gets the second (session 8:
two `_bold` in plan_import/structure.py; session 9: two `_strings` in crosschecks.py)."""

import ast
import collections
from pathlib import Path

from tests import codeparse
from tests.codeparse import code_trees_freed_at_the_end  # noqa: F401 - autouse fixture

ROOT = Path(__file__).resolve().parents[1]


def shadowed(source: str | ast.Module) -> list[str]:
    """The names a module's top level defines more than once (functions, classes)."""
    tree = codeparse.parse(source) if isinstance(source, str) else source
    names = collections.Counter(node.name for node in tree.body
                                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    return sorted(name for name, count in names.items() if count > 1)


def test_no_module_defines_a_name_twice():
    # macros/: the trees the other static checks share (tests/codeparse.py, parsed once per process: issue 22);
    # tests/ and scripts/, read by this check alone, parsed without being kept (kept, they cost more than a parse)
    found = [f"{path.relative_to(ROOT)}: {', '.join(names)}"
             for folder in ("macros", "tests", "scripts") for path in sorted((ROOT / folder).rglob("*.py"))
             if (names := shadowed(codeparse.tree(path) if folder == "macros" else path.read_text(encoding="utf-8")))]
    assert not found, "Một tên được định nghĩa hai lần trong cùng một tệp (định nghĩa sau thay định nghĩa trước):\n" + "\n".join(found)


def test_the_check_sees_a_second_definition():
    assert shadowed("def a():\n    pass\n\n\nclass B:\n    pass\n\n\ndef a():\n    return 1\n") == ["a"]

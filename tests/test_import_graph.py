"""The import graph of macros/ has no cycle (issue 22): data flows one way, YAML ->
model -> outputs registry -> render/pdf/exports/offline -> adapters, and no import
points back up — not even one hidden inside a function to dodge the cycle it makes.

Read with ast from the source (no module is imported), so every import counts: at the
top, inside a function, under `if TYPE_CHECKING`. Two graphs are checked:

- modules: macros.pdf.writer -> macros.pdf.report -> macros.pdf.writer is a cycle;
- packages: each subpackage (macros.render, macros.pdf, …) is one node and each module
  at the top of macros/ (macros.loader, macros.outputs, …) is its own node, so
  render.pages -> pdf.paths with pdf.paths -> render.links is a cycle between render
  and pdf even though no module imports itself back.
"""

import ast
import functools
from pathlib import Path

import pytest

from tests import codeparse
from tests.codeparse import code_trees_freed_at_the_end  # noqa: F401 - autouse fixture

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "macros"


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of macros/ that `name` imports, anywhere in its source."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out = set()
    for node in codeparse.nodes(path):  # parsed and walked once per process (issue 22)
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            # `from . import links` names a module; `from .links import rel` a name in one.
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # "macros.render.links.rel" -> its module
                target = target.rpartition(".")[0]
            if target and target != name and target != PACKAGE:
                out.add(target)
    return out


@functools.cache  # the source does not change during a run: parsed once, not once per test (~1 s each)
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def package_of(module: str) -> str:
    """macros.render.pages -> macros.render; macros.loader -> macros.loader."""
    return ".".join(module.split(".")[:2])


def package_graph(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for source, targets in edges.items():
        node = out.setdefault(package_of(source), set())
        node.update(package_of(t) for t in targets if package_of(t) != package_of(source))
    return out


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def describe(component: list[str], edges: dict[str, set[str]], modules_edges: dict[str, set[str]] | None = None) -> str:
    """The edges inside a cycle; for packages, with the module imports that make each."""
    members = set(component)
    lines = []
    for source in component:
        for target in sorted(edges.get(source, set()) & members):
            why = sorted(f"{m} -> {t}" for m, ts in (modules_edges or {}).items() if package_of(m) == source
                         for t in ts if package_of(t) == target)
            lines.append(f"  {source} -> {target}" + (f"  ({'; '.join(why)})" if why else ""))
    return "\n".join(lines)


def test_the_parser_sees_imports_inside_functions(tmp_path):
    """The defect this file guards against hides in functions: the parser must see them."""
    source = tmp_path / "mod.py"
    source.write_text("def f():\n    from .writer import Job\n    from . import report\n", encoding="utf-8")
    known = {"macros.pdf.mod": source, "macros.pdf.writer": source, "macros.pdf.report": source}
    assert imports_of("macros.pdf.mod", source, known) == {"macros.pdf.writer", "macros.pdf.report"}


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_cycle_between_modules():
    edges = graph()
    found = cycles(edges)
    assert not found, "Vòng import giữa các module:\n" + "\n".join(describe(c, edges) for c in found)


def test_no_cycle_between_packages():
    edges = graph()
    packages = package_graph(edges)
    found = cycles(packages)
    assert not found, "Vòng import giữa các gói:\n" + "\n".join(describe(c, packages, edges) for c in found)


# What a layer may not import, whatever the cycles: the loader builds the model the
# outputs are made from; the registry of outputs sits below every producer.
LAYERS = {
    "macros.loader": ("macros.render", "macros.pdf", "macros.exports", "macros.offline", "macros.adapters"),
    "macros.outputs": ("macros.render", "macros.pdf", "macros.exports", "macros.offline", "macros.adapters",
                       "macros.results", "macros.loader"),
    "macros.render.pages": ("macros.pdf",),
    "macros.results": ("macros.render", "macros.pdf", "macros.exports", "macros.offline", "macros.adapters"),
}


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_layers_import_only_below_them(layer):
    edges = graph()
    sources = [m for m in edges if m == layer or m.startswith(layer + ".")]
    assert sources, layer
    bad = sorted(f"{m} -> {t}" for m in sources for t in edges[m]
                 if any(t == up or t.startswith(up + ".") for up in LAYERS[layer]))
    assert not bad, "Import ngược lên tầng trên:\n" + "\n".join(bad)

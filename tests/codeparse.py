"""The code base's Python files parsed once per test process (issue 22): the static checks
(test_module_state, test_import_graph, test_html_in_templates, test_no_shadowed_names,
test_no_plan_year) each parsed every module of macros/ again, ~7.8 CPU-s of ast.parse in a
suite run. Keyed by the file's path, mtime_ns and size, so a file edited during the run is
parsed again. The trees are shared: read them, never change them. The five files in one process:
8.9 -> 3.8 CPU-s; with -n 2 --dist loadfile, 10.2 -> 5.7 (session 13, medians of 3).

The garbage collector is off while a file is parsed (a tree holds no reference cycle), and a kept
tree is frozen (gc.freeze) until the process's tests end: the collections its thousands of nodes
set off, over the trees already kept, doubled the cost of parsing (macros/: 0.43 CPU-s parsed and
dropped, 0.8 kept and collected, 0.27 kept without collections), and pytest's five full collections
at exit walked them all again. Frozen with them is whatever else lived at that moment
(after one collection), until the tests end (conftest: pytest_sessionfinish)."""

import ast
import functools
import gc
from pathlib import Path

import pytest


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """ast.parse without the garbage collector's passes over the new nodes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return ast.parse(source, filename)
    finally:
        if enabled:
            gc.enable()


_FROZEN: list = []  # [True] once this process froze its first tree


@functools.cache
def _parsed(path: str, mtime_ns: int, size: int) -> tuple[str, ast.Module]:
    source = Path(path).read_text(encoding="utf-8")
    enabled = gc.isenabled()
    gc.disable()
    try:
        tree = ast.parse(source, path)
        if not _FROZEN:
            # gc.get_freeze_count() asked instead walked the whole frozen heap at each file: ~4.5 CPU-s
            # per test process in a suite run (the first static check of each worker, session 14)
            _FROZEN.append(True)
            gc.collect()  # earlier tests' garbage collected now, not frozen with the first tree (session 13 review)
        gc.freeze()  # the kept trees out of every collection until the tests end (code_trees_freed_at_the_end)
    finally:
        if enabled:
            gc.enable()
    return source, tree


def parsed(path: Path) -> tuple[str, ast.Module]:
    """(source, tree) of the Python file at `path`."""
    stat = path.stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


def tree(path: Path) -> ast.Module:
    return parsed(path)[1]


def source(path: Path) -> str:
    return parsed(path)[0]


@functools.cache
def _nodes(path: str, mtime_ns: int, size: int) -> tuple[ast.AST, ...]:
    return tuple(ast.walk(_parsed(path, mtime_ns, size)[1]))


def nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of the file's tree in ast.walk's order, walked once per process (the checks walked
    each tree again, ~0.2 CPU-s a walk of macros/)."""
    stat = path.stat()
    return _nodes(str(path), stat.st_mtime_ns, stat.st_size)


@pytest.fixture(scope="session", autouse=True)
def code_trees_freed_at_the_end():
    """Imported by each module of the static checks (autouse there): the kept trees are freed when the
    process's tests end, before pytest's five full garbage collections at exit, each of which walked
    every kept node again (~0.75 CPU-s in all with macros/ kept). The rest of the heap is unfrozen by
    conftest's pytest_sessionfinish."""
    yield
    _nodes.cache_clear()
    _parsed.cache_clear()
    _FROZEN.clear()

"""A content-addressed store of made files (per-unit PDFs, Excel templates,
calendars): an output is made once and reused while what it is made from is
unchanged.

The key of an output is the SHA-256 of exactly its inputs (the unit's data as
the model holds it, the plan's data it shows, the code that makes it, the
library versions, the fonts): equal inputs give the same key, so two builds,
two branches or two CI runs may share one folder. Writes are atomic (a
temporary file in the same folder, then os.replace), so a reader never sees a
half-written entry and two writers of one key write the same bytes.

Pure Python (no mkdocs); the folder is the project's `.cache/` (not committed),
or the plugin's cache_dir (KONTUM_CACHE_DIR), given by the caller.
"""

import ast
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cache_root(project_root: Path, given: Path | str | None = None) -> Path:
    """Where caches live: `given` (the plugin's cache_dir, KONTUM_CACHE_DIR), else <project>/.cache."""
    return Path(given) if given else Path(project_root) / ".cache"


def digest(*parts) -> str:
    """SHA-256 of the parts (str or bytes), each delimited so ("ab", "c") != ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def library_versions(*names: str) -> str:
    """"name==version" of each installed library, and Python's version."""
    out = [f"python=={sys.version_info[0]}.{sys.version_info[1]}.{sys.version_info[2]}"]
    for name in names:
        try:
            out.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}==?")
    return ";".join(out)


@lru_cache(maxsize=1)
def _code_files() -> tuple[Path, ...]:
    return tuple(sorted(p for p in HERE.rglob("*") if p.suffix in (".py", ".html", ".css") and p.is_file()))


def _module_file(parts: tuple[str, ...]) -> Path | None:
    """The source of the module macros.<parts> (a file or a package's __init__), or None."""
    base = HERE.joinpath(*parts)
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=512)  # pure: the same bytes in the same package import the same modules
def _imports_of(path: Path, package: tuple[str, ...], source: bytes) -> frozenset:
    """The macros modules one source file imports (anywhere in it, functions too), as
    parts under macros/; a name that may be a module or an attribute counts as both."""
    found: set[tuple[str, ...]] = set()  # `from . import x`: x beside this file, in `package`
    todo = list(ast.parse(source, str(path)).body)
    while todo:  # statements only (an import is one), at any depth: not every expression's nodes
        node = todo.pop()
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            todo.extend(getattr(node, block, ()))
        if isinstance(node, ast.Import):
            names = [a.name.split(".") for a in node.names]
            found.update(tuple(n[1:]) for n in names if n[0] == "macros")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > len(package):  # above macros/: not ours
                    continue
                base = package[: len(package) - (node.level - 1)]
            elif node.module and node.module.split(".")[0] == "macros":
                base = ()
            else:
                continue
            mod = tuple(node.module.split(".")) if node.module else ()
            if not node.level:
                mod = mod[1:]
            found.add(base + mod)
            found.update(base + mod + (a.name,) for a in node.names)
    return frozenset(found)


IMPORTS_CACHE = "ma-nguon-import"  # under the user's cache folder: source_files' answers per file


def _imports_kept(path: Path, package: tuple[str, ...], store: "Store | None") -> frozenset:
    """_imports_of, kept on disk (`store`) by the SHA-256 of the file's bytes and package, of
    this module's own code and of Python's version: a new process reads what an earlier one
    found instead of parsing every module again with ast (issue 24: ~0.15 CPU-s per build
    process, 53 files). Same answers: a key names exactly what _imports_of is a function of."""
    source = path.read_bytes()
    if store is None:
        return _imports_of(path, package, source)
    key = digest("imports", sys.version_info[:2], Path(__file__).read_bytes(), *package, "\0", source)
    data = store.get(key)
    if data is not None:
        return frozenset(tuple(parts) for parts in json.loads(data))
    found = _imports_of(path, package, source)
    store.put(key, json.dumps(sorted(found)).encode())
    return found


def source_files(*modules: str, imports_kept: Path | None = None) -> tuple[Path, ...]:
    """The sources a file made by `modules` (names under macros/, "exports.template") is
    made from: those modules, every macros module they import (transitively), their
    packages' __init__.py, and the Jinja templates when macros/templating.py is among them.
    `imports_kept`: the user's cache folder, where what each file imports is kept (_imports_kept)."""
    store = Store(Path(imports_kept) / IMPORTS_CACHE, ".json") if imports_kept is not None else None
    todo = [tuple(m.split(".")) for m in modules]
    seen: set[Path] = set()
    asked: set[tuple[str, ...]] = set()  # each module name looked up once (a stat or two each)
    while todo:
        parts = todo.pop()
        for depth in range(len(parts) + 1):  # the packages on the way run on import
            if parts[:depth] in asked:
                continue
            asked.add(parts[:depth])
            path = _module_file(parts[:depth])
            if path is not None and path not in seen:
                seen.add(path)
                todo.extend(_imports_kept(path, path.parent.relative_to(HERE).parts, store))
    if HERE / "templating.py" in seen:
        seen.update(p for p in (HERE / "templates").rglob("*") if p.is_file())
    return tuple(sorted(seen))


def code_digest(*modules: str, imports_kept: Path | None = None) -> str:
    """The code that makes a file: the sources of `modules` and of what they import
    (source_files; `imports_kept`: the user's cache folder), by their path under macros/ and their
    bytes, so a change to a module the file is not made with (the offline package, the
    site's pages) keeps its key. No modules: every source under macros/. Read per call (a
    change under `mkdocs serve` is seen)."""
    files = source_files(*modules, imports_kept=imports_kept) if modules else _code_files()
    return digest(*(p.relative_to(HERE).as_posix() + "\0" + hashlib.sha256(p.read_bytes()).hexdigest()
                    for p in files))


def model_json(model) -> str:
    """A pydantic model (or a plain value, or a list/dict of models) as stable JSON text."""
    if hasattr(model, "model_dump_json"):
        return model.model_dump_json()
    if isinstance(model, dict):
        return "{" + ",".join(f"{k!r}:{model_json(v)}" for k, v in sorted(model.items(), key=lambda kv: str(kv[0]))) + "}"
    if isinstance(model, (list, tuple)):
        return "[" + ",".join(model_json(v) for v in model) + "]"
    return repr(model)


@dataclass
class Counts:
    """What a pass did with one kind of file: made, reused; and the names of what was made."""
    made: int = 0
    reused: int = 0
    made_names: list = field(default_factory=list)


class Store:
    """Files by key in one folder (None: no cache, everything is made)."""

    def __init__(self, folder: Path | None, suffix: str = ""):
        self.folder = Path(folder) if folder is not None else None
        self.suffix = suffix
        self.used: set[str] = set()

    def path(self, key: str) -> Path | None:
        return self.folder / f"{key}{self.suffix}" if self.folder is not None else None

    def get(self, key: str) -> bytes | None:
        self.used.add(key)
        path = self.path(key)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        self.used.add(key)
        path = self.path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:  # a read-only or full cache only costs time
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass

    def put_file(self, key: str, source: Path) -> None:
        self.put(key, Path(source).read_bytes())

    def made_or_reused(self, key: str, make, counts: Counts | None = None, name: str = "") -> bytes:
        """The cached bytes of `key`, else make() (stored for next time)."""
        data = self.get(key)
        if data is not None:
            if counts is not None:
                counts.reused += 1
            return data
        data = make()
        self.put(key, data)
        if counts is not None:
            counts.made += 1
            counts.made_names.append(name)
        return data

    def prune(self) -> int:
        """Drop entries this store did not use in this pass; how many."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        dropped = 0
        for path in self.folder.glob(f"*{self.suffix}"):
            if path.name.startswith(".tmp-"):
                continue
            if path.name[: len(path.name) - len(self.suffix)] not in self.used:
                path.unlink(missing_ok=True)
                dropped += 1
        return dropped

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

import hashlib
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


def code_digest() -> str:
    """The code that makes the files: every source under macros/ (a change anywhere in it
    makes them again; read per call, so a change under `mkdocs serve` is seen)."""
    return digest(*(p.relative_to(HERE).as_posix() + "\0" + p.read_bytes().hex() for p in _code_files()))


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

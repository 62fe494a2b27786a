"""What one `mkdocs serve` process keeps of the data files it read (issue 24, the edit loop):
each file's parsed and validated result, by its path, its model and the digest of its bytes,
so a save of one file reads and validates that file only. The checks across files
(crosschecks, quoted words, addresses) still run over the whole model on every load.

Owned by the plugin (macros/adapters/serve_hooks.ServeMemory), passed to loader.load_website;
never a module global (tests/test_module_state.py). A result is immutable (frozen pydantic
models, a YamlSource nobody writes to, a tuple of errors), so one can be handed to two builds.
"""

import hashlib


class ReadMemo:
    """(path, model, sha256 of the bytes) -> (source, valid model or None, errors). Entries neither
    of the last two loads used are dropped (`begin`/`end`): a file saved with a mistake and saved
    back is not parsed again, and the memo holds about two versions of each file."""

    def __init__(self):
        self._entries: dict[tuple, tuple] = {}
        self._used: set[tuple] = set()
        self._used_before: set[tuple] = set()
        self.parsed = 0  # files parsed (not taken from the memo) by the last load: for the log and tests

    @staticmethod
    def key(rel: str, model, raw: bytes) -> tuple:
        return rel, f"{model.__module__}.{model.__qualname__}", hashlib.sha256(raw).hexdigest()

    def begin(self) -> None:
        self._used_before, self._used, self.parsed = self._used, set(), 0

    def get(self, key: tuple):
        hit = self._entries.get(key)
        if hit is not None:
            self._used.add(key)
        return hit

    def put(self, key: tuple, result: tuple) -> tuple:
        self._entries[key] = result
        self._used.add(key)
        self.parsed += 1
        return result

    def end(self) -> None:
        self._entries = {k: v for k, v in self._entries.items() if k in self._used or k in self._used_before}

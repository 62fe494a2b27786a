"""`mkdocs serve` (scripts/serve.sh): a fast edit loop that shows data errors
in the browser.

- PDFs are not made under serve (macros/adapters/print_hooks.py asks `serving()`).
- When data/ turns bad while serving, MkDocs would stop at the error and keep
  every browser waiting ("the server will appear stuck"). Instead the build goes
  on with the last good data, every page carries a red banner with the
  Vietnamese error (file, line, column, field), and the log says the same. The
  next good save removes the banner. `mkdocs build` and scripts/build.py still
  stop at bad data, as before.
- The theme's templates are compiled once per serve process, not on every
  rebuild (an in-memory Jinja bytecode cache, keyed by template source checksum).
"""

import logging
import os

from jinja2 import BytecodeCache, Environment

_command: dict[str, str] = {}  # the mkdocs command of this process (on_startup)
_error: dict[str, str] = {}    # the data error of the current serve build, if any
_good: dict[str, bool] = {}    # a build with good data has happened in this process

log = logging.getLogger("kontum.serve")  # not "mkdocs.": must not abort a --strict rebuild

_BANNER = Environment(autoescape=True).from_string(
    '<div role="alert" class="kontum-loi-du-lieu" style="position:sticky;top:0;z-index:1000;'
    'background:#b71c1c;color:#fff;padding:.8em 1em;font:15px/1.4 sans-serif;max-height:60vh;overflow:auto">'
    "<strong>Lỗi dữ liệu — trang đang hiện bản tốt gần nhất, chưa có thay đổi mới.</strong>"
    '<pre style="white-space:pre-wrap;margin:.5em 0 0;font:14px/1.4 monospace;color:#fff;background:none">'
    "{{ message }}</pre></div>")


def set_command(command: str) -> None:
    _command["name"] = command


def serving() -> bool:
    return _command.get("name") == "serve" or os.environ.get("KONTUM_SERVE") == "1"


def loaded_ok() -> None:
    _error.clear()
    _good["yes"] = True


def keep_last_good(message: str) -> bool:
    """Under serve, after a good build: remember the error, log it, go on with the last good data."""
    if not (serving() and _good):
        return False
    _error["message"] = message
    log.error(message + "\n(Trang trong trình duyệt vẫn là bản tốt gần nhất, kèm thông báo lỗi này.)")
    return True


def add_banner(output: str) -> str:
    message = _error.get("message")
    if not message:
        return output
    start = output.find("<body")
    end = output.find(">", start) + 1 if start >= 0 else 0
    return output[:end] + _BANNER.render(message=message) + output[end:]


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates kept between rebuilds of one serve process;
    Jinja checks each entry against the template source's checksum."""

    def __init__(self):
        self._codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self._codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._codes[bucket.key] = bucket.bytecode_to_string()


_templates = _MemoryBytecodeCache()


def reuse_compiled_templates(env) -> None:
    if serving():
        env.bytecode_cache = _templates

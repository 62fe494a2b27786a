"""`mkdocs serve` (scripts/serve.sh): a fast edit loop that shows data errors
in the browser.

- PDFs are not made under serve (macros/adapters/pdf_output.py asks `serving()`).
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

from jinja2 import BytecodeCache

# Memory of the serve process across its rebuilds (not per-build state: that is on
# each build's BuildState, macros/adapters/build_state.py, including its data error).
_command: dict[str, str] = {}  # the mkdocs command of this process (on_startup)
_good: dict = {}               # "website": the last good Website read in this process

log = logging.getLogger("kontum.serve")  # not "mkdocs.": must not abort a --strict rebuild


def set_command(command: str) -> None:
    _command["name"] = command


def serving() -> bool:
    return _command.get("name") == "serve" or os.environ.get("KONTUM_SERVE") == "1"


def loaded_ok(website) -> None:
    _good["website"] = website


# Under serve the site is not left unbuilt: it shows the last good data and updates by itself.
SERVE_HEAD = ("Dữ liệu kế hoạch có {count} lỗi. Trang đang hiện bản tốt gần nhất; sửa tệp rồi lưu lại, "
              "trang tự cập nhật (không cần chạy lại lệnh nào):")


def serve_message(message: str, errors: int | None) -> str:
    """The error as serve shows it: DataErrors' first line ("website chưa được tạo. Hãy sửa
    rồi chạy lại") is true of `mkdocs build`, not of serve, which keeps the last good site
    and rebuilds on the next save; `errors`: how many (None: not a data error, kept as is)."""
    if errors is None:
        return message
    return SERVE_HEAD.format(count=errors) + ("\n" + message.split("\n", 1)[1] if "\n" in message else "")


def keep_last_good(message: str, errors: int | None = None):
    """Under serve, after a good build: log the error and return (the last good Website
    to build from, the message to show on every page); else None."""
    if not (serving() and "website" in _good):
        return None
    message = serve_message(message, errors)
    log.error(message)
    return _good["website"], message


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

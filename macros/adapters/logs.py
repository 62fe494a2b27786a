"""Quiet build logs: warnings, errors and one summary line a build, unless asked
for more (`mkdocs build -v`, or the plugin's verbose: true, default KONTUM_VERBOSE=1,
e.g. `KONTUM_VERBOSE=1 ./scripts/serve.sh`).

The noise was INFO lines, not a double load: mkdocs-macros 1.5.0 runs the module
named in mkdocs.yml once, but logs it twice ("Found local Python module …" in
_load_modules, then "Found external Python module …" in _load_module, for the
same module), then lists its functions, variables, macros and filters.

The filter sits on MkDocs' console handler only, so `--strict` still counts
every warning (its counter is another handler; `--quiet` would hide warnings
from it too). The plugin installs it in on_startup and removes it in on_shutdown
(macros/adapters/plugin.py): nothing of one run stays on MkDocs' handler.
"""

import contextlib
import logging
import re

# INFO lines a user needs: the summary of each build, the PDF pass, the offline sizes and,
# under serve, the address.
KEEP = ("Documentation built in", "Serving on", "Detected file changes", "Shutting down",
        "PDF: ",  # the PDF pass: made, reused, its own time (macros/adapters/pdf_output.py)
        "Tệp tạo mới",  # issue 24: which per-unit files this build made, how many it reused
        "Bản ngoại tuyến")  # issue 14: the ZIP's and the offline cache's sizes
_CLOCK = re.compile(r"\[\d\d:\d\d:\d\d\] ")  # serve's messages start with the time


class QuietFilter(logging.Filter):
    name = "kontum-quiet"

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            # scripts/serve.sh runs `mkdocs serve --dirty` on purpose: the pages whose data
            # changed are built again, the others checked unchanged (macros/adapters/serve_hooks.py).
            return not record.getMessage().startswith("A 'dirty' build is being performed")

        message = record.getMessage()
        clock = _CLOCK.match(message)
        return message[clock.end() if clock else 0:].startswith(KEEP)


class WarningsOnly(logging.Filter):
    """The file:// copy's build (macros/adapters/offline_hooks.py): its warnings still
    show, its INFO lines would only repeat the main build's."""
    name = "kontum-copy"

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


def _console() -> list[logging.Handler]:
    return [h for h in logging.getLogger("mkdocs").handlers if h.get_name() == "MkDocsStreamHandler"]


def install(log_filter: logging.Filter) -> list[logging.Handler]:
    """Add `log_filter` to MkDocs' console handler; the handlers it was added to."""
    handlers = [h for h in _console() if log_filter not in h.filters]
    for handler in handlers:
        handler.addFilter(log_filter)
    return handlers


def remove(log_filter: logging.Filter, handlers) -> None:
    for handler in handlers:
        handler.removeFilter(log_filter)


def quiet(verbose: bool) -> tuple[QuietFilter, list[logging.Handler]] | None:
    """Install the quiet filter on MkDocs' console handler, unless more is asked for
    (`verbose`, or `-v`); returns what remove() takes off again."""
    if verbose or logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG:
        return None
    log_filter = QuietFilter()
    return log_filter, install(log_filter)


@contextlib.contextmanager
def warnings_only():
    """MkDocs' console shows only warnings and errors inside the block, then as before."""
    log_filter = WarningsOnly()
    handlers = install(log_filter)
    try:
        yield
    finally:
        remove(log_filter, handlers)

"""Quiet build logs: warnings, errors and one summary line a build, unless asked
for more (`mkdocs build -v`, or KONTUM_VERBOSE=1, e.g. `KONTUM_VERBOSE=1 ./scripts/serve.sh`).

The noise was INFO lines, not a double load: mkdocs-macros 1.5.0 runs the module
named in mkdocs.yml once, but logs it twice ("Found local Python module …" in
_load_modules, then "Found external Python module …" in _load_module, for the
same module), then lists its functions, variables, macros and filters.

The filter sits on MkDocs' console handler only, so `--strict` still counts
every warning (its counter is another handler; `--quiet` would hide warnings
from it too).
"""

import logging
import os
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


def quiet() -> None:
    """Install the filter on MkDocs' console handler (once per process)."""
    logger = logging.getLogger("mkdocs")
    if os.environ.get("KONTUM_VERBOSE") == "1" or logger.getEffectiveLevel() <= logging.DEBUG:
        return
    for handler in logger.handlers:
        if handler.get_name() == "MkDocsStreamHandler" and not any(
                isinstance(f, QuietFilter) for f in handler.filters):
            handler.addFilter(QuietFilter())

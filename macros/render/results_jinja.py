"""The Jinja2 environment of the results pages (macros/templates/results/):
autoescape on, undefined names are errors, Vietnamese number/date filters."""

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..dates import format_date, format_date_long
from ..numbers import format_money, format_number
from ..results.progress import percent

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@lru_cache(maxsize=1)  # a pure cache of compiled templates: no build state lives here
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=format_number, money=format_money, date=format_date, date_long=format_date_long,
                       percent=lambda pair: percent(*pair))
    return env


def render(name: str, **context) -> str:
    """Render templates/results/<name>. Runs of blank lines become one: a blank line
    separates Markdown blocks (a heading, an HTML block); inside an HTML block the
    templates leave none, so each block stays whole."""
    text = environment().get_template(f"results/{name}").render(**context)
    return re.sub(r"\n(?:[ \t]*\n)+", "\n\n", text).strip("\n") + "\n"

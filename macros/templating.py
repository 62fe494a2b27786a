"""The Jinja2 environment of the HTML fragments: templates in macros/templates/
(the results pages' in templates/results/, macros/render/results_jinja.py),
autoescape always on, undefined names are errors, Vietnamese number and date
filters. Pure: no MkDocs, no files other than the templates."""

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .dates import format_date, format_date_long
from .numbers import format_money, format_number, format_percent
from .sections import section_number

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    # The environment holds only the compiled templates (no data): one per process is safe.
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=format_number, money=format_money, date=format_date, date_long=format_date_long,
                       percent=lambda pair: format_percent(*pair))
    # A section is cited by its kind: {{ section_number(site, "noi_dung") }} -> "II" (macros/sections.py).
    env.globals["section_number"] = section_number
    return env


def render(template: str, /, **context) -> str:
    """The template `template` with `context`; every value is HTML-escaped unless marked safe."""
    return environment().get_template(template).render(**context)

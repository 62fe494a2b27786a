"""The Jinja2 environment of the HTML fragments: templates in macros/templates/,
autoescape always on, undefined names are errors. Pure: no MkDocs, no files
other than the templates."""

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    # The environment holds only the compiled templates (no data): one per process is safe.
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(template: str, /, **context) -> str:
    """The template `template` with `context`; every value is HTML-escaped unless marked safe."""
    return environment().get_template(template).render(**context)

"""The Jinja2 environment of the HTML fragments: templates in macros/templates/
(the results pages' in templates/results/, macros/render/results_jinja.py),
autoescape always on, undefined names are errors, Vietnamese number and date
filters. Pure: no MkDocs, no files other than the templates."""

from functools import lru_cache
from pathlib import Path

import markdown as markdown_lib
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup

from .dates import format_date, format_date_long
from .numbers import format_money, format_number, format_percent
from .sections import section_number
from .text import has_own_number, in_sentence, md_escape

# A template whose source starts with this comment is written over several lines for
# reading but renders as one line: each line break and the indentation after it vanish
# (the conference forms: one line of HTML inside a Markdown page). A space that must
# stay is written before the break as {{ " " }}, never left as trailing whitespace.
JOINED = "{#- joined"


class _Joined(Extension):
    def preprocess(self, source, name, filename=None):
        if not source.startswith(JOINED):
            return source
        return "".join(line.lstrip(" ") for line in source.split("\n"))


def md(text) -> Markup:
    """Text put into Markdown: Markdown punctuation backslash-escaped and HTML escaped
    (text.md_escape), so it is safe in the text of an autoescaped template as well."""
    return Markup(md_escape(str(text)))


def markdown(text) -> Markup:
    """Markdown (its data md-escaped where it was written) as HTML, by Python-Markdown as
    MkDocs renders a page: the plan's body in its PDF (macros/templates/plan_document.html)."""
    return Markup(markdown_lib.markdown(str(text), extensions=["tables", "attr_list", "md_in_html"],
                                        output_format="html"))

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    # The environment holds only the compiled templates (no data): one per process is safe.
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, extensions=[_Joined])
    env.filters.update(number=format_number, money=format_money, date=format_date, date_long=format_date_long,
                       percent=lambda pair: format_percent(*pair), md=md, markdown=markdown,
                       in_sentence=in_sentence)  # a name after other words: «cùng các tổ chức …» (text.py)
    env.tests["own_number"] = has_own_number  # a step named «Bước 1: …» by the data (text.py)
    # A section is cited by its kind: {{ section_number(site, "noi_dung") }} -> "II" (macros/sections.py).
    env.globals["section_number"] = section_number
    return env


def render(template: str, /, **context) -> str:
    """The template `template` with `context`; every value is HTML-escaped unless marked safe."""
    return environment().get_template(template).render(**context)


def fragment(template: str, /, *, post=None, **context) -> Markup:
    """A template's output to be put into another template as it is: HTML made by a
    template is safe by construction (the one place a string is marked safe, with md).
    `post`: a change of whitespace only (results_jinja's blank lines)."""
    text = render(template, **context)
    return Markup(post(text) if post else text)

"""The results pages' templates (macros/templates/results/), rendered with the
one environment of macros/templating.py."""

import re

from markupsafe import Markup

from .. import templating


def _tidy(text: str) -> str:
    """Runs of blank lines become one: a blank line separates Markdown blocks (a heading,
    an HTML block); inside an HTML block the templates leave none, so each block stays whole."""
    return re.sub(r"\n(?:[ \t]*\n)+", "\n\n", text).strip("\n") + "\n"


def render(name: str, **context) -> str:
    """Render templates/results/<name>, its blank lines tidied."""
    return _tidy(templating.render(f"results/{name}", **context))


def fragment(name: str, **context) -> Markup:
    """render(), to be put into another template as it is (templating.fragment)."""
    return templating.fragment(f"results/{name}", post=_tidy, **context)

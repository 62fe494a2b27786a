"""The results pages' templates (macros/templates/results/), rendered with the
one environment of macros/templating.py."""

import re

from ..templating import environment


def render(name: str, **context) -> str:
    """Render templates/results/<name>. Runs of blank lines become one: a blank line
    separates Markdown blocks (a heading, an HTML block); inside an HTML block the
    templates leave none, so each block stays whole."""
    text = environment().get_template(f"results/{name}").render(**context)
    return re.sub(r"\n(?:[ \t]*\n)+", "\n\n", text).strip("\n") + "\n"

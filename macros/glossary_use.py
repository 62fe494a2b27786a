"""Which abbreviations of the glossary a plan's own text uses. Below the outputs registry
(macros/outputs.py: a plan whose text uses none has no «Chữ viết tắt» page) and below
render/abbreviations.py, which wraps the terms on the built pages."""

import re
from pathlib import Path

from .site import Site
from .text import strings_in


def term_pattern(terms: list[str]) -> re.Pattern:
    """Whole words only, as the `abbr` extension matches: "KH" in "357/KH-MTTQ-BTT"
    but not in "KHẢO". Longest first, so "KT-XH" wins over a shorter term."""
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_TOOLKIT_TEMPLATES = Path(__file__).resolve().parent / "templates" / "toolkit"


def plan_text(site: Site) -> list[str]:
    """The text the plan's pages are made of: its plan, issuing body and units; with a
    handbook, its chapters and the documents they cite; with a toolkit, the forms
    (their data and the site's own column heads)."""
    models = [site.org, *([site.units_file] if site.has_units else [])]
    if site.has_handbook:
        models += [*site.chapters.values(), *site.cited_references]
    # The editor's checklist of an imported plan is never shown to readers (its examples
    # name bodies and signatures of other plans); the imported file's name is.
    texts = [s for s in strings_in(site.plan.model_dump(mode="json", exclude={"nhap_tu_dong": {"can_xac_nhan"}}))]
    texts += [s for model in models for s in strings_in(model.model_dump(mode="json"))]
    if site.has_toolkit:
        texts += [s for s in strings_in(site.extra["toolkit"].model_dump(mode="json"))]
        texts += [path.read_text(encoding="utf-8") for path in sorted(_TOOLKIT_TEMPLATES.glob("*.html"))]
    return texts


def used_glossary(site: Site) -> list:
    """The glossary's terms the plan's own text uses (a shared data/thuat-ngu.yaml
    holds other plans' abbreviations too): what its «Chữ viết tắt» page lists."""
    # One search per term over all the text ("\0" between the texts is no word character:
    # nothing matches across two of them), not one pattern made per term and text.
    text = "\0".join(plan_text(site))
    return [t for t in site.glossary if term_pattern([t.viet_tat]).search(text)]

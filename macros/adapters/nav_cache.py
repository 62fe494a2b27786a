"""The sidebar navigation written once for the many pages that are not in it.

Material renders the whole nav (partials/nav.html) into every page: about a
millisecond and a half of templates a page. Unit pages are reached from their
list, not from the nav, so for each of them no nav entry is active and the nav
differs from page to page only by its links, which are relative to the page.
overrides/base.html wraps the include in `{% call same_nav() %}`: for a page
that is not in the nav, the HTML is rendered once per set of relative links
(all unit pages of a plan share one) and reused; pages in the nav are rendered
as before. The key holds every input of the nav that varies between such pages.

One cache per build (made in on_env, which runs once per build).
"""

from jinja2 import pass_context
from mkdocs.utils import normalize_url


def _items(nav) -> list:
    out, stack = [], list(nav.items)
    while stack:
        item = stack.pop(0)
        out.append(item)
        stack[0:0] = list(getattr(item, "children", None) or [])
    return out


def make_same_nav():
    """The Jinja global `same_nav` of one build: `{% call same_nav() %}…{% endcall %}`."""
    cache: dict[tuple, str] = {}
    walked: dict[int, tuple[set, list]] = {}  # id(nav) -> (ids of its pages, every item)

    @pass_context
    def same_nav(context, caller):
        page, nav = context.get("page"), context.get("nav")
        if page is None or not nav:
            return caller()
        if id(nav) not in walked:
            walked[id(nav)] = ({id(p) for p in nav.pages}, _items(nav))
        pages, items = walked[id(nav)]
        if id(page) in pages or any(item.active for item in items):
            return caller()  # the page's own entry is open and highlighted: its own nav
        base = context.get("base_url")
        links = [getattr(item, "url", None) for item in items]
        home = nav.homepage.url if nav.homepage else None
        key = (base, home if home is None else normalize_url(home, page, base),
               tuple(url and normalize_url(url, page, base) for url in links))
        if key not in cache:
            cache[key] = caller()
        return cache[key]

    return same_nav

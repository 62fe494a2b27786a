"""mkdocs-macros entry point: binds the macros of macros/render/macro_list.py (declared
there, once) to this build, for pages written by hand in docs/ (the pages made
from data need none). A PLAN macro shows the first plan of data/website.yaml, or the
plan named: {{ kinh_phi("ke-hoach-mau") }}; a PAGE macro gives the facts a page's
own prose shows (render/guide.py), with links relative to that page.

A mistake in a page (an unknown plan, an unknown name, a macro printed without its
brackets, wrong arguments) stops the build with a
Vietnamese line naming the page, not a traceback.

mkdocs.yml: plugins › macros › module_name: macros/adapters/macros_env
"""

import inspect
import re

from jinja2.exceptions import UndefinedError
from mkdocs_macros.errors import format_error

from macros.adapters import build_state, offline_hooks
from macros.offline import files as offline_files, package
from macros.render import guide
from macros.render.macro_list import MACROS, PAGE, PLAN


class MacroError(Exception):
    """A page's mistake in calling a macro; its text says how to fix it."""


@format_error.register
def _macro_error(error: MacroError, markdown, page) -> str:
    return f"docs/{page.file.src_uri}: {error}"


@format_error.register
def _undefined(error: UndefinedError, markdown, page) -> str:
    name = re.fullmatch(r"'([^']+)' is undefined", str(error))
    what = f"không có macro hay biến «{name.group(1)}»" if name else f"không có tên này ({error})"
    return f"docs/{page.file.src_uri}: {what}. Các macro: {', '.join(MACROS)}; biến: ten_website."


def plan_of(state, folder: str | None):
    """The first plan listed, or the plan whose folder (thu_muc) is `folder`."""
    if folder is None:
        return state.default_site
    for site in state.website.plans:
        if site.key == folder:
            return site
    raise MacroError(f"không có kế hoạch «{folder}» trong data/website.yaml; "
                     f"các kế hoạch: {', '.join(s.key for s in state.website.plans)}.")


def context(env) -> guide.Context:
    """The page being rendered and what this build makes, for PAGE macros."""
    config = env.conf
    state = build_state.of(config)  # made by the hooks' on_config, never loaded here
    return guide.Context(
        state.website, env.page.file.src_uri, documents=state.catalog.pdf_ok,
        # the file:// copy (inside the ZIP) shows what the site it copies shows
        zip_path=offline_hooks.zip_path(config) if (offline_hooks.writes_offline_files(config)
                                                    or offline_hooks.is_file_copy(config)) else "",
        zip_cap=offline_files.megabytes(package.ZIP_CAP), shared_zip=package.SHARED_ZIP)


class Bound:
    """A macro as a page sees it: calling it renders; printing it uncalled ({{ kinh_phi }},
    which Jinja turns into text) stops the build instead of publishing «<function …>»;
    wrong arguments give a Vietnamese line naming the macro and what it accepts."""

    def __init__(self, name: str, call, accepts: str):
        self.name, self._call, self.accepts = name, call, accepts
        self._signature = inspect.signature(call)

    def __call__(self, *args, **kwargs):
        try:
            self._signature.bind(*args, **kwargs)
        except TypeError:
            given = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
            raise MacroError(f"macro «{self.name}» {self.accepts}; trang gọi {self.name}({given}).") from None
        return self._call(*args, **kwargs)

    def __str__(self):
        raise MacroError(f"macro «{self.name}» được dùng mà không gọi, trang sẽ in ra tên hàm: "
                         f"viết {{{{ {self.name}() }}}} (có cặp ngoặc).")

    __html__ = __str__

    def __repr__(self):  # mkdocs-macros' macros_info() lists the macros with repr
        return f"macro {self.name}()"


def bind(env, macro, name: str = "") -> Bound:
    if macro.kind == PLAN:
        def plan_macro(plan_folder: str | None = None):
            return macro.render(plan_of(build_state.of(env.conf), plan_folder))
        return Bound(name, plan_macro, f"không nhận đối số, hoặc nhận một: thư mục của một kế hoạch "
                                       f"trong data/website.yaml, như {name}(\"ke-hoach-mau\")")
    assert macro.kind == PAGE, macro.kind

    def page_macro():
        return macro.render(context(env))
    return Bound(name, page_macro, f"không nhận đối số nào: viết {name}()")


def define_env(env):
    for name, macro in MACROS.items():
        env.macro(bind(env, macro, name), name)
    env.variables["ten_website"] = env.conf.get("site_name")

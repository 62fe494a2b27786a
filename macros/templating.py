"""The Jinja2 environment of the HTML fragments: templates in macros/templates/
(the results pages' in templates/results/, macros/render/results_jinja.py),
autoescape always on, undefined names are errors, Vietnamese number and date
filters. Pure: no MkDocs; no files other than the templates, and the compiled
templates kept in a folder the caller gives (CompiledTemplates)."""

import os
import shutil
import sys
from functools import lru_cache
from pathlib import Path

import jinja2
import markdown as markdown_lib
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup

from . import cache
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


def compiled_key(env: Environment, imports_kept: Path | None = None) -> str:
    """What the code Jinja compiles a template into depends on besides the template's own
    source (which Jinja checks itself, by its checksum): Jinja's and Python's versions, the
    environment's syntax settings, finalize and code generator, its extensions (their
    preprocess steps: _Joined), and its filters and tests, by name, by what they are passed
    (pass_context…) and by the code of their modules (a filter may be run at compile time on
    constant arguments); for a module under macros/, the macros modules it imports too
    (cache.source_files; `imports_kept`: the user's cache folder, where what each module imports is kept)."""
    syntax = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
              env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
              env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
              env.keep_trailing_newline, env.optimized, env.is_async, _qualified(env.code_generator_class),
              env.finalize and (_qualified(env.finalize), getattr(env.finalize, "jinja_pass_arg", None)),
              env.autoescape if isinstance(env.autoescape, bool) else _qualified(env.autoescape))
    named = [("extension", name, ext) for name, ext in env.extensions.items()]
    named += [("filter", name, f) for name, f in env.filters.items()]
    named += [("test", name, f) for name, f in env.tests.items()]
    parts = sorted(f"{kind}:{name}:{_qualified(f)}:{getattr(f, 'jinja_pass_arg', None)}" for kind, name, f in named)
    modules = sorted({_module_of(f) for _, _, f in named} - {""})
    ours = [m.split(".", 1)[1] for m in modules if m.startswith("macros.")]
    files = {Path(getattr(sys.modules.get(m), "__file__", "") or "") for m in modules if not m.startswith("macros.")}
    files.update(p for p in cache.source_files(*ours, imports_kept=imports_kept) if p.suffix == ".py")
    return cache.digest("jinja", jinja2.__version__, sys.version, repr(syntax), *parts,
                        *(f"{p}\0{cache.file_digest(p)}" for p in sorted(files) if p.is_file()))


def _module_of(obj) -> str:
    return getattr(obj, "__module__", None) or type(obj).__module__ or ""


def _qualified(obj) -> str:
    return f"{_module_of(obj)}.{getattr(obj, '__qualname__', type(obj).__qualname__)}"


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's compiled templates kept on disk between builds and processes (the user's
    cache folder, `folder`): a build compiles only the templates it has not seen. Jinja finds
    an entry by the template's name and file and takes it only when the template's source
    has the same checksum (an edited template, under `mkdocs serve` too, is compiled
    again); the folder is named by compiled_key(env), worked out at the first template
    (after every plugin's on_env), so a change of Jinja, Python, the environment's settings
    or filters never reads code compiled for other ones. A cache that cannot be written
    only costs time."""

    def __init__(self, folder: Path, env: Environment):
        super().__init__(str(folder), "%s.cache")
        self._base = Path(folder)
        self._env = env
        self._folder: Path | None = None

    def _get_cache_filename(self, bucket) -> str:
        if self._folder is None:
            self._folder = self._base / f"jinja-{compiled_key(self._env, self._base)[:20]}"
            self.directory = str(self._folder)
            _used_and_pruned(self._folder)
        return super()._get_cache_filename(bucket)

    def dump_bytecode(self, bucket) -> None:
        try:
            Path(self._get_cache_filename(bucket)).parent.mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


# The jinja-<key> folders kept: the one in use and those of the last code versions used before
# it (each edit of macros/ that changes the key makes a new folder of a few MB; by session 13,
# 44 of them, 61 MB, stood in one user's cache). A build of an older checkout compiles again.
KEPT_COMPILED = 8


def _used_and_pruned(folder: Path) -> None:
    """`folder` marked as used now (its time set), and every other jinja-* folder beside it but
    the KEPT_COMPILED - 1 used last removed. A folder another process is using was marked when
    that process started; a folder that cannot be marked or removed only costs time."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)
        others = [(p.stat().st_mtime_ns, p) for p in folder.parent.glob("jinja-*") if p.is_dir() and p != folder]
    except OSError:
        return
    for _, old in sorted(others, reverse=True)[KEPT_COMPILED - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def keep_compiled(folder: Path) -> None:
    """The templates of macros/templates/ compiled once into `folder` (CompiledTemplates):
    read from there by the next process instead of compiled again. Set by each build (the
    plugin's on_config) on this process's environment: an entry holds code compiled from a
    template's source, never a build's data, so a later build in the process may read it."""
    env = environment()
    kept = env.bytecode_cache
    if not (isinstance(kept, CompiledTemplates) and kept._base == Path(folder)):  # its key worked out once
        env.bytecode_cache = CompiledTemplates(folder, env)

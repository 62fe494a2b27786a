"""The state of one build, on one object made in on_config and kept on that
build's MkDocs config (a new config is made for every build, `mkdocs serve`
rebuilds included), so two builds in one process never see each other's data.

Nothing loads data on demand: asking for the state of a build whose on_config
did not run is an error, not a silent second read of data/.
"""

from pathlib import Path

from macros.gitdates import GitDates
from macros.loader import load_website
from macros.pdf import writer
from macros.render.abbreviations import Abbreviator
from macros.render.pages import Catalog
from macros.site import Site, Website

_ATTRIBUTE = "kontum_build_state"


class BuildState:
    """The Website of this build and everything computed from it once."""

    def __init__(self, root: Path, website: Website, data_error: str | None = None, dir_urls: bool = True,
                 pdf_ok: bool = True):
        self.root = root
        self.website = website
        # Under `mkdocs serve` with bad data: the error shown on every page of this build
        # (made from the last good data, macros/adapters/serve_hooks.py).
        self.data_error = data_error
        # dir_urls: this build's use_directory_urls (the file:// copy builds without them);
        # pdf_ok: this build writes PDFs, so the results pages link the compiled report's.
        self.catalog = Catalog(website, dir_urls, pdf_ok)
        # One tooltip pass per plan (a plan folder may have its own glossary).
        self.abbreviators = {s.key: Abbreviator({t.viet_tat: t.nghia for t in s.glossary}) for s in website.plans}
        # The pages' "Cập nhật lần cuối": the last commit of every file, one `git log` walk per build
        # (none outside a checkout or when SOURCE_DATE_EPOCH gives another date than HEAD's).
        self.git_dates = GitDates(root)
        self.in_git = self.git_dates.walked
        self.articles: dict[str, tuple[str, Path]] = {}  # handbook page -> (article HTML, built file)
        self._pdf_skip: tuple[str | None] | None = None
        self.files = None  # this build's MkDocs Files (on_files), for `serve --dirty`

    @property
    def default_site(self) -> Site:
        """The plan that macros in hand-written pages show: the first one listed."""
        return self.website.plans[0]

    def site_of(self, src_uri: str) -> Site:
        return self.catalog.site_of(src_uri)

    def pdf_skip_reason(self) -> str | None:
        """None when WeasyPrint can run here, else why not (asked once per build)."""
        if self._pdf_skip is None:
            self._pdf_skip = (writer.unavailable_reason(),)
        return self._pdf_skip[0]


_SHARED = "kontum_shared_website"


def share_website(config, website: Website) -> None:
    """Give a build made inside this one (the file:// copy, offline_hooks.py) the
    data this build already read and checked: data/ is read once per `mkdocs build`."""
    setattr(config, _SHARED, website)


def start(config, root: Path, pdf_ok: bool = True) -> BuildState:
    """Read data/ (raises DataErrors), unless shared with this build, and attach
    this build's state to `config`."""
    website = getattr(config, _SHARED, None) or load_website(root)
    return attach(config, BuildState(root, website, dir_urls=config["use_directory_urls"],
                                     pdf_ok=pdf_ok and writer.unavailable_reason() is None))


def attach(config, state: BuildState) -> BuildState:
    setattr(config, _ATTRIBUTE, state)
    return state


def of(config) -> BuildState:
    state = getattr(config, _ATTRIBUTE, None)
    if state is None:
        raise RuntimeError("Build state missing: macros/adapters/mkdocs_hooks.py on_config did not run for this "
                           "build (is it listed under hooks: in mkdocs.yml?).")
    return state

"""The state of one build, on one object made in on_config and kept on that
build's MkDocs config (a new config is made for every build, `mkdocs serve`
rebuilds included), so two builds in one process never see each other's data.

Nothing loads data on demand: asking for the state of a build whose on_config
did not run is an error, not a silent second read of data/.
"""

from dataclasses import dataclass
from pathlib import Path

from macros import cache, compress
from macros import plan_status
from macros.gitdates import GitDates, source_date_epoch
from macros.loader import load_website
from macros.pdf import writer
from macros.render.abbreviations import Abbreviator
from macros.render.pages import Catalog
from macros.site import Site, Website

_ATTRIBUTE = "kontum_build_state"


@dataclass(frozen=True)
class Settings:
    """What the plugin's config (macros/adapters/plugin.py, KontumConfig) and the command
    decide for one build; read by the adapters from the build's state, never from the
    environment."""

    pdf: str = "changed"          # "changed": made again when changed; "all": every one; "0": none
    offline: bool = True          # the main build writes the ZIP, manifest and service worker
    serving: bool = False         # `mkdocs serve` (or serve: true): no PDFs, data errors on the pages
    dirty: bool = False           # `mkdocs serve --dirty`: pages rebuilt only when their inputs changed
    cache_dir: Path | None = None  # None: <project>/.cache; given: may be shared by several builds
    user_cache: Path | None = None  # brotli copies and preview images (None: ~/.cache)
    pdf_required: bool = False    # CI: PDFs that cannot be made stop the build
    source_date_epoch: int | None = None  # the date of every file (reproducible builds)

    @property
    def pdfs_off(self) -> bool:
        return self.serving or self.pdf == "0"

    def cache_root(self, root: Path) -> Path:
        """Where made files are kept between builds (macros/cache.py)."""
        return cache.cache_root(root, self.cache_dir)

    def user_cache_root(self) -> Path:
        return self.user_cache if self.user_cache is not None else Path.home() / ".cache"

    def user_cache_folder(self) -> Path:
        """The site's folder in the user's cache (kontum-site): the brotli copies, compiled
        templates, what each macros module imports (cache.source_files)."""
        return compress.cache_dir(self.user_cache_root()).parent


class BuildState:
    """The Website of this build and everything computed from it once."""

    def __init__(self, root: Path, website: Website, data_error: str | None = None, dir_urls: bool = True,
                 pdf_ok: bool = True, settings: Settings = Settings(), previous: Catalog | None = None):
        self.root = root
        self.settings = settings
        self.website = website
        # Under `mkdocs serve` with bad data: the error shown on every page of this build
        # (made from the last good data, macros/adapters/serve_hooks.py).
        self.data_error = data_error
        # dir_urls: this build's use_directory_urls (the file:// copy builds without them);
        # pdf_ok: this build writes PDFs, so the results pages link the compiled report's.
        # previous: the last good build's Catalog under `mkdocs serve --dirty` (unchanged unit pages kept).
        self.catalog = Catalog(website, dir_urls, pdf_ok, previous)
        # One tooltip pass per plan (a plan folder may have its own glossary).
        self.abbreviators = {s.key: Abbreviator({t.viet_tat: t.nghia for t in s.glossary}) for s in website.plans}
        # The pages' "Cập nhật lần cuối": the last commit of every file, one `git log` walk per build
        # (none outside a checkout or when SOURCE_DATE_EPOCH gives another date than HEAD's).
        self.git_dates = GitDates(root, epoch=settings.source_date_epoch)
        self.in_git = self.git_dates.walked
        self.articles: dict[str, tuple[str, Path]] = {}  # handbook page -> (article HTML, built file)
        self._pdf_skip: tuple[str | None] | None = None
        self.files = None  # this build's MkDocs Files (on_files), for `serve --dirty`
        self.row_pending: dict = {}  # `serve --dirty`: page -> the rows of a long list given to Markdown (row_cache)
        self.search_originals: dict = {}  # page -> its HTML while the search reads its view (plugin._search_view)
        # The offline packages once made, and what renders the pages offering them again (offline_hooks):
        self.offline_packages = None  # macros/offline/package.Packages
        self.unit_groups: dict = {}  # built unit page -> package.UnitGroup
        self.theme_env = None  # the theme's Jinja environment (on_env)
        self.nav = None  # the site's navigation (on_page_context)
        self.page_cache = None  # the unit pages taken from an earlier build (page_cache.PageCache)

    def site_name_of(self, src_uri: str | None, site_name: str) -> str:
        """The name a page's <title> and link preview carry: on a website of several plans, a
        plan's page names its own plan (data/website.yaml › ke_hoach › ten); any other page, or
        the website of one plan, the website's name (`site_name`)."""
        site = self.catalog.plan_of_page.get(src_uri) if src_uri else None
        if self.website.several and site is not None and site.entry is not None:
            return site.entry.ten
        return site_name

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


def start(config, root: Path, settings: Settings = Settings(), previous: Catalog | None = None,
          memo=None) -> BuildState:
    """Read data/ (raises DataErrors), unless shared with this build, and attach
    this build's state to `config`. `memo`: the data files a serve process read before
    (readmemo.ReadMemo): only those whose bytes changed are parsed again."""
    # The build's date (SOURCE_DATE_EPOCH): what the results' checks call today, where each plan stands.
    today = source_date_epoch(settings.source_date_epoch).date() if settings.source_date_epoch is not None else None
    website = getattr(config, _SHARED, None) or load_website(root, today, memo)
    if today is not None:  # the notices
        for site in website.plans:
            plan_status.date_status(site, today)
    return attach(config, BuildState(root, website, dir_urls=config["use_directory_urls"],
                                     pdf_ok=not settings.pdfs_off and writer.unavailable_reason() is None,
                                     settings=settings, previous=previous))


def attach(config, state: BuildState) -> BuildState:
    setattr(config, _ATTRIBUTE, state)
    return state


def of(config) -> BuildState:
    state = getattr(config, _ATTRIBUTE, None)
    if state is None:
        raise RuntimeError("Build state missing: the kontum plugin's on_config did not run for this "
                           "build (is it listed under plugins: in mkdocs.yml?).")
    return state

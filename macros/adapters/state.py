"""The Site of the current build, shared by the hooks and the macros.

The hooks load it once per build (on_config, before mkdocs-macros runs) and
the macros read it here, so data/ is read and validated once.
"""

from pathlib import Path

from ..site import Site, load_site

ROOT = Path(__file__).resolve().parents[2]
_current: dict[str, Site] = {}


def load(root: Path = ROOT) -> Site:
    _current["site"] = load_site(root)
    return _current["site"]


def current() -> Site:
    if "site" not in _current:
        return load()
    return _current["site"]

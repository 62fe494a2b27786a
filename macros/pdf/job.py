"""One PDF to make: where it goes, its HTML, its kind and metadata. Made by documents'
and the report's callers, printed by pdf/writer.py (which imports them, never the
other way round)."""

from dataclasses import dataclass

from .documents import Metadata


@dataclass(frozen=True)
class Job:
    rel: str  # where the PDF goes, relative to the site dir
    html: str
    kind: str  # "plan", "handout", "handbook" or "report": which stylesheets
    meta: Metadata

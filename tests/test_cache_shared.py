"""Issue 24: a cache shared by several builds (KONTUM_CACHE_DIR, as CI shares it between
runs) stays bounded. The keys of the offline packages, the file:// copy, the calendars and
the plan's workbooks hold the build's date, so every commit added a site's worth of entries
(~48 MB a commit at 1,000 units); a build now drops what it did not use. Two builds of two
dates (HTML and offline files only), in this process, of a small website (the four-unit fixture
plan as its only plan): what is kept or dropped is the cache's rule, not the 2023 data's (issue 22:
10 -> ~5 CPU-s). The PDFs' cache (macros/adapters/pdf_output.py) is pruned by the same rule, in-process."""

import shutil

from macros.offline import copycache
from tests.sitebuild import ROOT, copy_project, mkdocs_build_here, one_plan_project

FOLDERS = ("goi-ngoai-tuyen", "ban-sao-file", "ban-sao-file-trang", "lich", "bang-tinh")


def _entries(cache):
    return {f: sorted(p.name for p in (cache / f).iterdir() if not p.name.startswith(".tmp-"))
            for f in FOLDERS if (cache / f).is_dir()}


def test_a_shared_cache_holds_one_builds_entries_after_a_new_date(tmp_path):
    cache = tmp_path / "cache"
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    one_plan_project(project, ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc", "ke-hoach-xa", "Kế hoạch của xã")
    seen = []
    for n, epoch in enumerate(("1700000000", "1700086400")):
        result = mkdocs_build_here(project, tmp_path / f"site{n}", KONTUM_CACHE_DIR=str(cache), KONTUM_PDF="0",
                                   SOURCE_DATE_EPOCH=epoch)
        assert result.returncode == 0, result.stderr[-2000:]
        seen.append(_entries(cache))
    first, second = seen
    assert set(first) == set(FOLDERS)
    for folder in ("goi-ngoai-tuyen", "bang-tinh"):  # their keys hold the date: all new
        # but the app icons drawn once (.png, keyed by their drawing code, Pillow and size: no date)
        dated = {name for name in second[folder] if not name.endswith(".png")}
        assert dated and not set(first[folder]) & dated, folder
    assert [n for n in first["goi-ngoai-tuyen"] if n.endswith(".png")] == \
        [n for n in second["goi-ngoai-tuyen"] if n.endswith(".png")]  # the icons kept, not drawn again
    assert len(second.pop("ban-sao-file")) <= copycache.KEEP  # the last ones: a build of the same site takes it
    assert {f: len(v) for f, v in second.items()} == {f: len(first[f]) for f in second}


def test_a_shared_pdf_cache_drops_the_pdfs_this_build_did_not_use(tmp_path, monkeypatch):
    """The PDFs' cache is pruned like the others, also when shared (KONTUM_CACHE_DIR): a PDF
    keyed by HTML that no document of this build has any more (an old date in a running plan's
    notice, a changed unit) goes; what this build used stays. In-process, no PDF is laid out."""
    from macros.adapters import build_state, pdf_output
    from macros.adapters.build_state import Settings
    from macros.loader import load_website
    from macros.pdf import writer

    shared = tmp_path / "shared"
    state = build_state.BuildState(ROOT, load_website(ROOT), settings=Settings(cache_dir=shared))
    monkeypatch.setattr(writer, "unavailable_reason", lambda: None)
    monkeypatch.setattr(state, "pdf_skip_reason", lambda: None)
    folder = pdf_output.cache_dir(state)
    folder.mkdir(parents=True)
    for name in ("used", "old"):
        (folder / f"{name}.pdf").write_bytes(b"%PDF")
    monkeypatch.setattr(writer, "write_all", lambda *args, **kwargs: writer.Report(keys={"used"}))
    pdf_output.write_pdfs(_Config(site_dir=str(tmp_path / "site"), site_url=None), state)
    assert sorted(p.name for p in folder.iterdir()) == ["used.pdf"]


class _Config(dict):
    """What write_pdfs reads of a MkDocs config: config["site_dir"], config.site_url."""
    __getattr__ = dict.__getitem__

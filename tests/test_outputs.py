"""The outputs registry (macros/outputs.py, issue 22), in-process on small models:
every consumer — pages, nav, PDFs, downloads, the offline lists, the address check,
edit links — reads the one declaration, so a row hidden or added shows everywhere."""

import dataclasses

import pytest

from macros import outputs as registry
from macros.adapters import macros_env
from macros.exports import downloads
from macros.loader import load_website
from macros.offline import files, units as offline_units
from macros.render import pages, provenance
from macros.paths_unique import collisions
from macros.results.load import results_of
from macros.searchindex import page_location
from tests.sitebuild import ROOT


@pytest.fixture(scope="module")
def site():
    return load_website(ROOT).plans[0]


@pytest.fixture(scope="module")
def small(site):
    """The plan with two of its units: a small model for the registry alone (the pages
    of the others' assignments would name units it lacks)."""
    kept = site.units_file.don_vi[:2]
    return dataclasses.replace(site, units_file=site.units_file.model_copy(update={"don_vi": kept}))


def _without(monkeypatch, *keys):
    rows = tuple(dataclasses.replace(r, available=lambda s: False) if r.key in keys else r for r in registry.ROWS)
    monkeypatch.setattr(registry, "ROWS", rows)


def _nav_titles(entries):
    for entry in entries:
        if isinstance(entry, dict):
            for title, value in entry.items():
                yield title
                if isinstance(value, list):
                    yield from _nav_titles(value)


def test_each_unit_has_its_page_handout_calendar_and_template(small):
    made = registry.outputs(small)
    for unit in small.units:
        own = made.of_unit(unit)
        assert [o.key for o in own] == ["unit", "handout", "unit_ics", "unit_template"]
        assert {o.page for o in own[1:]} == {registry.unit_page(unit)}
    assert len(made.by_key["unit"]) == 2


def test_every_output_has_its_own_address(site):
    made = registry.outputs(site)
    paths = [o.path for o in made.all]
    assert len(paths) == len(set(paths))
    assert all(o.data_files and all(f.startswith("data/") for f in o.data_files) for o in made.all)


def test_pages_nav_and_pdfs_are_the_registrys(site):
    made = registry.outputs(site)
    generated = pages.plan_pages(site)
    assert [(p.path, p.title, p.data_files) for p in generated] == [(o.path, o.title, o.data_files) for o in made.pages]
    assert [next(iter(e)) for e in pages.plan_nav(site, registry.HOME)] == list(registry.NAV)
    handbook = next(e["Sổ tay"] for e in pages.plan_nav(site, registry.HOME) if "Sổ tay" in e)
    assert handbook[0] == registry.HANDBOOK and handbook[-1] == {"Văn bản tham khảo": registry.REFERENCES}
    assert made.handbook_section() == [registry.HANDBOOK] + [p for e in handbook[1:] for p in e.values()]
    assert registry.pdf_for_page(site) == {o.page: o.path for o in made.files if o.pdf_link}


def test_a_row_not_available_is_nowhere(site, monkeypatch):
    """h-model's optional pages: a plan without a structured budget has no budget page,
    no budget spreadsheets, no nav entry, nothing in the address check or offline lists."""
    before = {o.path for o in registry.outputs(site).all}
    _without(monkeypatch, "budget", "budget_xlsx", "budget_csv")
    gone = before - {o.path for o in registry.outputs(site).all}
    assert gone == {registry.BUDGET, "tai-ve/kinh-phi-2023.xlsx", "tai-ve/kinh-phi-2023.csv"}
    assert registry.BUDGET not in [p.path for p in pages.plan_pages(site)]
    assert "Kinh phí" not in list(_nav_titles(pages.plan_nav(site, registry.HOME)))
    assert not any("kinh-phi" in p for p in downloads.download_paths(site))
    assert not any("kinh-phi" in o.path for o in registry.page_origins(site))
    assert not registry.has(site, "budget") and registry.has(site, "plan")


def test_a_unit_row_not_available_leaves_the_offline_lists(small, monkeypatch):
    _without(monkeypatch, "unit_template")
    assert all(len(group) == 3 and not any("mau-bao-cao" in p for p in group)
               for group in offline_units.unit_files(small))


@pytest.mark.parametrize("offered_on, each", [("assignments", None), ("timeline", None), ("budget", None),
                                               ("plan", None), ("unit", "units")])
def test_a_new_format_is_a_producer_and_one_row(site, monkeypatch, offered_on, each):
    """What adding an export format touches: its producer and one row. The page that
    offers it links it (whatever page: the timeline drew only its calendar before), the
    build writes it, the address check and the ZIP see it."""
    if each:
        row = registry.Row("unit_json", "json", lambda site, u: f"tai-ve/json/{u.ma}.json",
                           lambda site, u: f"{u.ma} (.json)", ("plan", "units"), page=offered_on,
                           label="JSON", each=lambda site: site.units)
    else:
        row = registry.Row("plan_json", "json", "tai-ve/ke-hoach.json", "Kế hoạch (.json)", ("plan", "org"),
                           page=offered_on, label="JSON")
    monkeypatch.setattr(registry, "ROWS", registry.ROWS + (row,))
    monkeypatch.setattr(downloads, "PRODUCERS", {row.key: lambda making, out: b"{}"}
                        | {k: (lambda making, out: b"") for k in downloads.PRODUCERS})
    made = registry.outputs(site)
    new = made.by_key[row.key]
    assert new and all(o.page for o in new)
    written = downloads.download_bytes(site, documents=False)
    generated = {p.path: p.markdown for p in pages.plan_pages(site)}
    for o in new:
        assert written[o.path] == b"{}"
        assert o.path in downloads.download_paths(site)
        target = pages.progress.href(o.path, o.page)
        assert f'<a href="{target}" download>JSON</a>' in generated[o.page], (o.page, target)
        assert o.path in {x.path for x in registry.page_origins(site)}


def test_every_file_offered_on_a_page_is_linked_there(site):
    """Each download is linked from the page the registry names (PDFs with the theme's
    print button aside): a file nobody can reach is a defect."""
    made = registry.outputs(site)
    generated = {p.path: p.markdown for p in pages.plan_pages(site)}
    empty = results_of(site).empty
    for o in made.files:
        if o.pdf_link or (o.key == "report_pdf" and empty):  # no results: no report PDF is written
            continue
        assert o.page in generated, o.key
        assert f'href="{pages.progress.href(o.path, o.page)}"' in generated[o.page], (o.key, o.page)


def test_downloads_follow_the_documents_switch(small):
    with_docs = downloads.download_paths(small, documents=True)
    without = downloads.download_paths(small, documents=False)
    assert set(with_docs) - set(without) == {small.prefix + registry.path(small, "unit_template", u) for u in small.units}


@pytest.mark.parametrize("src", ["index.md", "ke-hoach.md", "so-tay/index.md", "don-vi/xa-a.md"])
def test_one_url_rule(src):
    assert page_location(src) == registry.page_url(src)
    assert files.url_of(registry.page_file(src)) == (registry.page_url(src) or "./")
    assert registry.page_url(src, dir_urls=False) == src[:-3] + ".html"
    assert files.url_of("pdf/ke-hoach-2023.pdf") == "pdf/ke-hoach-2023.pdf"


def test_edit_links_of_macros_are_declared_with_their_pages(small):
    """A hand-written page that calls a macro is changed where the registry says its page's data is."""
    for row in registry.ROWS:
        if row.macro:
            source = provenance.page_source(small, "trang.md", "{{ %s() }}" % row.macro, {})
            assert source.files == registry.outputs(small).by_key[row.key][0].data_files
    assert {r.macro for r in registry.ROWS if r.macro} <= set(macros_env.MACROS)


def _clash_row(path):
    """A new download row whose origin is a line of a data file, writing `path`."""
    where = lambda site, item, i: registry.Origin("", "data/tai-ve-them.yaml", 7, 3, "tep › mục 2 › duong_dan")
    return registry.Row("extra_file", "csv", path, "Tệp thêm", ("plan",), page="assignments", label="CSV",
                        origin=where)


@pytest.mark.parametrize("path", [
    lambda site: registry.path(site, "assign_csv"),  # the very path of another download
    lambda site: "ke-hoach/index.html",  # the file the plan page writes
    lambda site: "KE-HOACH/Index.html",  # case-folded
    lambda site: "index.html",  # the home page's file
    lambda site: "sw.js", lambda site: "manifest.webmanifest", lambda site: "search/search_index.json",
    lambda site: "404.html", lambda site: "sitemap.xml", lambda site: "assets/site.css",  # the site's own files
    lambda site: "cach-dung/index.html",  # a hand page in docs/
    lambda site: "assets/javascripts/bundle.js", lambda site: "search/x.json",  # folders the theme fills
])
def test_a_download_over_any_other_output_is_refused(site, monkeypatch, path):
    """Review: page_origins deduped downloads by path and compared pages by address, files by
    file: a row reusing «tai-ve/phan-cong-<năm>.csv» or «ke-hoach/index.html» replaced the
    other silently; the website's own files were not checked at all."""
    target = path(site)
    monkeypatch.setattr(registry, "ROWS", registry.ROWS + (_clash_row(target),))
    errors = collisions(registry.page_origins(site, ROOT / "docs"))
    assert [(e.file, e.line, e.field) for e in errors] == [("data/tai-ve-them.yaml", 7, "tep › mục 2 › duong_dan")]
    assert "Hai trang cùng một địa chỉ" in errors[0].message and target.lower() in errors[0].message


def test_the_offline_zip_is_in_the_check(site, monkeypatch):
    zip_path = registry.offline_zip("Website kế hoạch")
    monkeypatch.setattr(registry, "ROWS", registry.ROWS + (_clash_row(zip_path),))
    [error] = collisions(registry.page_origins(site, ROOT / "docs", site_name="Website kế hoạch"))
    assert "data/website.yaml" in error.message and error.file == "data/tai-ve-them.yaml"


def test_a_plan_is_expanded_once_per_site_object(monkeypatch):
    """Issue 24: the loader's address checks, the build's Catalog and the file:// copy's each
    expanded every row again (~0.5 s each at 1,000 units). Kept on the Site object, for the
    same ROWS (a test that swaps ROWS gets a new expansion)."""
    site = load_website(ROOT).plans[0]
    registry.outputs(site)
    calls = []
    real = registry.Row.outputs
    monkeypatch.setattr(registry.Row, "outputs", lambda self, *a: (calls.append(self.key), real(self, *a))[1])
    first = registry.outputs(site)
    assert registry.outputs(site) is first and calls == []
    _without(monkeypatch, "budget")
    assert registry.BUDGET not in {o.path for o in registry.outputs(site).all} and calls


@pytest.mark.parametrize("kind, name", [("Kế hoạch", "pdf/ke-hoach-2023.pdf"), ("Hướng dẫn", "pdf/huong-dan-2023.pdf"),
                                        ("Chương trình phối hợp", "pdf/chuong-trinh-phoi-hop-2023.pdf"),
                                        ("", "pdf/ke-hoach-2023.pdf")])
def test_the_plan_pdf_is_named_after_the_documents_kind(site, kind, name):
    """Review 3, item 6: every document's PDF was named ke-hoach-<năm>.pdf, a guide's and a joint programme's
    too. It is named after the kind the data gives (van_ban › loai); the 2023 plan keeps its name."""
    doc = site.plan.van_ban.model_copy(update={"loai": kind})
    other = dataclasses.replace(site, plan=site.plan.model_copy(update={"van_ban": doc}))
    assert registry.path(other, "plan_pdf") == name

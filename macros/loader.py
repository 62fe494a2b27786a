"""Read data/ into a validated Website (one Site per plan).

    data/website.yaml            site name, description, the plans (folder, path prefix, title)
    data/thuat-ngu.yaml          abbreviations, shared by every plan
    data/van-ban.yaml            verified documents, shared by every plan
    data/<plan>/ke-hoach.yaml    the plan's text
    data/<plan>/don-vi.yaml      its units
    data/<plan>/co-quan.yaml     its issuing body and departments
    data/<plan>/bo-cong-cu.yaml  the wording of its conference forms
    data/<plan>/so-tay/*.yaml    its handbook chapters
    data/<plan>/ket-qua/*.yaml   its units' results (optional; macros/results/)
    data/<plan>/bao-cao.yaml     its compiled report's number, date, signer (optional)
    data/<plan>/thay-doi-hanh-chinh.yaml  administrative changes after the plan, each with
                                 its source (optional; the status notice, render/notice.py)
    data/bien-soan.yaml          who compiled the reference material, one spelling per name

A plan folder holding its own thuat-ngu.yaml or van-ban.yaml uses that file.
`load_website(root)` raises DataErrors listing every problem at once.
"""

import datetime as dt
import os
import stat
from dataclasses import fields, replace
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import crosschecks, datafiles, handbook_crosschecks, limits, paths_unique, plan_status, plan_words, quoted_fields
from .gitdates import last_commit
from .guards import InternalError, reading
from .errors import DataError, DataErrors
from .changes_model import ChangesFile, EditorialFile, cross_check as changes_cross_check
from .handbook_model import Chapter, GlossaryFile, ReferencesFile, ToolkitFile
from .model import OrgFile, PlanFile, UnitsFile, WebsiteFile
from .model_errors import bool_words, translate
from . import outputs as links  # where each output goes (the outputs registry)
from .outputs import OVERVIEW, PLANS, offline_zip, page_origins, pdf_for_page
from .paths_unique import Origin
from .results.load import load_results
from .site import DRAFT_DIFFERENCES, Site, Website
from .errors import field_path
from .model import STRUCTURED, VerbatimSection
from .yamlsrc import YamlSource, read_bytes_bounded, read_yaml

DATA = "data"
WEBSITE_FILE = "data/website.yaml"

# The files of a plan folder, the model of each, and the name the Site gives it.
PLAN_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "org": ("co-quan.yaml", OrgFile),
    "plan": ("ke-hoach.yaml", PlanFile),
}
# Site-wide files (in data/), unless the plan folder has its own.
SHARED_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "references": ("van-ban.yaml", ReferencesFile),
    "glossary": ("thuat-ngu.yaml", GlossaryFile),
    # Who compiled the reference material, and the one spelling of a name (changes_model.py).
    "editorial": ("bien-soan.yaml", EditorialFile),
}
# Optional files of a plan folder: read when present. The administrative changes
# after the plan belong to the plan (its province, its units): a plan without
# the file has a status notice with its period only.
OPTIONAL_PLAN_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    # A plan without units (an imported guide) has no unit pages; without the
    # wording of conference forms, no toolkit.
    "units": ("don-vi.yaml", UnitsFile),
    "toolkit": ("bo-cong-cu.yaml", ToolkitFile),
    "changes": ("thay-doi-hanh-chinh.yaml", ChangesFile),
}
# Folders where each file is one item of the same model, named for its code
# (so-tay/chuyen-doi-cay-trong.yaml is the chapter of that topic).
PLAN_FOLDERS: dict[str, tuple[str, type[BaseModel]]] = {
    "chapters": ("so-tay", Chapter),
}
# A plan's results (issue 15), both optional, read by macros/results/load.py once
# the plan itself validates: allowed in the plan folder, not read as plan files.
RESULTS_FILES = ["bao-cao.yaml"]
RESULTS_FOLDERS = ["ket-qua"]


class PlanSource(YamlSource):
    """ke-hoach.yaml: a field of a structured section is named by the section's kind, as
    editors know it ("kinh_phi › dinh_muc"), not by its place in `muc` ("muc › mục 5 › …")."""

    def error(self, path: tuple, message: str, found: str = "", hint: str = "") -> DataError:
        err = super().error(path, message, found, hint)
        sections = self.data.get("muc") if isinstance(self.data, dict) else None
        if (len(path) > 2 and path[0] == "muc" and isinstance(path[1], int) and isinstance(sections, list)
                and 0 <= path[1] < len(sections) and isinstance(sections[path[1]], dict)
                and sections[path[1]].get("loai") in STRUCTURED
                # a structured section, though it keeps the document's words (doan) beside its fields
                and ("doan" not in sections[path[1]] or set(sections[path[1]]) - set(VerbatimSection.model_fields))):
            return replace(err, field=field_path((sections[path[1]]["loai"],) + tuple(path[2:])))
        return err


def _read(root: Path, rel: str, model, errors: list, memo=None):
    """(source, validated model or None); errors appended. An unexpected failure
    names the file being read (guards.reading), never a traceback. `memo`: a
    readmemo.ReadMemo (under `mkdocs serve`): a file whose bytes it has seen is not parsed again."""
    with reading(rel):
        if memo is None:
            source, valid, said = _parse(root, rel, model)
        else:
            try:
                raw = read_bytes_bounded(root / rel, rel)  # a symlink or special file refused as without the memo
            except DataErrors as exc:
                errors += exc.errors
                return None, None
            key = memo.key(rel, model, raw)
            source, valid, said = memo.get(key) or memo.put(key, _parse(root, rel, model, raw))
        errors += said
        return source, valid


def _parse(root: Path, rel: str, model, raw: bytes | None = None) -> tuple:
    """(source or None, validated model or None, errors as a tuple): a pure function of the bytes."""
    errors: list = []
    try:
        kind = PlanSource if model is PlanFile else YamlSource  # a key written twice named as other errors are
        source = read_yaml(root / rel, rel, kind=kind) if raw is None else read_yaml(root / rel, rel, raw, kind=kind)
    except DataErrors as exc:
        return None, None, tuple(exc.errors)
    if model is PlanFile:
        source = PlanSource(**{f.name: getattr(source, f.name) for f in fields(source)})
    try:
        valid = model.model_validate(source.data)
    except ValidationError as exc:
        said = translate(source, model, exc)
        return source, None, tuple(said + bool_words(source, said))
    # «moi_don_vi: yes»: a true/false nobody wrote (review bad8). Refused, but the model stands (the word
    # reads one way only), so the checks across files still run and their errors come in the same report.
    errors += bool_words(source, [])
    return source, valid, tuple(errors)


def plan_paths(root: Path, folder: str) -> dict[str, str]:
    """name -> repository path of each file of the plan in data/<folder>/."""
    root = Path(root)
    base = f"{DATA}/{folder}"
    out = {name: f"{base}/{file}" for name, (file, _) in PLAN_FILES.items()}
    # lexists: a symlink is read (and refused by read_yaml, by name), never skipped as absent.
    out.update({name: f"{base}/{file}" for name, (file, _) in OPTIONAL_PLAN_FILES.items()
                if os.path.lexists(root / base / file)})
    for name, (file, _) in SHARED_FILES.items():
        own = f"{base}/{file}"
        out[name] = own if os.path.lexists(root / own) else f"{DATA}/{file}"
    for name, (sub, _) in PLAN_FOLDERS.items():
        folder = root / base / sub
        # Regular files of a real folder only: a symlink (file or folder) is refused by datafiles.unexpected_files.
        items = sorted(p for p in folder.iterdir() if datafiles.is_regular(p) and datafiles.valid_item_name(p.name)) \
            if datafiles.is_real_dir(folder) and not datafiles.too_many(folder) else []
        for path in items:
            out[f"{name}/{path.stem}"] = f"{base}/{sub}/{path.name}"
    return out


def _size(path: Path) -> int:
    try:
        info = os.lstat(path)
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def size_errors(root: Path, folder: str, files: dict[str, str]) -> tuple[list[DataError], set[str]]:
    """Sizes by total (limits.py), from the file system before anything is read: each
    chapter, all chapters, and the whole plan (its files, the shared files it uses,
    its results). (errors, names of files not to read)."""
    sizes = {name: _size(root / rel) for name, rel in files.items()}
    results = root / DATA / folder / RESULTS_FOLDERS[0]
    if datafiles.is_real_dir(results) and not datafiles.too_many(results):
        sizes.update({f"results/{p.name}": _size(p) for p in results.iterdir()})
    errors, skip = [], set()
    chapters = {name: size for name, size in sizes.items() if name.startswith("chapters/")}
    for name, size in chapters.items():
        message = limits.chapter_error(size)
        if message:
            errors.append(DataError(files[name], 0, 0, "", message))
            skip.add(name)

    def largest(names) -> str:
        top = sorted(names, key=lambda n: -sizes[n])[:3]
        return "; lớn nhất: " + ", ".join(f"{files.get(n, f'{DATA}/{folder}/{n}')} ({limits.kb(sizes[n])})"
                                          for n in top)

    message = limits.handbook_error(sum(chapters.values()))
    if message:
        errors.append(DataError(f"{DATA}/{folder}/{PLAN_FOLDERS['chapters'][0]}/", 0, 0, "",
                                message, hint="rút gọn các chương" + largest(chapters) + "."))
        skip |= set(chapters)
    message = limits.plan_error(sum(sizes.values()))
    if message:
        errors.append(DataError(f"{DATA}/{folder}/", 0, 0, "", message,
                                hint="rút gọn các tệp" + largest(sizes) + "."))
        skip |= set(files)
    return errors, skip


def _tagged_by_plan(plans: list[Site]) -> list[Site]:
    """The plans, each later one whose files would carry an earlier plan's year (kinh-phi-<năm>.csv twice, in two
    folders) given its folder in their names too (Site.file_tag): two downloads, two names."""
    seen, out = set(), []
    for site in plans:
        if site.year_tag in seen:
            site = replace(site, file_tag=f"{site.year_tag}-{site.key}")
        seen.add(site.year_tag)
        out.append(site)
    return out


def load_plan(root: Path, folder: str, entry=None, today: dt.date | None = None, memo=None) -> Site:
    """Read and validate one plan folder. Raises DataErrors with every problem. `today`: the
    build's date (SOURCE_DATE_EPOCH) for the results' checks; None: the clock's (macros.check).
    `memo`: files already read by this process (readmemo.ReadMemo, under `mkdocs serve`)."""
    root = Path(root)
    errors: list[DataError] = []
    models: dict = {"chapters": {}}
    sources: dict = {}
    files = plan_paths(root, folder)
    # Totals first, from the sizes on disk: six 1.8 MB chapters are never read, let alone printed.
    errors, skip = size_errors(root, folder, files)
    if any(name in skip for name in (*PLAN_FILES, "units", "toolkit")):
        raise DataErrors(errors)
    files_read = {name: rel for name, rel in files.items() if name not in skip}
    models_of = {**PLAN_FILES, **OPTIONAL_PLAN_FILES, **SHARED_FILES}
    for name, rel in files_read.items():
        if "/" in name:
            kind, stem = name.split("/", 1)
            source, model = _read(root, rel, PLAN_FOLDERS[kind][1], errors, memo)
            if source is not None:
                sources[name] = source
            if model is not None:
                models[kind][stem] = model
            continue
        source, model = _read(root, rel, models_of[name][1], errors, memo)
        if source is not None:
            sources[name] = source
        if model is not None:
            models[name] = model
    if "units" not in files:
        models["units"] = UnitsFile()  # no don-vi.yaml: a plan without units
    with reading(f"{DATA}/{folder}/ (kiểm tra chéo giữa các tệp)"):
        errors += crosschecks.cross_check_available(models, sources, files)
        errors += changes_cross_check(models, sources)
        # The handbook checks need every file they compare; they wait until those validate.
        if all(name in models for name in handbook_crosschecks.NEEDS):
            errors += handbook_crosschecks.cross_check(models, sources, files)
    if errors:
        raise DataErrors(errors)
    extra = {k: v for k, v in models.items() if k not in ("units", "org", "plan")}
    site = Site(root, models["units"], models["org"], models["plan"], sources, extra, files, entry)
    with reading(f"{DATA}/{folder}/ (lời trích trong ngoặc «»)"):
        errors += quoted_fields.check(site)  # what the pages quote as the plan's words is its words
    if errors:
        raise DataErrors(errors)
    with reading(f"{DATA}/{folder}/{RESULTS_FOLDERS[0]}/"):
        site = replace(site, results=load_results(root, site, today))  # raises DataErrors
    with reading(f"{DATA}/{folder}/ (địa chỉ các trang)"):
        # Pages written by hand in docs/ share the addresses of a plan without a prefix.
        docs = root / "docs" if not site.prefix else None
        errors += paths_unique.collisions(page_origins(site, docs))
    if errors:
        raise DataErrors(errors)
    with reading(f"{DATA}/{folder}/ (so với văn bản gốc)"):
        differences = plan_words.check(site)  # the plan page says what the document's text says (review bad11 #1)
    if site.draft is not None and differences:
        # An unchecked import builds (issue 19: the strict build passes on a fresh draft): each difference the
        # editor must settle is printed with the draft's checklist, and stops the build once da_doi_chieu is true.
        site.extra[DRAFT_DIFFERENCES] = tuple(str(e) for e in differences)
    else:
        errors += differences
    if errors:
        raise DataErrors(errors)
    return site


def load_website(root: Path, today: dt.date | None = None, memo=None) -> Website:
    """data/website.yaml and every plan it lists. Raises DataErrors with every problem.
    `memo`: a readmemo.ReadMemo kept by a `mkdocs serve` process: each file's parsed and
    validated result is taken from it while the file's bytes are the same; every check
    across files runs as without it."""
    if memo is not None:
        memo.begin()
        try:
            return _load_website(Path(root), today, memo)
        finally:
            memo.end()
    return _load_website(Path(root), today, None)


def _load_website(root: Path, today: dt.date | None, memo) -> Website:
    errors: list[DataError] = []
    source, info = _read(root, WEBSITE_FILE, WebsiteFile, errors, memo)
    if info is None:
        raise DataErrors(errors)
    errors += crosschecks.check_website(info, source, root)
    if errors:
        raise DataErrors(errors)
    with reading("data/"):
        files = [WEBSITE_FILE] + [f"{DATA}/{f}" for f, _ in SHARED_FILES.values()]
        folders = []
        for entry in info.ke_hoach:
            base = f"{DATA}/{entry.thu_muc}"
            files += [f"{base}/{f}" for f, _ in (*PLAN_FILES.values(), *OPTIONAL_PLAN_FILES.values(),
                                                 *SHARED_FILES.values())]
            files += [f"{base}/{f}" for f in RESULTS_FILES]
            files.append(f"{base}/{datafiles.SOURCE_TEXT}")  # the document's text (van_ban_goc), when there
            folders += [f"{base}/{sub}" for sub, _ in PLAN_FOLDERS.values()]
            folders += [f"{base}/{sub}" for sub in RESULTS_FOLDERS]
        errors += datafiles.unexpected_files(root, files, folders)
    plans, internal = [], None
    for entry in info.ke_hoach:
        try:
            plans.append(load_plan(root, entry.thu_muc, entry, today, memo))
        except DataErrors as exc:
            errors += exc.errors
        except InternalError as exc:  # a bug met in one plan: the other plans' data errors are still said with it
            internal = internal or exc
        except Exception as exc:  # noqa: BLE001 - the same, met outside a file's reading
            internal = internal or InternalError(f"{DATA}/{entry.thu_muc}/", exc)
    if internal is not None:
        raise InternalError(internal.file, internal.cause, list(dict.fromkeys(errors))) from internal.cause
    if errors:
        # A symlinked data file is named once, though both the folder scan and the read see it.
        raise DataErrors(list(dict.fromkeys(errors)))
    errors += crosschecks.check_website_words(info, source, plans)
    if errors:
        raise DataErrors(errors)
    plans = _tagged_by_plan(plans)
    website = Website(root, info, plans)
    with reading(f"{WEBSITE_FILE} (địa chỉ các trang của các kế hoạch)"):
        errors += _clashes_across_plans(root, website, source)
        # The site's ZIP is named for the website (info.ten), known only here.
        zip_path = paths_unique.written(offline_zip(info.ten))  # once, not per output (13,000 slugs at 3,321 units)
        for site in plans:
            if not site.prefix:
                zipped = [o for o in page_origins(site, root / "docs", info.ten)
                          if paths_unique.written(o.path) == zip_path]
                errors += paths_unique.collisions(zipped)
    if errors:
        raise DataErrors(errors)
    # Where each plan stands, as of the last commit to data/ (the build gives SOURCE_DATE_EPOCH
    # instead when set: adapters/build_state.py); no date outside a checkout. Never the clock.
    when = last_commit(root, (DATA,))
    for site in plans:
        plan_status.date_status(site, when.date() if when else None)
    return website


def _clashes_across_plans(root: Path, website: Website, source) -> list[DataError]:
    """Every output of every plan at the address it has on the website (its prefix, the
    list of plans at index.md): a plan whose duong_dan is «so-tay/» must not replace the
    first plan's handbook page."""
    if not website.several:
        return []
    groups = [[Origin(PLANS, WEBSITE_FILE, *source.position(("ke_hoach",)), "ke_hoach", "Các kế hoạch")]]
    for i, site in enumerate(website.plans):
        prefixed = set(pdf_for_page(site).values())  # already under the plan's prefix
        line, column = source.position(("ke_hoach", i, "duong_dan"))
        group = []
        docs = root / "docs" if not site.prefix else None
        for origin in page_origins(site, docs):
            if origin.file.startswith("docs/"):
                path = origin.path
            elif origin.path == links.HOME:
                path = site.prefix + links.HOME if site.prefix else OVERVIEW
            else:
                path = origin.path if origin.path in prefixed else site.prefix + origin.path
            # The clash is the prefix's doing: point at duong_dan, naming the page's own source.
            what = f"{origin.what or origin.path} ({origin.file})"
            group.append(Origin(path, WEBSITE_FILE, line, column, f"ke_hoach › mục {i + 1} › duong_dan", what))
        groups.append(group)
    errors = paths_unique.across(groups)
    # A prefix is a folder of its own: no other plan writes into it (pdf/, tai-ve/, don-vi/…).
    for i, site in enumerate(website.plans):
        if not site.prefix or any(e.field == f"ke_hoach › mục {i + 1} › duong_dan" for e in errors):
            continue
        inside = next((o for n, g in enumerate(groups) if n != i + 1 for o in g
                       if paths_unique.address(o.path).startswith("/" + site.prefix.lower())), None)
        if inside is not None:
            errors.append(source.error(
                ("ke_hoach", i, "duong_dan"),
                f"Tiền tố địa chỉ «{site.prefix}» là thư mục đã có trang hoặc tệp của kế hoạch khác "
                f"(«{paths_unique.address(inside.path)}», {inside.what}): hai kế hoạch sẽ lẫn vào nhau.",
                found=site.prefix, hint="chọn một tiền tố riêng cho kế hoạch, ví dụ tên thư mục của nó "
                                        f"(«{site.key}/»)."))
    return errors



def load_site(root: Path, plan: str | None = None) -> Site:
    """One plan of the website: the one in data/<plan>/, else the first listed."""
    website = load_website(root)
    if plan is None:
        return website.plans[0]
    return next(s for s in website.plans if s.key == plan)


def data_paths(root: Path) -> list[Path]:
    """Every data file the website reads (for the NFC fixer and the editors' tools)."""
    root = Path(root)
    paths = [root / WEBSITE_FILE]
    try:
        source = read_yaml(root / WEBSITE_FILE, WEBSITE_FILE)
        folders = [p.get("thu_muc") for p in source.data.get("ke_hoach", []) if isinstance(p, dict)]
    except (DataErrors, AttributeError):
        folders = []
    for folder in folders:
        if isinstance(folder, str):
            paths += [root / rel for rel in plan_paths(root, folder).values()]
            paths += sorted((root / DATA / folder / RESULTS_FOLDERS[0]).glob("*.yaml"))
            paths += [root / DATA / folder / f for f in RESULTS_FILES]
    # Regular files only: the NFC fixer must never read or write through a symlink.
    return [p for p in dict.fromkeys(paths) if datafiles.is_regular(p)
            and all(datafiles.is_real_dir(d) for d in p.parents if d != root and root in d.parents)]

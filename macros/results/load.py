"""Read a plan's results: data/<plan>/ket-qua/*.yaml (one file per unit, named for
its code) and data/<plan>/bao-cao.yaml, into one Results value. Both are optional:
a plan without them has no results, and every page says so. The loader
(macros/loader.py) calls this for every plan; the Site carries the Results.

    results = load_results(root, site)   # raises DataErrors listing every error
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from ..errors import DataError, DataErrors
from ..fieldtypes import sample_context
from ..model_errors import translate as _convert
from ..outputs import REPORT_FILE, RESULTS_FOLDER, plan_folder, report_file, results_folder  # noqa: F401
from ..site import Site
from ..yamlsrc import YamlSource, read_yaml
from . import checks
from .model import CompiledReportFile, Signer, UnitResults, results_model

# Where the results are (data/<plan>/ket-qua/, data/<plan>/bao-cao.yaml): the data files
# behind the results pages, declared with them in the outputs registry.
FOLDER_NAME, REPORT_NAME = RESULTS_FOLDER, REPORT_FILE


def default_report(site: Site) -> CompiledReportFile:
    """The compiled report when data/<plan>/bao-cao.yaml is absent: a draft, number and date
    blank, signed for the plan's own issuing body (plan section VI: the Ban Phong trào
    compiles, for the Ban Thường trực), signer not named."""
    return CompiledReportFile(ky_hieu="BC-MTTQ-BTT", ky=_signer(site), luu=["VT", "BPT"])


def _signer(site: Site) -> Signer:
    """The report's signer from the plan's own chu_ky. Should the report's model refuse it, the
    editor is told in Vietnamese where it is written (ke-hoach.yaml › chu_ky, its line), with the
    other data errors, never an internal error naming no file (review r19b item 1)."""
    try:
        return Signer.model_validate({"quyen_han": site.plan.chu_ky.quyen_han})
    except ValidationError as exc:
        plan = site.sources.get("plan") if isinstance(site.sources, dict) else None
        if plan is None:
            raise
        chu_ky = plan.data.get("chu_ky") if isinstance(plan.data, dict) else None
        view = YamlSource(plan.path, chu_ky if isinstance(chu_ky, dict) else {},
                          {k[1:]: v for k, v in plan.positions.items() if k[:1] == ("chu_ky",)})
        errors = [replace(e, field="chu_ky › " + e.field if e.field else "chu_ky")
                  for e in _convert(view, Signer, exc)]
        raise DataErrors(errors) from None


@dataclass(frozen=True)
class Results:
    by_unit: dict[str, UnitResults]  # unit code -> results, in the order of data/don-vi.yaml
    report: CompiledReportFile
    warnings: list[DataError] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # unit code -> data file path
    # unit code -> its number of conferences against the plan's number per unit (checks.conference_count_note),
    # for the compiled report; the same sentence is among `warnings` (the progress page, the unit's page)
    conference_notes: dict[str, str] = field(default_factory=dict)

    def of(self, code: str) -> UnitResults | None:
        return self.by_unit.get(code)

    @property
    def empty(self) -> bool:
        return not self.by_unit


def validate_unit(site: Site, source, stem: str | None,
                  today: dt.date | None = None) -> tuple[UnitResults | None, list[DataError], list[DataError]]:
    """Model and plan checks for one parsed results source (YAML or Excel)."""
    try:
        # Date errors show a date of this plan (its report deadline) as their example.
        res = results_model(site.plan).model_validate(source.data, context=sample_context(site.sample_date))
    except ValidationError as exc:
        # The rules between fields still speak for the items that read, in the same round.
        return None, _convert(source, results_model(site.plan), exc) + checks.check_dependent_raw(site, source.data, source), []
    errors, warnings = checks.check_unit(site, res, source, stem, today)
    return (None if errors else res), errors, warnings


def load_results(root: Path, site: Site, today: dt.date | None = None) -> Results:
    """`today`: the build's date (SOURCE_DATE_EPOCH) for the checks that compare with it; None: the clock's."""
    root = Path(root)
    errors: list[DataError] = []
    warnings: list[DataError] = []
    found: dict[str, UnitResults] = {}
    files: dict[str, str] = {}
    FOLDER, REPORT_FILE = results_folder(site), report_file(site)
    folder = root / FOLDER
    if folder.is_dir():
        for stray in sorted(folder.glob("*.yml")):
            errors.append(DataError(f"{FOLDER}/{stray.name}", 0, 0, "", "Tệp kết quả phải có đuôi .yaml.",
                                    hint=f"đổi tên thành {stray.stem}.yaml."))
        for path in sorted(folder.glob("*.yaml")):
            display = f"{FOLDER}/{path.name}"
            try:
                source = read_yaml(path, display)
            except DataErrors as exc:
                errors += exc.errors
                continue
            res, errs, warns = validate_unit(site, source, path.stem, today)
            errors += errs
            warnings += warns
            if res is not None:
                found[res.don_vi] = res
                files[res.don_vi] = display
    try:
        report = default_report(site)
    except DataErrors as exc:  # reported with the others
        errors += exc.errors
        report = None
    if (root / REPORT_FILE).exists():
        try:
            source = read_yaml(root / REPORT_FILE, REPORT_FILE)
            report = CompiledReportFile.model_validate(source.data, context=sample_context(site.sample_date))
            errors += checks.check_compiled(report, source, folder.is_dir() and any(folder.glob("*.yaml")),
                                            site.sample_date, today)
        except DataErrors as exc:
            errors += exc.errors
        except ValidationError as exc:
            errors += _convert(source, CompiledReportFile, exc)
    if errors:
        raise DataErrors(errors)
    ordered = {u.ma: found[u.ma] for u in site.units if u.ma in found}
    notes = {code: note for code, res in ordered.items() if (note := checks.conference_count_note(site, res, today))}
    return Results(ordered, report, warnings, files, notes)


def results_of(site: Site) -> Results:
    """The plan's results as the loader read them; none (every page says "no data")
    for a Site made without the loader."""
    return site.results if site.results is not None else Results({}, default_report(site))

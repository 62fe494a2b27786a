"""Read data/ket-qua/*.yaml (one file per unit, named for its code) and
data/bao-cao.yaml into one Results value. Both are optional: a repository
without them has no results, and every page says so.

    results = load_results(root, site)   # raises DataErrors listing every error
"""

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import DataError, DataErrors
from ..site import Site, _convert
from ..yamlsrc import read_yaml
from . import checks
from .model import CompiledReportFile, Signer, UnitResults

FOLDER = "data/ket-qua"
REPORT_FILE = "data/bao-cao.yaml"


def default_report(site: Site) -> CompiledReportFile:
    """The compiled report when data/bao-cao.yaml is absent: a draft, number and date
    blank, signed for the plan's own issuing body (plan section VI: the Ban Phong trào
    compiles, for the Ban Thường trực), signer not named."""
    return CompiledReportFile(ky_hieu="BC-MTTQ-BTT", ky=Signer(quyen_han=site.plan.chu_ky.quyen_han), luu=["VT", "BPT"])


@dataclass(frozen=True)
class Results:
    by_unit: dict[str, UnitResults]  # unit code -> results, in the order of data/don-vi.yaml
    report: CompiledReportFile
    warnings: list[DataError] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # unit code -> data file path

    def of(self, code: str) -> UnitResults | None:
        return self.by_unit.get(code)

    @property
    def empty(self) -> bool:
        return not self.by_unit


def validate_unit(site: Site, source, stem: str | None) -> tuple[UnitResults | None, list[DataError], list[DataError]]:
    """Model and plan checks for one parsed results source (YAML or Excel)."""
    try:
        res = UnitResults.model_validate(source.data)
    except ValidationError as exc:
        return None, _convert(source, UnitResults, exc), []
    errors, warnings = checks.check_unit(site, res, source, stem)
    return (None if errors else res), errors, warnings


def load_results(root: Path, site: Site) -> Results:
    root = Path(root)
    errors: list[DataError] = []
    warnings: list[DataError] = []
    found: dict[str, UnitResults] = {}
    files: dict[str, str] = {}
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
            res, errs, warns = validate_unit(site, source, path.stem)
            errors += errs
            warnings += warns
            if res is not None:
                found[res.don_vi] = res
                files[res.don_vi] = display
    report = default_report(site)
    if (root / REPORT_FILE).exists():
        try:
            source = read_yaml(root / REPORT_FILE, REPORT_FILE)
            report = CompiledReportFile.model_validate(source.data)
            errors += checks.check_compiled(report, source, folder.is_dir() and any(folder.glob("*.yaml")))
        except DataErrors as exc:
            errors += exc.errors
        except ValidationError as exc:
            errors += _convert(source, CompiledReportFile, exc)
    if errors:
        raise DataErrors(errors)
    ordered = {u.ma: found[u.ma] for u in site.units if u.ma in found}
    return Results(ordered, report, warnings, files)

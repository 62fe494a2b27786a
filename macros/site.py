"""Load data/ into one validated Site, and the values derived from it.

`load_site(root)` reads every data file, validates each against its model,
runs the cross-file checks, and raises DataErrors listing every problem at
once. The render functions take the Site and never read files themselves.
"""

import difflib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import changes_model, checks, datafiles, handbook_checks, paths_unique
from .guards import reading
from .checks import PLACEHOLDER
from .dates import format_date
from .errors import DataError, DataErrors
from .handbook_model import Chapter, GlossaryFile, Reference, ReferencesFile, Term, ToolkitFile
from .model import Assignment, Department, OrgFile, PlanFile, Unit, UnitsFile
from .numbers import money_in_words
from .yamlsrc import YamlSource, read_yaml

# The data files, the model of each, and the name the Site gives it.
FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "units": ("data/don-vi.yaml", UnitsFile),
    "org": ("data/co-quan.yaml", OrgFile),
    "plan": ("data/ke-hoach.yaml", PlanFile),
    "references": ("data/van-ban.yaml", ReferencesFile),
    "glossary": ("data/thuat-ngu.yaml", GlossaryFile),
    "toolkit": ("data/bo-cong-cu.yaml", ToolkitFile),
    # Later administrative changes, and who compiled the reference material (changes_model.py).
    "changes": ("data/thay-doi-hanh-chinh.yaml", changes_model.ChangesFile),
    "editorial": ("data/bien-soan.yaml", changes_model.EditorialFile),
}

# Folders where each file is one item of the same model, named for its code
# (data/so-tay/chuyen-doi-cay-trong.yaml is the chapter of that topic).
FOLDERS: dict[str, tuple[str, type[BaseModel]]] = {
    "chapters": ("data/so-tay", Chapter),
}

# Read, when present, by macros/results/load.py (issue 15), so allowed in data/.
RESULTS_FILES = ["data/bao-cao.yaml"]
RESULTS_FOLDERS = ["data/ket-qua"]


_TYPE_MESSAGES = {
    "string_type": "cần một đoạn chữ",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên, không có phần lẻ",
    "bool_type": "cần «true» hoặc «false»",
    "list_type": "cần một danh sách (mỗi mục một dòng, bắt đầu bằng «- »)",
    "model_type": "cần một nhóm trường con (mỗi dòng «ten_truong: giá trị»)",
    "dict_type": "cần một nhóm «mã: giá trị»",
    "model_attributes_type": "cần một nhóm trường con (mỗi dòng «ten_truong: giá trị»)",
}


@dataclass(frozen=True)
class Site:
    """Everything the pages show, validated."""

    root: Path
    units_file: UnitsFile
    org: OrgFile
    plan: PlanFile
    sources: dict  # name -> YamlSource, for positions in cross-check errors
    # The handbook's data: "references", "glossary", "toolkit" models and
    # "chapters" ({file stem: Chapter}, in file-name order).
    extra: dict = field(default_factory=dict)

    # -- handbook ---------------------------------------------------------
    @property
    def references(self) -> list[Reference]:
        return list(self.extra["references"].van_ban)

    def reference(self, code: str) -> Reference:
        return next(r for r in self.references if r.ma == code)

    @property
    def glossary(self) -> list[Term]:
        return list(self.extra["glossary"].thuat_ngu)

    @property
    def toolkit(self) -> ToolkitFile:
        return self.extra["toolkit"]

    @property
    def chapters(self) -> dict[str, Chapter]:
        return dict(self.extra["chapters"])

    def chapter_of(self, topic_code: str) -> tuple[str, Chapter] | None:
        """The chapter written for a content topic of the plan, if any."""
        return next(((k, c) for k, c in self.chapters.items() if c.chu_de == topic_code), None)

    # -- units and departments ------------------------------------------
    @property
    def units(self) -> list[Unit]:
        return list(self.units_file.don_vi)

    def unit(self, code: str) -> Unit:
        return next(u for u in self.units if u.ma == code)

    @property
    def departments(self) -> list[Department]:
        return list(self.org.ban)

    def department(self, code: str) -> Department:
        return next(d for d in self.departments if d.ma == code)

    @property
    def assignments(self) -> list[Assignment]:
        return list(self.plan.to_chuc_thuc_hien.phan_cong)

    def assignment_of(self, unit_code: str) -> Assignment:
        return next(a for a in self.assignments if unit_code in a.don_vi)

    # -- money ------------------------------------------------------------
    def amount(self, unit_code: str) -> int:
        budget = self.plan.kinh_phi
        return budget.rieng.get(unit_code, budget.dinh_muc)

    @property
    def total(self) -> int:
        return sum(self.amount(u.ma) for u in self.units)

    @property
    def total_in_words(self) -> str:
        return money_in_words(self.total)

    @property
    def uniform_amount(self) -> bool:
        """True when every unit gets the same amount (the plan's "x 10 = …" form)."""
        return len({self.amount(u.ma) for u in self.units}) == 1

    # -- text -------------------------------------------------------------
    @cached_property
    def placeholders(self) -> dict[str, str]:
        conf = self.plan.cac_buoc.hoi_nghi
        report = self.plan.to_chuc_thuc_hien.bao_cao
        return {
            "so_hoi_nghi": f"từ {conf.toi_thieu:02d} đến {conf.toi_da:02d}",
            "noi_nhan_bao_cao": self.department(report.noi_nhan).ten,
            "han_bao_cao": format_date(report.han),
        }

    def fill(self, text: str) -> str:
        """Replace {name} placeholders (checked at load time) with their values."""
        return PLACEHOLDER.sub(lambda m: self.placeholders[m.group(1)], text)

    def data_file(self, name: str) -> str:
        """"plan" -> "data/ke-hoach.yaml": where an editor changes that content."""
        return FILES[name][0]


def _field_names(model: type[BaseModel], seen=None) -> set[str]:
    """Every field name used anywhere in `model`, for "did you mean" hints."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for arg in _nested_models(info.annotation):
            names |= _field_names(arg, seen)
    return names


def _nested_models(annotation) -> list:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _nested_models(arg)]


def _keys_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed where `loc` points (the model of that mapping)."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if current else None
        nested = _nested_models(info.annotation) if info else []
        if not nested:
            return []
        current = nested[0]
    return sorted(current.model_fields) if current else []


def _suggest_key(name: str, keys: list[str]) -> list[str]:
    """The key an editor meant: one the wrong key starts or ends with
    ("ten_don_vi" -> "ten"), else the nearest by edit distance."""
    strong = difflib.get_close_matches(name.lower(), keys, n=1, cutoff=0.8)
    if strong:
        return strong
    parts = name.lower().split("_")
    for cut in range(len(parts) - 1, 0, -1):  # the longest run of whole words first
        for piece in ("_".join(parts[:cut]), "_".join(parts[-cut:])):
            if piece in keys:
                return [piece]
    return difflib.get_close_matches(name.lower(), keys, n=1, cutoff=0.6)


def _convert(source: YamlSource, model: type[BaseModel], exc: ValidationError) -> list[DataError]:
    errors = []
    known = sorted(_field_names(model))
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if p != "[key]")
        kind = err["type"]
        found = ""
        hint = ""
        if kind == "missing":
            message = f"thiếu trường bắt buộc «{loc[-1]}»."
            hint = "thêm dòng «" + str(loc[-1]) + ": …» (xem hướng dẫn biên tập)."
            errors.append(source.error(loc, message, hint=hint))
            continue
        if kind == "extra_forbidden":
            name = str(loc[-1])
            close = _suggest_key(name, _keys_at(model, loc[:-1]) or known)
            hint = f"có phải «{close[0]}»?" if close else "xóa trường này, hoặc xem hướng dẫn biên tập."
            errors.append(source.error(loc, f"trường «{name}» không có trong mẫu dữ liệu.", hint=hint))
            continue
        if kind == "du_lieu":
            message = err["msg"]
        elif kind in _TYPE_MESSAGES:
            message = _TYPE_MESSAGES[kind]
        elif kind == "too_short":
            message = "không được để trống"
        elif kind in ("greater_than_equal", "less_than_equal"):
            sign = "≥" if kind == "greater_than_equal" else "≤"
            limit = err["ctx"].get("ge", err["ctx"].get("le"))
            message = f"phải {sign} {limit}"
        else:
            message = err["msg"]
        raw = source.coerced.get(loc)
        value = err.get("input")
        if value is None and raw is None and kind in _TYPE_MESSAGES:
            # "ten:" with nothing after it: YAML reads an empty value, not "wrong type".
            errors.append(source.error(loc, "Chưa có giá trị (để trống sau dấu hai chấm).",
                                       hint="viết giá trị sau dấu hai chấm, hoặc xóa cả dòng nếu trường không bắt buộc."))
            continue
        if kind == "string_type" and raw is None and isinstance(value, (int, float)) and not isinstance(value, bool):
            # ma: 608 unquoted is a number; codes and names are text.
            hint = f"viết trong dấu nháy kép: \"{value}\"."
        if raw is not None:
            found = raw
        if raw is not None and kind != "du_lieu":
            hint = (f"YAML tự đổi «{raw}» (không có dấu nháy) thành kiểu khác; "
                            f"hãy viết trong dấu nháy kép: \"{raw}\".")
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            found = str(value)[:120]
        errors.append(source.error(loc, message[0].upper() + message[1:] + ("" if message.endswith(".") else "."),
                                   found=found, hint=hint))
    return errors


def load_site(root: Path) -> Site:
    """Read and validate data/ under `root`. Raises DataErrors with every problem."""
    root = Path(root)
    errors: list[DataError] = []
    models: dict = {}
    sources: dict = {}
    with reading("data/"):
        errors += datafiles.unexpected_files(root, [rel for rel, _ in FILES.values()] + RESULTS_FILES,
                                             [rel for rel, _ in FOLDERS.values()] + RESULTS_FOLDERS)
    for name, (rel, model) in FILES.items():
        with reading(rel):
            errors += _load_one(root / rel, rel, name, model, models, sources)
    for name, (rel, model) in FOLDERS.items():
        models[name] = {}
        folder = root / rel
        items = sorted(p for p in folder.iterdir() if p.is_file() and datafiles.valid_item_name(p.name)) \
            if folder.is_dir() and not datafiles.too_many(folder) else []
        for path in items:
            display = f"{rel}/{path.name}"
            with reading(display):
                errors += _load_one(path, display, f"{name}/{path.stem}", model, models[name], sources,
                                    key=path.stem)
    with reading("data/ (kiểm tra chéo giữa các tệp)"):
        errors += checks.cross_check_available(models, sources)
        errors += changes_model.cross_check(models, sources)
        # The handbook checks need every file they compare; they wait until those validate.
        if all(name in models for name in handbook_checks.NEEDS):
            errors += handbook_checks.cross_check(models, sources)
    if errors:
        raise DataErrors(errors)
    extra = {k: v for k, v in models.items() if k not in ("units", "org", "plan")}
    site = Site(root, models["units"], models["org"], models["plan"], sources, extra)
    with reading("data/ (địa chỉ các trang)"):
        from .render.pages import page_origins  # render imports this module

        errors += paths_unique.collisions(page_origins(site, root / "docs"))
    if errors:
        raise DataErrors(errors)
    return site


def _load_one(path: Path, display: str, source_name: str, model, into: dict, sources: dict,
              key: str | None = None) -> list[DataError]:
    """Read and validate one file into `into[key or source_name]`; its errors."""
    try:
        source = read_yaml(path, display)
    except DataErrors as exc:
        return exc.errors
    sources[source_name] = source
    try:
        into[key or source_name] = model.model_validate(source.data)
    except ValidationError as exc:
        return _convert(source, model, exc)
    return []

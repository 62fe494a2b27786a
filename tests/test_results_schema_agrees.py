"""schema/ket-qua.schema.json (what the editor's YAML extension checks while a results file is typed) and the
loader (macros/results/load.validate_unit, what the build accepts) agree on which fields of a unit's results
are required, both ways: a field the schema requires is refused absent by the loader of every plan, and a
field every plan's loader refuses absent is required by the schema (the schema serves every plan). Before,
the schema required «so_nguoi_dtts», which the loader of a plan naming no group to count apart accepts absent
(and refuses present): the extension flagged a correct file (review r19o, defect 3).
In-process, on small results of two plans: the 2023 plan (counts «dân tộc thiểu số») and the commune fixture
(names no group)."""

import json

import pytest
import yaml

from macros import period as P
from macros.loader import load_website, load_site
from macros.results.load import validate_unit
from macros.results.model import counts_group
from macros.yamlsrc import read_yaml
from tests.sitebuild import ROOT, one_plan_project

SCHEMA = json.loads((ROOT / "schema" / "ket-qua.schema.json").read_text(encoding="utf-8"))
FAR = __import__("datetime").date(2100, 1, 1)  # the build's day: every date of the results is past


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    xa = one_plan_project(tmp_path_factory.mktemp("xa") / "du-an", ROOT / "tests" / "fixtures" / "ke-hoach-xa-cau-truc",
                          "ke-hoach-xa", "Kế hoạch của xã dùng để kiểm thử")
    both = [load_site(ROOT), load_website(xa).plans[0]]
    assert [counts_group(s.plan) for s in both] == [True, False]  # one plan of each kind
    return both


def _full(site) -> dict:
    """Results of `site` with every field the plan's loader takes filled (the count apart only where the plan
    names a group: elsewhere it is refused)."""
    code = site.units[0].ma
    day = P.first_day(site.plan.thoi_gian_dia_diem).strftime("%d/%m/%Y")
    conference = {"ngay": day, "dia_diem": "Nhà văn hóa", "so_nguoi": 10,
                  **({"so_nguoi_dtts": 4} if counts_group(site.plan) else {}),
                  "noi_dung": [site.plan.noi_dung.muc[0].ma]}
    return {"don_vi": code,
            "dia_ban": [{"xa": "Xã thử", "khu_dan_cu": ["Thôn 1"]}],
            "khao_sat": {"ngay": day, "ket_qua": "Đời sống ổn định."},
            "hoi_nghi": [conference],
            "kinh_phi": {"chi": [{"so_tien": 100000, "chung_tu": "PC-01", "noi_dung": "Nước uống"}],
                         "giai_trinh": "Không."},
            "bao_cao": {"ngay_gui": site.sample_date.strftime("%d/%m/%Y"), "ban": site.assignment_of(code).ban}}


def _errors(site, data, tmp_path) -> list:
    path = tmp_path / "ket-qua.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, errors, _ = validate_unit(site, read_yaml(path, "ket-qua.yaml"), site.units[0].ma, FAR)
    return errors


def _objects():
    """(where in a results file, the schema's object there): the file itself and each object inside it."""
    defs = SCHEMA["$defs"]

    def ref(node):
        for option in [node, *node.get("anyOf", []), node.get("items", {})]:
            if "$ref" in option:
                return option["$ref"].rsplit("/", 1)[-1]
        return None

    out = [((), SCHEMA)]
    for key, node in SCHEMA["properties"].items():
        name = ref(node)
        if name is None:
            continue
        if node.get("type") == "array":
            out.append(((key, 0), defs[name]))
        else:
            out.append(((key,), defs[name]))
        for inner, sub in defs[name]["properties"].items():  # kinh_phi › chi
            if ref(sub) is not None:
                out.append(((key, inner, 0), defs[ref(sub)]))
    return out


def _without(data: dict, where: tuple, field: str) -> tuple[dict, bool]:
    """A deep copy of `data` without `field` at `where`; False when `data` had no such field there."""
    data = json.loads(json.dumps(data))
    node = data
    for step in where:
        node = node[step]
    return data, node.pop(field, None) is not None


def test_every_object_of_the_schema_is_checked():
    assert {w for w, _ in _objects()} == {(), ("dia_ban", 0), ("khao_sat",), ("hoi_nghi", 0), ("kinh_phi",),
                                          ("kinh_phi", "chi", 0), ("bao_cao",)}


def test_the_full_results_of_each_plan_are_accepted(sites, tmp_path):
    for site in sites:
        assert _errors(site, _full(site), tmp_path) == [], site.key


def test_schema_and_loader_agree_on_required_fields(sites, tmp_path):
    disagree = []
    for where, obj in _objects():
        required = set(obj.get("required", []))
        for field in obj["properties"]:
            refused = []
            for site in sites:
                data, had = _without(_full(site), where, field)
                refused.append(had and bool(_errors(site, data, tmp_path)))
            # required by the schema <=> refused absent by every plan's loader
            if (field in required) != all(refused):
                disagree.append(f"{'/'.join(map(str, where + (field,)))}: schema "
                                f"{'requires' if field in required else 'does not require'} it, loaders refuse "
                                f"its absence: {refused}")
    assert not disagree, "\n".join(disagree)


def test_the_count_apart_stays_compulsory_where_the_plan_names_the_group(sites, tmp_path):
    counted = sites[0]
    data, _ = _without(_full(counted), ("hoi_nghi", 0), "so_nguoi_dtts")
    errors = _errors(counted, data, tmp_path)
    assert errors and "so_nguoi_dtts" in str(errors[0]), errors

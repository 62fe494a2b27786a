"""Write a unit's results as the YAML an editor writes by hand: the modeline,
a comment, fields in the model's order, dates and codes in double quotes,
amounts written plainly, long text folded (>-) at 96 columns, short lists
on one line. The import of an Excel template writes through this, so a
template and a hand-written file give the same bytes.
"""

import json
import re
import textwrap

import yaml

from ..dates import format_date
from ..outputs import unit_name
from ..site import Site
from ..yamlsrc import SAFE_LOADER
from .model import UnitResults

SCHEMA = "../../../schema/ket-qua.schema.json"  # seen from data/<plan>/ket-qua/
WIDTH = 96
# A tab anywhere, and "?" in a list item: libyaml reads them plain, pure-Python PyYAML (the
# reader where libyaml is missing, and other YAML tools) refuses them: quoted (session 13 review).
_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$|^\d|\t")


def _plain_ok(text: str, flow: bool = False) -> bool:
    if not text or _PLAIN_UNSAFE.search(text) or (flow and re.search(r"[,\[\]{}?]", text)):
        return False
    try:
        # Read back by the parser the data files are read with (libyaml where there is one:
        # pure-Python PyYAML took 1.26 CPU-s for the 220 texts of one big report, libyaml 0.02).
        loaded = yaml.load(f"[{text}]" if flow else f"k: {text}", Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return False
    return loaded == ([text] if flow else {"k": text})


def scalar(text: str, flow: bool = False) -> str:
    return text if _plain_ok(text, flow) else json.dumps(text, ensure_ascii=False)


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def text_field(key: str, text: str, indent: int) -> list[str]:
    pad = " " * indent
    line = f"{pad}{key}: {scalar(text)}"
    if len(line) <= WIDTH:
        return [line]
    body = textwrap.wrap(text, width=WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
    return [f"{pad}{key}: >-"] + [f"{pad}  {b}" for b in body]


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"


def header(site: Site, code: str) -> list[str]:
    unit = site.unit(code)
    return [f"# yaml-language-server: $schema={SCHEMA}", "#",
            f"# Kết quả thực hiện kế hoạch của {unit_name(unit)} (mã {code}), chép từ báo cáo của đơn vị.",
            "# Cách ghi: xem CONTRIBUTING.md, mục «Kết quả của đơn vị».", ""]


def dump(site: Site, res: UnitResults) -> str:
    out = header(site, res.don_vi)
    out.append(f"don_vi: {quoted(res.don_vi)}")
    if res.dia_ban:
        out.append("dia_ban:")
        for area in res.dia_ban:
            out.append(f"  - xa: {scalar(area.xa)}")
            if area.khu_dan_cu:
                out.append(f"    khu_dan_cu: {flow_list(list(area.khu_dan_cu))}")
    if res.khao_sat is not None:
        out += ["khao_sat:", f"  ngay: {quoted(format_date(res.khao_sat.ngay))}"]
        out += text_field("ket_qua", res.khao_sat.ket_qua, 2)
    if res.hoi_nghi:
        out.append("hoi_nghi:")
        for conf in res.hoi_nghi:
            out.append(f"  - ngay: {quoted(format_date(conf.ngay))}")
            out += text_field("dia_diem", conf.dia_diem, 4)
            out.append(f"    so_nguoi: {conf.so_nguoi}")
            if conf.so_nguoi_dtts is not None:  # none when the plan names no group to count apart
                out.append(f"    so_nguoi_dtts: {conf.so_nguoi_dtts}")
            out.append(f"    noi_dung: {flow_list(list(conf.noi_dung))}")
    if res.kinh_phi.chi or res.kinh_phi.giai_trinh:
        out.append("kinh_phi:")
        if res.kinh_phi.chi:
            out.append("  chi:")
            for e in res.kinh_phi.chi:
                out.append(f"    - so_tien: {e.so_tien}")
                out.append(f"      chung_tu: {scalar(e.chung_tu)}")
                if e.noi_dung:
                    out += text_field("noi_dung", e.noi_dung, 6)
        if res.kinh_phi.giai_trinh:
            out += text_field("giai_trinh", res.kinh_phi.giai_trinh, 2)
    if res.bao_cao is not None:
        out += ["bao_cao:", f"  ngay_gui: {quoted(format_date(res.bao_cao.ngay_gui))}"]
        if res.bao_cao.ban:
            out += [f"  ban: {res.bao_cao.ban}"]
    return "\n".join(out) + "\n"

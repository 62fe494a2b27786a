"""Pydantic's validation errors, translated into DataErrors an editor can act on:
Vietnamese message, file, line, column, field, the value found and a hint."""

import difflib
import re
import typing

from pydantic import BaseModel, ValidationError

from . import period
from .errors import DataError
from .yamlsrc import YamlSource, value_at

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


_OTHER_MESSAGES = {
    "string_pattern_mismatch": "giá trị không đúng dạng cho phép ở trường này (xem hướng dẫn biên tập)",
    "string_too_long": "đoạn chữ quá dài",
    "too_long": "danh sách quá dài",
    "literal_error": "giá trị không thuộc các giá trị cho phép",
    "enum": "giá trị không thuộc các giá trị cho phép",
    "bool_parsing": "cần «true» hoặc «false»",
    "float_type": "cần một số",
    "float_parsing": "cần một số",
    "date_type": "cần một ngày, viết trong dấu nháy dạng ngày/tháng/năm",
    "date_parsing": "cần một ngày, viết trong dấu nháy dạng ngày/tháng/năm",
    "value_error": "giá trị không hợp lệ",
    "assertion_error": "giá trị không hợp lệ",
    "recursion_loop": "dữ liệu lồng nhau vòng quanh",
    "finite_number": "cần một số có thật (không phải .inf hay .nan)",
}


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
    """The field names allowed where `loc` (pydantic's, with the tags of unions: "kinh_phi") points:
    the model of that mapping; a union's member is the one its tag names (a section's `loai`)."""
    candidates = _models_at(model, loc)
    return sorted(candidates[0].model_fields) if candidates else []


def _optional(model: type[BaseModel], loc: tuple) -> bool:
    """Whether the field `loc` (pydantic's) names has a default in the model: a line the editor may leave out."""
    if not loc or not isinstance(loc[-1], str):
        return False
    having = [m for m in _models_at(model, loc[:-1]) if loc[-1] in m.model_fields]
    return bool(having) and all(not m.model_fields[loc[-1]].is_required() for m in having)


def _models_at(model: type[BaseModel], loc: tuple) -> list:
    candidates = [model]
    for part in loc:
        if isinstance(part, int):
            continue
        having = [m for m in candidates if part in m.model_fields]
        if not having:
            tagged = [m for m in candidates if "loai" in m.model_fields
                      and part in typing.get_args(m.model_fields["loai"].annotation)]
            if not tagged:
                return []
            candidates = tagged
            continue
        candidates = [n for m in having for n in _nested_models(m.model_fields[part].annotation)]
        if not candidates:
            return []
    return candidates


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




def _missing_point_hint(data, loc: tuple) -> str | None:
    """For a time section's bat_dau or ket_thuc left out while its own words (doan) write it: the value as
    the words give it, to copy (review bad9b p13l: «ket_thuc» deleted, the words «… - 31/12/…»)."""
    section = value_at(data, loc[:-1])
    if not isinstance(section, dict) or section.get("loai") != "thoi_gian_dia_diem" \
            or loc[-1] not in ("bat_dau", "ket_thuc") or not isinstance(section.get("doan"), list):
        return None
    text = " ".join(line for line in section["doan"] if isinstance(line, str))
    try:
        said = period.read_phrase(text)
    except ValueError:
        return None
    point = None if said is None else said[0 if loc[-1] == "bat_dau" else 1]
    if point is None:
        return None
    return (f"{loc[-1]}: \"{point.words.removeprefix('tháng ')}\" (lời văn của mục ghi «{said[2]}»); "
            f"văn bản không ghi mốc này thì giữ lời văn và hỏi người quản lý website.")


def _in_data(data, loc: tuple, missing: bool = False) -> tuple:
    """The path of `loc` in the file: a part the data does not have on the way (the tag
    pydantic adds for a member of a union: "kinh_phi", "chu") is dropped, so that the
    line is the value's and the field is named as the editor wrote it."""
    out, node = [], data
    for n, part in enumerate(loc):
        last = n == len(loc) - 1
        after = None if last else loc[n + 1]
        if (isinstance(node, dict) and part in node and isinstance(after, str) and after in node
                and not (isinstance(node[part], dict) and after in node[part])):
            continue  # a union's tag that is also a key of this mapping («bang»): the next part is this mapping's
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and last and missing:
            pass  # a missing key: named as the model names it
        else:
            continue
        out.append(part)
    return tuple(out)


def translate(source: YamlSource, model: type[BaseModel], exc: ValidationError) -> list[DataError]:
    errors = []
    items: dict[tuple, tuple[int, list[str]]] = {}  # (list's path, message, hint) -> (index in errors, values)
    known = sorted(_field_names(model))
    for err in exc.errors(include_url=False):
        tagged_loc = tuple(p for p in err["loc"] if p != "[key]")
        loc = _in_data(source.data, tagged_loc, missing=err["type"] == "missing")
        kind = err["type"]
        found = ""
        hint = ""
        if kind == "missing":
            message = f"thiếu trường bắt buộc «{loc[-1]}»."
            hint = _missing_point_hint(source.data, loc) or ("thêm dòng «" + str(loc[-1]) + ": …» (xem hướng dẫn biên tập).")
            errors.append(source.error(loc, message, hint=hint))
            continue
        if kind == "extra_forbidden":
            name = str(loc[-1])
            close = _suggest_key(name, _keys_at(model, tagged_loc[:-1]) or known)
            hint = f"có phải «{close[0]}»?" if close else "xóa trường này, hoặc xem hướng dẫn biên tập."
            errors.append(source.error(loc, f"trường «{name}» không có trong mẫu dữ liệu.", hint=hint))
            continue
        if kind == "du_lieu":
            message = err["msg"]
        elif kind in _TYPE_MESSAGES:
            message = _TYPE_MESSAGES[kind]
        elif kind == "too_short":
            message = "không được để trống"
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            sign = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}[kind]
            ctx = err.get("ctx") or {}
            limit = next((ctx[k] for k in ("ge", "le", "gt", "lt") if k in ctx), "")
            message = f"phải {sign} {limit}"
        else:
            # Never pydantic's English ("String should match pattern '^…'"): what is wrong, in Vietnamese.
            message = _OTHER_MESSAGES.get(kind, "giá trị không đúng dạng cần có ở trường này (xem hướng dẫn biên tập)")
        if message.rstrip(".").lower() == "không được để trống" and _optional(model, tagged_loc):
            # review bad10 #11: a blank optional value — the editor may leave the line out
            hint = f"ghi giá trị, hoặc bỏ dòng này («{loc[-1]}: …», trường không bắt buộc)."
        raw = source.coerced.get(loc)
        value = err.get("input")
        if value is None and raw is None and kind in _TYPE_MESSAGES:
            # "ten:" with nothing after it: YAML reads an empty value, not "wrong type".
            label = getattr(source, "label", None)
            if label is not None:  # a blank cell of a filled Excel template (import_report.SheetSource): no YAML words
                errors.append(source.error(loc, "Ô này còn trống, cần điền.", hint=f"điền vào {label(loc)} ở dòng này."))
            else:
                errors.append(source.error(loc, "Chưa có giá trị (để trống sau dấu hai chấm).",
                                           hint="viết giá trị sau dấu hai chấm, hoặc xóa cả dòng nếu trường không bắt buộc."))
            continue
        if kind == "string_type" and raw is None and isinstance(value, (int, float)) and not isinstance(value, bool):
            # ma: 608 unquoted is a number; codes and names are text.
            hint = f"viết trong dấu nháy kép: \"{value}\"."
        if kind == "literal_error":  # name the values the field takes (review bad9, 12: «nguoi_gui: đơn vị»)
            allowed = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
            if allowed:
                message += ": " + ", ".join(allowed)
                hint = "viết đúng một trong các chữ: " + ", ".join(allowed) + " (chữ thường, không dấu nháy)."
            if isinstance(value, list):
                hint += " Không viết trong ngoặc vuông [ ]: chỉ một giá trị."
        if kind == "bool_type" and isinstance(value, str):
            hint = ("bỏ dấu nháy: viết " + value.strip().lower() + " (trong dấu nháy là chữ, không phải true/false)."
                    if value.strip().lower() in ("true", "false") else
                    "viết true (có) hoặc false (không), chữ thường, không dấu nháy.")
        if (kind == "du_lieu" and isinstance(value, dict) and len(value) == 1
                and isinstance(next(iter(value)), str) and next(iter(value)) not in known
                and isinstance(next(iter(value.values())), (str, int, float))):
            # «- Thời gian thực hiện: Quý III/… …» unquoted: YAML reads «chữ: chữ» as a group (review bad9, 12)
            key, rest = next(iter(value.items()))
            line = f"{key}: {rest}"
            found = line[:120] + ("…" if len(line) > 120 else "")
            hint = ("dòng chữ có dấu «: » nên YAML đọc thành một nhóm «tên: giá trị»; đặt cả dòng trong dấu nháy "
                    f"đơn: '{line[:80]}{'…' if len(line) > 80 else ''}'.")
        if raw is not None:
            found = raw
        if raw is not None and kind != "du_lieu":
            hint = (f"YAML tự đổi «{raw}» (không có dấu nháy) thành kiểu khác; "
                    f"hãy viết trong dấu nháy kép: \"{raw}\".")
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            found = str(value)[:120] + ("…" if len(str(value)) > 120 else "")
        message = message[0].upper() + message[1:] + ("" if message.endswith(".") else ".")
        if loc and isinstance(loc[-1], int) and getattr(source, "label", None) is None:  # YAML: a sheet's rows stay
            # the same mistake in several items of one list («o_gop: [1, 2]»): one error, at the list (review bad10 x6)
            same = items.setdefault((loc[:-1], message, hint), (len(errors), []))
            same[1].append(found)
            if len(same[1]) > 1:
                errors[same[0]] = source.error(loc[:-1], message.rstrip(".") + f"; {len(same[1])} mục của "
                                               "danh sách đều sai như vậy.", found=", ".join(f for f in same[1] if f),
                                               hint=hint)
                continue
        errors.append(source.error(loc, message, found=found, hint=hint))
    return errors


# YAML 1.1 words read as true/false: «moi_don_vi: yes» would be taken silently as true (review bad8); so are
# «True», «TRUE», «False»…: every form but «true» and «false» is refused alike (review bad9, 13).


def bool_words(source: YamlSource, already: list[DataError]) -> list[DataError]:
    """A true/false field written «yes», «no», «on», «off», «True», «TRUE»: YAML 1.1 turns the word into true or false without
    a word to the editor, so the field takes a value nobody wrote. Refused, with the form the field takes; a
    field whose type already refused the value (in `already`) is not named twice."""
    taken = {(e.line, e.column) for e in already}
    errors = []
    for path, raw in source.coerced.items():
        if raw in ("true", "false") or not isinstance(value_at(source.data, path), bool):
            continue
        error = source.error(path, f"YAML 1.1 tự đổi «{raw}» (không có dấu nháy) thành "
                                   f"{'true' if value_at(source.data, path) else 'false'}: trường này chỉ nhận "
                                   "«true» hoặc «false», viết đúng một trong hai chữ đó.", found=raw,
                             hint="viết true (có) hoặc false (không), chữ thường, không dấu nháy.")
        if (error.line, error.column) not in taken:
            errors.append(error)
    return errors

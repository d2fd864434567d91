"""What each document kind needs before it can be rendered (models/rules/required_fields.json).

Paths point into a record dict (docs/records.md):

    review_date               a top-level value
    core_group.date           a value inside an object
    children                  a non-empty list
    children[].decision       every child needs a decision
    children[plan].category   only children on a plan ("plan made" / "plan continued")

A value is missing when it is absent, None, an empty string or an empty list.  `missing()`
names the missing fields by their labels; `fill_missing()` puts visible "[MISSING: label]"
placeholders in their place for `--draft`.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..errors import ConfigError, RenderError
from ..resources import models_dir

FILE_KEYS = ("version", "note", "kinds")
KIND_KEYS = ("record", "fields")
FIELD_KEYS = ("path", "label")
RECORD_KINDS = ("conference", "committee")
PLAN_DECISIONS = ("plan made", "plan continued")
MISSING = "[MISSING: {label}]"


@dataclass(frozen=True, slots=True)
class Field:
    path: str
    label: str


@dataclass(frozen=True, slots=True)
class KindSpec:
    kind: str
    record: str
    fields: tuple[Field, ...]


def default_path() -> Path:
    return models_dir() / "rules" / "required_fields.json"


def _check_keys(data: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def parse(data: Any, where: str = "required_fields.json") -> dict[str, KindSpec]:
    """Validate the file's content and return the specs by kind."""
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise ConfigError(f"{where}: expected an object with 'kinds'")
    _check_keys(data, FILE_KEYS, where)
    specs: dict[str, KindSpec] = {}
    for kind, entry in data["kinds"].items():
        at = f"{where}: kind '{kind}'"
        if not isinstance(entry, dict):
            raise ConfigError(f"{at} must be an object")
        _check_keys(entry, KIND_KEYS, at)
        if entry.get("record") not in RECORD_KINDS:
            raise ConfigError(f"{at}: 'record' must be one of {', '.join(RECORD_KINDS)}")
        fields = []
        for item in entry.get("fields", []):
            if not isinstance(item, dict):
                raise ConfigError(f"{at}: each field must be an object")
            _check_keys(item, FIELD_KEYS, at)
            if not isinstance(item.get("path"), str) or not isinstance(item.get("label"), str):
                raise ConfigError(f"{at}: each field needs a 'path' and a 'label'")
            fields.append(Field(item["path"], item["label"]))
        specs[kind] = KindSpec(kind, entry["record"], tuple(fields))
    return specs


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> dict[str, KindSpec]:
    """The specs from `path` (default: the bundled rules file)."""
    path = path or default_path()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read '{Path(path).name}': {exc}") from None
    return parse(data, Path(path).name)


def spec(kind: str) -> KindSpec:
    specs = load()
    if kind not in specs:
        raise RenderError(f"unknown document kind '{kind}'; use {', '.join(specs)}")
    return specs[kind]


def kinds() -> tuple[str, ...]:
    return tuple(load())


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple, dict)) and len(value) == 0)


def _split(path: str) -> tuple[str, str | None, str]:
    """'children[plan].category' -> ('children', 'plan', 'category'); no list part -> ('', None, path)."""
    if "[" in path:
        head, rest = path.split("[", 1)
        selector, tail = rest.split("]", 1)
        return head, selector, tail.lstrip(".")
    return "", None, path


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, Mapping):
            return None
        obj = obj.get(part)
    return obj


def _selected(items: Any, selector: str) -> list[Any]:
    items = [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []
    if selector == "plan":
        return [i for i in items if i.get("decision") in PLAN_DECISIONS]
    return items


def _field_missing(record: Mapping[str, Any], field: Field) -> bool:
    head, selector, tail = _split(field.path)
    if selector is None:
        return _empty(_get(record, tail))
    return any(_empty(_get(item, tail)) for item in _selected(_get(record, head), selector))


def missing(kind: str, record: Mapping[str, Any]) -> list[str]:
    """Labels of the fields `kind` needs that `record` lacks, in the order of the rules file."""
    return [f.label for f in spec(kind).fields if _field_missing(record, f)]


def _set(obj: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        if not isinstance(obj.get(part), dict):
            obj[part] = {}
        obj = obj[part]
    obj[parts[-1]] = value


def placeholder(label: str) -> str:
    return MISSING.format(label=label)


def fill_missing(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `record` with "[MISSING: label]" wherever a required field is missing.

    A missing list gets one placeholder entry whose name/title/text carry the marker.
    """
    out = copy.deepcopy(dict(record))
    for field in spec(kind).fields:
        if not _field_missing(out, field):
            continue
        mark = placeholder(field.label)
        head, selector, tail = _split(field.path)
        if selector is None:
            current = _get(out, tail)
            if tail in STRING_LISTS:
                _set(out, tail, [mark])
            elif isinstance(current, list) or tail in LIST_FIELDS:
                _set(out, tail, [{"name": mark, "title": mark, "text": mark, "what": mark}])
            else:
                _set(out, tail, mark)
            continue
        for item in _selected(_get(out, head), selector):
            if _empty(_get(item, tail)):
                _set(item, tail, mark)
    return out


# fields that hold lists in docs/records.md (so a placeholder keeps the list shape)
LIST_FIELDS = frozenset({"children", "attendees", "items", "plan_actions", "reports", "declarations", "actions"})
STRING_LISTS = frozenset({"distribution", "strengths", "risks", "report.recommendations", "report.purpose",
                          "report.background"})

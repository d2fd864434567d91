"""Front matter for agenda reports: a small YAML or TOML file with what notes do not contain.

    report:                       # (or the same keys at the top level)
      item: "25/24"               # the record's item this report is for (title, background)
      title: ...
      report_of: Director of Children's Services
      recommendations: [...]
      purpose: [...]

Unknown keys are refused with the allowed ones named.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml

from ..errors import RenderError

REPORT_KEYS = ("item", "title", "report_of", "strategic_aim", "exempt_information", "key_decision",
               "cabinet_member", "contact_officers", "wards", "recommendations_intro", "recommendations",
               "purpose", "background", "options", "implications", "conclusion", "background_papers",
               "appendices")
OFFICER_KEYS = ("name", "role", "phone", "email")
IMPLICATION_KEYS = ("financial", "legal", "risk", "equality", "safeguarding")


def load_front(path: Path) -> dict[str, Any]:
    """The `report` mapping from a .yaml/.yml/.toml file, validated."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        elif path.suffix.lower() in (".yaml", ".yml"):
            data = yaml.safe_load(text)
        else:
            raise RenderError(f"front matter '{path.name}' must be .yaml, .yml or .toml")
    except FileNotFoundError:
        raise RenderError(f"front matter file '{path.name}' does not exist") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        raise RenderError(f"front matter '{path.name}' cannot be read: {type(exc).__name__}; check its syntax") from None
    if isinstance(data, dict) and set(data) == {"report"}:
        data = data["report"]
    if not isinstance(data, dict):
        raise RenderError(f"front matter '{path.name}' must be a mapping of report fields")
    _check(data, REPORT_KEYS, path.name)
    for officer in data.get("contact_officers") or []:
        if isinstance(officer, dict):
            _check(officer, OFFICER_KEYS, f"{path.name} contact_officers")
    if isinstance(data.get("implications"), dict):
        _check(data["implications"], IMPLICATION_KEYS, f"{path.name} implications")
    return data


def _check(data: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise RenderError(f"unknown key(s) {', '.join(unknown)} in '{where}'; allowed: {', '.join(allowed)}")

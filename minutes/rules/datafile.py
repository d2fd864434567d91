"""Reading rule files from models/: one JSON object with known keys, rules with unique ids.

Every error names the file and what is wrong, in the words of the rule set that reads it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import ConfigError


def read_object(path: Path, what: str, allowed: Sequence[str]) -> dict[str, Any]:
    """The JSON object in `path`; refuses unknown top-level keys, naming the allowed ones."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{what} file '{path.name}' does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{what} file '{path.name}' cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{what} file '{path.name}' must hold an object with 'rules'")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ConfigError(f"{what} file '{path.name}': unknown key(s) {', '.join(unknown)}; "
                          f"allowed: {', '.join(allowed)}")
    return data


def require_unique_ids(ids: Iterable[str], what: str, name: str) -> None:
    ids = list(ids)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ConfigError(f"{what} file '{name}': duplicate id(s) {', '.join(duplicates)}")

"""Comparison figures (national, statistical neighbours) from a CSV, shown beside ours.

    measure,England,Statistical neighbours
    icpc_within_15_pct,78.4,81.0
    category_pct:Neglect,48.2,51.3
    risk_pct:Domestic abuse,,55

The first column is `measure` (ids in `tables.STATIC_MEASURES`, or a prefix of
`tables.MEASURE_PREFIXES` followed by a category, risk factor, agency or "initial"/"review");
each further column is a comparison group.  Values are numbers (a trailing "%" is allowed) or blank.
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..errors import InputError
from .tables import MEASURE_PREFIXES, STATIC_MEASURES

MAX_BYTES = 1_000_000


def known_measure(measure: str) -> bool:
    return measure in STATIC_MEASURES or any(measure.startswith(p) and len(measure) > len(p)
                                             for p in MEASURE_PREFIXES)


def load_compare(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """(comparison groups, {measure: {group: value}}) from a CSV file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(path, "a comparison file must be under 1 MB")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "the file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read as UTF-8 text ({exc.__class__.__name__})") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows or not rows[0] or rows[0][0].strip().lower() != "measure" or len(rows[0]) < 2:
        raise InputError(path, "the first line must be 'measure,<group>[,<group>...]'")
    groups = [g.strip() for g in rows[0][1:]]
    if any(not g for g in groups) or len(set(groups)) != len(groups):
        raise InputError(path, "comparison group names in the first line must be present and distinct")
    out: dict[str, dict[str, str]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        measure = row[0].strip()
        if not known_measure(measure):
            raise InputError(path, f"unknown measure '{measure}' on line {line}; use one of "
                                   f"{', '.join(STATIC_MEASURES)} or a prefix {', '.join(MEASURE_PREFIXES)}")
        values = {}
        for group, cell in zip(groups, row[1:]):
            cell = cell.strip()
            if cell:
                try:
                    float(cell.rstrip("%"))
                except ValueError:
                    raise InputError(path, f"line {line}, column '{group}': '{cell[:20]}' is not a number") from None
                values[group] = cell
        out[measure] = values
    return groups, out

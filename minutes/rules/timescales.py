"""Statutory timescales as data (models/rules/timescales.json) and checks against them.

Each rule says which date starts the clock (`from`), which date stops it (`to`), the conference
types it applies to, and either `working_days` or calendar `months`.  Local procedures differ,
so `Settings.timescales` may override a rule's period by id:

    [minutes.timescales]
    conference_record = {working_days = 20}
    later_review = {months = 5}

Conventions:
- A working-day rule is due on the n-th working day after the start (`add_working_days`).
- A month rule is due on the same day n months later, clamped to the month's end; when that is
  not a working day the due date moves back to the last working day before it, since a
  conference cannot be held on a weekend or bank holiday.
- `days_late` counts working days after the due date up to and including the actual date (or
  today, when overdue), and is at least 1 for anything late.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Mapping

from ..errors import ConfigError
from .datafile import read_object, require_unique_ids
from ..resources import models_dir
from .calendar import (DEFAULT_NATION, add_months, add_working_days, previous_working_day,
                       working_days_between)

RULE_KEYS = ("id", "label", "from", "to", "applies_to", "working_days", "months", "needs_plan", "note")
PERIOD_KEYS = ("working_days", "months")
FILE_KEYS = ("version", "source", "rules")
Status = Literal["on time", "late", "not yet due", "overdue"]


@dataclass(frozen=True, slots=True)
class Timescale:
    """One statutory timescale; exactly one of `working_days` and `months` is set."""

    id: str
    label: str
    from_field: str
    to_field: str
    applies_to: tuple[str, ...]
    working_days: int | None = None
    months: int | None = None
    needs_plan: bool = False      # only when a child is on a plan after the conference

    def applies(self, conference_type: str) -> bool:
        """True when the rule covers this conference type ("initial", "review" ...)."""
        return conference_type in self.applies_to


@dataclass(frozen=True, slots=True)
class Compliance:
    """How one record met one timescale."""

    rule_id: str
    due: date
    actual: date | None
    status: Status
    days_late: int


def default_path() -> Path:
    return models_dir() / "rules" / "timescales.json"


def _period(value: Any, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: '{key}' must be a whole number of 0 or more")
    return value


def _check_period(entry: Mapping[str, Any], where: str) -> tuple[int | None, int | None]:
    given = [k for k in PERIOD_KEYS if k in entry]
    if len(given) != 1:
        raise ConfigError(f"{where}: give exactly one of {', '.join(PERIOD_KEYS)}")
    key = given[0]
    value = _period(entry[key], key, where)
    return (value, None) if key == "working_days" else (None, value)


def _rule(entry: Any, source: str) -> Timescale:
    if not isinstance(entry, Mapping):
        raise ConfigError(f"timescale rules in '{source}' must be objects")
    where = f"timescale '{entry.get('id', '?')}' in '{source}'"
    unknown = sorted(set(entry) - set(RULE_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(RULE_KEYS)}")
    missing = [k for k in ("id", "label", "from", "to", "applies_to") if k not in entry]
    if missing:
        raise ConfigError(f"{where}: missing key(s) {', '.join(missing)}")
    applies = entry["applies_to"]
    if not isinstance(applies, list) or not all(isinstance(a, str) for a in applies):
        raise ConfigError(f"{where}: 'applies_to' must be a list of conference types")
    working_days, months = _check_period(entry, where)
    needs_plan = entry.get("needs_plan", False)
    if not isinstance(needs_plan, bool):
        raise ConfigError(f"{where}: 'needs_plan' must be true or false")
    return Timescale(str(entry["id"]), str(entry["label"]), str(entry["from"]), str(entry["to"]),
                     tuple(applies), working_days, months, needs_plan)


@lru_cache(maxsize=8)
def _load_file(path: Path) -> tuple[Timescale, ...]:
    data = read_object(path, "timescales", FILE_KEYS)
    rules = tuple(_rule(e, path.name) for e in data.get("rules", []))
    require_unique_ids((r.id for r in rules), "timescales", path.name)
    return rules


def apply_overrides(rules: Mapping[str, Timescale],
                    overrides: Mapping[str, Any]) -> dict[str, Timescale]:
    """Rules with local periods: {rule id: {"working_days": n} or {"months": n}}."""
    out = dict(rules)
    for rule_id, change in overrides.items():
        if rule_id not in out:
            raise ConfigError(f"setting 'timescales': unknown rule '{rule_id}'; "
                              f"allowed: {', '.join(sorted(out))}")
        where = f"setting 'timescales.{rule_id}'"
        if not isinstance(change, Mapping):
            raise ConfigError(f"{where} must be a table such as {{working_days = 15}}")
        unknown = sorted(set(change) - set(PERIOD_KEYS))
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; "
                              f"allowed: {', '.join(PERIOD_KEYS)}")
        working_days, months = _check_period(change, where)
        out[rule_id] = replace(out[rule_id], working_days=working_days, months=months)
    return out


def load_rules(path: Path | None = None,
               overrides: Mapping[str, Any] | None = None) -> dict[str, Timescale]:
    """The timescale rules by id, from `path` (default: the bundled file), with local overrides."""
    rules = {r.id: r for r in _load_file(Path(path) if path else default_path())}
    return apply_overrides(rules, overrides or {})


def due_date(rule: Timescale, start: date, nation: str = DEFAULT_NATION) -> date:
    """The last day on which the rule is met for a clock started on `start`."""
    if rule.working_days is not None:
        return add_working_days(start, rule.working_days, nation)
    return previous_working_day(add_months(start, rule.months or 0), nation)


def assess(rule: Timescale, start: date, actual: date | None, today: date | None = None,
           nation: str = DEFAULT_NATION) -> Compliance:
    """Whether `actual` met the rule, or (with no actual date) whether it is overdue by `today`."""
    today = today or date.today()
    due = due_date(rule, start, nation)
    if actual is not None:
        if actual <= due:
            return Compliance(rule.id, due, actual, "on time", 0)
        return Compliance(rule.id, due, actual, "late", max(1, working_days_between(due, actual, nation)))
    if today <= due:
        return Compliance(rule.id, due, None, "not yet due", 0)
    return Compliance(rule.id, due, None, "overdue", max(1, working_days_between(due, today, nation)))

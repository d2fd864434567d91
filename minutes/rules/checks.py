"""Completeness checks before sign-off, as data (models/rules/checks.json).

Each rule names a `check` kind implemented here, a severity and a message.  Kinds:
- `missing`: the field (a dotted path) is empty; with `"when": "plan"` only if a child is on a plan.
- `child_missing` / `plan_child_missing`: a child (or a child on a plan) lacks the field.
- `mentioned_not_recorded`: one of `patterns` (regular expressions, case-insensitive) occurs in the
  `search` fields, but `field` is empty ("sections[].text" searches the extraction's sections when
  they are passed in).
- `review_beyond_limit`: the review date set is later than the first or later review timescale.
- `not_working_day`: the date in `field` is a weekend or bank holiday of Settings.nation.
- `excluded_on_distribution`: a family member excluded from part of the conference is on the
  distribution list (by name, by role, or by a family term such as "Parents").
- `is_false`: the field is explicitly false.

Messages name children by initials or pseudonym and people by role, never by full name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..config import Settings
from ..errors import ConfigError
from .datafile import read_object, require_unique_ids
from ..resources import models_dir
from .calendar import is_working_day, working_days_between
from .due import PLAN_DECISIONS, conference_type, has_plan, parse_date, rules_for
from .timescales import due_date

FILE_KEYS = ("version", "note", "family_distribution_terms", "rules")
RULE_KEYS = ("id", "check", "severity", "message", "field", "when", "search", "patterns")
SEVERITIES = ("error", "warning")


@dataclass(frozen=True, slots=True)
class CheckRule:
    """One completeness rule."""

    id: str
    check: str
    severity: str
    message: str
    field: str | None = None
    when: str | None = None
    search: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a chair would be criticised for."""

    rule_id: str
    severity: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule_id, "severity": self.severity, "message": self.message}


@dataclass(frozen=True, slots=True)
class CheckSet:
    rules: tuple[CheckRule, ...]
    family_terms: tuple[str, ...]


def default_path() -> Path:
    return models_dir() / "rules" / "checks.json"


def _rule(entry: Any, source: str) -> CheckRule:
    if not isinstance(entry, Mapping):
        raise ConfigError(f"check rules in '{source}' must be objects")
    where = f"check '{entry.get('id', '?')}' in '{source}'"
    unknown = sorted(set(entry) - set(RULE_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(RULE_KEYS)}")
    missing = [k for k in ("id", "check", "severity", "message") if k not in entry]
    if missing:
        raise ConfigError(f"{where}: missing key(s) {', '.join(missing)}")
    if entry["check"] not in CHECKS:
        raise ConfigError(f"{where}: unknown check '{entry['check']}'; allowed: {', '.join(sorted(CHECKS))}")
    if entry["severity"] not in SEVERITIES:
        raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    if entry["check"] in NEEDS_FIELD and not entry.get("field"):
        raise ConfigError(f"{where}: check '{entry['check']}' needs a 'field'")
    try:
        patterns = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("patterns", []))
    except re.error as exc:
        raise ConfigError(f"{where}: bad pattern: {exc}") from None
    return CheckRule(str(entry["id"]), entry["check"], entry["severity"], str(entry["message"]),
                     entry.get("field"), entry.get("when"), tuple(entry.get("search", [])), patterns)


@lru_cache(maxsize=8)
def load_checks(path: Path | None = None) -> CheckSet:
    """The completeness rules from `path` (default: the bundled models/rules/checks.json)."""
    path = Path(path) if path else default_path()
    data = read_object(path, "checks", FILE_KEYS)
    rules = tuple(_rule(e, path.name) for e in data.get("rules", []))
    require_unique_ids((r.id for r in rules), "checks", path.name)
    terms = tuple(str(t).lower() for t in data.get("family_distribution_terms", []))
    return CheckSet(rules, terms)


# -- reading record dicts -------------------------------------------------------------------

def values_at(record: Mapping[str, Any], path: str) -> list[Any]:
    """Values at a path such as "core_group.date", "children[].decision" or "notes[]"."""
    current: list[Any] = [record]
    for part in path.split("."):
        many = part.endswith("[]")
        key = part[:-2] if many else part
        nxt: list[Any] = []
        for item in current:
            value = item.get(key) if isinstance(item, Mapping) else None
            if many:
                nxt.extend(value or [])
            else:
                nxt.append(value)
        current = nxt
    return current


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple, dict)) and not (
        value.strip() if isinstance(value, str) else value))


def _child_label(child: Mapping[str, Any], index: int) -> str:
    return str(child.get("initials") or child.get("child_id") or f"#{index + 1}")


# -- the check kinds ------------------------------------------------------------------------

Context = dict[str, Any]


def _missing(rule: CheckRule, record: Mapping[str, Any], ctx: Context) -> list[dict[str, Any]]:
    if rule.when == "plan" and not has_plan(record):
        return []
    values = values_at(record, rule.field or "")
    return [{}] if all(_empty(v) for v in values) else []


def _child_missing(rule: CheckRule, record: Mapping[str, Any], ctx: Context,
                   only_plan: bool = False) -> list[dict[str, Any]]:
    out = []
    for i, child in enumerate(record.get("children") or []):
        if only_plan and child.get("decision") not in PLAN_DECISIONS:
            continue
        if _empty(child.get(rule.field or "")):
            out.append({"child": _child_label(child, i)})
    return out


def _mentioned(rule: CheckRule, record: Mapping[str, Any], ctx: Context) -> list[dict[str, Any]]:
    if not _empty(record.get(rule.field or "")):
        return []
    source = {**record, "sections": ctx.get("sections") or []}
    for path in rule.search:
        for text in values_at(source, path):
            if isinstance(text, str) and any(p.search(text) for p in rule.patterns):
                return [{}]
    return []


def _review_beyond(rule: CheckRule, record: Mapping[str, Any], ctx: Context) -> list[dict[str, Any]]:
    review = parse_date(record.get("review_date"))
    held = parse_date(record.get("conference_date"))
    if review is None or held is None or not has_plan(record):
        return []
    settings: Settings = ctx["settings"]
    kind = conference_type(record)
    for timescale in rules_for(settings).values():
        if timescale.to_field == "next_review_date" and timescale.applies(kind):
            limit = due_date(timescale, held, settings.nation)
            if review > limit:
                return [{"date": review.isoformat(),
                         "days": working_days_between(limit, review, settings.nation) or 1}]
    return []


def _not_working(rule: CheckRule, record: Mapping[str, Any], ctx: Context) -> list[dict[str, Any]]:
    nation = ctx["settings"].nation
    out = []
    for value in values_at(record, rule.field or ""):
        when = parse_date(value)
        if when is not None and not is_working_day(when, nation):
            out.append({"date": when.isoformat()})
    return out


def _excluded(rule: CheckRule, record: Mapping[str, Any], ctx: Context) -> list[dict[str, Any]]:
    distribution = [str(d).strip().lower() for d in record.get("distribution") or [] if d]
    if not distribution:
        return []
    terms: Sequence[str] = ctx["family_terms"]
    generic = any(entry in terms for entry in distribution)
    out = []
    for person in record.get("attendees") or []:
        if not person.get("family") or not person.get("excluded_from"):
            continue
        name = str(person.get("name") or "").strip().lower()
        role = str(person.get("role") or "").strip().lower()
        named = any(e and (e == name or e == role or (name and name in e)) for e in distribution)
        if named or generic:
            out.append({"who": f"the {role}" if role else "a family member"})
    return out


def _is_false(rule: CheckRule, record: Mapping[str, Any], ctx: Context) -> list[dict[str, Any]]:
    return [{}] if any(v is False for v in values_at(record, rule.field or "")) else []


CHECKS: dict[str, Callable[..., list[dict[str, Any]]]] = {
    "missing": _missing,
    "child_missing": _child_missing,
    "plan_child_missing": lambda rule, record, ctx: _child_missing(rule, record, ctx, only_plan=True),
    "mentioned_not_recorded": _mentioned,
    "review_beyond_limit": _review_beyond,
    "not_working_day": _not_working,
    "excluded_on_distribution": _excluded,
    "is_false": _is_false,
}
NEEDS_FIELD = {"missing", "child_missing", "plan_child_missing", "mentioned_not_recorded",
               "not_working_day", "is_false"}


def check_record(record: Mapping[str, Any], settings: Settings,
                 sections: Iterable[Mapping[str, Any]] | None = None,
                 checks: CheckSet | None = None) -> list[Finding]:
    """What a chair would be criticised for in this conference record, errors first."""
    if record.get("kind", "conference") != "conference":
        return []
    checks = checks or load_checks()
    ctx: Context = {"settings": settings, "sections": list(sections or []),
                    "family_terms": checks.family_terms}
    found = []
    for rule in checks.rules:
        for values in CHECKS[rule.check](rule, record, ctx):
            found.append(Finding(rule.id, rule.severity, rule.message.format_map(_Blank(values))))
    found.sort(key=lambda f: SEVERITIES.index(f.severity))
    return found


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "?"

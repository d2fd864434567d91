"""Due dates and compliance flags for conference records (record dicts of docs/records.md).

For each timescale of models/rules/timescales.json that applies to the record's conference type,
`assess_record` finds the date that starts the clock and the date that stops it, and says whether
the step was on time, late by N working days, not yet due or overdue.  Rules marked `needs_plan`
(core group, reviews) apply only when a child is on a plan after the conference.

Where the stopping date comes from (record fields; docs/records.md):
- `conference_date`, `strategy_discussion_date`: the fields of the same name;
- `outcome_letter_date`: the optional field `outcome_letter_date`;
- `record_date`: the optional field `record_date` (the day the record was agreed and sent);
- `core_group_date`: `core_group.date` (the date set at the conference);
- `next_review_date`: the date of the next conference in the store for any of the same children
  (`link_next_conferences`), else the review date set at the conference (`review_date`).
A date after `today` has not happened yet: it is kept as `scheduled`, the status is "not yet due"
or "overdue" as of today, and a scheduled date past the due date is flagged.  When the start date
is missing the status is "unknown".
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

from ..config import Settings
from .calendar import add_working_days, working_days_between
from .timescales import Timescale, assess, load_rules

PLAN_DECISIONS = frozenset({"plan made", "plan continued"})


@dataclass(frozen=True, slots=True)
class DueItem:
    """One timescale applied to one conference record."""

    record_id: Any
    rule_id: str
    label: str
    start: date | None
    due: date | None
    actual: date | None
    status: str            # on time | late | not yet due | overdue | unknown
    days_late: int
    scheduled: date | None = None   # a date set for the step that is still in the future
    scheduled_late: int = 0         # working days the scheduled date is past the due date

    @property
    def text(self) -> str:
        """The status in words: "late by 2 working days", "not yet due" ..."""
        if self.status in ("late", "overdue"):
            unit = "working day" if self.days_late == 1 else "working days"
            return f"{self.status} by {self.days_late} {unit}"
        if self.status == "unknown":
            return "unknown (no start date recorded)"
        if self.scheduled_late:
            unit = "working day" if self.scheduled_late == 1 else "working days"
            return f"{self.status}, but set {self.scheduled_late} {unit} after the due date"
        return self.status

    def to_dict(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "rule": self.rule_id, "label": self.label,
                "start": _iso(self.start), "due": _iso(self.due), "actual": _iso(self.actual),
                "status": self.status, "days_late": self.days_late,
                "scheduled": _iso(self.scheduled), "text": self.text}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def parse_date(value: Any) -> date | None:
    """An ISO date (or the date part of an ISO timestamp) as a date; None when absent or bad."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def conference_type(record: Mapping[str, Any]) -> str:
    """The conference type as the timescale files spell it ("pre-birth" -> "pre_birth")."""
    return str(record.get("conference_type") or "").strip().lower().replace("-", "_").replace(" ", "_")


def has_plan(record: Mapping[str, Any]) -> bool:
    """True when any child is on a plan after this conference."""
    return any((c or {}).get("decision") in PLAN_DECISIONS for c in record.get("children") or [])


def child_ids(record: Mapping[str, Any]) -> list[str]:
    """The stable pseudonyms of the record's children (initials as a last resort)."""
    out = []
    for child in record.get("children") or []:
        key = (child or {}).get("child_id")
        if key:
            out.append(str(key))
    return out


def link_next_conferences(records: Iterable[Mapping[str, Any]]) -> dict[Any, date]:
    """record id -> date of the next conference for any of the same children (by child_id)."""
    dates: dict[str, list[date]] = {}
    keyed: list[tuple[Any, date, list[str]]] = []
    for record in records:
        when = parse_date(record.get("conference_date"))
        ids = child_ids(record)
        if when is None or not ids:
            continue
        keyed.append((record.get("id"), when, ids))
        for cid in ids:
            dates.setdefault(cid, []).append(when)
    for values in dates.values():
        values.sort()
    out: dict[Any, date] = {}
    for rid, when, ids in keyed:
        later = []
        for cid in ids:
            values = dates[cid]
            i = bisect_right(values, when)
            if i < len(values):
                later.append(values[i])
        if later:
            out[rid] = min(later)
    return out


def field_date(record: Mapping[str, Any], name: str, next_conference: date | None = None) -> date | None:
    """The date that a timescale's `from` or `to` names, read from a record dict."""
    if name == "core_group_date":
        return parse_date((record.get("core_group") or {}).get("date"))
    if name == "next_review_date":
        return next_conference or parse_date(record.get("review_date"))
    return parse_date(record.get(name))


def rules_for(settings: Settings) -> dict[str, Timescale]:
    """The timescale rules with this area's overrides (Settings.timescales)."""
    return load_rules(overrides=settings.timescales)


def assess_record(record: Mapping[str, Any], settings: Settings, today: date | None = None,
                  next_conference: date | None = None,
                  rules: Mapping[str, Timescale] | None = None) -> list[DueItem]:
    """Every timescale that applies to this conference record, with its due date and status."""
    if record.get("kind", "conference") != "conference":
        return []
    today = today or date.today()
    rules = rules if rules is not None else rules_for(settings)
    kind = conference_type(record)
    plan = has_plan(record)
    items = []
    for rule in rules.values():
        if not rule.applies(kind) or (rule.needs_plan and not plan):
            continue
        start = field_date(record, rule.from_field, next_conference)
        actual = field_date(record, rule.to_field, next_conference)
        if start is None:
            items.append(DueItem(record.get("id"), rule.id, rule.label, None, None, actual, "unknown", 0))
            continue
        scheduled = actual if actual is not None and actual > today else None
        result = assess(rule, start, None if scheduled else actual, today, settings.nation)
        late_by = 0
        if scheduled is not None and scheduled > result.due:
            late_by = max(1, working_days_between(result.due, scheduled, settings.nation))
        items.append(DueItem(record.get("id"), rule.id, rule.label, start, result.due, result.actual,
                             result.status, result.days_late, scheduled, late_by))
    return items


def summary(record: Mapping[str, Any], settings: Settings, today: date | None = None,
            next_conference: date | None = None) -> list[dict[str, Any]]:
    """Due dates and flags of one record as plain dicts (for `records show` and the chat)."""
    return [i.to_dict() for i in assess_record(record, settings, today, next_conference)]


def due_across(records: Iterable[Mapping[str, Any]], settings: Settings, within: int = 10,
               today: date | None = None) -> list[DueItem]:
    """What is overdue, or not yet done and due within `within` working days, across records.

    Sorted by due date.  Steps already done (on time or late) are left out.
    """
    today = today or date.today()
    horizon = add_working_days(today, within, settings.nation)
    records = [r for r in records if r.get("kind", "conference") == "conference"]
    following = link_next_conferences(records)
    rules = rules_for(settings)
    out = []
    for record in records:
        for item in assess_record(record, settings, today, following.get(record.get("id")), rules):
            if item.status == "overdue" or (item.status == "not yet due" and item.due and item.due <= horizon):
                out.append(item)
    out.sort(key=lambda i: (i.due or date.min, str(i.record_id), i.rule_id))
    return out

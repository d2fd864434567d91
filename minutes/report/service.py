"""Child protection service statistics over conference records for a period.

`compute(records, date_from, date_to, settings)` makes one pass over record dicts (docs/records.md)
and returns `ServiceStats`: counts only, keyed by fixed vocabularies (conference types, plan
categories) or by agency and risk-factor labels that have been checked against every child and
family name seen in the input (`anonymise.safe_label`).  No name is ever stored in the result.

Definitions (kept in models/rules/report.json where they are vocabulary):
- ICPCs are initial and pre-birth conferences in the period; RCPCs are review conferences;
  transfer-in conferences are counted apart.
- "within 15 working days" uses the `icpc_after_strategy` timescale (with local overrides) over the
  ICPCs that record a strategy discussion date.
- plans started: children with decision "plan made" at a conference in the period, by the
  category recorded for them (a plan with none counts as "Not recorded"); second or subsequent
  plans are those whose child had `previous_plans` >= 1.
- plans ended: children with decision "plan ended" in the period; "after 2+ years" when the plan
  started 24 months or more before it ended (start from `cp_plan_start_date`, else from the
  conference where the plan was made, when the store holds it).
- plans open over 2 years: plans open at the end of the period that started 24 months or more
  before it (records before the period are read for this: pass the history too).
- risk factors: share of ICPCs recording each factor.
- attendance by agency: conferences (initial = ICPC + transfer-in, review = RCPC) at which the
  agency had someone present, and at which it submitted a report (in `reports` or an attendee
  with status "report submitted"); family members are not agencies.
- fathers: conferences with a father (family role from report.json) invited, and those he attended.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..config import Settings
from ..errors import ConfigError
from ..resources import models_dir
from ..rules.calendar import add_months
from ..rules.due import conference_type, parse_date, rules_for
from ..rules.timescales import due_date
from .anonymise import NameGuard

VOCAB_KEYS = ("version", "note", "icpc_types", "review_types", "transfer_types", "categories",
              "father_roles", "present_statuses", "report_statuses", "invited_statuses",
              "plan_open_years")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    icpc_types: frozenset[str]
    review_types: frozenset[str]
    transfer_types: frozenset[str]
    categories: tuple[str, ...]
    father_roles: frozenset[str]
    present_statuses: frozenset[str]
    report_statuses: frozenset[str]
    invited_statuses: frozenset[str]
    plan_open_years: int


@lru_cache(maxsize=4)
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The report's vocabulary from models/rules/report.json (unknown keys refused)."""
    path = Path(path) if path else models_dir() / "rules" / "report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"report vocabulary '{path.name}' does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"report vocabulary '{path.name}' cannot be read: {exc}") from None
    unknown = sorted(set(data) - set(VOCAB_KEYS))
    if unknown:
        raise ConfigError(f"report vocabulary '{path.name}': unknown key(s) {', '.join(unknown)}; "
                          f"allowed: {', '.join(VOCAB_KEYS)}")
    missing = [k for k in VOCAB_KEYS if k not in data and k not in ("version", "note")]
    if missing:
        raise ConfigError(f"report vocabulary '{path.name}': missing key(s) {', '.join(missing)}")

    def low(key: str) -> frozenset[str]:
        return frozenset(str(v).lower() for v in data[key])

    return Vocabulary(low("icpc_types"), low("review_types"), low("transfer_types"),
                      tuple(data["categories"]), low("father_roles"), low("present_statuses"),
                      low("report_statuses"), low("invited_statuses"), int(data["plan_open_years"]))


@dataclass(slots=True)
class AgencyCounts:
    """Conferences of one group with the agency present, and with a report from it."""

    present: Counter = field(default_factory=Counter)
    reports: Counter = field(default_factory=Counter)


@dataclass(slots=True)
class ServiceStats:
    """Counts for one period.  Labels are vocabulary, agency or risk-factor names only."""

    date_from: date
    date_to: date
    conferences: int = 0
    icpc: int = 0
    rcpc: int = 0
    transfer_in: int = 0
    icpc_timed: int = 0            # ICPCs with a strategy discussion date
    icpc_on_time: int = 0
    plans_started: int = 0
    by_category: Counter = field(default_factory=Counter)
    second_plans: int = 0
    plans_ended: int = 0
    ended_after_2y: int = 0
    ended_unknown_start: int = 0
    open_at_end: int = 0
    open_over_2y: int = 0
    risk_factors: Counter = field(default_factory=Counter)
    group_conferences: Counter = field(default_factory=Counter)      # "initial" / "review"
    agencies: dict[str, AgencyCounts] = field(default_factory=lambda: {"initial": AgencyCounts(),
                                                                       "review": AgencyCounts()})
    father_invited: Counter = field(default_factory=Counter)
    father_present: Counter = field(default_factory=Counter)


def compute(records: Iterable[Mapping[str, Any]], date_from: date, date_to: date,
            settings: Settings, vocabulary: Vocabulary | None = None) -> ServiceStats:
    """Service statistics for conferences held from `date_from` to `date_to` (inclusive).

    `records` may include conferences before the period (needed for plans open over 2 years and
    for plan start dates); later ones are ignored.  Records are streamed, not kept: one pass, then
    a sort of the small plan events by date.
    """
    vocab = vocabulary or load_vocabulary()
    stats = ServiceStats(date_from, date_to)
    guard = NameGuard()
    timescale = rules_for(settings).get("icpc_after_strategy")
    events: list[tuple] = []                   # small tuples only: the records are not kept
    risk_raw: Counter = Counter()
    agency_raw = {"initial": AgencyCounts(), "review": AgencyCounts()}
    for record in records:
        if record.get("kind", "conference") != "conference":
            continue
        when = parse_date(record.get("conference_date"))
        if when is None or when > date_to:
            continue
        guard.add_record(record)
        for index, child in enumerate(record.get("children") or []):
            if isinstance(child, dict) and child.get("decision") in _PLAN_EVENTS:
                events.append(_event(child, record, index, when))
        if when < date_from:
            continue
        stats.conferences += 1
        kind = conference_type(record)
        group = None
        if kind in vocab.icpc_types:
            stats.icpc += 1
            group = "initial"
            start = parse_date(record.get("strategy_discussion_date"))
            if start is not None and timescale is not None:
                stats.icpc_timed += 1
                if when <= due_date(timescale, start, settings.nation):
                    stats.icpc_on_time += 1
            for factor in set(record.get("risk_factors") or []):
                if isinstance(factor, str) and factor.strip():
                    risk_raw[factor.strip()] += 1
        elif kind in vocab.review_types:
            stats.rcpc += 1
            group = "review"
        elif kind in vocab.transfer_types:
            stats.transfer_in += 1
            group = "initial"
        if group is not None:
            stats.group_conferences[group] += 1
            _attendance(stats, agency_raw[group], record, group, vocab)
    _plans(stats, events, vocab)
    stats.risk_factors = guard.safe_counter(risk_raw)
    for group, raw in agency_raw.items():
        stats.agencies[group] = AgencyCounts(guard.safe_counter(raw.present), guard.safe_counter(raw.reports))
    return stats


_PLAN_EVENTS = frozenset({"plan made", "plan continued", "plan ended"})


def _event(child: Mapping[str, Any], record: Mapping[str, Any], index: int, when: date) -> tuple:
    key = str(child.get("child_id") or f"record-{record.get('id')}-{index}")
    return (when, key, child.get("decision"), parse_date(child.get("cp_plan_start_date")),
            parse_date(child.get("cp_plan_end_date")), child.get("category") or child.get("initial_category"),
            child.get("previous_plans") or 0)


def _plans(stats: ServiceStats, events: list[tuple], vocab: Vocabulary) -> None:
    """Plans started, ended and open at the period end, from plan events in date order."""
    events.sort(key=lambda e: e[0])            # stable: same-day events keep input order
    years = -12 * vocab.plan_open_years
    open_plans: dict[str, date] = {}           # child key -> start of the plan open now
    for when, key, decision, start, end, category, previous in events:
        in_period = when >= stats.date_from
        if decision == "plan made":
            open_plans[key] = start or when
            if in_period:
                stats.plans_started += 1
                stats.by_category[category if category in vocab.categories else "Not recorded"] += 1
                if previous >= 1:
                    stats.second_plans += 1
        elif decision == "plan continued":
            if key not in open_plans and start is not None:
                open_plans[key] = start
        else:                                   # plan ended
            start = start or open_plans.get(key)
            end = end or when
            open_plans.pop(key, None)
            if in_period:
                stats.plans_ended += 1
                if start is None:
                    stats.ended_unknown_start += 1
                elif start <= add_months(end, years):
                    stats.ended_after_2y += 1
    horizon = add_months(stats.date_to, years)
    for start in open_plans.values():
        if start <= stats.date_to:
            stats.open_at_end += 1
            if start <= horizon:
                stats.open_over_2y += 1


def _attendance(stats: ServiceStats, raw: AgencyCounts, record: Mapping[str, Any], group: str,
                vocab: Vocabulary) -> None:
    present: set[str] = set()
    reported: set[str] = set()
    father_invited = father_present = False
    for person in record.get("attendees") or []:
        status = str(person.get("status") or "").lower()
        role = str(person.get("role") or "").strip().lower()
        if person.get("family") or role in vocab.father_roles:
            if role in vocab.father_roles and status in vocab.invited_statuses:
                father_invited = True
                father_present = father_present or status in vocab.present_statuses
            continue
        agency = person.get("agency")
        if not isinstance(agency, str) or not agency.strip():
            continue
        if status in vocab.present_statuses:
            present.add(agency.strip())
        elif status in vocab.report_statuses:
            reported.add(agency.strip())
    for report in record.get("reports") or []:
        agency = (report or {}).get("agency")
        if isinstance(agency, str) and agency.strip():
            reported.add(agency.strip())
    raw.present.update(present)
    raw.reports.update(reported)
    if father_invited:
        stats.father_invited[group] += 1
        if father_present:
            stats.father_present[group] += 1

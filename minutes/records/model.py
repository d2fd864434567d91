"""Typed records: frozen dataclasses for a CP conference and a committee meeting (docs/records.md).

`to_dict()` gives the JSON shape of docs/records.md; `record_from_dict()` (or a class's
`from_dict()`) validates on the way in and raises `InvalidRecord` listing every problem with its
field path ("children[1].date_of_birth: not a real date (YYYY-MM-DD)").  Unknown keys are refused
with the allowed ones named.  Messages never quote narrative text: only short values of dates,
times and enumerations are shown.
"""
from __future__ import annotations

import re
import types
import typing
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from functools import cache
from typing import Any, Mapping, TypeVar, Union

from ..errors import InvalidRecord

SCHEMA = 1
KINDS = ("conference", "committee")
CONFERENCE_TYPES = ("initial", "review", "transfer-in", "pre-birth")
DECISIONS = ("plan made", "no plan", "plan continued", "plan ended")
CATEGORIES = ("Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple")
CONFERENCE_STATUSES = ("present", "apologies", "report submitted", "absent", "in attendance", "mentioned")
COMMITTEE_STATUSES = ("present", "apologies", "in attendance", "mentioned")
INTERESTS = ("disclosable pecuniary", "other registrable", "non-registrable")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
T = TypeVar("T")


def _enum(values: tuple[str, ...], default: Any = None) -> Any:
    return field(default=default, metadata={"enum": values})


def _date(default: Any = None) -> Any:
    return field(default=default, metadata={"check": "date"})


def _time(default: Any = None) -> Any:
    return field(default=default, metadata={"check": "time"})


def _stamp(default: Any = None) -> Any:
    return field(default=default, metadata={"check": "datetime"})


def _many(default: tuple = ()) -> Any:
    return field(default=default)


class Part:
    """Shared (de)serialisation of every record part; subclasses are frozen dataclasses."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _out(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: Any) -> T:
        problems: list[str] = []
        value = _parse(cls, data, "", problems)
        if problems:
            raise InvalidRecord(problems)
        return value  # type: ignore[return-value]


def _out(value: Any) -> Any:
    if isinstance(value, Part):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_out(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _out(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Evidence(Part):
    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source(Part):
    name: str
    format: str | None = None
    sha256: str | None = None


# ---- conference parts -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Child(Part):
    child_id: str
    name: str | None = None
    initials: str | None = None
    date_of_birth: str | None = _date()
    unborn: bool = False
    expected_date: str | None = _date()
    decision: str | None = _enum(DECISIONS)
    category: str | None = _enum(CATEGORIES)
    initial_category: str | None = _enum(CATEGORIES)
    latest_category: str | None = _enum(CATEGORIES)
    cp_plan_start_date: str | None = _date()
    cp_plan_end_date: str | None = _date()
    previous_plans: int = 0
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Chair(Part):
    name: str
    role: str | None = None
    contact: str | None = None


@dataclass(frozen=True, slots=True)
class LeadSocialWorker(Part):
    name: str
    contact: str | None = None


@dataclass(frozen=True, slots=True)
class CoreGroup(Part):
    date: str | None = _date()
    time: str | None = _time()
    venue: str | None = None
    members: tuple[str, ...] = _many()


@dataclass(frozen=True, slots=True)
class ConferenceAttendee(Part):
    name: str
    role: str | None = None
    agency: str | None = None
    status: str = _enum(CONFERENCE_STATUSES, "present")
    family: bool = False
    excluded_from: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class AgencyReport(Part):
    agency: str
    author: str | None = None
    shared_with_parents: bool | None = None


@dataclass(frozen=True, slots=True)
class AgencyInformation(Part):
    agency: str
    text: str


@dataclass(frozen=True, slots=True)
class PlanAction(Part):
    what: str
    owner: str | None = None
    due: str | None = _date()
    due_text: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class ConferenceDecision(Part):
    text: str
    child: str | None = None
    outcome: str | None = _enum(DECISIONS)
    category: str | None = _enum(CATEGORIES)
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class ConferenceRecord(Part):
    kind: str = field(metadata={"enum": ("conference",)})
    id: int | None = None
    schema: int = SCHEMA
    source: Source | None = None
    created: str | None = _stamp()
    updated: str | None = _stamp()
    draft: bool = True
    conference_type: str | None = _enum(CONFERENCE_TYPES)
    conference_date: str | None = _date()
    conference_time: str | None = _time()
    venue: str | None = None
    strategy_discussion_date: str | None = _date()
    children: tuple[Child, ...] = _many()
    family_name: str | None = None
    address: str | None = None
    chair: Chair | None = None
    minute_taker: str | None = None
    attendees: tuple[ConferenceAttendee, ...] = _many()
    reports: tuple[AgencyReport, ...] = _many()
    purpose: str | None = None
    concerns: str | None = None
    previous_outcome: str | None = None
    agency_information: tuple[AgencyInformation, ...] = _many()
    child_views: str | None = None
    parent_views: str | None = None
    strengths: tuple[str, ...] = _many()
    risks: tuple[str, ...] = _many()
    risk_factors: tuple[str, ...] = _many()
    danger_statement: str | None = None
    safety_scale: str | None = None
    analysis: str | None = None
    dissent: str | None = None
    plan_actions: tuple[PlanAction, ...] = _many()
    contingency_plan: str | None = None
    lead_social_worker: LeadSocialWorker | None = None
    core_group: CoreGroup | None = None
    review_date: str | None = _date()
    review_time: str | None = _time()
    review_venue: str | None = None
    outcome_letter_date: str | None = _date()   # when the chair's letter went out (timescale: 1 working day)
    record_date: str | None = _date()           # when the conference record was agreed and sent (15 working days)
    distribution: tuple[str, ...] = _many()
    quorate: bool | None = None
    decisions: tuple[ConferenceDecision, ...] = _many()
    notes: tuple[str, ...] = _many()


# ---- committee parts --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CommitteeAttendee(Part):
    name: str
    role: str | None = None
    agency: str | None = None
    status: str = _enum(COMMITTEE_STATUSES, "present")
    substitute_for: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Declaration(Part):
    member: str
    item: str | None = None
    interest: str | None = _enum(INTERESTS)
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Item(Part):
    number: str
    title: str | None = None
    presenter: str | None = None
    minutes: str | None = None
    resolutions: tuple[str, ...] = _many()
    supporting_documents: tuple[str, ...] = _many()
    exempt: bool = False


@dataclass(frozen=True, slots=True)
class CommitteeAction(Part):
    what: str
    owner: str | None = None
    due: str | None = _date()


@dataclass(frozen=True, slots=True)
class CommitteeRecord(Part):
    kind: str = field(metadata={"enum": ("committee",)})
    id: int | None = None
    schema: int = SCHEMA
    source: Source | None = None
    created: str | None = _stamp()
    updated: str | None = _stamp()
    draft: bool = True
    body: str | None = None
    title: str | None = None
    meeting_date: str | None = _date()
    meeting_time: str | None = _time()
    venue: str | None = None
    attendees: tuple[CommitteeAttendee, ...] = _many()
    declarations: tuple[Declaration, ...] = _many()
    items: tuple[Item, ...] = _many()
    actions: tuple[CommitteeAction, ...] = _many()
    next_meeting: str | None = _date()
    notes: tuple[str, ...] = _many()


Record = Union[ConferenceRecord, CommitteeRecord]
RECORD_CLASSES: Mapping[str, type] = {"conference": ConferenceRecord, "committee": CommitteeRecord}


def record_from_dict(data: Any) -> Record:
    """A record of either kind from its JSON form; `kind` is required and picks the class."""
    if not isinstance(data, Mapping):
        raise InvalidRecord([f"record: expected an object, got {_type_name(data)}"])
    kind = data.get("kind")
    if kind not in RECORD_CLASSES:
        shown = f"'{kind}'" if isinstance(kind, str) and len(kind) <= 20 else "missing" if kind is None else "not text"
        raise InvalidRecord([f"kind: {shown}; use one of {', '.join(KINDS)}"])
    return RECORD_CLASSES[kind].from_dict(data)


def validate(data: Any) -> list[str]:
    """Every problem of a record's JSON form (empty when it is valid)."""
    try:
        record_from_dict(data)
    except InvalidRecord as exc:
        return list(exc.problems)
    return []


# ---- the parser ---------------------------------------------------------------------------------

@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _join(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _parse(cls: type, data: Any, path: str, problems: list[str]) -> Any:
    where = path or "record"
    if not isinstance(data, Mapping):
        problems.append(f"{where}: expected an object, got {_type_name(data)}")
        return None
    specs = {f.name: f for f in fields(cls)}
    unknown = sorted(str(k) for k in data if k not in specs)
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(specs)}")
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for name, spec in specs.items():
        here = _join(path, name)
        if name not in data:
            if spec.default is MISSING:
                problems.append(f"{here}: required")
            continue
        values[name] = _value(hints[name], data[name], here, problems, spec.metadata)
    try:
        return cls(**values)
    except TypeError:           # a required field was missing: already reported
        return None


def _value(hint: Any, value: Any, path: str, problems: list[str], meta: Mapping[str, Any]) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _value(args[0], value, path, problems, meta)
    if value is None:
        problems.append(f"{path}: must not be null")
        return None
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            problems.append(f"{path}: expected a list, got {_type_name(value)}")
            return ()
        inner = typing.get_args(hint)[0]
        return tuple(_value(inner, v, _join(path, i), problems, meta) for i, v in enumerate(value))
    if isinstance(hint, type) and issubclass(hint, Part):
        return _parse(hint, value, path, problems)
    if hint is bool:
        if not isinstance(value, bool):
            problems.append(f"{path}: expected true or false, got {_type_name(value)}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{path}: expected a whole number, got {_type_name(value)}")
        return value
    if hint is str:
        if not isinstance(value, str):
            problems.append(f"{path}: expected text, got {_type_name(value)}")
            return value
        _check_text(value, path, problems, meta)
        return value
    return value


def _shown(value: str) -> str:
    return f"'{value}'" if len(value) <= 24 else f"a value of {len(value)} characters"


def _check_text(value: str, path: str, problems: list[str], meta: Mapping[str, Any]) -> None:
    allowed = meta.get("enum")
    if allowed is not None and value not in allowed:
        problems.append(f"{path}: {_shown(value)} is not allowed; use one of {', '.join(allowed)}")
    check = meta.get("check")
    if check == "date" and not is_iso_date(value):
        problems.append(f"{path}: {_shown(value)} is not a real date (YYYY-MM-DD)")
    elif check == "time" and not _TIME.match(value):
        problems.append(f"{path}: {_shown(value)} is not a time (HH:MM, 24-hour)")
    elif check == "datetime" and not _is_stamp(value):
        problems.append(f"{path}: {_shown(value)} is not an ISO date-time (YYYY-MM-DDTHH:MM:SSZ)")


def is_iso_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_stamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True

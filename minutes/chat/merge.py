"""Merge what the extraction found in one message into the session's record dict.

The record is a plain dict shaped as docs/records.md.  `merge_extraction` changes it in place and
returns a `Change`: the lines the reply shows ("Added: Dr Patel (GP) - apologies.") and the
low-confidence items, each with its evidence quoted from the message the user typed.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

LOW_CONFIDENCE = 0.8          # attendees the extraction is less sure of are flagged
QUOTE_CONTEXT = 30            # characters of the message shown either side of an evidence span
ATTENDING = ("present", "apologies", "report submitted", "absent", "in attendance")

CONFERENCE_FIELDS: dict[str, Any] = {
    "conference_type": None, "conference_date": None, "conference_time": None, "venue": None,
    "strategy_discussion_date": None, "children": [], "family_name": None, "address": None,
    "chair": None, "minute_taker": None, "attendees": [], "reports": [], "purpose": None,
    "concerns": None, "previous_outcome": None, "agency_information": [], "child_views": None,
    "parent_views": None, "strengths": [], "risks": [], "risk_factors": [], "danger_statement": None,
    "safety_scale": None, "analysis": None, "dissent": None, "plan_actions": [],
    "contingency_plan": None, "lead_social_worker": None, "core_group": None, "review_date": None,
    "review_time": None, "review_venue": None, "distribution": [], "quorate": None,
    "decisions": [], "notes": [],
}
COMMITTEE_FIELDS: dict[str, Any] = {
    "body": None, "title": None, "meeting_date": None, "meeting_time": None, "venue": None,
    "attendees": [], "declarations": [], "items": [], "actions": [], "next_meeting": None, "notes": [],
}


@dataclass
class Change:
    """What one message changed: reply lines and flagged (low-confidence) items."""

    lines: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lines or self.flags)


def new_record(kind: str) -> dict[str, Any]:
    """An empty draft record of `kind` ("conference" or "committee")."""
    base = CONFERENCE_FIELDS if kind == "conference" else COMMITTEE_FIELDS
    record = {"id": None, "kind": kind, "schema": 1, "source": None, "created": None,
              "updated": None, "draft": True}
    record.update(copy.deepcopy(base))
    return record


def same_person(a: str, b: str) -> bool:
    """True when two written names are one person ("Cllr Walton" / "Councillor J Walton")."""
    from ..nlp.normalise import same_person as _same

    if a.strip().lower() == b.strip().lower():
        return True
    try:
        return _same(a, b)
    except Exception:  # an odd string the name parser cannot split
        return False


def find_person(people: Sequence[Mapping[str, Any]], name: str) -> int | None:
    """Index of the entry in `people` whose "name" is the same person as `name`, else None."""
    for i, person in enumerate(people):
        if person.get("name") and same_person(str(person["name"]), name):
            return i
    return None


def quote(texts: Sequence[str], evidence: Mapping[str, Any] | None) -> str | None:
    """The evidence span with a little context, from the message's blocks, on one line."""
    if not evidence:
        return None
    block = evidence.get("block")
    if block is None or not 0 <= block < len(texts):
        return None
    text = texts[block]
    start, end = int(evidence.get("start", 0)), int(evidence.get("end", len(text)))
    lo, hi = max(0, start - QUOTE_CONTEXT), min(len(text), end + QUOTE_CONTEXT)
    snippet = ("..." if lo else "") + text[lo:hi] + ("..." if hi < len(text) else "")
    return " ".join(snippet.split())


def describe_person(person: Mapping[str, Any]) -> str:
    """ "Dr Patel (GP) - apologies" """
    label = person.get("role") or person.get("agency")
    who = f"{person['name']} ({label})" if label else str(person["name"])
    return f"{who} - {person.get('status') or 'present'}"


def add_or_update_person(record: dict[str, Any], person: dict[str, Any], change: Change) -> None:
    """Add an attendee, or update the one with the same name; records the change."""
    people = record.setdefault("attendees", [])
    at = find_person(people, person["name"])
    if at is None:
        people.append(person)
        change.lines.append(f"Added: {describe_person(person)}.")
        return
    old = people[at]
    changed = []
    for key in ("status", "role", "agency"):
        new = person.get(key)
        if new and new != old.get(key):
            changed.append(f"{key} {new}" + (f" (was {old[key]})" if old.get(key) else ""))
            old[key] = new
    if changed:
        change.lines.append(f"Updated: {old['name']} - {', '.join(changed)}.")


def child_entry(record: dict[str, Any], name: str, change: Change | None = None) -> dict[str, Any]:
    """The child called `name`, added to the record when new."""
    children = record.setdefault("children", [])
    at = find_person(children, name)
    if at is not None:
        return children[at]
    child = {"child_id": None, "name": name, "initials": _initials(name), "date_of_birth": None,
             "unborn": False, "expected_date": None, "decision": None, "category": None,
             "initial_category": None, "latest_category": None, "cp_plan_start_date": None,
             "cp_plan_end_date": None, "previous_plans": 0, "evidence": None}
    children.append(child)
    if change is not None:
        change.lines.append(f"Added child: {name}.")
    return child


def _initials(name: str) -> str:
    return ".".join(w[0].upper() for w in name.split() if w[:1].isalpha()) + "."


def set_decision(record: dict[str, Any], name: str, decision: str | None, category: str | None,
                 change: Change, evidence: Mapping[str, Any] | None = None) -> None:
    """Set a child's decision (and category), noting the plan start date when a plan is made."""
    child = child_entry(record, name)
    if decision:
        child["decision"] = decision
        if decision == "plan made" and not child.get("cp_plan_start_date"):
            child["cp_plan_start_date"] = record.get("conference_date")
    if category:
        child["category"] = category
        child["latest_category"] = category
        if decision == "plan made" or not child.get("initial_category"):
            child["initial_category"] = category
    if evidence is not None:
        child["evidence"] = dict(evidence)
    parts = [p for p in (child.get("decision"), f"category {child['category']}" if child.get("category") else None) if p]
    change.lines.append(f"Decision for {_first(child['name'])}: {', '.join(parts) or 'none'}.")


def _first(name: str) -> str:
    return name.split()[0] if name.split() else name


def _set(record: dict[str, Any], key: str, value: Any, label: str, change: Change) -> None:
    if value is None or record.get(key) == value:
        return
    old = record.get(key)
    record[key] = value
    shown = _day(value) if key.endswith("_date") else value
    change.lines.append(f"{label}: {shown}" + (f" (was {_day(old) if key.endswith('_date') else old})." if old else "."))


def _day(iso: str) -> str:
    """2026-03-12 -> 12 March 2026 (other strings unchanged)."""
    from datetime import date

    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{d.day} {d.strftime('%B %Y')}"


def _set_person(record: dict[str, Any], key: str, name: str | None, label: str, change: Change) -> None:
    if not name:
        return
    current = record.get(key) or {}
    if current.get("name") and same_person(current["name"], name):
        return
    record[key] = {**current, "name": name}
    change.lines.append(f"{label}: {name}.")


def merge_extraction(record: dict[str, Any], extraction: Mapping[str, Any], texts: Sequence[str]) -> Change:
    """Merge one message's extraction JSON into `record` (in place); `texts` are its block texts."""
    change = Change()
    if record.get("kind") == "committee":
        _merge_committee(record, extraction, change)
    else:
        _merge_conference(record, extraction, texts, change)
    for person in extraction.get("attendees") or []:
        if person.get("status") not in ATTENDING:
            continue
        entry = {"name": person["name"], "role": person.get("role"), "agency": person.get("agency"),
                 "status": person.get("status"), "family": False, "excluded_from": None,
                 "evidence": person.get("evidence")}
        if record.get("kind") == "committee":
            entry.pop("family"), entry.pop("excluded_from")
            entry["substitute_for"] = None
        add_or_update_person(record, entry, change)
        if float(person.get("confidence", 1.0)) < LOW_CONFIDENCE:
            said = quote(texts, person.get("evidence"))
            change.flags.append(f"Check: {describe_person(entry)} - not sure this is a person"
                                + (f', from "{said}"' if said else "") + ".")
    return change


def _merge_conference(record: dict[str, Any], x: Mapping[str, Any], texts: Sequence[str], change: Change) -> None:
    conference = (x.get("conferences") or [{}])[0]
    _set(record, "review_date", conference.get("review_date"), "Review conference", change)
    core = conference.get("core_group_date")
    if core and (record.get("core_group") or {}).get("date") != core:
        record["core_group"] = {**(record.get("core_group") or {"time": None, "venue": None, "members": []}), "date": core}
        change.lines.append(f"First core group: {_day(core)}.")
    _set(record, "strategy_discussion_date", conference.get("strategy_discussion_date"), "Strategy discussion", change)
    kind = conference.get("type")
    meeting_date = conference.get("date") or (x.get("meeting") or {}).get("date")
    later = {record.get("review_date"), (record.get("core_group") or {}).get("date"), conference.get("review_date")}
    if meeting_date and meeting_date not in later and not record.get("conference_date"):
        _set(record, "conference_date", meeting_date, "Conference date", change)
    if kind and not record.get("conference_type") and meeting_date not in later - {None}:
        _set(record, "conference_type", kind, "Conference type", change)
    _set_person(record, "chair", conference.get("chair"), "Chair", change)
    _set_person(record, "lead_social_worker", conference.get("lead_social_worker"), "Lead social worker", change)
    decided = set()
    for decision in (x.get("evidence") or {}).get("decisions") or []:
        subject = decision.get("subject")
        if not subject or not decision.get("outcome"):
            said = quote(texts, decision.get("evidence"))
            if said:
                change.flags.append(f'Check: a decision with no child named, from "{said}".')
            continue
        category = _category_name(decision.get("categories") or [])
        set_decision(record, subject, decision["outcome"], category, change, decision.get("evidence"))
        record.setdefault("decisions", []).append(
            {"text": decision.get("text"), "child": subject, "outcome": decision["outcome"],
             "category": category, "evidence": decision.get("evidence")})
        decided.add(subject)
    for child in conference.get("children") or []:
        if child.get("name") and child["name"] not in decided:
            if find_person(record.get("children") or [], child["name"]) is None:
                child_entry(record, child["name"], change)
    for factor in x.get("risk_factors") or []:
        if factor not in record.setdefault("risk_factors", []):
            record["risk_factors"].append(factor)
            change.lines.append(f"Risk factor: {factor}.")
    for action in x.get("actions") or []:
        item = {"what": action.get("what"), "owner": action.get("owner"), "due": action.get("due"),
                "due_text": action.get("due_text"), "evidence": action.get("evidence")}
        if any(a.get("what") == item["what"] and a.get("owner") == item["owner"] for a in record["plan_actions"]):
            continue
        record["plan_actions"].append(item)
        change.lines.append(f"Action: {item['owner'] or 'someone'} - {item['what']}"
                            + (f" by {item['due']}." if item["due"] else "."))


def _category_name(ids: Sequence[str]) -> str | None:
    if not ids:
        return None
    if len(ids) > 1:
        return "Multiple"
    from ..nlp.gazetteer import load

    gaz = load("categories")
    try:
        return gaz.name_of(ids[0])
    except KeyError:
        return ids[0]


def _merge_committee(record: dict[str, Any], x: Mapping[str, Any], change: Change) -> None:
    meeting = x.get("meeting") or {}
    if not record.get("meeting_date"):
        _set(record, "meeting_date", meeting.get("date"), "Meeting date", change)
    if not record.get("body"):
        _set(record, "body", meeting.get("body"), "Committee", change)
    for decision in (x.get("evidence") or {}).get("decisions") or []:
        number = decision.get("item")
        items = record.setdefault("items", [])
        item = next((i for i in items if number and i.get("number") == number), None)
        if item is None:
            item = {"number": number, "title": None, "presenter": None, "minutes": None,
                    "resolutions": [], "supporting_documents": [], "exempt": False}
            items.append(item)
        if decision.get("text") and decision["text"] not in item["resolutions"]:
            item["resolutions"].append(decision["text"])
            change.lines.append(f"Resolution{' on ' + number if number else ''}: {decision['text']}")
    for section in x.get("sections") or []:
        if section.get("opens") and section.get("item"):
            items = record.setdefault("items", [])
            if not any(i.get("number") == section["item"] for i in items):
                items.append({"number": section["item"], "title": section.get("text"), "presenter": None,
                              "minutes": None, "resolutions": [], "supporting_documents": [], "exempt": False})
                change.lines.append(f"Item {section['item']}: {section.get('text')}.")
    for action in x.get("actions") or []:
        item = {"what": action.get("what"), "owner": action.get("owner"), "due": action.get("due")}
        if item not in record.setdefault("actions", []):
            record["actions"].append(item)
            change.lines.append(f"Action: {item['owner'] or 'someone'} - {item['what']}.")

"""Plain-word corrections ("PC Brown sent apologies", "remove Mr Smith") read with a spaCy Matcher.

The patterns are data (models/rules/chat_corrections.json).  A "$slot" element stands for one or
more words; the Matcher's alignments say which tokens fell in which slot.  Only a pattern that
covers the whole message counts, so a line of notes is never mistaken for a correction.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..errors import ConfigError
from ..resources import models_dir
from .merge import Change, add_or_update_person, child_entry, find_person, set_decision
from .questions import (CONFERENCE_TYPES, BadAnswer, long_date, parse_category, parse_choice, parse_date,
                        parse_name, parse_names, parse_role, parse_time)

RULE_KEYS = ("id", "action", "pattern")
FILE_KEYS = ("version", "note", "rules")
SLOTS = ("name", "role", "category", "date", "time", "text")
ACTIONS = ("remove", "apologies", "present", "report", "category", "plan", "no_plan", "children",
           "conference_date", "conference_type", "review", "core_group", "core_group_venue", "role")
MAX_WORDS = 25                     # longer messages are notes, not corrections
_CHILD_LETTER = re.compile(r"^child\s+([a-z])$", re.I)


@dataclass(frozen=True, slots=True)
class Correction:
    """A matched correction: the rule, its action and the words in each slot."""

    rule: str
    action: str
    slots: Mapping[str, str]


@dataclass(frozen=True)
class Corrections:
    """The compiled Matcher with each rule's action and slot positions."""

    nlp: Any
    matcher: Any
    rules: tuple[tuple[str, str, tuple[str | None, ...]], ...]   # (id, action, slot per element)

    def match(self, message: str) -> Correction | None:
        """The rule covering the whole message with the fewest words in its slots, else None."""
        text = message.strip().rstrip(".!").strip()
        if not text or "\n" in text or len(text.split()) > MAX_WORDS:
            return None
        doc = self.nlp.make_doc(text)
        order = {rule_id: i for i, (rule_id, _, _) in enumerate(self.rules)}
        best = None
        for match_id, start, end, alignments in self.matcher(doc, with_alignments=True):
            if start != 0 or end != len(doc):
                continue
            rule_id = self.nlp.vocab.strings[match_id]
            slot_of = self.rules[order[rule_id]][2]
            key = (sum(1 for a in alignments if slot_of[a]), order[rule_id])
            if best is None or key < best[0]:
                best = (key, rule_id, alignments)
        if best is None:
            return None
        _, rule_id, alignments = best
        _, action, slot_of = self.rules[order[rule_id]]
        slots: dict[str, list[str]] = {}
        for token, element in zip(doc, alignments):
            slot = slot_of[element]
            if slot:
                slots.setdefault(slot, []).append(token.text_with_ws)
        return Correction(rule_id, action, {k: "".join(v).strip() for k, v in slots.items()})


def _compile_element(element: Any, where: str) -> tuple[dict[str, Any], str | None]:
    if isinstance(element, str):
        if not element.startswith("$") or element[1:] not in SLOTS:
            raise ConfigError(f"{where}: '{element}' is not a slot; use one of {', '.join('$' + s for s in SLOTS)}")
        return {"OP": "+"}, element[1:]
    if not isinstance(element, dict):
        raise ConfigError(f"{where}: pattern elements are token patterns or slot names")
    return element, None


@lru_cache(maxsize=2)
def load_corrections(path: str | None = None) -> Corrections:
    """Compile the correction rules (default: models/rules/chat_corrections.json)."""
    import spacy
    from spacy.matcher import Matcher

    file = Path(path) if path else models_dir() / "rules" / "chat_corrections.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"corrections file '{file.name}' cannot be read: {type(exc).__name__}") from None
    unknown = sorted(set(data) - set(FILE_KEYS))
    if unknown:
        raise ConfigError(f"'{file.name}': unknown key(s) {', '.join(unknown)}; allowed: {', '.join(FILE_KEYS)}")
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    rules = []
    for entry in data.get("rules", []):
        where = f"'{file.name}' rule '{entry.get('id', '?')}'"
        bad = sorted(set(entry) - set(RULE_KEYS))
        if bad:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(bad)}; allowed: {', '.join(RULE_KEYS)}")
        if entry.get("action") not in ACTIONS:
            raise ConfigError(f"{where}: action must be one of {', '.join(ACTIONS)}")
        compiled = [_compile_element(e, where) for e in entry["pattern"]]
        try:
            matcher.add(entry["id"], [[c[0] for c in compiled]])
        except ValueError as exc:
            raise ConfigError(f"{where}: not a valid Matcher pattern ({str(exc).splitlines()[0][:80]})") from None
        rules.append((entry["id"], entry["action"], tuple(c[1] for c in compiled)))
    return Corrections(nlp, matcher, tuple(rules))


# ---- applying a correction to the record --------------------------------------------------------

def _child_name(record: Mapping[str, Any], raw: str) -> str:
    """A child named in a correction: "Child B" is the second child; names are matched loosely."""
    children = record.get("children") or []
    letter = _CHILD_LETTER.match(raw.strip())
    if letter:
        at = ord(letter.group(1).lower()) - ord("a")
        if 0 <= at < len(children):
            return children[at]["name"]
        raise BadAnswer(f"there is no {raw.strip()}; the record has {len(children)} child(ren)")
    name = parse_name(raw)
    at = find_person(children, name)
    if at is None:
        first = [c for c in children if c["name"].split()[0].lower() == name.lower()]
        if len(first) == 1:
            return first[0]["name"]
        return name
    return children[at]["name"]


def _status(record: dict[str, Any], name: str, status: str, change: Change) -> None:
    person = {"name": parse_name(name), "role": None, "agency": None, "status": status,
              "family": False, "excluded_from": None, "evidence": None}
    add_or_update_person(record, person, change)


def apply(record: dict[str, Any], correction: Correction, settings=None) -> Change:
    """Apply a correction to `record` in place; BadAnswer (with the reason) when it cannot be used."""
    change = Change()
    s = correction.slots
    action = correction.action
    nation = getattr(settings, "nation", "england")
    if action == "remove":
        name = parse_name(s["name"])
        for key in ("attendees", "children"):
            at = find_person(record.get(key) or [], name)
            if at is not None:
                gone = record[key].pop(at)
                change.lines.append(f"Removed: {gone['name']}.")
                return change
        raise BadAnswer(f"no one called '{name}' is in the record; /show lists who is")
    if action in ("apologies", "present", "report"):
        status = {"apologies": "apologies", "present": "present", "report": "report submitted"}[action]
        _status(record, s["name"], status, change)
        return change
    if action in ("category", "plan"):
        name = _child_name(record, s["name"])
        category = parse_category(s["category"])
        child = child_entry(record, name, change)
        decision = child.get("decision") if action == "category" and child.get("decision") else "plan made"
        set_decision(record, name, decision, category, change)
        return change
    if action == "no_plan":
        name = _child_name(record, s["name"])
        child = child_entry(record, name, change)
        child["category"] = None
        set_decision(record, name, "no plan", None, change)
        return change
    if action == "children":
        for name in parse_names(s["text"]):
            if find_person(record.get("children") or [], name) is None:
                child_entry(record, name, change)
        return change
    if action == "conference_type":
        record["conference_type"] = parse_choice(s["text"], CONFERENCE_TYPES, "conference type")
        change.lines.append(f"Conference type: {record['conference_type']}.")
        return change
    if action in ("conference_date", "review", "core_group"):
        anchor = record.get("conference_date")
        day = parse_date(s["date"], anchor, nation)
        time = parse_time(s["date"])
        if action == "conference_date":
            record["conference_date"] = day.isoformat()
            if time:
                record["conference_time"] = time
            change.lines.append(f"Conference date: {long_date(day)}" + (f" at {time}." if time else "."))
        elif action == "review":
            record["review_date"] = day.isoformat()
            if time:
                record["review_time"] = time
            change.lines.append(f"Review conference: {long_date(day)}" + (f" at {time}." if time else "."))
        else:
            core = record.get("core_group") or {"date": None, "time": None, "venue": None, "members": []}
            core["date"] = day.isoformat()
            if time:
                core["time"] = time
            record["core_group"] = core
            change.lines.append(f"First core group: {long_date(day)}" + (f" at {time}." if time else "."))
        return change
    if action == "core_group_venue":
        core = record.get("core_group") or {"date": None, "time": None, "venue": None, "members": []}
        core["venue"] = s["text"].strip()
        record["core_group"] = core
        change.lines.append(f"Core group place: {core['venue']}.")
        return change
    if action == "role":
        return _role(record, parse_name(s["name"]), s["role"], change)
    raise BadAnswer(f"correction '{correction.rule}' has no handler")


def _role(record: dict[str, Any], name: str, raw_role: str, change: Change) -> Change:
    words = raw_role.strip().lower()
    lead = words.startswith("lead ")
    role = parse_role(raw_role[5:] if lead else raw_role)
    if role == "Social Worker" or lead:
        record["lead_social_worker"] = {**(record.get("lead_social_worker") or {}), "name": name}
        change.lines.append(f"Lead social worker: {name}.")
    elif role in ("Chair", "Independent Reviewing Officer"):
        record["chair"] = {**(record.get("chair") or {"role": None, "contact": None}), "name": name}
        change.lines.append(f"Chair: {name}.")
    elif role == "Minute Taker":
        record["minute_taker"] = name
        change.lines.append(f"Minute taker: {name}.")
    people = record.setdefault("attendees", [])
    at = find_person(people, name)
    if at is None:
        people.append({"name": name, "role": role, "agency": None, "status": "present",
                       "family": False, "excluded_from": None, "evidence": None})
        change.lines.append(f"Added: {name} ({role}) - present.")
    elif people[at].get("role") != role:
        people[at]["role"] = role
        change.lines.append(f"Updated: {people[at]['name']} - role {role}.")
    return change

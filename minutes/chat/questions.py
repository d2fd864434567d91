"""What the target document still needs, asked one question at a time, and answers checked.

Required fields come from models/rules/required_fields.json, the questions from
models/rules/chat_questions.json, the statutory limits from minutes/rules/timescales.py:

    When is the review conference? It must be by 11 June 2026 (3 months after the conference).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Mapping, Sequence

from ..errors import ConfigError, MinutesError
from ..resources import models_dir

QUESTION_KEYS = ("path", "ask", "answer", "limit")
FILE_KEYS = ("version", "note", "questions")
ANSWER_KINDS = ("date", "time", "category", "decision", "conference_type", "name", "children", "text", "list", "notes")
TARGETS = {"conference": "letter", "committee": "minutes"}
DECISIONS = {"plan made": "plan made", "made": "plan made", "plan": "plan made", "yes": "plan made",
             "cp plan": "plan made", "no plan": "no plan", "no": "no plan", "not made": "no plan",
             "child in need": "no plan", "cin": "no plan", "plan continued": "plan continued",
             "continued": "plan continued", "continue": "plan continued", "plan ended": "plan ended",
             "ended": "plan ended", "end": "plan ended", "step down": "plan ended"}
CONFERENCE_TYPES = {"initial": "initial", "icpc": "initial", "review": "review", "rcpc": "review",
                    "transfer-in": "transfer-in", "transfer in": "transfer-in", "transfer": "transfer-in",
                    "pre-birth": "pre-birth", "pre birth": "pre-birth", "prebirth": "pre-birth"}
_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)?(?![\w/])", re.I)
_NOT_NAME = re.compile(r"[\d:;()\[\]<>@=|\\/]|^(?:yes|no|none|unknown|skip|n/?a|not sure|don'?t know)$", re.I)
MAX_NAME_WORDS = 6


class BadAnswer(MinutesError):
    """An answer that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class Question:
    """One question: the required field, the words asked and how the answer is read."""

    path: str
    ask: str
    answer: str
    limit: str | None = None


@dataclass(frozen=True, slots=True)
class Pending:
    """A question put to the user: its text and what it fills (child name or item number)."""

    question: Question
    text: str
    target: str | None = None


@lru_cache(maxsize=2)
def load_questions(path: str | None = None) -> dict[str, Question]:
    """The questions by required-field path (default: the bundled chat_questions.json)."""
    file = models_dir() / "rules" / "chat_questions.json" if path is None else __import__("pathlib").Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"chat questions file '{file.name}' cannot be read: {type(exc).__name__}") from None
    unknown = sorted(set(data) - set(FILE_KEYS))
    if unknown:
        raise ConfigError(f"'{file.name}': unknown key(s) {', '.join(unknown)}; allowed: {', '.join(FILE_KEYS)}")
    out: dict[str, Question] = {}
    for entry in data.get("questions", []):
        bad = sorted(set(entry) - set(QUESTION_KEYS))
        if bad:
            raise ConfigError(f"'{file.name}': question '{entry.get('path', '?')}' has unknown key(s) "
                              f"{', '.join(bad)}; allowed: {', '.join(QUESTION_KEYS)}")
        if entry.get("answer") not in ANSWER_KINDS:
            raise ConfigError(f"'{file.name}': question '{entry.get('path', '?')}' answer must be one of "
                              f"{', '.join(ANSWER_KINDS)}")
        out[entry["path"]] = Question(entry["path"], entry["ask"], entry["answer"], entry.get("limit"))
    return out


@lru_cache(maxsize=2)
def required_fields(target: str) -> tuple[tuple[str, str], ...]:
    """(path, label) pairs the target document ("letter", "record", "minutes" ...) needs."""
    data = json.loads((models_dir() / "rules" / "required_fields.json").read_text(encoding="utf-8"))
    kinds = data["kinds"]
    if target not in kinds:
        raise ConfigError(f"unknown document '{target}'; use one of {', '.join(kinds)}")
    return tuple((f["path"], f["label"]) for f in kinds[target]["fields"])


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _get(record: Mapping[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def missing(record: Mapping[str, Any], target: str) -> list[tuple[str, str, str | None]]:
    """(path, label, child name or item number) of every required field still empty, in order."""
    out: list[tuple[str, str, str | None]] = []
    for path, label in required_fields(target):
        if "[" in path:
            head, rest = path.split("[", 1)
            which, field = rest.split("].", 1)
            for entry in record.get(head) or []:
                if which == "plan" and entry.get("decision") not in ("plan made", "plan continued"):
                    continue
                if _empty(_get(entry, field)):
                    out.append((path, f"{label} ({entry.get('name') or entry.get('number') or '?'})",
                                entry.get("name") or entry.get("number")))
        elif _empty(_get(record, path)):
            out.append((path, label, None))
    return out


def next_question(record: Mapping[str, Any], target: str, settings=None, skipped: Sequence[str] = ()) -> Pending | None:
    """The first missing field's question, with the statutory limit told when one applies."""
    questions = load_questions()
    for path, _label, target_name in missing(record, target):
        key = f"{path}:{target_name}" if target_name else path
        if key in skipped or path not in questions:
            continue
        question = questions[path]
        text = question.ask.format(child=target_name or "the child", item=target_name or "")
        due = limit_for(question, record, settings)
        if due is not None:
            text += f" It must be by {long_date(due[0])} ({due[1]})."
        return Pending(question, text, target_name)
    return None


def limit_for(question: Question, record: Mapping[str, Any], settings=None) -> tuple[date, str] | None:
    """(due date, "3 months after the conference") for a question with a timescale, when it applies."""
    if not question.limit:
        return None
    from ..rules.timescales import due_date, load_rules

    rules = load_rules(overrides=getattr(settings, "timescales", None) or {})
    rule = rules.get(question.limit)
    start = record.get(rule.from_field) if rule else None
    kind = str(record.get("conference_type") or "initial").replace("-", "_")
    if rule is None or not start or not rule.applies(kind):
        return None
    due = due_date(rule, date.fromisoformat(start), getattr(settings, "nation", "england"))
    period = f"{rule.months} months" if rule.months is not None else f"{rule.working_days} working days"
    return due, f"{period} after the conference"


def long_date(d: date) -> str:
    """12 June 2026"""
    return f"{d.day} {d.strftime('%B %Y')}"


# ---- reading answers -------------------------------------------------------------------------

def parse_date(text: str, anchor: str | None = None, nation: str = "england") -> date:
    """The one day `text` names (UK day-first; "3 March" takes the year nearest `anchor`)."""
    from ..nlp.dates import day_dates, find_dates

    base = date.fromisoformat(anchor) if anchor else date.today()
    found = day_dates(find_dates(text, base, nation))
    if not found:
        raise BadAnswer(f"'{text.strip()}' is not a date I can read; try a form like 12 March 2026 or 12/03/2026")
    return found[0].value  # type: ignore[return-value]


def parse_time(text: str) -> str | None:
    """HH:MM from "10am", "2.30pm", "14:00"; None when there is no time."""
    for m in _TIME.finditer(text):
        hour, minute, ampm = int(m["h"]), int(m["m"] or 0), (m["ap"] or "").lower().replace(".", "")
        if not ampm and m["m"] is None:
            continue                       # a bare number is not a time
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        return f"{hour:02d}:{minute:02d}"
    return None


def parse_category(text: str) -> str:
    """The plan category `text` names (a canonical name such as "Emotional abuse")."""
    from ..nlp.gazetteer import load
    from ..nlp.normalise import canonical_id

    raw = re.sub(r"^(?:the\s+)?(?:category\s+(?:of\s+)?)?", "", text.strip(), flags=re.I)
    gaz = load("categories")
    hit = canonical_id(raw, "categories")
    if hit is None:
        names = ", ".join(e.name.lower() for e in gaz.entries)
        raise BadAnswer(f"'{text.strip()}' is not a plan category; use one of: {names}")
    return gaz.name_of(hit)


def parse_choice(text: str, choices: Mapping[str, str], what: str) -> str:
    key = " ".join(text.strip().lower().replace("conference", "").split())
    if key in choices:
        return choices[key]
    raise BadAnswer(f"'{text.strip()}' is not a {what}; use one of: {', '.join(sorted(set(choices.values())))}")


def parse_name(text: str) -> str:
    """A person's name as written, checked to look like one."""
    name = " ".join(text.strip().strip(".").split())
    words = name.split()
    if not words or _NOT_NAME.search(name) or len(words) > MAX_NAME_WORDS or not any(w[:1].isupper() for w in words):
        raise BadAnswer(f"'{text.strip()}' does not look like a name; give a name such as Sarah Jones or Dr Patel")
    return name


def parse_names(text: str) -> list[str]:
    """Names separated by commas, "and" or "&"."""
    parts = [p for p in re.split(r"\s*(?:,|;|\band\b|&)\s*", text.strip().strip(".")) if p.strip()]
    if not parts:
        raise BadAnswer("give at least one name")
    return [parse_name(p) for p in parts]


def parse_role(text: str) -> str:
    """A role's canonical name, or the words as given when the gazetteer does not know them."""
    from ..nlp.gazetteer import load
    from ..nlp.normalise import canonical_id

    raw = text.strip().strip(".")
    hit = canonical_id(raw, "roles")
    return load("roles").name_of(hit) if hit else raw

"""Reading the parts of a document for building records: which section and agenda item each block
belongs to, and small parsers for the facts written on one line (time, venue, phone, lists).

The section of each block comes from the extraction JSON's "sections"; a block whose own text
starts with a section label (models/rules/sections.json) or a stop label
(models/rules/record_sections.json) opens that section even where the pipeline missed it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Mapping, Sequence

from ..errors import ConfigError

RULE_KEYS = {"version", "note", "fields", "label_fields", "stop_labels", "closing_lines"}
ITEM_TITLE_MAX = 160
HEADING_MAX_WORDS = 8

_LEAD = re.compile(r"^[\s#>*_•\-–—]*(?:\(?[0-9]{1,2}[.)]|\(?[a-z][.)])?[\s*_]*", re.I)
_ITEM = re.compile(r"^[\s#*_]*(?:(?:agenda\s+)?item\s+)?(?P<number>\d{1,3}/\d{2,4}|\d{1,3}[a-z]?)[.:)]?\s+(?P<title>\S.*)$", re.I)
_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z])"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b",
    re.I,
)
_PHONE = re.compile(r"(?<!\d)(0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}|\+44[ ]?\d{2,4}[ ]?\d{3}[ ]?\d{3,4})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True, slots=True)
class RecordRules:
    fields: Mapping[str, str]
    label_fields: Mapping[str, str]
    stop_labels: tuple[str, ...]
    closing_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """One block: its section (or None), the label that opened it, its agenda item and texts."""

    block: int
    kind: str
    section: str | None
    label: str | None          # lower-case label as written, for a block that opens a section
    item: str | None
    text: str                  # content after the label
    full: str                  # the block's whole text


@cache
def load_record_rules(path: str = "rules/record_sections.json") -> RecordRules:
    """The record-building rules; unknown keys are refused, naming the allowed ones."""
    from ..resources import models_dir

    file = models_dir() / path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"record rules '{file.name}' cannot be read: {exc}") from None
    unknown = set(data) - RULE_KEYS
    if unknown:
        raise ConfigError(f"{file.name}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(RULE_KEYS))}")
    return RecordRules(
        fields=dict(data.get("fields", {})),
        label_fields=dict(data.get("label_fields", {})),
        stop_labels=tuple(data.get("stop_labels", [])),
        closing_lines=tuple(data.get("closing_lines", [])),
    )


def segment(blocks: Sequence[Any] | None, extraction: Mapping[str, Any], committee: bool = False) -> list[Segment]:
    """Every block with its section and item.  `blocks` are the Document's TextBlocks (or None,
    when only the extraction JSON is at hand: its section texts are used)."""
    from ..nlp.sections import load_rules, match_label

    rules = load_rules()
    record_rules = load_record_rules()
    stop = re.compile(r"^(?:" + "|".join(re.escape(s) for s in record_rules.stop_labels) + r")\s*[:\-–]", re.I)
    given = {s["block"]: s for s in extraction.get("sections", [])}
    if blocks is None:
        rows = [(i, s.get("kind") or "paragraph", s.get("text") or "") for i, s in sorted(given.items())]
    else:
        rows = [(b.index, b.kind, b.text) for b in blocks]
    out: list[Segment] = []
    section: str | None = None
    item: str | None = None
    seen = False                          # an attendance section has been read
    for index, kind, full in rows:
        info = given.get(index, {})
        number = item_number(kind, full) if committee else None
        if number:
            item, section = number[0], None
            found = match_label(number[1], True, rules)
            section = found[0] if found else None
            out.append(Segment(index, kind, section, None, item, number[1], full))
            continue
        if committee and info.get("item") and item is None:
            item = info["item"]
        seen = seen or bool(out) and rules.kind(out[-1].section) == "attendance"
        found = match_label(full, kind == "heading", rules, attendance_seen=seen) if kind != "table" else None
        found = found or _short_heading(kind, full, rules) or _field_label(full, section, record_rules)
        if found and found[0] is None:
            found = None
        if found:
            section = found[0]
            label = _LEAD.sub("", full[: found[1]], count=1).strip(" :-–*_\t\n").lower().replace("’", "'")
            out.append(Segment(index, kind, section, label or None, item, full[found[1]:].strip(), full))
            continue
        if stop.match(_LEAD.sub("", full, count=1)):
            section = None
            out.append(Segment(index, kind, "_stop", None, item, full.strip(), full))
            continue
        if info.get("opens") and info.get("section"):
            section = info["section"]
        elif info and info.get("section") is None and kind == "heading":
            section = None
        out.append(Segment(index, kind, section, None, item, full.strip(), full))
    return out


def _short_heading(kind: str, text: str, rules: Any) -> tuple[str, int] | None:
    """A short numbered heading that starts with a label: "6. Strengths / what's working well"."""
    line = text.strip()
    if kind not in ("heading", "list_item") or "\n" in line or len(line.split()) > HEADING_MAX_WORDS or line.endswith("."):
        return None
    body = _LEAD.sub("", line, count=1)
    m = rules.pattern.match(body.lower().replace("’", "'"))
    return (rules.by_label[m.group(0)], len(text)) if m else None


def _field_label(text: str, section: str | None, rules: RecordRules) -> tuple[str | None, int] | None:
    """A label of `label_fields` written with a note before its colon: "Safety scale (0 = ...): 3"."""
    if not rules.label_fields:
        return None
    pattern = re.compile(r"^(?:" + "|".join(re.escape(l) for l in rules.label_fields) + r")\b[^:\n]{0,100}?:\s*", re.I)
    m = pattern.match(_LEAD.sub("", text, count=1))
    if not m:
        return None
    return section, len(text) - len(_LEAD.sub("", text, count=1)) + m.end()


def item_number(kind: str, text: str) -> tuple[str, str] | None:
    """(number, title) when the block is a numbered agenda item's title line ("25/24  Work programme")."""
    line = text.strip()
    if "\n" in line or len(line) > ITEM_TITLE_MAX or kind in ("table", "turn"):
        return None
    m = _ITEM.match(line)
    if not m:
        return None
    number, title = m.group("number"), m.group("title").strip(" .:-–\t")
    if "/" not in number and (kind == "list_item" or not title[:1].isupper() or title.endswith(".")):
        return None
    return number, title


def parse_time(text: str) -> tuple[str, int] | None:
    """The first time of day in `text` as HH:MM, with the offset where it ends."""
    for m in _TIME.finditer(text):
        if m.group("h24") is not None:
            return f"{int(m.group('h24')):02d}:{m.group('m24')}", m.end()
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        if hour > 12:
            continue
        pm = m.group("ampm").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        return f"{hour:02d}:{minute:02d}", m.end()
    return None


def venue_after_time(text: str) -> str | None:
    """The place written after the time: "Tuesday 24th March 2026 at 10:00am, Eastbrook Family Hub." """
    hit = parse_time(text)
    if hit is None:
        return None
    rest = text[hit[1]:]
    rest = re.sub(r"^\s*(?:-\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)?", "", rest, flags=re.I)   # an end time
    rest = re.sub(r"^[\s,;:–-]*(?:at|in|venue:?|place:?)?\s+", "", rest, flags=re.I)
    rest = rest.split("\n")[0].strip().rstrip(".").strip()
    return rest or None


def line_value(texts: Sequence[str], labels: Sequence[str]) -> str | None:
    """The value of the first "Label: value" line among `texts`."""
    pattern = re.compile(r"^\s*(?:" + "|".join(re.escape(l) for l in labels) + r")\s*:\s*(?P<value>\S.*)$", re.I | re.M)
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group("value").strip()
    return None


def phone(text: str) -> str | None:
    m = _PHONE.search(text)
    return m.group(1) if m else None


def contact(text: str) -> str | None:
    """Phone and e-mail found in `text`, joined ("01632 960 101, chair@example.gov.uk")."""
    parts = [p for p in (phone(text), (_EMAIL.search(text) or [None])[0]) if p]
    return ", ".join(parts) or None


def split_list(text: str, seps: str = ",;") -> list[str]:
    """Split on separators outside parentheses; parts trimmed, empty parts dropped."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip().strip(".").strip() for p in parts if p.strip().strip(".").strip()]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s.strip()]


def without_brackets(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text).strip()

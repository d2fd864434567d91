"""Extraction JSON (+ the Document it came from) -> a typed record (docs/records.md).

`build_record(document, extraction_json)` fills every field it can: the facts the pipeline found
(attendees, decisions, actions, dates, conference facts), the narrative of each section, and the
facts written on one line (time, venue, contact numbers, members).  Evidence is kept wherever the
extraction gave it.  Committee records are built in `build_committee.py`.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any, Mapping, Sequence

from .model import (
    CATEGORIES,
    CONFERENCE_STATUSES,
    CONFERENCE_TYPES,
    DECISIONS,
    AgencyInformation,
    AgencyReport,
    Chair,
    Child,
    ConferenceAttendee,
    ConferenceDecision,
    ConferenceRecord,
    CoreGroup,
    Evidence,
    LeadSocialWorker,
    PlanAction,
    Record,
    Source,
    is_iso_date,
)
from .segments import (
    Segment,
    contact,
    line_value,
    load_record_rules,
    parse_time,
    segment,
    sentences,
    split_list,
    venue_after_time,
    without_brackets,
)

HEAD_BLOCKS = 12
FAMILY_ROLE_WORDS = ("mother", "father", "parent", "grand", "partner", "carer", "aunt", "uncle", "sibling", "step", "child", "young person")
_DOB = r"\s*\(?\s*(?:DOB|D\.O\.B\.?|date of birth|born)\s*[:\-]?\s*(?P<d>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})"
_EDD = r"(?:EDD|expected (?:date of )?(?:delivery|birth)|due date|due)\s*[:\-]?\s*(?P<d>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})"


def build_record(document: Any, extraction: Mapping[str, Any]) -> Record:
    """A ConferenceRecord or CommitteeRecord from one document's extraction JSON.

    `document` is the ingest Document the extraction came from (its blocks give the full text of
    each block), or None to build from the extraction JSON alone.
    """
    if extraction.get("kind") == "committee":
        from .build_committee import build_committee

        return build_committee(document, extraction)
    return build_conference(document, extraction)


def source_of(extraction: Mapping[str, Any]) -> Source | None:
    src = extraction.get("source") or None
    if not src or not src.get("name"):
        return None
    return Source(name=src["name"], format=src.get("format"), sha256=src.get("sha256"))


def evidence_of(raw: Mapping[str, Any] | None) -> Evidence | None:
    if not raw or not all(isinstance(raw.get(k), int) for k in ("block", "start", "end")):
        return None
    return Evidence(raw["block"], raw["start"], raw["end"])


def dates_by_block(extraction: Mapping[str, Any]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for d in extraction.get("evidence", {}).get("dates", []):
        ev = d.get("evidence") or {}
        if isinstance(ev.get("block"), int) and is_iso_date(d.get("date") or ""):
            out.setdefault(ev["block"], []).append(d["date"])
    return out


def parse_date(text: str) -> str | None:
    """A day-first written date ("14/08/2017", "24th March 2026") as YYYY-MM-DD, else None."""
    from dateutil import parser

    try:
        value = parser.parse(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text), dayfirst=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return value.date().isoformat() if isinstance(value.date(), date) else None


def narratives(segments: Sequence[Segment]) -> dict[str, list[Segment]]:
    """Record field -> the segments whose text fills it, from the section and label tables.
    A sentence inside a block that starts with another label ("... Worries: ...") goes to that
    label's field."""
    rules = load_record_rules()
    out: dict[str, list[Segment]] = {}
    current_field: str | None = None
    for s in segments:
        if s.section is None or s.section == "_stop":
            current_field = None
            continue
        if s.label is not None:
            current_field = _field_for(s.label, s.section, rules)
        elif current_field is None:
            current_field = rules.fields.get(s.section)
        for field, text in _inline_labels(s.text, current_field, rules):
            current_field = field
            if field and text:
                out.setdefault(field, []).append(replace(s, text=text))
    return out


def _field_for(label: str, section: str | None, rules: Any) -> str | None:
    return next((f for l, f in rules.label_fields.items() if label.startswith(l)), None) or rules.fields.get(section or "")


def _inline_labels(text: str, field: str | None, rules: Any) -> list[tuple[str | None, str]]:
    """Split `text` where a sentence starts with "Label:" of a known section or field."""
    from ..nlp.sections import load_rules

    sections = load_rules()
    out: list[tuple[str | None, str]] = []
    start = 0
    for m in re.finditer(r"(?:(?<=[.!?])\s+)(?P<label>[A-Z][A-Za-z'’ ]{2,40}?)\s*(?:\([^)]{0,60}\))?\s*:\s+", text):
        label = m.group("label").lower().replace("’", "'")
        hit = sections.pattern.fullmatch(label)
        new_field = _field_for(label, sections.by_label[hit.group(0)] if hit else None, rules) if hit or any(
            label.startswith(l) for l in rules.label_fields) else None
        if new_field is None:
            continue
        out.append((field, text[start:m.start()].strip()))
        field, start = new_field, m.end()
    out.append((field, text[start:].strip()))
    return out


def _joined(parts: Sequence[Segment] | None) -> str | None:
    text = "\n\n".join(p.text for p in parts or [] if p.text)
    return text or None


def _points(parts: Sequence[Segment] | None) -> tuple[str, ...]:
    out: list[str] = []
    for p in parts or []:
        for sentence in sentences(p.text):
            out.extend(split_list(sentence, ";"))
    return tuple(out)


def child_id(family: str | None, name: str | None, dob: str | None) -> str:
    """A stable pseudonym: the same family, name and date of birth always give the same id."""
    key = "|".join(" ".join((x or "").lower().split()) for x in (family, name, dob))
    return "C-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:6].upper()


def initials(name: str | None) -> str | None:
    words = [w for w in (name or "").split() if w[:1].isalpha()]
    return "".join(f"{w[0].upper()}." for w in words) or None


def category_name(raw: str | None) -> str | None:
    if not raw:
        return None
    name = raw.replace("_", " ").strip().capitalize()
    return name if name in CATEGORIES else None


def build_conference(document: Any, x: Mapping[str, Any]) -> ConferenceRecord:
    blocks = getattr(document, "blocks", None)
    segs = segment(blocks, x)
    texts = [s.full for s in segs]
    head = texts[:HEAD_BLOCKS]
    by_field = narratives(segs)
    conf = (x.get("conferences") or [{}])[0]
    people = x.get("attendees", [])
    notes = list(x.get("notes", []))
    meeting_date = conf.get("date") or (x.get("meeting") or {}).get("date")
    ctype = conf.get("type") if conf.get("type") in CONFERENCE_TYPES else None
    if ctype is None:
        notes.append("no conference type found")

    family = _family_name(head, conf)
    children = tuple(_child(c, family, texts, ctype, meeting_date, x) for c in conf.get("children", []))
    start_line = line_value(head, ["time", "time of conference"]) or line_value(head, ["date of conference", "date"])
    found_time = parse_time(start_line) if start_line else None

    return ConferenceRecord(
        kind="conference",
        source=source_of(x),
        conference_type=ctype,
        conference_date=meeting_date if meeting_date and is_iso_date(meeting_date) else None,
        conference_time=found_time[0] if found_time else None,
        venue=line_value(head, ["venue", "place", "location"]),
        strategy_discussion_date=conf.get("strategy_discussion_date"),
        children=children,
        family_name=family,
        address=line_value(head, ["address"]),
        chair=_chair(conf.get("chair"), people, segs),
        minute_taker=_minute_taker(people, head),
        attendees=tuple(_attendee(p) for p in people),
        reports=_reports(by_field, segs, people),
        purpose=_joined(by_field.get("purpose")),
        concerns=_joined(by_field.get("concerns")),
        previous_outcome=_joined(by_field.get("previous_outcome")),
        agency_information=_agency_information(by_field.get("agency_information")),
        child_views=_joined(by_field.get("child_views")),
        parent_views=_joined(by_field.get("parent_views")),
        strengths=_points(by_field.get("strengths")),
        risks=_points(by_field.get("risks")),
        risk_factors=tuple(x.get("risk_factors", [])),
        danger_statement=_joined(by_field.get("danger_statement")),
        safety_scale=_safety_scale(by_field.get("safety_scale")),
        analysis=_joined(by_field.get("analysis")),
        dissent=_joined(by_field.get("dissent")),
        plan_actions=tuple(
            PlanAction(what=a["what"], owner=a.get("owner"), due=a.get("due") if is_iso_date(a.get("due") or "") else None,
                       due_text=a.get("due_text"), evidence=evidence_of(a.get("evidence")))
            for a in x.get("actions", []) if a.get("what")
        ),
        contingency_plan=_joined(by_field.get("contingency_plan")),
        lead_social_worker=_lead_sw(conf.get("lead_social_worker"), segs),
        core_group=_core_group(conf.get("core_group_date"), segs),
        review_date=conf.get("review_date"),
        review_time=_section_time(segs, "review"),
        review_venue=_section_venue(segs, "review"),
        distribution=_distribution(by_field.get("distribution")),
        decisions=tuple(_decision(d) for d in x.get("evidence", {}).get("decisions", []) if d.get("text")),
        notes=tuple(notes),
    )


def _family_name(head: Sequence[str], conf: Mapping[str, Any]) -> str | None:
    written = line_value(head, ["family", "family name", "surname"])
    if written:
        return " ".join(w.capitalize() if w.isupper() else w for w in without_brackets(written).split()) or None
    surnames = Counter(c["name"].split()[-1] for c in conf.get("children", []) if len(c.get("name", "").split()) > 1)
    return surnames.most_common(1)[0][0] if surnames else None


def _child(c: Mapping[str, Any], family: str | None, texts: Sequence[str], ctype: str | None,
           meeting_date: str | None, x: Mapping[str, Any]) -> Child:
    name = c.get("name")
    whole = "\n".join(texts)
    dob = expected = None
    if name:
        m = re.search(re.escape(name) + _DOB, whole)
        dob = parse_date(m.group("d")) if m else None
    unborn = bool(name and re.search(r"\bunborn\b", name, re.I)) or (ctype == "pre-birth" and dob is None)
    if unborn:
        m = re.search(_EDD, whole, re.I)
        expected = parse_date(m.group("d")) if m else None
    decision = c.get("decision") if c.get("decision") in DECISIONS else None
    cats = [n for n in (category_name(k) for k in c.get("categories", [])) if n]
    category = cats[0] if len(cats) == 1 else "Multiple" if cats else None
    on_plan = decision in ("plan made", "plan continued")
    evidence = next((d.get("evidence") for d in x.get("evidence", {}).get("decisions", [])
                     if d.get("subject") == name and d.get("evidence")), None)
    return Child(
        child_id=child_id(family, name, dob),
        name=name,
        initials=initials(name),
        date_of_birth=dob,
        unborn=unborn,
        expected_date=expected,
        decision=decision,
        category=category if on_plan else None,
        initial_category=category if decision == "plan made" else None,
        latest_category=category if on_plan else None,
        cp_plan_start_date=meeting_date if decision == "plan made" else None,
        cp_plan_end_date=meeting_date if decision == "plan ended" else None,
        evidence=evidence_of(evidence),
    )


def _attendee(p: Mapping[str, Any]) -> ConferenceAttendee:
    status = p.get("attendance") if p.get("attendance") in CONFERENCE_STATUSES else p.get("status")
    role = p.get("role")
    return ConferenceAttendee(
        name=p["name"],
        role=role,
        agency=p.get("agency"),
        status=status if status in CONFERENCE_STATUSES else "mentioned",
        family=bool(role and any(w in role.lower() for w in FAMILY_ROLE_WORDS)),
        evidence=evidence_of(p.get("evidence")),
    )


def _find_line(segs: Sequence[Segment], pattern: str) -> str | None:
    rx = re.compile(pattern, re.I | re.M)
    for s in segs:
        for line in s.full.split("\n"):
            if rx.search(line):
                return line
    return None


def _chair(name: str | None, people: Sequence[Mapping[str, Any]], segs: Sequence[Segment]) -> Chair | None:
    if not name:
        return None
    role = next((p.get("role") for p in people if p.get("name") == name and p.get("role")), None)
    lines = [s.full for s in segs if re.match(r"^\s*chair\s*:", s.full, re.I) and name.split()[-1] in s.full]
    found = next((c for c in (contact(line) for line in reversed(lines)) if c), None)
    return Chair(name=name, role=role, contact=found)


def _minute_taker(people: Sequence[Mapping[str, Any]], head: Sequence[str]) -> str | None:
    for p in people:
        if (p.get("role") or "").lower() in ("minute taker", "minute-taker", "minutes"):
            return p["name"]
    written = line_value(head, ["minutes", "minute taker", "minute-taker", "minutes taken by", "notes taken by"])
    if written and re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}", written):
        return written
    return None


def _lead_sw(name: str | None, segs: Sequence[Segment]) -> LeadSocialWorker | None:
    if not name:
        return None
    line = _find_line(segs, r"^\s*(?:lead social worker|lead professional|key worker)\s*[:\-]")
    return LeadSocialWorker(name=name, contact=contact(line) if line and name.split()[-1] in line else None)


_TOPIC = {"core_group": re.compile(r"core group", re.I),
          "review": re.compile(r"\breview\b[^\n]{0,40}\bconference\b|\bnext (?:review|conference)\b|\breview (?:date|meeting)\b", re.I)}


def _section_lines(segs: Sequence[Segment], section: str) -> list[str]:
    """Lines about `section`: those in its section that are not about the other meeting, then any
    line naming it ("Next Review Child Protection Conference: ...")."""
    other = _TOPIC["review" if section == "core_group" else "core_group"]
    inside = [line for s in segs if s.section == section and s.text for line in s.text.split("\n")
              if line.strip() and not other.search(line)]
    named = [line for s in segs for line in s.full.split("\n") if _TOPIC[section].search(line) and not other.search(line)]
    return inside + named


def _section_time(segs: Sequence[Segment], section: str) -> str | None:
    for text in _section_lines(segs, section):
        hit = parse_time(text)
        if hit:
            return hit[0]
    return None


def _section_venue(segs: Sequence[Segment], section: str) -> str | None:
    for text in _section_lines(segs, section):
        if parse_time(text):
            return venue_after_time(text)
    return None


def _core_group(when: str | None, segs: Sequence[Segment]) -> CoreGroup | None:
    members_text = next((m.group(1) for m in (re.match(r"^\s*(?:core group\s+)?members(?:hip)?\s*:\s*(.+)$", s.full, re.I | re.S)
                                              for s in segs if s.section == "core_group") if m), None)
    members = tuple(without_brackets(m) for m in split_list(members_text or "")) if members_text else ()
    group = CoreGroup(date=when, time=_section_time(segs, "core_group"), venue=_section_venue(segs, "core_group"),
                      members=tuple(m for m in members if m))
    return group if (group.date or group.time or group.venue or group.members) else None


def _reports(by_field: Mapping[str, list[Segment]], segs: Sequence[Segment],
             people: Sequence[Mapping[str, Any]]) -> tuple[AgencyReport, ...]:
    from ..nlp.normalise import canonical_id
    from ..nlp import gazetteer

    agencies = gazetteer.load("agencies")
    out: dict[str, AgencyReport] = {}
    for s in segs:
        if s.section != "report_submitted" or not s.text:
            continue
        for part in split_list(s.text):
            raw = without_brackets(part)
            raw = re.sub(r"(?i)('s)?\s*(conference\s+)?reports?$", "", raw).strip()
            ident = canonical_id(raw, "agencies") if raw else None
            if ident is None and raw:
                role = canonical_id(raw, "roles")
                ident = gazetteer.load("roles").by_id[role].agency if role else None
            name = agencies.name_of(ident) if ident and ident in agencies.by_id else raw
            if name and name not in out:
                shared = True if re.search(r"shared with (?:the )?(?:parents|family)", part, re.I) else None
                out[name] = AgencyReport(agency=name, shared_with_parents=shared)
    for p in people:
        if p.get("status") == "report submitted" or p.get("attendance") == "report submitted":
            agency = p.get("agency") or p.get("role") or "Unknown"
            old = out.get(agency)
            out[agency] = AgencyReport(agency=agency, author=p["name"], shared_with_parents=old.shared_with_parents if old else None)
    return tuple(out.values())


def _agency_information(parts: Sequence[Segment] | None) -> tuple[AgencyInformation, ...]:
    out = []
    for p in parts or []:
        m = re.match(r"^\s*(?P<agency>[A-Z][^:()\n]{1,40}?)\s*(?:\([^)]*\))?\s*:\s*(?P<text>\S.*)$", p.text, re.S)
        if m:
            out.append(AgencyInformation(agency=m.group("agency").strip(), text=m.group("text").strip()))
        elif out:
            last = out.pop()
            out.append(AgencyInformation(agency=last.agency, text=f"{last.text}\n\n{p.text}"))
    return tuple(out)


def _safety_scale(parts: Sequence[Segment] | None) -> str | None:
    text = _joined(parts)
    if not text:
        return None
    m = re.search(r"professionals?\s*[:\-]?\s*(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)", text, re.I) or \
        re.search(r"(?:^|(?<![\d=])\s)(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)(?:\s*/\s*10)?\b(?!\s*=)", text.split(":", 1)[-1])
    return re.sub(r"\s*[–-]\s*", "-", m.group(1)) if m else None


def _distribution(parts: Sequence[Segment] | None) -> tuple[str, ...]:
    text = _joined(parts)
    if not text:
        return ()
    first = sentences(text)[0]
    return tuple(p[:1].upper() + p[1:] for p in split_list(re.sub(r"\band\b", ",", first)))


def _decision(d: Mapping[str, Any]) -> ConferenceDecision:
    cats = [n for n in (category_name(c) for c in d.get("categories", [])) if n]
    return ConferenceDecision(
        text=d["text"],
        child=d.get("subject"),
        outcome=d.get("outcome") if d.get("outcome") in DECISIONS else None,
        category=cats[0] if len(cats) == 1 else "Multiple" if cats else None,
        evidence=evidence_of(d.get("evidence")),
    )

"""Extraction JSON (+ Document) -> CommitteeRecord: body, date, time, venue, attendees with
substitutes, declarations of interest, numbered items (title, minutes, resolutions, supporting
documents) and actions (ModernGov shape, ../shared/DOMAIN.md)."""
from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from .build import dates_by_block, evidence_of, source_of
from .model import COMMITTEE_STATUSES, CommitteeAction, CommitteeAttendee, CommitteeRecord, Declaration, Item, is_iso_date
from .segments import Segment, line_value, load_record_rules, parse_time, segment, sentences

HEAD_BLOCKS = 12
STATUS = {"report submitted": "apologies"}
_NAME = r"(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_SUBSTITUTE = re.compile(
    rf"(?P<sub>{_NAME})\s*(?:\(|,)?\s*(?:attended|was present|attending|substituted)?\s*(?:as\s+(?:a\s+|the\s+)?substitute\s+for|substituting\s+for|for)\s+(?P<for>{_NAME})"
)
_DECLARED = re.compile(
    r"^(?P<member>.{2,80}?)\s+declared\s+(?:an?\s+)?(?P<kind>disclosable pecuniary|pecuniary|other registrable|non[- ]registrable|personal|prejudicial)?\s*interests?\b",
    re.I,
)
_INTERESTS = {"disclosable pecuniary": "disclosable pecuniary", "pecuniary": "disclosable pecuniary",
              "other registrable": "other registrable", "non-registrable": "non-registrable",
              "non registrable": "non-registrable"}
_DOC_SIZE = re.compile(r"\s+(?:PDF|DOCX?|XLSX?|PPTX?|HTML?)\s+\d+(?:\.\d+)?\s*[KM]B\s*$", re.I)
_PRESENTER = re.compile(r"\b(?:a report of|report of|introduced by|presented by)\s+(?:the\s+)?(?P<who>[A-Z][\w'’]*(?:\s+(?:of|for|and|[A-Z][\w'’]*))*)")
_EXEMPT = re.compile(r"\bexempt\b|schedule 12a|\bin private\b|exclusion of the press and public", re.I)


def build_committee(document: Any, x: Mapping[str, Any]) -> CommitteeRecord:
    blocks = getattr(document, "blocks", None)
    segs = segment(blocks, x, committee=True)
    head = [s.full for s in segs[:HEAD_BLOCKS]]
    meeting = x.get("meeting") or {}
    people = [p for p in x.get("attendees", []) if _looks_like_name(p.get("name", ""))]
    attendees = _attendees(people, segs)
    items = _items(segs)
    notes = list(x.get("notes", []))
    if not items:
        notes.append("no numbered agenda items found")
    time_line = line_value(head, ["time", "start time", "time of meeting"])
    found_time = parse_time(time_line) if time_line else None
    return CommitteeRecord(
        kind="committee",
        source=source_of(x),
        body=meeting.get("body"),
        title=meeting.get("title"),
        meeting_date=meeting.get("date") if is_iso_date(meeting.get("date") or "") else None,
        meeting_time=found_time[0] if found_time else None,
        venue=line_value(head, ["venue", "place", "location"]),
        attendees=attendees,
        declarations=_declarations(segs, attendees),
        items=items,
        actions=tuple(
            CommitteeAction(what=a["what"], owner=a.get("owner"), due=a.get("due") if is_iso_date(a.get("due") or "") else None)
            for a in x.get("actions", []) if a.get("what")
        ),
        next_meeting=_next_meeting(segs, x),
        notes=tuple(notes),
    )


def _looks_like_name(name: str) -> bool:
    return bool(name) and "\n" not in name and name[:1].isupper() and not name.rstrip().endswith(".")


def _attendees(people: Sequence[Mapping[str, Any]], segs: Sequence[Segment]) -> tuple[CommitteeAttendee, ...]:
    from ..nlp.normalise import same_person

    subs: list[tuple[str, str]] = []
    for s in segs:
        if s.section in ("apologies", "present", "in_attendance"):
            subs += [(m.group("sub"), m.group("for")) for m in _SUBSTITUTE.finditer(s.full)]
    listed = [p["name"] for p in people if p.get("status") != "mentioned"]
    out: list[CommitteeAttendee] = []
    for p in people:
        if p.get("attendance") == "absent":
            continue                      # "Not present" / "Absent": neither present nor with apologies
        status = STATUS.get(p.get("status"), p.get("status"))
        if status == "mentioned" and any(same_person(p["name"], n) for n in listed + [a.name for a in out]):
            continue                      # "Councillor Morgan" mentioned in the minutes is the member listed
        substitute_for = None
        for sub, absent in subs:
            if status == "present" and same_person(p["name"], sub):
                full = next((q["name"] for q in people if q is not p and same_person(q["name"], absent)), absent)
                substitute_for = full
        out.append(CommitteeAttendee(
            name=p["name"], role=p.get("role"), agency=p.get("agency"),
            status=status if status in COMMITTEE_STATUSES else "mentioned",
            substitute_for=substitute_for, evidence=evidence_of(p.get("evidence")),
        ))
    return tuple(out)


def _items(segs: Sequence[Segment]) -> tuple[Item, ...]:
    closing = load_record_rules().closing_lines
    order: list[str] = []
    parts: dict[str, list[Segment]] = {}
    for s in segs:
        if s.item is None:
            continue
        if s.item not in parts:
            order.append(s.item)
            parts[s.item] = []
        parts[s.item].append(s)
    items = []
    for number in order:
        group = parts[number]
        title_seg = group[0] if group[0].label is None and group[0].text and _is_title(group[0]) else None
        minutes = [s.text for s in group[1:] if s.section in ("minutes", None, "declarations") and s.text]
        resolutions = [
            s.text for s in group if s is not title_seg and s.section in ("resolved", "decision") and s.text
            and not any(s.text.lower().rstrip(".").startswith(c) and len(s.text) < len(c) + 40 for c in closing)
        ]
        documents = [
            _DOC_SIZE.sub("", line).strip() for s in group if s.section == "supporting_documents"
            for line in s.text.split("\n") if line.strip()
        ]
        narrative = "\n\n".join(minutes) or None
        presenter = _PRESENTER.search(narrative or "")
        items.append(Item(
            number=number,
            title=title_seg.text if title_seg else None,
            presenter=presenter.group("who").strip() if presenter else None,
            minutes=narrative,
            resolutions=tuple(resolutions),
            supporting_documents=tuple(documents),
            exempt=bool(_EXEMPT.search(" ".join(filter(None, [title_seg.text if title_seg else "", narrative or ""])))),
        ))
    return tuple(items)


def _is_title(s: Segment) -> bool:
    from .segments import item_number

    return item_number(s.kind, s.full) is not None


def _declarations(segs: Sequence[Segment], attendees: Sequence[CommitteeAttendee]) -> tuple[Declaration, ...]:
    from ..nlp.normalise import same_person

    declaring_items = {s.item for s in segs if s.section == "declarations"}
    out = []
    for s in segs:
        if not (s.section == "declarations" or s.item in declaring_items) or not s.text:
            continue
        for sentence in sentences(s.text):
            m = _DECLARED.match(sentence)
            if not m or re.match(r"(?i)(no|neither|there were no)\b", sentence):
                continue
            raw = m.group("member").strip()
            member = next((a.name for a in attendees if same_person(a.name, raw)), raw)
            mentioned = re.search(r"\b(\d{1,3}/\d{2,4})\b", sentence)
            kind = (m.group("kind") or "").lower()
            out.append(Declaration(
                member=member,
                item=mentioned.group(1) if mentioned else s.item,
                interest=_INTERESTS.get(kind),
                text=sentence,
            ))
    return tuple(out)


def _next_meeting(segs: Sequence[Segment], x: Mapping[str, Any]) -> str | None:
    by_block = dates_by_block(x)
    for s in segs:
        if s.section == "review" and by_block.get(s.block):
            return by_block[s.block][0]
    return None

"""The only module that reads a processed Doc: Docs -> Extraction (plain, frozen data).

An Extraction holds everything the pipeline found in one document, each item with the evidence
(block index and character offsets) that supports it, and renders to the JSON that
`minutes extract` prints.  The store and the templates never import spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

from ..ingest.blocks import Document
from ..nlp.attendees import PORTFOLIO_POSTS
from ..nlp.sections import load_rules, match_label
from ..nlp.found import (
    BlockSection,
    Evidence,
    FoundAction,
    FoundAgency,
    FoundDate,
    FoundDecision,
    FoundPerson,
    unpack,
)

JSON_STATUS = {
    "present": "present",
    "in attendance": "in attendance",
    "apologies": "apologies",
    "report submitted": "report submitted",
    "absent": "apologies",
    "mentioned": "mentioned",
}
STATUS_RANK = {"present": 0, "in attendance": 1, "apologies": 2, "report submitted": 2, "absent": 3, "mentioned": 4}
HEAD_BLOCKS = 15
SENTENCE_WINDOW = 300        # characters either side of a term read as its sentence (run-on text has huge ones)
REPORT_WINDOW = 60           # characters between an agency and the verb saying it reported
HOST_AGENCIES = {"council"}
CONFERENCE_HOSTS = {"independent_reviewing_service"}   # the chair's unit runs a conference: no agency taking part
_COUNCILLOR = re.compile(r"(?i)(?:cllr|councillor)\b")
_MEMBER_ROLES = {"councillor", "cabinet_member", "lead_member", "mayor"}
_ATTENDANCE_SECTIONS = {"present", "in_attendance", "apologies", "report_submitted", "absent"}
_REPORTS = re.compile(
    r"\b(?:report(?:ed)?\s+(?:of|from|by)|presented|presentation|gave\s+an?\s+(?:update|overview)|updated|"
    r"(?:introduced|submitted)\s+(?:the|a)\s+report|informed|advised|explained|reported|shared|provided|outlined|"
    r"highlighted|described|confirmed|stated|said|attended|delivered|tabled)\b",
    re.I,
)
_ABOUT_IT = re.compile(r"\b(?:annual\s+reports?|updates?\s+on|report\s+(?:on|of|from)|presentation\s+(?:on|from))\b", re.I)
_REPORT_BY = re.compile(r"\b(?:report|paper|presentation|update|briefing)s?\s+(?:of|from|by)\s+(?:the\s+)?$", re.I)
_NEGATED = re.compile(
    r"\b(?:no|not|nil|never|denies|denied|without|ruled\s+out|no\s+evidence\s+of|no\s+concerns?\s+(?:re|about|regarding)|"
    r"no\s+(?:known|current|reported))\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_FINE_AFTER = re.compile(
    r"\s+(?:have|has|had)?\s*(?:been|are|were|was|is|remain(?:ed|s)?)\s+(?:(?!not\b|never\b|n['’]t\b)\w+\s+){0,2}?"
    r"(?:good|fine|ok|okay|appropriate|adequate|clean|tidy|satisfactory|acceptable|positive)\b", re.I)
_BODY = re.compile(
    r"(?P<body>(?:[A-Z][\w'’&]*|and|of|for|the|&|on)(?:[ \t]+(?:[A-Z][\w'’&,\-]*|and|of|for|the|&|on|Young|People's)){0,14}?[ \t]+"
    r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Council|Partnership|Forum|Group|Trust Board|Scrutiny Commission))\b"
)
_CONFERENCE_ROLES = {
    "social_worker", "independent_reviewing_officer", "health_visitor", "designated_safeguarding_lead",
    "school_nurse", "mother", "father", "family_support_worker", "idva", "midwife",
}


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    source: dict[str, Any]
    kind: str
    title: str | None
    date: str | None
    body: str | None
    attendees: tuple[FoundPerson, ...]
    agencies: tuple[Term, ...]
    categories: tuple[Term, ...]
    risk_factors: tuple[Term, ...]
    decisions: tuple[FoundDecision, ...]
    actions: tuple[FoundAction, ...]
    dates: tuple[FoundDate, ...]
    conference: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    date_evidence: Evidence | None = None
    sections: tuple[dict[str, Any], ...] = ()      # {"block", "section", "item", "opens", "kind", "text"}

    def to_json(self) -> dict[str, Any]:
        conferences = []
        if self.kind == "conference":
            outcomes = [d.outcome for d in self.decisions if d.outcome]
            conferences.append({
                "type": self.conference.get("type"),
                "date": self.date,
                "outcome": _overall(outcomes),
                "categories": [t.name for t in self.categories],
                "agencies_present": sorted({p.agency for p in self.attendees if p.agency and p.status in ("present", "in attendance")}),
                "children": [
                    {"name": c["name"], "decision": _child_outcome(c["name"], self.decisions),
                     "categories": _child_categories(c["name"], self.decisions)}
                    for c in self.conference.get("children", [])
                ],
                "chair": self.conference.get("chair") or _chair_of(self.attendees),
                "lead_social_worker": self.conference.get("lead_social_worker"),
                "strategy_discussion_date": self.conference.get("strategy_discussion_date"),
                "core_group_date": self.conference.get("core_group_date"),
                "review_date": self.conference.get("review_date"),
            })
        return {
            "source": self.source,
            "kind": self.kind,
            "meeting": {"title": self.title, "date": self.date, "body": self.body,
                        "evidence": self.date_evidence.to_dict() if self.date_evidence else None},
            "attendees": [
                {"name": p.name, "role": p.role, "agency": p.agency, "status": JSON_STATUS.get(p.status, "mentioned"),
                 "attendance": p.status, "chair": p.chair, "confidence": p.confidence, "evidence": p.evidence.to_dict()}
                for p in self.attendees
            ],
            "agencies": [t.name for t in self.agencies],
            "categories": [t.name for t in self.categories],
            "risk_factors": [t.name for t in self.risk_factors],
            "decisions": [d.text for d in self.decisions],
            "actions": [
                {"what": a.what, "owner": a.owner, "due": a.due, "due_text": a.due_text, "evidence": a.evidence.to_dict()}
                for a in self.actions
            ],
            "dates": sorted({d.value for d in self.dates}),
            "conferences": conferences,
            "evidence": {
                "agencies": [{"name": t.name, "evidence": t.evidence.to_dict()} for t in self.agencies],
                "categories": [{"name": t.name, "evidence": t.evidence.to_dict()} for t in self.categories],
                "risk_factors": [{"name": t.name, "evidence": t.evidence.to_dict()} for t in self.risk_factors],
                "decisions": [
                    {"text": d.text, "item": d.item, "subject": d.subject, "outcome": d.outcome,
                     "categories": list(d.category_ids), "evidence": d.evidence.to_dict()}
                    for d in self.decisions
                ],
                "dates": [{"date": d.value, "relative": d.relative, "evidence": d.evidence.to_dict()} for d in self.dates],
            },
            "sections": [dict(s) for s in self.sections],
            "notes": list(self.notes),
        }


def _overall(outcomes: Sequence[str]) -> str | None:
    if not outcomes:
        return None
    for preferred in ("plan made", "plan continued", "plan ended", "no plan"):
        if preferred in outcomes:
            return preferred
    return outcomes[0]


def _child_outcome(name: str, decisions: Iterable[FoundDecision]) -> str | None:
    first = name.split()[0]
    for d in decisions:
        if d.outcome and first in d.text:
            return d.outcome
    return None


def _child_categories(name: str, decisions: Iterable[FoundDecision]) -> list[str]:
    from ..nlp import gazetteer

    cats = gazetteer.load("categories")
    first = name.split()[0]
    out: list[str] = []
    for d in decisions:
        if first in d.text:
            out.extend(cats.name_of(c) for c in d.category_ids if cats.name_of(c) not in out)
    return out


def extract(document: Document, docs: Sequence[Any]) -> Extraction:
    """One document's processed Docs (pieces, in order) -> Extraction."""
    from ..nlp import gazetteer

    people: list[FoundPerson] = []
    agency_entries: list[FoundAgency] = []
    decisions: list[FoundDecision] = []
    actions: list[FoundAction] = []
    dates: list[FoundDate] = []
    term_hits: dict[str, list[tuple[str, Evidence, str | None]]] = {"AGENCY": [], "CATEGORY": [], "RISK": []}
    conference: dict[str, Any] = {}
    anchor = None
    block_sections: dict[int, Any] = {}
    for doc in docs:
        for local, sec in enumerate(unpack(BlockSection, doc._.sections)):
            ids = doc.user_data.get("minutes_block_ids") or []
            index = ids[local][0] if local < len(ids) else (doc._.block_index or 0) + local
            block_sections.setdefault(index, sec)
        people += unpack(FoundPerson, doc._.attendees)
        agency_entries += unpack(FoundAgency, doc.user_data.get("minutes_agency_entries"))
        decisions += unpack(FoundDecision, doc._.decisions)
        actions += unpack(FoundAction, doc._.actions)
        dates += unpack(FoundDate, doc._.dates)
        anchor = anchor or doc._.anchor
        for key, value in (doc._.conference or {}).items():
            if conference.get(key) in (None, [], "") and value not in (None, []):
                conference[key] = value
        term_hits_for(doc, term_hits)

    agencies_g = gazetteer.load("agencies")
    categories_g = gazetteer.load("categories")
    risks_g = gazetteer.load("risk_factors")

    attendees = merge_attendees(people)
    kind = _kind(conference, decisions, attendees, document)
    if kind == "committee":
        attendees = _board_chairs(attendees, document, agencies_g)
    hosts = HOST_AGENCIES | (CONFERENCE_HOSTS if kind == "conference" else set())
    agencies = _agencies(attendees, agency_entries, term_hits["AGENCY"], agencies_g, hosts)
    risks = _discussed_terms(term_hits["RISK"], risks_g)
    decided = [c for d in decisions for c in d.category_ids]
    if decided and kind == "conference":          # a conference's categories are those of its decisions, not every mention
        first_ev = {c: d.evidence for d in reversed(decisions) for c in d.category_ids}
        categories = [Term(categories_g.name_of(c), first_ev[c]) for c in dict.fromkeys(decided) if c in categories_g.by_id]
    else:
        categories = _discussed_terms(term_hits["CATEGORY"], categories_g)
    title, body = _title_body(document)
    date_ev = None
    if anchor:
        date_ev = next((d.evidence for d in dates if d.value == anchor), None)
    notes = []
    if not any(p.status != "mentioned" for p in attendees):
        notes.append("no attendance list found")
    if anchor is None:
        notes.append("no meeting date found")
    if not decisions:
        notes.append("no decisions found")
    seen_dates: set[str] = set()
    unique_dates = []
    for d in dates:
        if d.value not in seen_dates:
            seen_dates.add(d.value)
            unique_dates.append(d)
    sections = tuple(
        {"block": b.index, "section": block_sections[b.index].section, "item": block_sections[b.index].item,
         "opens": block_sections[b.index].opens, "kind": b.kind,
         "text": b.text[block_sections[b.index].content_start:].strip()}
        for b in document.blocks if b.index in block_sections
    )
    return Extraction(
        sections=sections,
        source=document.meta.to_dict(),
        kind=kind,
        title=title,
        date=anchor,
        body=body,
        attendees=tuple(attendees),
        agencies=tuple(agencies),
        categories=tuple(categories),
        risk_factors=tuple(risks),
        decisions=tuple(_dedupe_decisions(decisions)),
        actions=tuple(actions),
        dates=tuple(unique_dates),
        conference=conference,
        notes=tuple(notes),
        date_evidence=date_ev,
    )


_PORTFOLIO_BEFORE = re.compile(rf"(?i)\b(?:{PORTFOLIO_POSTS})(?:\s+(?:for|of))?[\s\-–—:,]+(?:[\w'’]+[\s,&]+){{0,6}}$")
PORTFOLIO_WINDOW = 80      # characters before an agency name searched for the portfolio it belongs to


def term_hits_for(doc, hits: dict[str, list[tuple[str, Evidence, str | None]]]) -> None:
    from ..nlp.found import BlockSection, block_starts, evidence_at, text_of

    from ..nlp import gazetteer
    from ..nlp.attendees import PRESENTING_KEY, UNLABELLED_LIST_KEY, load_speech_verbs

    starts = block_starts(doc)
    sections = unpack(BlockSection, doc._.sections)
    terms = list(doc.spans.get("terms", []))
    agencies = [(t.start, t.end) for t in terms if t.label_ == "AGENCY"]
    text = text_of(doc)
    listed = doc.user_data.get(UNLABELLED_LIST_KEY) or (0, 0)     # an attendance list whose label was lost
    roles = gazetteer.load("roles")
    verbs = load_speech_verbs()
    presenting = doc.user_data.get(PRESENTING_KEY, ())      # found once, by the attendee reader
    for span in terms:
        if span.label_ == "ROLE" and roles.by_id.get(span.id_) is not None and roles.by_id[span.id_].agency:
            # "The Director of Children's Services said ...": that service took part
            after = doc[span.end:span.end + 3]
            before = text[max(0, span.start_char - 40):span.start_char]
            if any(t.lower_ in verbs for t in after) or _REPORT_BY.search(before) \
                    or any(s <= span.start_char and span.end_char <= e for s, e in presenting):
                # "..., Director for Children's Social Care, Alex Kubeyinje, introduced the report"
                ev = evidence_at(doc, span.start_char, span.end_char, starts)
                hits["AGENCY"].append((roles.by_id[span.id_].agency, ev, "reported"))
            continue
        if span.label_ in ("RISK", "CATEGORY") and span.end < len(doc) and doc[span.end].lower_ in _term_context():
            continue                           # "Neglect Strategy", "mental health services": the name of a piece of work
        if span.label_ == "RISK":
            if any(s <= span.start and span.end <= e for s, e in agencies):
                continue                       # "substance misuse service" names a service, not a risk
            if _childs_own(span, text):
                continue                       # "re-offending by children": the child's own offending
            if _initials_speaking(span, verbs):
                continue                       # "DA confirmed that ...": a person's initials, not domestic abuse
            window = text[max(span.sent.start_char, span.start_char - 60):span.start_char]
            if _NEGATED.search(window) or _FINE_AFTER.match(text, span.end_char):
                continue                       # "no concerns re alcohol", "home conditions have been good"
        if span.label_ in hits:
            ev = evidence_at(doc, span.start_char, span.end_char, starts)
            local = ev.block - (doc._.block_index or 0)
            sec = sections[local].section if 0 <= local < len(sections) else None
            if span.label_ == "AGENCY" and sec in _ATTENDANCE_SECTIONS \
                    and _PORTFOLIO_BEFORE.search(text, max(0, span.start_char - PORTFOLIO_WINDOW), span.start_char):
                continue                       # "Councillor X Cabinet Member – Health & Adult Social Care": a portfolio
            if span.label_ == "RISK" and (sec in _ATTENDANCE_SECTIONS or listed[0] <= local < listed[1]):
                continue                       # "(MH) Margaret Harvey", "CSE team" in a list of people: no risk
            if span.label_ == "AGENCY" and sec in (None, "minutes", "agency_information") and _reports(span, text):
                sec = "reported"                   # the agency gave information to the meeting
            elif span.label_ == "AGENCY" and listed[0] <= local < listed[1]:
                sec = "present"                    # named in an attendance list whose label was lost
            hits[span.label_].append((span.id_, ev, sec))


def _initials_speaking(span, verbs) -> bool:
    """A short capital abbreviation ("DA", "DV") that opens a clause as the subject of a speech
    verb is a person's initials in the notes, not a risk factor."""
    text = span.text
    if len(text) > 3 or not text.isalpha() or not text.isupper():
        return False
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    if before is not None and not before.is_punct:
        return False                           # "the DV reported to police": the abuse itself
    after = span.doc[span.end:span.end + 1]
    return len(after) == 1 and after[0].lower_ in verbs


def _childs_own(span, text: str) -> bool:
    """A risk term about the child's own behaviour ("re-offending by children", "youth offending")."""
    rule = _children_offending()
    if span.id_ != rule.get("risk"):
        return False
    before = text[max(0, span.start_char - 20):span.start_char].lower()
    after = text[span.end_char:span.end_char + 25].lower().lstrip()
    return any(before.endswith(w) for w in rule["before"]) or any(after.startswith(w) for w in rule["after"])


@lru_cache(maxsize=1)
def _children_offending() -> dict:
    import json

    from ..resources import models_dir

    data = json.loads((models_dir() / "rules" / "term_context.json").read_text(encoding="utf-8"))
    return data.get("children_offending", {})


@lru_cache(maxsize=1)
def _term_context() -> frozenset[str]:
    import json

    from ..resources import models_dir

    data = json.loads((models_dir() / "rules" / "term_context.json").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["not_before"])


def _reports(span, text: str) -> bool:
    """The agency gave information to the meeting: it is the subject of a reporting verb close
    after it ("The Police informed Members ..."), or the report is its ("a report from CAMHS")."""
    sent = span.sent
    after = text[span.end_char:min(sent.end_char, span.end_char + REPORT_WINDOW)]
    before = text[max(sent.start_char, span.start_char - 40):span.start_char]
    around = text[max(sent.start_char, span.start_char - SENTENCE_WINDOW):min(sent.end_char, span.end_char + SENTENCE_WINDOW)]
    return bool(_REPORTS.search(after)) or bool(_REPORT_BY.search(before)) or bool(_ABOUT_IT.search(around))


_SCORED = re.compile(r"^(?!(?:PC|DC|DS|DI|DCI|PS|Sgt|Insp)\.?\s+\d)\D*\d")   # a digit in a name; a collar number ("PC 3318 ...") is no score


_TITLED_INITIALS = re.compile(r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)+[A-Z]{2,4}")


def merge_attendees(people: Sequence[FoundPerson]) -> list[FoundPerson]:
    """One entry per person: list entries win over mentions; the fullest name form is kept."""
    from ..nlp.normalise import best_form, keys_match, merge_people, person_key

    people = [p for p in people if not _SCORED.search(p.name) and not _TITLED_INITIALS.fullmatch(p.name)]
    # "Dale 8" on a scaling line is a score; "Cllr. HF may be late" names by initials someone listed in full
    if not people:
        return []
    ordered = sorted(range(len(people)), key=lambda i: (STATUS_RANK.get(people[i].status, 5), i))
    names = [people[i].name for i in ordered]
    out: list[tuple[int, FoundPerson]] = []
    for group in merge_people(names):
        members = [people[ordered[j]] for j in group]
        lead = members[0]
        role = next((m.role for m in members if m.role), None)
        role_id = next((m.role_id for m in members if m.role_id), None)
        agency = next((m.agency for m in members if m.agency), None)
        agency_id = next((m.agency_id for m in members if m.agency_id), None)
        merged = replace(
            lead,
            name=best_form([m.name for m in members]),
            role=role,
            role_id=role_id,
            agency=agency,
            agency_id=agency_id,
            chair=any(m.chair for m in members),
            confidence=max(m.confidence for m in members),
        )
        first_seen = min(ordered[j] for j in group)
        out.append((first_seen, merged))
    listed = [person_key(p.name) for _, p in out if p.status != "mentioned"]
    out = [(i, p) for i, p in out if p.status != "mentioned"
           or not any(keys_match(person_key(p.name), k) for k in listed)]   # "Mr Whitfield" beside two listed Whitfields
    return [p for _, p in sorted(out, key=lambda x: x[0])]


def _agencies(attendees, entries, hits, gaz, hosts=HOST_AGENCIES) -> list[Term]:
    """Agencies that took part: those of attendees (officers who spoke or presented too) and
    agency-only list entries, plus agencies named in agency-information and report sections.
    The `hosts` (the council holding a meeting; the reviewing service chairing a conference)
    are left out."""
    found: dict[str, Evidence] = {}
    for p in attendees:
        if p.agency_id and not _COUNCILLOR.match(p.name) and p.role_id not in _MEMBER_ROLES:
            found.setdefault(p.agency_id, p.evidence)  # a councillor's portfolio is no partner agency
    for a in entries:
        found.setdefault(a.agency_id, a.evidence)
    for ident, ev, sec in hits:
        if sec in ("agency_information", "report_submitted", "present", "apologies", "in_attendance", "reported"):
            found.setdefault(ident, ev)
    return [Term(gaz.name_of(i), ev) for i, ev in found.items() if i in gaz.by_id and i not in hosts]


def _discussed_terms(hits, gaz) -> list[Term]:
    """Risk factors (or plan categories) found, each once, with the ones they imply."""
    found: dict[str, Evidence] = {}
    for ident, ev, _ in hits:
        for i in (ident, *gaz.implied(ident)):
            found.setdefault(i, ev)
    return [Term(gaz.name_of(i), ev) for i, ev in found.items() if i in gaz.by_id]


def _board_chairs(attendees, document: Document, gaz) -> list[FoundPerson]:
    """In a board's minutes an "Independent Chair" chairs the board: no reviewing officer of
    children's social care, but the safeguarding partnership's (when the board is one)."""
    head = " ".join(b.text for b in document.blocks[:HEAD_BLOCKS]).lower()
    partnership = "safeguarding" in head and any(w in head for w in ("board", "partnership", "lscb", "scb"))
    agency = "safeguarding_partnership" if partnership and "safeguarding_partnership" in gaz.by_id else None
    out = []
    for p in attendees:
        if p.role_id == "independent_reviewing_officer":
            p = replace(p, role="Independent Chair", role_id="chair", agency_id=agency,
                        agency=gaz.name_of(agency) if agency else None, chair=True)
        out.append(p)
    return out


def _kind(conference, decisions, attendees, document: Document) -> str:
    if conference.get("type"):
        return "conference"
    if any(d.outcome for d in decisions) and conference.get("children"):
        return "conference"
    roles = {p.role_id for p in attendees if p.status != "mentioned"}
    if len(roles & _CONFERENCE_ROLES) >= 3 and not any((p.role_id or "") == "councillor" for p in attendees):
        return "conference"
    return "committee"


def _title_body(document: Document) -> tuple[str | None, str | None]:
    blocks = document.blocks[:HEAD_BLOCKS]
    title = None
    rules = load_rules()
    for b in blocks:
        if b.kind == "heading" and not re.fullmatch(r"(?i)\s*(agenda item|issue - meetings|minutes:?|resolved:?)\s*", b.text):
            label = match_label(b.text, True, rules)
            if label and label[0] != "minutes" and not b.text[label[1]:].strip():
                continue                    # "Attendees", "Apologies": a section's heading, not the document's title
            title = " ".join(b.text.split())[:200]
            break
    if title is None and blocks and blocks[0].kind != "turn":     # a transcript's first words are no title
        title = " ".join(blocks[0].text.split("\n")[0].split())[:200]
    body = None
    for b in blocks:
        for line in b.text.split("\n")[:3]:
            m = _BODY.search(line)
            if m:
                body = m.group("body").strip()
                body = re.sub(r"^(?:Minutes of the |Meeting of the |Meeting: .*? - )", "", body)
                break
        if body:
            break
    return title, body


def _chair_of(attendees) -> str | None:
    """The person marked chair in the attendance, else the one Independent Reviewing Officer there."""
    there = [p for p in attendees if p.status in ("present", "in attendance")]
    marked = [p.name for p in there if p.chair]
    if marked:
        return marked[0]
    iros = [p.name for p in there if p.role_id == "independent_reviewing_officer"]
    return iros[0] if len(iros) == 1 else None


def _dedupe_decisions(decisions: Sequence[FoundDecision]) -> list[FoundDecision]:
    """One decision per text and place: found twice in one block, or repeated in the very next block
    (a web page's summary and its minutes), is once; the same words resolved under two agenda items
    ("that the position be noted.") are two decisions."""
    last: dict[str, int] = {}
    out = []
    for d in decisions:
        key = " ".join(d.text.lower().split())
        if key and not (key in last and abs(d.evidence.block - last[key]) <= 1):
            out.append(d)
        last[key] = d.evidence.block
    return out

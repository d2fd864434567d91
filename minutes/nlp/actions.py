"""minutes_actions: what must be done, by whom and by when.

Entries of an Actions / Outline plan section (one per line or list item), attendance-style
tables with What / Who / When columns, and "ACTION:" lines anywhere.  Shapes understood:
  "Hannah Price SW - make referral to Eastbrook Recovery - by 19/03/2026"
  "HV to see Poppy every 4 weeks"      "Refer to SALT (HV, by 26/03/2026)"
  "Action: Chair to write to the ICB by 1 May 2026"
The due date is the last date in the entry (from minutes_dates); words like "ongoing" or
"by next core group" are kept as due_text when there is no date.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .found import BlockSection, FoundAction, FoundDate, block_starts, evidence_at, pack, unpack, text_of
from .sections import load_rules

_ACTION_LINE = re.compile(r"^\s*(?:[-*•]\s*)?action(?:\s+point)?s?\s*[:\-–]\s*", re.I)
_DASHES = re.compile(r"\s+[\-–—]\s+")
_TO = re.compile(r"^(?P<owner>[^,;:]{2,60}?)\s+(?:to|will|agreed\s+to|is\s+to|are\s+to)\s+(?P<what>\S.*)$", re.I)
_BY = re.compile(r"[\s,(]*(?:\bnext\s+(?=\d)|\bby\b|\bbefore\b|\bno\s+later\s+than\b|\bw/c\b|\bweek\s+commencing\b|\bfirst\b|\bdue\b|\bdeadline\b|\bwithin\b|\bongoing\b|\bfrom\b)[^)]*\)?\s*$", re.I)
_DUE_WORDS = re.compile(r"\b(ongoing|by\s+next\s+core\s+group|at\s+each\s+core\s+group|before\s+review|by\s+review|immediately|asap|weekly|monthly|fortnightly)\b", re.I)
_HEADER = {
    "what": ("action", "what", "task", "outcome", "activity"),
    "owner": ("who", "owner", "responsible", "lead", "by whom", "person"),
    "due": ("when", "by", "date", "timescale", "deadline", "due"),
}
_OWNER_HINT = re.compile(r"\b(?:SW|HV|SN|GP|DSL|IDVA|FSW|TM|IRO|PC|DC|Chair|Mum|Dad|Mother|Father|School|Police|Nursery|CAMHS|[A-Z][a-z]+\s+[A-Z][a-z]+)\b")


_PROMISE = re.compile(
    r"^(?:(?P<owner>(?:the\s+)?[A-Z][\w'’\- ]{2,60}?)\s+(?:agreed|undertook|offered|promised)\s+to\s+(?P<what>(?:write|provide|circulate|arrange|"
    r"report|share|send|bring|ensure|explore|investigate|contact|update|look\s+into|follow\s+up|invite|liaise|meet)\b.*)"
    r"|.*\b(?:would|will)\s+be\s+(?:circulated|shared|provided|invited|presented|sent|reported|arranged|brought|submitted|"
    r"forwarded|followed\s+up|considered\s+at\s+the\s+next)\b.*)$",
    re.S,
)
_ACTIONS_CUE = re.compile(r"\bactions?\b(?:\s+(?:then|now|please|agreed))?\s*[.:]", re.I)
_SENTENCE = re.compile(r"[^.?!]+[.?!]?")
_REQUEST = re.compile(
    r"^\s*(?:so\s+|and\s+|then\s+)?(?P<owner>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?),\s+"
    r"(?:(?:can|could|will|would)\s+you(?:\s+please)?|please|I'd\s+like\s+you\s+to|you'll\s+need\s+to)\s+(?P<what>\S.*)$"
)
_ADDRESSED = re.compile(r"^\s*(?P<owner>[A-Z][a-z'’\-]+),\s+(?P<what>(?:a|an|the)\s+\S.*\bby\b.*)$")
_OWNER_COLON = re.compile(
    r"^(?P<owner>(?:(?:Dr|Mr|Mrs|Ms|Miss|DS|DC|PC)\.?\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}(?:\s*\([^)]{1,20}\))?):\s+(?P<what>\S.*)$"
)
_LABEL_VALUE = re.compile(r"^\s*[\w/ .']{1,15}:\s")
_VERBISH = re.compile(r"\b(?:to|will|must|should|needs?\s+to)\s+[a-z]|(?:^|[\-–—]\s+)[a-z]{3,}\b")
_NAME_ONLY = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,2}")
_RESOLUTION_TASK = re.compile(
    r"^(?:(?i:that)\s+)?(?P<owner>(?:the\s+)?[A-Z][\w'’&,\- ]{2,90}?)\s+(?P<what>(?:provide|write|bring|report|circulate|send|arrange|"
    r"prepare|forward|update|present|submit|review|investigate|explore|contact|ensure|monitor|establish|develop|produce|"
    r"undertake|share|seek|liaise|meet|invite|consult|draft|publish|identify|confirm)\b(?!\s+(?:be|was|were)\b).*)$",
)
_TRAILING_WHEN = re.compile(r"\s+(?:to|at|by|before|for)\s+(?:the\s+|a\s+)?(?:next\s+|future\s+)?(?:meeting|committee|board|panel)\b[^.;]*$|\s+(?:by|before|on)\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}\.?$", re.I)


def _looks_like_action(line: str, block_kind: str) -> bool:
    """An entry of an actions section that reads as a task, not a label line or a bare name."""
    stripped = line.strip(" -*•>")
    if len(stripped.split()) < 3 or _LABEL_VALUE.match(stripped) and not _ACTION_LINE.match(stripped):
        return False
    if len(stripped.split()) > (40 if block_kind == "list_item" else 25):
        return False
    return block_kind == "list_item" or bool(_VERBISH.search(stripped))


class ActionFinder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rules = load_rules()

    def __call__(self, doc: Doc) -> Doc:
        sections = unpack(BlockSection, doc._.sections)
        dates: dict[int, list[FoundDate]] = {}
        for d in unpack(FoundDate, doc._.dates):
            dates.setdefault(d.evidence.block, []).append(d)
        starts = block_starts(doc)
        kinds = doc.user_data.get("minutes_blocks", [])
        rows = doc.user_data.get("minutes_rows", [])
        found: list[FoundAction] = []
        cue_turns = 0                   # turns since someone said "actions" in a transcript
        for i, span in enumerate(doc.spans["blocks"]):
            sec = sections[i] if i < len(sections) else BlockSection(None)
            block_kind = kinds[i][0] if i < len(kinds) else span.label_
            if block_kind == "table" and i < len(rows) and rows[i]:
                found.extend(self._table(doc, starts, span, rows[i], dates, i))
                continue
            if block_kind == "heading":
                continue
            if block_kind == "turn":
                cue = _ACTIONS_CUE.search(span.text) is not None or cue_turns > 0
                cue_turns = 3 if _ACTIONS_CUE.search(span.text) else max(cue_turns - 1, 0)
                found.extend(self._requests(doc, starts, span, dates, cue))
                continue
            in_section = self.rules.kind(sec.section) == "actions"
            begin = span.start_char + sec.content_start
            for s, e in _lines(text_of(doc), begin, span.end_char):
                line = text_of(doc)[s:e]
                m = _ACTION_LINE.match(line)
                if m:
                    s += m.end()
                elif not in_section or not _looks_like_action(line, block_kind):
                    continue
                action = self._parse(doc, starts, s, e, dates)
                if action:
                    found.append(action)
        found.extend(self._from_resolutions(doc, dates))
        found.extend(self._promised(doc, starts, sections, kinds, dates))
        doc._.actions = pack(found)
        return doc

    def _requests(self, doc, starts, span, dates, cue: bool) -> list[FoundAction]:
        """Spoken tasks in a transcript turn: "Liam, can you update the plan by the 24th?"."""
        out = []
        text = text_of(doc)
        for m in _SENTENCE.finditer(text, span.start_char, span.end_char):
            sentence = m.group(0)
            r = _REQUEST.match(sentence) or (_ADDRESSED.match(sentence) if cue else None)
            if not r:
                continue
            s, e = m.start(), m.end()
            due, due_text = self._due(doc, starts, dates, s, e)
            what = _BY.sub("", r.group("what")).strip(" .?;,")
            what = re.sub(r"(?i)\s+(?:by|before)\s+the\s+end\s+of\s+\w+(?:,\s*so)?$", "", what).strip(" .?;,")
            out.append(FoundAction(what=what, evidence=evidence_at(doc, s, e, starts), owner=r.group("owner"), due=due, due_text=due_text))
        return out

    def _promised(self, doc, starts, sections, kinds, dates) -> list[FoundAction]:
        """Narrative undertakings in minutes: "A briefing note would be circulated to Members",
        "The Director agreed to write to the school"."""
        out = []
        text = text_of(doc)
        for i, span in enumerate(doc.spans["blocks"]):
            sec = sections[i] if i < len(sections) else BlockSection(None)
            kind = kinds[i][0] if i < len(kinds) else span.label_
            if kind not in ("paragraph", "list_item") or self.rules.kind(sec.section) in ("attendance", "actions", "decision"):
                continue
            for m in _SENTENCE.finditer(text, span.start_char, span.end_char):
                sentence = m.group(0).strip()
                if len(sentence.split()) > 45:
                    continue
                p = _PROMISE.search(sentence)
                if not p:
                    continue
                due, due_text = self._due(doc, starts, dates, m.start(), m.end())
                owner = p.group("owner").strip() if p.group("owner") else None
                what = p.group("what").strip(" .;,") if p.group("what") else sentence.strip(" .")
                out.append(FoundAction(what=what, evidence=evidence_at(doc, m.start(), m.end(), starts),
                                       owner=owner, due=due, due_text=due_text))
        return out

    def _from_resolutions(self, doc, dates) -> list[FoundAction]:
        """Resolutions that give someone a task: "That the Head of Service provide figures ..."."""
        from .found import FoundDecision

        out = []
        for d in unpack(FoundDecision, doc._.decisions):
            m = _RESOLUTION_TASK.match(d.text)
            if not m:
                continue
            what = _TRAILING_WHEN.sub("", m.group("what")).strip(" .;,")
            due = next((x.value for x in dates.get(d.evidence.block, ()) if d.evidence.start <= x.evidence.start < d.evidence.end), None)
            out.append(FoundAction(what=what, evidence=d.evidence, owner=m.group("owner").strip(), due=due))
        return out

    def _due(self, doc, starts, dates: list[FoundDate], start: int, end: int) -> tuple[str | None, str | None]:
        ev_start = evidence_at(doc, start, start, starts)
        ev_end = evidence_at(doc, end, end, starts)
        inside = [d for d in dates.get(ev_start.block, ()) if ev_start.start <= d.evidence.start < ev_end.end]
        if inside:
            return inside[-1].value, None
        words = _DUE_WORDS.search(text_of(doc)[start:end])
        return None, (words.group(1) if words else None)

    def _parse(self, doc, starts, start: int, end: int, dates) -> FoundAction | None:
        while start < end and text_of(doc)[start] in " \t-*•>":
            start += 1
        text = text_of(doc)[start:end].strip()
        if len(text) < 4:
            return None
        due, due_text = self._due(doc, starts, dates, start, end)
        owner = None
        what = text
        parts = _DASHES.split(text)
        if len(parts) >= 2:
            body = [p for p in parts if not _BY.fullmatch(" " + p) and not re.fullmatch(r"(?i)\s*(by\b.*|ongoing.*|w/c.*|first\b.*)", p)]
            if len(body) >= 2:
                first, second = body[0], body[1]
                if len(first.split()) <= 5 and (_OWNER_HINT.search(first) or _NAME_ONLY.fullmatch(first.strip())):
                    owner, what = first, " - ".join(body[1:])
                elif len(second.split()) <= 5 and _OWNER_HINT.search(second):
                    owner, what = second, " - ".join([body[0]] + body[2:])
                else:
                    what = " - ".join(body)
            elif body:
                what = body[0]
        if owner is None:
            colon = _OWNER_COLON.match(what)
            if colon:
                owner, what = colon.group("owner"), colon.group("what")
        if owner is None:
            m = _TO.match(what)
            if m and len(m.group("owner").split()) <= 6 and not m.group("owner").lower().startswith(("need", "want", "plan", "agreed", "continue", "refer")):
                owner, what = m.group("owner"), m.group("what")
        what = _BY.sub("", what).strip(" .;,-") or what.strip()
        owner = owner.strip(" ,;:-") if owner else None
        return FoundAction(what=what, evidence=evidence_at(doc, start, end, starts), owner=owner, due=due, due_text=due_text)

    def _table(self, doc, starts, span, rows, dates, index) -> list[FoundAction]:
        header = [c.lower() for c in rows[0]]
        cols: dict[str, int] = {}
        for key, words in _HEADER.items():
            for j, cell in enumerate(header):
                if j not in cols.values() and any(cell.startswith(w) or f" {w}" in cell for w in words):
                    cols[key] = j
                    break
        if "what" not in cols or ("owner" not in cols and "due" not in cols):
            return []
        from .dates import find_dates
        from .datefinder import dates_from_iso

        anchor = dates_from_iso(doc._.anchor)
        out = []
        pos = span.start_char
        lines = span.text.split("\n")
        for r, row in enumerate(rows):
            line_start = pos
            pos += len(lines[r]) + 1 if r < len(lines) else 0
            if r == 0:
                continue
            cells = list(row) + [""] * 4
            what = cells[cols["what"]].strip()
            if not what:
                continue
            owner = cells[cols["owner"]].strip() if "owner" in cols else None
            due_cell = cells[cols["due"]] if "due" in cols else ""
            mentions = [m for m in find_dates(due_cell, anchor) if m.value and m.precision == "day"]
            due = mentions[-1].value.isoformat() if mentions else None
            ev = evidence_at(doc, line_start, line_start + len(lines[r]) if r < len(lines) else line_start, starts)
            out.append(FoundAction(what=what, evidence=ev, owner=owner or None, due=due, due_text=None if due else (due_cell.strip() or None)))
        return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end]) if m.group(0).strip()]


@Language.factory("minutes_actions")
def make_actions(nlp: Language, name: str) -> ActionFinder:
    return ActionFinder(name)

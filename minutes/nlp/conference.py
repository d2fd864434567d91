"""minutes_conference: facts only a CP conference has.

The conference type (initial / review / transfer-in / pre-birth) from the heading or the first
blocks; the chair, the minute-taker and the lead social worker from "Chair: ..." style lines;
the children ("Children: Tyler Smith (DOB 14/08/2017), ..."); and the dates of the strategy
discussion, first core group and next review, taken from the sentence or section that names them.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .found import BlockSection, FoundDate, block_starts, evidence_at, text_of, unpack

TYPE_NAMES = {"initial": "initial", "review": "review", "transfer_in": "transfer-in", "pre_birth": "pre-birth"}
HEAD_BLOCKS = 12
_KEY_LINE = re.compile(
    r"(?im)(?:^|(?<=\s\s)|(?<=\d[ \t]))\s*(?P<key>chair(?:ed by)?|conference chair|iro|minute[\s-]?taker|minutes(?:\s+taken\s+by)?|"
    r"lead\s+social\s+worker|allocated\s+social\s+worker|social\s+worker)\s*[:\-–]\s*(?P<value>[^\n]+)$"
)
_NAME = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx)\.?\s+)?[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2}")
_CHILD = re.compile(
    r"(?P<name>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?)\s*(?:\(\s*(?:(?:DOB|d\.o\.b\.?|born)[:\s]*(?P<dob>[0-9][0-9/.\-]+)|(?:aged?[:\s]*)?(?P<age>\d{1,2})\s*(?:yrs?|years?)?(?:\s+old)?|unborn[^)]*|EDD[^)]*)\s*\)"
    r"|[,\-–]\s*(?:DOB|d\.o\.b\.?|date\s+of\s+birth)[:\s]*(?P<dob2>[0-9][0-9/.\-]+[0-9]))"   # "Ava Moss, DOB 11/06/2021"
)
_EVENT = {
    "strategy_discussion_date": re.compile(r"strategy\s+(?:discussion|meeting)", re.I),
    "core_group_date": re.compile(r"(?:first|next|initial)\s+core\s+group|core\s+group\s+(?:meeting|date|on|will|to\s+be\s+held)\b|core\s+group\s*[:\-–]", re.I),
    "review_date": re.compile(r"review\s+(?:child\s+protection\s+)?conference|next\s+review|review\s+date|rcpc", re.I),
}
LINE_WINDOW = 200      # characters before a date that can say which event it is
_EVENT_SECTION = {"core_group": "core_group_date", "review": "review_date"}


class ConferenceFacts:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans["blocks"]
        sections = unpack(BlockSection, doc._.sections)
        dates = unpack(FoundDate, doc._.dates)
        facts: dict = {"type": None, "type_evidence": None}
        first = doc._.block_index or 0
        starts = block_starts(doc)
        for t in doc.spans.get("terms", []):
            if t.label_ == "CONF_TYPE":
                ev = evidence_at(doc, t.start_char, t.end_char, starts)
                if ev.block < HEAD_BLOCKS:
                    facts["type"] = TYPE_NAMES.get(t.id_, t.id_)
                    facts["type_evidence"] = ev.to_dict()
                    break
        for m in _KEY_LINE.finditer(text_of(doc)):
            key = m.group("key").lower()
            name = _NAME.search(m.group("value"))
            if not name:
                continue
            field = "chair" if key.startswith(("chair", "conference chair", "iro")) else (
                "minute_taker" if key.startswith("minute") else "lead_social_worker")
            facts.setdefault(field, name.group(0))
        children = []
        for m in _CHILD.finditer(text_of(doc)[: spans[min(len(spans), HEAD_BLOCKS) - 1].end_char] if len(spans) else ""):
            children.append({"name": m.group("name"), "dob": m.group("dob") or m.group("dob2"), "age": m.group("age")})
        facts["children"] = children
        text = text_of(doc)
        ids = doc.user_data.get("minutes_block_ids") or []
        for d in dates:
            if d.value == doc._.anchor:
                continue                # "RCPC 20.11.26": the conference's own date is no later event
            local = d.evidence.block - first
            if not 0 <= local < len(spans):
                continue
            sec = sections[local].section if local < len(sections) else None
            span = spans[local]
            offset = ids[local][1] if local < len(ids) else 0
            end = span.start_char + d.evidence.end - offset
            line_start = max(text.rfind("\n", span.start_char, end) + 1, span.start_char, end - LINE_WINDOW)
            line = text[line_start:end]                 # the line up to the date (a long line: its last words)
            for field, pattern in _EVENT.items():
                if facts.get(field):
                    continue
                if pattern.search(line) or (sec is not None and _EVENT_SECTION.get(sec) == field):
                    facts[field] = d.value
                    break
        doc._.conference = facts
        return doc


@Language.factory("minutes_conference")
def make_conference(nlp: Language, name: str) -> ConferenceFacts:
    return ConferenceFacts(name)

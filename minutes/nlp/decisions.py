"""minutes_decisions: resolutions and decisions, each with its evidence.

- Committee minutes: every entry under "RESOLVED" (numbered or lettered), and sentences where
  the body resolves, agrees or decides ("It was agreed that ...").
- Conference notes: "Decision:" lines and sentences under a Decision heading that state an
  outcome; each carries the outcome (plan made / continued / ended / no plan), the plan
  categories named in it and, where named first, the child it is about.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from .found import BlockSection, FoundDecision, block_starts, evidence_at, pack, unpack, text_of
from .sections import load_rules

OUTCOME_NAMES = {
    "plan_made": "plan made",
    "plan_continued": "plan continued",
    "plan_ended": "plan ended",
    "no_plan": "no plan",
}
_BODY_DECIDES = re.compile(
    r"\b(?:it\s+was\s+(?:agreed|resolved|decided|unanimously\s+agreed|unanimously\s+resolved)|"
    r"(?:the\s+)?(?:committee|panel|board|sub-committee|cabinet|council|conference|meeting|members|partnership|forum)\s+"
    r"(?:unanimously\s+)?(?:agreed|resolved|decided|approved|endorsed)\b(?!\s+(?:with|to\s+note\s+that\s+it)))",
    re.I,
)
_DECISION_WORDS = re.compile(
    r"\b(?:plan|category|categor(?:y|ies)|agreed|decided|decision|resolved|will\s+(?:be|become|remain|cease)|to\s+be\s+made|"
    r"subject\s+(?:of|to)|child\s+in\s+need|cin|step\s*(?:ped)?\s*down|cease|ceased|discontinued|end(?:ed)?)\b",
    re.I,
)
_NUMBER = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\d{1,2}\.\d{1,2}\.?)\s+", re.I)
_SUBJECT = re.compile(r"^(?:(?:that|for)\s+)?(?P<name>(?:Child|Baby|Unborn)\s+[A-Z]\w*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_NOT_SUBJECT = {"That", "The", "This", "It", "All", "Both", "Conference", "Chair", "Members", "Decision", "Outcome", "Agreed", "Plan", "Child", "Children", "Parents", "No", "Resolved", "A", "An"}


def _sentences(doc: Doc, start: int, end: int):
    """The sentences of the Doc text [start:end], clipped to that range (Span.sents runs past it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    if not doc.has_annotation("SENT_START"):
        return [span]
    out = []
    for sent in span.sents:
        s, e = max(sent.start_char, start), min(sent.end_char, end)
        clipped = doc.char_span(s, e, alignment_mode="expand")
        if clipped is not None and clipped.text.strip():
            out.append(clipped)
    return out


class DecisionFinder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rules = load_rules()

    def __call__(self, doc: Doc) -> Doc:
        sections = unpack(BlockSection, doc._.sections)
        starts = block_starts(doc)
        terms = sorted((s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans.get("terms", []))
        kinds = doc.user_data.get("minutes_blocks", [])
        found: list[FoundDecision] = []
        for i, span in enumerate(doc.spans["blocks"]):
            sec = sections[i] if i < len(sections) else BlockSection(None)
            kind = self.rules.kind(sec.section)
            block_kind = kinds[i][0] if i < len(kinds) else span.label_
            if block_kind in ("table",):
                continue
            begin = span.start_char + sec.content_start
            if kind == "decision":
                strict = sec.section == "decision" and not sec.opens
                pieces = [(begin, span.end_char)]
                if "\n" in text_of(doc)[begin:span.end_char]:
                    pieces = _lines(text_of(doc), begin, span.end_char)
                for s, e in pieces:
                    if strict:
                        for sent in _sentences(doc, s, e):
                            if _DECISION_WORDS.search(sent.text) and self._outcome(terms, sent.start_char, sent.end_char):
                                found.append(self._decision(doc, starts, terms, sent.start_char, sent.end_char, sec))
                    elif text_of(doc)[s:e].strip():
                        found.append(self._decision(doc, starts, terms, s, e, sec))
            elif block_kind != "heading":
                for sent in _sentences(doc, begin, span.end_char):
                    m = _BODY_DECIDES.search(sent.text)
                    if m:
                        found.append(self._decision(doc, starts, terms, sent.start_char, sent.end_char, sec))
        doc._.decisions = pack(found)
        return doc

    @staticmethod
    def _outcome(terms, start: int, end: int) -> str | None:
        for s, e, label, ident in _within(terms, start, end):
            if label == "OUTCOME":
                return OUTCOME_NAMES.get(ident, ident.replace("_", " "))
        return None

    def _decision(self, doc, starts, terms, start: int, end: int, sec: BlockSection) -> FoundDecision:
        raw = text_of(doc)[start:end]
        lead = _NUMBER.match(raw)
        if lead:
            start += lead.end()
        while start < end and text_of(doc)[start] in " \t:-–—":
            start += 1
        while end > start and text_of(doc)[end - 1] in " \t\n":
            end -= 1
        text = " ".join(text_of(doc)[start:end].split())
        categories = tuple(dict.fromkeys(ident for s, e, label, ident in _within(terms, start, end) if label == "CATEGORY"))
        subject = None
        m = _SUBJECT.match(text)
        if m and m.group("name").split()[0] not in _NOT_SUBJECT:
            subject = m.group("name")
        return FoundDecision(
            text=text,
            evidence=evidence_at(doc, start, end, starts),
            item=sec.item,
            subject=subject,
            outcome=self._outcome(terms, start, end),
            category_ids=categories,
        )


def _within(terms, start: int, end: int):
    """The sorted (start, end, label, id) terms lying inside [start, end)."""
    i = bisect_left(terms, (start,))
    while i < len(terms) and terms[i][0] < end:
        if terms[i][1] <= end:
            yield terms[i]
        i += 1


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        if m.group(0).strip():
            out.append((start + m.start(), start + m.end()))
    return out


@Language.factory("minutes_decisions")
def make_decisions(nlp: Language, name: str) -> DecisionFinder:
    return DecisionFinder(name)

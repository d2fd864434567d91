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
from typing import NamedTuple

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
    r"^it\s+was\s+(?:further|also)\s+(?:agreed|resolved|decided)\b|\b(?:it\s+was\s+(?:agreed|resolved|decided|unanimously\s+agreed|unanimously\s+resolved)|"
    r"(?:minutes|record)\b.{0,360}?\b(?:(?:were|was|be)\s+)?(?:taken\s+as\s+read\s+and\s+)?(?:agreed|approved|confirmed|accepted|signed)\b.{0,40}\b(?:correct|accurate|true)\s+record|"
    r"\b(?:was|were)\s+(?:agreed|approved|endorsed)\s*(?:[.,]|$)|\b(?:board|committee|panel|partnership|group|cabinet|council|members|executive|conference|we|all)\s+(?:has|have)\s+agreed\s+to\b|"
    r"^(?:the\s+)?(?:board|executive|committee|panel|partnership|group|cabinet|sub-group)\s+(?:requested|approved|agreed|endorsed|resolved|decided)\b|"
    r"^(?:the\s+)?executive\s+noted\b|"
    r"\b(?:my|the|conference'?s?)\s+decision\s+(?:today\s+)?is\s+that\b|"
    # a child's plan decided in a conference record: "Ava will no longer be subject to a child protection plan"
    r"\b(?:will|shall|is\s+to|are\s+to|should|to)\s+(?:no\s+longer\s+)?(?:be(?:come)?|remain|continue\s+to\s+be)\s+(?:made\s+)?"
    r"(?:the\s+)?subjects?\s+(?:of|to)\s+(?:an?\s+)?(?:child\s+protection\s+plan|cp\s*plan|cpp)s?\b|"
    r"\b(?:the\s+chair|professionals|all\s+(?:agencies|professionals)|partners)\s+(?:unanimously\s+)?(?:agreed|decided)\s+that\b"
    r"(?=.{0,120}?\b(?:plan|plans|cpp|threshold|category)\b)|"
    r"\bdecision\s+of\s+(?:the\s+)?conference\s+was\b|"
    r"\b(?:is|was)\s+the\s+(?:unanimous\s+)?decision\s+of\s+(?:the|this)\s+(?:conference|meeting|panel|committee|board)\s+that\b|"
    r"\bdecision\s+of\s+(?:the|this)\s+(?:conference|meeting|panel|chair)\s+(?:was|is)\s+that\b|"
    r"^(?:the\s+)?(?:minutes|notes)\b.{0,80}?\b(?:were|was)\s+(?:agreed|approved|accepted|confirmed|signed)\b|"
    r"\b(?:declared\s+(?:to\s+have\s+been\s+)?elected|(?:was|were|had\s+been|has\s+been)\s+(?:duly\s+)?(?:elected|appointed))\s+(?:as\s+)?(?:the\s+)?(?:chair|chairman|chairperson|vice[\s-]chair(?:man)?|deputy\s+chair(?:man)?)\b|"
    r"\b(?:agreed|approved|endorsed)\s+by\s+(?:the\s+)?(?:board|committee|panel|group|partnership|members|cabinet|executive)\b|"
    r"^(?:the\s+)?(?:board|executive|committee|panel|partnership|group|cabinet|sub-group)\s+considered\s+and\s+(?:noted|agreed|approved)\b|"
    r"^(?:the\s+)?(?:board|executive|committee|panel|partnership|group|cabinet|sub-group)\s*:\s*(?:\(?[a-h1-9]\)\s*)?(?:noted|agreed|approved|resolved|endorsed)\b|"
    r"(?:the\s+)?(?:committee|panel|board|sub-committee|cabinet|council|conference|meeting|members|partnership|forum|group)\s+"
    r"(?:unanimously\s+)?(?:(?:agreed|resolved|decided|approved|endorsed)\b(?!\s+(?:with|to\s+note\s+that\s+it))|"
    r"(?<!core\sgroup\s)noted\s+(?:the|a|an|its|their)\s+(?:(?:annual|updated?|latest|draft|revised)\s+)?(?:report|update|content|contents|progress|position|presentation|"
    r"information|recommendations?|plan|strategy|improvement\s+plan|action\s+plan|remit|scope|terms\s+of\s+reference|"
    r"work\s+programme|forward\s+plan|minutes|briefing|findings|outcome)\b))",
    re.I,
)
_BODY_LEAD = re.compile(r"(?:The\s+)?(?:Board|Executive|Committee|Sub-Committee|Panel|Partnership|Group|Cabinet|Forum|Commission|"
                        r"Council|Members)(?:\s+(?:resolved|agreed|decided))?(?:\s+to)?\s*:", re.I)
_BODY_VERB = re.compile(r"\s*(?:noted|agreed|approved|resolved|endorsed|received|requested|recommended|supported|asked|"
                        r"note|agree|approve|endorse|receive|request|recommend|support|ask|delegate|delegated|authorised|thanked)\b", re.I)
_OUTCOME_LABEL = re.compile(r"\s*(?:desired\s+|expected\s+)?outcomes?\s*[:\-–]", re.I)
LEAD_IN_WORDS = 12     # "that the Cabinet Member:" before lettered parts introduces them
_BODY_ACTED = re.compile(r"\s*(?:The\s+)?(?:Board|Executive|Committee|Sub-Committee|Panel|Partnership|Cabinet|Forum|"
                         r"Commission|Council|Members|Cabinet\s+Member|Portfolio\s+Holder)\s+(?:unanimously\s+)?"
                         r"(?:noted|agreed|approved|resolved|endorsed|decided|accepted|adopted|supported|recommended)\b")
_DECISION_WORDS = re.compile(
    r"\b(?:plan|cpp|category|categor(?:y|ies)|agreed|decided|decision|resolved|will\s+(?:be|become|remain|cease)|to\s+be\s+made|"
    r"to\s+(?:continue|remain|end|cease)|"
    r"subject\s+(?:of|to)|child\s+in\s+need|cin|step\s*(?:ped)?\s*down|cease|ceased|discontinued|end(?:ed)?)\b",
    re.I,
)
_RESOLUTION = re.compile(
    r"^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s*)?(?:that\b|to\s+(?:note|approve|agree|receive|endorse|request|recommend)\b(?!\s*:))|"   # not the label "To Note: All"
    r"\b(?:be|were|was)\s+(?:noted|approved|agreed|received|endorsed|adopted|confirmed|accepted|signed|deferred|thanked|circulated|requested|submitted|referred|asked|invited|instructed|authorised|authorized|delegated|recommended)\b",
    re.I,
)
_BARE_RESOLUTION = re.compile(
    r"^\s*(?:That\s+(?:the|a|an|this|members|officers|[A-Z])\b.{0,400}?\bbe\s+(?:noted|approved|agreed|received|requested|endorsed|"
    r"adopted|confirmed|thanked|asked|invited|deferred|supported|welcomed|recommended)\b"
    r"|That\s+the\s+(?:Chair|Chairman|Committee|Board|Panel|Council|Cabinet|Sub-Committee)\s+[a-z]+\b"
    r"|the\s+\w+(?:\s+\w+){0,12}\s+be\s+(?:noted|approved|agreed|received|requested|endorsed)\b"
    r"|Agreed\s+as\s+(?:a\s+)?(?:true|correct|accurate)\s+record)",
    re.S,
)
_INLINE_RESOLVED = re.compile(r"(?:^|(?<=\n)|[–—-]\s+|\.\s+|\n|(?<=[A-Z]{3}\s))(?:(?:RESOLVED|Resolved|CONCLUDED|AGREED)\s*(?:[:–—-]+|(?=\s+that\b)|(?=\s+to\s+[a-z]+\b))|Agreed(?=\s+that\b))\s*")
_RUN_ON_HEADING = re.compile(r"(?<=[.!?])\s+(?=[A-Z]{3,}(?:\s+(?:OF|AND|[A-Z]{3,}))+\b)")   # "... record. DISCLOSURES OF INTEREST ..."
_RUN_ON_TITLE = re.compile(r"\s*(?:\d{1,3}[.)]?\s+)?[A-Z0-9][A-Z0-9 ,'’&()/\-–]{5,}?\s*")   # "8 LICENSING ACT 2003 - UPDATE"
_DECISION_LINE = re.compile(   # "Decision: ...", "Decision for Tyler Whitlock: ..."
    r"(?:(?<=\n)|(?<=^))[ \t]*(?:\d{1,2}[:.]\d{2}[ \t]+)?(?:Decision|DECISION|Decisions|DECISIONS|Decsion|Descision|Decison|Outcome(?=[ \t]+for[ \t]+[A-Z]))"
    r"(?:[ \t]+(?:for|about|regarding|re)[ \t]+[A-Z][^:\n]{0,40}|[ \t]+of[ \t]+(?:the[ \t]+)?(?:[Cc]hair|[Cc]onference|[Mm]eeting|[Pp]anel))?"
    r"(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*:[ \t]*",   # "Decision of the Chair:"   # "Decsion (L Vickers, TM):"
    re.M)
_PARTS = re.compile(r"\s*[,;:]?\s*(?:and\s+)?(?:(?<![\w(])\((?:[a-h]|[ivx]{1,4}|\d{1,2})\)|(?<![\w(])(?:[a-h]|\d{1,2})\))\s+")
_LEAD_IN = re.compile(r"(?::|\b(?:to|that|and))\s*$", re.I)
_CONTINUES_LIST = re.compile(r"\s*(?:[a-z]|That\b|To\s+[a-z])")
_COMMITTEE_RESOLUTION = re.compile(
    r"\s*(?:\(?(?:\d{1,2}|[a-h])[.)]\s*)?(?:to\s+(?:note|approve|agree|receive|endorse|request|recommend|adopt|accept|support|delegate|appoint|elect|"
    r"confirm|defer|authori[sz]e|reject|refuse|grant|thank|establish|ask)\b|that\s+)",
    re.I)
_CHANGED_FROM = re.compile(r"\b(?:from|previously|was|formerly|instead\s+of)\s+(?:the\s+)?(?:category\s+(?:of\s+)?)?$", re.I)
_RECOMMENDS = re.compile(r"\brecomm?end(?:ed|s|ation)?\b", re.I)     # "Recomendation to conference: ..." too
_GROUP_AGREED = re.compile(r"\s*(?:the\s+)?(?:core\s+group|conference|meeting)\s+(?:unanimously\s+)?(?:agreed|decided)\b", re.I)
_TO_ACTION = re.compile(r"\s+[\-–—]\s+[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*\s+to\s+action\s*\.?\s*$")
_DECISION_COLUMNS = {"decision", "decisions", "conference decision", "conference outcome", "decision of conference", "plan decision"}
_STRATEGY_DECISION = re.compile(   # what a strategy discussion decides: "threshold met for section 47 enquiries"
    r"\b(?:section\s*47|s\.?\s?47|threshold\s+(?:is\s+|was\s+|not\s+)?met|no\s+further\s+action|nfa"
    r"|(?:icpc|initial\s+(?:child\s+protection\s+)?conference)\s+(?:to\s+be|will\s+be|be)\s+(?:convened|held|arranged|booked))\b", re.I)
_PLAN_WORDS = re.compile(r"\b(?:cp\s*plan|cpp|child\s+protection\s+plan|child\s+in\s+need|cin\b|no\s+plan|step(?:ped)?\s*down)", re.I)
_NUMBER = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\d{1,2}\.\d{1,2}\.?)\s+", re.I)
_SUBJECT = re.compile(r"^(?:(?:that|for)\s+)?(?P<name>(?:Child|Baby|Unborn)\s+[A-Z]\w*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_NOT_SUBJECT = {"That", "The", "This", "It", "All", "Both", "Conference", "Chair", "Members", "Decision", "Outcome", "Agreed", "Plan", "Child", "Children", "Parents", "No", "Resolved", "A", "An"}


_ACTION_AFTER = re.compile(r"\n[ \t]*(?:[-*•][ \t]*)?(?i:actions?(?:[ \t]+points?)?)[ \t]*[:\-–]")   # "RESOLVED: ...\nACTION: X to ..."


class _Sentence(NamedTuple):
    start_char: int
    end_char: int
    text: str


def _sentences(doc: Doc, start: int, end: int) -> list[_Sentence]:
    """The sentences of the Doc text [start:end], clipped to that range (Span.sents runs past it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    text = text_of(doc)
    if not doc.has_annotation("SENT_START"):
        return [_Sentence(span.start_char, span.end_char, text[span.start_char:span.end_char])]
    out = []
    for sent in span.sents:
        s, e = max(sent.start_char, start), min(sent.end_char, end)
        clipped = doc.char_span(s, e, alignment_mode="expand")
        if clipped is not None:
            words = text[clipped.start_char:clipped.end_char]
            if not words.strip():
                continue
            if out and not re.search(r"[.?!:;][\"”’)]*\s*$", out[-1].text) and "\n" not in text[out[-1].end_char - 1:clipped.start_char + 1]:
                # the statistical splitter cut a long sentence in a line ("... held on 25th | May 2023 were approved"): one sentence
                last = out.pop()
                words = text[last.start_char:clipped.end_char]
                out.append(_Sentence(last.start_char, clipped.end_char, words))
                continue
            out.append(_Sentence(clipped.start_char, clipped.end_char, words))
    return out


class DecisionFinder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rules = load_rules()

    def __call__(self, doc: Doc) -> Doc:
        sections = unpack(BlockSection, doc._.sections)
        starts = block_starts(doc)
        text = text_of(doc)
        terms = sorted((s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans.get("terms", []))
        kinds = doc.user_data.get("minutes_blocks", [])
        found: list[FoundDecision] = []
        closed = False                       # a resolved section ends at its first non-resolution block
        listing = False                      # after "... as a correct record:" short entries belong to it
        body_lead = False                    # after "The Committee:" the items that open with a verb are its decisions
        lead_list = False                    # after "The Panel agreed the following recommendations:" its items are
        colon_open = False                   # after an inline "Resolved that ... as a correct record:" its short items are
        for i, span in enumerate(doc.spans["blocks"]):
            sec = sections[i] if i < len(sections) else BlockSection(None)
            kind = self.rules.kind(sec.section)
            block_kind = kinds[i][0] if i < len(kinds) else span.label_
            if block_kind in ("table",):
                rows = doc.user_data.get("minutes_rows", [])
                found.extend(self._table(doc, starts, terms, span, rows[i] if i < len(rows) else (), sec))
                continue
            if sec.opens:
                closed = False
            begin = span.start_char + sec.content_start
            block = text[span.start_char:span.end_char]   # Span.text would join its tokens each time
            if lead_list and block_kind == "list_item" and not sec.opens and _CONTINUES_LIST.match(block):
                tail = re.search(r"[;,]?\s*(?:and|or)?\s*$", block)      # "The Panel agreed the following: / 1. That ..."
                found.append(self._decision(doc, starts, terms, span.start_char, span.start_char + tail.start(), sec))
                continue
            lead_list = False
            if colon_open and block_kind == "list_item" and not sec.opens and len(block) <= COLON_ITEM_CHARS \
                    and _SUB_MARKER.fullmatch((kinds[i][2] if i < len(kinds) else None) or ""):
                tail = re.search(r"[;,.]?\s*(?:and|or)?\s*$", block)    # "... as a correct record: / i) the meeting held on ..."
                found.append(self._decision(doc, starts, terms, span.start_char, span.start_char + tail.start(), sec))
                continue
            colon_open = False
            before = len(found)
            if body_lead and block_kind == "list_item" and _BODY_VERB.match(block):
                tail = re.search(r"[;,]?\s*(?:and|or)?\s*$", block)      # "noted the report; and"
                found.append(self._decision(doc, starts, terms, span.start_char, span.start_char + tail.start(), sec))
                continue
            body_lead = bool(_BODY_LEAD.fullmatch(block.strip()))
            if kind == "decision" and sec.opens and _OUTCOME_LABEL.match(block):
                first_end = text.find("\n", begin, span.end_char)
                first_end = span.end_char if first_end < 0 else first_end
                if not (_DECISION_WORDS.search(text, begin, first_end) or _PLAN_WORDS.search(text, begin, first_end)):
                    if first_end >= span.end_char:
                        continue              # "Outcome: The family keep their home": an outcome the plan aims at
                    begin = first_end + 1     # "Outcome: concerns substantiated.\nDecision: ICPC to be convened ..."
            if kind == "decision" and not closed:
                strict = sec.section == "decision" and not sec.opens
                pieces = _lines(text, begin, span.end_char) if "\n" in text[begin:span.end_char] else [(begin, span.end_char)]
                for s, e in pieces:
                    if not text[s:e].strip():
                        continue
                    if _ACTION_AFTER.match("\n" + text[s:e]):
                        closed = True             # "ACTION: X to circulate ..." after the resolution is a task
                        break
                    if strict:
                        label = _DECISION_LINE.match(text, s)
                        if label and label.end() < e:
                            s = label.end()           # "Decision for Tyler Whitlock: The plan ends today."
                        for sent in _sentences(doc, s, e):
                            if _GROUP_AGREED.match(sent.text) or not _RECOMMENDS.search(sent.text) and (
                                    _STRATEGY_DECISION.search(sent.text) or _DECISION_WORDS.search(sent.text)
                                    and self._conference_decision(terms, sent.text, sent.start_char, sent.end_char)):
                                found.append(self._decision(doc, starts, terms, sent.start_char, sent.end_char, sec))
                            elif _COMMITTEE_RESOLUTION.match(sent.text) or _BODY_ACTED.match(sent.text):
                                # "Decision: 1. To note the report." / "Decision: | The Cabinet noted the report."
                                found.extend(self._split(doc, starts, terms, sent.start_char, sent.end_char, sec))
                    elif sec.section == "resolved" and not sec.opens and not _RESOLUTION.search(text[s:e]) \
                            and not (listing and len(text[s:e].strip()) <= 120) \
                            and not (block_kind == "list_item" and _CONTINUES_LIST.match(text[s:e])):
                        closed = True
                        break
                    else:
                        label = _DECISION_LINE.match(text, s)
                        if label and label.end() < e:
                            s = label.end()           # "Decsion (N Platt, TM): ICPC to be convened ..." under "Outcome:"
                        inline = _INLINE_RESOLVED.search(text, s + 1, e)
                        if inline and _RUN_ON_TITLE.fullmatch(text, s, inline.start()):
                            s = inline.end()      # "8 LICENSING ACT 2003 - UPDATE RESOLVED that ...": an item title run on
                        found.extend(self._split(doc, starts, terms, s, e, sec))
                        listing = text[s:e].rstrip().endswith(":") or (listing and len(text[s:e].strip()) <= 120)
            elif block_kind != "heading" or _INLINE_RESOLVED.search(block):
                labelled = [_labelled_line(text, m.end(), span.end_char)
                            for m in _DECISION_LINE.finditer(text, begin, span.end_char)]
                for s, e in labelled:        # "... presented the update.\nDecision: The Executive approved ..."
                    if text[s:e].strip():
                        found.append(self._decision(doc, starts, terms, s, e, sec))
                inline = _INLINE_RESOLVED.search(text, begin, span.end_char)
                if inline:
                    stop = _ACTION_AFTER.search(text, inline.end(), span.end_char) or _RUN_ON_HEADING.search(text, inline.end(), span.end_char)
                    found.extend(self._split(doc, starts, terms, inline.end(), stop.start() if stop else span.end_char, sec))
                    colon_open = len(found) > before and found[-1].text.endswith(":") and not stop
                    continue
                if _BARE_RESOLUTION.match(block) and len(block.split()) <= 80:
                    # a resolution whose "RESOLVED" label was lost: "That the report be noted."
                    found.extend(self._split(doc, starts, terms, begin, span.end_char, sec))
                    continue
                for sent in _sentences(doc, begin, span.end_char):
                    if any(s <= sent.start_char < e or sent.start_char <= s < sent.end_char for s, e in labelled):
                        continue
                    if _BODY_DECIDES.search(sent.text):
                        if sent.end_char >= span.end_char - 1 and sent.text.rstrip().endswith(":") and len(sent.text.split()) <= 12:
                            lead_list = True         # a lead-in: the decisions are the list items that follow
                            continue
                        parts = self._split(doc, starts, terms, sent.start_char, sent.end_char, sec)
                        if len(parts) > 2 and (_LEAD_IN.search(parts[0].text) or len(parts[0].text.split()) <= 3):
                            parts = parts[1:]        # "Cabinet RESOLVED to: 1) note ...; 2) approve ..."
                        found.extend(parts if len(parts) > 1 else [self._decision(doc, starts, terms, sent.start_char, sent.end_char, sec)])
                colon_open = len(found) > before and found[-1].text.endswith(":")
        doc._.decisions = pack(_join_colon_lists(found))
        return doc

    def _table(self, doc, starts, terms, span, rows, sec: BlockSection) -> list[FoundDecision]:
        """A table of decisions per child ("Child | Decision | Category"): the decision cell of each
        row, its subject the child's cell and its category any category named in the row."""
        if not rows:
            return []
        header = [" ".join(c.lower().split()) for c in rows[0]]
        col = next((j for j, c in enumerate(header) if c in _DECISION_COLUMNS), None)
        if col is None:
            return []
        who = next((j for j, c in enumerate(header) if c in ("child", "name", "child's name", "young person")), None)
        out, pos = [], span.start_char
        lines = span.text.split("\n")
        for r, row in enumerate(rows):
            line_start, line_end = pos, pos + (len(lines[r]) if r < len(lines) else 0)
            pos = line_end + 1
            cells = list(row) + [""] * 4
            if r == 0 or not cells[col].strip():
                continue
            inside = _within(terms, line_start, line_end)
            out.append(FoundDecision(
                text=" ".join(cells[col].split()), evidence=evidence_at(doc, line_start, line_end, starts), item=sec.item,
                subject=cells[who].strip() or None if who is not None else None,
                outcome=self._outcome(terms, line_start, line_end),
                category_ids=tuple(dict.fromkeys(ident for _, _, label, ident in inside if label == "CATEGORY"))))
        return out

    def _conference_decision(self, terms, sentence: str, start: int, end: int) -> bool:
        if self._outcome(terms, start, end):
            return True
        return any(label == "CATEGORY" for _, _, label, _ in _within(terms, start, end)) or bool(_PLAN_WORDS.search(sentence))

    def _split(self, doc, starts, terms, start: int, end: int, sec: BlockSection) -> list[FoundDecision]:
        """One decision per lettered or numbered part: "(a) That ..., and (b) that ..."."""
        text = text_of(doc)
        cuts = [m for m in _PARTS.finditer(text, start, end) if m.start() > start + 3]
        out = []
        pos = start
        for n, m in enumerate(cuts):
            lead_in = n == 0 and ":" in m.group(0) and len(text[pos:m.start()].split()) <= LEAD_IN_WORDS
            if text[pos:m.start()].strip(" ,;") and not lead_in:     # "that the Cabinet Member: a) Noted ...": no decision
                out.append(self._decision(doc, starts, terms, pos, m.start(), sec))
            pos = m.end()
        if text[pos:end].strip(" ,;."):
            out.append(self._decision(doc, starts, terms, pos, end, sec))
        return out

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
        while end > start and text_of(doc)[end - 1] in " \t\n|":     # "... to the report. |": a table's cell rule
            end -= 1
        owner = _TO_ACTION.search(text_of(doc), start, end)
        if owner:                        # "Resolved – to contact The Old School ... – AV to action": the owner is the action's
            end = owner.start()
        text = " ".join(text_of(doc)[start:end].split())
        full = text_of(doc)
        categories = tuple(dict.fromkeys(
            ident for s, e, label, ident in _within(terms, start, end)
            if label == "CATEGORY" and not _CHANGED_FROM.search(full[max(start, s - 40):s])
        ))
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


_SUB_MARKER = re.compile(r"\(?(?:[ivx]{1,4}|[a-h])[.)]|[-–•·*▪]")   # "i)", "(b)", "-": no agenda item number "59."
COLON_ITEM_CHARS = 120                   # a list item longer than this after "...:" is no entry of that list


def _join_colon_lists(found: list[FoundDecision]) -> list[FoundDecision]:
    """A resolution ending in ":" takes in the short entries listed after it (dates, names)."""
    from dataclasses import replace

    out: list[FoundDecision] = []
    absorbing = False
    for d in found:
        if absorbing and len(d.text) <= COLON_ITEM_CHARS and not _RESOLUTION.match(d.text):
            head = out[-1]
            out[-1] = replace(head, text=head.text + (" " if head.text.endswith(":") else ", ") + d.text)
            continue
        out.append(d)
        absorbing = d.text.endswith(":")
    return out


def _labelled_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The text a "Decision:" label gives: the rest of its line, or the next line when the label
    stands alone in a flattened table row ("Decision: |")."""
    stop = _line_end(text, start, end)
    if not text[start:stop].strip(" \t|:-–") and stop < end:
        start = stop + 1
        stop = _line_end(text, start, end)
    return start, stop


def _line_end(text: str, start: int, end: int) -> int:
    stop = text.find("\n", start, end)
    return end if stop < 0 else stop


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        if m.group(0).strip():
            out.append((start + m.start(), start + m.end()))
    return out


@Language.factory("minutes_decisions")
def make_decisions(nlp: Language, name: str) -> DecisionFinder:
    return DecisionFinder(name)

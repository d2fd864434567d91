"""minutes_terms: domain terms (agencies, roles, titles, plan categories, risk factors, conference
types and outcomes) marked as spans in doc.spans["terms"] (label = kind, span.id_ = canonical id).

The patterns come from the registered `minutes.patterns.v1` function (models/gazetteers and
models/patterns).  Most are literal phrases, so they go to two PhraseMatchers (case-insensitive
on LOWER, case-sensitive on ORTH for abbreviations like "SW" and titles like "Cllr"); only the
patterns that need operators or sets go to a token Matcher.  With ~1,200 patterns a token
Matcher alone costs as much as the NER; the phrase matchers cost a few per cent.
"""
from __future__ import annotations

import re
from itertools import product
from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .found import text_of
from .patterns import PatternSource

TERMS_KEY = "terms"
_UNTICKED = re.compile(r"(?:[☐□❏]|\[\s?\]|\(\s?\))[ \t]*\Z")   # "☐ Neglect", "[ ] Police": a box left empty on a form


MAX_EXPANSIONS = 2048         # a pattern with more variants than this stays with the token Matcher
Check = tuple[tuple[int, str], ...]   # (token offset, exact text) a LOWER phrase match must also have


def _phrases(pattern: list[dict[str, Any]]) -> tuple[str, list[tuple[tuple[str, ...], Check]]] | None:
    """A pattern of literals as phrases: ("LOWER" | "ORTH", [(phrase, checks)]), else None.

    Literal sets ({"TEXT": {"IN": [...]}}) and optional tokens ({"OP": "?"}) are expanded, so
    "Cllr"/"CLLR" become two phrases.  A pattern that mixes exact tokens with case-free ones
    ("FSW team") is matched on LOWER, its exact tokens checked afterwards.
    """
    attrs: set[str] = set()
    variants: list[tuple[list[str], list[tuple[int, str]]]] = [([], [])]
    for token in pattern:
        op = token.get("OP")
        rest = {k: v for k, v in token.items() if k != "OP"}
        if op not in (None, "?") or len(rest) != 1:
            return None
        (attr, value), = rest.items()
        attr = {"TEXT": "ORTH"}.get(attr, attr)
        if attr not in ("LOWER", "ORTH"):
            return None
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            values = [str(v) for v in value["IN"]]
        else:
            return None
        attrs.add(attr)
        grown = [(words, checks) for words, checks in variants] if op == "?" else []
        for words, checks in variants:
            for v in values:
                grown.append((words + [v], checks + [(len(words), v)] if attr == "ORTH" else checks))
        variants = grown
        if len(variants) > MAX_EXPANSIONS:
            return None
    variants = [(w, c) for w, c in variants if w]
    if attrs == {"ORTH"}:
        return "ORTH", [(tuple(w), ()) for w, _ in variants]
    return "LOWER", [(tuple(w), tuple(c)) for w, c in variants]


class TermMarker:
    def __init__(self, nlp: Language, name: str, spans_key: str, patterns: Iterable[dict[str, Any]]) -> None:
        self.name = name
        self.spans_key = spans_key
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        self.keys: dict[int, tuple[str, str]] = {}
        self.checks: dict[int, Check] = {}
        by_key: dict[tuple[str, str, str, Check], list[tuple[str, ...]]] = {}
        token_patterns: dict[tuple[str, str], list] = {}
        for p in patterns:
            label, ident, pattern = p["label"], p.get("id", ""), p["pattern"]
            if isinstance(pattern, str):
                by_key.setdefault(("ORTH", label, ident, ()), []).append(tuple(t.text for t in nlp.make_doc(pattern)))
                continue
            phrases = _phrases(pattern)
            if phrases is None:
                token_patterns.setdefault((label, ident), []).append(pattern)
                continue
            attr, texts = phrases
            for text, checks in texts:
                by_key.setdefault((attr, label, ident, checks), []).append(text)
        for (attr, label, ident, checks), texts in by_key.items():
            key = f"{label}|{ident}" + (f"|{checks}" if checks else "")
            key_id = nlp.vocab.strings.add(key)
            self.keys[key_id] = (label, ident)
            if checks:
                self.checks[key_id] = checks
            matcher = self.lower if attr == "LOWER" else self.orth
            matcher.add(key, [Doc(nlp.vocab, words=list(words)) for words in dict.fromkeys(texts)])
        self.needs: set[str] | None = set()    # regexes one of which a Doc must hold for the token Matcher to run
        for (label, ident), pats in token_patterns.items():
            key = f"{label}|{ident}"
            self.keys[nlp.vocab.strings.add(key)] = (label, ident)
            self.tokens.add(key, pats)
            for pat in pats:
                word = _required_word(pat)
                if word is None:
                    self.needs = None
                elif self.needs is not None:
                    self.needs.add(word)

        self.needs_re = None if self.needs is None else re.compile(
            r"\b(?:" + "|".join(sorted(self.needs)) + r")\b", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {}
        matchers = [self.lower, self.orth]
        if len(self.tokens) and (self.needs_re is None or self.needs_re.search(text_of(doc))):
            matchers.append(self.tokens)         # the token Matcher walks every token: only when it can match
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                checks = self.checks.get(match_id)
                if checks and any(doc[start + i].text != text for i, text in checks):
                    continue                   # "fsw team" is not "FSW team"
                label, ident = self.keys[match_id]
                found.setdefault(label, []).append(Span(doc, start, end, label=label, span_id=ident))
        spans: list[Span] = []
        for group in found.values():          # longest match per label; labels may overlap each other
            spans.extend(filter_spans(group))
        spans.sort(key=lambda s: (s.start, -s.end))
        text = text_of(doc)
        unticked = _unticked_items(doc)
        spans = [s for s in spans if not _UNTICKED.search(text, max(s.start_char - 8, 0), s.start_char)
                 and s.start_char not in unticked]
        doc.spans[self.spans_key] = _outside_longer(spans)
        return doc


def _unticked_items(doc: Doc) -> set[int]:
    """Where the text of each list item marked with an empty box starts ("☐ Criminal exploitation" as a line
    of its own is read as a list item whose marker is the box)."""
    blocks = doc.user_data.get("minutes_blocks", [])
    out = set()
    for span, block in zip(doc.spans["blocks"], blocks) if "blocks" in doc.spans else ():
        if block[2] and _UNTICKED.fullmatch(block[2]):
            text = text_of(doc)
            at = span.start_char
            while at < span.end_char and text[at].isspace():
                at += 1
            out.add(at)
    return out


def _required_word(pattern: list[dict[str, Any]]) -> str | None:
    """A regex for a word every match of the token pattern contains (its longest required LOWER
    literal, the rarest in text, or else the anchored REGEX of a required TEXT token), or None."""
    literals, regexes = [], []
    for token in pattern:
        if token.get("OP") not in (None, "+"):
            continue
        if isinstance(token.get("LOWER"), str):
            literals.append(token["LOWER"])
        regex = token.get("TEXT", {}).get("REGEX") if isinstance(token.get("TEXT"), dict) else None
        if isinstance(regex, str) and regex.startswith("^") and regex.endswith("$"):
            regexes.append(regex[1:-1])
    if literals:
        return re.escape(max(literals, key=len))
    return regexes[0] if regexes else None


def _outside_longer(spans: list[Span]) -> list[Span]:
    """Drop a term that lies inside a longer term of another kind: "Children" is no role inside
    "Children & Families" (an agency), nor "substance misuse" a risk inside "Substance Misuse Service".

    `spans` are sorted by (start, -end); one pass, keeping the furthest end seen so far.
    """
    out = []
    reach_start, reach_end = -1, -1
    for span in spans:
        if reach_end > span.end or (reach_end == span.end and reach_start < span.start):
            continue
        out.append(span)
        if span.end > reach_end:
            reach_start, reach_end = span.start, span.end
    return out


@Language.factory(
    "minutes_terms",
    default_config={"spans_key": TERMS_KEY, "patterns": {"@misc": "minutes.patterns.v1"}},
)
def make_terms(nlp: Language, name: str, spans_key: str, patterns: Iterable[dict[str, Any]]) -> TermMarker:
    if isinstance(patterns, PatternSource):      # split the aliases with this pipeline's tokenizer
        patterns = patterns.build(nlp.tokenizer)
    return TermMarker(nlp, name, spans_key, list(patterns))

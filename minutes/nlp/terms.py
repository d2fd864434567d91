"""minutes_terms: domain terms (agencies, roles, titles, plan categories, risk factors, conference
types and outcomes) marked as spans in doc.spans["terms"] (label = kind, span.id_ = canonical id).

The patterns come from the registered `minutes.patterns.v1` function (models/gazetteers and
models/patterns).  Most are literal phrases, so they go to two PhraseMatchers (case-insensitive
on LOWER, case-sensitive on ORTH for abbreviations like "SW" and titles like "Cllr"); only the
patterns that need operators or sets go to a token Matcher.  With ~1,200 patterns a token
Matcher alone costs as much as the NER; the phrase matchers cost a few per cent.
"""
from __future__ import annotations

from itertools import product
from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

TERMS_KEY = "terms"


def _phrase(pattern: list[dict[str, Any]]) -> tuple[str, list[str]] | None:
    """("LOWER" | "ORTH", token texts) for a pattern of plain literals, else None.

    Literal sets ({"TEXT": {"IN": [...]}}) are expanded, so "Cllr"/"CLLR" become two phrases.
    """
    attrs = set()
    options: list[list[str]] = []
    for token in pattern:
        if len(token) != 1:
            return None
        (attr, value), = token.items()
        attr = {"TEXT": "ORTH"}.get(attr, attr)
        if attr not in ("LOWER", "ORTH"):
            return None
        attrs.add(attr)
        if isinstance(value, str):
            options.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            options.append([str(v) for v in value["IN"]])
        else:
            return None
    if len(attrs) != 1:
        return None
    return attrs.pop(), [" ".join(words) for words in product(*options)]


class TermMarker:
    def __init__(self, nlp: Language, name: str, spans_key: str, patterns: Iterable[dict[str, Any]]) -> None:
        self.name = name
        self.spans_key = spans_key
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)
        self.keys: dict[int, tuple[str, str]] = {}
        by_key: dict[tuple[str, str, str], list[str]] = {}
        token_patterns: dict[tuple[str, str], list] = {}
        for p in patterns:
            label, ident, pattern = p["label"], p.get("id", ""), p["pattern"]
            if isinstance(pattern, str):
                by_key.setdefault(("ORTH", label, ident), []).append(pattern)
                continue
            phrase = _phrase(pattern)
            if phrase is None:
                token_patterns.setdefault((label, ident), []).append(pattern)
            else:
                by_key.setdefault((phrase[0], label, ident), []).extend(phrase[1])
        for (attr, label, ident), texts in by_key.items():
            key = f"{label}|{ident}"
            self.keys[nlp.vocab.strings.add(key)] = (label, ident)
            matcher = self.lower if attr == "LOWER" else self.orth
            matcher.add(key, [nlp.make_doc(t) for t in dict.fromkeys(texts)])
        for (label, ident), pats in token_patterns.items():
            key = f"{label}|{ident}"
            self.keys[nlp.vocab.strings.add(key)] = (label, ident)
            self.tokens.add(key, pats)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {}
        for matcher in (self.lower, self.orth, self.tokens):
            for match_id, start, end in matcher(doc):
                label, ident = self.keys[match_id]
                found.setdefault(label, []).append(Span(doc, start, end, label=label, span_id=ident))
        spans: list[Span] = []
        for group in found.values():          # longest match per label; labels may overlap each other
            spans.extend(filter_spans(group))
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans[self.spans_key] = _outside_longer(spans)
        return doc


def _outside_longer(spans: list[Span]) -> list[Span]:
    """Drop a term that lies inside a longer term of another kind: "Children" is no role inside
    "Children & Families" (an agency), nor "substance misuse" a risk inside "Substance Misuse Service"."""
    out = []
    for i, span in enumerate(spans):
        inside = False
        for other in spans[max(0, i - 8):i + 8]:
            if other is not span and other.start <= span.start and span.end <= other.end and len(other) > len(span):
                inside = True
                break
        if not inside:
            out.append(span)
    return out


@Language.factory(
    "minutes_terms",
    default_config={"spans_key": TERMS_KEY, "patterns": {"@misc": "minutes.patterns.v1"}},
)
def make_terms(nlp: Language, name: str, spans_key: str, patterns: Iterable[dict[str, Any]]) -> TermMarker:
    return TermMarker(nlp, name, spans_key, list(patterns))

"""Domain terms: agencies, roles, titles, plan categories, risk factors, conference types and
outcomes, marked as spans in doc.spans["terms"] by a SpanRuler fed from models/ (label = kind,
span.id_ = canonical id).  The patterns come from the registered `minutes.patterns.v1` function.
"""
from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.pipeline import SpanRuler

TERMS_KEY = "terms"


@Language.factory(
    "minutes_terms",
    default_config={"spans_key": TERMS_KEY, "patterns": {"@misc": "minutes.patterns.v1"}},
)
def make_terms(nlp: Language, name: str, spans_key: str, patterns: Iterable[dict[str, Any]]) -> SpanRuler:
    ruler = SpanRuler(nlp, name, spans_key=spans_key, annotate_ents=False, overwrite=True, validate=False)
    ruler.add_patterns(list(patterns))
    return ruler

"""minutes_dates: every day-precision date in the Doc, resolved against the meeting date.

The date grammar lives in dates.py (pure Python); this component picks the anchor (the meeting
date from the heading or first dated line) and stores the dates with their evidence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import dates
from .found import FoundDate, block_starts, block_texts, evidence_at, pack


class DateFinder:
    def __init__(self, name: str, nation: str) -> None:
        self.name = name
        self.nation = nation

    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans["blocks"]
        starts = block_starts(doc)
        if doc._.anchor is None and (doc._.block_index or 0) == 0:
            doc._.anchor = anchor_for(block_texts(doc)[:ANCHOR_BLOCKS])
        anchor_date = dates_from_iso(doc._.anchor)
        out: list[FoundDate] = []
        for span, text in zip(spans, block_texts(doc)):
            for m in dates.find_dates(text, anchor_date):
                if m.value is None or m.precision != "day":
                    continue
                ev = evidence_at(doc, span.start_char + m.start, span.start_char + m.end, starts)
                out.append(FoundDate(m.value.isoformat(), ev, m.kind == "relative"))
        doc._.dates = pack(out)
        return doc


ANCHOR_BLOCKS = 40


def anchor_for(texts: list[str]) -> str | None:
    """The meeting date (ISO) from the first blocks' texts, or None."""
    found = dates.meeting_date(texts[:ANCHOR_BLOCKS])
    return found[0].isoformat() if found and found[0] is not None else None


def dates_from_iso(value):
    from datetime import date

    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


@Language.factory("minutes_dates", default_config={"nation": "england"})
def make_dates(nlp: Language, name: str, nation: str) -> DateFinder:
    return DateFinder(name, nation)

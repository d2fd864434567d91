"""The naive baseline the product is measured against: bare en_core_web_sm, all components on.

PERSON -> attendee (present), ORG -> agency, DATE -> date (day-first parse of the entity text),
sentences containing "resolved" or "agreed" -> decisions.  Nothing else.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from .ingest import Document

_DECIDE = re.compile(r"\b(resolved|agreed)\b", re.I)


def baseline_predict(documents: Sequence[Document], model: str | None = None) -> list[dict[str, Any]]:
    import spacy
    from dateutil import parser as dateparser

    from .nlp.pipeline import resolve_base

    nlp = spacy.load(resolve_base(model))
    texts = ["\n\n".join(b.text for b in d.blocks) for d in documents]
    out = []
    for doc in nlp.pipe(texts, batch_size=8):
        people = list(dict.fromkeys(e.text for e in doc.ents if e.label_ == "PERSON"))
        orgs = list(dict.fromkeys(e.text for e in doc.ents if e.label_ == "ORG"))
        dates = []
        for e in doc.ents:
            if e.label_ != "DATE":
                continue
            try:
                value = dateparser.parse(e.text, dayfirst=True, fuzzy=False, default=None)
            except (ValueError, OverflowError, TypeError):
                continue
            if value is not None and re.search(r"\d", e.text):
                dates.append(value.date().isoformat())
        decisions = [s.text.strip() for s in doc.sents if _DECIDE.search(s.text)]
        out.append({
            "attendees": [{"name": p, "status": "present"} for p in people],
            "agencies": orgs,
            "categories": [],
            "risk_factors": [],
            "decisions": decisions,
            "actions": [],
            "dates": list(dict.fromkeys(dates)),
            "meeting": {"date": dates[0] if dates else None},
        })
    return out

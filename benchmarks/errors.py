"""List what extraction missed and what it added, per document and field, for a gold folder.

    .venv/bin/python benchmarks/errors.py benchmarks/gold/dev [--field actions] [--doc NAME]

For tuning on the development set only: it prints gold and predicted text, so never point it at
heldout/ (whose documents must stay unseen while the rules are tuned).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from minutes.config import Settings
from minutes.evaluate import (NAME_CUTOFF, TERM_CUTOFF, TEXT_CUTOFF, _name_score, _term_score,
                              _text_score, _uniq, load_gold)
from minutes.flow import extract_documents, read


def _pairs(gold, pred, scorer, cutoff):
    pairs = sorted(((scorer(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    ug, up = set(), set()
    for s, i, j in pairs:
        if s >= cutoff and i not in ug and j not in up:
            ug.add(i)
            up.add(j)
    return [g for i, g in enumerate(gold) if i not in ug], [p for j, p in enumerate(pred) if j not in up]


def _views(doc):
    return {
        "attendees": ([a["name"] for a in doc.get("attendees", []) if a.get("name") and a.get("attendance") != "absent"], _name_score, NAME_CUTOFF),
        "agencies": (_uniq(doc.get("agencies", [])), _term_score, TERM_CUTOFF),
        "categories": (_uniq(doc.get("categories", [])), _term_score, TERM_CUTOFF),
        "risk_factors": (_uniq(doc.get("risk_factors", [])), _term_score, TERM_CUTOFF),
        "decisions": (doc.get("decisions", []), _text_score, TEXT_CUTOFF),
        "actions": ([a.get("what", "") for a in doc.get("actions", [])], _text_score, TEXT_CUTOFF),
        "dates": (_uniq(doc.get("dates", [])), lambda a, b: 100.0 if a == b else 0.0, 100.0),
        "meeting_date": ([d] if (d := (doc.get("meeting") or {}).get("date")) else [], lambda a, b: 100.0 if a == b else 0.0, 100.0),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--field", action="append")
    ap.add_argument("--doc", action="append", help="only documents whose name contains this")
    args = ap.parse_args(argv)
    if "heldout" in args.folder.resolve().parts:
        sys.exit("errors.py lists document text: not for the held-out set")
    gold = load_gold(args.folder)
    if args.doc:
        gold = [g for g in gold if any(d in g.name for d in args.doc)]
    settings = Settings()
    docs = [read(g.path, settings) for g in gold]
    for g, x in zip(gold, extract_documents(docs, settings)):
        pred = x.to_json()
        gv, pv = _views(g.gold), _views(pred)
        lines = []
        for f in gv:
            if args.field and f not in args.field:
                continue
            missed, extra = _pairs(gv[f][0], pv[f][0], gv[f][1], gv[f][2])
            lines += [f"  {f} MISSED: {json.dumps(m, ensure_ascii=False)}" for m in missed]
            lines += [f"  {f} EXTRA:  {json.dumps(e, ensure_ascii=False)}" for e in extra]
        if lines:
            print(g.name)
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

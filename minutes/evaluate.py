"""Score extraction against hand-annotated gold documents (precision, recall, F1 per field).

A gold document is NAME.json beside NAME.txt, or a NAME.json whose "text" key names the file it
annotates (e.g. "samples/rcpc_notes_khan.docx").  Names and agencies match fuzzily, decisions
and actions by wording, dates exactly.  The same scorer runs over the product and over the naive
baseline (bare en_core_web_sm: PERSON -> attendee, ORG -> agency, DATE -> date, sentences with
"resolved"/"agreed" -> decisions), so the two can be compared in one table.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from rapidfuzz import fuzz, utils

from .errors import MinutesError

FIELDS = ("attendees", "agencies", "categories", "risk_factors", "decisions", "actions", "dates", "meeting_date")
NAME_CUTOFF = 85.0
TEXT_CUTOFF = 80.0
TERM_CUTOFF = 90.0
_TITLE = re.compile(r"^(?:(?:cllr|councillor|dr|mr|mrs|ms|miss|mx|prof|rev|pc|dc|ds|di|sgt|detective\s+\w+|the)\.?\s+)+", re.I)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0


@dataclass
class Score:
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    documents: int = 0

    @property
    def macro_f1(self) -> float:
        scored = [c.f1 for c in self.fields.values() if not c.empty]
        return sum(scored) / len(scored) if scored else 0.0


@dataclass(frozen=True)
class GoldDoc:
    name: str
    path: Path              # the file to ingest
    gold: dict[str, Any]


def load_gold(directory: Path) -> list[GoldDoc]:
    """Every annotated document under `directory` (searched recursively), sorted by name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise MinutesError(f"gold folder '{directory}' does not exist")
    out = []
    for ann in sorted(directory.rglob("*.json")):
        try:
            gold = json.loads(ann.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise MinutesError(f"gold file '{ann.name}' cannot be read: {type(exc).__name__}") from None
        if not isinstance(gold, dict) or "attendees" not in gold:
            continue
        text = _text_for(ann, gold)
        if text is None:
            raise MinutesError(f"gold file '{ann.name}' has no text beside it (NAME.txt or a \"text\" key)")
        out.append(GoldDoc(ann.stem, text, gold))
    return out


def _text_for(ann: Path, gold: dict[str, Any]) -> Path | None:
    beside = ann.with_suffix(".txt")
    if beside.is_file():
        return beside
    named = gold.get("text")
    if isinstance(named, str):
        for root in (ann.parent, Path.cwd(), *ann.parents):
            candidate = root / named
            if candidate.is_file():
                return candidate
    return None


# -- matching -------------------------------------------------------------------------------

def _person(name: str) -> str:
    return utils.default_process(_TITLE.sub("", name or ""))


def _name_score(a: str, b: str) -> float:
    pa, pb = _person(a), _person(b)
    if not pa or not pb:
        return 0.0
    if pa.split()[-1] != pb.split()[-1]:
        return fuzz.ratio(pa, pb) if fuzz.ratio(pa, pb) >= 92 else 0.0
    if pa == pb or pa in pb or pb in pa:
        return 100.0
    return max(fuzz.token_sort_ratio(pa, pb), 86.0 if pa.split()[0][0] == pb.split()[0][0] else 0.0)


def _text_score(a: str, b: str) -> float:
    na, nb = utils.default_process(a), utils.default_process(b)
    na = re.sub(r"^(that|resolved|decision)\s+", "", na)
    nb = re.sub(r"^(that|resolved|decision)\s+", "", nb)
    if not na or not nb:
        return 0.0
    if (na in nb or nb in na) and min(len(na), len(nb)) >= 0.6 * max(len(na), len(nb)):
        return 100.0
    return fuzz.ratio(na, nb)


def _term_score(a: str, b: str) -> float:
    return fuzz.ratio(utils.default_process(a), utils.default_process(b))


def match(gold: Sequence[Any], predicted: Sequence[Any], scorer: Callable[[Any, Any], float], cutoff: float) -> Counts:
    """Greedy one-to-one matching, best pairs first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            s = scorer(g, p)
            if s >= cutoff:
                pairs.append((s, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for s, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    tp = len(used_g)
    return Counts(tp, len(predicted) - tp, len(gold) - tp)


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Counts]:
    g_people = [a["name"] for a in gold.get("attendees", []) if a.get("name")]
    p_people = [a["name"] for a in pred.get("attendees", []) if a.get("name") and a.get("attendance") != "absent"]
    # people marked absent (neither there nor sending apologies) are no attendees (GUIDELINES.md)
    g_date = (gold.get("meeting") or {}).get("date")
    p_date = (pred.get("meeting") or {}).get("date")
    return {
        "attendees": match(g_people, p_people, _name_score, NAME_CUTOFF),
        "agencies": match(_uniq(gold.get("agencies", [])), _uniq(pred.get("agencies", [])), _term_score, TERM_CUTOFF),
        "categories": match(_uniq(gold.get("categories", [])), _uniq(pred.get("categories", [])), _term_score, TERM_CUTOFF),
        "risk_factors": match(_uniq(gold.get("risk_factors", [])), _uniq(pred.get("risk_factors", [])), _term_score, TERM_CUTOFF),
        "decisions": match(gold.get("decisions", []), pred.get("decisions", []), _text_score, TEXT_CUTOFF),
        "actions": match([a.get("what", "") for a in gold.get("actions", [])],
                         [a.get("what", "") for a in pred.get("actions", [])], _text_score, TEXT_CUTOFF),
        "dates": match(_uniq(gold.get("dates", [])), _uniq(pred.get("dates", [])), lambda a, b: 100.0 if a == b else 0.0, 100.0),
        "meeting_date": Counts(
            tp=int(bool(g_date) and g_date == p_date),
            fp=int(bool(p_date) and p_date != g_date),
            fn=int(bool(g_date) and g_date != p_date),
        ),
    }


def _uniq(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def evaluate(docs: Sequence[GoldDoc], predict: Callable[[Sequence[GoldDoc]], list[dict[str, Any]]]) -> tuple[Score, list[tuple[str, dict[str, Counts]]]]:
    """Score `predict` (gold docs -> predicted JSON dicts, in order) over the gold docs."""
    score = Score()
    per_doc = []
    for doc, pred in zip(docs, predict(docs)):
        counts = score_document(doc.gold, pred)
        for f, c in counts.items():
            score.fields[f].add(c)
        score.documents += 1
        per_doc.append((doc.name, counts))
    return score, per_doc


def splits(directory: Path) -> list[tuple[str, Path]]:
    """The dev/heldout parts of a gold folder when it has them, else the folder itself."""
    directory = Path(directory)
    parts = [(p.name, p) for p in sorted(directory.iterdir()) if p.is_dir() and any(p.rglob("*.json"))] if directory.is_dir() else []
    return parts or [(directory.name, directory)]

"""minutes_tasks: a trained second opinion on tasks, for record shapes the action rules do not know.

The rules in actions.py read tasks from the shapes minute-takers use.  A record typed in a shape
they have not met loses its tasks, so this component scores every sentence the rules left alone
with a small bag-of-words text classifier (spaCy textcat, words and word pairs of the sentence and
of the heading above it) and reads a sentence scored at or above `threshold` as a plain task with
the rules' own task reader (owner before "to"/"will", due date from minutes_dates).

The classifier lives in models/tasks and is trained on the dev gold only, by
`benchmarks/train_tasks.py`; without that folder the component does nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import models_dir
from .actions import SENTENCE, ActionFinder, asks, field_key
from .found import FoundAction, FoundDate, block_starts, pack, text_of, unpack

LABEL = "TASK"
_WORD = re.compile(r"[A-Za-z]+")
MIN_CHARS = 8
HEADING_WORDS = 6


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int          # character offsets in the Doc
    end: int
    heading: str        # the heading or short label line above it


def candidates(doc: Doc) -> list[Candidate]:
    """Every sentence of every line of the Doc's blocks, with the heading in force above it."""
    text = text_of(doc)
    kinds = doc.user_data.get("minutes_blocks", [])
    out: list[Candidate] = []
    heading = ""
    for i, span in enumerate(doc.spans["blocks"]):
        kind = kinds[i][0] if i < len(kinds) else span.label_
        if kind == "heading":
            heading = text[span.start_char:span.end_char][:60]
            continue
        pos = span.start_char
        for line in text[span.start_char:span.end_char].split("\n"):
            bare = line.strip()
            if bare and kind != "table" and len(bare.split()) <= HEADING_WORDS and (bare.endswith(":") or bare[-1] not in ".?!"):
                heading = bare[:60]
            for m in SENTENCE.finditer(line):
                start = pos + m.start() + len(m.group()) - len(m.group().lstrip())
                end = pos + m.end() - (len(m.group()) - len(m.group().rstrip()))
                if end - start >= MIN_CHARS:
                    out.append(Candidate(start, end, heading))
            pos += len(line) + 1
    return out


def feature_text(heading: str, sentence: str) -> str:
    """What the classifier reads: the heading's words marked as such, then the sentence."""
    return " ".join(["h_" + w.lower() for w in _WORD.findall(heading)] + [sentence])


@lru_cache(maxsize=2)
def load_classifier(path: str) -> Language | None:
    folder = Path(path)
    return spacy.load(folder) if (folder / "meta.json").is_file() else None


def new_classifier() -> Language:
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": 2 ** 17}})
    textcat.add_label(LABEL)
    textcat.add_label("OTHER")
    return nlp


class TaskClassifier:
    def __init__(self, name: str, model: str, threshold: float) -> None:
        self.name = name
        self.threshold = threshold
        self.path = str(Path(model) if Path(model).is_absolute() else models_dir() / model)
        self.reader = ActionFinder("minutes_actions")   # its plain-task reader (owner, what, due)

    def __call__(self, doc: Doc) -> Doc:
        classifier = load_classifier(self.path)
        if classifier is None:
            return doc
        text = text_of(doc)
        starts = block_starts(doc)
        found = unpack(FoundAction, doc._.actions)
        taken = [(a.evidence.block, a.evidence.start, a.evidence.end) for a in found]
        dates: dict[int, list[FoundDate]] = {}
        for d in unpack(FoundDate, doc._.dates):
            dates.setdefault(d.evidence.block, []).append(d)
        cands = candidates(doc)
        scored = classifier.pipe(feature_text(c.heading, text[c.start:c.end]) for c in cands)
        added = []
        for c, scores in zip(cands, scored):
            if scores.cats[LABEL] < self.threshold or self._not_a_task(text[c.start:c.end]):
                continue
            action = self.reader.read_task(doc, starts, c.start, c.end, dates)
            if action is None or len(action.what.split()) < 2 or action.what.startswith("be "):
                continue                # "Dean to be offered a programme": Dean is no owner, and the rules decide those
            e = action.evidence
            if any(b == e.block and s < e.end and e.start < t for b, s, t in taken):
                continue                # the rules read this sentence already
            added.append(action)
            taken.append((e.block, e.start, e.end))
        if added:
            doc._.actions = pack(found + added)
        return doc


    @staticmethod
    def _not_a_task(sentence: str) -> bool:
        """"By when: Ongoing", "Who: SW", "What needs to change: ...": a field the rules fill a task with, or its
        outcome; or a question ("... asked if the Ombudsman had been contacted")."""
        return field_key(sentence) in ("owner", "due", "outcome") or asks(sentence)


@Language.factory("minutes_tasks", default_config={"model": "tasks", "threshold": 0.5})
def make_tasks(nlp: Language, name: str, model: str, threshold: float) -> TaskClassifier:
    return TaskClassifier(name, model, threshold)

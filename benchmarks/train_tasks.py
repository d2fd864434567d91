"""Train the task classifier of minutes_tasks (models/tasks) on the dev gold only.

    .venv/bin/python benchmarks/train_tasks.py [benchmarks/gold/dev] [--out models/tasks] [--folds 5]

Every sentence the component would score (minutes.nlp.tasks.candidates) is an example; it is a
task when a gold action's `what` is written inside it.  With --folds N it first prints the
classifier's precision and recall on each held-apart fifth of the documents (split by document),
then trains on all of them and saves the model.  The held-out gold is never read.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from rapidfuzz import fuzz, utils
from spacy.training import Example
from spacy.util import fix_random_seed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from minutes import flow  # noqa: E402
from minutes.config import load_settings  # noqa: E402
from minutes.evaluate import load_gold  # noqa: E402
from minutes.nlp.found import text_of  # noqa: E402
from minutes.nlp.pipeline import docs_for, load_pipeline  # noqa: E402
from minutes.nlp.tasks import LABEL, candidates, feature_text, new_classifier  # noqa: E402

EPOCHS = 8
BATCH = 64


def _is_task(sentence: str, whats: list[str]) -> bool:
    s = utils.default_process(sentence)
    for what in whats:
        w = utils.default_process(what)
        if w and len(w) >= 0.25 * len(s) and (w in s or fuzz.partial_ratio(w, s) >= 90):
            return True
    return False


def examples(folder: Path) -> list[tuple[str, str, bool]]:
    """(document, feature text, is a task) for every candidate sentence of the gold folder."""
    settings = load_settings()
    gold = load_gold(folder)
    nlp = load_pipeline(settings.model)
    documents = [flow.read(g.path, settings) for g in gold]
    out = []
    for g, docs in zip(gold, docs_for(nlp, (d.blocks for d in documents))):
        whats = [a.get("what", "") for a in g.gold.get("actions", [])]
        for doc in docs:
            text = text_of(doc)
            for c in candidates(doc):
                sentence = text[c.start:c.end]
                out.append((g.name, feature_text(c.heading, sentence), _is_task(sentence, whats)))
    return out


def train(rows: list[tuple[str, str, bool]], seed: int = 0):
    fix_random_seed(seed)
    nlp = new_classifier()
    data = [Example.from_dict(nlp.make_doc(t), {"cats": {LABEL: float(y), "OTHER": float(not y)}}) for _, t, y in rows]
    optimizer = nlp.initialize(lambda: data)
    for epoch in range(EPOCHS):
        random.Random(seed + epoch).shuffle(data)
        for i in range(0, len(data), BATCH):
            nlp.update(data[i:i + BATCH], sgd=optimizer, drop=0.2)
    return nlp


def cross_validate(rows, folds: int, threshold: float) -> None:
    names = sorted({d for d, _, _ in rows})
    random.Random(1).shuffle(names)
    tp = fp = fn = 0
    for k in range(folds):
        test = set(names[k::folds])
        nlp = train([r for r in rows if r[0] not in test])
        held = [r for r in rows if r[0] in test]
        for (_, _, y), doc in zip(held, nlp.pipe(t for _, t, _ in held)):
            p = doc.cats[LABEL] >= threshold
            tp += p and y
            fp += p and not y
            fn += y and not p
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"{folds}-fold by document, threshold {threshold}: precision {precision:.2f} recall {recall:.2f} "
          f"F1 {2 * precision * recall / max(precision + recall, 1e-9):.2f} ({tp + fn} task sentences)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default="benchmarks/gold/dev", type=Path)
    parser.add_argument("--out", default="models/tasks", type=Path)
    parser.add_argument("--folds", default=5, type=int)
    parser.add_argument("--threshold", default=0.5, type=float)
    args = parser.parse_args()
    if "heldout" in args.gold.parts:
        sys.exit("train_tasks: refusing to train on held-out gold")
    rows = examples(args.gold)
    print(f"{len(rows)} sentences, {sum(y for _, _, y in rows)} tasks, {len({d for d, _, _ in rows})} documents")
    if args.folds > 1:
        cross_validate(rows, args.folds, args.threshold)
    nlp = train(rows)
    nlp.to_disk(args.out)
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()

"""The straight line: file -> blocks -> Doc -> record -> store -> template -> document.

Each function composes library steps and does nothing else.
"""
from __future__ import annotations

from pathlib import Path

from .config import Settings
from .ingest import Document, read


def read_file(path: Path, settings: Settings) -> Document:
    """file -> Document (blocks + metadata)."""
    return read(path, settings)


def extract_documents(documents, settings: Settings, n_process: int = 1):
    """Documents -> Extractions, in order (the pipeline is loaded once)."""
    from .nlp.pipeline import docs_for, load_pipeline
    from .records.extract import extract

    nlp = load_pipeline(settings.model)
    documents = list(documents)
    for document, docs in zip(documents, docs_for(nlp, (d.blocks for d in documents), n_process=n_process)):
        yield extract(document, docs)


def extract_files(paths, settings: Settings, n_process: int = 1, on_error=None):
    """Files -> (path, Extraction) pairs; unreadable files go to `on_error(path, exc)`."""
    from .errors import InputError

    documents = []
    for path in paths:
        try:
            documents.append((path, read(path, settings)))
        except InputError as exc:
            if on_error is None:
                raise
            on_error(path, exc)
    results = extract_documents([d for _, d in documents], settings, n_process=n_process)
    for (path, _), extraction in zip(documents, results):
        yield path, extraction


def evaluate_gold(directory: Path, settings: Settings, baseline: bool = True):
    """Gold folder -> [(split, product score, baseline score | None)] and per-document counts."""
    from .baseline import baseline_predict
    from .evaluate import evaluate, load_gold, splits

    rows = []
    details = []
    for name, folder in splits(directory):
        gold = load_gold(folder)
        documents = [read(g.path, settings) for g in gold]
        by_path = {id(g): d for g, d in zip(gold, documents)}

        def product(docs):
            return [x.to_json() for x in extract_documents([by_path[id(g)] for g in docs], settings)]

        score, per_doc = evaluate(gold, product)
        base = evaluate(gold, lambda docs: baseline_predict([by_path[id(g)] for g in docs], settings.model))[0] if baseline else None
        rows.append((name, score, base))
        details.append((name, per_doc))
    return rows, details

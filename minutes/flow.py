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


def open_store(settings: Settings):
    """Settings -> the record store (`settings.db`, a SQLAlchemy URL or file; None = the default)."""
    from .records.store import Store

    return Store.open(settings.db)


def build_records(documents, settings: Settings, n_process: int = 1):
    """Documents -> (Document, record dict) pairs, in order (records typed by the model).

    A document whose record cannot be built comes with an ExtractionError instead of a dict, so
    that a batch goes on past it."""
    from .errors import ExtractionError, MinutesError
    from .records.build import build_record

    documents = list(documents)
    for document, extraction in zip(documents, extract_documents(documents, settings, n_process=n_process)):
        try:
            record = build_record(document, extraction.to_json()).to_dict()
        except MinutesError as exc:
            record = exc
        except Exception as exc:  # a bug must not stop an archive: name the file and the error type
            record = ExtractionError(f"cannot build a record from '{document.meta.name}': {type(exc).__name__}")
        yield document, record


def ingest_files(paths, settings: Settings, store, force: bool = False, n_process: int = 1, on_error=None):
    """Files -> stored records.  Yields (path, record id, status), status "saved", "replaced" or
    "stored" (already stored, by content hash: skipped before the NLP unless `force`).
    Unreadable files go to `on_error(path, exc)`."""
    from .errors import DuplicateDocument, InputError, MinutesError
    from .records.model import record_from_dict

    todo = []
    for path in paths:
        try:
            document = read(path, settings)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(path, exc)
            continue
        existing = store.find_by_sha(document.meta.sha256)
        if existing is not None and not force:
            yield path, existing, "stored"
        else:
            todo.append((path, document, existing))
    results = build_records([d for _, d, _ in todo], settings, n_process=n_process)
    for (path, document, existing), (_, record) in zip(todo, results):
        try:
            if isinstance(record, Exception):
                raise record
            record_from_dict(record)
            record_id = store.save(record, sha256=document.meta.sha256, force=force)
        except DuplicateDocument as exc:          # stored by another writer meanwhile
            yield path, exc.existing_id, "stored"
            continue
        except MinutesError as exc:
            if on_error is None:
                raise
            on_error(path, exc)
            continue
        yield path, record_id, "replaced" if existing is not None else "saved"

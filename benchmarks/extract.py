"""Benchmark extraction speed, load time and memory, side by side with bare en_core_web_sm.

    .venv/bin/python benchmarks/extract.py [--words 200000] [--repeats 3]

Builds ~2,000-word documents from the bundled samples (public seeds and fictitious notes) until
--words is reached, then, in one run:
- bare: the base pipeline with all its components, nlp.pipe(batch_size=8) over the texts;
- minutes: the full extraction (pipeline + records.extract) over the same blocks;
- load: a fresh process that loads each pipeline (median of --repeats);
- memory: peak RSS of a fresh process extracting one ~200-page document (~100k words).
Prints words/second, the ratio minutes/bare, load times and peak memory.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(words: int, doc_words: int = 2000):
    """Documents (lists of TextBlocks) of about doc_words words, built from the samples."""
    from minutes.ingest import read

    sources = [read(p) for p in sorted((ROOT / "samples").glob("*.txt"))]
    sources.append(read(ROOT / "samples" / "rcpc_notes_khan.docx"))
    blocks = [b for d in sources for b in d.blocks]
    docs, current, count, total, i = [], [], 0, 0, 0
    while total < words:
        block = blocks[i % len(blocks)]
        i += 1
        n = len(block.text.split())
        current.append(block)
        count += n
        total += n
        if count >= doc_words:
            docs.append(current)
            current, count = [], 0
    if current:
        docs.append(current)
    return docs, total


def run_bare(docs) -> float:
    import spacy

    from minutes.nlp.pipeline import resolve_base

    nlp = spacy.load(resolve_base(None))
    texts = ["\n\n".join(b.text for b in d) for d in docs]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - start


def run_minutes(docs) -> float:
    from minutes.ingest.blocks import Document, DocumentMeta
    from minutes.nlp.pipeline import docs_for, load_pipeline
    from minutes.records.extract import extract

    nlp = load_pipeline()
    meta = DocumentMeta(name="bench.txt", format="text", sha256="0" * 64, size=0)
    start = time.perf_counter()
    for blocks, piece in zip(docs, docs_for(nlp, docs)):
        extract(Document(meta, tuple(blocks)), piece)
    return time.perf_counter() - start


LOAD = {
    "bare": "import spacy; from minutes.nlp.pipeline import resolve_base; spacy.load(resolve_base(None))",
    "minutes": "from minutes.nlp.pipeline import load_pipeline; load_pipeline()",
}
MEMORY = """
import resource, sys
sys.path.insert(0, {root!r})
from benchmarks.extract import corpus
from minutes.ingest.blocks import Document, DocumentMeta
from minutes.nlp.pipeline import docs_for, load_pipeline
from minutes.records.extract import extract
docs, words = corpus(100_000, doc_words=10**9)
nlp = load_pipeline()
meta = DocumentMeta(name="big.txt", format="text", sha256="0" * 64, size=0)
extract(Document(meta, tuple(docs[0])), next(docs_for(nlp, docs)))
print(words, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def load_time(kind: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        code = f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); t = time.perf_counter(); {LOAD[kind]}; print(time.perf_counter() - t)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.split()[-1]))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    docs, words = corpus(args.words)
    print(f"corpus: {words:,} words in {len(docs)} documents")
    bare = statistics.median(run_bare(docs) for _ in range(args.repeats))
    mine = statistics.median(run_minutes(docs) for _ in range(args.repeats))
    print(f"bare en_core_web_sm nlp.pipe: {words / bare:,.0f} words/s ({bare:.1f} s)")
    print(f"minutes extraction:           {words / mine:,.0f} words/s ({mine:.1f} s)  = {bare / mine:.2f}x bare")
    lb, lm = load_time("bare", args.repeats), load_time("minutes", args.repeats)
    print(f"load: bare {lb:.2f} s, minutes {lm:.2f} s  = {lm / lb:.2f}x")
    out = subprocess.run([sys.executable, "-c", MEMORY.format(root=str(ROOT))], capture_output=True, text=True, check=True)
    n, rss = out.stdout.split()
    print(f"peak memory, one {int(n):,}-word document (~200 pages): {rss} MB")
    print(json.dumps({"words": words, "bare_wps": round(words / bare), "minutes_wps": round(words / mine),
                      "ratio": round(bare / mine, 2), "load_bare_s": round(lb, 2), "load_minutes_s": round(lm, 2),
                      "peak_mb": int(rss)}))


if __name__ == "__main__":
    main()

"""Benchmark `minutes ingest --save`: documents per second with 1 and 2 NLP workers.

    .venv/bin/python benchmarks/ingest_save.py [--copies 5] [--repeats 1] [--workers 1 2]

Copies the bundled text samples (samples/*.txt and the .vtt transcript) --copies times into a
temporary folder, each copy made distinct by a last line so that its sha256 differs (about 40
documents with the defaults), then runs the real command in a fresh process per run against a
fresh SQLite store in that folder, and prints the wall time (start-up and model load included),
documents/second and words/second.  Times are medians of --repeats runs.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINUTES = [sys.executable, "-m", "minutes"]


def make_corpus(folder: Path, copies: int) -> tuple[int, int]:
    """Write the copies; return (documents, words)."""
    sources = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".vtt") and p.name != "SOURCES.md")
    words = 0
    count = 0
    for n in range(copies):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            if src.suffix == ".vtt":
                text += f"\n\n99:00:00.000 --> 99:00:01.000\n<v Benchmark>copy {n}\n"
            else:
                text += f"\n\n(benchmark copy {n})\n"
            (folder / f"{src.stem}_{n}{src.suffix}").write_text(text, encoding="utf-8")
            words += len(text.split())
            count += 1
    return count, words


def run(folder: Path, workers: int, run_no: int) -> float:
    db = folder / f"store_{workers}_{run_no}.db"
    env = dict(os.environ, MINUTES_DB=str(db))
    start = time.perf_counter()
    done = subprocess.run([*MINUTES, "ingest", "--save", "--workers", str(workers), str(folder / "docs")],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    saved = sum(1 for line in done.stdout.splitlines() if ": record " in line)
    if done.returncode != 0 or saved == 0:
        print(f"  run failed (exit {done.returncode}, {saved} saved): {done.stderr.strip()[-300:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as tmp:
        folder = Path(tmp)
        (folder / "docs").mkdir()
        docs, words = make_corpus(folder / "docs", args.copies)
        print(f"ingest --save: {docs} documents, {words:,} words, {os.cpu_count()} CPUs")
        base = None
        for workers in args.workers:
            took = statistics.median(run(folder, workers, r) for r in range(args.repeats))
            base = base or took
            print(f"  workers={workers}: {took:6.1f} s  {docs / took:6.2f} docs/s  {words / took:8,.0f} words/s"
                  f"  ({base / took:.2f}x of the first)")


if __name__ == "__main__":
    main()

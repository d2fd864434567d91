"""Chat reply latency per message against the pipeline time for that message.

The pipeline is loaded once (as in a session); for each message of the scripted Smith conversation
(tests/chat/data/smith_conversation.txt) we time the whole reply (`Session.handle`, store write
included) and, for messages that go through the pipeline, the pipeline alone on the same text.
Target: latency < pipeline time + 50 ms.  Run: .venv/bin/python benchmarks/chat.py
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes.chat.session import Session, pipeline_extractor  # noqa: E402
from minutes.chat.terminal import messages  # noqa: E402
from minutes.config import Settings  # noqa: E402
from minutes.records.store import Store  # noqa: E402

BUDGET_MS = 50.0
REPEATS = 3


def main() -> int:
    settings = Settings()
    script = [m for m in messages((ROOT / "tests/chat/data/smith_conversation.txt").read_text().splitlines()) if m.strip()]
    start = time.perf_counter()
    from minutes.nlp.pipeline import load_pipeline

    load_pipeline(settings.model)
    print(f"pipeline load (once per session): {time.perf_counter() - start:.2f} s")
    run = pipeline_extractor(settings)
    worst, rows = 0.0, []
    for _ in range(REPEATS):
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
            session = Session(settings=settings, store=store)
            for i, message in enumerate(script):
                before = len(session.undo_stack)
                t0 = time.perf_counter()
                session.handle(message)
                reply_ms = (time.perf_counter() - t0) * 1000
                uses_pipeline = not message.startswith("/") and session.extractor is not None and (
                    "\n" in message or ":" in message)
                pipe_ms = 0.0
                if uses_pipeline:
                    t1 = time.perf_counter()
                    run(message)
                    pipe_ms = (time.perf_counter() - t1) * 1000
                rows.append((i + 1, reply_ms, pipe_ms, len(session.undo_stack) > before))
    by_msg: dict[int, list[tuple[float, float]]] = {}
    for n, reply_ms, pipe_ms, _ in rows:
        by_msg.setdefault(n, []).append((reply_ms, pipe_ms))
    print(f"{'msg':>3} {'reply ms':>9} {'pipeline ms':>12} {'overhead ms':>12}  (medians of {REPEATS})")
    for n, values in by_msg.items():
        reply = statistics.median(v[0] for v in values)
        pipe = statistics.median(v[1] for v in values)
        worst = max(worst, reply - pipe)
        print(f"{n:>3} {reply:>9.1f} {pipe:>12.1f} {reply - pipe:>12.1f}")
    print(f"worst overhead over the pipeline: {worst:.1f} ms (target < {BUDGET_MS:.0f} ms): "
          f"{'met' if worst < BUDGET_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

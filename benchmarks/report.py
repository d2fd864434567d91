"""Service report generation time for 1,000 and 100,000 conferences.

Conferences come from the test generator (tests/report/generate.py), replicated to the wanted
size with fresh ids and child ids.  Three measurements per size:
- stats: `service.compute` alone over dicts (the part that grows with the store); the input dicts
  are frozen out of the garbage collector (`gc.freeze`), as records streamed from a store would be;
- over dicts: service.compute + tables.build + Markdown/DOCX rendering (charts included);
- through the Store API: the records saved into a temporary SQLite store first (not timed),
  then `iter_records` + the same report (timed), as `minutes report service` does.
The store part for 100,000 is skipped with --quick.  Prints seconds and the per-conference cost;
the ratio of per-conference costs shows whether growth is linear.

    .venv/bin/python benchmarks/report.py [--quick]
"""
from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes.config import Settings  # noqa: E402
from minutes.report import service_report  # noqa: E402
from minutes.report.render import render_bytes  # noqa: E402
from tests.report.generate import PERIOD, generate  # noqa: E402


def conferences(n: int) -> list[dict]:
    base, _ = generate(families=400, seed=1)
    out = []
    copy = 0
    while len(out) < n:
        for record in base:
            if len(out) == n:
                break
            r = dict(record, id=len(out) + 1)
            r["children"] = [dict(c, child_id=f"{c['child_id']}-{copy}") for c in record["children"]]
            out.append(r)
        copy += 1
    return out


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def report(records, fmt: str = "md") -> None:
    doc = service_report(records, *PERIOD, Settings())
    render_bytes(doc, fmt)


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"{'conferences':>12} {'source':>8} {'seconds':>9} {'ms/1k conf':>11}")
    results = {}
    for n in (1_000, 100_000):
        records = conferences(n)
        gc.collect()
        gc.freeze()        # the input dicts stand for a store: keep the collector off them
        report(records[:100])                                  # warm caches (holidays, fonts)
        from minutes.report.service import compute

        secs = min(timed(lambda: compute(records, *PERIOD, Settings())) for _ in range(3 if n <= 1000 else 1))
        results[("stats", n)] = secs
        print(f"{n:>12,} {'stats':>8} {secs:>9.2f} {1000 * secs / n * 1000:>11.1f}")
        secs = min(timed(lambda: report(records, "docx")) for _ in range(3 if n <= 1000 else 1))
        results[("dicts", n)] = secs
        print(f"{n:>12,} {'dicts':>8} {secs:>9.2f} {1000 * secs / n * 1000:>11.1f}")
        if quick and n > 1000:
            continue
        from minutes.records.store import Store

        with tempfile.TemporaryDirectory() as folder:
            with Store.open(str(Path(folder) / "bench.db")) as store:
                for r in records:
                    store.save(dict(r))

                def from_store() -> None:
                    report(store.iter_records(kind="conference", date_to=PERIOD[1]), "docx")

                secs = timed(from_store)
        results[("store", n)] = secs
        print(f"{n:>12,} {'sqlite':>8} {secs:>9.2f} {1000 * secs / n * 1000:>11.1f}")
    for source in ("stats", "dicts", "store"):
        if (source, 1000) in results and (source, 100_000) in results:
            ratio = results[(source, 100_000)] / results[(source, 1000)]
            print(f"{source}: 100x the conferences took {ratio:.0f}x the time (linear = 100x; "
                  "fixed costs such as charts make small runs relatively dearer)")


if __name__ == "__main__":
    main()

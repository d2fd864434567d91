"""Benchmark the record store: records saved per second and `list` time on 10,000 conferences.

    .venv/bin/python benchmarks/store.py [--records 10000] [--repeats 3]

Saves --records fictitious conference records (about 5 KB of JSON each, shaped as docs/records.md,
each with a content hash, each save its own transaction with its audit row) into a fresh SQLite file
in a temporary folder, then times `list()` (all summaries), `list(kind, date range)`,
`list(limit=50)`, `count()` and streaming every record with `iter_records()`.  When
MINUTES_TEST_PG_URL is set (CI and `.ci/run` set it) the same runs against that PostgreSQL
database, whose tables are DROPPED first: point it at a throwaway test database only.
Times are medians of --repeats runs.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from minutes.records.store import Store  # noqa: E402

AGENCIES = ["Children's Social Care", "Police", "Health Visiting", "School", "GP", "Probation",
            "Adult Mental Health", "Housing", "Early Help", "Drug and Alcohol Service"]
CATEGORIES = ["Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple"]
FAMILIES = ["Smith", "Khan", "Jones", "Taylor", "Brown", "Williams", "Patel", "Evans", "Walker", "Wright"]
SENTENCE = ("The social worker reported that the home conditions had improved since the last visit "
            "and that the children attended school regularly. ")


def conference(i: int, rng: random.Random) -> dict:
    """A fictitious conference record of about 5 KB."""
    family = f"{rng.choice(FAMILIES)}-{i}"
    day = f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    evidence = {"block": rng.randint(0, 40), "start": 0, "end": 40}
    return {
        "kind": "conference", "schema": 1, "conference_type": rng.choice(["initial", "review"]),
        "conference_date": day, "conference_time": "10:00", "venue": "Family Hub",
        "source": {"name": f"notes_{i}.txt", "format": "text", "sha256": None},
        "children": [{"child_id": f"C-{i:06X}{k}", "name": f"Child {k} {family}", "initials": "C.F.",
                      "date_of_birth": "2017-08-14", "unborn": False, "decision": "plan made",
                      "category": rng.choice(CATEGORIES), "evidence": evidence} for k in range(rng.randint(1, 3))],
        "family_name": family,
        "chair": {"name": "Margaret Osei", "role": "Independent Reviewing Officer", "contact": None},
        "attendees": [{"name": f"Person {k}", "role": "Practitioner", "agency": rng.choice(AGENCIES),
                       "status": "present", "family": False, "excluded_from": None, "evidence": evidence}
                      for k in range(rng.randint(5, 12))],
        "concerns": SENTENCE * rng.randint(3, 8), "analysis": SENTENCE * rng.randint(2, 6),
        "risk_factors": rng.sample(["Domestic abuse", "Parental substance misuse", "Mental health"], 2),
        "plan_actions": [{"what": f"Action {k}: " + SENTENCE, "owner": f"Person {k}", "due": day,
                          "due_text": None, "evidence": evidence} for k in range(rng.randint(2, 6))],
        "review_date": day, "notes": [],
    }


def _median(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    with engine.begin() as conn:
        for name in inspect(conn).get_table_names():
            conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    engine.dispose()


def run(label: str, url: str, n: int, repeats: int) -> None:
    rng = random.Random(7)
    records = [conference(i, rng) for i in range(n)]
    size = sum(len(str(r)) for r in records[:100]) / 100
    with Store.open(url) as store:
        start = time.perf_counter()
        for i, record in enumerate(records):
            store.save(record, sha256=hashlib.sha256(str(i).encode()).hexdigest())
        saved = time.perf_counter() - start
        print(f"{label}: saved {n:,} conferences (~{size / 1024:.1f} KB each) in {saved:.1f} s = "
              f"{n / saved:,.0f} records/s")
        for name, fn in [
            ("list() all summaries", lambda: store.list()),
            ("list(kind, date range)", lambda: store.list(kind="conference", date_from="2024-01-01",
                                                         date_to="2024-12-31")),
            ("list(limit=50)", lambda: store.list(limit=50)),
            ("count()", lambda: store.count()),
            ("iter_records() all", lambda: sum(1 for _ in store.iter_records())),
        ]:
            took, out = _median(fn, repeats)
            rows = out if isinstance(out, int) else len(out)  # type: ignore[arg-type]
            print(f"{label}:   {name:<24} {took * 1000:9.1f} ms  ({rows:,} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run("sqlite", str(Path(folder) / "minutes.db"), args.records, args.repeats)
    pg = os.environ.get("MINUTES_TEST_PG_URL")
    if pg:
        _reset_postgres(pg)
        run("postgresql", pg, args.records, args.repeats)
        _reset_postgres(pg)
    else:
        print("postgresql: skipped (set MINUTES_TEST_PG_URL to a throwaway database; .ci/run starts one)")


if __name__ == "__main__":
    main()

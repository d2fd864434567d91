"""Letters per second, DOCX and HTML, for 1,000 records (the fixture conference record varied).

    .venv/bin/python benchmarks/render.py [N]

Templates compile once (the environment is cached); each DOCX letter loads the Word template,
checks its variables, renders and saves to memory, as `minutes render` does.
"""
from __future__ import annotations

import copy
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes.render import render  # noqa: E402


def records(n: int) -> list[dict]:
    base = json.loads((ROOT / "tests" / "render" / "fixtures" / "conference_smith.json").read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        record = copy.deepcopy(base)
        record["id"] = i + 1
        record["children"][0]["name"] = f"Child{i} Smith"
        record["review_date"] = f"2026-06-{1 + i % 28:02d}"
        out.append(record)
    return out


def rate(fmt: str, items: list[dict]) -> tuple[float, int]:
    render("letter", items[0], fmt, today=date(2026, 3, 13))          # warm up: imports, template compile
    start = time.perf_counter()
    size = 0
    for record in items:
        size += len(render("letter", record, fmt, today=date(2026, 3, 13)))
    return len(items) / (time.perf_counter() - start), size // len(items)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    items = records(n)
    for fmt in ("html", "md", "docx"):
        per_s, size = rate(fmt, items)
        print(f"{fmt:5} {n} letters: {per_s:8.1f} letters/s ({1000 / per_s:6.2f} ms each, {size:,} bytes each)")


if __name__ == "__main__":
    main()

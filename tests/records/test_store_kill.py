"""SIGKILL a process many times while it saves records: the SQLite store stays whole.

Each child process (forked, so it starts in milliseconds) saves batches of records of random size
and reports on a pipe each record whose save has returned.  The parent kills it at a random moment
after its first report.  Afterwards the database passes `PRAGMA integrity_check`, every reported
record is there, nothing else is there but the batch in flight, and every record present is exactly
what was written, with exactly one audit row.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time

import pytest

from minutes.records.store import Store

ROUNDS = 30
BATCH = 4
PER_CHILD = 1_000_000            # child k writes seqs k*PER_CHILD, k*PER_CHILD + 1, ...

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin",
                                reason="needs os.fork (Linux)")


def expected(seq: int) -> dict:
    """The record written for `seq`, the same every time it is computed."""
    rng = random.Random(seq)
    return {"kind": "conference", "seq": seq, "conference_date": f"2026-{1 + seq % 12:02d}-{1 + seq % 28:02d}",
            "family_name": f"Family {seq}", "notes": [rng.randbytes(rng.randint(500, 60_000)).hex()]}


def _child(path: str, first: int, ack: int) -> None:
    with Store.open(path) as store:
        seq = first
        while True:
            batch = [(expected(s), f"{s:064x}") for s in range(seq, seq + BATCH)]
            ids = store.save_many(batch)
            assert all(isinstance(i, int) for i in ids)
            os.write(ack, "".join(f"{s}\n" for s in range(seq, seq + BATCH)).encode())
            seq += BATCH


def _run_and_kill(path: str, first: int, rng: random.Random) -> tuple[set[int], bool]:
    """Fork a writer, kill it soon after its first saved batch; the seqs it reported, and whether killed."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                             # the child
        os.close(read)
        code = 0
        try:
            _child(path, first, write)
        except BaseException:                                 # noqa: BLE001 - report and leave
            code = 3
        finally:
            os._exit(code)
    os.close(write)
    data = b""
    while b"\n" not in data:
        chunk = os.read(read, 4096)
        if not chunk:
            break
        data += chunk
    time.sleep(rng.uniform(0, 0.03))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    return {int(line) for line in data.decode().split()}, os.WIFSIGNALED(status)


def test_store_kill_mid_save_leaves_every_record_whole_or_absent(tmp_path):
    path = str(tmp_path / "minutes.db")
    Store.open(path).close()                                 # schema in place before the children start
    rng = random.Random(20261122)
    acked: set[int] = set()
    killed = 0
    for round_ in range(ROUNDS):
        seqs, was_killed = _run_and_kill(path, round_ * PER_CHILD, rng)
        assert seqs, f"round {round_}: the child saved nothing before it was killed"
        acked |= seqs
        killed += was_killed
    assert killed == ROUNDS

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store.open(path) as store:
        present = {}
        for record in store.iter_records():
            seq = record["seq"]
            assert {k: v for k, v in record.items() if k not in ("id", "created", "updated")} == expected(seq)
            assert store.find_by_sha(f"{seq:064x}") == record["id"]
            present[seq] = record["id"]
        assert acked <= set(present)                          # every save that returned is kept
        for round_ in range(ROUNDS):                          # beyond that, at most the batch in flight
            mine = sorted(s for s in present if s // PER_CHILD == round_)
            assert mine == list(range(round_ * PER_CHILD, round_ * PER_CHILD + len(mine)))
            assert len(mine) - len([s for s in acked if s // PER_CHILD == round_]) <= BATCH
        audit = store.audit()
        assert sorted(row["record_id"] for row in audit) == sorted(present.values())
        assert all(row["action"] == "create" for row in audit)

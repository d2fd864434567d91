"""Shared helpers of the end-to-end layout tests: the JSON record of a text file."""
from __future__ import annotations

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read


def record_of(tmp_path, text: str) -> dict:
    """The extraction JSON of `text` written to a real .txt file under `tmp_path`."""
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    return next(flow.extract_documents([read(path)], Settings())).to_json()


def people_of(record: dict) -> dict[str, dict]:
    """The record's attendees by name."""
    return {a["name"]: a for a in record["attendees"]}

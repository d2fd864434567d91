"""`minutes ingest --save` and `minutes records ...` through CliRunner on a store in a temp folder."""
from __future__ import annotations

import csv
import io
import json
import stat
import sys

import pytest
from typer.testing import CliRunner

from minutes.cli import app
from minutes.records.store import Store

from ..conftest import SAMPLES

runner = CliRunner()
SMITH = SAMPLES / "icpc_notes_smith.txt"


def _conference(family: str = "Smith", sha: str | None = None) -> dict:
    return {"kind": "conference", "conference_type": "initial", "conference_date": "2026-03-12",
            "family_name": family, "source": {"name": f"{family.lower()}.txt", "format": "text", "sha256": sha},
            "children": [{"child_id": "C-000001", "name": f"Tyler {family}", "decision": "plan made", "category": "Neglect"}],
            "attendees": [{"name": "Hannah Price", "role": "Social Worker", "status": "present"}]}


@pytest.fixture()
def db(tmp_path) -> str:
    return str(tmp_path / "store" / "minutes.db")


def _run(db: str, *args: str, **kw):
    return runner.invoke(app, ["--db", db, *args], **kw)


def _seed(db: str, *records: dict) -> list[int]:
    with Store.open(db) as store:
        return [store.save(dict(r), sha256=(r.get("source") or {}).get("sha256")) for r in records]


@pytest.mark.slow
def test_cli_records_ingest_save_skips_stored_documents_unless_forced(db, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    first = _run(db, "ingest", "--save", str(SMITH), str(bad))
    assert first.exit_code == 1 and "Cannot read 'empty.txt'" in first.stderr
    assert "icpc_notes_smith.txt: record 1" in first.stdout
    assert "1 of 2 file(s) failed: empty.txt" in first.stderr
    again = _run(db, "ingest", "--save", str(SMITH))
    assert again.exit_code == 0
    assert again.stdout.strip() == "icpc_notes_smith.txt: already stored as record 1 (use --force)"
    forced = _run(db, "ingest", "--save", "--force", str(SMITH))
    assert forced.exit_code == 0 and "icpc_notes_smith.txt: record 1" in forced.stdout
    shown = json.loads(_run(db, "records", "show", "1", "--json").stdout)
    assert {c["name"] for c in shown["children"]} == {"Tyler Smith", "Poppy Smith"}
    assert shown["core_group"]["time"] == "10:00"
    assert stat.S_IMODE((tmp_path / "store" / "minutes.db").stat().st_mode) == 0o600


def test_cli_records_list_and_show(db):
    _seed(db, _conference("Smith"), {"kind": "committee", "body": "Corporate Parenting Panel", "meeting_date": "2026-01-14",
                                     "items": [{"number": "5/25", "title": "Care leavers", "resolutions": ["That the report be noted."]}]})
    listed = _run(db, "records", "list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert [r["kind"] for r in json.loads(listed.stdout)] == ["conference", "committee"]
    only = json.loads(_run(db, "records", "list", "--format", "json", "--body", "parenting").stdout)
    assert [r["id"] for r in only] == [2]
    assert json.loads(_run(db, "records", "list", "--format", "json", "--to", "2026-02-01").stdout)[0]["id"] == 2
    table = _run(db, "records", "list")
    assert table.exit_code == 0 and "2 record(s)" in table.stdout
    shown = _run(db, "records", "show", "2")
    assert shown.exit_code == 0 and "Care leavers" in shown.stdout and "That the report be noted." in shown.stdout
    missing = _run(db, "records", "show", "99")
    assert missing.exit_code == 1 and "no record 99" in missing.stderr and "Traceback" not in missing.output


def test_cli_records_export_csv_neutralises_formula_cells(db, tmp_path):
    record = _conference("=HYPERLINK(\"http://x\")")
    record["chair"] = {"name": "@Margaret Osei"}
    _seed(db, record, _conference("Jones"))
    out = tmp_path / "records.csv"
    result = _run(db, "records", "export", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["family_name"] == "'=HYPERLINK(\"http://x\")" and rows[0]["chair"] == "'@Margaret Osei"
    assert rows[1]["family_name"] == "Jones" and rows[1]["children"] == "Tyler Jones"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    refused = _run(db, "records", "export", "--format", "csv", "--out", str(out))
    assert refused.exit_code == 1 and "already exists; use --force" in refused.stderr
    as_json = json.loads(_run(db, "records", "export", "--format", "json").stdout)
    assert [r["family_name"] for r in as_json] == ["=HYPERLINK(\"http://x\")", "Jones"]


def test_cli_records_import_reports_a_bad_record_by_index_and_saves_the_rest(db, tmp_path):
    bad = _conference("Khan")
    bad["conference_date"] = "2026-02-30"
    path = tmp_path / "in.json"
    path.write_text(json.dumps([_conference("Smith"), bad, _conference("Jones")]), encoding="utf-8")
    result = _run(db, "records", "import", str(path))
    assert result.exit_code == 1
    assert "record 2: conference_date: '2026-02-30' is not a real date" in result.stderr
    assert "Imported 2 of 3 record(s): ids 1, 2." in result.stdout
    with Store.open(db) as store:
        assert [r["family_name"] for r in store.iter_records()] == ["Smith", "Jones"]


def _editor(tmp_path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\ntext = p.read_text()\n" + body, encoding="utf-8")
    return f"{sys.executable} {script}"


def test_cli_records_edit_saves_a_valid_edit(db, tmp_path, monkeypatch):
    _seed(db, _conference("Smith"))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "p.write_text(text.replace('venue: null', 'venue: Eastbrook Family Hub')"
                                                   ".replace(\"review_date: null\", 'review_date: 2026-06-11'))\n"))
    result = _run(db, "records", "edit", "1")
    assert result.exit_code == 0, result.output
    assert "Saved record 1." in result.stdout
    with Store.open(db) as store:
        record = store.get(1)
        assert record["venue"] == "Eastbrook Family Hub" and record["review_date"] == "2026-06-11"
        assert store.audit(1)[-1]["action"] == "update"


def test_cli_records_edit_refuses_an_invalid_edit_and_keeps_the_record(db, tmp_path, monkeypatch):
    _seed(db, _conference("Smith"))
    with Store.open(db) as store:
        before = store.get(1)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "p.write_text(text.replace('conference_type: initial', 'conference_type: interim')"
                                                   ".replace('conference_date: \\'2026-03-12\\'', 'conference_date: 2026-13-40'))\n"))
    result = _run(db, "records", "edit", "1")
    assert result.exit_code == 1
    assert "record 1 unchanged: the edit is not valid (2 problem(s))" in result.stderr
    assert "conference_type: 'interim' is not allowed" in result.stderr and "conference_date: '2026-13-40'" in result.stderr
    with Store.open(db) as store:
        assert store.get(1) == before


def test_cli_records_delete_asks_and_yes_skips_asking(db):
    _seed(db, _conference("Smith"), _conference("Jones"))
    declined = _run(db, "records", "delete", "1", input="n\n")
    assert declined.exit_code == 1 and "Not deleted." in declined.stdout
    assert _run(db, "records", "delete", "1", input="y\n").exit_code == 0
    result = _run(db, "records", "delete", "2", "--yes")
    assert result.exit_code == 0 and "Deleted record 2." in result.stdout
    with Store.open(db) as store:
        assert store.count() == 0

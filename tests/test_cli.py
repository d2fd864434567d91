"""The command line through Typer's CliRunner, and the promises made in the README."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes import __version__
from minutes.cli import app

from .conftest import ROOT, SAMPLES

runner = CliRunner()


def test_cli_version_prints_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"minutes {__version__}"


def test_cli_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from typer.testing import CliRunner; from minutes.cli import app; "
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in ('spacy', 'pdfplumber', 'docx', 'pypdfium2', 'thinc') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_every_command_has_help_with_example_and_is_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    groups = [g.name for g in app.registered_groups]
    assert "ingest" in commands
    for name in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, f"{name} help has no example"
        assert f"minutes {name}" in readme, f"README does not show 'minutes {name}'"
    for name in groups:
        assert f"minutes {name}" in readme, f"README does not show 'minutes {name}'"


def test_cli_ingest_rejects_unknown_format(tmp_path):
    path = tmp_path / "notes.odt"
    path.write_text("x")
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 1
    assert "Cannot read 'notes.odt': unsupported format '.odt'" in result.output
    assert "Traceback" not in result.output


def test_cli_ingest_json_lists_blocks_of_a_sample():
    result = runner.invoke(app, ["ingest", "--json", str(SAMPLES / "committee_minutes_cyp_scrutiny.txt")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[0]["source"]["format"] == "text"
    assert len(data[0]["source"]["sha256"]) == 64
    texts = [b["text"] for b in data[0]["blocks"]]
    assert any(t.startswith("RESOLVED") for t in texts)
    assert all(b["index"] == i for i, b in enumerate(data[0]["blocks"]) if "index" in b)


def test_cli_ingest_batch_goes_past_bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    good = SAMPLES / "icpc_notes_smith.txt"
    result = runner.invoke(app, ["ingest", "--json", str(empty), str(folder), str(good)])
    assert result.exit_code == 1
    assert "Cannot read 'empty.txt': the file is empty" in result.stderr
    assert "Cannot read 'folder.txt': is a directory" in result.stderr
    assert "2 of 3 file(s) failed: empty.txt, folder.txt" in result.stderr
    data = json.loads(result.stdout)
    assert [d["source"]["name"] for d in data] == ["icpc_notes_smith.txt"]


def test_cli_ingest_refuses_file_past_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)
    result = runner.invoke(app, ["ingest", "--max-file-mb", "1", str(big)])
    assert result.exit_code == 1
    assert re.search(r"Cannot read 'big\.txt': 1\.4 MB is past the 1 MB limit", result.stderr)


def test_cli_ingest_refuses_fifo(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["ingest", str(fifo)])
    assert result.exit_code == 1
    assert "is not a regular file" in result.stderr


def test_cli_ingest_reads_a_directory_of_samples():
    result = runner.invoke(app, ["ingest", "--json", str(SAMPLES)])
    assert result.exit_code == 0, result.stderr
    names = {d["source"]["name"] for d in json.loads(result.stdout)}
    assert {"icpc_notes_smith.txt", "rcpc_notes_khan.docx", "cp_conference_transcript.vtt", "seed_trafford_cp_plans.pdf"} <= names


def test_cli_config_file_errors_are_one_line(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text("[minutes]\nmax_file_mbs = 3\n")
    result = runner.invoke(app, ["--config", str(cfg), "ingest", str(SAMPLES / "icpc_notes_smith.txt")])
    assert result.exit_code == 1
    assert "unknown setting(s) max_file_mbs" in result.stderr
    assert "Traceback" not in result.output

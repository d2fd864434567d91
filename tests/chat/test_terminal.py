"""The chat front ends: stdin-driven CLI runs, and the real interactive program in a pseudo-terminal."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes.chat.terminal import safe
from minutes.cli import app

ROOT = Path(__file__).resolve().parents[2]


def test_terminal_safe_escapes_control_characters():
    assert safe("a\x1b[31mred\x07\nnext\tcol") == "a\\x1b[31mred\\x07\nnext\tcol"
    assert safe("[bold]<b>Tyler</b>[/bold]") == "[bold]<b>Tyler</b>[/bold]"


def test_terminal_cli_reads_stdin_line_by_line(tmp_path):
    db = tmp_path / "chat.db"
    script = "this is an initial conference\nthe conference was on 12 March 2026\nPC \x1b]0;x\x07Brown sent apologies\n/quit\n"
    result = CliRunner().invoke(app, ["chat", "--db", str(db)], input=script)
    assert result.exit_code == 0, result.output
    assert "Conference type: initial." in result.output and "Conference date: 12 March 2026." in result.output
    assert "\x1b" not in result.output and "PC \\x1b]0;x\\x07Brown" in result.output
    assert "Bye. The record is saved as 1." in result.output
    again = CliRunner().invoke(app, ["chat", "--db", str(db), "--resume", "1"], input="/show\n/quit\n")
    assert again.exit_code == 0 and "Resuming record 1 (8 earlier messages)." in again.output
    assert "Record 1: initial conference on 2026-03-12" in again.output


def test_terminal_cli_errors_are_one_line(tmp_path):
    db = tmp_path / "chat.db"
    missing = CliRunner().invoke(app, ["chat", "--db", str(db), "--resume", "7"], input="/quit\n")
    assert missing.exit_code == 1 and "no record 7" in missing.output
    both = CliRunner().invoke(app, ["chat", "--db", str(db), "--resume", "1", str(tmp_path / "x.txt")])
    assert both.exit_code == 2 and "not both" in both.output
    bad = CliRunner().invoke(app, ["chat", "--db", str(db), str(tmp_path / "notes.odt")])
    assert bad.exit_code == 1 and "Cannot read 'notes.odt'" in bad.output


@pytest.mark.slow
def test_terminal_interactive_session_in_pseudo_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "MINUTES_DB": str(tmp_path / "chat.db"), "TERM": "xterm", "COLUMNS": "200",
           "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "minutes", "chat"], env=env, cwd=str(ROOT),
                          encoding="utf-8", timeout=60, dimensions=(40, 200))
    try:
        child.expect("What type of conference was it")
        child.sendline("this is an initial conference")
        child.expect("Conference type: initial.")
        child.expect("What date was the conference")
        child.send("/mis\t")                 # tab completion of commands
        child.expect("sing")                 # the completed rest of "/missing" is drawn
        child.sendline("")
        child.expect("The letter still needs: conference date")
        child.sendline("the conference was on 12 March 2026")
        child.expect("Which children")
        child.sendline("Apologies: Dr Patel (GP)")      # notes: through the real pipeline
        child.expect(r"Added: Dr Patel \(GP\) - apologies\.")
        child.sendline("/quit")
        child.expect("Bye. The record is saved as 1.")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0

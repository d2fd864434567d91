"""`minutes render` and `minutes templates` through CliRunner."""
from __future__ import annotations

import json
import re
import os
import stat

import pytest
from typer.testing import CliRunner

from minutes.cli import app

from .conftest import SAMPLES
from .render.helpers import FIXTURES, docx_text, in_order

runner = CliRunner()
CONFERENCE = str(FIXTURES / "conference_smith.json")
COMMITTEE = str(FIXTURES / "committee_cyp_scrutiny.json")


def test_commands_render_letter_from_record_json(tmp_path):
    out = tmp_path / "letter.docx"
    result = runner.invoke(app, ["render", "letter", CONFERENCE, "--out", str(out), "--date", "2026-03-13"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert in_order(docx_text(out.read_bytes()), "13 March 2026", "Tyler Smith", "Yours sincerely,")


def test_commands_render_refuses_missing_fields_and_writes_nothing(tmp_path):
    record = json.loads((FIXTURES / "conference_smith.json").read_text())
    record["review_date"] = None
    record["core_group"]["date"] = None
    record["lead_social_worker"] = None
    source = tmp_path / "incomplete.json"
    source.write_text(json.dumps(record))
    out = tmp_path / "letter.docx"
    result = runner.invoke(app, ["render", "letter", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert "cannot render letter: missing lead social worker, core group date, review date" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() and os.listdir(tmp_path) == ["incomplete.json"]
    draft = runner.invoke(app, ["render", "letter", str(source), "--out", str(out), "--draft"])
    assert draft.exit_code == 0, draft.output
    assert "[MISSING: review date]" in docx_text(out.read_bytes())


def test_commands_render_never_overwrites_without_force(tmp_path):
    out = tmp_path / "minutes.html"
    out.write_text("keep")
    result = runner.invoke(app, ["render", "minutes", COMMITTEE, "--out", str(out)])
    assert result.exit_code == 1 and "already exists; use --force" in result.stderr
    assert out.read_text() == "keep"
    result = runner.invoke(app, ["render", "minutes", COMMITTEE, "--out", str(out), "--force"])
    assert result.exit_code == 0 and "Scrutiny Committee" in out.read_text()


def test_commands_render_format_from_suffix_and_front_matter(tmp_path):
    out = tmp_path / "report.md"
    result = runner.invoke(app, ["render", "agenda-report", COMMITTEE, "--out", str(out),
                                 "--front", str(FIXTURES / "agenda_report_front.yaml")])
    assert result.exit_code == 0, result.output
    assert "## 1 Purpose of the report" in out.read_text()


def test_commands_render_bad_inputs_are_one_line(tmp_path):
    cases = [(["render", "letters", CONFERENCE], "unknown document kind 'letters'"),
             (["render", "letter", str(tmp_path / "nope.txt")], "'nope.txt' is neither a file nor a stored record id"),
             (["render", "letter", CONFERENCE, "--format", "odt"], "unknown format 'odt'"),
             (["render", "minutes", CONFERENCE], "a minutes needs a committee record")]
    for args, message in cases:
        result = runner.invoke(app, [*args, "--out", str(tmp_path / "x.docx")])
        assert result.exit_code == 1 and message in result.stderr, (args, result.output)
        assert "Traceback" not in result.output


def test_commands_templates_list_show_copy(tmp_path):
    listed = runner.invoke(app, ["templates", "list"])
    assert listed.exit_code == 0 and "letter.docx" in listed.output and "agenda_report.md.j2" in listed.output
    shown = runner.invoke(app, ["templates", "show", "letter.docx"])
    assert shown.exit_code == 0 and "lead_social_worker" in shown.output
    copied = runner.invoke(app, ["templates", "copy", "letter", str(tmp_path)])
    assert copied.exit_code == 0, copied.output
    assert sorted(os.listdir(tmp_path)) == ["base.html.j2", "letter.docx", "letter.html.j2", "letter.md.j2"]
    listed = runner.invoke(app, ["templates", "list", "--templates", str(tmp_path)])
    assert re.search(r"letter.docx +letter +docx +user", listed.output)


@pytest.mark.slow
def test_commands_render_letter_straight_from_sample_notes(tmp_path):
    out = tmp_path / "letter.docx"
    result = runner.invoke(app, ["render", "letter", str(SAMPLES / "icpc_notes_smith.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert in_order(docx_text(out.read_bytes()), "Initial Child Protection Conference held on 12 March 2026",
                    "Tyler Smith", "Emotional abuse", "Poppy Smith", "Neglect", "Hannah Price",
                    "24 March 2026", "11 June 2026", "Yours sincerely,", "Margaret Osei")

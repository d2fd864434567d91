"""`minutes due`, `minutes check` and `minutes report service` through CliRunner over a SQLite store."""
import json
import stat

import pytest
from typer.testing import CliRunner

from minutes.cli import app
from minutes.records.store import Store

from .report.generate import generate

runner = CliRunner()


@pytest.fixture(scope="module")
def store_env(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "records.db"
    records, expected = generate(families=150, seed=5)
    with Store.open(str(path)) as store:
        for record in records:
            store.save(record)
        bad = {"kind": "conference", "conference_type": "initial", "conference_date": "2024-03-30",
               "children": [{"initials": "Z.V.", "name": "Zinnia Varcoe", "decision": "plan made"}],
               "review_date": "2024-07-30", "contingency_plan": None, "child_views": None}
        bad_id = store.save(bad)
        committee_id = store.save({"kind": "committee", "meeting_date": "2024-03-04"})
    return {"MINUTES_DB": str(path)}, records, expected, bad_id, committee_id


def test_commands_report_service_writes_private_docx_and_refuses_overwrite(store_env, tmp_path):
    env, _, expected, _, _ = store_env
    out = tmp_path / "service.docx"
    args = ["report", "service", "--from", "2024-04-01", "--to", "2025-03-31", "--format", "docx", "--out", str(out)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert f"{expected.conferences} conference(s)" in result.output
    assert out.read_bytes()[:2] == b"PK" and stat.S_IMODE(out.stat().st_mode) == 0o600
    again = runner.invoke(app, args, env=env)
    assert again.exit_code == 1 and "already exists; use --force" in again.stderr
    assert runner.invoke(app, args + ["--force"], env=env).exit_code == 0


def test_commands_report_service_markdown_with_comparison(store_env, tmp_path):
    env, _, expected, _, _ = store_env
    compare = tmp_path / "compare.csv"
    compare.write_text("measure,England\nicpc_within_15_pct,78.4\n")
    out = tmp_path / "service.md"
    result = runner.invoke(app, ["report", "service", "--from", "2024-04-01", "--to", "2025-03-31", "--format", "md",
                                 "--out", str(out), "--compare", str(compare)], env=env)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert f"| Review conferences (RCPCs) | {expected.rcpc:,} |" in text and "| 78.4 |" in text


@pytest.mark.parametrize("args, words", [
    (["--from", "2024-13-01", "--to", "2025-03-31"], "option --from: '2024-13-01' is not a date"),
    (["--from", "2025-04-01", "--to", "2024-03-31"], "is after --to"),
    (["--from", "2024-04-01", "--to", "2025-03-31", "--format", "pdf"], "unknown format 'pdf'"),
])
def test_commands_report_service_bad_options_are_one_line(store_env, tmp_path, args, words):
    env = store_env[0]
    result = runner.invoke(app, ["report", "service", *args, "--out", str(tmp_path / "x.md")], env=env)
    assert result.exit_code == 1 and words in result.stderr and "Traceback" not in result.output


def test_commands_report_check_lists_findings_without_names(store_env):
    env, _, _, bad_id, committee_id = store_env
    result = runner.invoke(app, ["check", str(bad_id)], env=env)
    assert result.exit_code == 0, result.output
    for rule in ("missing_category", "no_contingency_plan", "no_child_views", "review_beyond_limit",
                 "conference_not_working_day"):
        assert rule in result.stdout
    assert "Zinnia" not in result.stdout and "child Z.V." in result.stdout
    data = json.loads(runner.invoke(app, ["check", str(bad_id), "--format", "json"], env=env).stdout)
    assert data["record_id"] == bad_id and {d["rule"] for d in data["due"]} >= {"outcome_letter", "first_review"}
    committee = runner.invoke(app, ["check", str(committee_id)], env=env)
    assert committee.exit_code == 1 and "checks apply to conference records" in committee.stderr
    missing = runner.invoke(app, ["check", "999999"], env=env)
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_commands_report_due_lists_overdue_and_upcoming(store_env):
    env = store_env[0]
    result = runner.invoke(app, ["due", "--today", "2025-03-03", "--within", "10", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert items and {i["status"] for i in items} <= {"overdue", "not yet due"}
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)
    table = runner.invoke(app, ["due", "--today", "2025-03-03"], env=env)
    assert table.exit_code == 0 and "overdue" in table.stdout

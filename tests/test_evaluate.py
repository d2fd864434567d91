"""`minutes evaluate`: the scorer's matching rules, and the command end to end on a gold folder
written here (a real text file and its hand annotation), product and baseline side by side."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from minutes.cli import app
from minutes.errors import MinutesError
from minutes.evaluate import Counts, load_gold, match, score_document, splits, _name_score

NOTES = """Review Child Protection Conference
Date: 14/10/2026

Present:
Jo Makepeace, Independent Reviewing Officer (Chair)
Faye Ito, Social Worker, Children's Social Care
Dr Anil Rao, GP

Apologies: PC Dan Hughes, Police

Not present: Tom Hay, School Nurse

The conference agreed that Leo remains subject to a Child Protection Plan under the category of neglect.
Actions: Faye Ito to refer the family to the parenting programme by 28/10/2026.
"""

GOLD = {
    "kind": "conference",
    "meeting": {"date": "2026-10-14"},
    "attendees": [{"name": "Jo Makepeace"}, {"name": "Faye Ito"}, {"name": "Dr Anil Rao"}, {"name": "PC Dan Hughes"}],
    "agencies": ["Children's Social Care", "Health", "Police"],
    "categories": ["Neglect"],
    "risk_factors": [],
    "decisions": ["Leo remains subject to a Child Protection Plan under the category of neglect"],
    "actions": [{"what": "refer the family to the parenting programme", "owner": "Faye Ito", "due": "2026-10-28"}],
    "dates": ["2026-10-14", "2026-10-28"],
}


def test_names_match_across_titles_and_spelling_but_not_across_surnames():
    assert _name_score("Cllr Walton", "Councillor Walton") == 100.0
    assert _name_score("Dr Anil Rao", "Anil Rao") == 100.0
    assert _name_score("Rebecca Makepeace", "Rebecca Makepiece") >= 85.0
    assert _name_score("Jo Makepeace", "Jo Bell") == 0.0


def test_matching_is_one_to_one():
    got = match(["Jo Bell"], ["Jo Bell", "Cllr Jo Bell"], _name_score, 85.0)
    assert (got.tp, got.fp, got.fn) == (1, 1, 0)


def test_people_marked_absent_are_not_scored_as_attendees():
    pred = {"attendees": [{"name": "Jo Bell", "attendance": "present"}, {"name": "Tom Hay", "attendance": "absent"}]}
    got = score_document({"attendees": [{"name": "Jo Bell"}]}, pred)["attendees"]
    assert (got.tp, got.fp, got.fn) == (1, 0, 0)


def test_dates_match_exactly_and_a_wrong_meeting_date_is_both_fp_and_fn():
    got = score_document({"attendees": [], "dates": ["2026-10-14"], "meeting": {"date": "2026-10-14"}},
                         {"attendees": [], "dates": ["2026-10-15"], "meeting": {"date": "2026-10-15"}})
    assert (got["dates"].tp, got["dates"].fp, got["dates"].fn) == (0, 1, 1)
    assert (got["meeting_date"].fp, got["meeting_date"].fn) == (1, 1)


def test_counts_f1():
    assert Counts(8, 2, 2).f1 == pytest.approx(0.8)
    assert Counts().f1 == 0.0


def _gold_folder(tmp_path):
    for split in ("dev", "heldout"):
        folder = tmp_path / "gold" / split
        folder.mkdir(parents=True)
        (folder / "rcpc_ito.txt").write_text(NOTES, encoding="utf-8")
        (folder / "rcpc_ito.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path / "gold"


def test_gold_folder_splits_and_a_missing_text_is_a_clear_error(tmp_path):
    gold = _gold_folder(tmp_path)
    assert [name for name, _ in splits(gold)] == ["dev", "heldout"]
    (gold / "dev" / "orphan.json").write_text(json.dumps({"attendees": []}), encoding="utf-8")
    with pytest.raises(MinutesError, match="orphan.json"):
        load_gold(gold / "dev")


@pytest.mark.slow
def test_evaluate_command_scores_product_and_baseline(tmp_path):
    gold = _gold_folder(tmp_path)
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--per-doc"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("dev/rcpc_ito:" in line for line in lines) and any("heldout/rcpc_ito:" in line for line in lines)
    per_doc = next(line for line in lines if line.startswith("dev/rcpc_ito:"))
    scores = dict(cell.split("=") for cell in per_doc.split(": ", 1)[1].split())
    assert float(scores["attendees"]) == 1.0          # Tom Hay (not present) is left out
    assert float(scores["meeting_date"]) == 1.0
    assert float(scores["categories"]) == 1.0
    assert float(scores["actions"]) == 1.0
    assert "baseline" in result.output.lower()


def test_evaluate_command_missing_folder_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "nowhere"), "--no-baseline"])
    assert result.exit_code != 0
    assert "nowhere" in result.output and "Traceback" not in result.output

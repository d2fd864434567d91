"""minutes_tasks: the trained task classifier (models/tasks) and its training script, on real files."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read
from minutes.nlp.found import FoundAction, text_of, unpack
from minutes.nlp.pipeline import docs_for, load_pipeline
from minutes.nlp.tasks import TaskClassifier, candidates, feature_text

from .records_of import record_of

ROOT = Path(__file__).resolve().parents[2]
UNKNOWN_SHAPE = ("Review Child Protection Conference\nDate: 14/05/2026\n\nNEXT STEPS AGREED\n"
                 "Arrange a Family Group Conference for the wider family\nTom Hale\nWithin 4 weeks\n\n"
                 "The family moved to the area in March.\n")


def _docs(tmp_path, text):
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    return next(docs_for(load_pipeline(None), [read(path).blocks]))


def test_candidates_are_the_sentences_of_each_line_with_the_heading_above_them(tmp_path):
    doc = _docs(tmp_path, "Outline plan\nMum to attend the GP. Dad to attend the course.\n\nNotes:\nHome visit went well.\n")[0]
    text = text_of(doc)
    found = [(text[c.start:c.end], c.heading) for c in candidates(doc)]
    assert ("Mum to attend the GP.", "Outline plan") in found
    assert ("Dad to attend the course.", "Outline plan") in found
    assert ("Home visit went well.", "Notes:") in found
    assert feature_text("Outline plan", "Mum to attend.") == "h_outline h_plan Mum to attend."


def test_the_bundled_classifier_reads_a_task_line_of_a_shape_the_rules_do_not_know(tmp_path):
    record = record_of(tmp_path, UNKNOWN_SHAPE)
    whats = [a["what"] for a in record["actions"]]
    assert "Arrange a Family Group Conference for the wider family" in whats
    assert not any("moved" in w or "the area" in w for w in whats)     # a past event is no task
    action = next(a for a in record["actions"] if a["what"].startswith("Arrange"))
    assert action["evidence"]["block"] >= 1


def test_without_a_trained_model_the_component_adds_nothing(tmp_path):
    doc = _docs(tmp_path, UNKNOWN_SHAPE)[0]
    before = [a.what for a in unpack(FoundAction, doc._.actions)]
    doc._.actions = [a for a in doc._.actions if not a["what"].startswith("Arrange")]
    assert "Arrange a Family Group Conference for the wider family" in before
    empty = tmp_path / "no-model"
    empty.mkdir()
    after = TaskClassifier("minutes_tasks", str(empty), 0.5)(doc)
    assert [a.what for a in unpack(FoundAction, after._.actions)] == [w for w in before if not w.startswith("Arrange")]


def _train_script():
    spec = importlib.util.spec_from_file_location("train_tasks", ROOT / "benchmarks" / "train_tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_labels_gold_tasks_and_the_trained_model_ranks_a_task_above_narrative(tmp_path):
    gold = tmp_path / "dev"
    gold.mkdir()
    for n in range(4):
        (gold / f"n{n}.txt").write_text(
            f"Core group {n + 1}\nDate: 1{n}/05/2026\n\nActions\nSW to visit the home weekly.\nHV to weigh the baby.\n"
            f"Mum to attend every GP appointment.\n\nDiscussion\nThe house was tidy on the visit.\nThe baby was asleep.\n",
            encoding="utf-8")
        (gold / f"n{n}.json").write_text(json.dumps({"kind": "conference", "attendees": [], "actions": [
            {"what": "visit the home weekly", "owner": "SW", "due": None},
            {"what": "weigh the baby", "owner": "HV", "due": None},
            {"what": "attend every GP appointment", "owner": "Mum", "due": None}]}), encoding="utf-8")
    script = _train_script()
    rows = script.examples(gold)
    assert sum(y for _, _, y in rows) == 12
    assert not any(y for _, t, y in rows if "tidy" in t)
    nlp = script.train(rows)
    task = nlp(feature_text("Actions", "SW to visit the home weekly.")).cats["TASK"]
    narrative = nlp(feature_text("Discussion", "The house was tidy on the visit.")).cats["TASK"]
    assert task > 0.5 > narrative


def test_training_refuses_held_out_gold(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["train_tasks.py", str(tmp_path / "heldout")])
    with pytest.raises(SystemExit, match="held-out"):
        _train_script().main()

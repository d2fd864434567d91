"""Plain-word corrections: the Matcher rules in models/rules/chat_corrections.json and their effects."""
from __future__ import annotations

import json

import pytest

from minutes.chat.corrections import apply, load_corrections
from minutes.chat.merge import new_record
from minutes.chat.questions import BadAnswer
from minutes.errors import ConfigError


@pytest.fixture(scope="module")
def rules():
    return load_corrections()


def _record():
    record = new_record("conference")
    record["conference_date"] = "2026-03-12"
    record["children"] = []
    return record


@pytest.mark.parametrize("message, action, slots", [
    ("Sarah Jones is the social worker", "role", {"name": "Sarah Jones", "role": "social worker"}),
    ("PC Brown sent apologies", "apologies", {"name": "PC Brown"}),
    ("remove Mr Smith", "remove", {"name": "Mr Smith"}),
    ("category for Child B is emotional abuse", "category", {"name": "Child B", "category": "emotional abuse"}),
    ("the conference was on 3 March", "conference_date", {"date": "on 3 March"}),
    ("the review is on 11 June at 10am.", "review", {"date": "on 11 June at 10am"}),
    ("the core group will be at Eastbrook Family Hub", "core_group_venue", {"text": "Eastbrook Family Hub"}),
    ("Tyler is on a child protection plan for neglect", "plan", {"name": "Tyler", "category": "neglect"}),
])
def test_corrections_match_plain_words(rules, message, action, slots):
    found = rules.match(message)
    assert found is not None and found.action == action and dict(found.slots) == slots


@pytest.mark.parametrize("message", [
    "Apologies: Dr Patel (GP)",
    "Police (DC Shah): 4 DA call-outs to address in last 12 months",
    "Decision: Tyler Smith to be made subject of a Child Protection Plan under the category of Neglect.",
    "Present:\nSarah Jones is the social worker",
])
def test_corrections_leave_notes_alone(rules, message):
    assert rules.match(message) is None


def test_corrections_apply_examples_to_record(rules):
    record = _record()
    for message in ("the children are Tyler Smith and Poppy Smith", "PC Brown sent apologies",
                    "Sarah Jones is the social worker", "category for Child B is emotional abuse",
                    "the conference was on 3 March", "the review is on 11 June at 10am", "remove PC Brown"):
        apply(record, rules.match(message))
    assert [c["name"] for c in record["children"]] == ["Tyler Smith", "Poppy Smith"]
    assert record["children"][1]["category"] == "Emotional abuse"
    assert record["children"][1]["decision"] == "plan made"
    assert record["lead_social_worker"]["name"] == "Sarah Jones"
    assert record["conference_date"] == "2026-03-03"
    assert (record["review_date"], record["review_time"]) == ("2026-06-11", "10:00")
    assert [p["name"] for p in record["attendees"]] == ["Sarah Jones"]


def test_corrections_explain_what_cannot_be_done(rules):
    record = _record()
    with pytest.raises(BadAnswer, match="no one called 'Mr Smith'"):
        apply(record, rules.match("remove Mr Smith"))
    with pytest.raises(BadAnswer, match="there is no Child B"):
        apply(record, rules.match("category for Child B is emotional abuse"))
    record["children"] = [{"name": "Tyler Smith"}]
    with pytest.raises(BadAnswer, match="not a plan category"):
        apply(record, rules.match("category for Tyler is sadness"))


def test_corrections_loader_rejects_unknown_keys(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"version": 1, "rules": [
        {"id": "x", "action": "remove", "pattern": [{"LOWER": "drop"}, "$name"], "priority": 1}]}))
    with pytest.raises(ConfigError, match="unknown key.*priority.*allowed: id, action, pattern"):
        load_corrections(str(path))
    path.write_text(json.dumps({"version": 1, "rules": [{"id": "x", "action": "remove", "pattern": ["$who"]}]}))
    with pytest.raises(ConfigError, match="not a slot"):
        load_corrections(str(path))

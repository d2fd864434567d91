"""The record model: JSON round trips and validation that names every problem by its path."""
from __future__ import annotations

import pytest

from minutes.errors import InvalidRecord, ValidationError
from minutes.records.model import (
    Child,
    CommitteeRecord,
    ConferenceRecord,
    CoreGroup,
    Evidence,
    Item,
    record_from_dict,
    validate,
)


def _conference() -> dict:
    return {
        "kind": "conference", "conference_type": "initial", "conference_date": "2026-03-12",
        "conference_time": "10:00", "family_name": "Smith",
        "source": {"name": "icpc_notes_smith.txt", "format": "text", "sha256": "ab" * 32},
        "children": [{"child_id": "C-3F9A2B", "name": "Tyler Smith", "date_of_birth": "2017-08-14",
                      "decision": "plan made", "category": "Emotional abuse",
                      "evidence": {"block": 31, "start": 10, "end": 106}}],
        "attendees": [{"name": "Hannah Price", "role": "Social Worker", "status": "present"},
                      {"name": "Dr Priya Rahman", "status": "report submitted"}],
        "core_group": {"date": "2026-03-24", "time": "10:00", "venue": "Family Hub", "members": ["Hannah Price"]},
        "lead_social_worker": {"name": "Hannah Price", "contact": "01632 960 218"},
        "strengths": ["Kelly loves the children"], "review_date": "2026-06-11",
    }


def _committee() -> dict:
    return {
        "kind": "committee", "body": "Children and Young People Scrutiny Committee", "meeting_date": "2026-01-14",
        "attendees": [{"name": "Councillor Gareth Morgan", "status": "present", "substitute_for": "Councillor Bob Heath"}],
        "declarations": [{"member": "Councillor Aisha Karim", "item": "23/24", "interest": "other registrable"}],
        "items": [{"number": "25/24", "title": "CP Conference performance", "resolutions": ["That the report be noted."]}],
    }


def test_model_conference_round_trips_through_dict():
    record = record_from_dict(_conference())
    assert isinstance(record, ConferenceRecord)
    assert record.children[0] == Child(child_id="C-3F9A2B", name="Tyler Smith", date_of_birth="2017-08-14",
                                       decision="plan made", category="Emotional abuse",
                                       evidence=Evidence(31, 10, 106))
    assert record.core_group == CoreGroup("2026-03-24", "10:00", "Family Hub", ("Hannah Price",))
    again = record_from_dict(record.to_dict())
    assert again == record
    assert again.to_dict()["children"][0]["evidence"] == {"block": 31, "start": 10, "end": 106}
    assert again.to_dict()["strengths"] == ["Kelly loves the children"]


def test_model_committee_round_trips_and_defaults_fill_the_shape():
    record = record_from_dict(_committee())
    assert isinstance(record, CommitteeRecord)
    assert record.items[0] == Item(number="25/24", title="CP Conference performance", resolutions=("That the report be noted.",))
    out = record.to_dict()
    assert out["items"][0]["supporting_documents"] == [] and out["items"][0]["exempt"] is False
    assert out["schema"] == 1 and out["draft"] is True and out["next_meeting"] is None
    assert CommitteeRecord.from_dict(out) == record


def test_model_validation_lists_every_problem_with_its_path():
    data = _conference()
    data["conference_date"] = "2026-02-30"
    data["conference_time"] = "25:00"
    data["conference_type"] = "interim"
    data["children"][0]["category"] = "Bullying"
    data["children"][0]["unborn"] = "no"
    data["core_group"]["date"] = "24/03/2026"
    data["attendees"][1]["status"] = "late"
    with pytest.raises(InvalidRecord) as caught:
        record_from_dict(data)
    problems = caught.value.problems
    assert len(problems) == 7
    joined = " | ".join(problems)
    for path in ("conference_date:", "conference_time:", "conference_type:", "children[0].category:",
                 "children[0].unborn:", "core_group.date:", "attendees[1].status:"):
        assert path in joined
    assert "'2026-02-30' is not a real date" in joined
    assert "use one of initial, review, transfer-in, pre-birth" in joined
    assert isinstance(caught.value, ValidationError)


def test_model_refuses_unknown_keys_naming_the_allowed_ones():
    data = _committee()
    data["items"][0]["votes"] = 3
    data["colour"] = "red"
    problems = validate(data)
    assert any(p.startswith("record: unknown key(s) colour; allowed: kind, id, schema") for p in problems)
    assert any(p.startswith("items[0]: unknown key(s) votes; allowed: number, title, presenter") for p in problems)


def test_model_requires_kind_and_required_parts():
    assert validate({"body": "Cabinet"}) == ["kind: missing; use one of conference, committee"]
    assert validate({"kind": "agenda"}) == ["kind: 'agenda'; use one of conference, committee"]
    problems = validate({"kind": "committee", "items": [{"title": "No number"}], "attendees": "everyone"})
    assert "items[0].number: required" in problems
    assert "attendees: expected a list, got text" in problems


def test_model_problem_messages_do_not_quote_long_text():
    data = _conference()
    data["review_date"] = "the family said the review should be after the summer holidays"
    (problem,) = validate(data)
    assert "summer" not in problem and "a value of 62 characters" in problem


def test_model_keeps_when_the_letter_and_record_were_sent():
    from minutes.rules.due import summary
    from minutes.config import Settings

    data = {**_conference(), "outcome_letter_date": "2026-03-13", "record_date": "2026-03-30"}
    record = record_from_dict(data)
    assert record.to_dict()["outcome_letter_date"] == "2026-03-13"
    letter = next(i for i in summary(record.to_dict(), Settings()) if "letter" in i["label"].lower())
    assert letter["status"] == "on time"
    with pytest.raises(ValidationError, match="outcome_letter_date"):
        record_from_dict({**_conference(), "outcome_letter_date": "2026-02-30"})

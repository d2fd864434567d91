"""Questions for missing fields, with statutory limits, and how answers are checked."""
from __future__ import annotations

from datetime import date

import pytest

from minutes.chat.merge import new_record
from minutes.chat.questions import (BadAnswer, load_questions, missing, next_question, parse_category,
                                    parse_date, parse_name, parse_time, required_fields)


def test_questions_cover_every_required_field():
    paths = set(load_questions())
    for target in ("letter", "record", "minutes"):
        assert {path for path, _ in required_fields(target)} <= paths


def test_questions_ask_first_missing_field_of_new_record():
    record = new_record("conference")
    assert [label for _, label, _ in missing(record, "letter")][:2] == ["conference type", "conference date"]
    assert next_question(record, "letter").text.startswith("What type of conference")


def test_questions_tell_statutory_limit_for_review():
    record = new_record("conference")
    record.update(conference_type="initial", conference_date="2026-03-12", children=[
        {"name": "Tyler Smith", "decision": "plan made", "category": "Neglect"}],
        lead_social_worker={"name": "Hannah Price"},
        core_group={"date": "2026-03-24", "time": "10:00", "venue": "Eastbrook Family Hub"})
    pending = next_question(record, "letter")
    assert pending.text == ("When is the review conference? It must be by 12 June 2026 "
                            "(3 months after the conference).")


def test_questions_ask_per_child():
    record = new_record("conference")
    record.update(conference_type="initial", conference_date="2026-03-12",
                  children=[{"name": "Tyler Smith", "decision": "plan made", "category": None}])
    pending = next_question(record, "letter")
    assert pending.target == "Tyler Smith" and "category of Tyler Smith's plan" in pending.text


def test_questions_skipped_field_is_not_asked_again():
    record = new_record("conference")
    assert next_question(record, "letter", skipped=["conference_type"]).question.path == "conference_date"


def test_questions_parse_answers():
    assert parse_date("3 March", "2026-03-12") == date(2026, 3, 3)
    assert parse_date("11/06/2026") == date(2026, 6, 11)
    assert parse_time("2.30pm") == "14:30" and parse_time("at 10am") == "10:00" and parse_time("room 2") is None
    assert parse_category("emotional abuse") == "Emotional abuse"
    assert parse_name(" Sarah  Jones. ") == "Sarah Jones"


@pytest.mark.parametrize("call, reason", [
    (lambda: parse_date("next week"), "not a date"),
    (lambda: parse_category("sadness"), "not a plan category"),
    (lambda: parse_name("yes"), "does not look like a name"),
    (lambda: parse_name("01632 960 218"), "does not look like a name"),
])
def test_questions_bad_answers_give_reason(call, reason):
    with pytest.raises(BadAnswer, match=reason):
        call()

"""Due dates and compliance flags over conference record dicts."""
from datetime import date

import pytest

from minutes.config import Settings
from minutes.rules.due import assess_record, due_across, link_next_conferences, summary

D = date
ENGLAND, SCOTLAND = Settings(), Settings(nation="scotland")


def conference(**fields):
    record = {"id": 1, "kind": "conference", "conference_type": "initial", "conference_date": "2024-03-04",
              "strategy_discussion_date": None, "children": [{"child_id": "C-1", "decision": "plan made"}],
              "core_group": None, "review_date": None, "draft": True}
    record.update(fields)
    return record


def by_rule(items):
    return {i["rule"]: i for i in items}


def test_due_icpc_across_christmas_england_late_scotland_on_time():
    # Strategy discussion Monday 16 December 2024; England's 15th working day is Thursday 9 January
    # (25, 26 Dec and 1 Jan off); Scotland also has 2 January off, so its 15th is Friday 10 January.
    record = conference(strategy_discussion_date="2024-12-16", conference_date="2025-01-10")
    eng = by_rule(summary(record, ENGLAND, today=D(2025, 2, 1)))["icpc_after_strategy"]
    sco = by_rule(summary(record, SCOTLAND, today=D(2025, 2, 1)))["icpc_after_strategy"]
    assert (eng["due"], eng["status"], eng["days_late"], eng["text"]) == ("2025-01-09", "late", 1, "late by 1 working day")
    assert (sco["due"], sco["status"]) == ("2025-01-10", "on time")


def test_due_outcome_letter_over_christmas_2022():
    record = conference(conference_date="2022-12-23", outcome_letter_date="2022-12-29")
    letter = by_rule(summary(record, ENGLAND, today=D(2023, 1, 9)))["outcome_letter"]
    assert (letter["due"], letter["status"], letter["days_late"]) == ("2022-12-28", "late", 1)


def test_due_record_over_easter_england_on_time_scotland_late():
    # Conference Monday 25 March 2024: Good Friday 29 March everywhere, Easter Monday not in Scotland.
    record = conference(conference_type="review", conference_date="2024-03-25", record_date="2024-04-17")
    eng = by_rule(summary(record, ENGLAND, today=D(2024, 5, 1)))["conference_record"]
    sco = by_rule(summary(record, SCOTLAND, today=D(2024, 5, 1)))["conference_record"]
    assert (eng["due"], eng["status"]) == ("2024-04-17", "on time")
    assert (sco["due"], sco["status"], sco["days_late"]) == ("2024-04-16", "late", 1)


def test_due_record_and_letter_dates_come_from_their_fields():
    record = conference(record_date="2024-03-22", draft=False, updated="2024-05-01T09:00:00Z")
    items = by_rule(summary(record, ENGLAND, today=D(2024, 5, 1)))
    assert (items["conference_record"]["actual"], items["conference_record"]["status"]) == ("2024-03-22", "on time")
    assert items["outcome_letter"]["status"] == "overdue"       # no outcome_letter_date recorded
    late = by_rule(summary(dict(record, record_date="2024-03-26"), ENGLAND, today=D(2024, 5, 1)))
    assert (late["conference_record"]["status"], late["conference_record"]["days_late"]) == ("late", 1)


def test_due_not_yet_due_overdue_and_scheduled_late():
    record = conference(core_group={"date": "2024-03-25"}, review_date="2024-06-20")
    items = by_rule(summary(record, ENGLAND, today=D(2024, 3, 12)))
    assert items["outcome_letter"]["status"] == "overdue"
    assert items["outcome_letter"]["days_late"] == 5          # due 5 March, today 12 March
    core = items["first_core_group"]                          # due 18 March, set for 25 March
    assert (core["status"], core["scheduled"], core["due"]) == ("not yet due", "2024-03-25", "2024-03-18")
    assert core["text"] == "not yet due, but set 5 working days after the due date"
    review = items["first_review"]                            # due 4 June (3 months)
    assert (review["status"], review["due"]) == ("not yet due", "2024-06-04")
    assert "set 12 working days after" in review["text"]


def test_due_plan_rules_need_a_child_on_a_plan():
    record = conference(children=[{"child_id": "C-1", "decision": "no plan"}])
    assert set(by_rule(summary(record, ENGLAND, today=D(2024, 3, 5)))) == {
        "icpc_after_strategy", "outcome_letter", "conference_record"}
    review = conference(conference_type="review", children=[{"decision": "plan continued"}])
    assert "later_review" in by_rule(summary(review, ENGLAND, today=D(2024, 3, 5)))


def test_due_hyphenated_types_and_missing_start():
    record = conference(conference_type="pre-birth")
    item = by_rule(summary(record, ENGLAND, today=D(2024, 3, 5)))["icpc_after_strategy"]
    assert (item["status"], item["due"]) == ("unknown", None)
    transfer = conference(conference_type="transfer-in")
    assert "first_review" in by_rule(summary(transfer, ENGLAND, today=D(2024, 3, 5)))


def test_due_next_conference_closes_the_review_clock():
    icpc = conference(id=1, conference_date="2024-03-04")
    review = conference(id=2, conference_type="review", conference_date="2024-06-10",
                        children=[{"child_id": "C-1", "decision": "plan continued"}])
    other = conference(id=3, conference_date="2024-03-05", children=[{"child_id": "C-9", "decision": "plan made"}])
    links = link_next_conferences([review, icpc, other])
    assert links == {1: D(2024, 6, 10)}
    item = by_rule(summary(icpc, ENGLAND, today=D(2024, 7, 1), next_conference=links[1]))["first_review"]
    assert (item["status"], item["days_late"], item["actual"]) == ("late", 4, "2024-06-10")


def test_due_local_override_changes_due_date():
    record = conference(conference_date="2024-03-04")
    local = Settings(timescales={"conference_record": {"working_days": 20}})
    assert by_rule(summary(record, local, today=D(2024, 3, 5)))["conference_record"]["due"] == "2024-04-03"


def test_due_across_store_lists_overdue_and_upcoming_only():
    done = conference(id=1, conference_date="2024-03-04", outcome_letter_date="2024-03-05",
                      record_date="2024-03-08", core_group={"date": "2024-03-12"}, review_date="2024-05-30",
                      strategy_discussion_date="2024-02-19")
    fresh = conference(id=2, conference_date="2024-05-28", strategy_discussion_date="2024-05-10",
                       children=[{"child_id": "C-2", "decision": "no plan"}])
    items = due_across([done, fresh, {"id": 3, "kind": "committee"}], ENGLAND, within=10, today=D(2024, 5, 29))
    # letter for 28 May due today; first review due 4 June (horizon: 12 June); record due 18 June
    assert [(i.record_id, i.rule_id, i.status, i.due) for i in items] == [
        (2, "outcome_letter", "not yet due", D(2024, 5, 29)),
        (1, "first_review", "not yet due", D(2024, 6, 4)),
    ]
    wider = due_across([done, fresh], ENGLAND, within=20, today=D(2024, 5, 29))
    assert (2, "conference_record") in {(i.record_id, i.rule_id) for i in wider}


def test_due_skips_committee_records():
    assert assess_record({"kind": "committee", "meeting_date": "2024-03-04"}, ENGLAND) == []

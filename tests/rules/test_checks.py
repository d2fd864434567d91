"""Completeness checks before sign-off (models/rules/checks.json)."""
import json

import pytest

from minutes.config import Settings
from minutes.errors import ConfigError
from minutes.rules.checks import check_record, load_checks, values_at

ENGLAND = Settings()


def complete(**fields):
    """A conference record that passes every check."""
    record = {
        "id": 7, "kind": "conference", "conference_type": "initial", "conference_date": "2024-03-04",
        "strategy_discussion_date": "2024-02-19",
        "children": [{"child_id": "C-1", "name": "Zinnia Varcoe", "initials": "Z.V.", "decision": "plan made",
                      "category": "Neglect"}],
        "family_name": "Varcoe",
        "attendees": [{"name": "Rufus Varcoe", "role": "Father", "family": True, "status": "present",
                       "excluded_from": None}],
        "concerns": "Home conditions.", "child_views": "Said she likes school.", "parent_views": "Agreed with the plan.",
        "analysis": None, "dissent": None, "plan_actions": [{"what": "Visit weekly", "owner": "SW", "due": None}],
        "contingency_plan": "Legal planning meeting if visits are refused.",
        "lead_social_worker": {"name": "Hannah Price"}, "core_group": {"date": "2024-03-14"},
        "review_date": "2024-05-30", "distribution": ["Parents", "All those invited"], "quorate": True,
    }
    record.update(fields)
    return record


def ids(findings):
    return [f.rule_id for f in findings]


def test_checks_complete_record_has_no_findings():
    assert check_record(complete(), ENGLAND) == []


@pytest.mark.parametrize("change, rule", [
    ({"children": [{"initials": "Z.V.", "decision": "plan made", "category": None}]}, "missing_category"),
    ({"children": [{"initials": "Z.V.", "decision": None}]}, "missing_decision"),
    ({"contingency_plan": "  "}, "no_contingency_plan"),
    ({"plan_actions": []}, "no_plan_actions"),
    ({"child_views": None}, "no_child_views"),
    ({"parent_views": None}, "no_parent_views"),
    ({"lead_social_worker": None}, "no_lead_social_worker"),
    ({"review_date": None}, "no_review_date"),
    ({"analysis": "Mother disagreed with the category."}, "dissent_not_recorded"),
    ({"decisions": [{"text": "Police did not agree that a plan was needed."}]}, "dissent_not_recorded"),
    ({"review_date": "2024-06-12"}, "review_beyond_limit"),
    ({"conference_date": "2024-03-02", "strategy_discussion_date": None}, "conference_not_working_day"),
    ({"conference_date": "2024-04-01"}, "conference_not_working_day"),      # Easter Monday
    ({"core_group": {"date": "2024-03-29"}}, "core_group_not_working_day"),  # Good Friday
    ({"review_date": "2024-05-27"}, "review_not_working_day"),             # spring bank holiday
    ({"quorate": False}, "not_quorate"),
    ({"distribution": []}, "no_distribution"),
])
def test_checks_each_rule_finds_its_defect(change, rule):
    assert ids(check_record(complete(**change), ENGLAND)) == [rule]


def test_checks_messages_name_initials_not_names():
    record = complete(children=[{"name": "Zinnia Varcoe", "initials": "Z.V.", "decision": "plan made"}])
    (finding,) = check_record(record, ENGLAND)
    assert finding.message == "child Z.V. is on a plan but has no category recorded"
    assert finding.severity == "error" and "Zinnia" not in finding.message


def test_checks_review_limit_counts_working_days():
    (finding,) = check_record(complete(review_date="2024-06-12"), ENGLAND)   # limit 4 June
    assert finding.message == "the review date 2024-06-12 is 6 working day(s) beyond the statutory limit"
    later = complete(conference_type="review", children=[{"initials": "Z.V.", "decision": "plan continued",
                                                          "category": "Neglect"}], review_date="2024-09-04")
    assert ids(check_record(later, ENGLAND)) == []                           # 6 months: 4 September


def test_checks_dissent_found_in_extraction_sections_and_silenced_when_recorded():
    sections = [{"section": "decision", "text": "The father dissented from the decision."}]
    assert ids(check_record(complete(), ENGLAND, sections=sections)) == ["dissent_not_recorded"]
    recorded = complete(dissent="Father disagreed with the decision to make a plan.")
    assert ids(check_record(recorded, ENGLAND, sections=sections)) == []
    assert ids(check_record(complete(parent_views="They agreed and did not object."), ENGLAND)) == []


def test_checks_scottish_and_christmas_holidays_follow_the_nation():
    andrew = complete(conference_date="2023-11-30", strategy_discussion_date=None, review_date="2024-02-29",
                      core_group={"date": "2023-12-12"})
    assert ids(check_record(andrew, ENGLAND)) == []
    assert ids(check_record(andrew, Settings(nation="scotland"))) == ["conference_not_working_day"]
    boxing = complete(conference_date="2023-12-26", review_date="2024-03-21", core_group={"date": "2024-01-05"})
    assert ids(check_record(boxing, ENGLAND)) == ["conference_not_working_day"]


def test_checks_excluded_family_member_on_distribution():
    excluded = {"name": "Rufus Varcoe", "role": "Father", "family": True, "status": "present",
                "excluded_from": "part of the conference"}
    by_term = check_record(complete(attendees=[excluded]), ENGLAND)
    assert ids(by_term) == ["excluded_on_distribution"]
    assert by_term[0].message.startswith("the father was excluded") and "Rufus" not in by_term[0].message
    by_name = complete(attendees=[excluded], distribution=["Rufus Varcoe", "Police"])
    assert ids(check_record(by_name, ENGLAND)) == ["excluded_on_distribution"]
    withheld = complete(attendees=[excluded], distribution=["Mother", "Police"])
    assert ids(check_record(withheld, ENGLAND)) == []


def test_checks_committee_records_are_not_checked():
    assert check_record({"kind": "committee"}, ENGLAND) == []


def test_checks_values_at_paths():
    record = {"a": {"b": 1}, "xs": [{"y": 1}, {"y": 2}], "ns": ["p", "q"]}
    assert values_at(record, "a.b") == [1]
    assert values_at(record, "xs[].y") == [1, 2]
    assert values_at(record, "ns[]") == ["p", "q"]
    assert values_at(record, "missing.b") == [None]


@pytest.mark.parametrize("rule, words", [
    ({"id": "x", "check": "missing", "severity": "error", "message": "m", "feild": "a"}, ["unknown key(s) feild", "field"]),
    ({"id": "x", "check": "nonsense", "severity": "error", "message": "m"}, ["unknown check 'nonsense'", "missing"]),
    ({"id": "x", "check": "missing", "severity": "fatal", "message": "m", "field": "a"}, ["severity"]),
    ({"id": "x", "check": "missing", "severity": "error", "message": "m"}, ["needs a 'field'"]),
    ({"id": "x", "check": "missing", "severity": "error", "field": "a"}, ["missing key(s) message"]),
])
def test_checks_loader_rejects_bad_rules(tmp_path, rule, words):
    path = tmp_path / "checks.json"
    path.write_text(json.dumps({"rules": [rule]}))
    with pytest.raises(ConfigError) as info:
        load_checks(path)
    assert all(w in str(info.value) for w in words)


def test_checks_bundled_rules_have_ids_severities_and_messages():
    checks = load_checks()
    assert len(checks.rules) >= 10
    assert all(r.id and r.message and r.severity in ("error", "warning") for r in checks.rules)

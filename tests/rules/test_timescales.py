import json
from datetime import date

import pytest

from minutes.config import load_settings
from minutes.errors import ConfigError
from minutes.rules.timescales import Timescale, assess, due_date, load_rules

D = date


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def test_timescales_bundled_rules_and_periods(rules):
    assert {r: (t.working_days, t.months) for r, t in rules.items()} == {
        "icpc_after_strategy": (15, None),
        "outcome_letter": (1, None),
        "conference_record": (15, None),
        "first_core_group": (10, None),
        "first_review": (None, 3),
        "later_review": (None, 6),
    }
    assert rules["icpc_after_strategy"].from_field == "strategy_discussion_date"
    assert rules["icpc_after_strategy"].applies("initial")
    assert not rules["icpc_after_strategy"].applies("review")
    assert rules["later_review"].applies("review") and not rules["first_review"].applies("review")


def test_timescales_icpc_within_15_working_days(rules):
    rule = rules["icpc_after_strategy"]
    start = D(2024, 3, 4)                       # Monday
    assert due_date(rule, start) == D(2024, 3, 25)
    assert assess(rule, start, D(2024, 3, 25), D(2024, 4, 1)).status == "on time"
    late = assess(rule, start, D(2024, 3, 27), D(2024, 4, 1))
    assert (late.status, late.days_late, late.due) == ("late", 2, D(2024, 3, 25))


def test_timescales_outcome_letter_across_christmas(rules):
    rule = rules["outcome_letter"]
    # Conference Friday 23 December 2022: weekend, Boxing Day and the substitute for Christmas.
    assert due_date(rule, D(2022, 12, 23)) == D(2022, 12, 28)
    result = assess(rule, D(2022, 12, 23), D(2022, 12, 29), D(2023, 1, 9))
    assert (result.status, result.days_late) == ("late", 1)
    # 2021: Christmas and Boxing Day on a weekend, so Monday 27 and Tuesday 28 are off.
    assert due_date(rule, D(2021, 12, 23)) == D(2021, 12, 24)
    assert due_date(rule, D(2021, 12, 24)) == D(2021, 12, 29)
    # Scotland: 2 January is a holiday too.
    assert due_date(rule, D(2023, 12, 29), "england") == D(2024, 1, 2)
    assert due_date(rule, D(2023, 12, 29), "scotland") == D(2024, 1, 3)


def test_timescales_conference_record_and_core_group(rules):
    start = D(2023, 4, 3)   # Monday before Easter 2023
    assert due_date(rules["conference_record"], start) == D(2023, 4, 26)
    assert due_date(rules["conference_record"], start, "scotland") == D(2023, 4, 25)
    assert due_date(rules["first_core_group"], start) == D(2023, 4, 19)


def test_timescales_reviews_in_months(rules):
    assert due_date(rules["first_review"], D(2023, 11, 30)) == D(2024, 2, 29)
    assert due_date(rules["later_review"], D(2024, 2, 15)) == D(2024, 8, 15)
    # 23 Dec 2023 + 3 months is Saturday 23 March 2024: the due date moves back to Friday.
    assert due_date(rules["first_review"], D(2023, 12, 23)) == D(2024, 3, 22)


def test_timescales_not_yet_due_and_overdue(rules):
    rule = rules["first_core_group"]
    start = D(2024, 3, 4)
    due = due_date(rule, start)
    assert due == D(2024, 3, 18)
    pending = assess(rule, start, None, today=due)
    assert (pending.status, pending.days_late, pending.actual) == ("not yet due", 0, None)
    overdue = assess(rule, start, None, today=D(2024, 3, 20))
    assert (overdue.status, overdue.days_late) == ("overdue", 2)
    weekend = assess(rule, start, None, today=D(2024, 3, 16))
    assert weekend.status == "not yet due"


def test_timescales_late_on_a_non_working_day_counts_one(rules):
    rule = rules["outcome_letter"]
    result = assess(rule, D(2024, 3, 7), D(2024, 3, 9), D(2024, 3, 20))   # due Friday, sent Saturday
    assert (result.status, result.days_late) == ("late", 1)


def test_timescales_override_from_settings(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[minutes]\n[minutes.timescales]\nconference_record = {working_days = 20}\n'
                   'later_review = {months = 5}\nfirst_review = {working_days = 40}\n')
    settings = load_settings(config=cfg, environ={})
    rules = load_rules(overrides=settings.timescales)
    assert (rules["conference_record"].working_days, rules["conference_record"].months) == (20, None)
    assert (rules["later_review"].working_days, rules["later_review"].months) == (None, 5)
    assert (rules["first_review"].working_days, rules["first_review"].months) == (40, None)
    assert due_date(rules["conference_record"], D(2024, 3, 4)) == D(2024, 4, 3)  # Easter skipped
    assert load_rules()["conference_record"].working_days == 15   # defaults untouched


@pytest.mark.parametrize("overrides, words", [
    ({"record": {"working_days": 5}}, ["unknown rule 'record'", "conference_record"]),
    ({"conference_record": {"days": 5}}, ["unknown key(s) days", "working_days, months"]),
    ({"conference_record": {"working_days": 5, "months": 1}}, ["exactly one"]),
    ({"conference_record": {"working_days": -1}}, ["0 or more"]),
    ({"conference_record": 5}, ["must be a table"]),
])
def test_timescales_override_rejects_bad_values(overrides, words):
    with pytest.raises(ConfigError) as info:
        load_rules(overrides=overrides)
    assert all(w in str(info.value) for w in words)


def test_timescales_loader_rejects_unknown_rule_keys(tmp_path):
    path = tmp_path / "timescales.json"
    rule = {"id": "x", "label": "X", "from": "a", "to": "b", "applies_to": ["initial"],
            "working_days": 3, "wokring_days": 4}
    path.write_text(json.dumps({"rules": [rule]}))
    with pytest.raises(ConfigError) as info:
        load_rules(path)
    msg = str(info.value)
    assert "wokring_days" in msg and "applies_to" in msg and "timescales.json" in msg


def test_timescales_loader_rejects_duplicates_and_missing(tmp_path):
    rule = {"id": "x", "label": "X", "from": "a", "to": "b", "applies_to": [], "months": 1}
    dup = tmp_path / "dup.json"
    dup.write_text(json.dumps({"rules": [rule, rule]}))
    with pytest.raises(ConfigError, match="duplicate id"):
        load_rules(dup)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"rules": [{k: v for k, v in rule.items() if k != "to"}]}))
    with pytest.raises(ConfigError, match="missing key"):
        load_rules(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_rules(tmp_path / "none.json")


def test_timescales_custom_file_rule():
    rule = Timescale("summary", "Summary within 5 working days", "conference_date", "summary_date",
                     ("initial",), working_days=5)
    assert due_date(rule, D(2022, 9, 14)) == D(2022, 9, 22)   # the state funeral, 19 Sept

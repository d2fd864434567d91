"""Service statistics on a generated store of fictitious conferences with known answers."""
from datetime import date

import pytest

from minutes.config import Settings
from minutes.report.service import compute, load_vocabulary

from .generate import PERIOD, generate


@pytest.fixture(scope="module")
def generated():
    records, expected = generate(families=300, seed=7)
    return records, expected


def test_service_generated_store_is_large_enough(generated):
    records, expected = generated
    assert len(records) >= 500
    assert expected.icpc > 50 and expected.rcpc > 100 and expected.plans_ended > 20


def test_service_counts_match_known_answers(generated):
    records, exp = generated
    stats = compute(records, *PERIOD, Settings())
    for name in ("conferences", "icpc", "rcpc", "transfer_in", "icpc_timed", "icpc_on_time", "plans_started",
                 "second_plans", "plans_ended", "ended_after_2y", "open_at_end", "open_over_2y"):
        assert getattr(stats, name) == getattr(exp, name), name
    assert 0 < stats.icpc_on_time < stats.icpc_timed
    assert stats.by_category == exp.by_category
    assert stats.risk_factors == exp.risk_factors
    assert stats.group_conferences == exp.group_conferences
    for group in ("initial", "review"):
        assert stats.agencies[group].present == exp.present[group]
        assert stats.agencies[group].reports == exp.reports[group]
    assert stats.father_invited == exp.father_invited and stats.father_present == exp.father_present


def test_service_order_of_records_does_not_matter(generated):
    records, exp = generated
    stats = compute(list(reversed(records)), *PERIOD, Settings())
    assert (stats.open_over_2y, stats.ended_after_2y, stats.plans_started) == (
        exp.open_over_2y, exp.ended_after_2y, exp.plans_started)


def test_service_icpc_timeliness_follows_the_nation():
    # Strategy discussion 16 Dec 2024, ICPC 10 Jan 2025: late in England, on time in Scotland.
    record = {"id": 1, "kind": "conference", "conference_type": "initial", "conference_date": "2025-01-10",
              "strategy_discussion_date": "2024-12-16", "children": []}
    england = compute([record], date(2024, 4, 1), date(2025, 3, 31), Settings())
    scotland = compute([record], date(2024, 4, 1), date(2025, 3, 31), Settings(nation="scotland"))
    assert (england.icpc_timed, england.icpc_on_time) == (1, 0)
    assert (scotland.icpc_timed, scotland.icpc_on_time) == (1, 1)
    local = compute([record], date(2024, 4, 1), date(2025, 3, 31),
                    Settings(timescales={"icpc_after_strategy": {"working_days": 20}}))
    assert local.icpc_on_time == 1


def test_service_plan_history_before_the_period_counts():
    made = {"id": 1, "conference_type": "initial", "conference_date": "2021-05-04",
            "children": [{"child_id": "C-1", "decision": "plan made", "category": "Neglect"}]}
    kept = {"id": 2, "conference_type": "review", "conference_date": "2024-05-02",
            "children": [{"child_id": "C-1", "decision": "plan continued"}]}
    ended = {"id": 3, "conference_type": "review", "conference_date": "2024-11-01",
             "children": [{"child_id": "C-1", "decision": "plan ended"}]}
    stats = compute([ended, kept, made], date(2024, 4, 1), date(2025, 3, 31), Settings())
    assert (stats.rcpc, stats.plans_ended, stats.ended_after_2y, stats.open_at_end) == (2, 1, 1, 0)
    assert stats.plans_started == 0 and stats.icpc == 0
    open_only = compute([kept, made], date(2024, 4, 1), date(2025, 3, 31), Settings())
    assert (open_only.open_at_end, open_only.open_over_2y) == (1, 1)


def test_service_family_attendees_are_not_agencies():
    record = {"id": 1, "conference_type": "review", "conference_date": "2024-06-03", "children": [],
              "attendees": [{"name": "Lucan Mountjoy", "role": "Father", "agency": "Mountjoy household",
                             "status": "present", "family": True},
                            {"name": "Officer", "role": "PC", "agency": "Police", "status": "present"},
                            {"name": "GP", "role": "GP", "agency": "GP", "status": "report submitted"}],
              "reports": [{"agency": "School"}]}
    stats = compute([record], date(2024, 4, 1), date(2025, 3, 31), Settings())
    assert dict(stats.agencies["review"].present) == {"Police": 1}
    assert dict(stats.agencies["review"].reports) == {"GP": 1, "School": 1}
    assert (stats.father_invited["review"], stats.father_present["review"]) == (1, 1)


def test_service_vocabulary_rejects_unknown_keys(tmp_path):
    from minutes.errors import ConfigError

    path = tmp_path / "report.json"
    path.write_text('{"icpc_typez": []}')
    with pytest.raises(ConfigError, match="unknown key\\(s\\) icpc_typez"):
        load_vocabulary(path)

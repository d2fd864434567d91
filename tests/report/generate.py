"""A generated store of fictitious conferences with known answers (test-only code).

`generate(families, seed)` builds one initial (or pre-birth, or transfer-in) conference per family
and, where a plan is made, review conferences about 3 and then 6 months apart until the plan ends
or the horizon is reached.  While it builds the records it tallies the answers the service report
must give for PERIOD (by construction: it decides which ICPCs are on time, which plans end after
two years and so on), so the tests compare the report with these numbers.  Every name is invented.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from minutes.rules.calendar import add_months, add_working_days, is_working_day, previous_working_day

PERIOD = (date(2024, 4, 1), date(2025, 3, 31))
HORIZON = date(2025, 9, 30)
CATEGORIES = ["Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple"]
RISKS = ["Domestic abuse", "Parental substance misuse", "Parental mental ill-health", "Learning disability",
         "Exploitation"]
AGENCIES = ["Police", "Health Visiting", "School", "GP", "Probation", "Housing", "CAMHS"]
FIRST = ["Tyler", "Poppy", "Jaxon", "Marisol", "Kestrel", "Orrin", "Fenella", "Thaddeus", "Zinnia", "Barnaby"]
SURNAMES = ["Quennell", "Ashdown", "Pellingham", "Varcoe", "Strudwick", "Mountjoy", "Trelawny", "Whitcombe",
            "Dunmore", "Farquhar", "Ollerenshaw", "Haverstock"]
FATHERS = ["Darragh", "Lucan", "Ptolemy", "Rufus"]
MOTHERS = ["Celandine", "Morwenna", "Philippa", "Isolde"]


@dataclass
class Expected:
    """The answers for PERIOD, tallied while generating."""

    conferences: int = 0
    icpc: int = 0
    rcpc: int = 0
    transfer_in: int = 0
    icpc_timed: int = 0
    icpc_on_time: int = 0
    plans_started: int = 0
    by_category: Counter = field(default_factory=Counter)
    second_plans: int = 0
    plans_ended: int = 0
    ended_after_2y: int = 0
    open_at_end: int = 0
    open_over_2y: int = 0
    risk_factors: Counter = field(default_factory=Counter)
    present: dict = field(default_factory=lambda: {"initial": Counter(), "review": Counter()})
    reports: dict = field(default_factory=lambda: {"initial": Counter(), "review": Counter()})
    group_conferences: Counter = field(default_factory=Counter)
    father_invited: Counter = field(default_factory=Counter)
    father_present: Counter = field(default_factory=Counter)
    names: set = field(default_factory=set)


def _in_period(d: date) -> bool:
    return PERIOD[0] <= d <= PERIOD[1]


def _working_day(rng: random.Random, lo: date, hi: date) -> date:
    d = lo + timedelta(days=rng.randrange((hi - lo).days))
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def _attendees(rng, exp: Expected, when: date, group: str, father: str, mother: str, tally: bool):
    people = [{"name": mother, "role": "Mother", "agency": None, "status": "present", "family": True,
               "excluded_from": None, "evidence": None}]
    invited = rng.random() < 0.8
    present = invited and rng.random() < 0.55
    if invited:
        people.append({"name": father, "role": "Father", "agency": None,
                       "status": "present" if present else "apologies", "family": True,
                       "excluded_from": None, "evidence": None})
    reports = []
    present_agencies, report_agencies = set(), set()
    for agency in AGENCIES:
        roll = rng.random()
        if roll < 0.55:
            people.append({"name": f"Officer {agency[:3]}", "role": "Professional", "agency": agency,
                           "status": "present", "family": False, "excluded_from": None, "evidence": None})
            present_agencies.add(agency)
            if rng.random() < 0.3:
                reports.append({"agency": agency, "author": None, "shared_with_parents": True})
                report_agencies.add(agency)
        elif roll < 0.75:
            people.append({"name": f"Officer {agency[:3]}", "role": "Professional", "agency": agency,
                           "status": "report submitted", "family": False, "excluded_from": None, "evidence": None})
            report_agencies.add(agency)
        elif roll < 0.85:
            people.append({"name": f"Officer {agency[:3]}", "role": "Professional", "agency": agency,
                           "status": "apologies", "family": False, "excluded_from": None, "evidence": None})
    if tally:
        exp.group_conferences[group] += 1
        exp.present[group].update(present_agencies)
        exp.reports[group].update(report_agencies)
        if invited:
            exp.father_invited[group] += 1
            exp.father_present[group] += present
    return people, reports


def generate(families: int = 300, seed: int = 7) -> tuple[list[dict], Expected]:
    """Records (docs/records.md shapes, ids from 1) and the answers for PERIOD."""
    rng = random.Random(seed)
    exp = Expected()
    records: list[dict] = []
    for fam in range(families):
        surname = SURNAMES[fam % len(SURNAMES)]
        first = FIRST[rng.randrange(len(FIRST))]
        child_name = f"{first} {surname}"
        father, mother = f"{rng.choice(FATHERS)} {surname}", f"{rng.choice(MOTHERS)} {surname}"
        exp.names.update({child_name, father, mother, surname})
        child_id = f"C-{fam:05d}"
        roll = rng.random()
        kind = "initial" if roll < 0.8 else ("pre-birth" if roll < 0.9 else "transfer-in")
        sd = None
        if kind != "transfer-in" and rng.random() < 0.9:
            sd = _working_day(rng, date(2021, 6, 1), date(2025, 3, 10))
            offset = rng.randint(5, 21)
            held = add_working_days(sd, offset)
            on_time = offset <= 15
        else:
            held = _working_day(rng, date(2021, 6, 20), date(2025, 3, 31))
            on_time = None
        plan = rng.random() < 0.8
        category = rng.choice(CATEGORIES) if plan else None
        previous = 0 if rng.random() < 0.8 else rng.randint(1, 2)
        risks = sorted(rng.sample(RISKS, rng.randint(0, 3)))
        group = "initial"
        tally = _in_period(held)
        if tally:
            exp.conferences += 1
            if kind == "transfer-in":
                exp.transfer_in += 1
            else:
                exp.icpc += 1
                exp.risk_factors.update(risks)
                if sd is not None:
                    exp.icpc_timed += 1
                    exp.icpc_on_time += bool(on_time)
            if plan:
                exp.plans_started += 1
                exp.by_category[category] += 1
                exp.second_plans += previous >= 1
        people, reports = _attendees(rng, exp, held, group, father, mother, tally)
        child = {"child_id": child_id, "name": child_name, "initials": f"{first[0]}.{surname[0]}.",
                 "date_of_birth": None, "unborn": kind == "pre-birth", "expected_date": None,
                 "decision": "plan made" if plan else "no plan", "category": category,
                 "initial_category": category, "latest_category": category,
                 "cp_plan_start_date": held.isoformat() if plan else None, "cp_plan_end_date": None,
                 "previous_plans": previous, "evidence": None}
        records.append(_record(len(records) + 1, kind, held, sd, [child], surname, people, reports, risks,
                               rng))
        if not plan:
            continue
        start, last, ended_on = held, held, None
        months = 3
        while True:
            nxt = previous_working_day(add_months(last, months))
            months = 6
            if nxt > HORIZON:
                break
            end_now = rng.random() < 0.3
            tally = _in_period(nxt)
            people, reports = _attendees(rng, exp, nxt, "review", father, mother, tally)
            review_child = dict(child, decision="plan ended" if end_now else "plan continued",
                                cp_plan_end_date=nxt.isoformat() if end_now else None)
            records.append(_record(len(records) + 1, "review", nxt, None, [review_child], surname, people,
                                   reports, risks, rng))
            if tally:
                exp.conferences += 1
                exp.rcpc += 1
                if end_now:
                    exp.plans_ended += 1
                    exp.ended_after_2y += start <= add_months(nxt, -24)
            last = nxt
            if end_now:
                ended_on = nxt
                break
        if start <= PERIOD[1] and not (ended_on and ended_on <= PERIOD[1]):
            exp.open_at_end += 1
            exp.open_over_2y += start <= add_months(PERIOD[1], -24)
    return records, exp


def _record(rid, kind, held, sd, children, surname, people, reports, risks, rng) -> dict:  # noqa: ARG001
    return {
        "id": rid, "kind": "conference", "schema": 1, "source": None, "draft": False,
        "created": f"{held.isoformat()}T12:00:00Z", "updated": f"{held.isoformat()}T12:00:00Z",
        "conference_type": kind, "conference_date": held.isoformat(), "conference_time": "10:00",
        "venue": "Eastbrook Family Hub", "strategy_discussion_date": sd.isoformat() if sd else None,
        "children": children, "family_name": surname, "address": None,
        "chair": {"name": "Margaret Osei", "role": "Independent Reviewing Officer", "contact": None},
        "minute_taker": None, "attendees": people, "reports": reports,
        "purpose": None, "concerns": None, "previous_outcome": None, "agency_information": [],
        "child_views": None, "parent_views": None, "strengths": [], "risks": [], "risk_factors": risks,
        "danger_statement": None, "safety_scale": None, "analysis": None, "dissent": None,
        "plan_actions": [], "contingency_plan": None, "lead_social_worker": None, "core_group": None,
        "review_date": None, "review_time": None, "review_venue": None, "distribution": [],
        "quorate": True, "decisions": [], "notes": [],
    }

"""Merging one message's extraction JSON into the record, with the change summary and flags."""
from __future__ import annotations

from minutes.chat.merge import merge_extraction, new_record

TEXTS = ["Apologies: Dr Patel (GP), Oakfield",
         "Decision: Tyler Smith to be made subject of a Child Protection Plan under the category of Neglect."]
EXTRACTION = {
    "kind": "conference", "meeting": {"title": None, "date": None, "body": None},
    "attendees": [
        {"name": "Dr Patel", "role": "GP", "agency": "GP", "status": "apologies", "confidence": 0.9,
         "evidence": {"block": 0, "start": 11, "end": 19}},
        {"name": "Oakfield", "role": None, "agency": None, "status": "apologies", "confidence": 0.7,
         "evidence": {"block": 0, "start": 26, "end": 34}},
        {"name": "Kelly", "role": None, "agency": None, "status": "mentioned", "confidence": 0.6,
         "evidence": {"block": 1, "start": 0, "end": 5}}],
    "risk_factors": ["Domestic abuse"], "actions": [], "conferences": [],
    "evidence": {"decisions": [{"text": TEXTS[1][10:], "subject": "Tyler Smith", "outcome": "plan made",
                                "categories": ["neglect"], "evidence": {"block": 1, "start": 10, "end": 98}}]},
}


def test_merge_summarises_changes_and_flags_unsure_items_with_evidence():
    record = new_record("conference")
    record["conference_date"] = "2026-03-12"
    change = merge_extraction(record, EXTRACTION, TEXTS)
    assert "Decision for Tyler: plan made, category Neglect." in change.lines
    assert "Added: Dr Patel (GP) - apologies." in change.lines
    assert "Risk factor: Domestic abuse." in change.lines
    assert change.flags == ['Check: Oakfield - apologies - not sure this is a person, '
                            'from "Apologies: Dr Patel (GP), Oakfield".']
    assert [p["name"] for p in record["attendees"]] == ["Dr Patel", "Oakfield"]      # mentioned people are not attendees
    tyler = record["children"][0]
    assert (tyler["decision"], tyler["category"], tyler["cp_plan_start_date"]) == ("plan made", "Neglect", "2026-03-12")


def test_merge_same_person_is_updated_not_added():
    record = new_record("conference")
    merge_extraction(record, EXTRACTION, TEXTS)
    again = {**EXTRACTION, "attendees": [{"name": "Dr Patel", "role": "GP", "agency": "GP",
                                          "status": "present", "confidence": 0.9, "evidence": None}],
             "evidence": {"decisions": []}, "risk_factors": []}
    change = merge_extraction(record, again, TEXTS)
    assert change.lines == ["Updated: Dr Patel - status present (was apologies)."]
    assert sum(p["name"] == "Dr Patel" for p in record["attendees"]) == 1

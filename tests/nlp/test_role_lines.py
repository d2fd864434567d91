"""Header lines naming one person by their part ("Chair: ...", "Minute taker: ...") and initials after a role."""
from __future__ import annotations

import pytest

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read
from minutes.nlp.attendance import parse_entry
from minutes.nlp.role_lines import role_lines


@pytest.mark.parametrize("line, found", [
    ("Conference chair: Sunita Rao (IRO)          Notes: Mel Trent", [("Sunita Rao", "chair"), ("Mel Trent", "minute_taker")]),
    ("Chair - RT (IRO)", [("RT", "chair")]),
    ("Mins - admin (GH)", [("GH", "minute_taker")]),
    ("Minutes: Hayley Shaw", [("Hayley Shaw", "minute_taker")]),
    ("Chaired by: Derek Myers (RB Kensington and Chelsea)", [("Derek Myers", "chair")]),
    ("Minutes: The Committee considered the report of the Director.", []),
    ("Minutes:", []),
    ("Notes: see appendix", []),
])
def test_role_lines_name_the_person_after_the_label(line, found):
    assert [(line[s:e], role) for s, e, role in role_lines(line)] == found


def test_role_lines_initials_after_a_role_are_the_person():
    terms = [(0, 2, "ROLE", "social_worker")]
    entry = parse_entry("SW - KM", 0, 7, terms)
    assert (entry.name, entry.role_id) == ("KM", "social_worker")
    known = [(0, 2, "ROLE", "social_worker"), (5, 8, "AGENCY", "childrens_social_care")]
    assert parse_entry("SW - CSC", 0, 8, known).name is None


def test_role_lines_and_initials_in_terse_conference_notes(tmp_path):
    path = tmp_path / "icpc.txt"
    path.write_text(
        "ICPC  20.2.26  10am  Room 2\n\nChair - RT (IRO)\nMinute taker: Sandra Ivesley\n\n"
        "Present\n- Mum - SY\n- SW - KM\n- Tanya Hall (maternal aunt)\n\nApols\n- Dad (LY) - at work\n\n"
        "Outcome\nCP plan - Neglect\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    people = {a["name"]: a for a in result["attendees"]}
    assert people["RT"]["status"] == "present" and people["RT"]["role"] == "Chair"
    assert people["Sandra Ivesley"]["role"] == "Minute Taker"
    assert people["SY"]["role"] == "Mother" and people["KM"]["role"] == "Social Worker"
    assert people["LY"]["status"] == "apologies"
    assert people["Tanya Hall"]["status"] == "present"        # "Hall" is a surname here, not a building

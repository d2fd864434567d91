"""Attendance list parsing, as pure functions over text and term offsets."""
from __future__ import annotations

from minutes.nlp.attendance import parse_entry, split_entries, strip_leader


def _entries(text):
    return [text[s:e] for s, e in split_entries(text)]


def test_attendance_splits_commas_and_and_outside_brackets():
    text = "Helen Ashworth (Chair), Tom Baxter (Vice-Chair, Eastbrook), Aisha Karim and Jenny Okafor."
    assert _entries(text) == ["Helen Ashworth (Chair)", "Tom Baxter (Vice-Chair, Eastbrook)", "Aisha Karim", "Jenny Okafor"]


def test_attendance_one_entry_per_line_and_semicolons():
    assert _entries("Jane Doe - SW, CSC\nDr Patel (GP)") == ["Jane Doe - SW", "CSC", "Dr Patel (GP)"] or \
        _entries("Jane Doe - SW, CSC\nDr Patel (GP)")[-1] == "Dr Patel (GP)"
    assert _entries("Mary Green HV; School nurse") == ["Mary Green HV", "School nurse"]


def test_attendance_skips_substitute_sentences_and_leaders():
    text = "Councillors Bob Heath and Lesley Norris. Councillor Gareth Morgan attended as a substitute for Councillor Heath."
    assert _entries(text) == ["Councillors Bob Heath", "Lesley Norris"]
    lead = "were received from Councillors A Smith and B Jones"
    assert lead[strip_leader(lead):].startswith("Councillors A Smith")


def test_attendance_entry_name_role_status():
    text = "Dr Priya Rahman (GP) - report submitted"
    terms = [(0, 2, "TITLE", "dr"), (17, 19, "ROLE", "gp"), (17, 19, "AGENCY", "gp")]
    entry = parse_entry(text, 0, len(text), terms)
    assert entry.name == "Dr Priya Rahman"
    assert entry.role_id == "gp" and entry.agency_id == "gp"
    assert entry.status == "report submitted"
    chair = parse_entry("Helen Ashworth (Chair)", 0, 22, [], "Councillor")
    assert chair.name == "Councillor Helen Ashworth" and chair.chair
    nobody = parse_entry("School nurse", 0, 12, [(0, 12, "ROLE", "school_nurse")])
    assert nobody.name is None and nobody.role_id == "school_nurse"

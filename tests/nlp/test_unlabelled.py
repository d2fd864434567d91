"""Attendance lists whose "Present" label was lost (minutes/nlp/unlabelled.py and the component)."""
from __future__ import annotations

import pytest

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read
from minutes.nlp.unlabelled import bracketed_names, list_lines, name_at_line_start


def _name(line):
    hit = name_at_line_start(line)
    return line[hit[0]:hit[1]] if hit else None


@pytest.mark.parametrize("line, name", [
    ("Paula Meadows", "Paula Meadows"),
    ("Tim Browning / Head of Education, GCC / TB", "Tim Browning"),
    ("Det. Sup. Simon Ashcroft / Detective Superintendent, Constabulary", "Det. Sup. Simon Ashcroft"),
    ("Councillor Paul McLaren (Chair) / Cabinet Lead for Children", "Councillor Paul McLaren"),
    ("Eugene O’Keeffe / Programme Manager", "Eugene O’Keeffe"),
    ("J Palmerston", "J Palmerston"),
    ("Northumberland Fire and Rescue Headquarters", None),
    ("West Hartford Fire Station, Cramlington", None),
    ("Chief Executive, NCC", None),
    ("Detective Chief Inspector, Northumbria Police.", None),
    ("Keeping Children Safe from Harm", None),
    ("Independent Chair", None),
])
def test_unlabelled_a_list_line_opens_with_a_name(line, name):
    assert _name(line) == name


def test_unlabelled_names_run_together_by_a_pdf_column_layout():
    line = "Derek Mayfield (RB Kensington Alison Jeffers (Met Police) Hannah Millard (Croydon LSCB) and Chelsea)"
    assert [line[s:e] for s, e in bracketed_names(line)] == ["Derek Mayfield", "Alison Jeffers", "Hannah Millard"]


def test_unlabelled_needs_a_run_of_names_not_one():
    blocks = [(0, "Board meeting 21 July 2025\nCounty Hall"), (40, "Paula Meadows\nAgenda")]
    assert list_lines(blocks) == []
    blocks.append((80, "Robert Arkwright\nGillian Physter\nSaira Parkes"))
    assert len(list_lines(blocks)) == 3          # "Paula Meadows" is half of a two-line block: not a list


def test_unlabelled_list_at_the_top_of_minutes_gives_present_people(tmp_path):
    path = tmp_path / "board.txt"
    path.write_text(
        "Eastshire Safeguarding Children Board\n\n21 July 2025, 10.00 am, County Hall\n\n"
        "Paula Meadows\nRobert Arkwright\nGillian Physter\nSaira Parkes\n\n"
        "Independent Chair\nDesignated Doctor, Eastshire ICB\nLay Member\nChief Executive\n\n"
        "Apologies received\n\nCarole Goodwin\nDeborah Browning\n\n"
        "1. Minutes of the last meeting\n\nThe minutes were agreed. Paula Meadows thanked members.\n",
        encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    status = {a["name"]: a["status"] for a in result["attendees"]}
    assert {n: status.get(n) for n in ("Paula Meadows", "Robert Arkwright", "Gillian Physter", "Saira Parkes")} == dict.fromkeys(
        ("Paula Meadows", "Robert Arkwright", "Gillian Physter", "Saira Parkes"), "present")
    assert status.get("Carole Goodwin") == "apologies"
    assert "Independent Chair" not in status and "Lay Member" not in status
    assert "Integrated Care Board" in result["agencies"]       # named in the roles beside the list


def test_unlabelled_names_in_the_narrative_are_not_a_list(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(
        "Present: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
        "Item 4 Budget monitoring\n\nPaula Meadows\nRobert Arkwright\nGillian Physter\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    names = {a["name"] for a in result["attendees"]}
    assert "Paula Meadows" not in names and "Councillor Ann Holt" in names


def test_unlabelled_a_service_whose_officer_speaks_took_part(tmp_path):
    path = tmp_path / "scrutiny.txt"
    path.write_text(
        "Present: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
        "Item 4 Ofsted monitoring visit\n\n"
        "The Director of Children’s Services said that the service had improved since the visit.\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    assert "Children's Social Care" in result["agencies"]
    assert all("Director" not in a["name"] for a in result["attendees"])       # a post, not a person

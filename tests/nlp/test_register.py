"""Attendance registers flattened to text (minutes/nlp/register.py and the component)."""
from __future__ import annotations

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read
from minutes.nlp.register import register_rows

REGISTER = ("Meeting Attendance Initials Agency 2.4.25 4.6.25 6.8.25 1.10.25 IB Adult Social Care D A Y "
            "JS Cafcass D D Y PW Eastshire ICB Y Y A HB Eastshire College Y N N JY Housing Y - - "
            "AW/DW Eastshire Police Y Y D\n")


def test_register_rows_take_this_meetings_column():
    rows = register_rows(REGISTER)
    got = {REGISTER[r.who[0]:r.who[1]]: (REGISTER[r.what[0]:r.what[1]], r.status) for r in rows}
    assert got == {
        "IB": ("Adult Social Care", "present"), "JS": ("Cafcass", "present"), "PW": ("Eastshire ICB", "apologies"),
        "HB": ("Eastshire College", "absent"), "JY": ("Housing", None), "AW/DW": ("Eastshire Police", "apologies"),
    }


def test_register_needs_several_rows_and_marks():
    assert register_rows("Plan A was agreed. JS Cafcass Y") == []
    assert register_rows("The options were A or B; Jane Smith chose A A") == []


def test_register_members_who_came_or_sent_apologies_are_attendees(tmp_path):
    path = tmp_path / "register.txt"
    path.write_text("Eastshire Safeguarding Children Partnership\n\n" + REGISTER +
                    "\nKey: Y = Attend, N = Did Not Attend, A = Apology, D = Deputy\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    status = {a["name"]: a["status"] for a in result["attendees"]}
    assert status == {"IB": "present", "JS": "present", "PW": "apologies", "AW/DW": "apologies"}
    assert {"Adult Social Care", "Cafcass", "Police"} <= set(result["agencies"])

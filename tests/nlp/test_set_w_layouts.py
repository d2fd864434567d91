"""Layouts of the dev part of gold set W, rewritten with other (fictitious) people: notes typed in
lower case, strategy discussion decisions, a plan table cut by its outcome lines, a full-council
list that lost a full stop (end to end on text files)."""
from __future__ import annotations

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read


def _record(tmp_path, text):
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    return next(flow.extract_documents([read(path)], Settings())).to_json()


def _people(record):
    return {a["name"]: a for a in record["attendees"]}


def test_set_w_attendance_typed_in_lower_case(tmp_path):
    record = _record(tmp_path, "strategy discussion\n\ndate: 04/06/2025   held on teams\nchild: ruby hale   dob 16/08/2014\n\n"
                               "present:\nnina platt - MASH Team Manager (chair)\nomar haddad - social worker, Assessment Team\n"
                               "pc dean orme - police, MASH\nmrs carol finch - DSL, Ashby High School\n"
                               "apologys: dr okafor (GP, Mill Lane Surgery) - info emailed before the meeting\n\n"
                               "Information shared:\npolice - 2 previous dv call outs to the address.\n"
                               "school - ruby's attendance 91%. no previous concerns.\n")
    people = _people(record)
    assert {"Nina Platt", "Omar Haddad", "PC Dean Orme", "Mrs Carol Finch", "Dr Okafor"} <= set(people)
    assert people["Omar Haddad"]["role"] == "Social Worker"
    assert people["Dr Okafor"]["status"] == "apologies"
    assert not any(name.lower().startswith(("ruby", "police", "school")) for name in people)
    assert "Domestic abuse" in record["risk_factors"]
    # a lower-case word before a dash is no name unless it is a known given name or has a title
    roles = _people(_record(tmp_path, "Attendance:\nsocial worker - Ben Ode\nmum - present\n"))
    assert set(roles) == {"Ben Ode"}


def test_set_w_what_a_strategy_discussion_decides(tmp_path):
    record = _record(tmp_path, "Decisions:\n1. threshold met for section 47 enquiries - joint investigation police and csc\n"
                               "2. sam to be included in the s47 as he lives in the same household\n\n"
                               "Outcome: concerns substantiated.\n"
                               "Decsion (nina platt, TM, 17/06/2025): ICPC to be convened for ruby and sam.\n"
                               "Recomendation to conference: child protection plans under the category of physical abuse.\n")
    assert record["decisions"] == [
        "threshold met for section 47 enquiries - joint investigation police and csc",
        "sam to be included in the s47 as he lives in the same household",
        "ICPC to be convened for ruby and sam."]


def test_set_w_a_core_group_agreeing_decides_and_noting_does_not(tmp_path):
    record = _record(tmp_path, "Core group meeting\n\nThe core group agreed that unannounced visits will continue fortnightly.\n\n"
                               "The core group noted the plan.\n")
    assert record["decisions"] == ["The core group agreed that unannounced visits will continue fortnightly."]


def test_set_w_plan_table_cut_by_outcome_lines(tmp_path):
    record = _record(tmp_path, "--- Child Protection Plan ---\nOutcome 1: Leo is safe.\nAction | Responsible | Timescale\n"
                               "Complete the assessment | Ben Ode (SW) | 23/04/2025\nShare the police outcome | DC Rhys Hart | When known\n"
                               "Outcome 2: Ms Lane can protect Leo.\n"
                               "Refer Ms Lane to a recovery programme | Amy Cole (IDVA) | 21/03/2025\n"
                               "Present the case at MARAC | Amy Cole (IDVA) | 27/03/2025\n"
                               "Outcome 3: Leo's health needs are met.\n"
                               "Complete the 2-year review | Jo Penn (HV) | 04/04/2025\n")
    actions = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert actions == {
        "Complete the assessment": ("Ben Ode (SW)", "2025-04-23"),
        "Share the police outcome": ("DC Rhys Hart", None),
        "Refer Ms Lane to a recovery programme": ("Amy Cole (IDVA)", "2025-03-21"),
        "Present the case at MARAC": ("Amy Cole (IDVA)", "2025-03-27"),
        "Complete the 2-year review": ("Jo Penn (HV)", "2025-04-04")}


def test_set_w_full_council_list_that_lost_a_full_stop(tmp_path):
    record = _record(tmp_path, "PRESENT: THE MAYOR - Councillor Roden. THE DEPUTY MAYOR - Councillor Zia COUNCILLORS - Akbar, "
                               "Ashraf, M. Ayub, Bailey MBE and Worlding.\n\n"
                               "5 DEATH OF FORMER COUNCILLOR (REF: 2.3) The Mayor announced the recent death of former Councillor "
                               "Mohammed Ramis Ali who had been first elected to the Council in 1995.\n")
    people = _people(record)
    assert {"Councillor Zia", "Councillor Akbar", "Councillor Ashraf", "Councillor M. Ayub", "Councillor Worlding"} <= set(people)
    assert not any("Ramis" in name for name in people)


def test_set_w_sector_lists_of_a_schools_forum(tmp_path):
    record = _record(tmp_path, "Present: School members\nPrimary School Representatives Ann Chaplin (Joint Chair) HT, Valence Primary "
                               "School Scott Hallam HT, Southwood Primary School Rita Novak HT, Northbury Primary School Carl Drum HT\n")
    assert {"Ann Chaplin", "Scott Hallam", "Rita Novak", "Carl Drum"} <= set(_people(record))

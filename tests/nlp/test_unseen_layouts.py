"""Layouts met in no gold document, written to probe how the rules generalise (end to end on text
files; every person is fictitious)."""
from __future__ import annotations

from .records_of import people_of as _people, record_of as _record


def test_unseen_a_titled_person_whose_surname_is_also_a_place_word(tmp_path):
    record = _record(tmp_path, "PRESENT: Ms Rita Gold (Healthwatch), Mr Sam Vale (Director of Public Health)\n")
    people = _people(record)
    assert set(people) == {"Ms Rita Gold", "Mr Sam Vale"}
    assert people["Mr Sam Vale"]["role"] == "Director of Public Health"
    assert people["Ms Rita Gold"]["role"] is None
    # without a title or a given name the word still names no one
    assert "Vale Council" not in _people(_record(tmp_path, "Present: Jo Hart (Vale Council), Ben Ode (Police)\n"))


def test_unseen_entries_ending_in_their_status_and_an_invited_not_attended_list(tmp_path):
    record = _record(tmp_path, "Attendance\nKim Green - Mother - present\nAmy Fox - Social Worker - present\n\n"
                               "Invited, not attended:\nGary Price, father\n")
    people = _people(record)
    assert people["Kim Green"]["role"] == "Mother" and people["Kim Green"]["status"] == "present"
    assert people["Amy Fox"]["status"] == "present"
    assert people["Gary Price"]["attendance"] == "absent"
    # a short heading ending in a status word still opens its list
    heading = _people(_record(tmp_path, "Children's Trust Members Present\nAnne Lowe, Police\n"))
    assert heading["Anne Lowe"]["status"] == "present"


def test_unseen_a_topic_line_ends_the_apologies_list(tmp_path):
    record = _record(tmp_path, "Apologies:\nDr Nina Shah, GP\nSam Toft, School Nurse\n\nSummary of risks\n\n"
                               "Domestic violence between parents; mum's low mood and anxiety.\n")
    assert set(_people(record)) == {"Dr Nina Shah", "Sam Toft"}
    assert {"Domestic abuse", "Parental mental ill-health"} <= set(record["risk_factors"])
    # a group heading inside the list does not end it
    group = _record(tmp_path, "Present:\nMembers of the Topic Group\n\nJo Lake, Police\n")
    assert "Jo Lake" in _people(group)


def test_unseen_numbered_actions_in_one_line_and_the_next_agenda_item(tmp_path):
    record = _record(tmp_path, "4. Neglect toolkit\nThe toolkit was discussed.\nAction: Business manager to arrange a relaunch event.\n"
                               "ACTIONS: (1) JH to write to the ICB about attendance. (2) All partners to nominate a neglect "
                               "champion by the next meeting.\n\n5. Any other business\nThere was none.\n")
    actions = {a["what"]: a["owner"] for a in record["actions"]}
    assert actions["write to the ICB about attendance"] == "JH"
    assert actions["arrange a relaunch event"] == "Business manager"
    assert any(w.startswith("nominate a neglect champion") and o == "All partners" for w, o in actions.items())
    assert not any("other business" in w for w in actions)


def test_unseen_numbered_resolutions_and_a_noted_report_that_is_no_task(tmp_path):
    record = _record(tmp_path, "59 SEND UPDATE\nRESOLVED\n1. That the update be noted.\n2. That officers report back on "
                               "EHCP timeliness.\n\n60 SAFEGUARDING REPORT\nThe Panel NOTED the report and AGREED to "
                               "receive a further update in January 2022.\n")
    assert "That the update be noted." in record["decisions"]
    assert "That officers report back on EHCP timeliness." in record["decisions"]
    assert not any((a["owner"] or "").startswith("The Panel") for a in record["actions"])


def test_unseen_initials_in_brackets_are_the_persons_not_a_role(tmp_path):
    record = _record(tmp_path, "Attendees:\nDawn Price (DP) Head of Safeguarding, Children's Services\n"
                               "Sue Ward (SW) Designated Nurse, CCG\nJo Hart (HV)\n")
    people = _people(record)
    assert people["Sue Ward"]["role"] == "Designated Nurse"
    assert people["Dawn Price"]["agency"] == "Children's Social Care"
    assert people["Jo Hart"]["role"] == "Health Visitor"      # letters that are not her initials still name a post
    assert "Independent Reviewing Service" not in record["agencies"]


def test_unseen_agreed_undertakings_and_numbered_inline_actions(tmp_path):
    record = _record(tmp_path, "1. Minutes and matters arising\nThe minutes of 1 July 2015 were agreed. Action 4: complete. "
                               "Action 6: DP to circulate the audit - carried forward.\n\n2. Section 11 audit\n"
                               "Agreed: the Business Manager will write to agencies that had not returned the audit by "
                               "30 September 2015.\n\n3. Any other business\nThe Board will meet again on 9 December 2015.\n")
    actions = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert actions == {"circulate the audit": ("DP", None),
                       "write to agencies that had not returned the audit": ("the Business Manager", "2015-09-30")}


def test_unseen_agreed_that_lines_and_a_body_noting_its_work_programme(tmp_path):
    record = _record(tmp_path, "14. Youth Justice Plan\nThe Head of Youth Justice presented the plan.\n"
                               "Agreed that the Youth Justice Plan be endorsed.\n\n16. Work programme\n"
                               "Members noted the work programme.\n\n17. Updates\nMembers noted that the building was closed.\n")
    assert record["decisions"] == ["that the Youth Justice Plan be endorsed.", "Members noted the work programme."]


def test_unseen_task_lines_ending_in_their_date_stay_apart(tmp_path):
    record = _record(tmp_path, "Actions\nJT to circulate the neglect strategy to partners - 19/05/2021\n"
                               "MB to arrange a multi-agency audit - June 2021\n"
                               "Business Unit - update the risk register (ongoing)\n")
    actions = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert actions == {"circulate the neglect strategy to partners": ("JT", "2021-05-19"),
                       "arrange a multi-agency audit": ("MB", None),
                       "update the risk register": ("Business Unit", None)}


def test_unseen_conference_decisions_worded_for_the_chair(tmp_path):
    record = _record(tmp_path, "Initial Child Protection Conference 3 March 2025\n\nDecision of the Chair: Jack should become the "
                               "subject of a Child Protection Plan under the category of neglect.\n")
    assert record["decisions"] == ["Jack should become the subject of a Child Protection Plan under the category of neglect."]
    record = _record(tmp_path, "Initial Child Protection Conference 3 March 2025\n\nThe decision of the conference was that a "
                               "Child Protection Plan was not required. The family will be supported under a Child in Need plan.\n")
    assert record["decisions"] == ["The decision of the conference was that a Child Protection Plan was not required."]


def test_unseen_what_needs_to_happen_next_lists_tasks(tmp_path):
    record = _record(tmp_path, "Core Group Meeting - 20 March 2025\nPresent: Ben Ode (SW), Kerry Marsh (Mum), Jo Hart (HV)\n\n"
                               "What needs to happen next:\n- Ben to arrange a family group conference by 4 April.\n"
                               "- Jo will do a home visit in two weeks.\n- Referral to CAMHS to be made by Jo.\n")
    actions = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert actions == {"arrange a family group conference": ("Ben", "2025-04-04"),
                       "do a home visit": ("Jo", "2025-04-03"), "Referral to CAMHS": ("Jo", None)}


def test_unseen_undertakings_reported_in_committee_minutes(tmp_path):
    record = _record(tmp_path, "5. SEND Transport\nThe Assistant Director presented the report.\n"
                               "It was agreed that a further report would come back to the Committee in March 2024.\n"
                               "The Head of Service confirmed she would provide the figures after the meeting.\n"
                               "Ms Lane said she would go back to the GP if someone went with her.\n")
    actions = {a["what"]: a["owner"] for a in record["actions"]}
    assert actions["provide the figures after the meeting"] == "The Head of Service"
    assert any(w.startswith("a further report would come back to the Committee") for w in actions)
    assert not any("GP" in w for w in actions)


def test_unseen_decisions_per_child_in_a_table_and_outcome_lines(tmp_path):
    record = _record(tmp_path, "Review Child Protection Conference\nDate: 12/05/2025\n\nDecisions\n| Child | Decision | Category |\n"
                               "|---|---|---|\n| Amy Lee | Plan to continue | Neglect |\n| Ben Lee | Plan to end, step down to Child in Need | |\n")
    assert record["decisions"] == ["Plan to continue", "Plan to end, step down to Child in Need"]
    record = _record(tmp_path, "Review Child Protection Conference\nDate: 12/05/2025\n\nOutcome for Amy: CP plan continues under "
                               "Neglect.\nOutcome for Ben: CP plan ends; Child in Need plan.\n")
    assert record["decisions"] == ["CP plan continues under Neglect.", "CP plan ends; Child in Need plan."]
    # a plan table's Outcome column holds what the plan aims at, no decisions
    plan = _record(tmp_path, "Outline plan\n| Outcome | Action | Who | When |\n|---|---|---|---|\n"
                             "| The home is safe | Clear the kitchen | Mum | 24/10/2025 |\n")
    assert plan["decisions"] == []

"""Decisions of the body written as narrative, not under a RESOLVED label (end to end on text files)."""
from __future__ import annotations

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read


def _decisions(tmp_path, text):
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return next(flow.extract_documents([read(path)], Settings())).to_json()["decisions"]


def test_decisions_narrative_forms(tmp_path):
    decisions = _decisions(tmp_path, (
        "Present: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
        "1. Minutes of the last meeting\n\nThe notes of the last meeting were accepted as correct by all present.\n\n"
        "2. Election of Chairman\n\nCouncillor Ann Holt being the only Member willing to serve was declared to have been elected as Chairman.\n\n"
        "3. Consultation\n\nThe proposal was discussed and a response to the consultation agreed by the board.\n\n"
        "4. Forward plan\n\nThe Committee considered and noted the Cabinet Member decisions taken since the last meeting.\n\n"
        "5. Performance\n\nMembers asked about the figures. The Director explained the trend.\n"))
    assert len(decisions) == 4
    assert not any("figures" in d or "trend" in d for d in decisions)


def test_decisions_resolutions_in_parts_as_cabinets_write_them(tmp_path):
    decisions = _decisions(tmp_path, (
        "Present: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
        "Item 7 Ofsted inspection\n\nCabinet RESOLVED to: 1) note the outcome of the inspection; 2) approve the improvement plan.\n\n"
        "Item 8 Adoption service\n\nDECISION\n\n1. To note the annual report.\n2. To approve the Statement of Purpose.\n\n"
        "Item 9 Performance\n\nRESOLVED that:\n\n1. the report be noted;\n\n2. the Director be asked to report back in March 2026.\n\n"
        "Item 10 Budget monitoring\n\nThe Cabinet noted the content of the report.\n\n"
        "Item 11 Public questions\n\nThe Committee noted that there were no questions from the public.\n"))
    assert decisions == [
        "note the outcome of the inspection", "approve the improvement plan.",
        "To note the annual report.", "To approve the Statement of Purpose.",
        "the report be noted;", "the Director be asked to report back in March 2026.",
        "The Cabinet noted the content of the report."]


def test_decisions_decision_line_inside_an_item_and_agreed_actions(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("Westshire Safeguarding Children Partnership Executive\n\nAttendees: Jane Doyle (Chair)\n\n"
                    "3. Neglect strategy update\nSF presented the update.\nACTION: SF to bring the revised toolkit to the next meeting.\n"
                    "Decision: The Executive approved the revised threshold document.\n\n"
                    "4. Practice review\nTG summarised the learning. Agreed: AH to circulate the briefing to all partners by 30 June 2024.\n",
                    encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    assert result["decisions"] == ["The Executive approved the revised threshold document."]
    actions = {(a["owner"], a["what"], a["due"]) for a in result["actions"]}
    assert ("AH", "circulate the briefing to all partners", "2024-06-30") in actions
    assert ("SF", "bring the revised toolkit to the next meeting", None) in actions


def test_decisions_items_after_the_body_and_a_colon(tmp_path):
    from minutes import flow
    from minutes.config import Settings
    from minutes.ingest import read

    path = tmp_path / "minutes.txt"
    path.write_text("Corporate Parenting Board\n\n7. Placements\n\nThe Committee:\n(a) noted the contents of the report; and\n"
                    "(b) requested a briefing on placement stability.\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    assert result["decisions"] == ["noted the contents of the report", "requested a briefing on placement stability."]


def test_decisions_each_outcome_line_among_short_lines_is_its_own_decision(tmp_path):
    decisions = _decisions(tmp_path, (
        "Minutes:\n5. Annual Report\nThe Committee considered the annual report.\n"
        "Resolved – that the report be noted.\nDecision: The Board approved the terms of reference.\n"
        "AGREED: that the action plan be accepted.\n"))
    assert decisions == ["that the report be noted.", "The Board approved the terms of reference.",
                         "that the action plan be accepted."]


def test_decisions_resolution_inside_a_run_on_paragraph_ends_at_the_next_heading(tmp_path):
    decisions = _decisions(tmp_path, (
        "Present: Councillor Marland (Chair). Also Present: Councillors Bint and Walker and 14 members of the public "
        "C73 C74 MINUTES RESOLVED - That the minutes of the meeting of the 3 October 2017 be approved as a correct record. "
        "DISCLOSURES OF INTEREST Councillor Marland disclosed a personal interest.\n"))
    assert decisions == ["That the minutes of the meeting of the 3 October 2017 be approved as a correct record."]


def test_decisions_body_resolved_label_after_short_lines_and_agreed_lead_in(tmp_path):
    decisions = _decisions(tmp_path, (
        "5. Budget\nMembers considered the report.\nThe Committee RESOLVED:\n\ta) To note the report.\n\tb) To approve the budget.\n"
        "8. Youth strategy\nThe Panel agreed the following recommendations:\n1. That the strategy be adopted\n"
        "2. That officers report back in March\n"))
    assert decisions == ["To note the report.", "To approve the budget.", "That the strategy be adopted",
                         "That officers report back in March"]


def test_decisions_a_person_agreeing_to_an_appointment_is_no_decision(tmp_path):
    decisions = _decisions(tmp_path, (
        "Attendees:\nPriya Lal - SW (chair)\nKirsty Bell - CAMHS practitioner\n\nUpdates\n"
        "- CAMHS (K Bell): triage completed, Jayden has agreed to a Choice appointment.\n"
        "- The core group has agreed to meet monthly.\n"))
    assert decisions == ["The core group has agreed to meet monthly."]


def test_decisions_modern_gov_rows_labels_and_statute_references(tmp_path):
    decisions = _decisions(tmp_path, (
        "Cabinet\nMinutes of the meeting held on 18 August 2020\n\nPresent: Councillor Ann Holt (Chair)\n\n"
        "1. Exclusion of the press and public\n\nMinutes:\n\nRESOLVED\n\n"
        "RESOLVED: that under Section 100A(4) of the Local Government Act 1972, the press and public be excluded.\n\n"
        "To Note: All\n\n"
        "2. Ofsted Update Report\n\nMinutes:\n\nBackground:\n\nThis report provided the Cabinet with a progress update.\n\n"
        "Decision number: |\n\nDecision: |\n\n"
        "The Cabinet noted the content of this report and the updated Improvement Plan. |\n\n"
        "Reasons:\n\nTo formally notify the Cabinet of the progress made.\n"))
    assert decisions == [
        "that under Section 100A(4) of the Local Government Act 1972, the press and public be excluded.",
        "The Cabinet noted the content of this report and the updated Improvement Plan.",
    ]


def test_decisions_a_lead_in_before_lettered_parts_is_no_decision(tmp_path):
    decisions = _decisions(tmp_path, (
        "Cabinet Member for Children\nMinutes of the meeting held on 14 December 2023\n\n"
        "Present: Councillor Ann Holt (Cabinet Member)\n\n3. School funding\n\n"
        "The Cabinet Member commented on the dialogue.\n\n"
        "DECISIONS - that the Cabinet Member: a) Noted the proposed changes to school funding. "
        "b) Approved the de-delegation of funding.\n"))
    assert decisions == ["Noted the proposed changes to school funding.", "Approved the de-delegation of funding."]


def test_decisions_the_outcomes_a_plan_aims_at_are_no_decisions(tmp_path):
    decisions = _decisions(tmp_path, (
        "Review Child Protection Conference\nDate of conference: 4 June 2025\n\nDecision\n"
        "Ruby will remain subject to a child protection plan under the category of emotional abuse.\n\n"
        "Child protection plan\n\nOutcome: The family keep their home\n\n"
        "Action: Agree an affordable arrears repayment plan\nWho: Lisa Marsh, Housing\nWhen: 30 June 2025\n\n"
        "Outcome: Ruby's development is supported\n\nAction: Refer Ruby to speech and language therapy\n"
        "Who: Health visitor\nWhen: 20 June 2025\n"))
    assert decisions == ["Ruby will remain subject to a child protection plan under the category of emotional abuse."]


def test_decisions_a_topic_group_noting_and_appointments(tmp_path):
    decisions = _decisions(tmp_path, (
        "Topic Group\nMinutes of the meeting held on 13 October 2011\n\nPresent: Councillor Ann Holt (Chair)\n\n"
        "1. Chairman\n\nIt was noted that R H Beech had been appointed Chairman.\n\n"
        "2. Scope\n\nThe Group noted its remit and scope.\n\n"
        "3. Core group\n\nThe core group noted the plan. Members asked about the figures.\n"))
    assert decisions == ["It was noted that R H Beech had been appointed Chairman.", "The Group noted its remit and scope."]


def test_decisions_under_a_tab_numbered_heading_of_a_word_export(tmp_path):
    decisions = _decisions(tmp_path, (
        "Review Child Protection Conference\nDate of conference:\t10 June 2025\n\n"
        "1.\tIntroductions and apologies\nChair: Ms Hayley Burrows (Independent Reviewing Officer).\n\n"
        "7.\tAnalysis\nThe Chair noted that the controlling behaviour has carried on since the separation.\n"
        "8.\tDecision\n8.1\tRuby Whitcombe will remain subject to a child protection plan under the category of emotional abuse.\n"
        "8.2\tTheo Whitcombe will remain subject to a child protection plan under the category of emotional abuse.\n"
        "Ms Whitcombe agreed.\n"))
    assert decisions == [
        "Ruby Whitcombe will remain subject to a child protection plan under the category of emotional abuse.",
        "Theo Whitcombe will remain subject to a child protection plan under the category of emotional abuse."]


def test_decisions_it_was_the_decision_of_the_conference(tmp_path):
    decisions = _decisions(tmp_path, (
        "Initial Child Protection Conference\n\nPresent: Yvette Hollins (Independent Chair)\n\n"
        "Chair's summary and decision\nThe Chair said Kacey is at high risk.\n"
        "It was the decision of the conference that Kacey Doyle be made the subject of a Child Protection Plan "
        "under the category of Sexual abuse.\n"))
    assert decisions == ["It was the decision of the conference that Kacey Doyle be made the subject of a Child "
                         "Protection Plan under the category of Sexual abuse."]


def test_decisions_a_resolution_ending_in_a_colon_takes_its_sub_items(tmp_path):
    decisions = _decisions(tmp_path, (
        "Committee\n\n58. Minutes\n\nResolved that the minutes of the following meetings be confirmed as a correct record:\n\n"
        "i)   the meeting held on 7 February 2019; and\n\nii)  the meeting held on 13 February 2019\n\n"
        "59. Children's Centre Strategy\n\nThe Committee considered the report.\n"))
    assert decisions == ["that the minutes of the following meetings be confirmed as a correct record: "
                         "the meeting held on 7 February 2019, the meeting held on 13 February 2019"]


def test_decisions_to_appoint_under_a_decision_label(tmp_path):
    decisions = _decisions(tmp_path, (
        "Committee\n\n56. Appointment of Chair\n\nDecision\n\nTo appoint Councillor Muse as Chair for the meeting.\n\n"
        "57. Interests\n\nTo allow Members an opportunity to declare any interests.\n"))
    assert decisions == ["To appoint Councillor Muse as Chair for the meeting."]


def test_decisions_resolved_to_straight_after_an_item_title(tmp_path):
    decisions = _decisions(tmp_path, (
        "MINUTES of a meeting of the LICENSING COMMITTEE held on 9 December 2013.\n\nPRESENT\n\n"
        "Councillor J G Williams (in the Chair)\n\n"
        "72/13 DECLARATIONS OF INTEREST RESOLVED to note the following declarations of interest:-\n\n"
        "Councillor A I Lewer declared a personal interest with regard to Agenda Item 10.\n\n"
        "74/13 FOOTPATHS Members were informed that the Council had made an Order.\n"))
    assert decisions == ["to note the following declarations of interest:-"]


def test_decisions_terse_per_child_lines_and_decision_for_a_named_child(tmp_path):
    decisions = _decisions(tmp_path, (
        "RCPC (1st review)\nDate: 3/6/25\n\nPresent: Marcus Leigh (IRO), Jo Pike (SW, CSC)\n\n"
        "Chair's summary - some progress with FSW work. Risk remains.\n\n"
        "Decisions:\nNoah - CPP to continue under Neglect.\nAva - CPP to continue under Neglect.\n\n"
        "CHAIR: I am satisfied that Tyler is no longer at continuing risk of significant harm.\n\n"
        "Decision for Tyler Whitlock: The Child Protection Plan under the category of Physical abuse ends today.\n"))
    assert decisions == ["Noah - CPP to continue under Neglect.", "Ava - CPP to continue under Neglect.",
                         "The Child Protection Plan under the category of Physical abuse ends today."]


def test_decisions_an_item_title_run_on_and_the_same_words_under_two_items(tmp_path):
    decisions = _decisions(tmp_path, (
        "Licensing Committee\n\nPresent:\nCouncillors B.C. Cowle and J.M. Ellacott.\n\n"
        "7 SUB-COMMITTEE CHAIRMEN\nRESOLVED that Councillor Cowle be elected as Chairman.\n"
        "8 LICENSING ACT 2003 - UPDATE ON PROGRESS TOWARDS IMPLEMENTATION RESOLVED that the position be noted.\n"
        "9 MEMBERS' BRIEFING\nRESOLVED that the position be noted.\n"
        "That the position be noted.\n"))     # a copy straight after it is the same decision
    assert decisions == ["that Councillor Cowle be elected as Chairman.", "that the position be noted.",
                         "that the position be noted."]

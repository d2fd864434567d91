"""Layouts of the dev part of gold set W, rewritten with other (fictitious) people: notes typed in
lower case, strategy discussion decisions, a plan table cut by its outcome lines, a full-council
list that lost a full stop (end to end on text files)."""
from __future__ import annotations

from .records_of import people_of as _people, record_of as _record


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


def test_set_x_dates_written_in_words(tmp_path):
    record = _record(tmp_path, "CORE GROUP MEETING NOTES\n\nMeeting held: Tuesday the sixth of May 2025, 3.30pm\n\n"
                               "Next core group: Tuesday the third of June, 3.30pm.\n"
                               "Review conference by Thursday the twenty-second of May.\n")
    assert record["meeting"]["date"] == "2025-05-06"
    assert {"2025-05-06", "2025-06-03", "2025-05-22"} <= set(record["dates"])


def test_set_x_numbered_tasks_with_lead_asides_and_a_review_of_actions(tmp_path):
    record = _record(tmp_path, "Meeting held: 6 May 2025\n\n2. Review of actions from the core group on the fifteenth of April\n"
                               "a) SW to refer Amy to the Lantern Project - Completed. First session held.\n"
                               "b) Ms Reed to attend an alcohol assessment - Outstanding. Rebooked for Monday the twelfth of May.\n"
                               "c) Sgt Dunn - complete the disruption plan - by 20/05/2025\n\n"
                               "4. New actions\n1) Share the missing episode log with the core group (Lead: Jo Pike, by 14 May)\n"
                               "2) Continue weekly sessions with Amy (Lead: Ria Kaye, weekly)\n")
    actions = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert actions == {
        "attend an alcohol assessment": ("Ms Reed", "2025-05-12"),
        "complete the disruption plan": ("Sgt Dunn", "2025-05-20"),
        "Share the missing episode log with the core group": ("Jo Pike", "2025-05-14"),
        "Continue weekly sessions with Amy": ("Ria Kaye", None)}


def test_set_x_plan_under_agency_labels_with_follow_on_sentences(tmp_path):
    record = _record(tmp_path, "Conference date: 6 November 2025\n\nOutline plan\n"
                               "Social care: Ayesha Kerr will complete the pre-birth assessment by 5 December 2025. She will arrange "
                               "a family network meeting within 10 working days.\n"
                               "Midwifery: Jo Petrie will see Ms Lowe alone at every antenatal appointment and will write a birth "
                               "plan.\n")
    actions = {a["what"]: a["owner"] for a in record["actions"]}
    assert actions == {"complete the pre-birth assessment": "Ayesha Kerr",
                       "arrange a family network meeting": "Ayesha Kerr",
                       "see Ms Lowe alone at every antenatal appointment": "Jo Petrie",
                       "write a birth plan": "Jo Petrie"}


def test_set_x_stacked_task_fields_and_a_core_group_decision(tmp_path):
    record = _record(tmp_path, "Child Protection Plan\n\nAction: Complete a single assessment\nResponsible: SW (Lee Moss)\n"
                               "Date: 29/07/2025\n\nAction: Refer Mr Dale to the recovery service\nResponsible: PC Whitely\n"
                               "Date: 04/07/2025\n\nDecisions\n- Core group agreed to recommend that the plan continues.\n")
    actions = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert actions == {"Complete a single assessment": ("SW (Lee Moss)", "2025-07-29"),
                       "Refer Mr Dale to the recovery service": ("PC Whitely", "2025-07-04")}
    assert record["decisions"] == ["Core group agreed to recommend that the plan continues."]


def test_set_x_resolved_that_opening_a_paragraph(tmp_path):
    record = _record(tmp_path, "56. Minutes of Last Meeting\nResolved that the Minutes of the Meeting held on 11 November 2016 "
                               "be approved.\n\n57. Budget\nResolved that the budget be approved.\n")
    assert record["decisions"] == ["that the Minutes of the Meeting held on 11 November 2016 be approved.",
                                   "that the budget be approved."]


def test_set_x_a_grid_of_surnames_flattened_into_one_line(tmp_path):
    record = _record(tmp_path, "Present: The Mayor (Councillor I. Kay) in the Chair\nCouncillors Allan Foster Oliver Thompson "
                               "Atkinson Francis Padgett Trueman, D. Ball Gibson, E Porthouse Trueman, H. Bell Watson, P. Watson, S. "
                               "Taylor The Notice convening the meeting was read.\n")
    people = set(_people(record))
    assert {"Councillor Allan", "Councillor Padgett", "Councillor Trueman, D", "Councillor Trueman, H",
            "Councillor Watson, P", "Councillor Watson, S", "Councillor Taylor"} <= people
    assert not any("Notice" in p or "Francis Padgett" in p for p in people)
    # a comma list after "Councillors" is still read entry by entry
    listed = _people(_record(tmp_path, "Present: Councillors Ann Holt, Ben Ward, Carl Dunn and Dee Ellis.\n"))
    assert set(listed) == {"Councillor Ann Holt", "Councillor Ben Ward", "Councillor Carl Dunn", "Councillor Dee Ellis"}


def test_set_x_sector_lines_of_name_dash_school_pairs(tmp_path):
    record = _record(tmp_path, "Representing Primary School Headteachers\nSimon Bramley - SS Simon and Judes Primary School Jack Hatton - "
                               "St Bedes CE Primary School Diane Bowen - St. Teresa RC Primary School\n"
                               "Representing Secondary School Governors\nJoanne Murray - Westhoughton High School David Kay - "
                               "Sharples College\n")
    assert {"Simon Bramley", "Jack Hatton", "Diane Bowen", "Joanne Murray", "David Kay"} <= set(_people(record))


def test_set_x_a_cabinet_members_portfolio_is_no_agency(tmp_path):
    record = _record(tmp_path, "PRESENT: Councillor Paul Brant Cabinet Member – Health & Adult Social Care Councillor Frank Hont "
                               "Cabinet Member - Housing\nOfficers: Dr Sandra Davies, Director of Public Health\n")
    assert not {"Adult Social Care", "Housing"} & set(record["agencies"])


def test_set_y_names_followed_by_their_initials_and_post(tmp_path):
    record = _record(tmp_path, "Governing Body Meeting\nHeld on 13th January 2022\nPresent:\nDr Avi Bhatt AB Clinical Chair\n"
                               "Richard Chaplin RCp Chief Finance Officer\nDr Ruth Coombe RC Governing Body GP\n"
                               "Helen Dillon HD Executive Director of Corporate Strategy and Delivery\nIan Gibb IG Lay Member for Audit\n")
    assert {"Dr Avi Bhatt", "Richard Chaplin", "Dr Ruth Coombe", "Helen Dillon", "Ian Gibb"} <= set(_people(record))
    assert not any(n.endswith((" RC", " IG", " RCp")) for n in _people(record))


def test_set_y_councillors_sharing_one_title_at_the_top(tmp_path):
    record = _record(tmp_path, "Minutes of the meeting held on Tuesday 21 June 2022\nCouncillors Mrs Blackwood, Brice, Cannon, "
                               "English (Chairman), Garten and T Wilkins\nAlso Present:\nCouncillor Round\n\n"
                               "1. Apologies for Absence\nApologies were received from Councillor Cleaver.\n")
    people = _people(record)
    assert {"Councillor Mrs Blackwood", "Councillor Brice", "Councillor Cannon", "Councillor English", "Councillor Garten",
            "Councillor T Wilkins", "Councillor Round"} <= set(people)
    assert people["Councillor Brice"]["role"] == "Councillor"


def test_set_y_a_run_of_titled_full_names(tmp_path):
    record = _record(tmp_path, "In Attendance: THE LORD MAYOR Councillor Terence Fellows\nCouncillor Bagh Ali Councillor Ann James "
                               "Councillor Gurmeet Singh Kallar Councillor Kath Banks Councillor Majid Khan\n")
    assert {"Councillor Bagh Ali", "Councillor Ann James", "Councillor Gurmeet Singh Kallar", "Councillor Kath Banks",
            "Councillor Majid Khan"} <= set(_people(record))


def test_set_x_action_table_typed_with_slashes_a_row_per_item(tmp_path):
    record = _record(tmp_path, "Conference date: 10/10/2025\n\nOUTLINE CHILD PROTECTION PLAN\nOutcome / Action / Lead / Timescale\n"
                               "1. The home is safe / Clear the rubbish from the kitchen / Ms and Mr Ashby / 24/10/2025\n"
                               "1. / Chase the heating repair / Rachel Penn (SW) / 17/10/2025\n"
                               "2. Kai attends school / Offer a breakfast club place / Mrs Helen Aske (DSL) / Ongoing\n")
    actions = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert actions == {"Clear the rubbish from the kitchen": ("Ms and Mr Ashby", "2025-10-24"),
                       "Chase the heating repair": ("Rachel Penn (SW)", "2025-10-17"),
                       "Offer a breakfast club place": ("Mrs Helen Aske (DSL)", None)}
    # labelled fields on one line are no slash table
    fields = _record(tmp_path, "Plan\nWho: Mr Beattie / What: complete the assessment / By when: 29/05/2026\n")
    assert [(a["what"], a["owner"]) for a in fields["actions"]] == [("complete the assessment", "Mr Beattie")]


def test_set_z_initials_column_before_each_name_and_partner_acronyms(tmp_path):
    record = _record(tmp_path, "Present:\nGB Gina Boulter (Arun DC)\nAC Cllr. Alan Cope (Chair)\nAF Amy Fenn (WSFRS)\n"
                               "AL Ann Lowe (OSPCC)\nPG Pat Gibb (WSCC)\n\nApologies received:\nAnna Good (Crimestoppers)\n")
    people = _people(record)
    assert {"Gina Boulter", "Cllr. Alan Cope", "Amy Fenn", "Ann Lowe", "Pat Gibb", "Anna Good"} == set(people)
    assert people["Gina Boulter"]["role"] is None and people["Gina Boulter"]["agency"] == "Council"
    assert people["Amy Fenn"]["agency"] == "Fire and Rescue"
    assert people["Ann Lowe"]["agency"] == "Police and Crime Commissioner"
    assert people["Anna Good"]["agency"] == "Voluntary Sector"
    # initials that are not the person's own stay part of what was written
    assert "DO Dan Connor" in _people(_record(tmp_path, "Present:\nDO Dan Connor (Police)\n"))
    # "DC" before a surname is still a detective constable
    assert _people(_record(tmp_path, "Present:\nDC Ian Frost (Police)\n"))["DC Ian Frost"]["role"] == "Police Officer"


def test_set_z_initial_and_surname_with_no_space_between(tmp_path):
    record = _record(tmp_path, "2) Present:\nIn the Chair A.Vigar, L.Bowen,T.Dix,A.Hay and K.O’Dowd (clerk).\n"
                               "3) Apologies\nT.Marsh, M.Nolan,A.Stone\n4) Declarations of Interest\n")
    people = _people(record)
    assert set(people) == {"A.Vigar", "L.Bowen", "T.Dix", "A.Hay", "K.O’Dowd", "T.Marsh", "M.Nolan", "A.Stone"}
    assert people["K.O’Dowd"]["role"] == "Committee Clerk" and people["A.Hay"]["role"] is None
    assert people["M.Nolan"]["status"] == "apologies"


def test_set_z_a_resolution_ending_in_initials_to_action_is_also_their_task(tmp_path):
    record = _record(tmp_path, "Minutes of the Parish Council Meeting held on Monday 6th December 2021\n"
                               "8) Parish Councillors Reports\n"
                               " 8.3 Parking is an issue. Resolved – to contact the Old School to agree a joint approach – "
                               "AV to action\n 8.4 Resolved – to defer the decision on the map board.\n")
    assert [(a["what"], a["owner"]) for a in record["actions"]] == [
        ("contact the Old School to agree a joint approach", "AV")]
    assert "to contact the Old School to agree a joint approach" in record["decisions"]


def test_set_z_a_list_of_year_less_meeting_dates_runs_forwards(tmp_path):
    record = _record(tmp_path, "Minutes of the Parish Council Meeting held on Monday 6th December 2021\n12) Meeting Dates\n"
                               " Agreed – Feb 28th, June 13th, Sept 5th, Dec 12th, at 7.15pm.\n"
                               "Audit from 5 March 2021 and 2 April.\n")
    assert {"2022-02-28", "2022-06-13", "2022-09-05", "2022-12-12", "2021-03-05", "2021-04-02"} <= set(record["dates"])
    assert "2021-06-13" not in record["dates"] and "2022-04-02" not in record["dates"]

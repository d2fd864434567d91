"""Made-up plan and notes layouts of the fifth session, written to probe how the rules generalise
before set Z was read (end to end on text files; every person is fictitious)."""
from __future__ import annotations

from .records_of import people_of as _people, record_of as _record


def test_probe_a_tab_separated_plan_with_an_empty_outcome_cell_and_a_short_attendance_row(tmp_path):
    record = _record(tmp_path, "1. Attendance\nHelen Ashby\tChair\tSafeguarding Unit\nTom Fielding\tHealth Visitor\tHealth\n"
                               "Lucy Trent\tMother\n\n4. Outline Child Protection Plan\n"
                               "Outcome\tAction\tResponsible\tTimescale\n"
                               "Maisie's health needs are met\tBook a dental appointment\tLucy Trent\t27/03/2026\n"
                               "\tComplete a health review\tTom Fielding\t10/04/2026\n")
    tasks = {a["what"]: a for a in record["actions"]}
    assert tasks["Complete a health review"]["owner"] == "Tom Fielding"
    assert tasks["Complete a health review"]["due"] == "2026-04-10"
    assert tasks["Book a dental appointment"]["due"] == "2026-03-27"
    people = _people(record)
    assert people["Lucy Trent"]["role"] == "Mother" and people["Tom Fielding"]["role"] == "Health Visitor"


def test_probe_a_plan_that_will_continue_is_a_decision_not_a_task_and_inline_actions_in_timed_notes(tmp_path):
    record = _record(tmp_path, "10:10 SW reported that Sarah attended 6 of 8 sessions. ACTION: Mark to confirm completion "
                               "with the programme facilitator by 5 May 2026. Home conditions have improved.\n\n"
                               "Decision: Jayden's Child Protection Plan will continue under the category of Neglect. "
                               "Next review conference on 20 October 2026.\n")
    assert [(a["what"], a["owner"], a["due"]) for a in record["actions"]] == [
        ("confirm completion with the programme facilitator", "Mark", "2026-05-05")]
    assert any(d.startswith("Jayden's Child Protection Plan will continue") for d in record["decisions"])


def test_probe_next_steps_bullets_keep_a_word_ending_in_on_and_violence_to_a_partner_is_domestic_abuse(tmp_path):
    record = _record(tmp_path, "Conference held on 3 February 2026\n\nWhat are we worried about?\n"
                               "Emma's partner has been violent to her in front of Leo.\n\nNext steps\n"
                               "• Beth Ward (IDVA) will offer Emma a safety planning session within two weeks.\n"
                               "• Jo Dent will visit Leo at home to complete a developmental review by 20 February 2026.\n")
    tasks = {a["what"]: a for a in record["actions"]}
    assert tasks["offer Emma a safety planning session"]["due"] == "2026-02-17"
    assert tasks["visit Leo at home to complete a developmental review"]["owner"] == "Jo Dent"
    assert "Domestic abuse" in record["risk_factors"]
    # a MARAC referral is a sign of domestic abuse; a partner who is only mentioned is not
    assert "Domestic abuse" in _record(tmp_path, "Mum was referred to MARAC in May.\n")["risk_factors"]
    assert "Domestic abuse" not in _record(tmp_path, "Emma's partner works nights.\n")["risk_factors"]


def test_probe_plan_stanzas_what_needs_to_change_what_will_be_done_by_whom_by_when(tmp_path):
    record = _record(tmp_path, "Date: 28 May 2026\n\nCHILD PROTECTION PLAN\n\n"
                               "What needs to change: Chloe needs to stay free from drugs.\n"
                               "What will be done: Chloe will attend weekly sessions with Turning Point.\n"
                               "By whom: Chloe / Sunita Rao\nBy when: Ongoing\n\n"
                               "What needs to change: The baby needs a safe home to go to.\n"
                               "What will be done: A pre-birth assessment will be completed.\n"
                               "By whom: Daniel Peel\nBy when: 30 June 2026\n")
    assert [(a["what"], a["owner"], a["due"]) for a in record["actions"]] == [
        ("attend weekly sessions with Turning Point", "Chloe", None),
        ("A pre-birth assessment will be completed", "Daniel Peel", "2026-06-30")]


def test_set_z_labelled_participant_lines_and_actions_with_a_lead_agency_field(tmp_path):
    record = _record(tmp_path, "Participants\n"
                               "Name: Tom Hebden        Agency: Pelwick Children's Social Care   Role: Team Manager (Chair)\n"
                               "Name: Liam Osei         Agency: Pelwick Youth Justice Service    Role: Exploitation Worker\n"
                               "Record taken by: Dionne Clegg (business support)\n\n"
                               "Actions agreed\n1. Action: Refer Ms Rafferty to the Pelwick Alcohol Service\n"
                               "   Lead agency: Children's Social Care      By: 18/09/2026\n\n"
                               "Review strategy discussion: Friday 25/09/2026, 14:00 (Teams).\n")
    people = _people(record)
    assert people["Liam Osei"]["role"] == "Exploitation Worker"
    assert people["Liam Osei"]["agency"] == "Youth Justice Service"
    assert people["Tom Hebden"]["agency"] == "Children's Social Care"
    assert "Dionne Clegg" in people
    assert [(a["what"], a["owner"], a["due"]) for a in record["actions"]] == [
        ("Refer Ms Rafferty to the Pelwick Alcohol Service", "Children's Social Care", "2026-09-18")]


def test_set_z_task_owner_when_lines_with_a_bracketed_post_a_helper_and_a_verb_first_task(tmp_path):
    record = _record(tmp_path, "Date: 23 October 2026\n\nChild in Need plan\n"
                               "1. Visit Freya every four weeks, including one visit at the new home — Hollie Sampson (SW) — "
                               "first visit by 06/11/2026\n"
                               "2. Transfer Freya to the Heron Close health visiting team — Gail Boyd (HV) — by 30/10/2026\n"
                               "3. Set up the gas and electricity accounts — Ms Dobbin, with Tanya Greer — by 02/11/2026\n")
    assert [(a["what"], a["owner"], a["due"]) for a in record["actions"]] == [
        ("Visit Freya every four weeks, including one visit at the new home", "Hollie Sampson (SW)", "2026-11-06"),
        ("Transfer Freya to the Heron Close health visiting team", "Gail Boyd (HV)", "2026-10-30"),
        ("Set up the gas and electricity accounts", "Ms Dobbin, with Tanya Greer", "2026-11-02")]


def test_set_z_a_mention_of_a_listed_family_name_adds_no_person(tmp_path):
    record = _record(tmp_path, "Present\nNatasha Whitfield – Mother\nShane Whitfield – Father\nLauren Pike – Social Worker\n\n"
                               "Discussion\nMr Whitfield said he will go to the new appointment. Mrs Whitfield agreed.\n"
                               "Councillor Dunn asked about the waiting list.\n")
    people = _people(record)
    assert {"Natasha Whitfield", "Shane Whitfield", "Lauren Pike", "Councillor Dunn"} == set(people)
    assert people["Councillor Dunn"]["status"] == "mentioned"


def test_set_z_and_to_is_a_second_task_and_the_next_core_group_is_a_when(tmp_path):
    record = _record(tmp_path, "Date: 12/05/2026\n\n3. New actions\n"
                               "Jess will also do a home visit with Gary before the next core group to look at the back bedroom. "
                               "School to keep offering breakfast club to Logan and to tell Lauren the same day if he arrives hungry. "
                               "Mr Whitfield to attend his alcohol service appointment on 19/05 and to give consent for the "
                               "service to share attendance. Ricky will see his worker and will not drink when he has Noah.\n")
    tasks = [(a["what"], a["owner"]) for a in record["actions"]]
    assert ("do a home visit with Gary to look at the back bedroom", "Jess") in tasks
    assert ("keep offering breakfast club to Logan", "School") in tasks
    assert ("tell Lauren the same day if he arrives hungry", "School") in tasks
    assert ("attend his alcohol service appointment", "Mr Whitfield") in tasks
    assert ("give consent for the service to share attendance", "Mr Whitfield") in tasks
    assert ("see his worker and will not drink when he has Noah", "Ricky") in tasks


def test_set_z_timed_notes_decision_after_a_time_actions_after_a_dash_or_colon_and_an_abbreviated_weekday(tmp_path):
    record = _record(tmp_path, "Child: Ellie Corrin, DOB 30/08/2017\nDate/time: Thurs 19/03/2026, 10:00-11:35, Room 4\n"
                               "ICPC held: 04/12/2025 (Emotional abuse)\n\n"
                               "10:20  School: Mrs Shah will ask about a group place - ACTION: school to start ELSA sessions "
                               "for Ellie from 13/04/2026. Dad convicted of criminal damage on 02/03/2026.\n\n"
                               "11:20  DECISION: Ellie Corrin to remain subject to a Child Protection Plan under the category "
                               "of Emotional abuse.\n\n"
                               "11:25  Plan updated as above, plus: ACTION: SW to update dad on the outcome by phone today. "
                               "ACTION: SW to refer dad to the Community Alcohol Team by 27/03/2026.\n")
    assert record["meeting"]["date"] == "2026-03-19"
    assert record["decisions"] == ["Ellie Corrin to remain subject to a Child Protection Plan under the category of Emotional abuse."]
    tasks = {a["what"]: a["owner"] for a in record["actions"]}
    assert tasks["start ELSA sessions for Ellie"] == "school"
    assert tasks["update dad on the outcome by phone"] == "SW"
    assert tasks["refer dad to the Community Alcohol Team"] == "SW"
    assert not any("ACTION" in what for what in tasks)
    assert "Parental criminality" in record["risk_factors"]


def test_set_z_a_letter_key_in_the_list_heading_gives_each_entry_its_status(tmp_path):
    record = _record(tmp_path, "Participants (P = present, A = apologies, R = report only)\n"
                               "P  Abi Rutter, Social Worker, Fallowmoor CSC\nP  DC Harriet Lomax, Fallowmoor Police CAIT\n"
                               "A  Dr Leon Achebe, Community Paediatrician, Fallowmoor Children's Hospital\n"
                               "R  Nicola Dunn, Family Practitioner, Fallowmoor Early Help\n")
    people = _people(record)
    assert set(people) == {"Abi Rutter", "DC Harriet Lomax", "Dr Leon Achebe", "Nicola Dunn"}
    assert people["DC Harriet Lomax"]["status"] == "present"
    assert people["Dr Leon Achebe"]["status"] == "apologies"
    assert people["Nicola Dunn"]["attendance"] == "report submitted"


def test_probe_a_plan_grouped_under_owner_headings_and_owners_between_semicolons(tmp_path):
    record = _record(tmp_path, "Date: 9 April 2026\n\nOutline Child Protection Plan\n\nSocial Worker (Mia Reed):\n"
                               "- Complete the child and family assessment by 7 May 2026\n- Visit the family every two weeks\n\n"
                               "Mother:\n- Attend all health appointments for Ava\n\n"
                               "Plan: Social worker will hold a family network meeting by 24 April 2026; health visitor will "
                               "arrange a hearing test; mum will keep a food diary.\n\nRecommendations:\n- Review the plan in June\n")
    owners = {a["what"]: a["owner"] for a in record["actions"]}
    assert owners["Complete the child and family assessment"] == "Social Worker (Mia Reed)"
    assert owners["Visit the family every two weeks"] == "Social Worker (Mia Reed)"
    assert owners["Attend all health appointments for Ava"] == "Mother"
    assert owners["arrange a hearing test"] == "health visitor" and owners["keep a food diary"] == "mum"
    assert owners.get("Review the plan in June") != "Recommendations"


def test_probe_plan_decisions_written_as_plain_sentences_in_a_conference_record(tmp_path):
    for line in ("Ava will no longer be subject to a child protection plan.",
                 "The unanimous decision of conference was for a CP plan under Emotional Abuse.",
                 "Professionals agreed that the threshold for a plan was not met.",
                 "The chair decided that Ava should become subject to a Child Protection Plan.",
                 "Ava is to be made subject to a CPP (Neglect)."):
        record = _record(tmp_path, f"Review Child Protection Conference\nDate: 2 March 2026\n\n{line}\n")
        assert record["decisions"] == [line]
    # a decision about how the meeting runs is no plan decision
    record = _record(tmp_path, "Review Child Protection Conference\n\nThe Chair decided that Mr Kane would attend the "
                               "start of the conference and then leave.\n")
    assert record["decisions"] == []


def test_probe_attendance_in_prose_after_the_conference_was_attended_by(tmp_path):
    record = _record(tmp_path, "Review Child Protection Conference\nDate: 12 May 2026\n\n"
                               "The conference was attended by Kerry Hale (mother), Pam Ode (social worker), Dr Ian Moss (GP) "
                               "and Lucy Pratt, the school nurse. PC Dan Ross sent apologies and a police report. "
                               "The health visitor, Sue Kemp, was unable to attend.\n")
    people = _people(record)
    assert people["Dr Ian Moss"]["status"] == "present" and people["Lucy Pratt"]["role"] == "School Nurse"
    assert people["Sue Kemp"]["status"] == "apologies" and people["Sue Kemp"]["role"] is None
    assert people["Kerry Hale"]["role"] == "Mother"


def test_probe_national_and_voluntary_partners_have_their_canonical_agency(tmp_path):
    record = _record(tmp_path, "Present:\nJo Vale (NHS England)\nAmy Cole (Department for Education)\nSam Hart (Citizens Advice)\n")
    assert [p["agency"] for p in record["attendees"]] == ["Health", "Education", "Voluntary Sector"]


def test_probe_parish_minutes_clerk_tasks_and_an_action_tag_after_the_sentence(tmp_path):
    record = _record(tmp_path, "Minutes of the meeting of Ashby Parish Council held on 4 March 2026\n\n5. Highways\n"
                               "The pothole on Mill Lane has been reported again. Clerk to chase Highways.\n\n"
                               "8. Any other business\nCllr Hill asked that the village hall booking be confirmed for the "
                               "May event. Action: SH\n")
    assert {(a["what"], a["owner"]) for a in record["actions"]} == {
        ("chase Highways", "Clerk"), ("the village hall booking be confirmed for the May event", "SH")}


def test_probe_the_action_column_of_an_item_discussion_action_table(tmp_path):
    record = _record(tmp_path, "Safeguarding Partnership Executive - minutes of 5 May 2026\n\n"
                               "| Item | Discussion | Action |\n| --- | --- | --- |\n"
                               "| 1. Welcome | The Chair welcomed members. | |\n"
                               "| 2. Audit | The neglect audit found gaps. | Business Manager to circulate the audit report by 19 May 2026 |\n"
                               "| 3. Training | Uptake is low in schools. | JB to write to all head teachers |\n")
    assert [(a["what"], a["owner"], a["due"]) for a in record["actions"]] == [
        ("circulate the audit report", "Business Manager", "2026-05-19"), ("write to all head teachers", "JB", None)]


def test_probe_plan_lines_with_an_owner_label_a_passive_referral_and_a_bracketed_owner_with_its_day(tmp_path):
    record = _record(tmp_path, "Review Child Protection Conference\nDate: 14/05/2026\n\nPlan\n"
                               "A referral will be made to CAMHS by the social worker by 12/06/2026.\n"
                               "School nurse: to offer Leo sessions on healthy relationships.\n"
                               "Request a copy of the housing report (SW, by Friday).\n"
                               "The plan will be reviewed by the conference.\n")
    tasks = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert tasks == {"A referral to CAMHS": ("the social worker", "2026-06-12"),
                     "offer Leo sessions on healthy relationships": ("School nurse", None),
                     "Request a copy of the housing report": ("SW", "2026-05-15")}


def test_probe_a_plan_pasted_a_cell_per_line_gives_each_task_its_owner_and_timescale(tmp_path):
    record = _record(tmp_path, "Initial Child Protection Conference\nDate: 10/02/2026\n\nOUTLINE CHILD PROTECTION PLAN\n"
                               "Outcome\nAction\nWho\nWhen\nBaby is safe\nComplete a DASH risk assessment with Tegan\n"
                               "Ms Oxtoby\nBy 20/02/2026\n\nTell the social worker about any police call-out\nDC Orrell\n"
                               "Within 24 hours\n\nFIRST CORE GROUP\nTuesday 24 February 2026\n")
    tasks = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert tasks["Complete a DASH risk assessment with Tegan"] == ("Ms Oxtoby", "2026-02-20")
    assert tasks["Tell the social worker about any police call-out"][0] == "DC Orrell"
    assert len(tasks) == 2

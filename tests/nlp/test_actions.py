"""minutes_actions on real text through the loaded pipeline (fictitious names)."""
from __future__ import annotations

import pytest

from minutes.ingest import read_bytes
from minutes.nlp.found import FoundAction, unpack
from minutes.nlp.pipeline import docs_for

pytestmark = pytest.mark.slow


def _actions(nlp, text: str) -> list[FoundAction]:
    document = read_bytes(text.encode("utf-8"), "notes.txt")
    docs = next(docs_for(nlp, [document.blocks]))
    return [a for doc in docs for a in unpack(FoundAction, doc._.actions)]


def _by_what(actions: list[FoundAction]) -> dict[str, FoundAction]:
    return {a.what: a for a in actions}


def test_actions_sentences_of_an_outline_plan_when_there_is_no_actions_section(nlp):
    text = (
        "Decision\nThe child will be subject to a Child Protection Plan under the category of Neglect.\n\n"
        "Outline plan\n\n"
        "Ms Rowan is the lead social worker. Mr Ashby will complete the Brookfield parenting programme starting on "
        "2 February 2026. Dr Kell will send her medical report to the GP by 16 January 2026. Ms Rowan will complete a "
        "safety plan with the family, including an agreement that Mr Ashby will not smack Ruby, by 20 January 2026.\n\n"
        "The first core group will be held on 27 January 2026."
    )
    got = _by_what(_actions(nlp, text))
    assert set(got) == {"complete the Brookfield parenting programme", "send her medical report to the GP",
                        "complete a safety plan with the family"}
    assert got["send her medical report to the GP"].owner == "Dr Kell"
    assert got["send her medical report to the GP"].due == "2026-01-16"
    assert got["complete a safety plan with the family"].due == "2026-01-20"
    assert got["complete the Brookfield parenting programme"].due is None      # a start date, not a due date


def test_actions_outline_plan_and_actions_section_are_both_read(nlp):
    text = (
        "Outline Child Protection Plan\n\n- Jon to attend a drug assessment.\n- HV to see Amy every 4 weeks.\n\n"
        "Actions:\n\n- Leah Moss SW - make referral to Westford Recovery for Jon - by 19/03/2026\n"
    )
    got = _actions(nlp, text)
    assert [(a.owner, a.what, a.due) for a in got] == [
        ("Jon", "attend a drug assessment", None), ("HV", "see Amy every 4 weeks", None),
        ("Leah Moss SW", "make referral to Westford Recovery for Jon", "2026-03-19")]


def test_actions_cue_sentence_opens_the_actions_inside_a_paragraph(nlp):
    text = (
        "Decision\n\nThe Chair thanked Ms Hale for her work. The children will be supported under a Child in Need plan, "
        "and the following actions were agreed. Ms Pell will hold the first Child in Need meeting by 26th March 2026. "
        "Mr Noon will continue weekly sessions with Ms Hale. Ms Hale will tell Ms Pell if Mr Dent makes contact.\n\n"
        "The Child in Need plan will be reviewed on 11th June 2026."
    )
    got = _by_what(_actions(nlp, text))
    assert set(got) == {"hold the first Child in Need meeting", "continue weekly sessions with Ms Hale",
                        "tell Ms Pell if Mr Dent makes contact"}
    assert got["hold the first Child in Need meeting"].due == "2026-03-26"


def test_actions_long_sentence_cut_at_its_due_date_and_long_aside_dropped(nlp):
    text = (
        "Next steps - Who will do what by when\n\n"
        "Rob will go to his first appointment with the Harbour drug service on 6th February 2026 and will not drink when he is "
        "looking after Kit.\n\n"
        "Dr Amin will write a relapse plan with Carla (signs she is becoming unwell and who to call) by 24 February 2026.\n\n"
        "Jan Cole will do Kit's 2-year check at home within the next two weeks.\n"
    )
    got = _by_what(_actions(nlp, text))
    assert set(got) == {"go to his first appointment with the Harbour drug service", "write a relapse plan with Carla",
                        "do Kit's 2-year check at home"}
    assert got["go to his first appointment with the Harbour drug service"].due == "2026-02-06"


def test_actions_terse_entries_owner_initials_colons_and_run_together_lines(nlp):
    text = (
        "actions:\n\n"
        "- KM - CIN mtg, 10 wd - 6.3.26\n\n"
        "DS Vale: update conference partners on the investigation - by the first core group\n\n"
        "EF CAMHS - offer appt at home - by 30/1 mum - lock phones away at night - from tonight\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert ("KM", "CIN mtg, 10 wd") in got
    assert ("DS Vale", "update conference partners on the investigation") in got
    assert ("EF CAMHS", "offer appt at home") in got
    assert ("mum", "lock phones away at night") in got
    assert len(got) == 4


def test_actions_agenda_purposes_are_not_tasks(nlp):
    text = (
        "Actions: Chair\n\nThe Board to note the minutes of the meeting held on 2 March 2026.\n\n"
        "The Board to receive a presentation on exploitation case studies.\n\n"
        "The Board to write to the ICB about GP reports.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("The Board", "write to the ICB about GP reports")]


def test_actions_committee_undertakings(nlp):
    text = (
        "Minutes\n\n"
        "A foster carer would be invited to attend the next meeting of the Corporate Parenting Committee.\n\n"
        "The Committee requested that an update be provided to Members when the funding details are released. (Action: Mr Ian Hale)\n\n"
        "Board members were asked to identify representatives and confirm nominations with the Chair.\n\n"
        "Following a question from Councillor Amy Tate, the Director agreed that a briefing note on the SEND programme "
        "will be shared with the Committee after the meeting.\n\n"
        "The Chair agreed this should be on record and that he would write to formally thank her for her service.\n\n"
        "The Committee discussed the figures and noted that attendance had improved.\n"
    )
    got = _by_what(_actions(nlp, text))
    assert set(got) == {
        "A foster carer would be invited to attend the next meeting of the Corporate Parenting Committee",
        "an update be provided to Members when the funding details are released",
        "identify representatives and confirm nominations with the Chair",
        "a briefing note on the SEND programme will be shared with the Committee after the meeting",
        "write to formally thank her for her service",
    }
    assert got["an update be provided to Members when the funding details are released"].owner == "Mr Ian Hale"
    assert got["identify representatives and confirm nominations with the Chair"].owner == "Board members"
    assert got["write to formally thank her for her service"].owner == "The Chair"


def test_actions_passive_resolutions(nlp):
    text = (
        "RESOLVED:\n\n- That the report be noted.\n"
        "- That the draft Neglect Strategy be endorsed for consultation.\n"
        "- That a further update be provided to a future Board meeting.\n"
    )
    got = [a.what for a in _actions(nlp, text)]
    assert got == ["a further update be provided to a future Board meeting"]


def test_actions_resolution_owner_is_a_name_not_a_clause(nlp):
    text = (
        "RESOLVED:\n\n- That the Committee receive a further update in March 2027.\n"
        "- That the Director of Children's Services be requested to submit a further report to the next meeting.\n"
        "- That the Board requested formal update on the pilot.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("the Director of Children's Services", "submit a further report to the next meeting")]


def test_actions_passive_descriptions_and_questions_are_not_undertakings(nlp):
    text = (
        "Minutes\n\n"
        "The report explained that support would be provided to families through the early help offer.\n\n"
        "Councillor Amy Tate asked whether the figures would be shared with schools.\n\n"
        "The revised figures would be provided to Members before the budget meeting.\n"
    )
    got = [a.what for a in _actions(nlp, text)]
    assert got == ["The revised figures would be provided to Members before the budget meeting"]


def test_actions_contingency_conditions_and_relative_clauses(nlp):
    text = (
        "Contingency: if the order is breached again, SW to convene a strategy discussion the same day.\n\n"
        "Minutes\n\n"
        "The Executive approved a step down policy, which will be circulated to all members of the Board, and discussed "
        "how it is monitored.\n\n"
        "Actions\n\nMum would like more help with the school run.\n\nDad will take Tia to nursery every Monday.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert ("SW", "convene a strategy discussion the same day if the order is breached again") in got
    assert (None, "step down policy will be circulated to all members of the Board") in got
    assert ("Dad", "take Tia to nursery every Monday") in got
    assert len(got) == 3


def test_actions_person_to_task_in_the_narrative(nlp):
    text = (
        "Matters arising\n\n"
        "Prohibition checks are only needed for teaching staff. MD to check this and add it to the newsletter.\n\n"
        "It was resolved that the Board note the report.\n\n"
        "1. Julia Hale to contact Dev Rao to arrange circulation of the safeguarding newsletter to all school governors.\n\n"
        "The Chair to welcome members to the meeting and note any apologies.\n\n"
        "Proposal to increase the budget was discussed. Dean to be offered a perpetrator programme.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("MD", "check this and add it to the newsletter"),
                   ("Julia Hale", "contact Dev Rao to arrange circulation of the safeguarding newsletter to all school governors")]


def test_actions_owner_tag_line_owns_the_sentence_above(nlp):
    text = (
        "Matters arising\n\n"
        "The Board discussed the audit. It was agreed that the audit findings would go to the next Executive.\n"
        "Action: JS\n\n"
        "Members welcomed the new website.\n\nAction: Deputy Chair\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("JS", "the audit findings would go to the next Executive"), ("Deputy Chair", "Members welcomed the new website")]
    assert all(a.what != "Deputy Chair" for a in _actions(nlp, "Minutes\n\nAction: Deputy Chair\n"))


def test_actions_will_undertakings_of_a_post_or_group_once_each(nlp):
    text = (
        "Minutes\n\n"
        "The task and finish group will report to the September Board on its findings. The Board will meet on 5 May 2026. "
        "He will write to the school.\n\n"
        "Decision\n\nThe plans will end, and the following actions were agreed. Ms Grant will visit every two weeks.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("Ms Grant", "visit every two weeks"),
                   ("The task and finish group", "report to the September Board on its findings")]


def test_actions_committee_wording_action_dash_group_owner_and_agreed_label(nlp):
    text = (
        "Item 4 Safeguarding update\n\n"
        "Action – All members to send comments to the Business Manager.\n\n"
        "Officers to report back to the next meeting.\n\n"
        "Agreed: Business Manager to update the risk register.\n\n"
        "Action agreed: Head of Service to write to the schools by 1 May 2026.\n\n"
        "Agreed: the minutes were a true record.\n\n"
        "Members to declare any interests.\n"
    )
    got = {(a.owner, a.what, a.due) for a in _actions(nlp, text)}
    assert got == {("All members", "send comments to the Business Manager", None),
                   ("Officers", "report back to the next meeting", None),
                   ("Business Manager", "update the risk register", None),
                   ("Head of Service", "write to the schools", "2026-05-01")}


def test_actions_agreed_or_asked_that_someone_does_a_task(nlp):
    text = (
        "Item 5 Early help\n\n"
        "It was agreed that the Head of Service would circulate the report to Members.\n\n"
        "The Chair asked that the Police provide figures for the next meeting.\n\n"
        "Members requested that officers circulate the data.\n\n"
        "The Chair asked whether officers would circulate the data.\n\n"
        "It was suggested that the Annual Report should be removed from the work programme.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("the Head of Service", "circulate the report to Members"),
                   ("the Police", "provide figures for the next meeting"),
                   ("officers", "circulate the data")]


def test_actions_committee_requests_something_of_no_one_in_particular(nlp):
    text = (
        "Item 6 School exclusions\n\n"
        "The Committee requested a briefing note on school exclusions.\n\n"
        "Item 7 Contact Point\n\n"
        "The Chair requested an update at a further meeting when more information was available.\n\n"
        "Resolved: That a further update be provided to a future Board meeting.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert (None, "a briefing note on school exclusions") in got
    assert not any(w.startswith("an update at a further meeting") for _, w in got)    # the resolution says it once


def test_actions_not_wishes_questions_or_plan_decisions(nlp):
    text = (
        "Item 8 Family support\n\n"
        "Mum would like to move house.\n\n"
        "The Chair asked whether the figures had improved.\n\n"
        "Members asked about the waiting list for the Eastbrook service.\n\n"
        "The Director of Public Health to the Board gave an overview of the plan.\n\n"
        "Officers to whom the report was sent had replied.\n\n"
        "Decision: Lola Finch to continue to be subject of a Child Protection Plan under the category of Neglect.\n"
    )
    assert _actions(nlp, text) == []


def test_actions_agreed_that_owner_after_that_and_due_date_cut_from_the_task(nlp):
    text = (
        "Item 9 Fostering\n\n"
        "The Board requested that the Director of Children's Services write to the Minister by 1 June 2026.\n\n"
        "It was agreed that officers would circulate the figures to Members.\n\n"
        "It was agreed that they would write to the fostering panel.\n"
    )
    got = [(a.owner, a.what, a.due) for a in _actions(nlp, text)]
    assert got == [("the Director of Children's Services", "write to the Minister", "2026-06-01"),
                   ("officers", "circulate the figures to Members", None),
                   (None, "write to the fostering panel", None)]


def test_actions_label_after_a_sentence_and_a_progress_note_dropped(nlp):
    text = (
        "Matters arising\n\n"
        "The Board discussed the audit. Action: JS to circulate the paper.\n\n"
        "Minutes of the last meeting (4 June 2025) Action – LGS to amend the spelling of Ann Reed's name – LGS COMPLETE\n\n"
        "Mr Lee described the actions: the team had met twice.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("JS", "circulate the paper"), ("LGS", "amend the spelling of Ann Reed's name")]


def test_actions_owner_to_task_after_a_semicolon(nlp):
    text = (
        "Matters arising\n\n"
        "Ann Reed (AR) said that she had not received the letter of enquiry; CO to resend the letter.\n\n"
        "The item was deferred; the Board to note the report in March.\n"
    )
    got = [(a.owner, a.what) for a in _actions(nlp, text)]
    assert got == [("CO", "resend the letter")]


def test_actions_written_as_who_what_by_when_fields(tmp_path):
    from minutes import flow
    from minutes.config import Settings
    from minutes.ingest import read

    path = tmp_path / "review.txt"
    path.write_text("Review Child Protection Conference 12/05/2026\n\nWhat needs to happen?\n"
                    "Who: Mr Beaton / What: complete the updated assessment / By when: 29/05/2026\n"
                    "Who: Dr Mercy / What: review the medication / By when: tbc\n", encoding="utf-8")
    actions = next(flow.extract_documents([read(path)], Settings())).to_json()["actions"]
    assert [(a["what"], a["owner"], a["due"]) for a in actions] == [
        ("complete the updated assessment", "Mr Beaton", "2026-05-29"), ("review the medication", "Dr Mercy", None)]


def test_actions_undertakings_of_people_in_conference_narrative(nlp):
    text = (
        "Discussion\n\nIt was agreed that the social worker would arrange a family group conference. "
        "The health visitor agreed to complete a home safety check. Jo Hart will refer Jayden to the audiology clinic "
        "by 20 March 2026. Ruby Thornton will remain subject to a Child Protection Plan. The Board will meet again in May. "
        "Mum said the house was calmer.\n"
    )
    got = {(a.owner, a.what, a.due) for a in _actions(nlp, text)}
    assert got == {("the social worker", "arrange a family group conference", None),
                   ("The health visitor", "complete a home safety check", None),
                   ("Jo Hart", "refer Jayden to the audiology clinic", "2026-03-20")}


def test_actions_semicolon_ends_a_plan_task(nlp):
    text = "Outline Child Protection Plan\n\n- IDVA to continue safety planning with Kelly; Dean to be offered a programme.\n"
    assert [(a.owner, a.what) for a in _actions(nlp, text)] == [("IDVA", "continue safety planning with Kelly")]


def test_a_passive_task_with_its_agent_after_an_agreed_label(nlp):
    actions = _actions(nlp, "Minutes\n\n5. New Business\n\n- Discussion on a quarterly safety audit for events.\n"
                            "- Agreed: Draft audit template to be circulated by Committee Secretary by 1 September 2025.\n"
                            "- Minutes of the workshop to be shared by the Business Manager.\n")
    found = {(a.what, a.owner, a.due) for a in actions}
    assert ("Draft audit template to be circulated", "Committee Secretary", "2025-09-01") in found
    assert ("Minutes of the workshop to be shared", "Business Manager", None) in found


def test_committee_undertakings_would_semicolon_and_a_due_in_the_owner(nlp):
    actions = _actions(nlp, "6. Early Help Update\n\nThe Assistant Director presented the update. Members asked for a breakdown of "
                            "referrals by ward; the Assistant Director undertook to provide this before the next meeting.\n\n"
                            "The Head of Service would report back on recruitment to the September meeting.\n\n"
                            "Cllr Hughes requested that information on waiting times be shared with the Committee.\n\n"
                            "Action – AD Early Help (by 30 June 2024): provide ward breakdown.\n")
    found = {(a.what, a.owner) for a in actions}
    assert ("provide this before the next meeting", "the Assistant Director") in found
    assert ("report back on recruitment to the September meeting", "The Head of Service") in found
    assert ("information on waiting times be shared with the Committee", None) in found
    assert {a.owner: a.due for a in actions}["AD Early Help"] == "2024-06-30"


def test_actions_for_owner_to_do_after_an_action_label(nlp):
    text = ("Minutes: Members discussed the consultation.\n"
            "Action: For the Safer Eastbrook Board to feed into the consultation, specifically regarding changing the word "
            "‘justice’ in one of the objectives to either ‘positive’ or ‘fair’;\n"
            "Action: For Matt Garrow to liaise with the Cabinet Member for Housing regarding the consultation response;\n")
    found = _by_what(_actions(nlp, text))
    assert found["liaise with the Cabinet Member for Housing regarding the consultation response"].owner == "Matt Garrow"
    feed = next(a for w, a in found.items() if w.startswith("feed into the consultation"))
    assert feed.owner == "the Safer Eastbrook Board"


def test_actions_arrow_entries_with_role_owners_and_terse_tasks(nlp):
    text = ("ACTIONS\n-> SW: ring JP re assessment + DA perpetrator prog - w/c 13/07/2026\n"
            "-> DA worker: safety plan + Freedom Programme start - w/c 13/07/2026\n"
            "-> Mum: GP appt re mood - tbc\n- Venue: Room 2 at the Hub\n")
    found = _by_what(_actions(nlp, text))
    assert found["ring JP re assessment + DA perpetrator prog"].owner == "SW"
    assert found["safety plan + Freedom Programme start"].owner == "DA worker"
    assert found["GP appt re mood"].owner == "Mum"
    assert not any("Room 2" in w for w in found)


def test_actions_owner_tags_initials_and_numbered_labels(nlp):
    found = {a.what: (a.owner, a.due) for a in _actions(nlp, (
        "Actions arising\n"
        "Action Point 3: Public Health to review the data (Owner: Ian Ford, Due: 12 June 2025)\n"
        "AP4 - Officers to update the risk register\n\n"
        "Actions:\n1. Circulate minutes (GW) – ongoing\n"
        "2. Update on waiting times to come to next meeting – TR\n"
        "3. Priya Shah (SW) - initiate PLO meeting - by 24/02/2026.\n"))}
    assert found == {
        "review the data": ("Ian Ford", "2025-06-12"),
        "update the risk register": ("Officers", None),
        "Circulate minutes": ("GW", None),
        "Update on waiting times to come to next meeting": ("TR", None),
        "initiate PLO meeting": ("Priya Shah (SW)", "2026-02-24"),
    }


def test_actions_progress_note_after_a_dash_is_not_part_of_the_task(nlp):
    found = {a.what: a.owner for a in _actions(nlp, (
        "4. Action points from previous meeting\n"
        "Councillor Radley to put forward a paper re councillors to sit on the LCP as members – Please see report from "
        "Councillor Radley: following the agenda item at the last meeting it was agreed that it would be logical for up to "
        "three parish or town councils to have the opportunity for representation on the partnership, primarily to offer "
        "support towards youth service provision but also to provide a wider insight for each of the local areas.\n"))}
    assert found == {"put forward a paper re councillors to sit on the LCP as members": "Councillor Radley"}


def test_actions_core_group_owner_and_passive_tasks_with_an_agent(nlp):
    found = {a.what: (a.owner, a.due) for a in _actions(nlp, (
        "Outline Child Protection Plan\nCore group to meet within 10 working days (by 26/05/2025).\n"
        "Referral to CAMHS to be made by GP.\n"
        "A Child and Family Assessment to be completed by the Social Worker by 30/06/2025.\n"
        "The plan will be reviewed by 12/08/2025.\n"))}
    assert found == {
        "meet within 10 working days": ("Core group", "2025-05-26"),
        "Referral to CAMHS": ("GP", None),
        "A Child and Family Assessment": ("the Social Worker", "2025-06-30"),
    }


def test_actions_a_decision_sheet_action_by_line_owns_the_resolution_before_it(nlp):
    text = ("5. Petitions\n\nDECISION\n"
            "1. That the petition be received and noted.\n"
            "2. That any outstanding issues raised by the petition be referred to the appropriate Corporate Director "
            "for a response in writing within 28 days, in accordance with the Council's Constitution.\n"
            "Action by: CORPORATE DIRECTOR CHILDREN'S SERVICES (A. NOBLE)\n\n"
            "6. Budget\n\nDECISION\n1. That the report be noted.\n")
    got = _by_what(_actions(nlp, text))
    what = ("any outstanding issues raised by the petition be referred to the appropriate Corporate Director "
            "for a response in writing within 28 days")
    assert set(got) == {what}
    assert got[what].owner == "CORPORATE DIRECTOR CHILDREN'S SERVICES (A. NOBLE)"


def test_actions_labelled_fields_in_any_order_on_one_line(nlp):
    text = ("Outline plan\n"
            "1. What: Weekly home visits to check food and home conditions  Who: Marcus Dyer  By when: weekly\n"
            "2. What: Referral to the Speech and Language Therapy service  Who: Aisha Rahman  By when: 20/05/2025\n"
            "Who: Mr Beattie / What: complete the assessment / By when: 29/05/2025\n")
    got = _by_what(_actions(nlp, text))
    assert set(got) == {"Weekly home visits to check food and home conditions",
                        "Referral to the Speech and Language Therapy service", "complete the assessment"}
    assert got["Referral to the Speech and Language Therapy service"].owner == "Aisha Rahman"
    assert got["Referral to the Speech and Language Therapy service"].due == "2025-05-20"
    assert got["complete the assessment"].owner == "Mr Beattie"


def test_actions_recommendations_owned_by_initials_the_record_defines(nlp):
    text = ("Present\nJodie Barnes (JB) - Social Worker\nSunita Rao (SR) - School Nurse\n\nRecommendations\n"
            "1. Inform CSC of the trial outcome (JB)\n2. Follow-up health check in school by 31.01.2025 (SR)\n"
            "3. Consider the wider picture (XY)\n")
    got = _by_what(_actions(nlp, text))
    assert set(got) == {"Inform CSC of the trial outcome", "Follow-up health check in school"}
    assert got["Follow-up health check in school"].owner == "SR"
    assert got["Follow-up health check in school"].due == "2025-01-31"


def test_actions_task_owner_timescale_bullets(nlp):
    text = ("OUTLINE PLAN\n• Move to settled accommodation – Gary Nwosu – 31st July 2025\n"
            "• Legal planning meeting – Team Manager – 24th June 2025\n"
            "• Fortnightly drug testing – Carl Bright – ongoing\n")
    got = _by_what(_actions(nlp, text))
    assert {w: (a.owner, a.due) for w, a in got.items()} == {
        "Move to settled accommodation": ("Gary Nwosu", "2025-07-31"),
        "Legal planning meeting": ("Team Manager", "2025-06-24"),
        "Fortnightly drug testing": ("Carl Bright", None)}


def test_actions_terse_bullets_with_the_owner_in_brackets_or_after_a_dash(nlp):
    text = ("actions\n• unannounced home visit (SW Aaron) – by 13/06/2025\n"
            "• beds + bedding for both kids from the local welfare fund – by w/c 16th June 2025 (SW)\n"
            "• (HV) catch up immunisations + 2 yr review for Tommy – by 20.6.25\n"
            "• – asap: share non-mol order + flag with Kestrelby SW (PC Sandhu)\n"
            "• send full file + chronology to kestrelby (Kirsty Hale, Dunmere) – by 17/6/25\n"
            "• safety plan re Liam incl. what to do if he turns up – mum + SW + PC Sandhu\n"
            "• review the plan (if needed)\n")
    got = {w: (a.owner, a.due) for w, a in _by_what(_actions(nlp, text)).items()}
    assert got["unannounced home visit"] == ("SW Aaron", "2025-06-13")
    assert got["beds + bedding for both kids from the local welfare fund"] == ("SW", "2025-06-16")
    assert got["catch up immunisations + 2 yr review for Tommy"] == ("HV", "2025-06-20")
    assert got["share non-mol order + flag with Kestrelby SW"] == ("PC Sandhu", None)
    assert got["send full file + chronology to kestrelby"] == ("Kirsty Hale, Dunmere", "2025-06-17")
    assert got["safety plan re Liam incl. what to do if he turns up"] == ("mum + SW + PC Sandhu", None)
    assert not any("if needed" in (owner or "") for owner, _ in got.values())


def test_actions_task_then_lead_and_by_labels_and_two_tasks_in_one_line(nlp):
    text = ("Outline child protection plan\n"
            "1. Complete an updated pre-birth assessment of both parents. Lead: Natasha Greenwood. By: 04/07/2025.\n"
            "2. Continue the preparing-for-baby sessions. Lead: Gemma Ward. By: weekly until the birth.\n\n"
            "What happens next\n- Joanne will keep a log of anything Reggie says or does that worries nursery, "
            "and Owen will refer Reggie to the play therapy service by 31 July 2025.\n"
            "- Lorraine will rebook Reggie's hearing test.\n")
    got = {w: (a.owner, a.due) for w, a in _by_what(_actions(nlp, text)).items()}
    assert got == {
        "Complete an updated pre-birth assessment of both parents": ("Natasha Greenwood", "2025-07-04"),
        "Continue the preparing-for-baby sessions": ("Gemma Ward", None),
        "keep a log of anything Reggie says or does that worries nursery": ("Joanne", None),
        "refer Reggie to the play therapy service": ("Owen", "2025-07-31"),
        "rebook Reggie's hearing test": ("Lorraine", None)}


def test_actions_a_review_table_leaves_out_tasks_marked_done(nlp):
    actions = _actions(nlp, (
        "Core group meeting\nDate: 20/06/2025\n\nReview of actions\n"
        "No. | Action | Owner | Due | Status\n"
        "1 | Return home interview after each missing episode | AS | within 72 hrs | Ongoing - RHI for 07.06 done\n"
        "2 | Referral to CAMHS for Tyler | SW | 30.05.2025 | Done\n"
        "3 | Safety plan re: Tyler's phone to be agreed with family | SM | 06.06.2025 | Not done - carried forward\n"
        "4 | NRM referral for Tyler | SM | 30.05.2025 | Completed 28.05\n"))
    assert [a.what for a in actions] == [
        "Return home interview after each missing episode", "Safety plan re: Tyler's phone to be agreed with family"]

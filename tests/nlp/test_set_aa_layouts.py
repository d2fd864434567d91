"""Layouts of set AA's dev documents (made-up people; end to end on text files): forms with tick
boxes, tables drawn with box characters."""
from __future__ import annotations

from minutes.ingest.text import parse_text

from .records_of import people_of, record_of

FORM = ("FORM CP2: INITIAL CHILD PROTECTION CONFERENCE\nConference date: Thursday 15 October 2026\n\n"
        "SECTION A - PARTICIPANTS                                          Attended  Apologies  Report\n"
        "Ms Yvonne Castle - IRO (Chair) - Kestwold Quality Assurance Service    ☒         ☐         ☐\n"
        "Mr Callum Reeve - Social Worker - Kestwold Children's Services         ☒         ☐         ☒\n"
        "Mr Ian Strudwick - CPN - Kestwold Community Mental Health Team          ☐         ☒         ☒\n"
        "Mr Ron Tait - Housing Officer - Kestwold Homes                          ☐         ☐         ☐\n\n"
        "Risk factors identified (tick all that apply):\n"
        "☒ Domestic abuse          ☐ Parental substance misuse   ☐ Parental alcohol misuse\n"
        "☐ Criminal exploitation   ☒ Missing from home           ☐ Self-harm\n\n"
        "SECTION E - OUTLINE PLAN\n"
        "┌────┬──────────────────────────────────────┬──────────────┬────────────┐\n"
        "│ No │ Action                               │ Lead         │ By         │\n"
        "├────┼──────────────────────────────────────┼──────────────┼────────────┤\n"
        "│ 1  │ Complete a child and family          │ Callum Reeve │ 20/11/2026 │\n"
        "│    │ assessment for all three children    │              │            │\n"
        "│ 2  │ Review Mrs Cole's medication         │ Ian Strudwick│ 30/10/2026 │\n"
        "└────┴──────────────────────────────────────┴──────────────┴────────────┘\n")


def test_set_aa_a_participants_table_of_tick_boxes_gives_each_person_the_ticked_status(tmp_path):
    people = people_of(record_of(tmp_path, FORM))
    assert people["Ms Yvonne Castle"]["status"] == "present"
    assert people["Mr Callum Reeve"]["status"] == "present"          # attended and sent a report
    assert people["Mr Ian Strudwick"]["status"] == "apologies"
    assert people["Mr Callum Reeve"]["role"] == "Social Worker"
    assert people["Mr Ron Tait"]["attendance"] == "absent"           # no box ticked: not there


def test_set_aa_only_ticked_risk_factors_count(tmp_path):
    risks = record_of(tmp_path, FORM)["risk_factors"]
    assert "Domestic abuse" in risks and "Missing from home" in risks
    assert "Criminal exploitation" not in risks and "Parental substance misuse" not in risks


def test_set_aa_a_table_drawn_with_box_characters_is_read_with_its_wrapped_cells(tmp_path):
    tables = [b for b in parse_text(FORM) if b.kind == "table"]
    plan = tables[-1]
    assert plan.rows[0] == ("No", "Action", "Lead", "By")
    assert plan.rows[1] == ("1", "Complete a child and family assessment for all three children", "Callum Reeve", "20/11/2026")
    tasks = {a["what"]: (a["owner"], a["due"]) for a in record_of(tmp_path, FORM)["actions"]}
    assert tasks["Complete a child and family assessment for all three children"] == ("Callum Reeve", "2026-11-20")
    assert tasks["Review Mrs Cole's medication"] == ("Ian Strudwick", "2026-10-30")


OWNER_BLOCKS = ("CORE GROUP MEETING (CGM 3)\nCPP category: Neglect (ICPC 09/09/2026)\n"
                "Date / venue: Weds 18/11/2026, 1pm, Family Hub\nChair / notes: Carys Mayhew (SW)\n\n"
                "PRESENT\nLeanne Draycott (Mum); Dale Fenner (FSW, Early Help)\n\n"
                "SAFETY SCALE (0 = children will be harmed, 10 = children are safe)\nLeanne 9, Carys 7, Dale 8.\n\n"
                "WHO WILL DO WHAT\n\nCarys (SW)\n"
                "  > Visit before the RCPC, including one unannounced visit - by 01/12/2026\n"
                "  > Draft a CIN plan for the RCPC to consider - by Friday\n\nLeanne\n"
                "  > Self-refer to Talking Therapies - by 27/11/2026\n"
                "  > Take Bella to the SALT appointment - 04/12/2026\n\nDale (FSW)\n"
                "  > Continue weekly visits until the RCPC - weekly\n")


def test_set_aa_owner_lines_over_task_bullets_own_them_and_open_no_task(tmp_path):
    record = record_of(tmp_path, OWNER_BLOCKS)
    tasks = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert tasks == {
        "Visit before the RCPC, including one unannounced visit": ("Carys (SW)", "2026-12-01"),
        "Draft a CIN plan for the RCPC to consider": ("Carys (SW)", "2026-11-20"),
        "Self-refer to Talking Therapies": ("Leanne", "2026-11-27"),
        "Take Bella to the SALT appointment": ("Leanne", "2026-12-04"),
        "Continue weekly visits until the RCPC": ("Dale (FSW)", None)}


def test_set_aa_date_and_venue_label_a_chair_and_notes_line_and_no_person_from_a_scaling_score(tmp_path):
    record = record_of(tmp_path, OWNER_BLOCKS)
    assert record["meeting"]["date"] == "2026-11-18"                  # not the ICPC date on the line above
    people = people_of(record)
    assert people["Carys Mayhew"]["status"] == "present"
    assert not any(any(c.isdigit() for c in name) for name in people)


def test_set_aa_town_council_front_matter_initials_names_a_label_column_and_also_present(tmp_path):
    record = record_of(tmp_path, "Minutes of the Town Council Meeting 27th April 2021\n"
                                 "Present                                        The Mayor, Cllr. D. Hobson (DH) (in the chair).\n"
                                 "Councillors:  Mrs. E. Ballard (EB), J. Garrett (JG), D.J.E. Hall (DJEH), G.E. Horton (GEH).\n"
                                 "The Town Clerk, Mrs. L.M. Phillips, the Town Clerk’s Assistant, Mrs. M.C. Vincent and a "
                                 "member of the public were also present.\n"
                                 "336.         Apologies for Absence\nCllr. HF and Cllr. Mrs. JMS may be late.\n")
    people = people_of(record)
    assert people["Cllr. D. Hobson"]["status"] == "present"
    assert {"J. Garrett", "D.J.E. Hall", "G.E. Horton"} <= set(people)
    assert people["G.E. Horton"]["role"] != "GEH" and people["J. Garrett"]["role"] is None
    assert people["Mrs. L.M. Phillips"]["status"] == people["Mrs. M.C. Vincent"]["status"] == "in attendance"
    assert not any(name.endswith(("HF", "JMS")) for name in people)   # initials of people listed in full


def test_set_aa_a_column_of_names_with_two_bracketed_councils_is_read_line_by_line(tmp_path):
    record = record_of(tmp_path, "Minutes of the Full Council Meeting held on 18 February 2020\n"
                                 "Cllr P Barrett\nCllr M Farmer\nMrs V Hicks\nCllr S Bromiley (South Gloucs Council)\n"
                                 "Ms K Spindler (South Gloucs Council)\nCllr B West\nCllr Pope in the Chair\n\n"
                                 "The Chairman outlined the procedure in the event of an emergency.\n")
    people = people_of(record)
    assert {"Cllr P Barrett", "Cllr M Farmer", "Mrs V Hicks", "Cllr S Bromiley", "Ms K Spindler", "Cllr B West"} <= set(people)


def test_set_aa_a_scanned_record_zero_read_as_o_words_broken_at_line_ends_and_a_helper_aside(tmp_path):
    record = record_of(tmp_path, "Initial Child Protection Conference\nDate: 21/04/2026\n\n"
                                 "A referral was made by Little Wrens Day Nursery on O7/04/2026\n"
                                 "after Kayden arrived hungry.\n\n8. CHILD PROTECTION PLAN\n"
                                 "8.4 Mr Fashola to give the SW an update on Mr Daintry's engage-\n"
                                 "ment - before the first core group.\n"
                                 "8.5 Miss Fell, with support from Ms Ruston, to clear the bedroom\n"
                                 "and kitchen so the home is safe for Kayden - within 4 weeks.\n")
    assert "2026-04-07" in record["dates"]
    tasks = {a["what"]: a["owner"] for a in record["actions"]}
    assert next(o for w, o in tasks.items() if w.startswith("give the SW an update on Mr Daintry's engagement")) == "Mr Fashola"
    assert tasks["clear the bedroom and kitchen so the home is safe for Kayden"] == "Miss Fell"


def test_set_aa_a_long_minutes_approval_cut_by_the_sentence_splitter_is_one_decision(tmp_path):
    record = record_of(tmp_path, "Minutes of the meeting\n\n22. MINUTES\nThe minutes of the meeting of North East Lincolnshire "
                                 "Council held on 16th March 2023, the Mayor Making Meeting of North East Lincolnshire Council held "
                                 "on 18th May 2023, the Annual Meeting of North East Lincolnshire Council held on 25th May 2023 and "
                                 "the special meeting of North East Lincolnshire Council held on 25th May 2023 were approved as a "
                                 "correct record.\n")
    assert len(record["decisions"]) == 1
    assert record["decisions"][0].startswith("The minutes of the meeting of North East Lincolnshire Council held on 16th")
    assert record["decisions"][0].endswith("were approved as a correct record.")

"""Attendance layouts as PDF and web copies of minutes leave them (end to end, real text files)."""
from __future__ import annotations

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read


def _people(tmp_path, text):
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    return {a["name"]: a for a in result["attendees"]}, result


def test_layouts_register_lines_with_no_separator(tmp_path):
    people, result = _people(tmp_path, "Board Members\nName Organisation Attendance\nAnne Brightwell Police Y\n"
                                       "Tom Cranfield NHS Trust A\nBeth Warder Children’s Services Y\n")
    assert set(people) == {"Anne Brightwell", "Tom Cranfield", "Beth Warder"}
    assert people["Anne Brightwell"]["agency"] == "Police"
    assert "Children's Social Care" in result["agencies"]


def test_layouts_role_written_straight_after_the_name(tmp_path):
    people, _ = _people(tmp_path, "In Attendance\nJenny Holtby Designated Nurse\nPaul Rickman Head of Early Help\n")
    assert {n: p["status"] for n, p in people.items()} == {"Jenny Holtby": "in attendance", "Paul Rickman": "in attendance"}


def test_layouts_voting_and_non_voting_members(tmp_path):
    people, _ = _people(tmp_path, "Voting Members: Cllr A Laneham, Cllr B Mossley\nNon-voting: Mrs C Rayner (Diocese)\n")
    assert set(people) == {"Cllr A Laneham", "Cllr B Mossley", "Mrs C Rayner"}


def test_layouts_place_names_in_a_list_are_not_people(tmp_path):
    people, _ = _people(tmp_path, "Present:\n(CA) Claire Anderley, GP, North Yorkshire Local Medical Committee\n"
                                  "Wear Valley Housing Trust\n")
    assert set(people) == {"Claire Anderley"}


def test_layouts_names_run_together_in_a_flattened_table_cell(tmp_path):
    people, _ = _people(tmp_path, "DRAFT MINUTES OF THE EASTSHIRE SAFEGUARDING BOARD 19th March 2025 Room 4, The Avenue 2pm – 4.30pm "
                                  "Attended: Member Stephen Barwick Karen Reever Anderson Connolly Cllr Jan Gavinson Penny Coopersmith "
                                  "Role Independent Chair Head of Children’s Services Initial SB KR AC JG PC\n")
    assert set(people) == {"Stephen Barwick", "Karen Reever", "Anderson Connolly", "Cllr Jan Gavinson", "Penny Coopersmith"}


def test_layouts_label_then_capitals_with_no_colon(tmp_path):
    people, _ = _people(tmp_path, "Present C BAKER-LONGMAN, R BACKHURST, DR JOHNSTONE\nIn Attendance S DOHERTON\n\n"
                                  "1 Apologies were noted.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "C BAKER-LONGMAN": "present", "R BACKHURST": "present", "DR JOHNSTONE": "present", "S DOHERTON": "in attendance"}


def test_layouts_presenters_and_substitutes_in_the_narrative(tmp_path):
    people, _ = _people(tmp_path, "Apologies for absence were received from Councillor Frasier, Councillor Wynne and Mr Wilkes\n\n"
                                  "Councillor Barnsley substituted for Councillor Frasier and Councillor Hunter substituted for "
                                  "Councillor Wynne\n\nDisclosable Pecuniary Interests\n\nNone.\n\n"
                                  "Item 5 Domestic Abuse strategy: presented by Chris McLaughlan\n\nThe Board noted Councillor Hunter’s points.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Frasier": "apologies", "Councillor Wynne": "apologies", "Mr Wilkes": "apologies",
        "Councillor Barnsley": "present", "Councillor Hunter": "present", "Chris McLaughlan": "mentioned"}


def test_layouts_bracketed_names_run_together_in_a_labelled_list(tmp_path):
    people, result = _people(tmp_path, "Present: Derek Mayfield (RB Kensington) Alison Jeffers (Met Police) "
                                       "Hannah Millard (Croydon LSCB) Safron Rosewood (NSPCC)\n")
    assert set(people) == {"Derek Mayfield", "Alison Jeffers", "Hannah Millard", "Safron Rosewood"}


def test_layouts_abbreviations_match_only_as_written(tmp_path):
    people, result = _people(tmp_path, "Present:\nKerry Dunmore - FSW team\nJo Brentwood - fsw team\n")
    assert people["Kerry Dunmore"]["agency"] == "Children's Social Care"
    assert people["Jo Brentwood"]["agency"] is None


def test_layouts_substitutes_in_brackets_inside_the_apologies_sentence(tmp_path):
    people, _ = _people(tmp_path, "Apologies for Absence\n\nApologies for absence had been received from Councillors Jon Bianchi, "
                                  "Douglas Millward (Councillor John Riley was present as his substitute) and Ray Pudsey, and "
                                  "Ms Robyn Doranne (Mr Graeme Caulfield was present as her substitute).\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Jon Bianchi": "apologies", "Councillor Douglas Millward": "apologies", "Councillor Ray Pudsey": "apologies",
        "Ms Robyn Doranne": "apologies", "Councillor John Riley": "present", "Mr Graeme Caulfield": "present"}


def test_layouts_people_who_attended_for_an_item(tmp_path):
    people, _ = _people(tmp_path, "Minutes of the LSCB meeting held 24th January 2018\n\n"
                                  "Jane Mathiesen, Consultant, Public Health, attended for Item 5\n\n"
                                  "1. Apologies\n\nThe Chair noted this was the last meeting attended by Tina Benjamins.\n\n"
                                  "2. Hospital update\n\nThe Chairman asked Mr Tahir Ahmadi to provide the verbal update.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Jane Mathiesen": "mentioned", "Tina Benjamins": "mentioned", "Mr Tahir Ahmadi": "mentioned"}


def test_layouts_representatives_invited_for_an_item_with_police_ranks(tmp_path):
    people, result = _people(tmp_path, (
        "Item 5 Child sexual exploitation\n\n"
        "The Cabinet Member for Children and Young People has been invited to the meeting for the consideration of this item "
        "along with the following representatives:\n\n"
        "Chief Superintendent Claire Bellamy, West Midlands Police\n\n"
        "Ch Supt Caroline Balls, Greater Manchester Police\n"))
    assert {n: p["status"] for n, p in people.items()} == {"Claire Bellamy": "in attendance", "Caroline Balls": "in attendance"}
    assert "Police" in result["agencies"]


def test_layouts_people_in_the_narrative_of_committee_minutes(tmp_path):
    people, _ = _people(tmp_path, (
        "Present: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
        "1. Apologies\n\nAn apology for absence was submitted from Councillor Shahid Younes.\n\n"
        "2. Membership\n\nAndrew Wolverton attended in place of Emma Benedict, Director of Children’s Services.\n\n"
        "3. Ofsted\n\nMs Vicky Genter, Director of Children’s Services, provided a verbal update on the inspection.\n\n"
        "Following a question from Councillor Jerry Roadhouse, the Director agreed to circulate a briefing note.\n\n"
        "It was noted that neither Ms Sarah Tedd nor her named substitute, Professor Elisabeth Paine, were in attendance. "
        "In their absence, the Chairman thanked members.\n\n"
        "4. Standards\n\nAn amendment to the Annual Standards Report – Primary Schools, was agreed.\n"))
    status = {n: p["status"] for n, p in people.items()}
    assert status["Councillor Shahid Younes"] == "apologies"
    assert status["Andrew Wolverton"] == "present" and status["Emma Benedict"] == "apologies"
    assert status["Ms Vicky Genter"] == "mentioned" and status["Councillor Jerry Roadhouse"] == "mentioned"
    assert not any("Paine" in n or "School" in n for n in status)


def test_layouts_children_in_a_post_is_not_the_role_child(tmp_path):
    people, _ = _people(tmp_path, "In attendance: Angela Pryce (Designated Nurse for Safeguarding Children, Eastshire ICB), "
                                  "Jo Marsh (Head of Services for Children with Disabilities), Jade Wills (young person)\n")
    assert people["Angela Pryce"]["role"] == "Designated Nurse"
    assert people["Jo Marsh"]["role"] != "Child"
    assert people["Jade Wills"]["role"] == "Young Person"


def test_layouts_attendance_written_as_sentences(tmp_path):
    people, _ = _people(tmp_path, (
        "1. Attendance\n"
        "The conference was chaired by Ms Geraldine Foyle, Independent Chair. Also present were Ms Chantal Hales, mother; "
        "Mrs Helen Dobbins, Health Visitor; and Mr Neil Forbes, Housing Options Officer. The minutes were taken by "
        "Ms Rita Coombs. Apologies were received from Ms Jo Keen, Family Support Worker.\n\n"
        "2. Discussion\n\nMr Forbes's report was noted.\n"))
    status = {n: p["status"] for n, p in people.items()}
    assert status == {"Ms Geraldine Foyle": "present", "Ms Chantal Hales": "present", "Mrs Helen Dobbins": "present",
                      "Mr Neil Forbes": "present", "Ms Rita Coombs": "present", "Ms Jo Keen": "apologies"}
    assert people["Ms Rita Coombs"]["role"] == "Minute Taker"


def test_layouts_chairs_shorthand_in_room_list(tmp_path):
    people, _ = _people(tmp_path, "ICPC - Tue 7/7/26 - 1pm\n\nIN ROOM\n- me (Janet Nolen, CP Chair)\n- HV Gemma Stotts\n"
                                  "- DSL Mr Husain, Westmere Academy\n- CAMHS - Dr Ola Bellow\n\nAPOLS: GP (Dr Khanum) - rpt in\n")
    status = {n: p["status"] for n, p in people.items()}
    assert {"Janet Nolen", "Gemma Stotts", "Mr Husain", "Dr Ola Bellow"} <= {n for n, s in status.items() if s == "present"}
    assert people["Gemma Stotts"]["role"] == "Health Visitor"


def test_layouts_post_after_a_name_in_the_narrative_gives_role_and_agency(tmp_path):
    people, result = _people(tmp_path, "Present: Councillor Ashdown (Chair), Councillor Mebury\n\n"
                                       "4. Ofsted update\n\nThe Chairman welcomed Rhona Silcott, Interim Director: Children & Families, "
                                       "and Jem Farrowby, Assistant Director - Education, to the meeting.\n\n"
                                       "Tariq Hollings (Detective Inspector, Police) explained the joint working arrangements.\n")
    assert people["Rhona Silcott"]["status"] == "mentioned"
    assert people["Rhona Silcott"]["agency"] == "Children's Social Care"
    assert people["Jem Farrowby"]["agency"] == "Education"
    assert people["Tariq Hollings"]["agency"] == "Police"
    assert {"Children's Social Care", "Education", "Police"} <= set(result["agencies"])
    assert people["Councillor Ashdown"]["agency"] is None


def test_layouts_apologies_written_as_sentences(tmp_path):
    people, _ = _people(tmp_path, "Present: Councillor Ashdown (Chair), Councillor Mebury\n\nApologies for absence:\n\n"
                                  "were submitted on behalf of Councillor J Sharrow and Councillor B Thomley\n\n"
                                  "Declarations of interest:\n\nNone.\n\n3. Updates\n\nNigel Chapley (Operational Director) advised "
                                  "that he was attending in place of Gail Tollerton (Strategic Director), who had submitted apologies.\n")
    status = {n: p["status"] for n, p in people.items()}
    assert status["Councillor J Sharrow"] == status["Councillor B Thomley"] == "apologies"
    assert status["Gail Tollerton"] == "apologies"
    assert status["Councillor Mebury"] == "present"


def test_layouts_dash_list_with_collar_number_and_school_name(tmp_path):
    people, result = _people(tmp_path, "INITIAL CHILD PROTECTION CONFERENCE\nHeld via Microsoft Teams on 21/01/2026 at 2pm\n\n"
                                       "Child: Ava Mossley, DOB 11/06/2021\n\nIn attendance:\nHelen Marsham – Independent Chair\n"
                                       "Gemma Lowery – Class Teacher, St Anne's Primary School\nPC 4471 Dan Hughson – Westford Police\n\n"
                                       "Decision\nAva Mossley should be made the subject of a Child Protection Plan under the category of Neglect.\n")
    assert set(people) == {"Helen Marsham", "Gemma Lowery", "PC 4471 Dan Hughson"}
    assert people["PC 4471 Dan Hughson"]["agency"] == "Police"
    conference = result["conferences"][0]
    assert conference["chair"] == "Helen Marsham"
    assert [c["name"] for c in conference["children"]] == ["Ava Mossley"]
    assert "Police" in conference["agencies_present"]


def test_layouts_transcript_speaker_who_opens_with_their_name_and_agency(tmp_path):
    path = tmp_path / "conference.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:09.000\n<v Helen Marsham>Good morning, I'm Helen Marsham, the independent chair. "
                    "This is an initial child protection conference, today is the 21st of January 2026.\n\n"
                    "00:00:16.000 --> 00:00:22.000\n<v Dan Hughson>PC Dan Hughson, Westford Police. There have been three incidents.\n\n"
                    "00:00:31.000 --> 00:00:40.000\n<v Helen Marsham>Priya, can you arrange the first core group by the 4th of February?\n",
                    encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    people = {a["name"]: a for a in result["attendees"]}
    assert people["Dan Hughson"]["agency"] == "Police"
    assert result["conferences"][0]["chair"] == "Helen Marsham"
    assert [(a["owner"], a["what"], a["due"]) for a in result["actions"]] == [("Priya", "arrange the first core group", "2026-02-04")]
    assert result["meeting"]["title"] is None


def test_layouts_members_label_with_a_dash(tmp_path):
    people, _ = _people(tmp_path, "Children and School Results Commission\n\nWednesday, 4 October 2006\n\n"
                                  "Commission members – Cllrs Melody Swann (Commissioner), Wendy Arnell, Gill Kennetty\n\n"
                                  "Apologies – Cllrs George Camberon\n\nCabinet Secretary –  Cllr David Pughson\n\n"
                                  "1. Notes of previous meeting\n\nThe notes were agreed.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Melody Swann": "present", "Councillor Wendy Arnell": "present", "Councillor Gill Kennetty": "present",
        "Councillor George Camberon": "apologies", "Cllr David Pughson": "present"}
    assert people["Cllr David Pughson"]["role"] == "Cabinet Member"


def test_layouts_titled_names_run_together_on_one_line(tmp_path):
    people, _ = _people(tmp_path, "Children's Services Committee\n\nPresent: Mr J Joyce (Chair) Mrs J Brocklow-Coulton "
                                  "Councillor Mrs Angela Barkwell Mr P Gilmoor Ms D Gihara Mr A Whiteley\n"
                                  "Church Representatives Mrs H Batesford\n")
    assert set(people) == {"Mr J Joyce", "Mrs J Brocklow-Coulton", "Councillor Mrs Angela Barkwell", "Mr P Gilmoor",
                           "Ms D Gihara", "Mr A Whiteley", "Mrs H Batesford"}
    assert people["Ms D Gihara"]["role"] is None
    assert people["Mr J Joyce"]["role"] == "Chair"


def test_layouts_plural_title_in_an_apologies_sentence_and_substitutes(tmp_path):
    people, _ = _people(tmp_path, "Minutes: Apologies for absence were received from Cllrs R Baillie, S Bennett-Wakeley "
                                  "and N Cookson. Cllrs L Wardlow, A Burtonshaw and M Goldsby attended as substitutes.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor R Baillie": "apologies", "Councillor S Bennett-Wakeley": "apologies", "Councillor N Cookson": "apologies",
        "Councillor L Wardlow": "present", "Councillor A Burtonshaw": "present", "Councillor M Goldsby": "present"}


def test_layouts_letter_spaced_present_label(tmp_path):
    people, result = _people(tmp_path, "MINUTES of the Meeting of the Safeguarding Committee held on Monday 10 November 2014.\n\n"
                                       "P R E S E N T:-\n\nMiss R Ellamby, Mrs M Harveston, Mrs D Lewisham\n\n"
                                       "49 APOLOGIES FOR ABSENCE\n\nAn apology for absence was received from Mr M Alterskine.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Miss R Ellamby": "present", "Mrs M Harveston": "present", "Mrs D Lewisham": "present", "Mr M Alterskine": "apologies"}
    assert result["meeting"]["title"] != "P R E S E N T:-"


def test_layouts_tab_separated_plan_children_with_ages_and_decision_lines(tmp_path):
    _, result = _people(tmp_path, "Transfer-in Child Protection Conference\nHeld on 4th December 2026\n\n"
                                  "Children: Leo Marston (age 6), Ava Marston (aged 2)\n\n"
                                  "Decision\nLeo: subject to a Child Protection Plan, category emotional abuse.\n"
                                  "Ava: subject to a Child Protection Plan, category emotional abuse.\n\n"
                                  "Outline Child Protection Plan\nOutcome\tAction\tWho\tBy when\n"
                                  "Parents stop arguing\tComplete a domestic abuse risk assessment\tFaye Itoh\t18/12/2026\n"
                                  "Father reduces drinking\tAttend the recovery service weekly\tKyle Marston\tongoing\n")
    conference = result["conferences"][0]
    assert [(c["name"], c["decision"]) for c in conference["children"]] == [("Leo Marston", "plan made"), ("Ava Marston", "plan made")]
    assert conference["outcome"] == "plan made"
    assert [(a["what"], a["owner"], a["due"]) for a in result["actions"]] == [
        ("Complete a domestic abuse risk assessment", "Faye Itoh", "2026-12-18"),
        ("Attend the recovery service weekly", "Kyle Marston", None)]


def test_layouts_terse_review_notes_in_lower_case(tmp_path):
    people, result = _people(tmp_path, "RCPC - Jayden Colby (5) and Mia Colby (3)\ndate 20.11.26   chair: Priya Nandrath IRO\n\n"
                                       "present: mum (Stacey Colby), Rob Finnick sw, Amy Lautner hv, Ms K Dyerson nursery manager, "
                                       "PC 4412 Owen Pikeman\napols: Dr Singhal GP - report recieved, camhs - no one available\n\n"
                                       "Decision - both children to remain on CP plans under neglect. Next RCPC in 6 months - 20/05/2027.\n\n"
                                       "Plan / actions\n* Core group - 4/12/26\n")
    assert {n: (p["role"], p["status"]) for n, p in people.items()} == {
        "Priya Nandrath": ("Chair", "present"), "Stacey Colby": ("Mother", "present"),
        "Rob Finnick": ("Social Worker", "present"), "Amy Lautner": ("Health Visitor", "present"),
        "Ms K Dyerson": ("Nursery Worker", "present"), "PC 4412 Owen Pikeman": ("Police Officer", "present"),
        "Dr Singhal": ("GP", "apologies")}
    conference = result["conferences"][0]
    assert (conference["chair"], conference["review_date"], conference["core_group_date"]) == ("Priya Nandrath", "2027-05-20", "2026-12-04")


def test_layouts_people_named_by_a_request_and_a_relative_clause(tmp_path):
    people, _ = _people(tmp_path, "Minutes:\nThe Senior Partnership Officer presented the work programme.\n"
                                  "A request was made by Irene Lavellan, Virtual School Head that some amendments be made.\n"
                                  "Councillor Joan Ashworth, who is a member of the Panel, commented that the work had gone well.\n")
    assert {n: p["status"] for n, p in people.items()} == {"Irene Lavellan": "mentioned", "Councillor Joan Ashworth": "mentioned"}
    assert people["Irene Lavellan"]["role"] == "Virtual School Head"


def test_layouts_decision_page_dates_the_meeting_not_the_publication(tmp_path):
    _, result = _people(tmp_path, "Decisions:\n\n17.4 Resolved - That the revised terms of reference be endorsed.\n\n"
                                  "Publication date: 07/10/2021\n\nDate of decision: 24/09/2021\n\n"
                                  "Decided at meeting: 24/09/2021 - Governance Committee\n")
    assert result["meeting"]["date"] == "2021-09-24"


def test_layouts_substitutes_in_brackets_are_people_not_roles(tmp_path):
    people, result = _people(tmp_path, "1. Apologies for Absence\n\nMinutes:\n\nApologies for absence were received from Mr D Blackwood "
                                  "(Ms H Hornby attended as substitute), Mr A Cummingham (Mr D Walkden, Medical Director attended "
                                  "in his absence), Mr I Johnston and Ms B Reillyson, NHS England.\n")
    assert {n: (p["role"], p["status"]) for n, p in people.items()} == {
        "Mr D Blackwood": (None, "apologies"), "Mr A Cummingham": (None, "apologies"), "Mr I Johnston": (None, "apologies"),
        "Ms B Reillyson": (None, "apologies"), "Ms H Hornby": (None, "present"), "Mr D Walkden": (None, "present")}
    assert "Health" in result["agencies"]     # "NHS England" is an agency now, no longer kept as her role text


def test_layouts_elected_chair_and_a_post_with_its_abbreviation(tmp_path):
    people, _ = _people(tmp_path, "Health & Wellbeing Board - Tuesday 14 May 2019\n\nElection of Chairperson\n\n"
                                  "Cllr Roger Wilsden was elected Chairperson for the council year 2018/2019.\n\n"
                                  "25.2 Sarah Scottley, Director of Public Health (DPH), stated that it did not bode well.\n")
    assert {n: p["status"] for n, p in people.items()} == {"Cllr Roger Wilsden": "mentioned", "Sarah Scottley": "mentioned"}
    assert people["Sarah Scottley"]["role"] == "Director of Public Health"


def test_layouts_agencies_that_gave_information_in_the_narrative(tmp_path):
    _, result = _people(tmp_path, "Local Safeguarding Children Board\n\nPresent: Jane Rossiter (Police)\n\n6. Youth Offending\n"
                                  "The Fire and Rescue Service shared data on home safety visits.\n")
    assert "Fire and Rescue" in result["agencies"]


def test_layouts_a_boards_independent_chair_is_no_reviewing_officer(tmp_path):
    people, result = _people(tmp_path, "Local Safeguarding Children Board\nMinutes of the meeting held on 15 May 2017\n\n"
                                       "Present: Jane Rossiter (Independent Chair), Mark Hillman (Police), Ann Foxton (Probation)\n\n"
                                       "4. Health update\nThe Board noted the update.\n")
    assert (people["Jane Rossiter"]["role"], people["Jane Rossiter"]["agency"]) == ("Independent Chair", "Safeguarding Partnership")
    assert "Children's Social Care" not in result["agencies"] and "Independent Reviewing Service" not in result["agencies"]


def test_layouts_space_aligned_rows_keep_their_roles(tmp_path):
    people, _ = _people(tmp_path, "Attendees:\n"
                                  "Helen Curtis        Director of Children's Services      Chair\n"
                                  "Marcus Ohene        Detective Inspector, Police\n"
                                  "Priya Lal           Designated Nurse, ICB\n\n"
                                  "Apologies:\nTom Weir            Head of Education Safeguarding\n")
    assert set(people) == {"Helen Curtis", "Marcus Ohene", "Priya Lal", "Tom Weir"}
    assert (people["Marcus Ohene"]["role"], people["Marcus Ohene"]["agency"]) == ("Police Officer", "Police")
    assert people["Helen Curtis"]["role"] == "Director of Children's Services"
    assert people["Priya Lal"]["role"] == "Designated Nurse"
    assert people["Tom Weir"]["status"] == "apologies"


def test_layouts_members_label_and_plural_councillors_after_a_semicolon(tmp_path):
    people, _ = _people(tmp_path, "Members: Councillor Ruth Allsop (in the Chair), Councillors Peter Drake and Simone Hart.\n"
                                  "Officers: Dawn Reece (Head of Children in Care).\n\n"
                                  "CO-OPTED MEMBERS:  Mrs L Hood (Church of England Diocese)\n\n"
                                  "PRESENT:  Councillor A Brookes (Chair); Councillors J Cole, M Dunn and T Grant\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Ruth Allsop": "present", "Councillor Peter Drake": "present", "Councillor Simone Hart": "present",
        "Dawn Reece": "in attendance", "Mrs L Hood": "present", "Councillor A Brookes": "present",
        "Councillor J Cole": "present", "Councillor M Dunn": "present", "Councillor T Grant": "present"}
    assert people["Councillor Ruth Allsop"]["chair"] is True


def test_layouts_members_asked_is_no_list(tmp_path):
    people, _ = _people(tmp_path, "Present: Councillor A Brookes\n\nMembers asked about contacts from schools and Mr D King replied.\n")
    assert people["Councillor A Brookes"]["status"] == "present"
    assert all(p["status"] != "present" for n, p in people.items() if n != "Councillor A Brookes")


def test_layouts_fixed_width_attendance_and_plan_tables(tmp_path):
    people, result = _people(tmp_path, (
        "ATTENDANCE\n"
        "Name                Role                Agency                 Attendance\n"
        "------------------  ------------------  ---------------------  ----------\n"
        "Olu Adebayo         Social Worker       Wyndmoor CSC           Present\n"
        "Janice Oduya        Health Visitor      Wyndmoor 0-19 Service  Present\n"
        "Tess Harrow         Perinatal MH Nurse  Perinatal Mental       Apologies\n"
        "                                        Health Team\n\n"
        "OUTLINE CHILD PROTECTION PLAN\n"
        "No. Action                                 Lead                Timescale\n"
        "--- -------------------------------------- ------------------- -----------\n"
        "1   Legal planning meeting                 Priti Varsani       26/11/2026\n"
        "2   Full parenting assessment of both      Olu Adebayo         by 17/12/2026\n"
        "    parents\n"))
    assert {n: p["status"] for n, p in people.items()} == {"Olu Adebayo": "present", "Janice Oduya": "present",
                                                            "Tess Harrow": "apologies"}
    assert people["Olu Adebayo"]["role"] == "Social Worker"
    assert people["Janice Oduya"]["agency"] == "Health Visiting"
    actions = {a["what"]: a for a in result["actions"]}
    assert actions["Full parenting assessment of both parents"]["owner"] == "Olu Adebayo"
    assert actions["Full parenting assessment of both parents"]["due"] == "2026-12-17"
    assert actions["Legal planning meeting"]["due"] == "2026-11-26"


def test_layouts_follow_up_task_boxes_are_actions(tmp_path):
    _, result = _people(tmp_path, ("Meeting notes\nOutcome\nPlans continue under Neglect.\n\nFollow-up tasks\n"
                                   "[ ] SALT referral for Deji - Dee Ross - due 27/11/2026\n"
                                   "[ ] Medication review with Grace - Kerry Dunn - by end of month\n"))
    actions = {a["what"]: a for a in result["actions"]}
    assert actions["SALT referral for Deji"]["owner"] == "Dee Ross"
    assert actions["SALT referral for Deji"]["due"] == "2026-11-27"
    assert actions["Medication review with Grace"]["owner"] == "Kerry Dunn"


def test_layouts_name_joined_to_its_post_by_a_hyphen(tmp_path):
    people, _ = _people(tmp_path, ("PRESENT:\n\nIan Stewart-City Mayor\n\nKevin Mulligan-Greater Manchester Police\n\n"
                                   "Eejay Whitehead-Public Health Strategic Manager\n\nJane Smith-Jones Social Worker\n\n"
                                   "Mary Ann-Marie (Police)\n"))
    assert set(people) == {"Ian Stewart", "Kevin Mulligan", "Eejay Whitehead", "Jane Smith-Jones", "Mary Ann-Marie"}
    assert people["Kevin Mulligan"]["agency"] == "Police"


def test_layouts_substitute_named_in_brackets_of_an_apology(tmp_path):
    people, _ = _people(tmp_path, ("Present: Councillor Ward (Chair), Councillor Bell\n\nApologies for absence were received "
                                   "from Councillor Callaghan (no substitute), Ms S Hardy (substitute: Mr J Findlay).\n"))
    assert people["Ms S Hardy"]["status"] == "apologies"
    assert people["Mr J Findlay"]["status"] == "present"
    assert "No Substitute" not in people and len(people) == 5


def test_layouts_slash_register_with_initials_and_attendance_codes(tmp_path):
    people, _ = _people(tmp_path, (
        "1) Attendance at Meeting\n"
        "Key:MA – Member Attended, RA – Representative Attended, A - Submitted Apologies, NC – No Contact/Attendance\n"
        "Representing / Title / Name / AttendanceLocal Authority / Director of Children's Services / Jane Humbert / JH / MA "
        "Head of Housing – Eastbrook Council / Julie Naseby / JN / MA\n"
        "Probation / Director Of Operations / Lucia Sainte / LS / RA\n"
        "Police / Chief Inspector - Eastbrook Police (Crime / Child Protection) / Peter McPhail / PMc / A\n"
        "Primary Care Trusts / Director of Nursing / Anne Moor / AMo / NC\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Jane Humbert": "present", "Julie Naseby": "present", "Lucia Sainte": "apologies", "Peter McPhail": "apologies"}
    assert people["Peter McPhail"]["agency"] == "Police"


def test_layouts_initial_and_surname_who_seconded_or_spoke_is_mentioned(tmp_path):
    people, _ = _people(tmp_path, ("Minutes:\nThe recommendations were proposed by the Chair and seconded by R Biggs.\n"
                                   "A Smith, the Head of Service, explained the figures.\nI Have nothing to add, said the clerk.\n"))
    assert {n: p["status"] for n, p in people.items()} == {"R Biggs": "mentioned", "A Smith": "mentioned"}


def test_layouts_role_colon_lines_with_statuses_in_one_list(tmp_path):
    people, _ = _people(tmp_path, ("Attendance\nChair: Ruth Anand (Safeguarding Unit)\nSocial Worker: Tom Vickers (CSC)\n"
                                   "Team Manager - Lisa Grant\nHealth Visitor: Mary O'Dowd (0-19 Service) - apols, report sent\n"
                                   "School Nurse: Pat Kemp (DNA)\nMother - Sandra Price\nPolice: DC Helen Moss (report only)\n"
                                   "GP: Dr Amir Latif - apologies\n\nDecision\nThe plan continues under Neglect.\n"))
    status = {n: (p["status"], p["attendance"]) for n, p in people.items()}
    assert status["Tom Vickers"] == ("present", "present") and people["Tom Vickers"]["role"] == "Social Worker"
    assert status["Lisa Grant"][0] == "present" and people["Lisa Grant"]["role"] == "Team Manager"
    assert status["Mary O'Dowd"][0] == "apologies"
    assert status["Pat Kemp"][1] == "absent"
    assert status["Sandra Price"][0] == "present" and people["Sandra Price"]["role"] == "Mother"
    assert status["DC Helen Moss"][0] == "report submitted"
    assert status["Dr Amir Latif"][0] == "apologies" and people["Dr Amir Latif"]["role"] == "GP"


def test_layouts_board_list_with_organisations_and_an_action_after_the_resolution(tmp_path):
    people, result = _people(tmp_path, (
        "Present:\nCouncillor Jane Rowe (Chair), Helen Tarrant (Director of Public Health), "
        "Claire Dunmore (Mid Shire Community Voluntary Service)\n\n"
        "2. Better Care Fund\nHelen Tarrant presented the report.\n"
        "RESOLVED: That the Better Care Fund plan be approved.\n"
        "ACTION: Helen Tarrant to circulate the final plan to members by 30 June 2025.\n"))
    assert people["Claire Dunmore"]["agency"] == "Voluntary Sector"
    assert result["decisions"] == ["That the Better Care Fund plan be approved."]
    assert [(a["owner"], a["due"]) for a in result["actions"]] == [("Helen Tarrant", "2025-06-30")]


def test_layouts_board_acronym_is_the_safeguarding_partnership(tmp_path):
    _, result = _people(tmp_path, "Present:\nAnn Cole, Business Manager, CYSCB\nTim Vane, Police\n")
    assert "Safeguarding Partnership" in result["agencies"]
    _, plain = _people(tmp_path, "Present:\nAnn Cole, Business Manager, Council\nTim Vane, Police\n")
    assert "Safeguarding Partnership" not in plain["agencies"]


def test_layouts_deputising_for_an_absent_member_is_present(tmp_path):
    people, _ = _people(tmp_path, "1. Apologies\nApologies had been received from Cllr Anne Hale, Jo Baker and Mark Lane. "
                                  "Sue Pike was deputising for Mark Lane today and Kate Moss attended for Jo Baker.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Cllr Anne Hale": "apologies", "Jo Baker": "apologies", "Mark Lane": "apologies",
        "Sue Pike": "present", "Kate Moss": "present"}


def test_layouts_councillors_subheading_with_a_surname_grid(tmp_path):
    people, _ = _people(tmp_path, "PRESENT:-\n\nThe Chairman (Councillor C Richardson) presiding:\n\nCOUNCILLORS:\n\n"
                                  "Akers-Belcher Allison Atkinson\n\nBarker Brash R W Cook\n\nYoung\n\nOFFICERS:\n\n"
                                  "Adrienne Simcock, Director of Children’s Services\n\n12. APOLOGIES FOR ABSENT MEMBERS\n\n"
                                  "Councillors Clouth, S Cook and Wallace.\n")
    assert {n: (p["status"], p["role"]) for n, p in people.items() if p["status"] != "in attendance"} == {
        "Councillor C Richardson": ("present", "Chair"),
        **{f"Councillor {s}": ("present", "Councillor") for s in ("Akers-Belcher", "Allison", "Atkinson", "Barker", "Brash", "R W Cook", "Young")},
        **{f"Councillor {s}": ("apologies", "Councillor") for s in ("Clouth", "S Cook", "Wallace")}}
    assert people["Adrienne Simcock"]["status"] == "in attendance"


def test_layouts_labels_run_together_in_one_paragraph(tmp_path):
    people, _ = _people(tmp_path, "Present: Councillor Marland (Chair) Councillors Gifford, Long, and O Neill. Apologies: "
                                  "Councillors Legg and Nolan. Also Present: Councillors Bint and Walker and 14 members of the public\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Marland": "present", "Councillor Gifford": "present", "Councillor Long": "present",
        "Councillor O Neill": "present", "Councillor Legg": "apologies", "Councillor Nolan": "apologies",
        "Councillor Bint": "in attendance", "Councillor Walker": "in attendance"}


def test_layouts_unlabelled_comma_list_of_names_under_the_title(tmp_path):
    people, _ = _people(tmp_path, "Minutes of Hart Partnership Meeting held on Thursday 8th December 2011\n"
                                  "Lynn Martin, June Bing, Cathy Smith, Jenny Radley, Carl Westby and\nJohn Stacey\n"
                                  "1. Welcome\nThose present were welcomed by the Chair.\n2. Apologies\n"
                                  "Apologies were received from: Cara Parker, Julia Powell, Karen Nye, Lee Culhane, Christine\n"
                                  "Slaymaker, Sally Woods and Andrew Whitfield\n")
    assert {n: (p["status"], p["role"]) for n, p in people.items()} == {
        **{n: ("present", None) for n in ("Lynn Martin", "June Bing", "Cathy Smith", "Jenny Radley", "Carl Westby", "John Stacey")},
        **{n: ("apologies", None) for n in ("Cara Parker", "Julia Powell", "Karen Nye", "Lee Culhane", "Christine Slaymaker",
                                            "Sally Woods", "Andrew Whitfield")}}


def test_layouts_a_list_of_comma_records_is_not_one_wrapped_list(tmp_path):
    people, _ = _people(tmp_path, "Present:\n(LB) Lindsay Britton, Named Nurse, Leeds & York Partnership NHS Foundation Trust\n"
                                  "(MT) Maria Taylor, Head of Service, Early Help, City of York Council\n")
    assert set(people) == {"Lindsay Britton", "Maria Taylor"}


def test_layouts_substitutes_listed_in_one_sentence_and_a_group_that_spoke(tmp_path):
    people, _ = _people(tmp_path, (
        "Apologies and substitutes\n\nApologies for absence had been received from Tony Doran, Ida Linfield and Michael Northey.\n\n"
        "Rob Bird was present as a substitute for Ida Linfield, David Brazier for Michael Northey and Paul Manning for Tony Doran.\n\n"
        "Verbal Update\n\n1. Sophia Dunstan (Participation Support Assistant), Reece Graves (Senior Apprentice) and Tom Byrne "
        "(Apprentice) from the Participation Team gave a verbal update on the work of the council.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Tony Doran": "apologies", "Ida Linfield": "apologies", "Michael Northey": "apologies",
        "Rob Bird": "present", "David Brazier": "present", "Paul Manning": "present",
        "Sophia Dunstan": "mentioned", "Reece Graves": "mentioned", "Tom Byrne": "mentioned"}


def test_layouts_councillor_lead_ends_at_officers_and_headings(tmp_path):
    people, _ = _people(tmp_path, "Present: Councillors Gifford, Gowans and O Neill M Bracey (Corporate Director - People), "
                                  "S Muir (Committee Manager) and Walker RESOLVED\n")
    assert people["Councillor Gifford"]["role"] == "Councillor"
    assert "M Bracey" in people and "Councillor M Bracey" not in people
    assert people["Councillor O Neill"]["status"] == "present"
    assert not any("RESOLVED" in n for n in people)


def test_layouts_a_sentence_saying_someone_was_present(tmp_path):
    people, _ = _people(tmp_path, "3. Minutes\nThe minutes were agreed.\nCouncillor Dave Holt was also present.\n"
                                  "Ms Jo Hart (Ofsted) was in attendance for item 4.\nThe Director was present.\n")
    assert {n: (p["status"], p["role"]) for n, p in people.items()} == {
        "Councillor Dave Holt": ("present", "Councillor"), "Ms Jo Hart": ("in attendance", "Ofsted")}


def test_layouts_header_grid_rows_with_no_colon_after_the_meeting_line(tmp_path):
    people, _ = _people(tmp_path, "Meeting           SEFTONBY SAFEGUARDING CHILDREN BOARD\n"
                                  "Present           C BAKER,     R BACKHOUSE,      C BARSON,\n"
                                  "                  G CURZON,    L DAVIES\n"
                                  "In Attendance     S DOHERTY\n"
                                  "Not Present       M BOODHOO,   P CARROLL\n\n"
                                  "1. Minutes\n\nThe minutes were agreed.\n")
    assert {n: p["attendance"] for n, p in people.items()} == {
        "C BAKER": "present", "R BACKHOUSE": "present", "C BARSON": "present", "G CURZON": "present",
        "L DAVIES": "present", "S DOHERTY": "in attendance", "M BOODHOO": "absent", "P CARROLL": "absent"}


def test_layouts_apologies_as_the_first_row_of_an_action_table(tmp_path):
    people, _ = _people(tmp_path, "Present: A Marsh, B Tolley\n\n"
                                  "No.   Item                     Action                          By Whom?\n"
                                  "1     Apologies                •   B Jones                     LC\n"
                                  "                               •   P Davis\n"
                                  "                               •   J George\n"
                                  "2     Minutes of the Meeting   •   Agreed as a true record     LC\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "A Marsh": "present", "B Tolley": "present", "B Jones": "apologies", "P Davis": "apologies", "J George": "apologies"}


def test_layouts_a_place_before_the_agency_is_no_person(tmp_path):
    people, result = _people(tmp_path, "Present:\n(CA) Clare Andrews, GP, North Yorkshire Local Medical Committee\n"
                                       "(MT) Mia Tallis, DCI North Yorkshire Police\n"
                                       "Anne Brightwell Police\n\n1. Minutes\n\nThe minutes were agreed.\n")
    assert set(people) == {"Clare Andrews", "Mia Tallis", "Anne Brightwell"}
    assert {"GP", "Police"} <= set(result["agencies"])


def test_layouts_agenda_instruction_under_apologies_keeps_the_list(tmp_path):
    people, _ = _people(tmp_path, "Apologies for absence:\n\nMembers are requested to advise the Democratic Services Officer "
                                  "of any apologies for this meeting.\n\nCouncillors Caren and Ramsdale.\n\n"
                                  "Minutes:\n\nRESOLVED: That the minutes be agreed.\n")
    assert {n: p["status"] for n, p in people.items()} == {"Councillor Caren": "apologies", "Councillor Ramsdale": "apologies"}


def test_layouts_guests_named_in_the_items(tmp_path):
    people, _ = _people(tmp_path, "Present: Councillor Ann Holt (Chair)\n\n3. Exploitation\n\n"
                                  "[DCI Dan Giles (Westshire Police) and Megan Rich (Eastby City Council) also in attendance for this item]\n\n"
                                  "Paul Axe (Chief Executive Officer) and Kelly Renn (Operations Manager) both from Forward Steps "
                                  "presented the Youth Justice Plan.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Ann Holt": "present", "DCI Dan Giles": "in attendance", "Megan Rich": "in attendance",
        "Paul Axe": "mentioned", "Kelly Renn": "mentioned"}


def test_layouts_a_supporter_named_inside_an_entry_is_found_by_the_statistical_ner(tmp_path):
    people, _ = _people(tmp_path, "Present:\nAlison Venn - Conference Chair\n"
                                  "Kerry Lomas - mother of Jayden (with her sister, Marie Holt, for support)\n"
                                  "Tariq Aziz - Social Worker, Children's Social Care\n"
                                  "Dad (Samuel Okafor) - whereabouts not known, not invited\n\n1. Purpose of the conference\n")
    assert people["Marie Holt"]["status"] == "present"
    assert people["Kerry Lomas"]["role"] == "Mother"
    assert people["Samuel Okafor"]["attendance"] == "absent"      # not invited: not at the conference


def test_layouts_an_apologies_line_at_the_foot_of_the_attendees_block(tmp_path):
    people, _ = _people(tmp_path, "Attendees:\nPriya Lal - SW (chair)\nMrs Denise Blake - mother\n"
                                  "DC Sam Oyelaran - Police, exploitation team\nApols: Gemma Hart (SN)\n\nUpdates\n"
                                  "- Police (DC Oyelaran): disruption work ongoing.\n- School (Ms Dunmore): on reduced timetable.\n")
    assert {n: p["status"] for n, p in people.items()} == {
        "Priya Lal": "present", "Mrs Denise Blake": "present", "DC Sam Oyelaran": "present", "Gemma Hart": "apologies"}


def test_layouts_a_surgery_and_a_person_named_in_an_aside_are_no_attendees(tmp_path):
    people, _ = _people(tmp_path, "Present:\nShannon Prescott - Mother\n\nApologies:\nDr Neil Okonjo - GP, Brook Lane Surgery\n\n"
                                  "Reports received: Social Worker, School, GP (all shared with Ms Prescott before the conference).\n\n"
                                  "PURPOSE\nTo review the plans.\n")
    assert set(people) == {"Shannon Prescott", "Dr Neil Okonjo"}
    assert people["Shannon Prescott"]["agency"] is None


def test_layouts_the_chairs_unit_hosts_a_conference_but_takes_part_in_a_board(tmp_path):
    conference = ("Initial Child Protection Conference\nDate: 3 March 2025\n\nPresent\n"
                  "Mrs Yvonne Keble – Independent Chair – Safeguarding Unit – Present\n"
                  "Ms Dana Reeve – Social Worker – Children's Social Care – Present\n"
                  "PC Tom Hale – Police – Present\n"
                  "Ms Lily Baird – Health Visitor – Health Visiting – Present\n\n"
                  "Decision\nThe conference decided that Ava should be made subject to a Child Protection Plan "
                  "under the category of Neglect.\n")
    _, result = _people(tmp_path, conference)
    assert result["kind"] == "conference"
    assert "Independent Reviewing Service" not in result["agencies"]
    assert {"Children's Social Care", "Police"} <= set(result["agencies"])
    board = ("Safeguarding Children Board\nMinutes of the meeting held on 3 March 2025\n\nPresent\n"
             "Councillor Ann Hope (Chair)\nGrace Fagan, Service Manager, Safeguarding Unit\n"
             "DCI Ray Lowe, Police\n\n1. Minutes\nRESOLVED: That the minutes be approved.\n")
    _, result = _people(tmp_path, board)
    assert result["kind"] == "committee"
    assert "Independent Reviewing Service" in result["agencies"]


def test_layouts_hyphenated_surnames_joined_by_and_after_a_semicolon(tmp_path):
    people, _ = _people(tmp_path, (
        "Scrutiny Board\nMinutes of the meeting held on 21 March 2021\n\nApologies\n"
        "Apologies for absence were received from Councillor Hughes; as well as co-opted members "
        "K Kujawa-Sogbesan and C Ward-Lewis.\n\n1. Minutes\nRESOLVED: That the minutes be approved.\n"))
    assert set(people) == {"Councillor Hughes", "K Kujawa-Sogbesan", "C Ward-Lewis"}
    assert all(p["status"] == "apologies" for p in people.values())


def test_layouts_initialled_officers_separated_by_commas_inside_a_semicolon_list(tmp_path):
    people, _ = _people(tmp_path, (
        "Select Committee\nMinutes of the meeting held on 2 July 2007\n\nPresent\n"
        "Cllr David Harrington (Chairman), Cllr Alan Lewis.\nOfficers:\n"
        "J Morrison, J Palmer, N Pocklington (CESC); G Birtle (LD).\n\n"
        "1. Minutes\nRESOLVED: That the minutes be approved.\n"))
    assert {"J Morrison", "J Palmer", "N Pocklington", "G Birtle"} <= set(people)
    assert people["J Palmer"]["role"] is None


def test_layouts_a_rare_given_name_in_a_list_of_people_wrapped_over_lines(tmp_path):
    people, _ = _people(tmp_path, (
        "Trust Board\nNotes of meeting on 22nd June 2007\n\nApologies:\n"
        "Clare Gummett, Jonathan Lloyd, Morag Plank, Angela McGinlay, Ben Harris,\n"
        "Samantha Ghulam, Joanna Richards, Gillian Dickinson, Peta Campbell, Dee\n"
        "Jupp, Sandra Garvey, Greyhaven Drug and Alcohol Service\n\n1. Minutes\nThe minutes were agreed.\n"))
    assert {"Peta Campbell", "Dee Jupp", "Sandra Garvey"} <= set(people)
    assert not any("Greyhaven" in n or "Alcohol" in n for n in people)
    assert people["Peta Campbell"]["status"] == "apologies"


def test_layouts_apologies_sentences_inside_a_welcome_paragraph(tmp_path):
    people, _ = _people(tmp_path, (
        "Agenda and minutes\n\nNo. Item\n\n\nThe Chair welcomed everyone to the meeting and introductions were made. "
        "Apologies for absence were received on behalf of Councillors Brookfield, McFall and Taylor.\n\n\n"
        "Apologies for absence were received from Cllr Nell Gray who was substituted by Cllr Musa Cetin, "
        "and from Cllr Ahmet Oyk.\n\n\nRESOLVED – That the minutes be approved.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Brookfield": "apologies", "Councillor McFall": "apologies", "Councillor Taylor": "apologies",
        "Cllr Nell Gray": "apologies", "Cllr Musa Cetin": "present", "Cllr Ahmet Oyk": "apologies"}


def test_layouts_a_lead_in_sentence_opens_the_apologies_and_the_newcomers(tmp_path):
    people, _ = _people(tmp_path, (
        "Draft minutes\n\nNo. Item\n\nWelcome and Apologies -\n\n"
        "a.     The Chair welcomed those in attendance and led introductions.\n\n"
        "b.     The following apologies were noted\n\n"
        "                      i.     The Youth Mayors\n\n"
        "                     ii.     Tom Sperl (UoB)\n\n"
        "c.     The following were welcome to their first meeting\n\n"
        "                      i.     Andy Forbes (CoBC)\n\n"
        "Wider Work of the Partnership\n\nThe board discussed the work of Young People.\n"))
    assert people["Tom Sperl"]["status"] == "apologies"
    assert people["Andy Forbes"]["status"] == "present"
    assert "Young People" not in people


def test_layouts_hasty_lower_case_post_dash_person_lines(tmp_path):
    people, result = _people(tmp_path, (
        "present\nchair - Gill Marsh IRO\nmum - Jodie Pearce\nSocail Worker Dunmere CSC - Kirsty Hale (teams)\n"
        "Helth Visitor - Shona McKee, kestrelby 0-19\nDSL Brookside primary - Mrs Dawn Ireland\n"
        "recovery worker - Daz Milner, Kestrelby Drug & Alcohol Srvice\nmins - Beth Arnott\n\n"
        "apols\nCAHMS - Ruth Adeyemi (primary mental hlth worker)\n\nintro / purpose\nThe chair explained the process.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Gill Marsh": "present", "Jodie Pearce": "present", "Kirsty Hale": "present", "Shona McKee": "present",
        "Mrs Dawn Ireland": "present", "Daz Milner": "present", "Beth Arnott": "present", "Ruth Adeyemi": "apologies"}
    assert people["Ruth Adeyemi"]["agency"] == "CAMHS" and people["Shona McKee"]["role"] == "Health Visitor"


def test_layouts_prose_list_with_police_ranks_and_hyphenated_given_names(tmp_path):
    people, _ = _people(tmp_path, (
        "Initial Child Protection Conference\n\nThe conference was chaired by Yvette Hollins, Independent Chair. "
        "Present were Ellie Nwankwo, Social Worker; Sarah-Jane Loft, Team Manager; DS Rob Keane, Greyford Police; "
        "and Joanne Birch, Key Person, Little Wrens Day Nursery. Apologies were sent by Bev Hutchins, School Nurse.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Yvette Hollins": "present", "Ellie Nwankwo": "present", "Sarah-Jane Loft": "present", "DS Rob Keane": "present",
        "Joanne Birch": "present", "Bev Hutchins": "apologies"}
    assert people["DS Rob Keane"]["agency"] == "Police" and people["Joanne Birch"]["agency"] == "Nursery"


def test_layouts_comma_list_wrapped_over_paragraphs_with_absent_marks(tmp_path):
    people, _ = _people(tmp_path, (
        "Care and Education Committee\n\n21 March 2019\n\n"
        "Councillor Stephanie Archer, * Councillor Mark Durrant, Councillor Sam Foulder-Hughes,\n\n"
        "Councillor Ed Fram, Councillor Maria Netley, Councillor Munir Ravalia,\n\n"
        "Councillor Anita Schaper, *Councillor Chris Stuart, and Councillor Annette Wookey\n\n"
        "Advisory members: * Dr Naz Jivani and *Dr Pete Smith and Jane Marwood\n\n* Absent\n\n"
        "54.  Apologies for Absence and Attendance of Substitute Members\n\n"
        "Apologies for absence were received from Councillor Mark Durrant for whom Councillor Liz Green attended "
        "as alternate Member.\n"))
    present = {n for n, p in people.items() if p["attendance"] == "present"}
    assert present == {"Councillor Stephanie Archer", "Councillor Sam Foulder-Hughes",
                       "Councillor Ed Fram", "Councillor Maria Netley", "Councillor Munir Ravalia",
                       "Councillor Anita Schaper", "Councillor Annette Wookey", "Jane Marwood", "Councillor Liz Green"}
    assert people["Councillor Mark Durrant"]["status"] == "apologies"
    assert {people[n]["attendance"] for n in ("Councillor Chris Stuart", "Dr Naz Jivani", "Dr Pete Smith")} == {"absent"}


def test_layouts_a_star_without_a_legend_marks_nothing(tmp_path):
    people, _ = _people(tmp_path, "Present: * Dr Naz Jivani, *Dr Pete Smith, Jane Marwood\n\n* Item 4 was deferred\n")
    assert {n: p["attendance"] for n, p in people.items()} == {
        "Dr Naz Jivani": "present", "Dr Pete Smith": "present", "Jane Marwood": "present"}


def test_layouts_lost_commas_between_councillors(tmp_path):
    people, _ = _people(tmp_path, (
        "PRESENT\nCouncillor J G Williams (in the Chair)\n"
        "Councillors W Burrows (substitute member) P Dunn, Councillor Mrs Angela Barker, Mrs M Stockdale, and Mrs J S Street.\n"
        "Apologies for absence were submitted on behalf of Councillors Mrs D Charles Mrs Janet Hill and D McGregor.\n\n"
        "72/13 DECLARATIONS OF INTEREST\nNone.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor J G Williams": "present", "Councillor W Burrows": "present", "Councillor P Dunn": "present",
        "Councillor Mrs Angela Barker": "present", "Mrs M Stockdale": "present", "Mrs J S Street": "present",
        "Mrs D Charles": "apologies", "Mrs Janet Hill": "apologies", "Councillor D McGregor": "apologies"}


def test_layouts_apologies_introduced_mid_paragraph_and_substitutes_after_with(tmp_path):
    people, _ = _people(tmp_path, (
        "Minutes of the Board Meeting held on Monday, 12 April, 2010\n\nIn Attendance:\nCouncillor Mike Bird (Chair)\n"
        "Gary Fulford – Walsall Housing Group\n\nThe Chairman welcomed all the parties present to the meeting. The Partnership\n"
        "received the following apologies for this meeting:Paul Bradley – Government Office West Midlands\n"
        "John Brown – West Midlands Fire Service\n\n"
        "2. Apologies for absence\n\nApologies for absence were received from Councillors Moira Butt and Annie Moral "
        "with Councillors Tom Drummond and Barry Lewis attending as substitute members.\n\n"
        "3. Declarations of interest\n\nMinutes:\n\nAgenda item 6. Update on the High Needs Block Review, "
        "Councillor Lily Bande, Non Pecuniary, as a teacher at Eagle House School.\n\n"
        "4. Appointment of Chair\n\nAs Councillor Bell had sent her apologies for the meeting, nominations were sought.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Councillor Mike Bird": "in attendance", "Gary Fulford": "in attendance", "Paul Bradley": "apologies",
        "John Brown": "apologies", "Councillor Moira Butt": "apologies", "Councillor Annie Moral": "apologies",
        "Councillor Tom Drummond": "present", "Councillor Barry Lewis": "present", "Councillor Lily Bande": "mentioned",
        "Councillor Bell": "apologies"}


def test_layouts_role_labelled_turns_dotted_initials_and_posts_before_names(tmp_path):
    people, _ = _people(tmp_path, (
        "Review Child Protection Conference\nDate: 16.09.2025\n\nThose present:\nAnne Mallory - Chair (IRO)\n"
        "Jo Bell - Social Worker, Children's Social Care\n\n"
        "CHAIR: Good afternoon everyone. This is the second review of the plans for Tyler.\n\n"
        "TEAM MANAGER (Rob Fenn): Sorry I'm late; I joined from another meeting.\n\n"
        "CSC (Jo Bell SW): Since April I have visited every two weeks.\n\n"
        "Present:\nCouncillors Mrs. G.L. Circus, B.C. Cowle and C.T.H. Whinney.\nMin NoDescriptionResolution\nPart I\n"
        "1 CONSENT FOR THE MAYOR TO TAKE THE CHAIR\n\n"
        "The Cabinet Member for Children, Councillor Ed Davie, Strategic Director for Children’s Services, Merlin Joseph, "
        "and Director for Children’s Social Care, Alex Kubeyinje, introduced the report.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Anne Mallory": "present", "Jo Bell": "present", "Rob Fenn": "mentioned", "Mrs. G.L. Circus": "present",
        "Councillor B.C. Cowle": "present", "Councillor C.T.H. Whinney": "present", "Councillor Ed Davie": "mentioned",
        "Merlin Joseph": "mentioned", "Alex Kubeyinje": "mentioned"}
    assert people["Rob Fenn"]["role"] == "Team Manager"


def test_layouts_a_sentence_of_the_case_ends_the_apologies_list(tmp_path):
    people, result = _people(tmp_path, (
        "RCPC\nDate: 3/6/25\n\nPresent: Marcus Leigh (IRO), Jo Pike (SW, CSC)\n"
        "Apols: Craig Dunn (Probation)\n\nPlan made at ICPC 11/3/25 under Neglect for both children.\n\n"
        "SW update (JP)\n- Dad released on licence Jan, licence conditions incl. residence at home address.\n"))
    assert set(people) == {"Marcus Leigh", "Jo Pike", "Craig Dunn"}
    assert "Parental criminality" in result["risk_factors"]


def test_layouts_apologies_and_minute_taker_said_aloud(tmp_path):
    path = tmp_path / "conference.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:03.000 --> 00:00:09.000\n<v Janet Moore>Good morning, this is the review conference.\n\n"
        "2\n00:00:09.500 --> 00:00:14.000\n<v Nadia Hussain>Morning, Nadia Hussain, health visitor for Daniel.\n\n"
        "3\n00:00:14.500 --> 00:00:19.000\n<v Chris Bell>Hello, Chris Bell, designated safeguarding lead at Riverside Academy.\n\n"
        "4\n00:00:19.500 --> 00:00:29.000\n<v Janet Moore>Thank you. And we've had apologies from the GP, Dr Evans, who has "
        "sent a report, and from Amara's school nurse, Beth Carter. Minutes are being taken by Paul Young.\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    people = {a["name"]: a for a in result["attendees"]}
    assert {n: (p["status"], p["role"]) for n, p in people.items() if n not in ("Janet Moore",)} == {
        "Nadia Hussain": ("present", "Health Visitor"), "Chris Bell": ("present", "Designated Safeguarding Lead"),
        "Dr Evans": ("apologies", "GP"), "Beth Carter": ("apologies", "School Nurse"), "Paul Young": ("present", "Minute Taker")}
    assert people["Nadia Hussain"]["agency"] == "Health Visiting"     # not the school the next speaker names


def test_layouts_a_mash_health_practitioner_is_no_mental_health_nurse(tmp_path):
    people, _ = _people(tmp_path, "ICPC\n\nPresent:\nAmy Cole - MASH Health Practitioner\nOwen Price - Mental Health Practitioner\n\n"
                                  "1. Introductions\nThe chair explained the purpose of the conference.\n")
    assert (people["Amy Cole"]["role"], people["Amy Cole"]["agency"]) == ("MASH Health Practitioner", "Health")
    assert people["Owen Price"]["role"] == "Mental Health Nurse"


def test_layouts_a_chairs_letter_wrapped_at_eighty_columns(tmp_path):
    people, result = _people(tmp_path, (
        "RAVENSHOLME CITY COUNCIL\n\n23 May 2025\n\nDear all,\n\nReview Child Protection Conference\n"
        "Ellis Brennan-Shaw (born 11 October 2015) and Maisie Brennan (born 3 February 2010)\n\n"
        "I chaired the review conference on Thursday 22 May 2025 at Oakfield House. This letter sets\n"
        "out the decisions made and the plan agreed; the full record will follow.\n\n"
        "Those attending were Natalie Brennan (mother); Ms Amina Yusuf, Social Worker, Children's\n"
        "Social Care; Mrs Joanne Pritchard, Designated Safeguarding Lead, St Aldhelm's CE Primary School;\n"
        "Mr Olu Adebayo, Head of Year 11, Kingsmead Academy; Ms Harriet Lowe, School Nurse; Mr Simon\n"
        "Freckleton, Recovery Worker, Ravensholme Alcohol and Drug Service; and PC Nia Howells, Police.\n"
        "The record was taken by Mr Ben Carver, Business Support. Apologies were received from Dr Ifeoma\n"
        "Nwosu, GP, Castle Road Surgery, who sent a written report.\n"))
    assert {n: p["status"] for n, p in people.items()} == {
        "Natalie Brennan": "present", "Ms Amina Yusuf": "present", "Mrs Joanne Pritchard": "present",
        "Mr Olu Adebayo": "present", "Ms Harriet Lowe": "present", "Mr Simon Freckleton": "present",
        "PC Nia Howells": "present", "Mr Ben Carver": "present", "Dr Ifeoma Nwosu": "apologies"}
    assert people["Dr Ifeoma Nwosu"]["role"] == "GP" and people["Mr Ben Carver"]["role"] == "Minute Taker"
    assert result["meeting"]["date"] == "2025-05-22"          # the conference, not the letter's date


def test_layouts_a_long_post_between_a_name_and_what_they_did(tmp_path):
    people, _ = _people(tmp_path, (
        "Cabinet\n\nPresent: Councillor A Walsh (Chair)\n\n5. Safeguarding boards annual report\n\n"
        "1. Mr S Westwood, Independent Chair of the Leicestershire and Rutland Local Safeguarding Children Board "
        "and Safeguarding Adult Board summarised the report.\n\n"
        "The Chairman made a number of announcements as set out in Appendix A.\n"))
    assert people["Mr S Westwood"]["status"] == "mentioned"
    assert "Appendix A" not in people


def test_a_police_collar_number_in_a_name_is_kept(tmp_path):
    from .records_of import people_of, record_of

    people = people_of(record_of(tmp_path, "Strategy discussion\nDate: 02/03/2026\n\nPresent:\n"
                                           "PC 3318 Gareth PRICE - Police\nJo Bell - Social Worker\n"))
    assert any(name.startswith("PC 3318") for name in people)

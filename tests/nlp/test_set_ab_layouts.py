"""Layouts of the dev documents of set fict_121-126 (made-up people; end to end on text files): a
quoted CSV action tracker, an initials legend, a record written to the child with "Name - task"
lines, partnership minutes with column-aligned lists, an action log and "Members AGREED"."""
from __future__ import annotations

from minutes.ingest.text import parse_text

from .records_of import people_of, record_of

CORE_GROUP = ("CORE GROUP MEETING (3rd) - Thursday 16th April 2026\n\n"
              "Who was there:\n"
              "[AR] Abigail Rowe - Social Worker, Sallowfield Children & Families (chairing today)\n"
              "[EC] Eddie Clough - Family Support Worker, Sallowfield Family Hub\n"
              "[LT] Lorna Thackeray - IDVA, Sallowfield Safe Futures domestic abuse service (arrived 16:05)\n\n"
              "The core group agreed that Dad's contact with TJ stays supervised at the Family Hub until the review.\n\n"
              "Action tracker (pasted from the spreadsheet)\n"
              '"ID","Action","Owner","Due","Status"\n'
              '"CG2-01","Refer TJ to CAMHS","AR","2026-03-20","Closed - accepted"\n'
              '"CG3-01","Ask police to renew the address marker","LT","2026-04-24","New"\n'
              '"CG3-06","Keep contact log and send to SW weekly","EC","weekly","New"\n')


def test_set_ab_a_quoted_csv_tracker_is_a_table_of_tasks_without_its_closed_rows(tmp_path):
    blocks = parse_text(CORE_GROUP)
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows[0] == ("ID", "Action", "Owner", "Due", "Status")
    assert table.rows[2][1] == "Ask police to renew the address marker"
    tasks = {a["what"]: (a["owner"], a["due"]) for a in record_of(tmp_path, CORE_GROUP)["actions"]}
    assert tasks["Ask police to renew the address marker"] == ("LT", "2026-04-24")
    assert tasks["Keep contact log and send to SW weekly"] == ("EC", None)
    assert "Refer TJ to CAMHS" not in tasks                                 # closed: done, no task now


def test_set_ab_initials_in_square_brackets_open_each_attendee_line(tmp_path):
    record = record_of(tmp_path, CORE_GROUP)
    people = people_of(record)
    assert {"Abigail Rowe", "Eddie Clough", "Lorna Thackeray"} <= set(people)
    assert people["Eddie Clough"]["status"] == "present"
    assert not any(a["owner"] == "Dad's" for a in record["actions"])       # a possessive owns no task


CHILD_LETTER = ("A record of your Review Child Protection Conference\nMeeting date: Monday 8 June 2026\n\n"
                "Who came to your meeting\nMarianne Kettle, your social worker.\nBev Ackroyd, the school nurse.\n\n"
                "Who will do what\n"
                "Kacey - keep your phone charged. Keep seeing Niamh every Tuesday.\n"
                "Mum - report Kacey missing to the police straight away if she is not home by 10pm.\n"
                "Marianne - visit you every week. Ask for a review of the safety plan by Friday 19 June 2026.\n"
                "PC Stanforth - do return home interviews within 72 hours of any missing episode.\n"
                'Niamh - carry on the weekly sessions, using the "Is this love?" workbook.\n\n'
                "The core group will next meet on Monday 6 July 2026.\n"
                "If you want to talk about anything in this letter, you can ring me.\n")


def test_set_ab_name_dash_task_lines_give_every_sentence_the_lines_owner(tmp_path):
    tasks = {a["what"]: (a["owner"], a["due"]) for a in record_of(tmp_path, CHILD_LETTER)["actions"]}
    assert tasks["keep your phone charged"] == ("Kacey", None)
    assert tasks["Keep seeing Niamh every Tuesday"] == ("Kacey", None)
    assert tasks["Ask for a review of the safety plan"] == ("Marianne", "2026-06-19")
    # a time of day and "within 72 hours of any ..." are part of the task, not its due date
    assert tasks["report Kacey missing to the police straight away if she is not home by 10pm"] == ("Mum", None)
    assert "do return home interviews within 72 hours of any missing episode" in tasks
    assert 'carry on the weekly sessions, using the "Is this love?" workbook' in tasks   # a quoted question ends no sentence
    assert not any(what.startswith(("next meet", "talk about")) for what in tasks)     # a booking; "If you want" owns nothing


EXECUTIVE = ("SAFEGUARDING CHILDREN PARTNERSHIP\nExecutive Group - Minutes\n\n"
             "IN ATTENDANCE\n"
             "Carys Beddow                 Partnership Business Manager\n"
             "Imogen Sale                  Performance Analyst (for item 5)\n\n"
             "PRESENT\nDet Supt Neil Cawthorne      Head of Public Protection, Kelderby Police\n\n"
             "3. MINUTES OF THE MEETING HELD ON 14 MAY 2026 AND MATTERS ARISING\n"
             "Members AGREED the minutes as a correct record.\n\n"
             "5. QUARTERLY PERFORMANCE REPORT\nDet Supt Cawthorne presented the dashboard.\n"
             "The Executive NOTED the report.\n"
             "It was further agreed that a seven-minute briefing would go to all frontline staff.\n\n"
             "ACTION LOG\n"
             "A26/17 - Deliver voice-of-the-child training to all response officers - Det Supt Cawthorne - 30/09/2026\n"
             "A26/27 - Confirm interim named GP cover - Imogen Sale - next meeting\n")


def test_set_ab_column_aligned_names_and_posts_stay_apart(tmp_path):
    people = people_of(record_of(tmp_path, EXECUTIVE))
    assert people["Carys Beddow"]["role"] == "Partnership Business Manager"
    assert people["Imogen Sale"]["status"] == "in attendance"
    assert "Det Supt Neil Cawthorne" in people and "Det Supt Cawthorne" not in people   # one person, a police rank


def test_set_ab_executive_decisions_and_a_referenced_action_log(tmp_path):
    record = record_of(tmp_path, EXECUTIVE)
    assert record["decisions"] == ["Members AGREED the minutes as a correct record.", "The Executive NOTED the report.",
                                   "It was further agreed that a seven-minute briefing would go to all frontline staff."]
    tasks = {a["what"]: (a["owner"], a["due"]) for a in record["actions"]}
    assert tasks["Deliver voice-of-the-child training to all response officers"] == ("Det Supt Cawthorne", "2026-09-30")
    assert tasks["Confirm interim named GP cover"] == ("Imogen Sale", None)


def test_set_ab_a_conditional_pronoun_task_keeps_its_owner_and_its_condition(tmp_path):
    record = record_of(tmp_path, "Strategy discussion, 16/02/2026\n\nActions\n\n"
                                 "Dawn will review the outcome of the enquiries on 17/02/2026. If concerns are substantiated "
                                 "she will ask the Conference Service to book an initial child protection conference.\n")
    tasks = {a["what"]: a["owner"] for a in record["actions"]}
    assert tasks["ask the Conference Service to book an initial child protection conference if concerns are substantiated"] == "Dawn"


def test_set_ab_someone_who_sent_a_report_instead_of_coming_sent_apologies(tmp_path):
    people = people_of(record_of(tmp_path, "Review conference, Monday 8 June 2026\n\nWho came to your meeting\n"
                                           "Marianne Kettle, your social worker.\n\n"
                                           "Dr Aziz from your GP surgery sent a short report instead of coming.\n"))
    assert people["Dr Aziz"]["status"] == "apologies"
    assert people["Marianne Kettle"]["status"] == "present"

"""Word output: every kind renders from the fixture records; content and order read back with python-docx."""
from __future__ import annotations

import pytest

from minutes.errors import TemplateFieldsMissing
from minutes.render import render
from minutes.render.docx import render_docx

from .helpers import TODAY, committee, conference, docx_lines, docx_text, front, in_order


def test_docx_letter_has_every_part_in_order():
    text = docx_text(render("letter", conference(), "docx", today=TODAY))
    assert in_order(
        text,
        "13 March 2026",
        "To: Kelly Smith, Dean Walsh and Craig Smith",
        "Outcome of the Initial Child Protection Conference held on 12 March 2026",
        "Tyler Smith is to be made subject of a Child Protection Plan under the category of Emotional abuse.",
        "Poppy Smith is to be made subject of a Child Protection Plan under the category of Neglect.",
        "Outline of the Child Protection Plan",
        "Make referral to Eastbrook Recovery for Dean | Hannah Price | 19 March 2026",
        "The lead social worker is Hannah Price",
        "Tuesday 24 March 2026 at 10.00am, Eastbrook Family Hub, 40 Mill Lane, Eastbrook",
        "Thursday 11 June 2026 at 10.00am",
        "complaint",
        "Yours sincerely,",
        "Margaret Osei",
    )
    assert "{{" not in text and "{%" not in text and "DRAFT" not in text


def test_docx_letter_one_sentence_per_child_no_plan_gives_child_in_need_plan():
    record = conference()
    record["children"][1]["decision"] = "no plan"
    record["children"][1]["category"] = None
    lines = docx_lines(render("letter", record, "docx", today=TODAY))
    assert "Poppy Smith does not need a Child Protection Plan; support will continue under a Child in Need plan." in lines
    assert sum("Tyler Smith is to be made subject" in line for line in lines) == 1


def test_docx_record_sections_in_order():
    text = docx_text(render("record", conference(), "docx", today=TODAY))
    assert in_order(text, "Record of the Initial Child Protection Conference", "Family | Smith",
                    "1. Attendance", "Hannah Price | Social Worker | Children's Social Care",
                    "Apologies: Sue Marsh", "2. Reports received", "3. Purpose", "4. Information from agencies",
                    "Police", "5. Views of the child", "6. Views of the parents", "7. What is working well",
                    "8. Worries", "Danger statement:", "9. Chair's summary", "10. Decision",
                    "Tyler Smith | plan made | Emotional abuse", "Dissent:", "11. Outline Child Protection Plan",
                    "Contingency plan", "12. Core group", "13. Review conference", "Thursday 11 June 2026",
                    "14. Distribution", "Parents and All those invited")


def test_docx_minutes_moderngov_shape():
    text = docx_text(render("minutes", committee(), "docx"))
    assert in_order(text, "Children and Young People Scrutiny Committee",
                    "Minutes of the meeting held on Wednesday 14 January 2026 at 6.30pm",
                    "Present: Councillors Helen Ashworth (Chair), Tom Baxter (Vice-Chair)",
                    "In attendance: ", "Apologies: Councillor Bob Heath and Councillor Lesley Norris",
                    "Councillor Gareth Morgan attended as a substitute for Councillor Bob Heath.",
                    "23/24", "Declarations of interest", "Minutes:", "24/24", "RESOLVED:",
                    "25/24", "Minutes:", "RESOLVED:", "1.\tThat the report be noted.", "2.\tThat the Head",
                    "3.\tThat the Committee write", "Supporting documents:", "CP Conference performance report",
                    "26/24", "a)\tThat the draft Neglect Strategy", "b)\tThat the Committee's comments",
                    "27/24", "Work programme", "Date of next meeting: Wednesday 11 March 2026")


def test_docx_agenda_has_opening_items_and_exempt_part():
    record = committee()
    record["items"][4]["exempt"] = "paragraph 1 of Schedule 12A"
    text = docx_text(render("agenda", record, "docx"))
    assert in_order(text, "Agenda", "Date | Wednesday 14 January 2026",
                    "Part 1: items open to the public and press",
                    "1 | Apologies for absence and notification of substitutes",
                    "2 | Declarations of interest", "3 | Minutes of the previous meeting",
                    "4 | Child Protection Conference performance", "presented by Director of Children's Services",
                    "5 | Neglect Strategy", "Part 2: exempt items", "Schedule 12A",
                    "6 | Work programme (exempt: paragraph 1 of Schedule 12A)", "Date of next meeting")
    assert text.count("Declarations of interest") == 1


def test_docx_agenda_report_header_table_and_numbered_paragraphs():
    text = docx_text(render("agenda-report", committee(), "docx", front=front()))
    assert in_order(text, "14 January 2026", "Child Protection Conference performance, April to December 2025",
                    "Report of the Director of Children's Services", "Strategic aim | Safeguarding",
                    "Exempt information | No", "Cabinet member(s) responsible | Councillor Diane Fuller",
                    "Contact officer(s) | Claire Haddon", "Ward councillors | All", "Decision recommendations",
                    "That the Committee:", "1.\tNotes the performance", "2.\tAsks for figures",
                    "1    PURPOSE OF THE REPORT", "1.1\tTo report", "2    BACKGROUND AND MAIN CONSIDERATIONS",
                    "2.1\t", "2.2\t214 Initial", "2.3\t", "3    OPTIONS CONSIDERED", "4    IMPLICATIONS",
                    "4.1\tFinancial:", "5    CONCLUSION", "6    BACKGROUND PAPERS", "7    APPENDICES",
                    "7.1\tAppendix A")


def test_docx_agenda_report_background_defaults_to_the_items_minutes():
    data = front()
    del data["background"]
    text = docx_text(render("agenda-report", committee(), "docx", front=data))
    assert "2.1\tThe Committee considered a report of the Director" in text


def test_docx_escapes_ampersand_angle_brackets_jinja_and_field_codes():
    record = conference()
    record["agency_information"][0]["agency"] = "Police & Crime <Unit>"
    record["lead_social_worker"]["contact"] = "{{ 7*7 }} {% for x in y %} { DDE } =SUM(A1)"
    record["child_views"] = "<script>alert(1)</script> {{ config }}"
    text = docx_text(render("record", record, "docx"))
    assert "Police & Crime <Unit>" in text
    assert "{{ 7*7 }} {% for x in y %} { DDE } =SUM(A1)" in text
    assert "<script>alert(1)</script> {{ config }}" in text
    assert "49" not in text.split("{{ 7*7 }}")[0][-5:]


def test_docx_template_variable_check_names_what_is_missing():
    with pytest.raises(TemplateFieldsMissing, match="letter.docx' needs: .*salutation"):
        render_docx("letter", {"draft": False, "letterhead": {}})

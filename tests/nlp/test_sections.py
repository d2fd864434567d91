"""Section detection on (kind, text) blocks; no model needed."""
from __future__ import annotations

from minutes.nlp.sections import agenda_item, label_blocks, load_rules, match_label


def test_sections_inline_labels_and_headings():
    rules = load_rules()
    blocks = [
        ("heading", "Present:"),
        ("paragraph", "Jane Doe - SW\nDr Patel (GP)"),
        ("paragraph", "Apols: Mary Green HV; School nurse"),
        ("paragraph", "The chair explained the purpose of the conference and everybody introduced themselves in turn before the reports were shared."),
        ("paragraph", "Decision: Tyler to be made subject of a CP plan under Neglect."),
        ("heading", "Actions"),
        ("list_item", "SW to visit weekly"),
    ]
    got = [(s.section, s.opens) for s in label_blocks(blocks, rules)]
    assert got == [
        ("present", True), ("present", False), ("apologies", True), (None, False),
        ("decision", True), ("actions", True), ("actions", False),
    ]


def test_sections_label_needs_colon_or_heading_in_prose():
    rules = load_rules()
    assert match_label("Officers explained that the audit was complete.", False, rules) is None
    assert match_label("Officers: Jane Doe", False, rules)[0] == "in_attendance"
    section, content = match_label("Apologies for absence were received from Councillors A and B.", False, rules)
    assert section == "apologies"
    assert match_label("RESOLVED that the report be noted.", False, rules)[0] == "resolved"


def test_sections_agenda_items_are_tracked():
    rules = load_rules()
    blocks = [("paragraph", "25/24  Child Protection Conference performance"), ("heading", "Minutes:"),
              ("paragraph", "The Committee considered a report."), ("heading", "RESOLVED:"), ("list_item", "That the report be noted.")]
    labelled = label_blocks(blocks, rules)
    assert [s.item for s in labelled] == ["25/24"] * 5
    assert labelled[-1].section == "resolved"
    assert agenda_item("Item 6 Analysis of cases") == "6"
    assert agenda_item("The report was noted") is None
    assert agenda_item("21 July 2025, 10.00 am, County Hall") is None      # a date line, not item 21
    assert agenda_item("12 Sept meeting") is None


def test_sections_numbered_section_headings():
    rules = load_rules()
    assert match_label("Section 2 - Attendance", False, rules)[0] == "present"
    assert match_label("Section 6 - Plan", False, rules)[0] == "plan"
    assert match_label("Part 3: Apologies", False, rules)[0] == "apologies"
    assert match_label("Section 47 enquiries were completed on both children.", False, rules) is None

"""Build the bundled Word templates (letter, record, minutes, agenda, agenda_report .docx).

    .venv/bin/python templates/make_templates.py

Each template is an ordinary Word document a clerk can open and restyle (styles "Normal",
"Title", "Heading 1/2", "Letterhead", "Label", "Table Grid"; the letterhead block sits in the page
header) with Jinja tags docxtpl understands: `{{ value }}` inside a run, `{%p ... %}` paragraphs
for loops and conditions over paragraphs, `{%tr ... %}` rows for table loops.  Every tag is in a
single run, so the templates survive re-saving in Word as long as a tag is not partly restyled.
The variables are listed in templates/README.md.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
BLUE = RGBColor(0x1F, 0x4E, 0x79)
RED = RGBColor(0xC0, 0x00, 0x00)
GREY = RGBColor(0x44, 0x44, 0x44)


def new_document(footer: str) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(1.8)
    section.header_distance = Cm(0.9)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, color in (("Title", 18, BLUE), ("Heading 1", 15, BLUE), ("Heading 2", 12.5, BLUE), ("Heading 3", 11, GREY)):
        style = styles[name]
        style.font.name, style.font.size, style.font.color.rgb, style.font.bold = "Arial", Pt(size), color, True
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)
    title = styles["Title"]
    title.paragraph_format.space_after = Pt(6)
    letterhead = styles.add_style("Letterhead", WD_STYLE_TYPE.PARAGRAPH)
    letterhead.base_style = normal
    letterhead.font.size, letterhead.font.color.rgb = Pt(9), GREY
    letterhead.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    letterhead.paragraph_format.space_after = Pt(0)
    label = styles.add_style("Label", WD_STYLE_TYPE.CHARACTER)
    label.font.bold = True
    draft = styles.add_style("Draft", WD_STYLE_TYPE.PARAGRAPH)
    draft.base_style = normal
    draft.font.size, draft.font.bold, draft.font.color.rgb = Pt(20), True, RED
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _letterhead(section)
    footer_p = section.footer.paragraphs[0]
    footer_p.text = footer
    footer_p.style = styles["Letterhead"]
    footer_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the opening DRAFT banner (the DRAFT mark is also in the header of every page)
    tag(doc, "{%p if draft %}")
    doc.add_paragraph("DRAFT: NOT FOR CIRCULATION", style="Draft")
    tag(doc, "{%p endif %}")
    return doc


def _letterhead(section) -> None:
    """The letterhead block in the page header: restyle it or replace it with the council's logo."""
    header = section.header
    first = header.paragraphs[0]
    run = first.add_run("{{ letterhead.name }}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(15), BLUE
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in ("{{ letterhead.service }}{% if letterhead.service %} · {% endif %}{{ letterhead.address }}",
                 "{{ letterhead.phone }}{% if letterhead.email %} · {{ letterhead.email }}{% endif %}"):
        p = header.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r in p.runs:
            r.font.size, r.font.color.rgb = Pt(9), GREY
    p = header.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = p.add_run("{% if draft %}DRAFT{% endif %}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RED


def tag(doc, text: str) -> None:
    doc.add_paragraph(text)


def para(doc, text: str = "", label: str | None = None, style: str | None = None, align=None):
    """A paragraph; `label` is a bold lead-in ("Present: ") in its own run."""
    p = doc.add_paragraph(style=style)
    if label:
        p.add_run(label, style="Label")
    if text:
        p.add_run(text)
    if align is not None:
        p.alignment = align
    return p


def each(doc, loop: str, text: str, style: str | None = None, label: str | None = None) -> None:
    """One paragraph per item: `{%p for loop %}` / text / `{%p endfor %}`."""
    tag(doc, f"{{%p for {loop} %}}")
    para(doc, text, label=label, style=style)
    tag(doc, "{%p endfor %}")


def _hanging(p, indent_cm: float) -> None:
    """Number, tab, text: wrapped lines line up with the text."""
    p.paragraph_format.left_indent = Cm(indent_cm)
    p.paragraph_format.first_line_indent = Cm(-indent_cm)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(indent_cm))


def when(doc, condition: str, build) -> None:
    tag(doc, f"{{%p if {condition} %}}")
    build()
    tag(doc, "{%p endif %}")


def grid(doc, headers: list[str], loop: str, cells: list[str], widths: list[float]) -> None:
    """A table with a header row and one row per item (`{%tr for %}` rows around it)."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.paragraphs[0].add_run(text).bold = True
        _shade(cell)
    table.rows[1].cells[0].paragraphs[0].text = f"{{%tr for {loop} %}}"
    for i, text in enumerate(cells):
        table.rows[2].cells[i].paragraphs[0].text = text
    table.rows[3].cells[0].paragraphs[0].text = "{%tr endfor %}"
    _widths(table, widths)
    _compact(table)
    _spacer(doc)


def _spacer(doc) -> None:
    """A small empty paragraph so the text after a table does not touch it."""
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(6)


def pairs(doc, rows: list[tuple[str, str]], widths: tuple[float, float] = (5.0, 11.6)) -> None:
    """A two-column label/value table."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, rows):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        _shade(row.cells[0])
        row.cells[1].paragraphs[0].text = value
    _widths(table, list(widths))
    _compact(table)
    _spacer(doc)


def _widths(table, widths: list[float]) -> None:
    from docx.oxml.ns import qn

    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(Cm(width).twips))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def _compact(table) -> None:
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.space_after = Pt(2)
                for r in p.runs:
                    r.font.size = Pt(10)


def _shade(cell, fill: str = "DCE6F1") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


ACTION_CELLS = ["{{ action.what }}", "{{ action.owner }}", "{{ action.due|ukdate if action.due else action.due_text }}"]


def letter() -> Document:
    doc = new_document("Confidential: this letter is about children and their family. Please keep it safe.")
    para(doc, "{{ letter_date|ukdate }}")
    when(doc, "recipients", lambda: para(doc, "{{ recipients|join_and }}", label="To: "))
    para(doc, "{{ salutation }},")
    doc.add_paragraph("Outcome of the {{ conference.title }} held on {{ conference.date|ukdate }}", style="Heading 1")
    para(doc, "I am writing to confirm the outcome of the {{ conference.title }} held on {{ conference.date|ukdate(True) }}"
              "{% if conference.time %} at {{ conference.time|uktime }}{% endif %}{% if conference.venue %} at "
              "{{ conference.venue }}{% endif %} about {{ child_names }}. Thank you to everyone who took part.")
    doc.add_paragraph("The conference's decision", style="Heading 2")
    each(doc, "child in children", "{{ child.sentence }}")

    def worries():
        doc.add_paragraph("Why the conference reached this decision", style="Heading 2")
        para(doc, "The conference was worried about:")
        each(doc, "worry in worries", "{{ worry }}", style="List Bullet")
    when(doc, "worries", worries)
    doc.add_paragraph("Outline of the {{ plan_name }}", style="Heading 2")
    tag(doc, "{%p if plan_actions %}")
    grid(doc, ["What needs to happen", "Who", "By when"], "action in plan_actions", ACTION_CELLS, [9.6, 4.0, 3.0])
    tag(doc, "{%p else %}")
    para(doc, "The plan will be agreed at the first core group meeting.")
    tag(doc, "{%p endif %}")
    when(doc, "contingency_plan", lambda: para(doc, "{{ contingency_plan }}", label="If things do not improve: "))
    doc.add_paragraph("Lead social worker", style="Heading 2")
    para(doc, "The lead social worker is {{ lead_social_worker.name }}{% if lead_social_worker.contact %} "
              "({{ lead_social_worker.contact }}){% endif %}.")
    doc.add_paragraph("First core group meeting", style="Heading 2")
    para(doc, "The first core group meeting will be on {{ core_group.date|ukdate(True) }} at {{ core_group.time|uktime }}, "
              "{{ core_group.venue }}.")
    doc.add_paragraph("Next review conference", style="Heading 2")
    para(doc, "The next review conference will be on {{ review.date|ukdate(True) }}{% if review.time %} at "
              "{{ review.time|uktime }}{% endif %}{% if review.venue %}, {{ review.venue }}{% endif %}.")
    doc.add_paragraph("If you disagree with the decision", style="Heading 2")
    para(doc, "If you are unhappy with the decision or the way the conference was run, please speak to me first. "
              "If we cannot resolve it, you can make a complaint under the child protection conference complaints "
              "procedure: write to the Safeguarding and Quality Assurance Unit within 20 working days of the "
              "conference, saying what you disagree with and why.")
    p = para(doc, "Yours sincerely,")
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(30)
    p = doc.add_paragraph()
    p.add_run("{{ chair.name }}").bold = True
    p.paragraph_format.space_after = Pt(0)
    para(doc, "{{ chair.role or 'Child Protection Conference Chair' }}").paragraph_format.space_after = Pt(0)
    when(doc, "chair.contact", lambda: para(doc, "{{ chair.contact }}"))
    when(doc, "copy_to", lambda: para(doc, "{{ copy_to|join_and }}", label="Copy to: "))
    return doc


def names(loop: str) -> str:
    return ("{% for person in " + loop + " %}{{ person.name }}{% if person.role %} ({{ person.role }}){% endif %}"
            "{% if not loop.last %}; {% endif %}{% endfor %}")


def record() -> Document:
    doc = new_document("Confidential: not to be shared beyond the distribution list.")
    doc.add_paragraph("Record of the {{ conference.title }}", style="Title")
    pairs(doc, [
        ("Family", "{{ family_name }}"),
        ("Children", "{% for child in children %}{{ child.name }}{% if child.date_of_birth %} (born "
                     "{{ child.date_of_birth|ukdate }}){% endif %}{% if not loop.last %}; {% endif %}{% endfor %}"),
        ("Address", "{{ address }}"),
        ("Date of conference", "{{ conference.date|ukdate(True) }}{% if conference.time %}, {{ conference.time|uktime }}{% endif %}"),
        ("Venue", "{{ conference.venue }}"),
        ("Chair", "{{ chair.name }}{% if chair.role %}, {{ chair.role }}{% endif %}"),
        ("Minute-taker", "{{ minute_taker }}"),
    ])
    doc.add_paragraph("1. Attendance", style="Heading 1")
    grid(doc, ["Name", "Role", "Agency"], "person in present",
         ["{{ person.name }}", "{{ person.role }}{% if person.excluded_from %} (not present for {{ person.excluded_from }}){% endif %}",
          "{{ person.agency }}"], [5.0, 6.0, 5.6])
    when(doc, "apologies", lambda: para(doc, names("apologies"), label="Apologies: "))
    when(doc, "reports_only", lambda: para(doc, names("reports_only"), label="Report submitted, did not attend: "))
    when(doc, "absent", lambda: para(doc, names("absent"), label="Invited, did not attend: "))
    doc.add_paragraph("2. Reports received", style="Heading 1")
    each(doc, "report in reports", "{{ report.agency }}{% if report.author %} ({{ report.author }}){% endif %}"
         "{% if report.shared_with_parents %}: shared with parents{% elif report.shared_with_parents is sameas false %}"
         ": not shared with parents{% endif %}", style="List Bullet")
    doc.add_paragraph("3. Purpose of the conference and the concerns", style="Heading 1")
    each(doc, "p in purpose + concerns", "{{ p }}")

    def previous():
        doc.add_paragraph("Outcome of the previous conference", style="Heading 2")
        each(doc, "p in previous_outcome", "{{ p }}")
    when(doc, "previous_outcome", previous)
    doc.add_paragraph("4. Information from agencies", style="Heading 1")
    tag(doc, "{%p for info in agency_information %}")
    doc.add_paragraph("{{ info.agency }}", style="Heading 2")
    each(doc, "p in info.paragraphs", "{{ p }}")
    tag(doc, "{%p endfor %}")
    doc.add_paragraph("5. Views of the child", style="Heading 1")
    each(doc, "p in child_views", "{{ p }}")
    doc.add_paragraph("6. Views of the parents and family", style="Heading 1")
    each(doc, "p in parent_views", "{{ p }}")
    doc.add_paragraph("7. What is working well", style="Heading 1")
    each(doc, "s in strengths", "{{ s }}", style="List Bullet")
    doc.add_paragraph("8. Worries", style="Heading 1")
    each(doc, "r in risks", "{{ r }}", style="List Bullet")
    when(doc, "risk_factors", lambda: para(doc, "{{ risk_factors|join_and }}", label="Risk factors: "))
    when(doc, "danger_statement", lambda: para(doc, "{{ danger_statement }}", label="Danger statement: "))
    when(doc, "safety_scale", lambda: para(doc, "{{ safety_scale }}", label="Safety scale (0-10): "))
    doc.add_paragraph("9. Chair's summary and analysis", style="Heading 1")
    each(doc, "p in analysis", "{{ p }}")
    doc.add_paragraph("10. Decision", style="Heading 1")
    grid(doc, ["Child", "Decision", "Category"], "child in children",
         ["{{ child.name }}", "{{ child.decision }}", "{{ child.category if child.on_plan else '' }}"], [6.0, 5.3, 5.3])
    each(doc, "child in children", "{{ child.sentence }}")
    when(doc, "dissent", lambda: para(doc, "{{ dissent|join(' ') }}", label="Dissent: "))
    doc.add_paragraph("11. Outline {{ plan_name }}", style="Heading 1")
    grid(doc, ["What needs to happen", "Who", "By when"], "action in plan_actions", ACTION_CELLS, [9.6, 4.0, 3.0])
    doc.add_paragraph("Contingency plan", style="Heading 2")
    each(doc, "p in contingency", "{{ p }}")
    doc.add_paragraph("12. Core group", style="Heading 1")
    para(doc, "{{ lead_social_worker.name }}{% if lead_social_worker.contact %} ({{ lead_social_worker.contact }}){% endif %}",
         label="Lead social worker: ")
    when(doc, "core_group_members", lambda: para(doc, "{{ core_group_members|join_and }}", label="Members: "))
    para(doc, "{{ core_group.date|ukdate(True) }}{% if core_group.time %} at {{ core_group.time|uktime }}{% endif %}"
              "{% if core_group.venue %}, {{ core_group.venue }}{% endif %}", label="First core group: ")
    doc.add_paragraph("13. Review conference", style="Heading 1")
    para(doc, "{{ review.date|ukdate(True) }}{% if review.time %} at {{ review.time|uktime }}{% endif %}"
              "{% if review.venue %}, {{ review.venue }}{% endif %}")
    doc.add_paragraph("14. Distribution", style="Heading 1")
    para(doc, "{{ distribution|join_and }}")
    p = para(doc, "{{ chair.name }}", label="Chair: ")
    p.paragraph_format.space_before = Pt(18)
    return doc


def minutes() -> Document:
    doc = new_document("Minutes are subject to confirmation at the next meeting.")
    doc.add_paragraph("{{ body }}", style="Title")
    p = para(doc)
    p.add_run("Minutes of the meeting held on {{ meeting_date|ukdate(True) }}{% if meeting_time %} at "
              "{{ meeting_time|uktime }}{% endif %}{% if venue %}, {{ venue }}{% endif %}").bold = True
    para(doc, "{{ present_line }}", label="Present: ")
    when(doc, "in_attendance_line", lambda: para(doc, "{{ in_attendance_line }}", label="In attendance: "))
    when(doc, "apologies_line", lambda: para(doc, "{{ apologies_line }}", label="Apologies: "))
    each(doc, "line in substitutes", "{{ line }}")

    def declarations():
        doc.add_paragraph("Declarations of interest", style="Heading 2")
        each(doc, "d in declarations", "{{ d.member }} {{ d.phrase }}{% if d.item %} in item {{ d.item }}{% endif %}"
             "{% if d.text %}: {{ d.text }}{% endif %}", style="List Bullet")
    when(doc, "declarations and not declarations_item", declarations)
    tag(doc, "{%p for item in items %}")
    doc.add_paragraph("{{ item.number }}    {{ item.title }}", style="Heading 2")

    def narrative():
        para(doc, label="Minutes:")
        each(doc, "p in item.minutes", "{{ p }}")
    when(doc, "item.minutes", narrative)

    def resolved():
        para(doc, label="RESOLVED:")
        tag(doc, "{%p for r in item.resolutions %}")
        _hanging(para(doc, "{{ r.marker }}\t{{ r.text }}"), 1.0)
        tag(doc, "{%p endfor %}")
    when(doc, "item.resolutions", resolved)

    def supporting():
        para(doc, label="Supporting documents:")
        each(doc, "doc in item.supporting_documents", "{{ doc }}", style="List Bullet")
    when(doc, "item.supporting_documents", supporting)
    tag(doc, "{%p endfor %}")
    when(doc, "next_meeting", lambda: para(doc, "{{ next_meeting|ukdate(True) }}", label="Date of next meeting: "))
    p = para(doc, "Chair ..............................................")
    p.paragraph_format.space_before = Pt(24)
    return doc


AGENDA_CELLS = ["{{ entry.number }}",
                "{{ entry.title }}{% if entry.note %} - {{ entry.note }}{% endif %}{% if entry.exempt is string %} "
                "(exempt: {{ entry.exempt }}){% endif %}",
                "{{ entry.report or '' }}{% if entry.report and entry.presenter %}; {% endif %}"
                "{% if entry.presenter %}presented by {{ entry.presenter }}{% endif %}"]


def agenda() -> Document:
    doc = new_document("Agenda")
    doc.add_paragraph("{{ body }}", style="Title")
    doc.add_paragraph("Agenda", style="Heading 1")
    pairs(doc, [("Date", "{{ meeting_date|ukdate(True) }}"), ("Time", "{{ meeting_time|uktime }}"), ("Venue", "{{ venue }}")])
    when(doc, "present", lambda: para(doc, "{{ present_line }}", label="Membership: "))
    doc.add_paragraph("Part 1: items open to the public and press", style="Heading 2")
    grid(doc, ["Item", "Business", "Report and presenter"], "entry in part1", AGENDA_CELLS, [1.4, 9.2, 6.0])

    def part2():
        doc.add_paragraph("Part 2: exempt items", style="Heading 2")
        para(doc, "The Committee is likely to resolve that the public and press be excluded for the following items "
                  "because they involve the likely disclosure of exempt information as defined in Schedule 12A to "
                  "the Local Government Act 1972.")
        grid(doc, ["Item", "Business", "Report and presenter"], "entry in part2", AGENDA_CELLS, [1.4, 9.2, 6.0])
    when(doc, "part2", part2)
    doc.add_paragraph("Date of next meeting", style="Heading 2")
    para(doc, "{{ next_meeting|ukdate(True) if next_meeting else 'To be confirmed.' }}")
    return doc


def agenda_report() -> Document:
    doc = new_document("A large print version of this report is available on request.")
    doc.add_paragraph("{{ body }}", style="Title")
    p = para(doc)
    p.add_run("{{ meeting_date|ukdate }}").bold = True
    doc.add_paragraph("{{ report.title }}", style="Heading 1")
    p = para(doc)
    p.add_run("Report of the {{ report.report_of }}").bold = True
    pairs(doc, [
        ("Strategic aim", "{{ report.strategic_aim }}"),
        ("Exempt information", "{{ report.exempt_information }}"),
        ("Key decision", "{{ report.key_decision }}"),
        ("Cabinet member(s) responsible", "{{ report.cabinet_member }}"),
        ("Contact officer(s)", "{% for o in report.contact_officers %}{{ o.name }}{% if o.role %}, {{ o.role }}{% endif %}"
                               "{% if o.phone %}, {{ o.phone }}{% endif %}{% if o.email %}, {{ o.email }}{% endif %}"
                               "{% if not loop.last %}; {% endif %}{% endfor %}"),
        ("Ward councillors", "{{ report.wards }}"),
    ], widths=(5.2, 11.4))
    doc.add_paragraph("Decision recommendations", style="Heading 2")
    para(doc, "{{ report.recommendations_intro }}")
    tag(doc, "{%p for r in report.recommendations %}")
    _hanging(para(doc, "{{ r.number }}\t{{ r.text }}"), 1.2)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for section in report.sections %}")
    doc.add_paragraph("{{ section.number }}    {{ section.heading|upper }}", style="Heading 2")
    tag(doc, "{%p for p in section.paragraphs %}")
    _hanging(para(doc, "{{ p.number }}\t{{ p.text }}"), 1.2)
    tag(doc, "{%p else %}")
    para(doc, "None.")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    return doc


TEMPLATES = {"letter.docx": letter, "record.docx": record, "minutes.docx": minutes, "agenda.docx": agenda,
             "agenda_report.docx": agenda_report}


def main(folder: Path = HERE) -> None:
    for name, build in TEMPLATES.items():
        doc = build()
        doc.core_properties.title = name.removesuffix(".docx")
        doc.core_properties.author = "minutes"
        doc.save(folder / name)
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()

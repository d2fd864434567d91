"""Make the DOCX and PDF samples from the text samples and seeds (python-docx + reportlab).

Run from anywhere:  python samples/make_samples.py
The output is deterministic: DOCX core properties and zip entry times are fixed, and reportlab
runs in invariant mode, so running it twice gives byte-identical files.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt
from reportlab import rl_config

rl_config.invariant = 1          # fixed IDs and dates in PDFs: byte-identical output

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
    SimpleDocTemplate, Spacer, Table, TableStyle,
)

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
NBSP = "\u00a0"

# --------------------------------------------------------------------------- helpers


def _save_docx(document: docx.document.Document, path: Path) -> None:
    """Save with fixed metadata and zip timestamps so the bytes do not change between runs."""
    import datetime as dt

    props = document.core_properties
    fixed = dt.datetime(2026, 1, 1, 0, 0, 0)
    props.created = props.modified = props.last_printed = fixed
    props.author = props.last_modified_by = "minutes samples"
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed_info = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed_info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed_info, src.read(info.filename))
    path.write_bytes(out.getvalue())


def _lines(path: Path) -> list[str]:
    """Non-blank lines of a seed (the seeds separate paragraphs with lines holding only a NBSP)."""
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.replace(NBSP, " ").strip()]


def _plain(text: str) -> str:
    """Drop the markdown-ish markup of a converted seed: <sup>, <br>, **bold**, escapes."""
    text = re.sub(r"<sup>(.*?)</sup>", r"\1", text)
    text = text.replace("<br>", " ").replace("**", "").replace("\\*", "*")
    return text.strip()


def _esc(text: str) -> str:
    """Escape text for a reportlab Paragraph (which reads a little XML)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _set_header(document: docx.document.Document, text: str) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = text


# --------------------------------------------------------------------------- Rutland


def _rutland_parts() -> list[tuple[str, object]]:
    """The Rutland seed as (kind, value) parts: heading level N, paragraph, table rows."""
    parts: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for line in _lines(HERE / "seed_rutland_cp_annual_report_2016_17.txt"):
        if line.startswith("|"):
            cells = [_plain(c) for c in line.strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table.append(cells)
            continue
        if table:
            parts.append(("table", [r for r in table if any(r)]))
            table = []
        heading = re.match(r"^(#+)\s*(.*)$", line)
        if heading:
            parts.append((f"h{min(len(heading.group(1)), 4)}", _plain(heading.group(2))))
        else:
            parts.append(("p", _plain(re.sub(r"^[-\u27a2>]\s+", "", line))))
    if table:
        parts.append(("table", table))
    return [(k, v) for k, v in parts if v]


def make_rutland_pdf(path: Path) -> None:
    """Running header, "Page N" footer; page 2 is set in two columns, the rest in one."""
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontSize=9.5, leading=12, spaceAfter=4)
    heads = {f"h{i}": ParagraphStyle(f"h{i}", parent=styles[f"Heading{i}"],
                                      fontSize=15 - 2 * i, leading=18 - 2 * i) for i in range(1, 5)}
    width, height = A4
    margin = 20 * mm

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - 12 * mm, "Children and Young People Scrutiny Panel - 23 November 2017")
        canvas.drawRightString(width - margin, height - 12 * mm, "Child Protection Annual Report 2016-2017")
        canvas.drawCentredString(width / 2, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    frame_h = height - 2 * margin
    one = Frame(margin, margin, width - 2 * margin, frame_h, id="one")
    col_w = (width - 2 * margin - 8 * mm) / 2
    left = Frame(margin, margin, col_w, frame_h, id="left")
    right = Frame(margin + col_w + 8 * mm, margin, col_w, frame_h, id="right")
    doc = BaseDocTemplate(str(path), pagesize=A4, title="Child Protection Annual Report 2016-2017 (sample)",
                          author="minutes samples", creator="minutes samples")
    doc.addPageTemplates([PageTemplate("one", [one], onPage=decorate),
                          PageTemplate("two", [left, right], onPage=decorate)])
    story: list = []
    for kind, value in _rutland_parts():
        if kind.startswith("h") and str(value).startswith("2 BACKGROUND"):
            story += [NextPageTemplate("two"), PageBreak(), NextPageTemplate("one")]
        if kind == "table":
            rows = [[Paragraph(_esc(c), body) for c in row] for row in value]  # type: ignore[union-attr]
            table = Table(rows, colWidths=[50 * mm, 70 * mm, 50 * mm])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
        elif kind.startswith("h"):
            story.append(Paragraph(_esc(str(value)), heads[kind]))
        else:
            story.append(Paragraph(_esc(str(value)), body))
    doc.build(story)


def make_rutland_docx(path: Path) -> None:
    """Headings as Word heading styles and the contact-officer block as a Word table."""
    document = docx.Document()
    _set_header(document, "Children and Young People Scrutiny Panel - 23 November 2017")
    for kind, value in _rutland_parts():
        if kind == "table":
            rows = value  # type: ignore[assignment]
            ncols = max(len(r) for r in rows)
            table = document.add_table(rows=0, cols=ncols)
            table.style = "Table Grid"
            for row in rows:
                cells = table.add_row().cells
                for i, text in enumerate(row):
                    cells[i].text = text
        elif kind.startswith("h"):
            document.add_heading(str(value), level=int(kind[1]))
        else:
            document.add_paragraph(str(value))
    _save_docx(document, path)


# --------------------------------------------------------------------------- Trafford


def _trafford_lines() -> list[str]:
    return _lines(HERE / "seed_trafford_cp_plans.txt")


def make_trafford_docx(path: Path) -> None:
    """Item title as a heading, "Minutes:" / "RESOLVED:" as bold paragraphs, resolutions as list items."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(11)
    for line in _trafford_lines():
        if line in ("Agenda item",):
            document.add_paragraph(line)
        elif line.isupper() and len(line) < 60:
            document.add_heading(line.title(), level=1)
        elif line.rstrip(":") in ("Minutes", "RESOLVED", "Supporting documents"):
            document.add_paragraph().add_run(line).bold = True
        elif re.match(r"^\d+\)\s", line):
            document.add_paragraph(re.sub(r"\s+", " ", line), style="List Paragraph")
        else:
            document.add_paragraph(line)
    _save_docx(document, path)


def make_trafford_pdf(path: Path) -> None:
    """A plain one-column PDF with a "Page N of the sample" footer."""
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontSize=10.5, leading=14, spaceAfter=6)

    def footer(canvas, doc) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")

    doc = SimpleDocTemplate(str(path), pagesize=A4, title="Child Protection Plans (sample)",
                            author="minutes samples", creator="minutes samples")
    story: list = []
    for line in _trafford_lines():
        if line.isupper() and len(line) < 60:
            story.append(Paragraph(_esc(line), styles["Heading1"]))
        else:
            story.append(Paragraph(_esc(re.sub(r"\s+", " ", line)), body))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# --------------------------------------------------------------------------- committee minutes

_ATTENDANCE_KEYS = ("Present:", "Co-opted members:", "Also present:", "In attendance:", "Apologies:")


def _committee_people() -> list[tuple[str, str, str]]:
    """(name, role, status) rows for the attendance table; kept in step with the .txt sample."""
    rows = [(f"Councillor {n}", r, "Present") for n, r in [
        ("Helen Ashworth", "Chair"), ("Tom Baxter", "Vice-Chair"), ("Aisha Karim", "Member"),
        ("Peter Lowe", "Member"), ("Gareth Morgan", "Member (substitute for Councillor Heath)"),
        ("Jenny Okafor", "Member")]]
    rows += [("Mrs Ruth Delaney", "Co-opted member (Diocesan representative)", "Present"),
             ("Mr Samuel Ng", "Co-opted member (parent governor representative)", "Present"),
             ("Councillor Diane Fuller", "Cabinet Member for Children and Families", "Also present"),
             ("Claire Haddon", "Director of Children's Services", "In attendance"),
             ("Mark Turnbull", "Head of Safeguarding and Quality Assurance", "In attendance"),
             ("Detective Inspector Fiona Reid", "Eastbrook Police, Public Protection Unit", "In attendance"),
             ("Angela Price", "Designated Nurse for Safeguarding Children, Integrated Care Board", "In attendance"),
             ("Simon Yates", "Democratic Services Officer", "In attendance"),
             ("Councillor Bob Heath", "Member", "Apologies"),
             ("Councillor Lesley Norris", "Member", "Apologies")]
    return rows


def make_committee_docx(path: Path) -> None:
    """The committee minutes with the Present / In attendance / Apologies lists as one Word table."""
    document = docx.Document()
    _set_header(document, "Children and Young People Scrutiny Committee - 14 January 2026 (fictitious)")
    table_done = False
    for line in _lines(HERE / "committee_minutes_cyp_scrutiny.txt"):
        if line.startswith(_ATTENDANCE_KEYS):
            if not table_done:
                document.add_heading("Attendance", level=2)
                table = document.add_table(rows=1, cols=3)
                table.style = "Table Grid"
                for cell, text in zip(table.rows[0].cells, ("Name", "Role", "Status")):
                    cell.text = text
                for row in _committee_people():
                    for cell, text in zip(table.add_row().cells, row):
                        cell.text = text
                table_done = True
            if line.startswith("Apologies:") and "substitute" in line:
                document.add_paragraph(line.split(". ", 1)[1])
            continue
        if line == "Children and Young People Scrutiny Committee":
            document.add_heading(line, level=1)
        elif re.match(r"^\d+/\d+\s", line):
            document.add_heading(re.sub(r"\s+", " ", line), level=2)
        elif line in ("Minutes:", "RESOLVED:", "Supporting documents:"):
            document.add_paragraph().add_run(line).bold = True
        else:
            document.add_paragraph(line)
    _save_docx(document, path)


# --------------------------------------------------------------------------- RCPC notes (Khan)

KHAN_ATTENDANCE = [
    ("Name", "Role", "Agency", "Attended/Apologies/Report"),
    ("Rachel Adeyemi", "Independent Reviewing Officer (Chair)", "Children's Social Care", "Attended"),
    ("Samina Khan", "Mother", "", "Attended"),
    ("Imran Khan", "Father", "", "Attended (separately, 11.15-11.45)"),
    ("Tom Richards", "Social Worker", "Children's Social Care", "Attended"),
    ("Jas Bains", "Health Visitor", "0-19 Service (Health Visiting)", "Attended"),
    ("Claire Dobson", "Designated Safeguarding Lead", "St Aidan's CE Primary School", "Attended"),
    ("Lucy Hart", "IDVA", "IDVA Service (Safe Steps Eastbrook)", "Attended"),
    ("PC Daniel Ward", "Police Officer", "Police (Public Protection Unit)", "Report"),
    ("Dr Anil Mehta", "GP", "Parkside Surgery (GP)", "Report"),
    ("Mark Sutton", "Recovery Worker", "Substance Misuse Service (Eastbrook Recovery)", "Apologies"),
    ("Hayley Burns", "Minute taker", "Business Support", "Attended"),
]

KHAN_NOTES: list[tuple[str, list[str]]] = [
    ("Purpose of the conference", [
        "First review of the Child Protection Plans made at the Initial Child Protection Conference on "
        "14/01/2026. The chair explained that the conference would decide whether Zara and Ibrahim "
        "continue to need a plan. Mr Khan attended a separate part of the conference at Mrs Khan's "
        "request because of the history of domestic abuse.",
    ]),
    ("Progress since the initial conference", [
        "Mr Khan moved out of the family home on 20/01/2026. A non-molestation order was granted on "
        "03/02/2026. There has been one breach, on 28/02/2026, when Mr Khan came to the house after "
        "using cocaine; police attended and he was arrested.",
        "Mrs Khan has engaged with the IDVA and completed the Freedom Programme. Contact between the "
        "children and their father is supervised at the family centre on Saturdays.",
    ]),
    ("Information from agencies", [
        "Social Worker (Tom Richards): 9 visits, children seen alone on 6. The home is calm and warm. "
        "Zara still worries that her dad will come back angry. Mr Khan has not yet engaged with "
        "Eastbrook Recovery.",
        "Health Visitor (Jas Bains): Ibrahim's 2.5 year review showed delayed speech, referred to SALT. "
        "Mrs Khan attends all appointments.",
        "School (Claire Dobson, DSL): Zara's attendance 97%. She has weekly sessions with the learning "
        "mentor and is starting to talk about home.",
        "Police (report): one incident, breach of the order on 28/02/2026, Mr Khan charged.",
        "GP (report): Mr Khan has not attended two appointments about his drug use.",
        "Substance misuse service (apologies, by email): Mr Khan was referred but has not attended "
        "the two assessments offered.",
    ]),
    ("Views of the children", [
        "Zara (10) completed a 'my world' sheet with her social worker: she feels safer at home and "
        "wants to see her dad \"when he is not angry\". Ibrahim (6) said he likes the family centre.",
    ]),
    ("Views of the parents", [
        "Mrs Khan said that things are much better and that she feels supported. Mr Khan said he "
        "wants more contact and that the plan is unfair, but accepted he has not attended the "
        "substance misuse service.",
    ]),
    ("Analysis", [
        "Working well: mother's protective action, children's attendance and health. Worries: father's "
        "drug use, the breach of the order and the emotional impact on Zara. Safety scale: 5/10.",
    ]),
    ("Decision", [
        "Decision: Zara Khan (DOB 05/06/2015) to continue to be subject of a Child Protection Plan under "
        "the category of Emotional abuse.",
        "Decision: Ibrahim Khan (DOB 22/11/2019) to continue to be subject of a Child Protection Plan "
        "under the category of Emotional abuse.",
        "Mr Khan disagreed with the decision. Mrs Khan agreed.",
    ]),
    ("Actions", [
        "Tom Richards (SW) to update the CP plan and circulate it by 22/04/2026.",
        "Mr Khan to attend an assessment at Eastbrook Recovery by 30/04/2026.",
        "Lucy Hart (IDVA) to review the safety plan with Mrs Khan by 24/04/2026.",
        "Claire Dobson (DSL) to continue learning mentor sessions for Zara, review at core group.",
        "Contingency: if the order is breached again, SW to convene a strategy discussion the same day.",
    ]),
    ("Core group and review", [
        "Next core group: Wednesday 29/04/2026 at 1.30pm, St Aidan's CE Primary School.",
        "Next Review Child Protection Conference: Wednesday 14th October 2026 at 10.00am, Eastbrook "
        "Family Hub.",
        "Chair: Rachel Adeyemi, Independent Reviewing Officer.",
    ]),
]


def make_khan_docx(path: Path) -> None:
    """A Review CP Conference record: details, attendance as a Word table, then headed notes."""
    document = docx.Document()
    _set_header(document, "OFFICIAL-SENSITIVE - FICTITIOUS EXAMPLE")
    document.add_heading("Review Child Protection Conference", level=1)
    for line in ("Family: KHAN (fictitious)",
                 "Children: Zara Khan (DOB 05/06/2015), Ibrahim Khan (DOB 22/11/2019)",
                 "Address: 8 Willow Court, Eastbrook, EB2 9LP",
                 "Date of conference: 15/04/2026, 10.00am",
                 "Venue: Eastbrook Family Hub, 40 Mill Lane, Eastbrook"):
        document.add_paragraph(line)
    document.add_heading("Attendance", level=2)
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for row in KHAN_ATTENDANCE:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    for heading, paragraphs in KHAN_NOTES:
        document.add_heading(heading, level=2)
        for text in paragraphs:
            document.add_paragraph(text)
    _save_docx(document, path)


# --------------------------------------------------------------------------- main

OUTPUTS = {
    "rcpc_notes_khan.docx": make_khan_docx,
    "committee_minutes_cyp_scrutiny.docx": make_committee_docx,
    "seed_trafford_cp_plans.docx": make_trafford_docx,
    "seed_trafford_cp_plans.pdf": make_trafford_pdf,
    "seed_rutland_cp_annual_report_2016_17.pdf": make_rutland_pdf,
    "seed_rutland_cp_annual_report_2016_17.docx": make_rutland_docx,
}


def main() -> None:
    """Write every generated sample next to this script and list them with their sizes."""
    for name, make in OUTPUTS.items():
        path = HERE / name
        make(path)
        print(f"{name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()

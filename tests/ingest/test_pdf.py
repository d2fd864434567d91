"""PDF reader tests on the reportlab fixtures in tests/fixtures/pdf (make_pdf_fixtures.py)."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from minutes.config import Settings
from minutes.errors import InputError, NoTextLayer, TooLarge
from minutes.ingest import read
from minutes.ingest.pdf_layout import scan_page

PDF = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
HEADER = "Children and Young People's Overview and Scrutiny Committee"


def texts(doc, kind: str | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]


def test_pdf_reads_headings_and_paragraphs_in_order():
    doc = read(PDF / "minutes_header.pdf")
    assert texts(doc, "heading") == [
        "1. Apologies for Absence",
        "2. Declarations of Interest",
        "3. Overview of the Child Protection Process",
        "4. Annual Report of the Independent Reviewing Officers",
        "5. Any Other Business",
    ]
    assert doc.blocks[1].kind == "paragraph"
    assert doc.blocks[1].text == "Apologies for absence were received from Councillors Adair and Brennan."
    first = doc.blocks[5].text
    assert first.startswith("Members considered the report") and first.endswith("the national average.")
    assert doc.blocks[6].text.startswith("The Strategic Manager explained")


def test_pdf_removes_running_header_and_page_numbers():
    doc = read(PDF / "minutes_header.pdf")
    assert doc.meta.headers == (HEADER,)
    assert doc.meta.footers == ("Page 75 1",)
    body = "\n".join(texts(doc))
    assert "Scrutiny Committee" not in body
    assert "Page 7" not in body


def test_pdf_sets_page_numbers_on_blocks():
    doc = read(PDF / "minutes_header.pdf")
    assert doc.meta.pages == 3
    pages = {b.text: b.page for b in doc.blocks if b.kind == "heading"}
    assert pages["1. Apologies for Absence"] == 1
    assert pages["4. Annual Report of the Independent Reviewing Officers"] == 2
    assert pages["5. Any Other Business"] == 3
    assert all(b.page in (1, 2, 3) for b in doc.blocks)


def test_pdf_marks_list_items_with_their_marker():
    doc = read(PDF / "minutes_header.pdf")
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [(b.marker, b.text) for b in items] == [
        ("-", "Members asked for quarterly figures on repeat plans.")
    ]


def test_pdf_joins_hyphenated_words_and_keeps_compounds():
    doc = read(PDF / "hyphenated.pdf")
    assert texts(doc) == [
        "Discussion",
        "The conference discussed the safeguarding concerns raised by the school and the multi-agency "
        "response, which had been co-ordinated by the social worker. The family had been offered "
        "self-referral to the support service and a well-being review by the Local "
        "Authority-Designated Officer.",
    ]


def test_pdf_reads_two_columns_left_before_right():
    doc = read(PDF / "two_column.pdf")
    order = [t.split(".")[0] for t in texts(doc, "paragraph")]
    assert order == [f"Left column paragraph {i}" for i in (1, 2, 3)] + [
        f"Right column paragraph {i}" for i in (1, 2, 3, 4)
    ]
    assert texts(doc)[0] == "Child Protection Conference Summary"
    assert any("two-column" in note for note in doc.meta.notes)


def test_pdf_one_column_page_is_not_split():
    doc = read(PDF / "minutes_header.pdf")
    assert not any("two-column" in note for note in doc.meta.notes)


def test_pdf_reads_ruled_table_rows_once():
    doc = read(PDF / "attendance_table.pdf")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "paragraph", "table", "heading", "paragraph"]
    table = doc.blocks[2]
    assert table.rows == (
        ("Name", "Role", "Agency", "Status"),
        ("Jane Doe", "Chair", "Safeguarding Unit", "Present"),
        ("Sam Patel", "Social Worker", "Children's Social Care", "Present"),
        ("Alex Kerr", "Health Visitor", "Community Health", "Apologies"),
        ("Priya Shah", "DSL", "Oakfield Primary School", "Report submitted"),
    )
    assert table.text.splitlines()[1] == "Jane Doe | Chair | Safeguarding Unit | Present"
    others = "\n".join(b.text for b in doc.blocks if b.kind != "table")
    assert "Jane Doe" not in others and "Oakfield" not in others


def test_pdf_grid_drawn_as_one_path_goes_to_pdfplumber():
    with pdfium.PdfDocument(str(PDF / "grid_one_path.pdf")) as pdf:
        page = pdf[0]
        assert scan_page(page, page.get_textpage()).needs_plumber
    doc = read(PDF / "grid_one_path.pdf")
    assert [b.kind for b in doc.blocks] == ["heading", "table", "paragraph"]
    assert doc.blocks[1].rows == (
        ("Agency", "Report"), ("Police", "Submitted"), ("Health Visiting", "Not received")
    )


def test_pdf_refuses_password_protected():
    with pytest.raises(InputError) as err:
        read(PDF / "encrypted.pdf")
    assert str(err.value) == (
        "Cannot read 'encrypted.pdf': is password-protected; remove the password and try again"
    )


def test_pdf_refuses_image_only_with_ocr_advice():
    with pytest.raises(NoTextLayer) as err:
        read(PDF / "image_only.pdf")
    assert "image_only.pdf" in str(err.value) and "ocrmypdf" in str(err.value)


def test_pdf_keeps_text_pages_and_counts_image_only_ones():
    doc = read(PDF / "partly_scanned.pdf")
    assert doc.meta.pages == 2
    assert texts(doc)[0] == "Conference Record"
    assert doc.meta.dropped == {"images": 2}
    assert any(note.startswith("1 of 2 pages have no text layer") for note in doc.meta.notes)


def test_pdf_refuses_truncated_file():
    with pytest.raises(InputError) as err:
        read(PDF / "truncated.pdf")
    assert "'truncated.pdf': is damaged" in str(err.value)


BROKEN = [b"%PDF-1.4\n" + b"garbage " * 200 + b"\n%%EOF\n", b"not a pdf at all\n" * 20]


@pytest.mark.parametrize("data", BROKEN)
def test_pdf_refuses_damaged_bytes(tmp_path, data):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read(path)
    assert "'minutes.pdf': is damaged" in str(err.value)
    assert "\n" not in str(err.value)


def test_pdf_refuses_more_pages_than_the_limit():
    with pytest.raises(TooLarge) as err:
        read(PDF / "minutes_header.pdf", Settings(pdf_max_pages=2))
    assert "has 3 pages, more than the limit of 2 (setting pdf_max_pages)" in str(err.value)


def test_pdf_stops_at_the_deadline():
    with pytest.raises(InputError) as err:
        read(PDF / "minutes_header.pdf", Settings(pdf_timeout_s=0))
    assert "took longer than 0 s to read (setting pdf_timeout_s)" in str(err.value)


def test_pdf_deadline_leaves_no_alarm_behind():
    import signal

    read(PDF / "attendance_table.pdf")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


@pytest.mark.parametrize("line,is_number", [
    ("Page 75 5", True), ("Page 3 of 12", True), ("- 4 -", True), ("12", True), ("3/12", True),
    ("12 children were subject to a plan", False), ("Page turner", False),
])
def test_pdf_page_number_lines(line, is_number):
    from minutes.ingest.pdf import _PAGE_NUMBER

    assert bool(_PAGE_NUMBER.match(line)) is is_number

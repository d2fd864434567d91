"""The plain text / Markdown reader, through the public `minutes.ingest.read`.

Fixtures are written by tests/fixtures/make_text_fixtures.py; seed_*.txt are public committee pages.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from minutes.errors import EmptyDocument, InputError
from minutes.ingest import read
from minutes.ingest.text import parse_text
from minutes.ingest.normalise_text import join_lines, split_marker

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "text"
SEEDS = sorted(FIX.glob("seed_*.txt"))
NOTE_SENTENCE = (
    "The chair said \u201cthe plan continues\u201d and it\u2019s agreed \u2013 Zo\u00eb Marsh (SW) "
    "noted \u2018neglect\u2019 costs \u00a3120."
)


def kinds(doc) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("enc_utf8.txt", "utf-8"),
        ("enc_utf8_bom.txt", "utf-8-sig"),
        ("enc_utf16le.txt", "utf-16-le"),
        ("enc_utf16be.txt", "utf-16-be"),
        ("enc_cp1252.txt", "cp1252"),
    ],
)
def test_text_decodes_each_encoding(name, encoding):
    doc = read(FIX / name)
    assert doc.meta.encoding == encoding
    assert kinds(doc) == [("paragraph", "Conference notes"), ("paragraph", NOTE_SENTENCE)]


def test_text_cp1252_smart_quote_bytes_become_curly_quotes(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes(b"\x93Yes\x94 and \x91no\x92")
    doc = read(path)
    assert doc.meta.encoding == "cp1252"
    assert doc.blocks[0].text == "\u201cYes\u201d and \u2018no\u2019"


def test_text_rejects_binary_junk(tmp_path):
    with pytest.raises(InputError, match="binary.txt.*does not look like text"):
        read(FIX / "binary.txt")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Present: Jane\x00 Okafor\x00\x01 and more words here")
    with pytest.raises(InputError, match="does not look like text") as err:
        read(nul)
    assert "Okafor" not in str(err.value)


def test_text_normalises_nbsp_zero_width_and_controls():
    doc = read(FIX / "nbsp.txt")
    assert kinds(doc) == [
        ("heading", "Minutes:"),
        ("paragraph", "The chair welcomed everyone. Zerowidth gone."),
        ("paragraph", "Bold terminal text stays."),
    ]
    assert doc.meta.dropped["control_chars"] == 9       # two 4-byte ESC sequences and one BEL


def test_text_line_ends_crlf_and_cr(tmp_path):
    path = tmp_path / "mac.txt"
    path.write_bytes(b"First para\rline two\r\rSecond para\r\n\r\nThird")
    assert [b.text for b in read(path).blocks] == ["First para line two", "Second para", "Third"]


def test_text_only_blank_lines_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\u00a0\n \n\u200b\n\t\n", encoding="utf-8")
    with pytest.raises(EmptyDocument):
        read(path)


def test_text_headings_atx_setext_bold_and_labels():
    doc = read(FIX / "structure.md")
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        (1, "Review Child Protection Conference"),
        (1, "Record of meeting"),
        (2, "Attendance"),
        (None, "Present:"),
        (3, "Concerns"),
        (None, "Decision"),
        (2, "Setext level two"),
    ]
    assert doc.meta.dropped == {"rules": 1}


def test_text_list_markers_levels_and_continuations():
    doc = read(FIX / "structure.md")
    items = [(b.marker, b.level, b.text) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("1.", 1, "The children remain subject to a child protection plan."),
        ("2.", 1, "Category: Neglect. The category was reviewed and not changed."),
        ("(a)", 2, "Sub-point one about school"),
        ("(b)", 2, "Sub-point two about health"),
        ("2.4.", 1, "Core group to meet within 10 working days."),
        ("1)", 1, "First action"),
        ("a)", 1, "Lettered action"),
        ("-", 1, "First bullet"),
        ("-", 2, "Nested bullet"),
        ("-", 3, "Deeper bullet"),
        ("*", 1, "Star bullet"),
        ("\u2022", 1, "Round bullet"),
        ("\u27a4", 1, "Arrow bullet"),
        ("-", 1, "Quoted bullet"),
        (">", 1, "Quoted line"),
    ]
    after = [b for b in doc.blocks if b.text == "Plain paragraph after the list."]
    assert after and after[0].kind == "paragraph"


def test_text_attendance_lines_keep_breaks_and_prose_is_joined():
    blocks = read(FIX / "structure.md").blocks
    texts = [b.text for b in blocks]
    present = texts.index("Present:")
    assert blocks[present + 1].kind == "paragraph"
    assert blocks[present + 1].text.split("\n") == [
        "Jane Okafor - Chair", "Dr Ravi Patel - GP", "PC Sam Reid - Police", "Lena Brooks - SW",
    ]
    assert blocks[present + 2].text == "Apologies: Tom Hale (HV), Priya Nair - School"
    prose = blocks[texts.index("Concerns") + 1].text
    assert "\n" not in prose
    assert "since the last review but that the children were still" in prose


def test_text_markdown_table_rows_and_plain_table_kept():
    doc = read(FIX / "table.md")
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph", "table"]
    table = doc.blocks[1]
    assert table.rows == (
        ("Strategic Aim:", "Safeguarding", ""),
        ("Contact Officer", "Jane Okafor, Head of Service", "01234 567890 jokafor@example.org"),
        ("Pipe | escaped", "Bold cell", ""),
    )
    assert table.text.splitlines()[0] == "Strategic Aim: | Safeguarding | "
    assert doc.blocks[3].rows == (("Name", "Role", "Agency"), ("Jo Bell", "SW", "CSC"))


def test_text_seed_moderngov_labels_become_headings():
    doc = read(FIX / "seed_000_15c88a54ad55183d.txt")
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        "Agenda item", "Overview of Child Protection Process", "Minutes:", "Resolved", "Supporting documents:",
    ]
    resolved = [b.text for b in doc.blocks].index("Resolved")
    assert doc.blocks[resolved + 1].text == "That the report and presentation be noted."
    assert sum(b.kind == "paragraph" for b in doc.blocks) == 15     # NBSP-only lines separate them


def test_text_seed_meeting_line_and_resolutions():
    issue = read(FIX / "seed_001_39f148783462f4a7.txt")
    assert issue.blocks[2].kind == "heading" and issue.blocks[2].text.startswith("Meeting: 17/03/2011 - Joint")
    assert issue.blocks[4].text.startswith("This report accompanies the previous report from Iain Low, on")
    item = read(FIX / "seed_002_a584c1186f2c485b.txt")
    texts = [b.text for b in item.blocks]
    assert item.blocks[1].kind == "heading" and texts[1] == "CHILD PROTECTION PLANS"
    at = texts.index("RESOLVED:")
    assert item.blocks[at].kind == "heading"
    assert [(b.marker, b.text) for b in item.blocks[at + 1: at + 3]] == [
        ("1)", "That the report be noted by the Committee"),
        ("2)", "That the Committee receive a further update March 2019."),
    ]


def test_text_seed_cover_report_table_and_numbered_paragraphs():
    doc = read(FIX / "seed_003_fd175d599bd1da57.txt")
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows[0] == ("Strategic Aim:", "Safeguarding", "")
    assert table.rows[3][2] == "01572 758402 toneill@rutland.gov.uk"
    markers = [b.marker for b in doc.blocks if b.kind == "list_item"]
    assert markers[:5] == ["1.", "1.1.", "1.2.", "1.3.", "1.4."]
    assert "2.19." in markers and "6.1" in markers
    item = next(b for b in doc.blocks if b.marker == "2.10.")
    assert item.text == "On the 31st March 2017 there were 20 children who were subject of a Child Protection Plan."


def test_text_seed_service_report_bullets_and_bold_headings():
    doc = read(FIX / "seed_004_43517f00455b4542.txt")
    assert doc.blocks[1].kind == "heading" and doc.blocks[1].text == "Child Protection Conference Service Report"
    bullets = [b.text for b in doc.blocks if b.kind == "list_item"][:6]
    assert bullets[1] == "ICPC timelines was poor, and significantly out of step with our statistical neighbours"
    assert bullets[3].startswith("High prevalence of domestic abuse")
    assert all("**" not in b.text and "<sup>" not in b.text for b in doc.blocks)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:8])
def test_text_seed_keeps_every_word(seed):
    raw = seed.read_text(encoding="utf-8")
    raw = re.sub(r"</?sup>", "", re.sub(r"<br\s*/?>", " ", raw))       # the markup the reader removes
    source = Counter(re.findall(r"[^\W_]+", raw))
    doc = read(seed)
    out = Counter(re.findall(r"[^\W_]+", " ".join((b.marker or "") + " " + b.text for b in doc.blocks)))
    assert source - out == Counter()


def test_normalise_text_split_marker_collapses_stacked_markers():
    assert split_marker("- 1.1. This is").marker == "1.1."
    assert split_marker("- > ICPC").text == "ICPC"
    assert split_marker("   (iv) item").indent == 3
    for plain in ("Jane Doe - SW", "15 cases were closed", "2019 was busy", "---", "**Bold**"):
        assert split_marker(plain) is None


def test_normalise_text_join_lines_hyphens():
    assert join_lines(["docu-", "ment and self-", "harm"], dehyphenate=True) == "document and self-harm"
    assert join_lines(["mental ill-", "health"]) == "mental ill-health"


def test_text_raw_notes_split_short_lines_from_wrapped_prose(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(
        "INITIAL CHILD PROTECTION CONFERENCE\nDate: 12/03/2024\nVenue: Civic Centre, Room 2\n\n"
        "Reports received: Police, School\n"
        "The conference was told that the mother had moved house twice in six months and that the\n"
        "School had concerns about attendance,\nPunctuality and uniform.\n",
        encoding="utf-8",
    )
    assert kinds(read(path)) == [
        ("heading", "INITIAL CHILD PROTECTION CONFERENCE"),
        ("paragraph", "Date: 12/03/2024\nVenue: Civic Centre, Room 2"),
        ("paragraph", "Reports received: Police, School"),
        ("paragraph", "The conference was told that the mother had moved house twice in six months and "
                      "that the School had concerns about attendance, Punctuality and uniform."),
    ]


def test_text_double_spaced_copy_of_a_pdf_is_read_as_wrapped_lines(tmp_path):
    lines = ["Decision:", "", " ", "",
             "Having considered an officer report and a presentation by the Cabinet", "",
             "Member for Children & Young People, Councillor Paula Mastin, the Mayor", "",
             "agreed that:", "", " ", "",
             "(1)       the report of the work of the Adoption Service be received;", "", " ", "",
             "(2)       the updated Children's Guides to Adoption and Adoption Support", "",
             "Services be received.", "", " ", "",
             "Minutes:", "", " ", "",
             "The Mayor noted that this would be the last meeting attended by the", "",
             "Head of Service, and thanked her.", ""]
    path = tmp_path / "cabinet.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    got = kinds(read(path))
    assert ("paragraph", "Having considered an officer report and a presentation by the Cabinet Member for Children & "
                         "Young People, Councillor Paula Mastin, the Mayor agreed that:") in got
    assert ("list_item", "the updated Children's Guides to Adoption and Adoption Support Services be received.") in got
    assert ("paragraph", "The Mayor noted that this would be the last meeting attended by the Head of Service, and thanked her.") in got


def test_text_paragraphs_one_line_each_are_left_alone(tmp_path):
    paras = [f"Item {n}. The Board noted the report of the Head of Service on topic {n}." for n in range(10)]
    path = tmp_path / "notes.txt"
    path.write_text("\n\n".join(paras), encoding="utf-8")
    assert len(read(path).blocks) == 10


def test_text_tab_separated_rows_are_a_table():
    blocks = parse_text("Outline Child Protection Plan\nOutcome\tAction\tWho\tBy when\n"
                        "Parents stop arguing\tComplete a risk assessment\tFaye Ito\t18/12/2026\n"
                        "Father reduces drinking\tAttend the recovery service\tKyle Marsh\tongoing\n\nNext paragraph.\n")
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows[0] == ("Outcome", "Action", "Who", "By when")
    assert tables[0].rows[2] == ("Father reduces drinking", "Attend the recovery service", "Kyle Marsh", "ongoing")
    assert blocks[-1].text == "Next paragraph."


def test_text_a_single_tabbed_line_is_no_table():
    for text in ("Chair:\tJo Makepeace\nDate:\t12/11/2026 and later\tnotes\n", "Chair:\tJo Makepeace\nDate:\t12/11/2026\n"):
        blocks = parse_text(text)
        assert not [b for b in blocks if b.kind == "table"]
        assert "Jo Makepeace" in blocks[0].text


def test_text_space_aligned_rows_are_not_joined_as_prose():
    blocks = parse_text("Attendees:\nHelen Curtis        Director of Children's Services      Chair\n"
                        "Marcus Ohene        Detective Inspector, Police\n")
    # each row stays a line, and its cells stay apart ("Carys Beddow        Partnership Business Manager")
    assert blocks[1].text == "Helen Curtis - Director of Children's Services - Chair\nMarcus Ohene - Detective Inspector, Police"


def test_text_space_aligned_rows_under_a_header_are_a_table():
    blocks = parse_text("Action             Who           By when\n"
                        "Send the letter    Faye Ito      18/12/2026\n"
                        "Book core group    Kyle Marsh\n")
    assert blocks[0].kind == "table"
    assert blocks[0].rows == (("Action", "Who", "By when"), ("Send the letter", "Faye Ito", "18/12/2026"),
                              ("Book core group", "Kyle Marsh", ""))


def test_text_justified_prose_with_one_wide_gap_stays_prose():
    blocks = parse_text("The Board noted the report.   It agreed the plan.\nThe Chair thanked officers.\n")
    assert [b.kind for b in blocks] == ["paragraph"]


def test_text_fixed_width_table_under_a_dash_rule_with_wrapped_cells():
    blocks = parse_text(
        "ATTENDANCE\n"
        "Name                Role                Agency                 Attendance\n"
        "------------------  ------------------  ---------------------  ----------\n"
        "Olu Adebayo         Social Worker       Wyndmoor CSC           Present\n"
        "Tess Harrow         Perinatal MH Nurse  Perinatal Mental       Apologies\n"
        "                                        Health Team\n"
        "Dr Hamid Saleem     GP                  Millbrook Surgery      Report only\n"
        "\nREASON FOR CONFERENCE\n")
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows[0] == ("Name", "Role", "Agency", "Attendance")
    assert table.rows[2] == ("Tess Harrow", "Perinatal MH Nurse", "Perinatal Mental Health Team", "Apologies")
    assert len(table.rows) == 4
    assert blocks[-1].text == "REASON FOR CONFERENCE"


def test_text_task_boxes_are_list_items():
    blocks = parse_text("Follow-up tasks\n[ ] SALT referral for Deji - Dee Ross - due 27/11/2026\n"
                        "- [x] Core group on Teams - Faye Ito\n")
    items = [b for b in blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["SALT referral for Deji - Dee Ross - due 27/11/2026", "Core group on Teams - Faye Ito"]


def test_text_arrow_bullets_are_list_items():
    blocks = parse_text("ACTIONS\n-> SW: visit weekly - next 14/7\n=> HV: recheck EPDS\n")
    assert [(b.kind, b.marker, b.text) for b in blocks[1:]] == [
        ("list_item", "->", "SW: visit weekly - next 14/7"), ("list_item", "=>", "HV: recheck EPDS")]


def test_text_tab_numbered_items_are_no_table():
    blocks = parse_text("7.\tAnalysis\nThe Chair summarised the concerns.\n\n8.\tDecision\n"
                        "8.1\tRuby will remain subject to a plan.\n8.2\tTheo will remain subject to a plan.\n")
    assert not [b for b in blocks if b.kind == "table"]
    assert [(b.marker, b.text) for b in blocks if b.kind == "list_item"][-3:] == [
        ("8.", "Decision"), ("8.1", "Ruby will remain subject to a plan."), ("8.2", "Theo will remain subject to a plan.")]


def test_text_lower_case_post_dash_name_lines_stay_lines():
    blocks = parse_text("present\nchair - Gill Marsh IRO\nmum - Jodie Pearce\n"
                        "recovery worker - Daz Milner, Kestrelby Drug & Alcohol Srvice\nmins - Beth Arnott\n\n"
                        "The home was visited on 5 June and the social worker -\nas agreed - spoke to mum.\n")
    assert blocks[1].text == ("chair - Gill Marsh IRO\nmum - Jodie Pearce\n"
                              "recovery worker - Daz Milner, Kestrelby Drug & Alcohol Srvice\nmins - Beth Arnott")
    assert blocks[-1].text == "The home was visited on 5 June and the social worker - as agreed - spoke to mum."


def test_text_grid_typed_with_one_even_gap_keeps_its_empty_cells():
    blocks = parse_text(
        "ATTENDANCE\nName    Role    Agency    Present/Apologies\n"
        "Fiona Gallacher    Chair    Safeguarding and Review Unit    Present\n"
        "Jade Morrow    Mother        Present\n"
        "Dr Sunita Rao    GP    Millgate Medical Practice    Apologies - report submitted\n")
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows == (("Name", "Role", "Agency", "Present/Apologies"),
                          ("Fiona Gallacher", "Chair", "Safeguarding and Review Unit", "Present"),
                          ("Jade Morrow", "Mother", "", "Present"),
                          ("Dr Sunita Rao", "GP", "Millgate Medical Practice", "Apologies - report submitted"))


def test_text_aligned_columns_are_still_sliced_at_the_header():
    blocks = parse_text("Name        Role           Agency\nJo Hart     SW             CSC\nAmy Lee     Health Visitor HV Team\n")
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows[1] == ("Jo Hart", "SW", "CSC")


def test_text_bare_pipe_grid_with_empty_first_cells_and_wrapped_cells():
    blocks = parse_text(
        "OUTLINE PLAN\nOutcome | What needs to happen | Who | When\n"
        "1. A safe home | Home conditions to be checked at every visit | SW | Ongoing\n"
        " | Referral to the repairs team for the damp in the | SW | 21/01/2025\n"
        " | children's bedroom and the broken rear window |  |\n"
        " | Explore a funded nursery place | HV |\n")
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows[1:] == (
        ("1. A safe home", "Home conditions to be checked at every visit", "SW", "Ongoing"),
        ("", "Referral to the repairs team for the damp in the children's bedroom and the broken rear window", "SW", "21/01/2025"),
        ("", "Explore a funded nursery place", "HV", ""))


def test_text_a_word_table_pasted_a_cell_per_line_is_a_table_with_its_empty_cells(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("ATTENDANCE\nName\nRole\nAgency\nAttendance\nMs Nell Oxtoby\nSocial Worker\nAshpenny Council\nPresent\n"
                    "Miss Tegan Marlow\nMother\n\nPresent\n\nOUTLINE PLAN\nOutcome\nAction\nWho\nWhen\n"
                    "Baby is safe\nComplete a DASH risk assessment\nMs Oxtoby\nWithin 5 working days\n\n"
                    "Share police call-outs with the social worker\nDC Orrell\nWithin 24 hours\n\nFIRST CORE GROUP\n"
                    "Tuesday 24 February 2026\n", encoding="utf-8")
    blocks = read(path).blocks
    tables = [b for b in blocks if b.kind == "table"]
    assert [t.rows[0] for t in tables] == [("Name", "Role", "Agency", "Attendance"), ("Outcome", "Action", "Who", "When")]
    assert tables[0].rows[2] == ("Miss Tegan Marlow", "Mother", "", "Present")
    assert tables[1].rows[2] == ("", "Share police call-outs with the social worker", "DC Orrell", "Within 24 hours")
    assert [b.text for b in blocks if b.kind == "heading"][-1] == "FIRST CORE GROUP"


def test_text_label_lines_over_a_list_are_no_cell_per_line_table():
    blocks = parse_text("Apologies:\nName\nDesignation\nAfzal Ghany\nJo Ohlson\nSue Gates\n")
    assert not any(b.kind == "table" for b in blocks)

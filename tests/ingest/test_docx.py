"""The DOCX reader and its zip/XML safety checks, through minutes.ingest.read.

structure.docx and tracked.docx come from tests/fixtures/make_docx_fixtures.py; broken and
hostile files are built here from them, into tmp_path.
"""
from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes.cli import app
from minutes.config import Settings
from minutes.errors import InputError, UnsafeDocument
from minutes.ingest import read
from minutes.ingest.safezip import MAX_ENTRIES, OLE_SIGNATURE

FIXTURES = Path(__file__).parent.parent / "fixtures" / "docx"
STRUCTURE = FIXTURES / "structure.docx"
TRACKED = FIXTURES / "tracked.docx"


@pytest.fixture(scope="module")
def structure():
    return read(STRUCTURE)


def rezip(src: Path, out: Path, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:
    """Copy a DOCX with some parts replaced, added or dropped."""
    replace = dict(replace or {})
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            zout.writestr(info.filename, replace.pop(info.filename, None) or zin.read(info))
        for name, data in replace.items():
            zout.writestr(name, data)
    return out


def with_zeros(src: Path, out: Path, megabytes: int, level: int = 1) -> Path:
    """A valid DOCX plus one member of `megabytes` MB of zeros, streamed into the zip."""
    rezip(src, out)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        with z.open("word/media/zeros.bin", "w") as f:
            chunk = bytes(1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
    return out


def lie_about_size(path: Path, member: str, declared: int) -> None:
    """Overwrite a member's uncompressed size in its local header and its central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo(member)
    struct.pack_into("<L", data, info.header_offset + 22, declared)
    at = data.find(b"PK\x01\x02")
    while data[at + 46 : at + 46 + struct.unpack_from("<H", data, at + 28)[0]] != member.encode():
        at = data.find(b"PK\x01\x02", at + 4)
    struct.pack_into("<L", data, at + 24, declared)
    path.write_bytes(bytes(data))


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


# --- structure ----------------------------------------------------------------------------------

def test_docx_interleaves_paragraphs_and_tables_in_order(structure):
    kinds = [(b.kind, b.text.split("\n")[0]) for b in structure.blocks[:5]]
    assert kinds == [
        ("heading", "Initial Child Protection Conference"),
        ("heading", "Attendance"),
        ("paragraph", "The following people attended the conference."),
        ("table", "Name | Role | Agency"),
        ("paragraph", "Apologies were received from the GP."),
    ]
    assert [b.index for b in structure.blocks] == list(range(len(structure.blocks)))


def test_docx_heading_levels_from_styles_and_outline(structure):
    headings = [(b.text, b.level) for b in structure.blocks if b.kind == "heading"]
    assert headings == [
        ("Initial Child Protection Conference", 1),   # Title
        ("Attendance", 1),
        ("Reports", 2),
        ("Decision", 3),                              # Normal style with outline level 2
        ("Plan", 1),
    ]


def test_docx_list_items_from_styles_numbering_and_typed_markers(structure):
    items = [(b.text, b.level, b.marker) for b in structure.blocks if b.kind == "list_item"]
    assert items == [
        ("Police report shared", 1, None),            # List Bullet
        ("Health visitor report", 2, None),           # List Bullet 2
        ("School report read out", 2, None),          # numPr ilvl=1
        ("The chair summarised the concerns.", 2, "2.4."),
    ]


def test_docx_merged_cells_read_once_and_nested_table_flattened(structure):
    table = next(b for b in structure.blocks if b.kind == "table")
    assert table.rows == (
        ("Name", "Role", "Agency"),
        ("Jane Morrow", "Independent Chair"),                    # gridSpan=2: one cell
        ("Sam Okafor", "Social Worker", "Children's Social Care"),
        ("Priya Shah", "Team Manager\nDeputy; Lee Grant", ""),    # vMerge continuation, nested table
    )
    assert table.text.count("Independent Chair") == 1
    assert table.text.count("Children's Social Care") == 1
    assert table.text.startswith("Name | Role | Agency\nJane Morrow | Independent Chair\n")


def test_docx_content_control_and_text_box_read_once(structure):
    body = texts(structure)
    assert "Plan made under the category of neglect." in body
    at = body.index("See the box.")
    assert body[at + 1] == "Text box: next review in three months."
    assert sum("next review in three months" in t for t in body) == 1   # VML fallback not read


def test_docx_special_characters_normalised(structure):
    block = next(b for b in structure.blocks if b.text.startswith("Attended"))
    assert block.text == "Attended in person\tyes\nDr Ann-Marie Cole✓"


def test_docx_headers_and_footers_in_metadata_not_body(structure):
    assert structure.meta.headers == ("OFFICIAL - SENSITIVE", "Child Protection Plan")
    assert structure.meta.footers == ("Conference record",)
    body = "\n".join(texts(structure))
    assert "OFFICIAL" not in body and "Conference record" not in body


def test_docx_without_tracked_changes_has_no_notes(structure):
    assert structure.meta.notes == ()


def test_docx_counts_images_comments_placeholders_and_hidden_runs_as_dropped(structure):
    assert structure.meta.dropped == {"comments": 1, "hidden_runs": 1, "images": 1, "placeholders": 1}
    body = "\n".join(texts(structure))
    assert "Check the date." not in body                      # comment text
    assert "Click or tap here" not in body                    # placeholder of an empty content control
    assert "Chair's decision recorded." in texts(structure) and "Guidance" not in body


def test_docx_footnotes_kept_at_end(structure):
    assert structure.blocks[-1].text == "Footnote: the core group date was moved."
    assert structure.blocks[-2].text == "The plan will be reviewed."


def test_docx_tracked_insertions_kept_deletions_dropped():
    doc = read(TRACKED)
    assert texts(doc)[:3] == ["The plan is now agreed.", "Middle paragraph.", "Moved sentence."]
    assert doc.blocks[3].rows == (("Name", "Role"), ("Kim Lowe", "Midwife"))   # deleted row gone
    assert "not" not in texts(doc)[0] and "Old Entry" not in doc.blocks[3].text
    assert doc.meta.notes == ("tracked changes read as accepted: 2 insertion(s) kept, 3 deletion(s) dropped",)


# --- damaged and hostile files ----------------------------------------------------------------

def test_docx_random_bytes_refused(tmp_path):
    path = tmp_path / "noise.docx"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(InputError, match=r"'noise.docx': is not a valid \.docx \(damaged or truncated zip\)"):
        read(path)


def test_docx_truncated_refused(tmp_path):
    data = STRUCTURE.read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="damaged or truncated zip"):
        read(path)


def test_docx_ole_signature_refused(tmp_path):
    path = tmp_path / "protected.docx"
    path.write_bytes(OLE_SIGNATURE + bytes(1024))
    with pytest.raises(InputError, match="password-protected or an old binary .doc"):
        read(path)


def test_docx_zip_without_document_xml_refused(tmp_path):
    path = rezip(STRUCTURE, tmp_path / "parts.docx", drop=("word/document.xml",))
    with pytest.raises(InputError, match="not a Word document"):
        read(path)


@pytest.mark.parametrize(
    "member, prefix",
    [
        ("word/document.xml", b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY x "boom">]>\n'),
        ("word/document.xml", b"\xef\xbb\xbf  \n<!doctype w>"),
        ("word/_rels/document.xml.rels", b'<?xml version="1.0"?><!DocType r SYSTEM "http://example.invalid/x">'),
    ],
)
def test_docx_doctype_refused(tmp_path, member, prefix):
    with zipfile.ZipFile(STRUCTURE) as z:
        original = z.read(member)
    body = original.split(b"?>", 1)[1] if original.startswith(b"<?xml") else original
    path = rezip(STRUCTURE, tmp_path / "dtd.docx", replace={member: prefix + body})
    with pytest.raises(UnsafeDocument, match=r"contains a DTD \(DOCTYPE\), refused for safety"):
        read(path)


def test_docx_doctype_in_utf16_part_refused(tmp_path):
    with zipfile.ZipFile(STRUCTURE) as z:
        body = z.read("word/document.xml").decode("utf-8").split("?>", 1)[1]
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w>' + body
    path = rezip(STRUCTURE, tmp_path / "dtd16.docx", replace={"word/document.xml": xml.encode("utf-16")})
    with pytest.raises(UnsafeDocument, match="DOCTYPE"):
        read(path)


def test_docx_svg_picture_with_doctype_is_not_an_xml_part(tmp_path):
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    path = rezip(STRUCTURE, tmp_path / "svg.docx", replace={"word/media/logo.svg": svg})
    assert read(path).blocks[0].text == "Initial Child Protection Conference"


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """structure.docx plus 300 MB of zeros (about 1.4 MB compressed)."""
    return with_zeros(STRUCTURE, tmp_path_factory.mktemp("bomb") / "bomb.docx", 300)


def test_docx_zip_bomb_refused_by_declared_size(bomb):
    with pytest.raises(UnsafeDocument, match=r"would inflate past 200 MB .*zip bomb"):
        read(bomb)


def test_docx_zip_bomb_with_lying_central_directory_refused_while_inflating(bomb, tmp_path):
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bomb.read_bytes())
    lie_about_size(liar, "word/media/zeros.bin", 1000)
    with zipfile.ZipFile(liar) as z:
        assert sum(i.file_size for i in z.infolist()) < 2 << 20      # the directory claims ~1 MB
    with pytest.raises(UnsafeDocument, match="zip bomb"):
        read(liar)


def test_docx_absurd_compression_ratio_refused(tmp_path):
    path = with_zeros(STRUCTURE, tmp_path / "ratio.docx", 20, level=9)
    with pytest.raises(UnsafeDocument, match="inflates more than 200 times"):
        read(path, Settings(max_inflate_mb=1000))


def test_docx_member_larger_than_declared_refused(tmp_path):
    path = rezip(STRUCTURE, tmp_path / "sizes.docx", replace={"word/media/notes.bin": os.urandom(5000)})
    lie_about_size(path, "word/media/notes.bin", 100)
    with pytest.raises(UnsafeDocument, match="real size differs from its declared size"):
        read(path)


def test_docx_too_many_entries_refused(tmp_path):
    path = tmp_path / "many.docx"
    rezip(STRUCTURE, path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as z:
        for i in range(MAX_ENTRIES):
            z.writestr(f"customXml/item{i}.bin", b"")
    with pytest.raises(UnsafeDocument, match=f"more than the {MAX_ENTRIES} allowed"):
        read(path)


# --- the command line -------------------------------------------------------------------------

def test_docx_cli_reports_bad_file_and_still_prints_good_one(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(os.urandom(2048))
    result = CliRunner().invoke(app, ["ingest", "--json", str(bad), str(STRUCTURE)])
    assert result.exit_code == 1
    assert "bad.docx" in result.stderr and "damaged or truncated zip" in result.stderr
    assert "Initial Child Protection Conference" in result.stdout
    assert "structure.docx" in result.stdout

"""Suppression of small counts, and no child or family name anywhere in the rendered report."""
import io
import re
from datetime import date

import pytest

from minutes.config import Settings
from minutes.report import service_report
from minutes.report.anonymise import NameGuard, count_cell, pct_cell, withheld
from minutes.report.render import render_bytes

from .generate import PERIOD, generate


def test_anonymise_counts_under_threshold_are_suppressed():
    assert [count_cell(n, 5) for n in (0, 1, 4, 5, 1234)] == ["0", "<5", "<5", "5", "1,234"]
    assert count_cell(9, 10) == "<10"
    assert pct_cell(3, 50, 5) == "[c]" and pct_cell(10, 40, 5) == "25.0%" and pct_cell(0, 0, 5) == "-"


def test_anonymise_secondary_suppression_when_one_cell_is_small():
    assert withheld([40, 3, 12, 0, 9], 5) == {1, 4}
    assert withheld([40, 3, 2, 9], 5) == {1, 2}
    assert withheld([40, 12, 0], 5) == set()


def test_anonymise_name_guard_turns_labels_with_names_into_other():
    guard = NameGuard()
    guard.add_record({"family_name": "Quennell", "children": [{"name": "Kestrel Quennell"}],
                      "attendees": [{"name": "Darragh Quennell", "family": True}, {"name": "Hannah Price"}]})
    assert guard.safe_label("Police") == "Police"
    assert guard.safe_label("Quennell household") == "Other"
    assert guard.safe_label("kestrel's school") == "Other"
    assert guard.safe_label("Price Housing") == "Price Housing"     # professionals are not family
    assert dict(guard.safe_counter({"Police": 3, "Darragh's lodger": 2, "Quennell": 1})) == {"Police": 3, "Other": 3}


@pytest.fixture(scope="module")
def trapped():
    records, expected = generate(families=300, seed=11)
    # mis-extracted labels that carry names must not reach the report
    first, second = [r for r in records if r["conference_type"] == "initial"
                     and PERIOD[0].isoformat() <= r["conference_date"] <= PERIOD[1].isoformat()][:2]
    first["risk_factors"].append(f"{first['children'][0]['name'].split()[0]} exploitation")
    second["attendees"].append({"name": "x", "role": "Support", "agency": f"{second['family_name']} family friend",
                                    "status": "present", "family": False})
    return records, expected


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    parts.append(document.core_properties.author or "")
    return "\n".join(parts)


def test_anonymise_no_name_from_the_input_in_any_output(trapped):
    records, expected = trapped
    doc = service_report(records, *PERIOD, Settings())
    outputs = {
        "md": render_bytes(doc, "md").decode("utf-8"),
        "html": re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", render_bytes(doc, "html").decode("utf-8")),
        "docx": _docx_text(render_bytes(doc, "docx")),
    }
    names = set(expected.names)
    for record in records:
        names.add(record["family_name"])
        names.update(c["name"] for c in record["children"])
        names.update(a["name"] for a in record["attendees"] if a.get("family"))
    words = {w for n in names for w in n.split()}
    assert len(words) > 20
    for fmt, text in outputs.items():
        for word in words:
            assert not re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), (fmt, word)
    assert "Other" in outputs["md"]                  # the trapped labels were merged, not dropped


def test_anonymise_small_counts_never_shown_in_outputs():
    records, _ = generate(families=40, seed=3)
    doc = service_report(records, *PERIOD, Settings(suppression_threshold=5))
    md = render_bytes(doc, "md").decode("utf-8")
    cells = [c.strip() for line in md.splitlines() if line.startswith("| ") for c in line.strip("|").split("|")]
    numbers = [int(m.group(1).replace(",", "")) for c in cells for m in [re.match(r"^([\d,]+)(?: \(|$)", c)] if m]
    assert numbers and all(n == 0 or n >= 5 for n in numbers)
    assert "\\<5" in md
    higher = render_bytes(service_report(records, *PERIOD, Settings(suppression_threshold=10)), "md").decode()
    assert "\\<10" in higher

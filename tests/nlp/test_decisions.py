"""Decisions of the body written as narrative, not under a RESOLVED label (end to end on text files)."""
from __future__ import annotations

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read


def _decisions(tmp_path, text):
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return next(flow.extract_documents([read(path)], Settings())).to_json()["decisions"]


def test_decisions_narrative_forms(tmp_path):
    decisions = _decisions(tmp_path, (
        "Present: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
        "1. Minutes of the last meeting\n\nThe notes of the last meeting were accepted as correct by all present.\n\n"
        "2. Election of Chairman\n\nCouncillor Ann Holt being the only Member willing to serve was declared to have been elected as Chairman.\n\n"
        "3. Consultation\n\nThe proposal was discussed and a response to the consultation agreed by the board.\n\n"
        "4. Forward plan\n\nThe Committee considered and noted the Cabinet Member decisions taken since the last meeting.\n\n"
        "5. Performance\n\nMembers asked about the figures. The Director explained the trend.\n"))
    assert len(decisions) == 4
    assert not any("figures" in d or "trend" in d for d in decisions)

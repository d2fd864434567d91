"""End-to-end extraction on the bundled samples (real files, the real pipeline)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from minutes import flow
from minutes.cli import app
from minutes.config import Settings
from minutes.ingest import read, read_bytes

from ..conftest import SAMPLES

pytestmark = pytest.mark.slow


def _extract(path):
    document = read(path)
    return document, next(flow.extract_documents([document], Settings())).to_json()


def _people(result):
    return {a["name"]: a for a in result["attendees"]}


def test_extract_icpc_notes_finds_people_decisions_and_dates():
    document, r = _extract(SAMPLES / "icpc_notes_smith.txt")
    assert r["kind"] == "conference"
    assert r["meeting"]["date"] == "2026-03-12"
    people = _people(r)
    assert people["Hannah Price"]["role"] == "Social Worker"
    assert people["Hannah Price"]["agency"] == "Children's Social Care"
    assert people["Hannah Price"]["status"] == "present"
    assert people["Jo Brennan"]["agency"] == "Health Visiting"
    assert people["Dr Priya Rahman"]["status"] == "report submitted"
    assert people["Sue Marsh"]["status"] == "apologies"
    assert set(r["categories"]) == {"Neglect", "Emotional abuse"}
    assert "Domestic abuse" in r["risk_factors"]
    assert len(r["decisions"]) == 2
    outcomes = {d["subject"]: d["outcome"] for d in r["evidence"]["decisions"]}
    assert outcomes == {"Tyler Smith": "plan made", "Poppy Smith": "plan made"}
    conference = r["conferences"][0]
    assert conference["type"] == "initial"
    assert conference["review_date"] == "2026-06-11"
    assert conference["core_group_date"] == "2026-03-24"
    dues = {a["what"]: a["due"] for a in r["actions"]}
    assert dues["SALT referral for Poppy"] == "2026-03-26"


def test_extract_evidence_points_at_the_text():
    document, r = _extract(SAMPLES / "icpc_notes_smith.txt")
    for person in r["attendees"]:
        ev = person["evidence"]
        text = document.blocks[ev["block"]].text[ev["start"]:ev["end"]]
        assert text == person["name"] or person["name"].endswith(text), (person["name"], text)
    for d in r["evidence"]["dates"]:
        ev = d["evidence"]
        assert document.blocks[ev["block"]].text[ev["start"]:ev["end"]].strip()
    for d in r["evidence"]["decisions"]:
        ev = d["evidence"]
        assert document.blocks[ev["block"]].text[ev["start"]:ev["end"]].startswith(d["text"][:20])


def test_extract_committee_minutes_lists_and_resolutions():
    _, r = _extract(SAMPLES / "committee_minutes_cyp_scrutiny.txt")
    assert r["kind"] == "committee"
    people = _people(r)
    assert people["Councillor Helen Ashworth"]["status"] == "present"
    assert any(p["chair"] for p in r["attendees"] if p["name"] == "Councillor Helen Ashworth")
    assert people["Councillor Bob Heath"]["status"] == "apologies"
    assert people["Claire Haddon"]["status"] == "in attendance"
    # "Councillor Lowe asked ..." is the Councillor Peter Lowe of the Present list, not a new person
    assert sum("Lowe" in name for name in people) == 1
    assert "That the report be noted." in r["decisions"]


def test_extract_attendance_table_in_docx():
    _, r = _extract(SAMPLES / "rcpc_notes_khan.docx")
    statuses = {a["status"] for a in r["attendees"]}
    assert len(r["attendees"]) >= 8
    assert {"present", "apologies"} <= statuses


def test_extract_transcript_speakers_are_present():
    _, r = _extract(SAMPLES / "cp_conference_transcript.vtt")
    status = {a["name"]: a["status"] for a in r["attendees"]}
    assert status["Janet Moore"] == status["Liam Foster"] == status["Paul Young"] == "present"
    assert status["Dr Evans"] == status["Beth Carter"] == "apologies"     # "we've had apologies from the GP, Dr Evans, ..."


def test_extract_survives_documents_without_structure():
    odd = [
        ("notes.txt", "Ceci n'est pas un procès-verbal. Les enfants vont bien et la réunion est terminée.".encode()),
        ("line.txt", ("word " * 200_000).encode()),
    ]
    documents = [read_bytes(data, name) for name, data in odd]
    results = [x.to_json() for x in flow.extract_documents(documents, Settings())]
    assert "no attendance list found" in results[0]["notes"]
    assert results[1]["attendees"] == [] and "no decisions found" in results[1]["notes"]


def test_extract_text_longer_than_spacy_max_length_in_pieces():
    from minutes.nlp.pipeline import docs_for, load_pipeline
    from minutes.records.extract import extract

    paragraph = "Councillor Walton asked about plans on 3 March 2019. "
    data = ("Present: Councillor A Brown\n\n" + "\n\n".join(paragraph * 20 for _ in range(1200))).encode()
    document = read_bytes(data, "long.txt")
    assert sum(len(b.text) for b in document.blocks) > 1_000_000
    nlp = load_pipeline()
    docs = next(docs_for(nlp, [document.blocks]))
    assert len(docs) > 1
    r = extract(document, docs).to_json()
    assert "2019-03-03" in r["dates"]
    assert {a["name"] for a in r["attendees"]} >= {"Councillor A Brown"}


def test_cli_extract_json_has_the_documented_keys():
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(SAMPLES / "icpc_notes_smith.txt")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)[0]
    assert {"source", "kind", "meeting", "attendees", "agencies", "categories", "risk_factors",
            "decisions", "actions", "dates", "conferences"} <= set(data)
    assert set(data["meeting"]) >= {"title", "date", "body"}
    assert {"name", "role", "agency", "status", "evidence"} <= set(data["attendees"][0])
    assert {"what", "owner", "due"} <= set(data["actions"][0])
    assert {"type", "date", "outcome", "categories", "agencies_present"} <= set(data["conferences"][0])


def test_extract_one_long_line_with_many_dates_and_agencies():
    # a page flattened into one line: every date and agency is read against a window, not the whole line
    sentence = "The Police reported on 3 March 2019 that the review conference is on 12 June 2019 and CAMHS agreed. "
    data = ("Present: Councillor A Brown, Jo Smith (Police) " + sentence * 2000).encode()
    document = read_bytes(data, "one_line.txt")
    assert len(document.blocks) <= 2 and sum(len(b.text) for b in document.blocks) > 200_000
    r = next(flow.extract_documents([document], Settings())).to_json()
    assert {"2019-03-03", "2019-06-12"} <= set(r["dates"])
    assert "Police" in r["agencies"]

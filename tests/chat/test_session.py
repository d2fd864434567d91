"""The Session state machine on real text, with a real store; the model only in the slow tests."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from minutes.chat.session import Session
from minutes.chat.terminal import messages, run_plain
from minutes.config import Settings
from minutes.records.store import Store

CONVERSATION = Path(__file__).parent / "data" / "smith_conversation.txt"


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "chat.db") as opened:
        yield opened


def test_session_saves_after_each_change_and_keeps_conversation(store):
    session = Session(store=store)
    reply = session.handle("PC Brown sent apologies")
    assert "Added: PC Brown - apologies." in reply.text and "Saved as record" in reply.text
    record_id = session.record["id"]
    session.handle("this is an initial conference")
    assert store.get(record_id)["conference_type"] == "initial"
    said = [(m["role"], m["text"]) for m in store.messages(record_id)]
    assert said[0] == ("user", "PC Brown sent apologies")
    assert said[2] == ("user", "this is an initial conference") and len(said) == 4


def test_session_resume_continues_stored_record(store):
    first = Session(store=store)
    first.handle("this is an initial conference")
    first.handle("the conference was on 12 March 2026")
    record_id = first.record["id"]
    again = Session.resume(store, record_id)
    assert again.record["conference_date"] == "2026-03-12"
    assert f"Resuming record {record_id} (4 earlier messages)" in again.opening()
    assert "Which children" in again.opening()
    again.handle("the children are Tyler Smith and Poppy Smith")
    assert [c["name"] for c in store.get(record_id)["children"]] == ["Tyler Smith", "Poppy Smith"]


def test_session_bad_answer_gives_reason_and_asks_again():
    session = Session()
    for message in ("this is an initial conference", "the conference was on 12 March 2026",
                    "the children are Tyler Smith", "plan made", "neglect", "Hannah Price is the social worker"):
        session.handle(message)
    assert session.pending.question.path == "core_group.date"
    reply = session.handle("1 April 2026")
    assert reply.text.startswith("1 April 2026 is after the limit of 26 March 2026 (10 working days after the conference)")
    assert reply.text.endswith("When is the first core group? It must be by 26 March 2026 (10 working days after the conference).")
    assert "weekend" in session.handle("21 March 2026").text
    assert "not a date I can read" in session.handle("soon").text
    assert session.record["core_group"] is None


def test_session_undo_and_skip():
    session = Session()
    session.handle("this is a review conference")
    assert session.record["conference_type"] == "review"
    assert session.handle("/undo").text.startswith("Undone.")
    assert session.record["conference_type"] is None
    assert session.handle("/undo").text == "Nothing to undo."
    assert "What date was the conference?" in session.handle("skip").text


def test_session_commands_help_missing_render_quit():
    session = Session()
    assert "/render letter|record|minutes" in session.handle("/help").text
    assert session.handle("/missing").text.startswith("The letter still needs: conference type; conference date")
    assert "conference type" in session.handle("/missing record").text
    assert session.handle("/render letter").text.startswith("Cannot render letter: missing conference type")
    assert "Say which document" in session.handle("/render").text
    assert "Unknown format 'pdf'" in session.handle("/render letter --format pdf").text
    assert "Unknown command '/frobnicate'" in session.handle("/frobnicate").text
    assert session.handle("/quit").done


def test_session_renders_letter_once_complete(tmp_path):
    session = Session()
    for message in ("this is an initial conference", "the conference was on 12 March 2026",
                    "the children are Tyler Smith", "plan made", "neglect", "Hannah Price is the social worker",
                    "24 March 2026", "10am", "Eastbrook Family Hub", "11 June 2026", "Margaret Osei"):
        reply = session.handle(message)
    assert reply.text.endswith("The letter has everything it needs: /render letter")
    out = tmp_path / "letter.html"
    assert session.handle(f"/render letter --format html --out {out}").text.startswith(f"Wrote {out}")
    assert "Tyler Smith" in out.read_text(encoding="utf-8") and (out.stat().st_mode & 0o777) == 0o600
    assert "already exists; use --force" in session.handle(f"/render letter --format html --out {out}").text
    assert session.handle(f"/render letter --format html --out {out} --force").text.startswith("Wrote")


def test_session_plain_loop_reads_fenced_messages_and_escapes_output():
    lines = ['"""', "line one", "line two", '"""', "PC \x1b[31mBrown sent apologies", "/quit", "never read"]
    assert list(messages(lines)) == ["line one\nline two", "PC \x1b[31mBrown sent apologies", "/quit", "never read"]
    out = io.StringIO()
    run_plain(Session(), io.StringIO("PC \x1b[2JBrown sent apologies\n/quit\nignored\n"), out)
    text = out.getvalue()
    assert "\x1b" not in text and "PC \\x1b[2JBrown" in text and "ignored" not in text


@pytest.mark.slow
def test_session_twenty_messages_make_complete_letter(store, nlp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)                 # the script renders to letter.md here
    session = Session(settings=Settings(), store=store)
    said = [m for m in messages(CONVERSATION.read_text(encoding="utf-8").splitlines()) if m.strip()]
    assert len(said) == 20
    replies = [session.handle(m).text for m in said]
    record = store.get(session.record["id"])
    assert [(c["name"], c["decision"], c["category"]) for c in record["children"]] == [
        ("Tyler Smith", "plan made", "Emotional abuse"), ("Poppy Smith", "plan made", "Neglect")]
    assert record["chair"]["name"] == "Margaret Osei" and record["lead_social_worker"]["name"] == "Hannah Price"
    assert record["core_group"] == {"date": "2026-03-24", "time": "10:00",
                                    "venue": "Eastbrook Family Hub, 40 Mill Lane, Eastbrook", "members": []}
    assert (record["review_date"], record["review_time"]) == ("2026-06-11", "10:00")
    assert "Decision for Tyler: plan made, category Emotional abuse." in replies[5]
    assert "is after the limit of 12 June 2026 (3 months after the conference)" in replies[12]
    assert "The letter has everything it needs: /render letter" in replies[14]
    assert replies[15] == "The letter has everything it needs."
    assert replies[17].startswith("Wrote letter.md (")
    letter = (tmp_path / "letter.md").read_text(encoding="utf-8")
    assert "Poppy Smith is to be made subject of a Child Protection Plan under the category of Neglect." in letter
    assert "The lead social worker is Hannah Price." in letter
    assert len(store.messages(record["id"])) == 2 * 20          # every turn is kept with the record

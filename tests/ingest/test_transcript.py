"""The WebVTT / SRT transcript reader, through the public `minutes.ingest.read`.

Fixtures are written by tests/fixtures/make_text_fixtures.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from minutes.errors import EmptyDocument, InputError
from minutes.ingest import read

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "text"


def turns(path: Path) -> list[tuple[str | None, float | None, float | None, str]]:
    doc = read(path)
    assert all(b.kind == "turn" for b in doc.blocks)
    return [(b.speaker, b.start, b.end, b.text) for b in doc.blocks]


def test_transcript_teams_voice_tags_merge_same_speaker():
    assert turns(FIX / "teams.vtt") == [
        ("Jane Okafor", 3.528, 9.1, "Good morning, everyone. Thanks for joining the review. Let's start with introductions."),
        ("Ravi Patel", 9.5, 12.0, "I'm Ravi Patel, the family's GP."),
    ]


def test_transcript_vtt_header_notes_tags_and_several_voices():
    doc = read(FIX / "voice.vtt")
    assert doc.meta.format == "vtt"
    assert doc.meta.dropped == {"notes": 1, "styles": 1}
    assert [(b.speaker, b.start, b.end, b.text) for b in doc.blocks] == [
        ("Jane Okafor", 1.0, 4.0, "We will begin now & keep to time."),
        ("Sam Reid", 4.0, 6.5, "Police have no new information."),
        ("Jane Okafor", 4.0, 6.5, "Thank you."),
        (None, 7.0, 9.0, "the next words have no speaker and they end here."),
    ]
    assert all("comment" not in b.text for b in doc.blocks)


def test_transcript_zoom_name_prefixes_are_speakers():
    assert turns(FIX / "zoom.vtt") == [
        ("Lena Brooks", 0.0, 7.0, "Okay, we're recording now. The visit on Tuesday went well."),
        ("Tom Hale (HV)", 7.0, 10.5, "Weight is back on track."),
        ("Lena Brooks", 10.5, 12.0, "Good to hear."),
    ]


def test_transcript_srt_numbers_commas_tags_and_hours():
    doc = read(FIX / "captions.srt")
    assert doc.meta.format == "srt" and doc.meta.encoding == "utf-8-sig"
    assert [(b.speaker, b.start, b.end, b.text) for b in doc.blocks] == [
        (None, 1.0, 2.5, "First caption line continues here."),
        (None, 2.5, 4.0, "Second caption."),
        (None, 3604.0, 3605.25, "An hour later."),
    ]


def test_transcript_srt_with_speaker_names(tmp_path):
    path = tmp_path / "named.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nJANE: Hello.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nBOB: Hi.\n- JANE: Bye.\n",
        encoding="utf-8",
    )
    assert [(s, t) for s, _, _, t in turns(path)] == [("JANE", "Hello."), ("BOB", "Hi."), ("JANE", "Bye.")]


def test_transcript_occasional_colon_is_not_a_speaker(tmp_path):
    path = tmp_path / "plain.vtt"
    path.write_text(
        "WEBVTT\n\n00:01.000 --> 00:02.000\nAction: the school will call.\n\n"
        "00:02.000 --> 00:03.000\nThen we moved on.\n\n00:03.000 --> 00:04.000\nNothing else came up.\n",
        encoding="utf-8",
    )
    assert [s for s, *_ in turns(path)] == [None, None, None]


def test_transcript_malformed_timing_names_the_line():
    with pytest.raises(InputError, match=r"malformed.vtt': line 8: malformed cue timing") as err:
        read(FIX / "malformed.vtt")
    assert "Bad arrow" not in str(err.value)


@pytest.mark.parametrize(
    "body, reason",
    [
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nBackwards\n", "line 3: the cue ends before it starts"),
        ("WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nNo\n", "line 3: a cue time has minutes or seconds past 59"),
        ("Just some words\nwithout any timing\n", "line 1: no cue timing"),
    ],
)
def test_transcript_bad_cues_raise_input_error(tmp_path, body, reason):
    path = tmp_path / "bad.vtt"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read(path)


def test_transcript_without_cues_is_empty():
    with pytest.raises(EmptyDocument, match="no caption cues"):
        read(FIX / "empty.vtt")


def test_transcript_blank_line_inside_cue_text_is_kept(tmp_path):
    path = tmp_path / "gap.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nFirst part\n\nsecond part.\n", encoding="utf-8")
    assert turns(path) == [(None, 1.0, 2.0, "First part second part.")]

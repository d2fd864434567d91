"""Transcript reader: WebVTT and SRT captions -> one `turn` block per speaker turn.

Handled: the WEBVTT header and its metadata lines; NOTE, STYLE and REGION blocks (skipped, counted in
`dropped`); cue ids and SRT cue numbers; timings "00:01:02.500 --> 00:01:05.000" (or "01:02.500",
or "," before the milliseconds as in SRT) with optional cue settings after them; voice tags
`<v Speaker Name>text</v>` (Teams exports; several voices in one cue give several segments);
other inline tags (<c.x>, <i>, <b>, <00:00:01.000>, SRT <font> and {\\an8}) are stripped and HTML
entities decoded.

Speakers: the voice tag wins.  Without voice tags, a file where at least half of the cues start
with "Name: text" (Zoom exports, many SRT files) takes Name as the speaker of that line and what
follows it; otherwise the speaker is None.

Turns: consecutive segments of the same speaker are merged into one turn (start of the first, end
of the last; texts joined by a space).  Segments without a speaker are merged only until the text
ends a sentence, so that one unattributed turn is not the whole recording.

Errors: a malformed timing line raises InputError naming its line number; a file with no cues
raises EmptyDocument.  Neither quotes the file's text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..config import Settings
from ..errors import EmptyDocument, InputError
from .blocks import Parsed, TextBlock
from .normalise_text import clean_line, decode_text

_TIME = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_TIMING_LIKE = re.compile(r"^\s*\d[\d:.,]*\s*(?:-+>?|[–—]|to)\s*\d[\d:.,]*(?:\s|$)")  # a mistyped arrow
TIMING_HELP = "expected a timing like 00:01:02.500 --> 00:01:05.000"
_VOICE = re.compile(r"<v(?:\.[^\s>]*)*(?:\s+([^>]*))?>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|<\d[\d:.]*>|\{\\[^{}]*\}")
_NAME_PREFIX = re.compile(r"^(?:-\s*)?([^\s:<>\-][^:<>.!?;,]{0,47}?)\s*:\s+(\S.*)$")
_MAX_NAME_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?$")
_SKIPPED_BLOCKS = {"NOTE": "notes", "STYLE": "styles", "REGION": "regions"}


@dataclass
class Cue:
    """One caption cue: timing in seconds, its text lines, and the line number of its timing."""

    start: float
    end: float
    lines: list[str]
    line_no: int


@dataclass
class Segment:
    speaker: str | None
    start: float
    end: float
    text: str


def read(data: bytes, name: str, settings: Settings) -> Parsed:
    """Read a .vtt or .srt file's bytes into speaker turns."""
    text, encoding = decode_text(data, name)
    lines = [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    cues, dropped = parse_cues(lines, name)
    if not cues:
        raise EmptyDocument(name, "no caption cues found in the transcript")
    segments = to_segments(cues)
    turns = merge_turns(segments)
    blocks = [TextBlock("turn", t.text, speaker=t.speaker, start=t.start, end=t.end) for t in turns]
    notes = (f"{len(cues)} cues, {len(blocks)} turns, {len({t.speaker for t in turns if t.speaker})} speakers",)
    return Parsed(blocks=blocks, encoding=encoding, dropped=dropped, notes=notes)


def parse_cues(lines: list[str], name: str) -> tuple[list[Cue], dict[str, int]]:
    """Group lines into cues.  Raises InputError (with a 1-based line number) on a bad timing."""
    cues: list[Cue] = []
    dropped: dict[str, int] = {}
    for first, block in _blocks(lines):
        at = _timing_index(block)
        if first == 1 and block[0].lstrip().startswith("WEBVTT"):
            if at is None:
                continue                       # the header and its metadata lines
            block, first, at = block[at:], first + at, 0
        head = block[0].strip()
        keyword = head.split(None, 1)[0] if head else ""
        if keyword in _SKIPPED_BLOCKS and at is None:
            what = _SKIPPED_BLOCKS[keyword]
            dropped[what] = dropped.get(what, 0) + 1
            continue
        if at is None:
            if cues:                           # a blank line inside a cue's text
                cues[-1].lines.extend(block)
                continue
            raise InputError(name, f"line {first}: no cue timing where one was expected; {TIMING_HELP}")
        line_no = first + at
        start, end = _parse_timing(block[at], line_no, name)
        cues.append(Cue(start, end, block[at + 1:], line_no))
    return cues, dropped


def _blocks(lines: list[str]):
    """(1-based number of the first line, lines) for each run of non-blank lines."""
    run: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not run:
                first = number
            run.append(line)
        elif run:
            yield first, run
            run = []
    if run:
        yield first, run


def _timing_index(block: list[str]) -> int | None:
    """Index of the timing line: the first or second line of a cue (after an id or number)."""
    for i, line in enumerate(block[:2]):
        if "-->" in line or _TIMING_LIKE.match(line):
            return i
    return None


def _parse_timing(line: str, line_no: int, name: str) -> tuple[float, float]:
    match = _TIMING.match(line)
    if not match:
        raise InputError(name, f"line {line_no}: malformed cue timing; {TIMING_HELP}")
    g = match.groups()
    try:
        start, end = _seconds(*g[:4]), _seconds(*g[4:])
    except ValueError:
        raise InputError(name, f"line {line_no}: a cue time has minutes or seconds past 59") from None
    if end < start:
        raise InputError(name, f"line {line_no}: the cue ends before it starts")
    return start, end


def _seconds(h: str | None, m: str, s: str, frac: str | None) -> float:
    if int(s) > 59 or (h is not None and int(m) > 59):
        raise ValueError("minutes or seconds past 59")
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + (int(frac.ljust(3, "0")) / 1000 if frac else 0.0)


def to_segments(cues: list[Cue]) -> list[Segment]:
    """Split each cue into (speaker, text) segments, using voice tags or "Name:" prefixes."""
    named_prefix = _uses_name_prefixes(cues)
    out: list[Segment] = []
    for cue in cues:
        for speaker, text in _cue_parts("\n".join(cue.lines), named_prefix):
            if text:
                out.append(Segment(speaker, cue.start, cue.end, text))
    return out


def _cue_parts(raw: str, named_prefix: bool) -> list[tuple[str | None, str]]:
    parts: list[tuple[str | None, str]] = []
    pieces = _VOICE.split(raw)               # text, voice, text, voice, text ...
    chunks = [(None, pieces[0])] + [(_clean_name(pieces[i]), pieces[i + 1]) for i in range(1, len(pieces), 2)]
    for speaker, chunk in chunks:
        lines = [_plain(line) for line in chunk.replace("</v>", "\n").split("\n")]
        lines = [line for line in lines if line]
        if speaker is None and named_prefix:
            parts.extend(_split_prefixed(lines))
        elif lines:
            parts.append((speaker, " ".join(lines)))
    return parts


def _split_prefixed(lines: list[str]) -> list[tuple[str | None, str]]:
    parts: list[tuple[str | None, list[str]]] = []
    for line in lines:
        found = _name_prefix(line)
        if found:
            parts.append((found[0], [found[1]]))
        elif parts:
            parts[-1][1].append(line)
        else:
            parts.append((None, [line]))
    return [(speaker, " ".join(text)) for speaker, text in parts]


def _uses_name_prefixes(cues: list[Cue]) -> bool:
    """True when at least half of the cues without voice tags open with "Name: text"."""
    plain = [c for c in cues if c.lines and not _VOICE.search("\n".join(c.lines))]
    if not plain:
        return False
    hits = sum(1 for c in plain if _name_prefix(_plain(c.lines[0])))
    return hits * 2 >= len(plain)


def _name_prefix(line: str) -> tuple[str, str] | None:
    match = _NAME_PREFIX.match(line)
    if not match:
        return None
    name = _clean_name(match.group(1))
    if not name or len(name.split()) > _MAX_NAME_WORDS or name[0].isdigit():
        return None
    return name, match.group(2).strip()


def _plain(text: str) -> str:
    """Cue text without tags, with entities decoded and spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def _clean_name(raw: str | None) -> str | None:
    name = " ".join(html.unescape(raw or "").split())
    return name or None


def merge_turns(segments: list[Segment]) -> list[Segment]:
    """Merge consecutive segments of one speaker; unattributed ones only up to a sentence end."""
    turns: list[Segment] = []
    for seg in segments:
        last = turns[-1] if turns else None
        if last and last.speaker == seg.speaker and (seg.speaker or not _SENTENCE_END.search(last.text)):
            last.text = f"{last.text} {seg.text}"
            last.end = max(last.end, seg.end)
        else:
            turns.append(Segment(seg.speaker, seg.start, seg.end, seg.text))
    return turns

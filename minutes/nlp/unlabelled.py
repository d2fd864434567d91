"""Attendance lists whose "Present" label was lost.

PDF and web copies of minutes often drop the heading or the table header above the attendance
list, leaving at the top of the document a run of lines such as

    Paula Mead
    Tim Browne / Head of Education, GCC / TB
    Derek Myers (RB Kensington Alastair Jeffrey (Met Police) Hannah Miller (Croydon LSCB)

This module finds them with no section label to go on, so it asks more of each line than a
labelled list does: the line must open with a person's name (a title, or a given name from
models/rules/given_names.json, or an initial, then a capitalised surname), optionally followed by
a separator and a role or agency; and only the front matter of a document (before the first agenda
item or non-attendance section) is searched, where at least MIN_NAMES such lines must be found.
Pure functions over text; attendees.py turns the hits into people.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from .attendance import given_names, plausible_name

MIN_NAMES = 3                  # fewer name-like lines than this at the top of a document is not a list
MAX_LINE = 160                 # a longer line is prose
MIN_COLUMN = 4                 # this many name-only lines in a row are a list whatever else the block holds
MIN_COMMA_NAMES = 4            # a comma list of names at the top of a document: at least this many
COMMA_SHARE = 0.8              # and this share of its entries must be names
SHARE_OF_BLOCK = 0.5           # more than this share of a block's lines must be names

_TITLE = (r"(?:(?:Councillor|Cllr\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx|Prof\.?|Professor|Rev\.?|Revd\.?|Sir|Dame|"
          r"Lord|Lady|Baroness|Det\.?|Detective|Sup\.?|Supt\.?|Superintendent|Chief|Inspector|Sergeant|"
          r"DCI|DI|DS|DC|PC|Sgt\.?)\s+)")
_WORD = r"[A-Z][a-z]*(?:[’'\-][A-Z]?[a-z]+)*"               # Mead, O’Kane, Brocklebank-Fowler
_SURNAME = rf"(?:Mc|Mac)?{_WORD}|(?:Mc|Mac)[A-Z][a-z]+"
_NAME = re.compile(
    rf"(?P<title>{_TITLE}*)(?P<given>{_WORD}|[A-Z]\.?)(?P<rest>(?:\s+(?:[A-Z]\.?\s+)?(?:{_SURNAME})){{1,2}})"
)
_AFTER_NAME = re.compile(r"\s*(?:$|[/,(:\t–—]|-\s|\s{2,})")
_BRACKETED_NAME = re.compile(rf"(?P<title>{_TITLE}*)(?P<given>{_WORD})(?P<rest>(?:\s+(?:{_SURNAME})){{1,2}})\s*\(")
SUBJECT_ASIDE = re.compile(r"(?i)\s*(?:born|b\.|dob|d\.o\.b\.?|aged?|date\s+of\s+birth|\d{1,2}\s*(?:yrs?|years|months|mths))\b")
_WORD_START = re.compile(r"(?<![\w’'\-])[A-Z]")


def name_at_line_start(line: str) -> tuple[int, int] | None:
    """Offsets of the person's name a list line opens with, or None."""
    stripped = len(line) - len(line.lstrip(" \t•·-*"))
    m = _NAME.match(line, stripped)
    if not m or not _AFTER_NAME.match(line, m.end()):
        return None
    if re.match(r"\s*\(", line[m.end():]) and SUBJECT_ASIDE.match(line, line.index("(", m.end()) + 1):
        return None                       # "Ellis Brennan-Shaw (born 11 October 2015) and ...": a child of the case
    if not _is_person(m.group("title"), m.group("given"), m.group(0)):
        return None
    return m.start(), m.end()


def bracketed_names(line: str) -> list[tuple[int, int]]:
    """Names each followed by a bracket, however many share the line ("A Smith (Police) B Jones (GP)")."""
    out = []
    pos = 0
    while True:
        w = _WORD_START.search(line, pos)
        if not w:
            return out
        m = _BRACKETED_NAME.match(line, w.start())
        if m and SUBJECT_ASIDE.match(line, m.end()):
            pos = m.end()                 # "Ellis Brennan-Shaw (born 11 October 2015)": the child the meeting is about
            continue
        if m and _is_person(m.group("title"), m.group("given"), m.group(0).rstrip(" (")):
            out.append((m.start(), m.start() + len(m.group(0).rstrip(" ("))))
            pos = m.end()
        else:
            pos = w.end()


_DASHED_NAME = re.compile(r"(?<![\w'’\-])(?P<given>[A-Z][a-z]+)[ \t]+(?:Mc|Mac|O['’])?[A-Z][a-z'’\-]+(?=[ \t]+[-–](?:[ \t]|$))")


def dashed_names(line: str) -> list[tuple[int, int]]:
    """Names each followed by a dash, however many share the line ("Jack Hatch - St Bedes School
    Diane Bohan - St Teresa School"), when the given name is a known one."""
    return [(m.start(), m.end()) for m in _DASHED_NAME.finditer(line)
            if m.group("given").lower() in given_names() and plausible_name(m.group(0), False)]


COUNCILLORS_LEAD = re.compile(r"[ \t]*(?:Councillors|Cllrs\.?|COUNCILLORS)[ \t:]+(?=[A-Z])")
_COUNCILLOR_PIECE = re.compile(r"(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?(?:[A-Z]\.?[ \t]+){0,2}(?:Mc|Mac|O['’])?[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)?")


def councillor_names(line: str) -> list[tuple[int, int]]:
    """"Councillors Mrs Blackmore, Brice, Cannon, English (Chairman) and T Wilkinson": a line that is
    nothing but councillors sharing one title; the offsets of each name (MIN_COMMA_NAMES or more)."""
    lead = COUNCILLORS_LEAD.match(line)
    if not lead:
        return []
    body = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), line)            # asides kept out, offsets kept
    body = re.sub(r"\s+and\s+", lambda m: "," + " " * (len(m.group(0)) - 1), body)
    out = []
    for m in re.finditer(r"[^,]+", body[lead.end():].rstrip(" .")):
        a = lead.end() + m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        b = lead.end() + m.start() + len(m.group(0).rstrip())
        if not _COUNCILLOR_PIECE.fullmatch(body, a, b):
            return []
        out.append((a, b))
    return out if len(out) >= MIN_COMMA_NAMES else []


def comma_names(text: str) -> list[tuple[int, int]]:
    """The names of a block that is nothing but a comma list of names (at least MIN_COMMA_NAMES,
    nearly all of them a known given name or a title and a surname), else nothing."""
    flat = re.sub(r"\s+and\s+", lambda m: "," + " " * (len(m.group(0)) - 1), text).replace("\n", " ")   # offsets kept
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", flat) if m.group(0).strip()]
    pieces = [(s + len(flat[s:e]) - len(flat[s:e].lstrip(" *")), s + len(flat[s:e].rstrip(" ."))) for s, e in pieces]
    if len(pieces) < MIN_COMMA_NAMES:
        return []
    names, known = [], 0
    for s, e in pieces:
        m = _NAME.fullmatch(flat, s, e)
        if m and plausible_name(m.group(0), bool(m.group("title").strip())):
            names.append((s, e))
            known += _is_person(m.group("title"), m.group("given"), m.group(0))
    return names if len(names) == len(pieces) and known >= COMMA_SHARE * len(pieces) else []


def _is_person(title: str, given: str, name: str) -> bool:
    titled = bool(title.strip())
    initial = re.fullmatch(r"[A-Z]\.?", given) is not None
    if not (titled or initial or given.lower() in given_names()):
        return False
    return plausible_name(name, titled)


def list_lines(blocks: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
    """(start, end) of the names in the unlabelled list lines of front-matter blocks.

    `blocks` are (offset, text) of the blocks to search, in order.  Returns nothing unless at
    least MIN_NAMES names are found.
    """
    found: list[tuple[int, int]] = []
    for offset, text in _unwrapped(blocks):
        first = re.search(r"^[^\n]*, ", text, re.M)       # the list may follow the title in one block
        listed = comma_names(text[first.start():]) if first else []
        if first and not listed:
            line_end = text.find("\n", first.start())
            listed = councillor_names(text[first.start():line_end if line_end >= 0 else len(text)])
        if listed:                       # "Lynn Martin, June Bing, Cathy Smith and John Stacey"
            found.extend((offset + first.start() + s, offset + first.start() + e) for s, e in listed)
            continue
        several = bracketed_names(text.replace("\n", " "))      # "Dave Hill (DH - Chair), Paul Ballatt (PB), Chris\nParsloe (CP)"
        if len(several) >= 2 and len(several) >= sum(1 for line in text.split("\n") if name_at_line_start(line)):
            # (not two bracketed agencies in a column of names, one a line)
            found.extend((offset + s, offset + e) for s, e in several)
            continue
        lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
        hits: list[tuple[int, int]] = []
        named_lines = 0
        column: list[tuple[int, int]] = []       # consecutive lines that hold nothing but a name
        longest: list[tuple[int, int]] = []
        for start, line in lines:
            one = name_at_line_start(line) if len(line) <= MAX_LINE else None
            if one and not line[one[1]:].strip():
                column.append((offset + start + one[0], offset + start + one[1]))
                if len(column) > len(longest):
                    longest = list(column)
            else:
                column = []
            if len(line) > MAX_LINE * 3:
                continue
            several = bracketed_names(line)
            if len(several) < 2:
                several = dashed_names(line)
            if len(several) >= 2:
                hits.extend((offset + start + s, offset + start + e) for s, e in several)
                named_lines += 1
                continue
            if len(line) > MAX_LINE:
                continue
            one = name_at_line_start(line)
            if one:
                hits.append((offset + start + one[0], offset + start + one[1]))
                named_lines += 1
        if lines and named_lines and named_lines > SHARE_OF_BLOCK * len(lines):
            found.extend(hits)
        elif len(longest) >= MIN_COLUMN:          # a table's name column flattened into a longer block
            found.extend(longest)
    return found if len(found) >= MIN_NAMES else []


_MARK_LEGEND = re.compile(r"(?i)\s*(?:\*\s*)?(?:[=:\-–]\s*)?(?:denotes\s+|indicates\s+|means\s+)?"
                          r"(?P<what>absent|absence|apologies(?:\s+received)?|not\s+present|did\s+not\s+attend)\s*\.?\s*$")


def mark_legend(text: str, marker: str | None) -> str | None:
    """The status a "*" before a name means, from a legend block ("* Absent", "*denotes apologies"):
    "apologies", "absent" or None when the block is no such legend."""
    if marker != "*" and not text.lstrip().startswith("*"):
        return None
    m = _MARK_LEGEND.fullmatch(text)
    if not m:
        return None
    return "apologies" if m.group("what").lower().startswith("apolog") else "absent"


def marked(text: str, start: int) -> bool:
    """The name at `start` has a "*" before it ("*Councillor Chris Stuart", "* Dr Naz Jivani")."""
    before = text[max(0, start - 3):start].rstrip()
    return before.endswith("*")


def _unwrapped(blocks: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Blocks that end with a comma joined to the next one: a comma list of names wrapped over
    several paragraphs ("Councillor A, Councillor B,\n\nCouncillor C and Councillor D") is one list.
    Offsets are kept: the gap between the blocks becomes spaces."""
    out: list[tuple[int, str]] = []
    for offset, text in blocks:
        if out and out[-1][1].rstrip().endswith(",") and offset >= out[-1][0] + len(out[-1][1]):
            first, joined = out[-1]
            out[-1] = (first, joined + " " * (offset - first - len(joined)) + text)
        else:
            out.append((offset, text))
    return out


def line_end(text: str, start: int) -> int:
    """End of the line `start` is on (the rest of it is the person's role and agency)."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def next_name_or(ends: Iterable[int], start: int, default: int) -> int:
    """Where the entry that starts at `start` stops: the next name on the same line, or `default`."""
    return min((e for e in ends if start < e < default), default=default)

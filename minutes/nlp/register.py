"""Attendance registers flattened to text: one row per member, then a mark per meeting.

    IB Adults Health & Social Care D A Y JS CAFCASS D D Y PW Calderdale CCG Y Y A
    Anne Bright Police ✓ ✓ A

Boards publish these (members by meeting, with Y / N / A / D / ✓ marks and a key).  A PDF or web
copy loses the grid, leaving rows that run on.  A row is who (initials or a name), what they
represent, and a run of at least MIN_MARKS marks; at least MIN_ROWS rows make a register.  The
last column filled in is taken as this meeting's (a register printed with a meeting's minutes is
filled up to that meeting); a dash there, or a short row, gives no status.  A second shape keeps its cells apart with slashes and ends each row with the member's initials
and an attendance code from the register's key ("Probation / Director of Operations / Lucia Saiger
/ LS / RA"; MA member attended, RA representative attended, A apologies, NC no contact).  Pure functions;
attendees.py turns rows into people (members marked absent or with no mark are not attendees).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MIN_ROWS = 3
MIN_MARKS = 2
MARKS = {"Y": "present", "P": "present", "✓": "present", "✔": "present", "X": "present", "x": "present",
         "A": "apologies", "D": "apologies", "N": "absent", "-": None, "–": None}
_MARK = r"(?:Y|N|A|D|P|X|x|✓|✔|-|–)"
_WHO = r"(?P<who>[A-Z]{2,3}(?:/[A-Z]{2,3})?|(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z’'\-]+(?:\s+[A-Z][A-Za-z’'\-]+){1,2})"
_ROW = re.compile(
    rf"(?:(?<=\s)|^){_WHO}\s+(?P<what>(?:(?!{_MARK}\s)[^\s\d]+\s+){{0,8}}?)(?P<marks>(?:{_MARK}\s+){{{MIN_MARKS - 1},12}}{_MARK})(?=\s|$)"
)


@dataclass(frozen=True, slots=True)
class Row:
    who: tuple[int, int]              # offsets of the initials or name
    what: tuple[int, int]             # offsets of what they represent (may be empty)
    status: str | None                # from the last mark that is not a dash


def register_rows(text: str) -> list[Row]:
    """The rows of a flattened attendance register in `text`, or [] when it holds none."""
    found = list(_ROW.finditer(text))
    if len(found) < MIN_ROWS:
        return []
    columns = max(len(m.group("marks").split()) for m in found)
    rows = []
    for m in found:
        marks = m.group("marks").split()
        # this meeting is the last column filled in; a dash there means not a member at the time
        status = MARKS.get(marks[columns - 1]) if len(marks) == columns else None
        what_end = m.start("what") + len(m.group("what").rstrip())
        rows.append(Row((m.start("who"), m.end("who")), (m.start("what"), what_end), status))
    return rows


CODES = {"MA": "present", "Y": "present", "P": "present", "✓": "present", "✔": "present", "X": "present",
         "RA": "apologies", "A": "apologies", "AP": "apologies", "D": "apologies", "NC": "absent", "N": "absent",
         "DNA": "absent"}
_SLASH = re.compile(r"\s+/\s+")
_INITIALS = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z]?[a-z]?")
_NAME = re.compile(r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z’'\-]+(?:\s+(?:Mc|Mac)?[A-Z][A-Za-z’'\-]+){1,2}")


_CODE = "|".join(sorted((re.escape(c) for c in CODES), key=len, reverse=True))
_SLASH_ROW = re.compile(
    rf"(?P<name>{_NAME.pattern})\s+/\s+(?P<ini>{_INITIALS.pattern})\s+/\s+(?P<code>{_CODE})(?=\s|$)")


def slash_rows(text: str) -> list[Row]:
    """Rows "what / ... / Name / INITIALS / CODE" whose initials are the name's (a shape specific
    enough that one is a row; web copies put a row in a paragraph or run the rows together)."""
    rows = []
    prev = 0
    for m in _SLASH_ROW.finditer(text):
        name, initials = m.group("name"), m.group("ini")
        words = [w for w in name.split() if w.lower().strip(".") not in ("cllr", "councillor", "dr", "mr", "mrs", "ms", "miss")]
        if initials[0] != words[0][0] or (initials[-1].isupper() and len(initials) > 1
                                          and initials[-1] not in "".join(w[0] for w in words[1:])):
            continue                      # "Jane Humphreys / JH": the initials are the name's
        lead = re.search(r"\s*/\s*$", text[prev:m.start()])
        what_end = prev + lead.start() if lead else m.start()
        what_start = prev + len(text[prev:what_end]) - len(text[prev:what_end].lstrip())
        rows.append(Row(who=(m.start("name"), m.end("name")), what=(what_start, max(what_start, what_end)),
                        status=CODES[m.group("code")]))
        prev = m.end()
    return rows

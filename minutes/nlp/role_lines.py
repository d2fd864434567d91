"""Header lines that name one person by their part in the meeting.

    Conference chair: Sunita Rao (IRO)          Notes: Mel Trent
    Chair - RT (IRO)
    Mins - admin (GH)

The labels are data (models/rules/role_lines.json).  What follows the label must open with a
person: a titled name, a name whose first word is a known given name, or initials ("RT", in
brackets or not); "Minutes: The Committee considered ..." is prose, not a minute-taker.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from ..resources import models_dir
from .attendance import given_names, plausible_name

MAX_LINE = 100                  # a longer line is prose
MAX_NAME_WORDS = 5

_INITIALS = re.compile(r"\(?\b(?P<i>[A-Z]{2,3})\b\)?")
_TITLED = re.compile(r"(?:Councillor|Cllr\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Prof\.?|Rev\.?|PC|DC|DS|DI|DCI)\s+[A-Z]")
_NAME = re.compile(r"(?:(?:Councillor|Cllr\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Prof\.?|Rev\.?|PC|DC|DS|DI|DCI)\s+)?"
                   r"[A-Z][\w’'\-]*\.?(?:\s+(?!(?:IRO|SW|HV|GP|DSL|SN|CAMHS|YOT|IDVA|FSW|TM|CSC|SENCO|CP)\b)[A-Z][\w’'\-]*){0,3}")     # "Priya Nandra IRO": the post is no part of the name


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    data = json.loads((models_dir() / "rules" / "role_lines.json").read_text(encoding="utf-8"))
    roles = {}
    for group in data["labels"]:
        for word in group["words"]:
            roles[word.lower()] = group["role"]
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(roles, key=len, reverse=True))
    pattern = re.compile(rf"(?im)(?:^|(?<=\s\s)|(?<=\d[ \t]))[ \t]*(?P<label>{words})[ \t]*(?:[:\-–]|(?<=by))[ \t]*(?P<rest>[^\n]*?)(?=\s{{2,}}|$)")
    return pattern, roles


def role_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, role id) of the people named after a role label in `text`."""
    pattern, roles = _labels()
    out = []
    for m in pattern.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if (len(text) if line_end < 0 else line_end) - line_start > MAX_LINE:
            continue
        rest, at = m.group("rest"), m.start("rest")
        role = roles[re.sub(r"\s+", " ", m.group("label").lower())]
        hit = _person(rest)
        if hit:
            out.append((at + hit[0], at + hit[1], role))
    return out


def _person(rest: str) -> tuple[int, int] | None:
    name = _NAME.match(rest)
    if name:
        words = name.group(0).split()
        first = words[0].strip(".").split("-")[0].lower()
        titled = bool(_TITLED.match(rest))
        bracketed = len(words) >= 2 and re.match(r"\s*\([A-Za-z]{2,5}\)", rest[name.end():])   # "Carys Mayhew (SW)"
        if len(words) <= MAX_NAME_WORDS and (titled or (first in given_names() or bracketed) and len(words) >= 2) \
                and plausible_name(name.group(0), titled):
            return name.start(), name.end()
    initials = _INITIALS.search(rest)
    if initials and len(rest.split()) <= 3:          # "RT (IRO)", "admin (GH)"
        return initials.start("i"), initials.end("i")
    return None

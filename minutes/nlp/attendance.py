"""Parse attendance lists: "Present: Councillors A Smith (Chair), B Jones and C Brown",
"Jane Doe - SW (CSC)" lines, "Apols: Dr Patel (GP) - report submitted; School nurse".

Pure functions over a piece of text and the domain terms found in it (from the SpanRuler), so
they are easy to test and cheap to run.  The spaCy component (attendees.py) feeds them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..resources import models_dir

# (start, end, label, id) of a domain term, offsets relative to the text being parsed
Term = tuple[int, int, str, str]


@dataclass(frozen=True, slots=True)
class Entry:
    start: int                      # offsets of the whole entry in the parsed text
    end: int
    name: str | None                # as written, with its title ("Councillor A Smith", "Dr Patel")
    name_start: int = 0
    name_end: int = 0
    role_id: str | None = None
    role_text: str | None = None    # the role as written when no canonical role matched
    agency_id: str | None = None
    agency_text: str | None = None
    status: str | None = None       # an override written in the entry ("report submitted", "apologies")
    chair: bool = False


_LEADERS = re.compile(
    r"^\s*(?:[:\-–—]\s*)?(?:(?:for\s+absence\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:received|submitted|given)\s+(?:on\s+behalf\s+of|from|by)"
    r"|received\s+from|from|the\s+following(?:\s+(?:members|people|officers))?\s*:?|by)\s+",
    re.I,
)
_PLURAL_TITLE = re.compile(r"^\s*(Councillors|Cllrs\.?|Councillor|Cllr\.?)\s+", re.I)
_STATUS_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\breports?\s+(?:submitted|only|sent|provided|received)\b|\(report\)|\bsent\s+(?:a\s+)?report\b", re.I), "report submitted"),
    (re.compile(r"\b(?:did\s+not\s+attend|not\s+attended|dna|no\s+show|invited,?\s+(?:but\s+)?(?:did\s+)?not\s+(?:attend|present)|not\s+invited|whereabouts\s+(?:not\s+known|unknown))\b", re.I), "absent"),
    (re.compile(r"\b(?:apologies|apols|sent\s+apologies|gave\s+apologies)\b", re.I), "apologies"),
    (re.compile(r"\bin\s+attendance\b", re.I), "in attendance"),
)
_CHAIR = re.compile(r"\((?:in\s+the\s+)?chair(?:man|person)?\)|(?:^|[\s,\-–(])(?:conference\s+)?chair(?:man|person)?(?=$|[\s,)\-–/])", re.I)
_VICE = re.compile(r"vice[\s\-]?chair", re.I)
_NAME_WORD = re.compile(r"(?:[A-Z]\.){2,4}(?=\s)|[A-Z]\.(?=[A-Z](?:[a-z]|['’][A-Z]))|[A-Z][A-Za-z'’\-]*\.?|(?:de|van|von|der|bin|al|le|la|du|da|di|ap|ni|mac|mc|o')(?=\s+[A-Z])", re.U)
_NON_NAME = {
    "chair", "vice-chair", "vice", "chairman", "chairperson", "substitute", "sub", "report", "submitted",
    "present", "apologies", "apols", "minutes", "attended", "did", "not", "invited", "for", "first", "only",
    "the", "of", "and", "in", "attendance", "also", "members", "member", "councillors", "cllrs", "none",
    "nil", "n/a", "none received", "tbc", "unknown", "via", "teams", "zoom", "phone", "telephone", "part",
    "item", "items", "from", "on", "behalf", "to", "no", "contact", "left", "joined", "at", "after",
    "ongoing", "lead", "interim", "acting", "senior", "deputy", "assistant", "manager", "officer", "head",
    "director", "representative", "rep", "governor", "co-opted", "parent", "all", "other", "others",
    "chief", "ch", "superintendent", "supt", "inspector", "detective", "det", "sergeant", "constable", "commander",
}
_INITIALS_LEAD = re.compile(r"\s*\(\s*[A-Z][A-Za-z]{0,3}\s*\)\s*")
_TITLE_RUN = re.compile(r"(?<![(\w])(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Rev|Revd)\.?\s+(?=[A-Z])")
_BRACKETED = re.compile(r"\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bMrs)(?<!\bCllr)(?<!\bRev)(?<!\bProf)\.\s+(?=[A-Z])")
SEPARATORS = re.compile(r"\s+[\-–—]\s+|\s*[()]\s*|,\s*|:\s+|\s+/\s+")


@lru_cache(maxsize=1)
def _not_names() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads((models_dir() / "rules" / "not_names.json").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["words"]), frozenset(w.lower() for w in data.get("also_surnames", []))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (models/rules/given_names.json), lower case."""
    data = json.loads((models_dir() / "rules" / "given_names.json").read_text(encoding="utf-8"))
    return frozenset(n.lower() for n in data["names"])


def plausible_name(name: str, titled: bool) -> bool:
    """A person's name: no organisation or role words; one word only with a title."""
    words = [w.strip(".,'’()").lower() for w in re.split(r"\s+|(?<=\b[A-Z]\.)(?=[A-Z](?:[a-z]|['’][A-Z]))", name.strip())]   # "A.Vigrass"
    if not titled and words and words[0] in ("st", "saint"):
        return False                  # "St Anne" of "St Anne's Primary School", "St Cuthbert"
    bad, surnames = _not_names()
    real = [w for w in words if w and w not in _TITLE_WORDS]
    if titled and len(real) == 1:
        return real[0] not in _NEVER_SURNAMES   # "Councillor Senior", "Cllr Hall": surnames that are also words; not "Councillor RESOLVED"
    if titled and len(real) >= 2 and all(re.fullmatch(r"[a-z](?:\.[a-z])*", w) for w in real[:-1]) and real[-1] not in _NEVER_SURNAMES:
        return True                   # "Mrs J S Street", "Cllr D.J.E. Hall": a title and initials make any surname a person's
    if real and len(real) >= 2 and real[-1] in surnames and real[0] in given_names() \
            and not any(w in bad for w in real[:-1]):
        return True                   # "Tanya Hall" (not "County Hall")
    if titled and 2 <= len(real) <= 3 and real[0] in given_names() and real[-1] not in _NEVER_SURNAMES \
            and not any(w in bad for w in real[:-1]):
        return True                   # "Mr Sam Vale", "Cllr Ann Street": a title and a given name make the surname one
    if len(real) >= 2 and all(re.fullmatch(r"[a-z](?:\.[a-z])*", w) for w in real[:-1]) and "." in name \
            and real[-1] not in _NEVER_SURNAMES and real[-1] not in _TITLE_WORDS:
        return True                   # "D.J.E. Hall", "M. Bellwood": written initials make the surname a person's
    if any(w in bad for w in words):
        return False
    initials = len(real) == 1 and re.fullmatch(r"[A-Z]{2,3}", name.strip()) is not None   # "JB (HV)"
    return bool(real) and (titled or len(real) >= 2 or initials)


_NEVER_SURNAMES = {"council", "committee", "item", "items", "minutes", "agenda", "report", "present", "apologies",
                   "members", "member", "none", "chair", "officer", "officers", "description", "decision", "cyp",
                   "chief", "inspector", "superintendent", "sergeant", "constable", "executive", "public",
                   "resolved", "agreed", "disclosures", "declarations", "declaration", "interests", "noted", "recommended",
                   "business", "matters", "questions", "introduction", "welcome", "apologies", "substitutes"}
_TITLE_WORDS = {"cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "rev", "pc", "dc", "ds", "di", "sgt",
                "detective", "inspector", "sergeant", "constable", "sir", "dame", "lord", "lady", "baroness"}


def strip_leader(text: str) -> int:
    """Offset after phrases like "were received from" that introduce the list."""
    m = _LEADERS.match(text)
    return m.end() if m else 0


_ABOUT_SUBSTITUTES = re.compile(
    r"(?i:substitut|attended\s+as|in\s+place\s+of|deputi[sz]|standing\s+in\s+for)|(?i:attended|attending)\s+for\s+[A-Z]")


_WITH_SUBSTITUTES = re.compile(
    r"[,;]?\s+(?:with|and)\s+(?=(?:Councillors?|Cllrs?\.?)\s+[^.]*?\b(?:attending|attended|present)\s+as\s+(?:an?\s+|the\s+)?substitut)")


def split_entries(text: str) -> list[tuple[int, int]]:
    """Offsets of the entries of a list.

    One entry per line when the text has several lines; otherwise split on semicolons, or on
    commas and "and" outside brackets.  Sentences about substitutes are left out.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    if len(lines) > 1 and _wrapped_names(text, lines):
        return split_entries(text.replace("\n", " "))     # one list wrapped over lines: same offsets
    if len(lines) > 1:
        out: list[tuple[int, int]] = []
        for s, e in lines:
            out.extend((s + a, s + b) for a, b in split_entries(text[s:e]))
        return out
    if not lines:
        return []
    s0, e0 = lines[0]
    titles = []
    prev_end = -1
    for m in _TITLE_RUN.finditer(text, s0, e0):
        if m.start() != prev_end:            # "Councillor Mrs Angela Barker" is one name
            titles.append(m.start())
        prev_end = m.end()
    if len(titles) >= 2 and not re.search(r"[,;]|\band\b|\.\s", _BRACKETED.sub("", text[s0:e0])):
        # "Councillor Bithell (Cllr J Lennox attending as substitute) Councillor Ragan ..."
        bounds = [s0] + titles[1:] + [e0] if titles[0] - s0 < 3 else [s0] + titles + [e0]
        return [_titled_head(text, a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]
    pieces: list[tuple[int, int]] = []
    for s, e in _sentences(text, s0, e0):
        if _ABOUT_SUBSTITUTES.search(_BRACKETED.sub("", text[s:e])):
            tail = _WITH_SUBSTITUTES.search(text, s, e)
            if not tail:
                continue                   # a sentence about substitutes (ones in brackets are read elsewhere)
            e = tail.start()               # "... from Councillors A and B with Councillors C and D attending as substitutes"
        separators = ";" if ";" in text[s:e] else ","
        for a, b in _split_top(text, s, e, separators):
            if separators == ";" and _PLURAL_TITLE.match(text[a:b]) and _PLURAL_TITLE.match(text[a:b]).group(1).lower() in ("councillors", "cllrs", "cllrs."):
                pieces.extend(_split_top(text, a, b, ","))   # "...(Chair); Councillors J Cole, M Dunn and T Grant"
            elif separators == ";":
                pieces.extend(_and_a_person(text, a, b))   # "...; as well as K Kujawa and C Ward-Lewis"
            else:
                pieces.append((a, b))
    out = []
    for a, b in pieces:                    # "Councillor Marland (Chair) Councillors Gifford, Gowans": two entries
        a += len(text[a:b]) - len(text[a:b].lstrip("* ")) if text[a:b].lstrip().startswith("*") else 0   # "*Dr Pete Smith": a mark
        cut = _PLURAL_AFTER_ASIDE.search(text, a, b)
        if cut:
            out.extend([(a, cut.start()), (cut.end() - len(cut.group("lead")), b)])
        else:
            out.extend(_missing_commas(text, a, b))
    return out


_NAME_AFTER_ASIDE = re.compile(    # "W Burrows (substitute member) P Dunn": a comma lost after the bracket
    r"(?<=\))[ \t]+(?=(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?(?:[A-Z]\.?[ \t]+){1,3}[A-Z][a-z'’\-]+\b)")
_SECOND_TITLE = re.compile(        # "Mrs D Charles Mrs Janet Hill": a title after a surname starts the next name
    r"(?<=[a-z'’])[ \t]+(?=(?:Mrs|Mr|Ms|Miss|Dr|Councillor|Cllr)\.?[ \t]+[A-Z])")


_NAME_DASH_START = re.compile(r"[ \t]*[A-Z][a-z'’\-]+[ \t]+(?:Mc|Mac|O')?[A-Z][a-z'’\-]+[ \t]+[-–][ \t]")
_NAME_DASH_NEXT = re.compile(r"(?<=[\w.’'])[ \t]+(?=([A-Z][a-z]+)[ \t]+(?:Mc|Mac|O')?[A-Z][a-z'’\-]+[ \t]+[-–](?:[ \t]|$))")


def _missing_commas(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """An entry cut where a list lost a comma between two people."""
    cuts = [m.start() for m in _NAME_AFTER_ASIDE.finditer(text, a, b)]
    cuts += [m.start() for m in _SECOND_TITLE.finditer(text, a, b)
             if (_TITLE_RUN.match(text, a) or _PLURAL_TITLE.match(text[a:b])) and not _BRACKETED.search(text, a, m.start())
             and text[a:m.start()].split()[-1].lower().strip(".") not in _TITLE_WORDS | {"councillors", "cllrs"}]
    # not "Councillor Mrs A Barker", "Councillors Mrs Bromby, Cawsey"
    if _NAME_DASH_START.match(text, a, b):   # "Jack Hatch - St Bedes School Diane Bohan - St Teresa School"
        cuts += [m.start() for m in _NAME_DASH_NEXT.finditer(text, a + 1, b) if m.group(1).lower() in given_names()]
    bounds = [a] + sorted(set(cuts)) + [b]
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in zip(bounds, bounds[1:]) if text[s:e].strip()]


WRAPPED_NAMES_PER_LINE = 3   # a line holding this many people is part of a list wrapped over lines


def _wrapped_names(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether several lines are one comma list of people wrapped at the page width (a PDF's
    "Ian Newman (IN), Dave Marris (DM), Angela\nGibson (AG), ..."), not one entry per line
    ("Ms Fiona Walsh, Social Worker, Children's Social Care"): every line but the last names at
    least WRAPPED_NAMES_PER_LINE people by a given name or a title."""
    names = given_names()
    for s, e in lines[:-1]:
        fields = _BRACKETED.sub("", text[s:e]).split(",")
        people = sum(1 for f in fields
                     if (w := re.match(r"\s*(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?([A-Za-z'’\-]+)", f))
                     and (w.group(1).lower() in names or w.group(0).strip() != w.group(1)))
        if people < WRAPPED_NAMES_PER_LINE:
            return False
    return True


_AND_PERSON = re.compile(r"(?:\s+(?:and|&)\s+|,\s*)(?=(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Rev|Revd)\.?\s+[A-Z]"
                         r"|(?:[A-Z]\.?\s+)+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s*(?:[.;,(]|$)"
                         r"|[A-Z]\.(?:[A-Z]['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s*(?:[.;,(]|$))")   # "and K.O'Donoghue (clerk)"


def _and_a_person(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A piece between semicolons split at an "and" or a comma followed by a titled or initialled
    name ("co-opted members K Kujawa and C Ward-Lewis", "J Morrison, J Palmer, N Pocklington (CESC)");
    "Mr Smith, Children's Services and Education" stays."""
    out, pos = [], start
    depth = 0
    for i in range(start, end):
        depth += text[i] in "(["
        depth -= text[i] in ")]" and depth > 0
        if depth == 0 and (text[i] == "," or text[i].isspace() and text[i - 1] not in " \t,"):
            m = _AND_PERSON.match(text, i, end)
            if m:
                out.append((pos, i))
                pos = m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


_PLURAL_AFTER_ASIDE = re.compile(r"(?:(?<=\))|(?<=[a-z]))\s+(?P<lead>(?:Councillors|COUNCILLORS|Cllrs\.?)(?:\s*[\-–:]\s*|\s+))(?=[A-Z])")
# "Councillor Marland (Chair) Councillors Gifford", "... - Councillor Zia COUNCILLORS - Akbar": a lost full stop


_TITLED_HEAD = re.compile(
    r"\s*(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Rev|Revd)\.?\s+)*(?:[A-Z]\.?\s+)*(?P<first>[A-Z][\w'’\-]+)(?P<second>\s+(?:Mc|Mac)?[A-Z][\w'’\-]+)?(?:\s*\([^)]*\))?")


def _titled_head(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece of a run of titled names ends after its name: "Mr A White Church Representatives"
    keeps "Mr A White" (a second capitalised word is a surname only after a known given name)."""
    m = _TITLED_HEAD.match(text, start, end)
    if not m or not _TITLE_RUN.match(text, start, end):
        return start, end
    title = _TITLE_RUN.match(text, start, end)
    rest = text[title.end():end].split()
    if 2 <= len(rest) <= 3 and all(re.fullmatch(r"(?:Mc|Mac|O['’])?[A-Z][a-z'’\-]+", w) for w in rest) \
            and not any(w.lower() in _not_names()[0] for w in rest):
        return start, start + len(text[start:end].rstrip())   # "Councillor Bagh Ali" up to the next title: the whole name
    cut = m.end()
    if m.group("second") and m.group("first").lower() not in given_names():
        cut = m.end("first")
        bracket = re.match(r"\s*\([^)]*\)", text[m.end("second"):end])
        if bracket and m.group("second").strip().lower() in given_names():
            cut = m.end()
    while cut > start and text[cut - 1] in " \t":
        cut -= 1
    return start, cut


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _SENTENCE_END.finditer(text[start:end]):
        cut = start + m.start() + 1
        out.append((pos, cut))
        pos = start + m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip(" .")]


def _split_top(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Split on the separators (and on " and " / " & " between items) outside brackets."""
    out = []
    depth = 0
    pos = start
    i = start
    while i < end:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in separators:
            out.append((pos, i))
            pos = i + 1
        elif depth == 0 and separators == "," and (text.startswith(" and ", i) or text.startswith(" & ", i)):
            out.append((pos, i))
            pos = i + (5 if text.startswith(" and ", i) else 3)
            i = pos
            continue
        i += 1
    out.append((pos, end))
    cleaned = []
    for s, e in out:
        while s < e and text[s] in " \t.;,":
            s += 1
        while e > s and text[e - 1] in " \t.;,":
            e -= 1
        if e > s:
            cleaned.append((s, e))
    return cleaned


def _status_in(text: str) -> str | None:
    for pattern, status in _STATUS_WORDS:
        if pattern.search(text):
            return status
    return None


_LOWER_TITLES = {"dr": "Dr", "mr": "Mr", "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "mx": "Mx", "pc": "PC", "dc": "DC",
                 "ds": "DS", "di": "DI", "cllr": "Cllr", "sgt": "Sgt"}
_LOWER_NAME = re.compile(r"(?P<title>(?:dr|mr|mrs|ms|miss|mx|pc|dc|ds|di|cllr|sgt)\.?\s+)?(?P<name>[a-z][a-z'’\-]+(?:[ \t]+[a-z][a-z'’\-]+){0,2})"
                         r"(?=\s*(?:$|[,(:]|\s[-–—]\s))")


def lift_lower_name(text: str, start: int, end: int) -> str:
    """`text` with a person's name written in lower case at the start of the entry capitalised
    ("amir haddad - social worker", "pc dave orme - police", "dr okoro (GP)"), offsets unchanged;
    the text as it is when the entry opens with no such name."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    m = _LOWER_NAME.match(text, start + lead, end)
    if not m:
        return text
    words = m.group("name").split()
    if not m.group("title") and (words[0] not in given_names() or len(words) < 2):
        return text                 # "social worker - Ben Ode", "mum - present": no name typed in lower case
    if any(w in _not_names()[0] for w in words):
        return text
    title = m.group("title") or ""
    fixed = (_LOWER_TITLES[title.strip(" .\t")] + title[len(title.strip(" .\t").rstrip(".")):] if title else "") + \
        re.sub(r"(?<![\w'’])[a-z]", lambda c: c.group(0).upper(), m.group("name"))
    return text[:m.start()] + fixed + text[m.end():]


_GIVEN_THEN_SURNAME = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+)(?=(\s+)((?:Mc|Mac|O')?[A-Z][a-z'’\-]+)(?![\w'’]))")   # overlapping


_INITIALS_WORD = re.compile(r"(?<=\s)[A-Z]{2,3}[a-z]?(?=\s|$)")


def _initials_inside(text: str, ns: int, ne: int) -> tuple[int, int] | None:
    """The person's name in a name run that goes on past their initials ("Richard Chapman RCp
    Chief Finance Officer", "Delivery Ian Gibbard IG Lay Member" after a wrapped line): its
    offsets, or None."""
    for m in _INITIALS_WORD.finditer(text, ns, ne):
        end = ns + len(text[ns:m.start()].rstrip())
        words = [(w.start(), w.group(0)) for w in re.finditer(r"[^\s\-]+", text[ns:end])
                 if w.group(0).lower().strip(".") not in _TITLE_WORDS]
        for skip in (0, 1):               # a word run on from the line before is not the name's
            rest = words[skip:]
            if _are_initials(m.group(0), [w for _, w in rest]):
                return (ns if skip == 0 else ns + rest[0][0]), end
    return None


_BRACKET_INITIALS = re.compile(r"\s*\(\s*([A-Z]{2,4})\s*\)")


def _own_initials(text: str, name: str, name_end: int, end: int) -> tuple[int, int] | None:
    """Offsets of "(SW)" straight after "Sue Ward" when the letters are the person's initials."""
    m = _BRACKET_INITIALS.match(text, name_end, end)
    if not m:
        return None
    words = [w for w in re.split(r"[\s\-]+|(?<=\b[A-Z]\.)", name) if w and w.lower().strip(".") not in _TITLE_WORDS]
    return (m.start(1), m.end(1)) if _are_initials(m.group(1), words) else None   # "G.E. Horton (GEH)" too


_NAME_FIELD = re.compile(r"[ \t]*(?i:name|attendee|participant)[ \t]*:[ \t]*")
_OTHER_FIELD = re.compile(r"\s(?i:agency|organisation|organization|service|role|job\s+title|title|position|designation|"
                          r"attended|attendance|status|contact)[ \t]*:")
_ROLE_FIELD = re.compile(r"(?i:role|job\s+title|position|designation)[ \t]*:[ \t]*(.+?)(?=\s+[A-Z][a-z]+(?:\s+[a-z]+)?[ \t]*:|\n|$)")
_INITIALS_FIRST = re.compile(r"\s*(?:\[([A-Z]{2,3})\]|([A-Z]{2,3}))\s+(?=[A-Z])")
_NAME_WORDS = re.compile(r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+)?([A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]*)+)")


def _own_initials_first(text: str, start: int, end: int) -> re.Match[str] | None:
    """Initials that open an entry and are those of the name after them ("GB Georgina Bouette",
    "AC Cllr. Alison Cooper", "[AR] Abigail Rowe"): a column of the initials used later in the minutes."""
    m = _INITIALS_FIRST.match(text, start, end)
    name = _NAME_WORDS.match(text, m.end(), end) if m else None
    if not name:
        return None
    return m if _are_initials(m.group(1) or m.group(2), re.split(r"[\s\-]+", name.group(1))[:3]) else None


def _are_initials(letters: str, words: Sequence[str]) -> bool:
    """Whether "SW", "RCp" or "MWh" are the initials of a name's words (titles left out): the whole
    set, or the first letters of the first and the last word."""
    initials = "".join(w[0].upper() for w in words)
    return bool(initials) and (letters == initials or len(words) >= 2 and letters[0] == initials[0]
                               and initials[-1] in (letters[1], letters[-1]))


def _given_name_inside(text: str, start: int, end: int, covered) -> tuple[int, int] | None:
    """A known given name and a surname after other undelimited words of an entry ("Valence
    Primary School Scott Hallam HT"), outside its role and agency terms, when the surname is no
    organisation word."""
    for m in _GIVEN_THEN_SURNAME.finditer(text, start, end):
        stop = m.end(1) + len(m.group(2)) + len(m.group(3))
        if m.start() == start or stop > end or m.group(1).lower() not in given_names():
            continue
        if re.search(r"[,;/()|:\-–—]", text[start:m.start()]):
            return None                   # a delimited entry ("Trust / Director / Anne Moor / NC") is read by its cells
        if any(s < stop and m.start() < e for s, e in covered) or m.group(3).lower() in _not_names()[0]:
            continue
        if text[stop:end].lstrip()[:1].isupper() and not re.match(r"\s*[A-Z]{2,4}\b", text[stop:end]):
            continue                      # "Jo Richardson Community School": a name opening a longer proper noun
        return m.start(), stop
    return None


def parse_entry(text: str, start: int, end: int, terms: Sequence[Term], title: str | None = None) -> Entry:
    """One entry: the person's name (with title), role and agency, and any status written in it."""
    lead = _INITIALS_LEAD.match(text, start, end) or _own_initials_first(text, start, end)
    if lead:                                            # "(JC) Joe Cocker, CYSCB Manager", "DO Dax O'Connor (Arun DC)"
        start = lead.end()
    body = text[start:end]
    inside = [t for t in terms if t[0] >= start and t[1] <= end]
    role = next((t for t in inside if t[2] == "ROLE" and not inside_a_phrase(text, start, t)), None)
    agency = next((t for t in inside if t[2] == "AGENCY"), None)
    titles = [t for t in inside if t[2] == "TITLE"]
    covered = [(t[0], t[1]) for t in inside if t[2] in ("ROLE", "AGENCY", "CATEGORY", "RISK", "CONF_TYPE", "OUTCOME")]
    field = _NAME_FIELD.match(text, start, end)
    if field:                             # "Name: Tom Hebden   Agency: Pelwick CSC   Role: Team Manager"
        after = _OTHER_FIELD.search(text, field.end(), end)
        name, ns, ne = _name(text, field.end(), after.start() if after else end, covered, titles)
    else:
        name, ns, ne = _name(text, start, end, covered, titles)
    has_title = bool(title) or any(t[0] == ns for t in titles) or bool(
        name and re.match(r"(?i)(cllr|councillor|dr|mr|mrs|ms|miss|mx|prof|rev|pc|dc|ds|di|sgt|detective)\b", name))
    if name:
        cut = _initials_inside(text, ns, ne)
        if cut:                           # "Dr Ruth Cooper RC Governing Body GP": the name ends at her initials
            ns, ne = cut
            name = " ".join(text[ns:ne].split())
    if name and not plausible_name(name, has_title):
        name, ns, ne = None, 0, 0
    if name and (role or agency):
        own = _own_initials(text, name, ne, end)
        if own:                           # "Sue Ward (SW) Designated Nurse": her initials, not the social worker's "SW"
            inside = [t for t in inside if not (own[0] <= t[0] and t[1] <= own[1])]
            role = next((t for t in inside if t[2] == "ROLE" and not inside_a_phrase(text, start, t)), None)
            agency = next((t for t in inside if t[2] == "AGENCY"), None)
    if name is None:
        found = _given_name_inside(text, start, end, covered)
        if found:                         # "Valence Primary School Scott Halliwell HT": the place, then the person
            (ns, ne), name = found, text[found[0]:found[1]]
    after = _person_after_dash(text, start, end, ne if name else None, has_title, name)
    if after:                             # "Socail Worker Dunmere CSC - Kirsty Hale": the post, a dash, the person
        (ns, ne), name = after, text[after[0]:after[1]]
        has_title = bool(_TITLE_WORD.match(name))
    if name and agency and agency[0] >= ne and not text[ne:agency[0]].strip() and _place_of(name, has_title):
        name, ns, ne = None, 0, 0         # "North Yorkshire Police", "DCI North Yorkshire Police": a place, then the agency
    if name and _in_a_clause(text, start, ns):
        name, ns, ne = None, 0, 0         # "GP (all shared with Ms Prescott before ...)": a person the aside mentions
    if name and re.fullmatch(r"[A-Z]{2,3}", name) and (ns != start or not re.search(r"[(\-–,]", text[ne:end])):
        name, ns, ne = None, 0, 0         # initials are a name only when they open an entry with a role after them
    if name is None and role is not None:
        initials = _initials_after_role(text, role[1], end, inside)
        if initials:                      # "SW - KM", "Dad (LY) - at work": a role, then the person's initials
            ns, ne = initials
            name = text[ns:ne]
    role_text = None
    if role is None and field:            # "... Role: Exploitation Worker": the written role field
        post = _ROLE_FIELD.search(text, field.end(), end)
        role_text = " ".join(post.group(1).split()).strip(" ,;") or None if post else None
    elif role is None:
        role_text = _role_words(text, start, end, ns, ne, covered)
        own = _own_initials(text, name, ne, end) if name and role_text else None
        if own and role_text == text[own[0]:own[1]]:
            role_text = None              # "G.E. Horton (GEH)": her initials, not a role
    chair = bool(_CHAIR.search(body)) and not _VICE.search(body)
    if name and title and not _starts_with_title(name, titles, ns):
        name = f"{title} {name}"
    return Entry(
        start=start,
        end=end,
        name=name,
        name_start=ns,
        name_end=ne,
        role_id=role[3] if role else None,
        role_text=role_text,
        agency_id=agency[3] if agency else None,
        agency_text=None,
        status=_status_in(body),
        chair=chair,
    )


_DASH_SPLIT = re.compile(r"\s[-–—]\s+")
_PERSON_RUN = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|PC|DC|DS|DI|DCI|Sgt)\.?\s+)?[A-Z][a-z'’\-]+(?:\s+(?:Mc|Mac|O')?[A-Z][a-z'’\-]+){1,2}")


def _person_after_dash(text: str, start: int, end: int, name_end: int | None, has_title: bool,
                       name: str | None) -> tuple[int, int] | None:
    """In "<post or agency> - <person>" the person after the dash, when the run before the dash that was
    taken for a name does not open with a title or a given name ("DSL Brookside primary - Mrs Dawn
    Ireland", "CAHMS - Ruth Adeyemi (primary mental hlth worker)")."""
    dash = _DASH_SPLIT.search(text, start, end)
    if dash is None or (name_end is not None and name_end > dash.start()):
        return None
    if name and (has_title or re.split(r"[-‐]", name.split()[0].lower())[0] in given_names()):
        return None                       # "Kirsty Hale - Social Worker": the name comes first
    m = _PERSON_RUN.match(text, dash.end(), end)
    if m is None:
        return None
    first = m.group(0).split()[0]
    if not (_TITLE_WORD.fullmatch(first) or re.split(r"[-‐]", first.lower())[0] in given_names()):
        return None
    return m.start(), m.end()


def _in_a_clause(text: str, start: int, ns: int) -> bool:
    """The name stands inside a bracket after words of a sentence ("(all shared with Ms Prescott"),
    not as the bracket's content ("GP (Dr Amir Latif)", "(deputising for Cllr Hart)" is read elsewhere)."""
    before = text[start:ns]
    open_at = before.rfind("(")
    if open_at < 0 or ")" in before[open_at:]:
        return False
    aside = before[open_at + 1:]
    return sum(1 for w in re.findall(r"[A-Za-z]+", aside) if w.islower()) >= 2 and not _STANDS_IN.search(aside)


_STANDS_IN = re.compile(r"(?i)\b(?:deputi[sz]ing|substitut\w*|standing\s+in|on\s+behalf|represented|replacing|instead)\b")


def _place_of(name: str, has_title: bool) -> bool:
    """Words written straight before an agency name that are no person's name: they do not open with
    a given name ("North Yorkshire" before "Police"; "Anne Brightwell Police" is a person and agency),
    and after a title there are at least two of them ("Dr Patel Health" stays a person)."""
    words = [w for w in name.split() if not _TITLE_WORD.fullmatch(w)]
    if not words or re.split(r"[-‐]", words[0].lower().strip("."))[0] in given_names():
        return False
    return not has_title or len(words) >= 2


_TITLE_WORD = re.compile(r"(?i)(?:cllr|councillor|dr|mr|mrs|ms|miss|mx|prof|rev|pc|dc|ds|di|dci|dsi|sgt|detective)\.?")


_ROLE_THEN_INITIALS = re.compile(r"\s*(?:[\-–—:]\s*|\(\s*)(?P<i>[A-Z]{2,3})\b(?!['’])")


def _initials_after_role(text: str, role_end: int, end: int, terms: Sequence[Term]) -> tuple[int, int] | None:
    m = _ROLE_THEN_INITIALS.match(text, role_end, end)
    if not m or any(t[0] < m.end("i") and m.start("i") < t[1] for t in terms):
        return None                       # "SW - CSC": an abbreviation we know is no person
    return m.start("i"), m.end("i")


_FAMILY_ROLES = {"child", "young_person"}


def inside_a_phrase(text: str, start: int, term: Term) -> bool:
    """"Children" in "Designated Nurse for Safeguarding Children" is part of a post, not the role Child."""
    return term[3] in _FAMILY_ROLES and bool(re.search(r"[A-Za-z]\s*$", text[start:term[0]]))


def _starts_with_title(name: str, titles: Sequence[Term], ns: int) -> bool:
    return any(t[0] == ns for t in titles) or bool(re.match(r"(?i)(cllr|councillor|dr|mr|mrs|ms|miss|mx|prof)\b", name))


def _name(text: str, start: int, end: int, covered, titles) -> tuple[str | None, int, int]:
    """The first run of name words in the entry, outside role/agency terms (titles are kept)."""
    title_starts = {t[0]: t[1] for t in titles}
    for fs, fe in _fragments(text, start, end):
        words = []
        i = fs
        while i < fe:
            if i in title_starts and title_starts[i] <= fe:
                if sum(1 for w in words if not w[2]) >= 2:
                    break                 # "Marcus Ohene Detective Inspector": a rank after the name is the role
                words.append((i, title_starts[i], True))
                i = title_starts[i]
                continue
            hit = next(((s, e) for s, e in covered if s <= i < e), None)
            if hit:
                if words:
                    break
                i = hit[1]
                continue
            m = _NAME_WORD.match(text, i, fe)
            if m and m.end() <= fe and (m.end() == fe or not text[m.end()].isalnum() or m.group(0).endswith(".")):
                word = m.group(0)
                if word.lower().strip(".") in _NON_NAME and not words:
                    i = m.end()
                    continue
                if word.lower().strip(".") in _NON_NAME:
                    break
                real = [w for w in words if not w[2]]
                if word.lower() in _not_names()[0] and len(real) >= 2 \
                        and text[real[0][0]:real[0][1]].split("-")[0].lower() in given_names():
                    break                 # "Jenny Holt Designated Nurse": the role starts after the name
                cut = _hyphen_cut(text, m.start(), m.end(), fe, covered) if words else None
                if cut is not None:       # "Ian Stewart-City Mayor": the name ends at the hyphen
                    words.append((m.start(), cut, False))
                    break
                words.append((m.start(), m.end(), False))
                i = m.end()
                continue
            if text[i].isspace():
                i += 1
                continue
            collar = re.match(r"\d{2,6}\b", text[i:fe]) if words and all(w[2] for w in words) else None
            if collar:                    # "PC 4471 Dan Hughes": a police officer's collar number after the rank
                i += collar.end()
                continue
            if words:
                break
            j = i
            while j < fe and not text[j].isspace():
                j += 1
            i = j
        real = [w for w in words if not w[2]]
        if real:
            s, e = words[0][0], words[-1][1]
            return " ".join(text[s:e].split()), s, e
    return None, 0, 0


def _hyphen_cut(text: str, ws: int, we: int, fe: int, covered) -> int | None:
    """Where a name word written "Stewart-City" ends, when the hyphen joins the name to the
    role or agency written after it with no spaces ("Ian Stewart-City Mayor", "Kevin
    Mulligan-Greater Manchester Police"); None for a hyphenated surname ("Smith-Jones", "Smith-Jones
    Social Worker")."""
    hyphen = text.find("-", ws, we)
    if hyphen < 0 or hyphen + 1 >= we or not text[hyphen + 1].isupper():
        return None
    if any(s == hyphen + 1 for s, _ in covered):
        return hyphen                     # "Mulligan-Greater Manchester Police": a known agency after the hyphen
    second = text[hyphen + 1:we].lower()
    if second in _NEVER_SURNAMES or (second in _not_names()[0] and second not in _not_names()[1]):
        return hyphen                     # "Whitehead-Public Health ...", "Stewart-City Mayor": no surname
    rest = text[we:fe]
    if not re.match(r"[ \t]+[A-Za-z]", rest) or re.match(r"[ \t]+(?:and|or)\b", rest):
        return None                       # "Smith-Jones", "Smith-Jones (Police)", "Smith-Jones and C Brown"
    after = we + len(rest) - len(rest.lstrip())
    if any(s == after for s, _ in covered):
        return None                       # "Smith-Jones Social Worker": the role starts after the surname
    return hyphen


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in SEPARATORS.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


_NOT_A_ROLE = re.compile(r"substitut|\battended\b|in\s+place\s+of|on\s+behalf|in\s+(?:his|her|their)\s+absence|"
                         r"^\(?\s*(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+[A-Z]", re.I)


def _role_words(text: str, start: int, end: int, ns: int, ne: int, covered) -> str | None:
    """A role written in words the gazetteer does not know ("Head of Safeguarding")."""
    for fs, fe in _fragments(text, start, end):
        if ns <= fs < ne or fs <= ns < fe:
            tail = text[ne:fe].strip() if fs <= ns < fe and ne <= fe else ""
            if re.fullmatch(r"\(?[a-z]{2,5}\)?", tail):      # "Rob Finn sw": a lower-case abbreviation after the name
                return tail
            continue
        frag = text[fs:fe].strip()
        if not frag or _status_in(frag) or _CHAIR.fullmatch(frag) or any(s <= fs and fe <= e for s, e in covered):
            continue
        if _NOT_A_ROLE.search(frag):
            continue                     # "(Ms H Horne attended as substitute)": another person, no role
        if (re.search(r"[A-Za-z]{3,}", frag) or re.fullmatch(r"\(?[a-z]{2}\)?", frag)) and len(frag) <= 80:   # "sw", "hv" too
            return frag
    return None


_RUN_WORD = re.compile(r"[A-Z][a-z]+(?:[’'\-][A-Z]?[a-z]+)*(?:[A-Z][a-z]+)?|[A-Z]\.?(?=\s)|(?:Mc|Mac|O’|O')[A-Z][a-z]+")
_RUN_TITLES = {"cllr", "cllr.", "councillor", "dr", "dr.", "mr", "mrs", "ms", "miss", "prof", "rev", "dci", "di", "ds", "dc", "pc", "sgt"}
_RUN_HEADERS = {"role", "roles", "initial", "initials", "name", "names", "organisation", "organization", "agency",
                "title", "designation", "representing", "attended", "attendance", "apologies", "present", "member", "members"}
MIN_RUN_NAMES = 2


def name_run(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Names written one after another with no separators, as a flattened table cell leaves them:
    "Stephen Barber Karen Reeve Cllr Jan Gavin Penny Cooper Role Independent Chair ...".

    A known given name (or a title) starts a name and the next word is its surname; a lone
    unknown word between names belongs to the name before it.  Returns the names when at least
    MIN_RUN_NAMES are found and most open with a known given name, else [].
    """
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", text[start:end])]
    words = [(start + s, start + e, w) for s, e, w in words]
    given = given_names()
    bad = _not_names()[0]
    names: list[list[int]] = []          # [start, end, known-given?]
    i = 0
    while i < len(words):
        s, e, w = words[i]
        low = w.lower().strip(",;:")
        if low in _RUN_TITLES and i + 2 < len(words):
            t = i + 1
        else:
            t = i
        first = words[t][2]
        if not _RUN_WORD.fullmatch(first) or first.lower() in bad or first.lower() in _RUN_HEADERS or first.lower() in _NON_NAME:
            i += 1
            continue
        if t + 1 >= len(words):
            break
        surname = words[t + 1][2].rstrip(",;")
        if not _RUN_WORD.fullmatch(surname) or surname.lower() in bad or surname.lower() in _RUN_HEADERS \
                or surname.lower() in _NON_NAME or surname.lower() in _RUN_TITLES:
            i = t + 1
            continue
        known = first.split("-")[0].lower() in given
        after = words[t + 2][2].split("-")[0].lower() if t + 2 < len(words) else ""
        if not known and not (after in given or after in _RUN_TITLES):
            i = t + 1                        # "Support Esther Blake": an unknown word before a name is no name
            continue
        stop = t + 2
        names.append([s, words[t + 1][1] - (len(words[t + 1][2]) - len(surname)), int(known or low in _RUN_TITLES)])
        i = stop
    if len(names) < MIN_RUN_NAMES or sum(n[2] for n in names) * 2 < len(names):
        return []
    return [(n[0], n[1]) for n in names]

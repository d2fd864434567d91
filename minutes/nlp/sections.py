"""Section detection: which part of a meeting record each block belongs to.

Labels ("Present:", "Apols", "RESOLVED", "Decision", "Actions", conference headings ...) are data
in models/rules/sections.json.  A block opens a section when it is a heading naming one, or when
it starts with a label followed by a colon, a dash or nothing else ("Present: Cllr A, Cllr B"
opens *present* and holds its first entries).  The section then runs on until the next label or
heading; attendance sections also end at the first long narrative paragraph.  Agenda item
numbers ("23/24", "6.", "Item 6") are tracked so decisions can cite their item.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from ..resources import models_dir
from .attendance import given_names, strip_leader
from .found import BlockSection, block_texts, pack

RULE_KEYS = {"id", "kind", "status", "labels", "note"}
SECTION_KINDS = {"attendance", "decision", "actions", "narrative"}
ATTENDANCE_MAX_WORDS = 22      # a longer paragraph ends an attendance list

_LEAD = re.compile(r"^[\s#>*_•➤▪\-–—]*(?:(?:section|part)\s+[0-9]{1,2}[a-z]?\s*[.:\-–—]\s*|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])?[\s*_]*", re.I)
_AFTER = re.compile(r"^[ \t]*(?:\*\*|__)?[ \t]*(?:[:\-–—]|\n|$)")
_LIST_AFTER = re.compile(r" (?=(?:[A-Z][a-z]{0,3}\.? )?[A-Z]\.? ?[A-Z][A-Za-z'’\-]+(?:[ ,;(]|$)|(?:Councillors?|Cllrs?\.?) [A-Z])")
_COLUMN = re.compile(r"^(?:\t|[ ]{3,})(?=\S)")       # "Present           C BAKER, R BACK": a label in its own column
SHORT_LABEL_WORDS = 6          # "Attendance Details", "Those present": a label line of a few words
_INTRO = re.compile(r"^\s+(?:(?:were|was|had\s+been)\s+(?:received|submitted|given|tendered|sent)|(?:received\s+)?from)\b")
_PROSE_VERB = re.compile(r"\b(?:explained|introduced|said|says|was|were|had|has|is|are|discussed|agreed|noted|reported|asked|advised|considered|confirmed|described)\b")
_SPEECH_VERB = re.compile(r"\b(?:welcomed|introduced|explained|said|asked|replied|thanked|presented|discussed|agreed|noted|"
                          r"reported|advised|considered|confirmed|described|opened|commented|stated|raised|outlined|"
                          r"queried|responded|highlighted|informed|updated)\b")
_ITEM = re.compile(
    r"^[\s#*_]*(?:(?i:(?:agenda\s+)?item)\s+(?P<a>\d{1,3}[a-z]?)\b|(?P<b>\d{1,3}/\d{2,4})\b|(?P<c>\d{1,3})[.)]?\s+(?=[A-Z])(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b))"
)


@dataclass(frozen=True, slots=True)
class SectionRule:
    id: str
    kind: str
    labels: tuple[str, ...]
    status: str | None = None


@dataclass(frozen=True, slots=True)
class SectionRules:
    rules: dict[str, SectionRule]
    pattern: re.Pattern[str]                  # every label, longest first
    by_label: dict[str, str]                  # label -> section id
    topic_heads: frozenset[str] = frozenset()  # first words of a topic line that ends an attendance list

    def kind(self, section: str | None) -> str | None:
        return self.rules[section].kind if section in self.rules else None

    def status(self, section: str | None) -> str | None:
        return self.rules[section].status if section in self.rules else None


@lru_cache(maxsize=8)
def load_rules(path: str = "rules/sections.json", root: str | None = None) -> SectionRules:
    file = Path(root or models_dir()) / path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"section rules '{file.name}' cannot be read: {exc}") from None
    rules: dict[str, SectionRule] = {}
    by_label: dict[str, str] = {}
    for n, raw in enumerate(data.get("sections", []), 1):
        unknown = set(raw) - RULE_KEYS
        if unknown:
            raise ConfigError(
                f"{file.name}: section {n} has unknown key(s) {', '.join(sorted(unknown))}; "
                f"allowed: {', '.join(sorted(RULE_KEYS))}"
            )
        if raw.get("kind") not in SECTION_KINDS:
            raise ConfigError(f"{file.name}: section {n} kind must be one of {', '.join(sorted(SECTION_KINDS))}")
        rule = SectionRule(raw["id"], raw["kind"], tuple(l.lower() for l in raw["labels"]), raw.get("status"))
        rules[rule.id] = rule
        for label in rule.labels:
            by_label.setdefault(_norm(label), rule.id)
    alternatives = sorted(by_label, key=len, reverse=True)
    pattern = re.compile(r"(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?![a-z0-9'])")
    return SectionRules(rules, pattern, by_label, frozenset(w.lower() for w in data.get("topic_heads", [])))


def _norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


_LETTER_SPACED = re.compile(r"(?:[A-Z] ){3,}[A-Z](?![\w])")     # "P R E S E N T:-" in council PDFs


def match_label(text: str, is_heading: bool, rules: SectionRules, attendance_seen: bool = False) -> tuple[str, int] | None:
    """(section id, offset where the content after the label starts), or None.  Once the attendance
    has been taken (`attendance_seen`), a bare "Members:" lists a group ("10. Core group / Members: ..."),
    not who was present."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    spaced = _LETTER_SPACED.match(text, start)
    if spaced:
        word = text[start:spaced.end()].replace(" ", "")
        found = match_label(text[:start] + word + text[spaced.end():], is_heading, rules, attendance_seen)
        if found is None:
            return None
        removed = spaced.end() - start - len(word)
        return found[0], found[1] + removed if found[1] >= start + len(word) else found[1]
    head = _norm(text[start:start + 80])
    m = rules.pattern.match(head)
    if not m:
        members = _MEMBERS_LABEL.match(text, start)
        if members and "present" in rules.rules and not (attendance_seen and _BARE_MEMBERS.match(text, start)):
            # "Commission members – Cllrs A, B", "Board Members: ..."
            return "present", members.end()
        return _label_elsewhere(text, start, rules)
    label = m.group(0)
    rest = head[m.end():]
    after = _AFTER.match(rest) or _COLUMN.match(rest)
    if not after and rules.kind(rules.by_label[label]) == "attendance":
        after = _LIST_AFTER.match(text[start + m.end():])   # "Present C BAKER, R BACKHOUSE": a flattened table cell
    shouting = text[start:start + m.end()].isupper() and len(label) > 3
    first_line = text[start:].split("\n", 1)[0]
    keyless = re.sub(r"\([^)]*=[^)]*\)", "", first_line)   # "Participants (P = present, A = apologies)": its key aside
    short_line = len(keyless.split()) <= SHORT_LABEL_WORDS and not re.search(r"[.;,]", re.sub(r"\([^)]*\)", "", first_line))
    if short_line:
        is_heading = True
    introduces = label.endswith((" from", " attended by")) or bool(_INTRO.match(rest))
    if not (is_heading or after or shouting or introduces):
        return None
    content = start + m.end() + (after.end() if after else 0)
    if short_line and not after:                   # "Strengths / what's working well": the whole line is the heading
        content = start + len(first_line)
    while content < len(text) and (text[content] in " \t*_:\n" or (text[content] in "-–" and text[content - 1] == ":")):
        content += 1                  # "PRESENT:-" too
    section = rules.by_label[label]
    if rules.kind(section) == "actions" and not after and ":" not in first_line \
            and re.match(r"\s*(?:from|of|since|made|set|agreed)\b", text[start + m.end():]):
        content = start + len(first_line)   # "Review of actions from the core group on the fifteenth of April": a heading
    if section == "plan" and "action" in first_line.lower() and "actions" in rules.rules:
        section = "actions"           # "Outline Child Protection Plan / Actions"
    if section == "minutes":          # "Minutes: The Board received the following apologies ..."
        inner = _label_elsewhere(text, content, rules)
        if inner:
            return inner
    return section, content


_CELL_LIST = re.compile(r"(?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w'-]*\s*,\s*[A-Z]")


def _label_on_later_line(text: str, rules: SectionRules) -> tuple[str, int] | None:
    """An attendance label starting a later line of a block ("Date: ...\nPresent: ...")."""
    pos = text.find("\n") + 1
    while pos > 0:
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        found = match_label(line, False, rules)
        prefix = re.match(r"\s*([\w' ]+?)\s*[:\-–]", line)
        if found and rules.kind(found[0]) == "attendance" and prefix and found[1] <= prefix.end() + 2:
            # "Present: ..." opens the list; "GP: Dr Amir Latif - apologies" is an entry of it
            return found[0], pos + found[1]
        if found and rules.kind(found[0]) == "attendance" and _CELL_LIST.match(line, found[1]):
            # "Present C BAKER, R BACKHOUSE, ...": a flattened table row with no colon
            return found[0], pos + found[1]
        pos = end + 1 if end >= 0 else 0
    return None


_FOLLOWING_LIST = re.compile(   # "... The Partnership received the following apologies for this meeting:Paul Bradley – ..."
    r"\b(?:received|noted|tendered|were\s+given)\s+the\s+following\s+(?P<what>apologies)\b[^:.\n]{0,40}:[ \t]*", re.I)


def _following_list(text: str, rules: SectionRules) -> tuple[str, int] | None:
    """A sentence in the middle of a block that ends with a colon and introduces the list after it."""
    m = _FOLLOWING_LIST.search(text)
    if m and "apologies" in rules.rules:
        return "apologies", m.end()
    return None


def _narrative(line: str) -> bool:
    """A long line that reads as prose rather than as a list of names."""
    if _SURNAME_RUN.match(line):
        return False              # "Councillors Allan Foster Oliver Thompson Atkinson ...": a flattened grid of surnames
    words = line.split()
    lead = strip_leader(line)
    if lead:                      # "were submitted on behalf of Councillor A and Councillor B": the list goes on
        line = line[lead:]
        words = line.split()
    if len(words) >= 12 and _PROSE_VERB.search(line) and " - " not in line and "(" not in line:
        return True
    if len(words) >= 6 and line.rstrip().endswith(".") and _SPEECH_VERB.search(line) and "(" not in line:
        return True               # "The Chair welcomed everyone and Mr D King introduced the report."
    if len(words) >= 8 and line.rstrip().endswith(".") and not re.search(r"[,;:(]|\s[\-–]\s|\b(?:and|&)\b", line):
        return True               # "Plan made at ICPC 11/3/25 under Neglect for both children.": no entry of a list
    if len(words) <= ATTENDANCE_MAX_WORDS:
        return False
    people = sum(1 for m in _GIVEN_SURNAME.finditer(line) if m.group(1).lower() in given_names())
    if people >= 3 and people * PEOPLE_EVERY_WORDS >= len(words):
        return False              # "... Elizabeth Chaplin (Joint Chair) HT, Valence Primary School Scott Halliwell HT, ...": a list
    separators = line.count(",") + line.count(";") + line.count(" / ") + len(re.findall(r"\b(?:and|Councillor|Cllr)\b", line))
    return separators < len(words) / 6


_SURNAME_RUN = re.compile(r"\s*(?:Councillors|COUNCILLORS|Cllrs\.?)[\s:\-–]+(?:(?:[A-Z][a-z'’\-]+|[A-Z]{1,2}\.?(?:[A-Z]\.?)*)[\s,.]+){8}")
_GIVEN_SURNAME = re.compile(r"\b([A-Z][a-z]+)(?=\s+(?:Mc|Mac|O')?[A-Z][a-z'’\-]+\b)")
PEOPLE_EVERY_WORDS = 10    # a long line naming a person at least every this many words is a list


_OPENERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bthe\s+following\s+(?:\w+\s+){0,2}(?:were|was)\s+present\b", re.I), "present"),
    (re.compile(r"\b(?:received|noted|tendered|were\s+given)\s+(?:the\s+following\s+)?apolog", re.I), "apologies"),
    (re.compile(r"\bthe\s+following\s+(?:\w+\s+){0,2}(?:were|was)\s+in\s+attendance\b", re.I), "in_attendance"),
    (re.compile(r"\b(?:invited|attending|in\s+attendance|present)\b.{0,200}\b(?:the\s+)?following\s+(?:\w+\s+){0,2}"
                r"(?:representatives|officers|people|guests|partners|witnesses)\s*:\s*$", re.I), "in_attendance"),
)
_SUFFIX = re.compile(r"(?:^|\s)(present|in\s+attendance|apologies(?:\s+for\s+absence)?)\s*:?\s*$", re.I)
_SUFFIX_SECTION = {"present": "present", "in attendance": "in_attendance", "apologies": "apologies", "apologies for absence": "apologies"}


_AN_APOLOGY = re.compile(
    r"^\s*(?:an?\s+|the\s+)?apolog(?:y|ies)\s+(?:for\s+(?:absence|lateness)\s+)?(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:received|submitted|given|tendered|sent|noted)\s+(?:from|by|on\s+behalf\s+of)\s+", re.I)


def _label_elsewhere(text: str, start: int, rules: SectionRules) -> tuple[str, int] | None:
    """Labels not at the start of a short first line: "Children's Trust Members Present",
    "The Board received the following apologies and notification of substitutes."."""
    apology = _AN_APOLOGY.match(text, start)
    if apology and "apologies" in rules.rules:       # "An apology for absence was submitted from Councillor X."
        return "apologies", apology.end()
    first = text[start:].split("\n", 1)[0]
    if len(first.split()) > 16:
        if first.rstrip().endswith(":"):            # "... invited to the meeting along with the following representatives:"
            for pattern, section in _OPENERS:
                if pattern.search(first) and section in rules.rules:
                    end = start + len(first)
                    return section, end + 1 if end < len(text) else end
        return _attendance_mid_line(text, start, rules)
    end = start + len(first)
    content = end + 1 if end < len(text) else end
    suffix = _SUFFIX.search(first)
    if suffix and len(first.split()) <= SHORT_LABEL_WORDS and not first[:suffix.start()].rstrip().endswith(tuple("-–—,|/")):
        # not "Kim Brown - Mother - present": an entry whose last cell is its status
        section = _SUFFIX_SECTION.get(" ".join(suffix.group(1).lower().split()))
        if section in rules.rules:
            return section, content
    for pattern, section in _OPENERS:
        if pattern.search(first) and first.rstrip().endswith((".", ":")) and section in rules.rules:
            return section, content
    return _attendance_mid_line(text, start, rules)


_MID_LINE = re.compile(r"(?:^|(?<=[\s.]))(?P<label>[A-Z][A-Za-z ]{3,30}?)\s*:\s+(?=[A-Z])")
MID_LINE_WINDOW = 400


def _attendance_mid_line(text: str, start: int, rules: SectionRules) -> tuple[str, int] | None:
    """"DRAFT MINUTES OF THE BOARD 19th March 2014 The Avenue 2pm Attended: Member Stephen ...":
    a page flattened into one line, with an attendance label and its colon in the middle."""
    for m in _MID_LINE.finditer(text, start, min(len(text), start + MID_LINE_WINDOW)):
        if m.start() > 0 and text[m.start() - 1] == "\n":
            continue                    # a label opening a later line is _label_on_later_line's
        label = _norm(" ".join(m.group("label").split()))
        for cut in range(len(label.split())):            # "2pm Attended" -> "attended"
            tail = " ".join(label.split()[cut:])
            section = rules.by_label.get(tail)
            if section and rules.kind(section) == "attendance":
                return section, m.end()
    return None


def front_matter(sections: Sequence[BlockSection], kinds: Sequence[Sequence], rules: SectionRules) -> int:
    """How many blocks open the document before its business starts: title, date, place and
    attendance, up to the first agenda item, numbered list item or non-attendance section.
    ("Minutes of the meeting" at the top is a title, not the Minutes section.)"""
    for i, sec in enumerate(sections):
        if sec.item is not None or sec.section not in (None, "minutes") and rules.kind(sec.section) != "attendance":
            return i
        block = list(kinds[i]) if i < len(kinds) else []
        kind, marker = (block[0] if block else None), (block[2] if len(block) > 2 else None)
        if kind == "list_item" and marker and re.match(r"\(?\d", marker):
            return i
    return len(sections)


def agenda_item(text: str) -> str | None:
    m = _ITEM.match(text)
    if not m:
        return None
    return m.group("a") or m.group("b") or m.group("c")


def label_blocks(
    blocks: Sequence[tuple[str, str]], rules: SectionRules, start: Sequence[str | None] | None = None
) -> list[BlockSection]:
    """Section of each (kind, text[, marker]) block, starting from `start` = (section, item)."""
    section, item = (tuple(start) + (None, None))[:2] if start else (None, None)
    out: list[BlockSection] = []
    seen = False                          # an attendance section has been read
    for block in blocks:
        kind, text = block[0], block[1]
        marker = block[2] if len(block) > 2 else None
        is_heading = kind == "heading"
        if rules.kind(section) == "attendance" and kind == "list_item" and _agenda_title(text, marker):
            section = None                                # "2. Membership": the agenda goes on after the list
        elif rules.kind(section) in ("decision", "actions") and kind == "list_item" and _agenda_title(text, marker) \
                and out and blocks[len(out) - 1][0] != "list_item" and not _TASK_WORDS.search(text) \
                and text.strip()[:1].isupper() and not re.search(r"[.;:]\s*$|\b(?:be|been)\b", text) \
                and not re.match(r"(?i)\s*that\b", text):
            section = None                                # "Action: ...", prose, then "5. Any other business": the next item
        seen = seen or bool(out) and rules.kind(out[-1].section) == "attendance"
        if section == "declarations" and kind == "paragraph" and _AN_INTEREST.search(text):
            out.append(BlockSection(section, item, False, 0))   # "Agenda item 6. ..., Councillor Lily Bande, Non Pecuniary"
            continue
        found = match_label(text, is_heading, rules, attendance_seen=seen) if kind != "table" else None
        if found is None and kind == "paragraph" and "\n" in text:
            found = _label_on_later_line(text, rules)
            if found and rules.kind(section) == "attendance" and rules.kind(found[0]) == "attendance":
                # "Attendees:" then one block "Priya Lal - SW\n...\nApols: Gemma Hart (SN)": the block stays in the
                # list it continues (each line says its own status); the later label holds for the blocks after it
                out.append(BlockSection(section, item, False, 0))
                section = found[0]
                continue
        if found is None and kind == "paragraph":
            found = _following_list(text, rules)
        if found and found[0] == "minutes" and out and out[-1].opens and not blocks[len(out) - 1][1][out[-1].content_start:].strip() \
                and rules.kind(section) in ("attendance", "narrative") and section not in (None, "minutes"):
            # ModernGov: an item titled "Apologies for absence" followed by "Minutes:" keeps its section
            out.append(BlockSection(section, item, True, found[1]))
            continue
        if found:
            section = found[0]
            out.append(BlockSection(section, item, True, found[1]))
            continue
        if section == "present" and is_heading and COUNCILLORS_HEADING.match(text):
            out.append(BlockSection(section, item, True, len(text)))   # "PRESENT:- ... COUNCILLORS:" then their names
            continue
        number = agenda_item(text) if (is_heading or len(text) < 160) and kind != "table" else None
        if is_heading or (number and kind != "list_item" and rules.kind(section) not in ("decision", "actions")):
            if number:
                item = number
            section = None
            titled = _ITEM.match(text) if number else None
            if titled:                                  # "23/24 Declarations of interest"
                inner = match_label(text[titled.end():].lstrip(" .:)"), True, rules)
                section = inner[0] if inner else None
        elif rules.kind(section) == "attendance" and kind not in ("table", "list_item"):
            if _AGENDA_INSTRUCTION.match(text):        # "Members are requested to advise ... of any apologies"
                out.append(BlockSection(section, item, False, len(text)))
                continue
            if any(_narrative(line) for line in text.split("\n")) or _other_label(text) or _topic_heading(text, rules):
                section = None
        out.append(BlockSection(section, item, False, 0))
    return out


_AN_INTEREST = re.compile(r"(?i)\b(?:pecuniary|(?:personal|prejudicial|other|registrable|disclosable)\s+interest|declared)\b")
_AGENDA_INSTRUCTION = re.compile(
    r"\s*(?:(?:Members|Councillors|Attendees)\s+(?:are|were)\s+(?:requested|asked|invited|reminded)\s+to\b"
    r"|To\s+(?:receive|note|record)\s+(?:any\s+)?apologies\b)[^\n]*\s*$", re.I)
_MEMBERS_LABEL = re.compile(r"(?:(?:[A-Z][a-z]+[ \t]+){1,2}[Mm]embers(?:[ \t]+(?:present|attending))?[ \t]*[:\-–—]"
                            r"|(?:Members|MEMBERS|Councillors|COUNCILLORS)[ \t]*:)[ \t]*(?=\S)")   # "Members: Councillor A (in the Chair), ..."
COUNCILLORS_HEADING = re.compile(r"\s*(?i:councillors|cllrs\.?|elected\s+members|members)\s*[:\-–]*\s*$")
_BARE_MEMBERS = re.compile(r"(?:Members|MEMBERS|Councillors|COUNCILLORS)[ \t]*:")
_OTHER_LABEL = re.compile(r"^\s*(?P<label>[A-Z][a-z]+(?:[ \t]+[a-z]+){1,3}|[A-Z][a-z]{3,})[ \t]*:")


def _other_label(text: str) -> bool:
    """A block that opens with a label of its own ("Risks identified: DV, MH", "Venue: ...") ends an
    attendance list; an entry written "Social worker: Ben Ode" or "Jo Hart: HV" does not."""
    from .normalise import canonical_id

    m = _OTHER_LABEL.match(text)
    if not m:
        return False
    label = m.group("label")
    if label.split()[0].lower() in given_names() or re.match(r"(?:Cllr|Councillor|Chair|Chairman|Mum|Dad|Mother|Father|Name|Attendee)\b", label):
        return False
    return canonical_id(label, "roles") is None and canonical_id(label, "agencies") is None


TOPIC_HEADING_WORDS = 6


def _topic_heading(text: str, rules: SectionRules) -> bool:
    """A short line of its own that names a topic ("Summary of risks", "Reasons for conference") ends
    an attendance list; a group heading ("Members of the Topic Group") or an entry does not."""
    words = text.split()
    if "\n" in text.strip() or not 2 <= len(words) <= TOPIC_HEADING_WORDS or re.search(r"[\d,;:()\-–/&.]", text):
        return False
    return words[0].lower() in rules.topic_heads


_ENTRY_START = re.compile(r"(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev|PC|DC|DS|DI|DCI|Sgt)\b|[A-Z]{2,4}\b|[A-Z]\.?\s")


_TASK_WORDS = re.compile(r"(?i)\b(?:to|will|by|should|must|agreed)\b")


def _agenda_title(text: str, marker: str | None) -> bool:
    """A numbered list item that is an agenda item's title ("2. Membership", "3. Ofsted inspection"),
    not an entry of a numbered attendance list ("2. Jane Smith - SW", "3. Cllr Ward")."""
    if not marker or not re.match(r"\(?\d", marker):
        return False
    words = text.split()
    if not words or len(words) > 8 or re.search(r"[,(\-–/]", text) or _ENTRY_START.match(text):
        return False
    return words[0].lower() not in given_names()       # a name opens an entry, a topic opens an item


def carry_sections(blocks: Sequence, piece_starts: Iterable[int]) -> list[list[str | None] | None]:
    """The (section, item) in force before each piece of a long document (cheap: regex only)."""
    starts = list(piece_starts)
    if len(starts) <= 1:
        return [None] * len(starts)
    rules = load_rules()
    labelled = label_blocks([(b.kind, b.text, b.marker) for b in blocks], rules)
    carried: list[list[str | None] | None] = []
    for s in starts:
        if s == 0:
            carried.append(None)
        else:
            prev = labelled[s - 1]
            carried.append([prev.section, prev.item])
    return carried


class SectionLabeller:
    """Sets doc._.sections: one BlockSection (packed) per block in doc.spans["blocks"]."""

    def __init__(self, name: str, rules: str) -> None:
        self.name = name
        self.rules = load_rules(rules)

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.user_data.get("minutes_blocks", [])
        spans = doc.spans["blocks"]
        texts = block_texts(doc)
        blocks = [(rows[i][0], texts[i], rows[i][2]) if i < len(rows) else (span.label_, texts[i]) for i, span in enumerate(spans)]
        doc._.sections = pack(label_blocks(blocks, self.rules, doc._.start_section))
        return doc


@Language.factory("minutes_sections", default_config={"rules": "rules/sections.json"})
def make_sections(nlp: Language, name: str, rules: str) -> SectionLabeller:
    return SectionLabeller(name, rules)

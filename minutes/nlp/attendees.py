"""minutes_attendees: who was there.

Sources, in order of trust:
1. attendance sections (Present / In attendance / Apologies / Reports submitted / Absent),
   parsed by attendance.py, including attendance tables (Name | Role | Agency | Attended), names
   run together by a flattened table cell, and "Name (Agency)" entries with no separators;
2. attendance registers flattened to text (register.py) and, at the top of a document, lists
   whose "Present" label was lost (unlabelled.py);
3. header lines naming one person by their part ("Chair: ...", "Minute taker: ...", role_lines.py);
4. transcript speakers (present), with the role they give when they introduce themselves;
5. substitutes ("Cllr A substituted for Cllr B", "(Mr C was present as her substitute)");
6. people named in the narrative who speak, present or attend ("Councillor Coult asked ...",
   "presented by Chris ...", "Jane ..., Consultant, attended for Item 5"): status "mentioned".
   Report authors, contacts and action owners are not attendees.
The same person named several ways is merged (normalise.same_person).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import models_dir
from . import gazetteer, unlabelled
from .normalise import canonical_id
from .attendance import Entry, Term, _status_in, inside_a_phrase, given_names, lift_lower_name, name_run, parse_entry, plausible_name, split_entries, strip_leader
from .found import BlockSection, FoundAgency, FoundPerson, block_starts, evidence_at, pack, unpack, text_of
from .register import register_rows, slash_rows
from .role_lines import role_lines
from .sections import COUNCILLORS_HEADING, front_matter, load_rules, match_label

GENERIC_AGENCIES = {"health", "council"}
PRESENTING_KEY = "minutes_presenting"   # doc.user_data: (start, end) of "Post, Name, ... introduced" subjects
STAR_LEGEND_BLOCKS = 40            # a "* Absent" legend is looked for among this many first blocks
UNLABELLED_LIST_KEY = "minutes_unlabelled_list"     # doc.user_data: [first, end) blocks of a list with no label
RUN_MIN_CHARS = 30             # a list entry longer than this may be several names run together
ROLE_SHARE = 0.6              # a role term must cover this much of an entry to stand for it
APPOSITIVE_TOKENS = 20        # a role set off by commas between a name and its speech verb
SPEECH_WINDOW = 6             # tokens between a name and its speech verb
_PERSON = r"(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Prof\.?)[ \t]+[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2}"
_NAMED = rf"(?:{_PERSON}|[A-Z][a-z’'\-]+(?:[ \t]+(?:Mc|Mac)?[A-Z][A-Za-z’'\-]+){{1,2}})"   # titled, or First Last
_SUBSTITUTE = re.compile(
    rf"(?P<sub>{_NAMED})(?:,[ \t]*[^,()\n]{{2,60}}?)?\s+(?:substituted|was\s+substituting|deputised|(?:attended|attending)\s+as\s+(?:a\s+|an\s+|the\s+)?(?:substitute|alternate|reserve)|attended\s+in\s+place"
    r"|attended\s+in\s+(?:his|her|their)\s+(?:absence|place)|attended\s+on\s+(?:his|her|their)\s+behalf"
    r"|(?:was|were)\s+present\s+as\s+(?:a\s+|the\s+|his\s+|her\s+|their\s+)?(?:named\s+)?substitute)"
    rf"(?:\s+(?:for|of)\s+(?P<for>{_NAMED}))?"
)
_DEPUTISED_FOR = re.compile(   # "Sue Pike was deputising for Mark Lane today and Kate Moss attended for Jo Baker."
    rf"(?P<sub>{_NAMED})[ \t]+(?:(?:was|is)[ \t]+)?(?:deputising|deputizing|standing[ \t]+in|substituting|attending|attended|present)"
    rf"[ \t]+for[ \t]+(?P<for>{_NAMED})"
)
_POST_ASIDE = re.compile(r"\((?![^)]*\b(?:[Cc]hair|[Cc]hairman|[Cc]hairwoman|[Cc]hairperson|[Mm]ayor|[Ll]eader|[Cc]abinet|[Pp]ortfolio|[Ww]ard)\b)"
                         r"[^)]*\b(?:Director|Manager|Officer|Executive|Head|Lead|Adviser|Advisor|Clerk|Solicitor)\b[^)]*\)")
_LAST_COUNCILLOR = re.compile(r"\s*(?P<cllr>(?:[A-Z]['’]?\s?)?[A-Z][a-z'’\-]+)\s+(?P<officer>[A-Z]\.?\s+[A-Z][a-z'’\-]+\s*\()")
_WAS_PRESENT = re.compile(      # "Councillor Dave Holt was also present.", "Ms Jo Hart (Ofsted) was in attendance for item 4"
    rf"(?:^|(?<=\n)|(?<=[.;]\s))(?P<name>{_NAMED})(?:[ \t]*\([^()\n]{{0,90}}\)|,[^.\n]{{0,100}}?,)?[ \t]+(?:was|were)[ \t]+(?:also[ \t]+)?"
    r"(?P<how>present|in[ \t]+attendance)\b(?![ \t]+as[ \t]+(?:a[ \t]+|the[ \t]+)?substitute)"
)
_MORE_SUBSTITUTES = re.compile(rf"(?:,|,?[ \t]+and)[ \t]+(?P<sub>{_NAMED})[ \t]+for[ \t]+(?P<for>{_NAMED})")
_GROUP_SPEAKERS = re.compile(   # names each with a bracketed post, then who they are from, then what they did
    r"(?:^|(?<=\n)|(?<=[.:]\s))(?:\d+\.\s+)?(?P<names>[A-Z][^.\n]{10,400}?\))(?:\s+(?:(?:both|all)\s+)?(?:from|of)\s+[^.\n]{2,120}?)?\s+"
    r"(?:gave|presented|introduced|delivered|provided|spoke|updated|outlined|led|attended)\b")
_ALSO_ATTENDING = re.compile(   # "[DCI D Giles (Police) and M Richards (City Council) also in attendance for this item]"
    r"(?:^|(?<=\n)|(?<=[.:\[]))\s*(?P<names>[A-Z][^.\n\[\]]{5,400}?\))\s+(?:(?:were|was)\s+)?also\s+"
    r"(?P<how>in\s+attendance|present)\b")
_INNER_TITLE = re.compile(r"(?<=\s)(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\b")
_ROLE_SPEAKER = re.compile(     # "SOCIAL WORKER (Jo Bell): Since April ...", "Team Manager (Rob Fenn): ..." opening a line
    r"(?:^|(?<=\n))[ \t]*(?P<role>[A-Z][A-Za-z’'/&\-]*(?:[ \t]+[A-Za-z’'/&\-]+){0,4})[ \t]*\((?P<name>[A-Z][^()\n:]{2,40})\)[ \t]*:[ \t]+(?=\S)")
_LIST_ENDS = re.compile(        # a line that starts the business below a list run into the same block
    r"[ \t]*(?:\d{1,3}[.)]?[ \t]+[A-Z][A-Z ,'’&\-]{6,}$|Part[ \t]+(?:[IVX]+|\d)[ \t]*$|Min(?:ute)?\.?[ \t]*No\.?[ \t]*Description)", re.M)
POSTS_THEN_VERB = re.compile(   # a subject of "Post, Name," pairs, then what they did
    r"(?:^|(?<=\n)|(?<=[.:]\s))[ \t]*(?P<subject>[A-Z][^.\n]{10,400}?),?[ \t]+"
    r"(?:introduced|presented|gave|outlined|delivered|provided|updated)\b")
_COMMA_NAME = re.compile(        # ", Merlin Joseph," inside such a subject
    r"(?<=,)[ \t]+(?P<name>(?:(?:Councillor|Cllr\.?|Dr|Mr|Mrs|Ms|Miss)[ \t]+)?[A-Z][a-z’'\-]+(?:[ \t]+(?:Mc|Mac)?[A-Z][A-Za-z’'\-]+){1,2})"
    r"(?=[ \t]*(?:,|$))")
_POST_FIRST = re.compile(r"\s*(?:and\s+)?(?:from\s+)?(?:the|our|their|a|an|[A-Z][a-z]+['’]s)\s")   # "the GP", "Amara's school nurse"
_COUNCILLOR_LEAD = re.compile(r"(?:Councillor|Cllr)\b")
_REPORT_ONLY = re.compile(r"(?i)\breport\s+only\b|\(report\)|\bwritten\s+(?:report|contribution)\s+only\b")
_NOT_INVITED = re.compile(r"(?i)\bnot\s+invited\b|\bwhereabouts\s+(?:not\s+known|unknown)\b")
_LEGEND = re.compile(r"\s*(?:Key|Legend)\s*[:\-–]")
_BRACKETED_SUBSTITUTE = re.compile(   # "Ms S Hardy (substitute: Mr J Findlay)", "Cllr B (substituted by Cllr C)"
    rf"\((?:named\s+)?(?:substitute|sub|deputy|substituted\s+by|represented\s+by|deputised\s+by)\s*[:\-–]?\s*(?P<sub>{_NAMED})\s*\)",
    re.I,
)
_SENT_APOLOGIES = re.compile(   # "Gail Tolley (Strategic Director), who had submitted apologies", "Dr Patel sent apologies"
    rf"(?P<name>{_NAMED})(?:[ \t]*\([^()\n]{{0,90}}\))?,?[ \t]+(?:who[ \t]+)?(?:had[ \t]+|has[ \t]+)?"
    r"(?:sent|submitted|gave|given|tendered|offered)[ \t]+(?:(?:his|her|their)[ \t]+)?apolog"
)
_COULD_NOT_COME = re.compile(  # "Dr Aziz from your GP surgery sent a short report instead of coming", "Jo Hart could not come"
    rf"(?P<name>{_NAMED})(?:[ \t]*\([^()\n]{{0,90}}\))?(?:,[^,.\n]{{1,60}},|[ \t]+from[ \t]+[^,.\n]{{1,40}}?)?[ \t]+"
    r"(?:(?:could[ \t]+not|couldn['’]t)[ \t]+(?:attend|come|join)\b"   # not "was unable to attend": an item's presenter, often
    r"|sent[ \t]+(?:a|an|his|her|their)[ \t]+(?:\w+[ \t]+){0,2}(?:report|update)[ \t]+instead[ \t]+of[ \t]+(?:attending|coming))"
)
_PRESENTED_BY = re.compile(
    r"\b(?:presented|introduced|delivered|given|led|attended|(?:was|were)\s+(?:made|raised|asked)|moved|seconded|proposed)\s+by\s+(?:the\s+)?"
    r"(?P<name>(?:(?:Cllr\.?|Councillor|Dr|Mr|Mrs|Ms|Miss)[ \t]+)?[A-Z][a-z’'\-]+(?:[ \t]+(?:Mc|Mac)?[A-Z][A-Za-z’'\-]+){1,2}"
    r"|[A-Z]\.?[ \t]+(?:Mc|Mac)?[A-Z][a-z’'\-]{2,}\b)"          # "seconded by R Biggs"
)
_INITIAL_NAME = re.compile(     # "M Hall, Chairman of the Committee proposed ...": an initial and a surname opening a sentence
    r"(?:^|(?<=\n)|(?<=[.;:]\s))(?!I\s)[A-Z]\.?[ \t]+(?:Mc|Mac)?[A-Z][a-z’'\-]{2,}(?=,|\s+\(|\s+[a-z])"
)
_ASKED_TO_SPEAK = re.compile(   # "the Chairman asked Mr Tahir Ahmed to provide the verbal update"
    r"\b(?:asked|invited|called\s+(?:on|upon))\s+"
    r"(?P<name>(?:(?:Cllr\.?|Councillor|Dr|Mr|Mrs|Ms|Miss)[ \t]+)?[A-Z][a-z’'\-]+(?:[ \t]+(?:Mc|Mac)?[A-Z][A-Za-z’'\-]+){1,2})"
    r"\s+to\s+(?:provide|give|present|introduce|update|speak|report|outline|explain|address|summarise|summarize|express|"
    r"comment|respond|answer|clarify|confirm|thank|lead|open|close)\b"
)
_QUESTION_FROM = re.compile(    # "Following a question from Councillor Jerry Roodhouse, ..."
    r"\b(?:questions?|comments?|query|queries)\s+(?:raised\s+)?(?:from|by)\s+"
    r"(?P<name>(?:(?:Cllr\.?|Councillor|Dr|Mr|Mrs|Ms|Miss)[ \t]+)?[A-Z][a-z’'\-]+(?:[ \t]+(?:Mc|Mac)?[A-Z][A-Za-z’'\-]+){0,2})"
)
_PROSE_LIST = re.compile(       # "Also present were Ms B, mother; Mr C, advocate." (the list ends with its sentence)
    r"(?P<cue>(?:also\s+)?present\s+were|(?:also\s+)?in\s+attendance\s+were|the\s+following\s+(?:were\s+)?present\s*:?|"
    r"(?:those|people|professionals)\s+(?:attending|present)\s+were|"
    r"apologies\s+(?:for\s+absence\s+)?(?:were|had\s+been)\s+(?:also\s+)?(?:received|given|submitted|sent)\s+(?:from|by|on\s+behalf\s+of)|"
    r"(?:we['’]ve|we\s+have|we)\s+(?:had|received|got)\s+apologies\s+from|"            # said in a recorded meeting
    r"(?:conference|meeting)\s+was\s+chaired\s+by|(?:minutes|record|notes)\s+(?:were|was|are|will\s+be)\s+(?:being\s+)?taken\s+by)\s+"
    r"(?P<list>(?:[^.\n]|\n(?!\n))+(?:\.(?!\s+[A-Z]|\s*$|\s*\n)(?:[^.\n]|\n(?!\n))*)*)",
    re.IGNORECASE,
)
_SUBSTITUTED_BY = re.compile(r"\s+who\s+(?:was|were|had\s+been)\s+(?:substituted|replaced|represented)\s+by\s+"
                             r"(?P<who>[^,;]+?)(?=\s*(?:,|;|\band\b|$))")
_SURNAME = re.compile(r"(?:[A-Z]\.?[ \t]+)*(?:O['’][ \t]?|Mc|Mac|De[ \t]|Van[ \t])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?")
_SURNAME_GRID = re.compile(rf"\s*{_SURNAME.pattern}(?:\s+{_SURNAME.pattern})*\s*")
PORTFOLIO_POSTS = r"cabinet\s+member|portfolio\s+holder|lead\s+member|executive\s+member"
_PORTFOLIO = re.compile(rf"(?i)\b(?:{PORTFOLIO_POSTS}|assistant\s+mayor|shadow\s+cabinet|spokesperson)\b")
# a councillor's portfolio names services, not agencies present
_TITLED = re.compile(r"(?:Councillor|Cllr)\b")
_SURNAME_RUN_LEAD = re.compile(r"\s*(?:Councillors|COUNCILLORS|Cllrs\.?)[ \t:\-–]+(?=[A-Z])")
_RUN_SURNAME = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:,[ \t]*[A-Z]{1,2}\.?(?:[A-Z]\.?)*(?![a-z])|\.[ \t][A-Z](?![\w.]))?")
_RUN_ENDS = re.compile(r"\s(?:(?:The|A|An|This|It)\s+)?[A-Z][a-z'’]*\s+[a-z]{2,}")   # a sentence after the names
SURNAME_RUN_MIN = 8    # a "Councillors" line of at least this many bare surnames is a flattened grid
_PLURAL_LEAD = re.compile(r"(?:Councillors|Cllrs\.?)[ \t]+(?=[A-Z])")
_SUBSTITUTE_LIST = re.compile(   # "Cllrs L Wardlaw, A Burton and M Goldsmith attended as substitutes."
    r"(?P<lead>Councillors|Cllrs\.?)[ \t]+(?P<list>[A-Z](?:(?!\b(?:with|Councillors|Cllrs)\b)[^.\n]){0,200}?)[ \t]+(?:attended|attending|were[ \t]+present|were[ \t]+in[ \t]+attendance)"
    r"[ \t]+as[ \t]+(?:the[ \t]+)?substitute(?:s|[ \t]+members)\b"
)
_ATTENDED_FOR = re.compile(      # "Jane Mathieson, Consultant, Public Health, attended for Item 5"
    r"(?:^|(?<=[\n.]\s)|(?<=\n))(?P<name>(?:(?:Cllr\.?|Councillor|Dr|Mr|Mrs|Ms|Miss)[ \t]+)?[A-Z][a-z’'\-]+(?:[ \t]+(?:Mc|Mac)?[A-Z][A-Za-z’'\-]+){1,2})"
    r"(?:,[^.\n]{0,100})?\s+(?:also\s+)?attended\b(?!\s+by)"
)
_HEADER_WORDS = {
    "name": ("name", "attendee", "person", "member", "invitee", "participant"),
    "role": ("role", "title", "position", "designation", "job"),
    "agency": ("agency", "organisation", "organization", "service", "department", "team"),
    "status": ("attend", "status", "present", "apolog", "report", "invited", "y/n"),
}
_ITEM_NUMBER = re.compile(r"^\s*(?:item\s+)?\d+[.)]?\s*", re.I)
_BULLETS = re.compile(r"\s*[•·▪●]\s*")
_STATUS_CELL = (
    (re.compile(r"report", re.I), "report submitted"),
    (re.compile(r"apolog|apols|sent apols|^a$", re.I), "apologies"),
    (re.compile(r"did not|dna|^no$|^n$|absent|not present|not attend", re.I), "absent"),
    (re.compile(r"part|present|attend|yes|^y$|^p$|✓|✔|x", re.I), "present"),
)
_MARK_HEADS = ((re.compile(r"attend|present", re.I), "present"), (re.compile(r"apolog", re.I), "apologies"),
               (re.compile(r"report", re.I), "report submitted"), (re.compile(r"absent|did not|dna", re.I), "absent"))
_TICKED = re.compile(r"[☒☑✓✔✗✘■xX]|\[[xX✓]\]")     # a box ticked on a form; "☐" is one left empty


def _mark_columns(header: Sequence[str]) -> dict[int, str]:
    """Columns of tick boxes ("Attended | Apologies | Report"): column -> the status a tick there gives."""
    marks = {}
    for j, cell in enumerate(header):
        status = next((st for pat, st in _MARK_HEADS if pat.search(cell)), None)
        if status and len(cell.split()) <= 3:
            marks[j] = status
    return marks if len(marks) >= 2 else {}


def _ticked_status(cells: Sequence[str], marks: dict[int, str]) -> str | None:
    """The status of a row of tick boxes: present when "Attended" is ticked, else the first ticked column."""
    ticked = [marks[j] for j in sorted(marks) if j < len(cells) and _TICKED.fullmatch(cells[j].strip())]
    return "present" if "present" in ticked else (ticked[0] if ticked else "absent")


_ALSO_PRESENT = re.compile(r"(?m)^[^\n]{5,400}?(?P<end>\s+(?:was|were)\s+also\s+(?:present|in\s+attendance))\b")
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.\s?){0,3}(?:[A-Z][a-z'’\-]+\s+)?(?:Mc|Mac)?[A-Z][a-z'’\-]+")
_INTRO = re.compile(r"\b(?:I'm|I am|my name is|this is|it's)\b", re.I)
_APPOSITIVE = re.compile(      # ", Interim Director: Children & Families," / " (Operational Director)" after a name
    r"[ \t]*(?:,[ \t]*(?P<comma>[^,.;()\n]{3,90}?)[ \t]*(?=[ \t]*\([A-Za-z]{2,8}\)[ \t]*,|,|\.(?:\s|$)|;|$|\s+(?:and|who|that|to|for|was|were|had|has|gave|said|presented|introduced|advised|explained|reported|provided|informed|noted|attended)\b)"
    r"|[ \t]*\((?P<bracket>[^()\n]{2,90})\))"
)
_NOT_ATTENDEE_BEFORE = re.compile(
    r"(?:report|paper|letter|presentation|email|e-mail)s?\s+(?:of|from|by|written\s+by)\s*(?:the\s+)?$|"
    r"(?:contact|sent\s+to|emailed\s+to|copy\s+to|c/o)\s*$|"
    r"\b(?:death\s+of|the\s+late|memory\s+of|tribute\s+to|passing\s+of)\s+(?:(?:the\s+)?former\s+)?$",   # "the recent death of former Councillor ..."
    re.I,
)


@lru_cache(maxsize=4)
def load_speech_verbs(path: str = "rules/speech_verbs.json") -> frozenset[str]:
    """Verbs of speaking and presenting (one word each), lower case."""
    data = json.loads((models_dir() / path).read_text(encoding="utf-8"))
    return frozenset(v.lower() for v in data["verbs"] if " " not in v)


class AttendeeFinder:
    def __init__(self, nlp: Language, name: str, speech_verbs: str) -> None:
        self.nlp = nlp
        self.name = name
        self.verbs = load_speech_verbs(speech_verbs)
        self.rules = load_rules()
        self.roles = gazetteer.load("roles")
        self.agencies = gazetteer.load("agencies")

    # -- helpers -------------------------------------------------------------------------
    def _terms(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        return sorted((s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans.get("terms", []))

    @staticmethod
    def _terms_in(terms, start: int, end: int, base: int) -> list[Term]:
        i = bisect_left(terms, (start,))
        out = []
        while i < len(terms) and terms[i][0] < end:
            s, e, label, ident = terms[i]
            if e <= end:
                out.append((s - base, e - base, label, ident))
            i += 1
        return out

    def _person(self, doc, starts, entry: Entry, base: int, status: str) -> FoundPerson | None:
        if not entry.name or _is_title_cased_role(entry.name):
            return None                                  # "Helth Visitor" is a role misspelt, not a person
        role_id = entry.role_id
        agency_id = entry.agency_id
        if role_id is None and entry.role_text and re.fullmatch(r"[a-z]{2,5}", entry.role_text.strip(" ()-–,")):
            short = entry.role_text.strip(" ()-–,")      # "Rob Finn sw", "Amy Lau (hv)": an abbreviation typed in lower case
            role_id = self.roles.lookup(short)
            agency_id = agency_id or self.agencies.lookup(short)
        if role_id is None and entry.role_text:          # "Helth Visitor": fuzzy, with a cutoff
            role_id = canonical_id(entry.role_text, "roles")
        implied = self.roles.by_id[role_id].agency if role_id in self.roles.by_id else None
        if implied and (agency_id is None or agency_id in GENERIC_AGENCIES):
            agency_id = implied                          # a health visitor's "Health" is Health Visiting
        if _PORTFOLIO.search(text_of(doc), base + entry.start, base + entry.end):
            agency_id = "council" if "council" in self.agencies.by_id else None   # "Cabinet Member – Health & Adult Social Care"
        role = self.roles.name_of(role_id) if role_id in self.roles.by_id else entry.role_text
        if entry.chair and role is None:
            role = "Chair"
        if role is None and re.match(r"(?:Councillor|Cllr)\.?\s", entry.name):
            role, role_id = "Councillor", "councillor"   # "Councillors Clouth, S Cook and Fleming"
        return FoundPerson(
            name=entry.name,
            status=entry.status if entry.status in ("report submitted", "absent", "apologies") and status != "present"
            or entry.status in ("apologies", "absent")           # "School Nurse: Pat Kemp (DNA)" in a present list
            or (entry.status == "report submitted" and _REPORT_ONLY.search(text_of(doc)[base + entry.start:base + entry.end]))
            else status,
            evidence=evidence_at(doc, base + entry.name_start, base + entry.name_end, starts),
            role=role,
            agency=self.agencies.name_of(agency_id) if agency_id in self.agencies.by_id else None,
            role_id=role_id,
            agency_id=agency_id if agency_id in self.agencies.by_id else None,
            chair=entry.chair,
            confidence=0.9 if role or agency_id else 0.7,
        )

    def _with_role(self, person: FoundPerson, entry: Entry) -> FoundPerson:
        from dataclasses import replace

        role = self.roles.by_id.get(entry.role_id)
        agency_id = person.agency_id or entry.agency_id or (role.agency if role else None)
        return replace(person, role=self.roles.name_of(entry.role_id), role_id=entry.role_id,
                       agency_id=agency_id if agency_id in self.agencies.by_id else None,
                       agency=self.agencies.name_of(agency_id) if agency_id in self.agencies.by_id else person.agency)

    @staticmethod
    def _person_like(doc, start: int, end: int, name: str) -> bool:
        """A name in a list is a person unless nothing says so: no title, no initials, a first word
        that is no known given name, and the statistical NER does not call it a person
        ("Wear Valley", "Stockport Homes", "Previous Meeting" are not people)."""
        words = name.split()
        first = re.split(r"[\-’']", words[0])[0].strip(".").lower()
        if len(words) == 1 or re.match(r"(?i)(cllr|councillor|dr|mr|mrs|ms|miss|mx|prof|rev|sir|dame|lord|lady|pc|dc|ds|di|dci|sgt|det|detective|chief)\b", name):
            return True
        if re.fullmatch(r"[A-Z]\.?", words[0]) or first in given_names():
            return True
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.ent_type_ == "PERSON" for t in span)

    def _appositive(self, doc, terms, person: FoundPerson, name_end: int) -> FoundPerson:
        """A person named in the narrative with their post set off after the name ("Rachel Smith,
        Interim Director: Children & Families, ...", "Nigel Chapman (Operational Director)"):
        the role and agency that post names.  Nothing changes when the words name no role or agency."""
        if person.role_id or person.agency_id:
            return person
        m = _APPOSITIVE.match(text_of(doc), name_end)
        if not m:
            return person
        key = "comma" if m.group("comma") is not None else "bracket"
        s, e = m.start(key), m.end(key)
        inside = self._terms_in(terms, s, e, 0)
        role = next((t for t in inside if t[2] == "ROLE"), None)
        agency = next((t for t in inside if t[2] == "AGENCY"), None)
        if role is None and agency is None:
            return person
        role_id = role[3] if role else None
        agency_id = agency[3] if agency else None
        implied = self.roles.by_id[role_id].agency if role_id in self.roles.by_id else None
        if implied and (agency_id is None or agency_id in GENERIC_AGENCIES):
            agency_id = implied
        written = " ".join(text_of(doc)[s:e].split())
        return replace(
            person,
            role=self.roles.name_of(role_id) if role and role[1] - role[0] >= ROLE_SHARE * len(written) else written,
            role_id=role_id,
            agency_id=agency_id if agency_id in self.agencies.by_id else None,
            agency=self.agencies.name_of(agency_id) if agency_id in self.agencies.by_id else None,
        )

    def _terms_for_text(self, text: str) -> list[Term]:
        """Domain terms inside a short string that is not a slice of the Doc (table cells, speakers)."""
        small = self.nlp.get_pipe("minutes_terms")(self.nlp.make_doc(text))
        return sorted((s.start_char, s.end_char, s.label_, s.id_) for s in small.spans.get("terms", []))

    # -- the component ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        sections = unpack(BlockSection, doc._.sections)
        spans = doc.spans["blocks"]
        starts = block_starts(doc)
        terms = self._terms(doc)
        kinds = doc.user_data.get("minutes_blocks", [])
        rows = doc.user_data.get("minutes_rows", [])
        people: list[FoundPerson] = []
        agencies: list[FoundAgency] = []
        councillors = False                    # under a "COUNCILLORS:" sub-heading of a present list
        listed: list[tuple[int, int, str, int]] = []   # attendance text read entry by entry: (start, end, status, first person)
        starred = _star_legend(spans, kinds, STAR_LEGEND_BLOCKS)   # "* Absent": what a "*" before a name means
        whole = text_of(doc)
        codes: dict[str, str] = {}             # "P = present, A = apologies": the letters of the list under way
        for i, span in enumerate(spans):
            sec = sections[i] if i < len(sections) else BlockSection(None)
            kind = kinds[i][0] if i < len(kinds) else span.label_
            status = self.rules.status(sec.section)
            block = whole[span.start_char:span.end_char]   # Span.text would join its tokens each time
            if sec.opens or status is None:
                councillors = sec.opens and kind == "heading" and status == "present" and bool(COUNCILLORS_HEADING.match(block))
            if councillors and kind in ("paragraph", "list_item") and not sec.opens:
                grid = self._surname_grid(doc, starts, span)
                if grid:                       # "Barker Brash R W Cook": surnames of councillors in columns
                    people.extend(grid)
                    continue
            if kind == "table" and i < len(rows) and rows[i]:
                people.extend(self._table(doc, starts, span, rows[i], status))
                continue
            if kind == "turn":
                speaker = kinds[i][3] if i < len(kinds) else None
                if speaker:
                    people.append(self._speaker(doc, starts, span, speaker))
                continue
            if _LEGEND.match(block):
                continue                       # "Key: MA – Member Attended, RA – ...": the register's legend
            registered = self._register(doc, starts, span, terms) if kind in ("paragraph", "list_item") else []
            if registered:
                people.extend(registered)
                continue
            if status is None:
                continue
            base = span.start_char + sec.content_start
            text = text_of(doc)[base:span.end_char]
            listed.append((base, span.end_char, status, len(people)))
            surnames = self._surname_run(doc, starts, base, text, status)
            if surnames:                       # "Councillors Allan Foster Oliver ... Trueman, D. Ball Gibson, E ..."
                people.extend(surnames)
                listed.pop()                   # read whole: the NER's "Francis Padgett Trueman" is no one
                continue
            lead = strip_leader(text)
            title = "Councillor" if councillors else None
            block_terms = self._terms_in(terms, base, span.end_char, base)
            last = None
            pieces = [(s + lead, e + lead) for s, e in split_entries(text[lead:])]
            names_list = _bare_names(text, pieces) >= LIST_OF_NAMES
            if sec.opens:
                codes = _code_legend(whole[span.start_char:base])
            for s, e in pieces:
                code = _CODE_LEAD.match(text, s, e) if codes else None
                coded = codes.get(code.group(1)) if code else None
                if coded:                                   # "A  Dr Leon Achebe, ..." under "(P = present, A = apologies)"
                    s = code.end()
                if (s == 0 or text[s - 1] == "\n") and _LIST_ENDS.match(text, s):
                    break                                   # "Min No Description Resolution", "1 CONSENT FOR ...": the business
                if s == 0 or text[s - 1] == "\n" or re.search(r"[.;]\s+$", text[max(0, s - 3):s]):
                    # "Non-voting: Mrs C Ray" on a later line of the list; "... O Neill. Apologies: Councillors Legg"
                    label = match_label(text[s:e], False, self.rules)
                    head = re.match(r"[^:\n]{0,40}:|(?:[^\-–\n]|\w-\w)*", text[s:e]).end()   # "Non-voting:" is one label
                    if label and label[1] > head + 3:
                        label = None                        # "GP: Dr Amir Latif - apologies": an entry with its status, no label
                    if label and self.rules.status(label[0]):
                        status = self.rules.status(label[0])
                        s += label[1]
                        s += len(text[s:e]) - len(text[s:e].lstrip(" :-–"))
                        if s >= e:
                            continue
                run = []
                if e - s > RUN_MIN_CHARS:           # "A Smith (Police) B Jones (GP)" or "A Smith B Jones C Brown"
                    run = [(s + a, s + b) for a, b in unlabelled.bracketed_names(text[s:e])]
                    if len(run) < 2:                 # asides in brackets blanked out, offsets kept
                        piece = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), text[s:e])
                        run = [(s + a, s + b) for a, b in name_run(piece, 0, len(piece))]
                if run:                                       # "Stephen Barber Karen Reeve Cllr Jan Gavin ..."
                    for ns, ne in run:
                        entry = Entry(start=ns, end=ne, name=" ".join(text[ns:ne].split()), name_start=ns, name_end=ne)
                        person = self._person(doc, starts, entry, base, status)
                        if person:
                            people.append(person)
                    last = None
                    continue
                m = re.match(r"\s*(Councillors|Cllrs\.?|Councillor|Cllr\.?)\s+", text[s:e], re.I)
                if m and m.group(1).lower().startswith(("councillors", "cllrs")):
                    title = "Councillor"
                    s += m.end()
                elif m:
                    title = None
                entry = parse_entry(lift_lower_name(text, s, e), s, e, block_terms, title)   # "amir haddad - sw" too
                if title and not m and _POST_ASIDE.search(text, s, e):
                    title = None                            # "... O Neill C Mills (Chief Executive)": the councillors have ended
                    last_cllr = _LAST_COUNCILLOR.match(text, s, e)
                    if last_cllr:                           # a flattened two-column table: the last councillor, then an officer
                        person = self._person(doc, starts, parse_entry(text, s, last_cllr.end("cllr"), block_terms, "Councillor"), base, status)
                        if person:
                            people.append(person)
                        s = last_cllr.start("officer")
                    entry = parse_entry(text, s, e, block_terms, None)
                if entry.name and not self._person_like(doc, base + entry.name_start, base + entry.name_end, entry.name) \
                        and not (names_list and _BARE_NAME.fullmatch(text[s:e].strip()) and plausible_name(entry.name, False)):
                    # "Peta Campbell" is a person in a list of "Clare Gummett, Jonathan Lloyd, ..."
                    entry = Entry(**{**_entry_dict(entry), "name": None})
                marked = starred and entry.name and unlabelled.marked(whole, base + entry.name_start)
                person = self._person(doc, starts, entry, base, starred if marked else coded or status)
                if person:
                    people.append(person)
                    last = len(people) - 1
                    continue
                if last is not None and people[last].role is None and "\n" not in text[s - 2 if s >= 2 else 0:s] \
                        and not re.search(r"[.!?]\s*$", text[max(0, s - 3):s]):   # "... attend. The health visitor, Sue Kemp, ...": hers
                    # "Ms Vicky Gent, Director of Children's Services": the role of the name before it
                    role_span = next(((ts, te) for ts, te, label, _ in block_terms if label == "ROLE" and s <= ts and te <= e), None)
                    if entry.role_id and role_span and role_span[1] - role_span[0] >= ROLE_SHARE * len(text[s:e].strip()):
                        people[last] = self._with_role(people[last], entry)
                    elif entry.role_id or entry.role_text and text[s:e].strip()[:1].isupper():
                        # "Designated Nurse for Safeguarding Children": as written; not "... was unable to attend"
                        people[last] = replace(people[last], role=" ".join(text[s:e].split()))
                if (entry.agency_id or entry.role_id) and not _PORTFOLIO.search(text, entry.start, entry.end):
                    agency_id = entry.agency_id or (
                        self.roles.by_id[entry.role_id].agency if entry.role_id in self.roles.by_id else None
                    )
                    if agency_id:
                        ev = evidence_at(doc, base + entry.start, base + entry.end, starts)
                        agencies.append(FoundAgency(agency_id, entry.status or status, ev))
        if (doc._.block_index or 0) == 0:
            people.extend(self._unlabelled(doc, starts, sections, spans, kinds, terms, starred))
        people.extend(self._role_lines(doc, starts, terms))
        people.extend(self._prose_lists(doc, starts, terms))
        people.extend(self._presenters(doc, starts, terms))
        people.extend(self._role_speakers(doc, starts))
        people.extend(self._substitutes(doc, starts))
        people.extend(self._also_present(doc, starts))
        people.extend(self._group_speakers(doc, starts, sections, terms))
        people.extend(self._said_present(doc, starts, terms))
        people.extend(self._welcomed(doc, starts, terms))
        people.extend(self._mentioned(doc, starts, sections, terms))
        people.extend(self._ner_fallback(doc, starts, listed, people))
        doc._.attendees = pack([p for p in map(_tidy, people) if p is not None])
        doc.user_data["minutes_agency_entries"] = pack(agencies)
        return doc

    def _surname_grid(self, doc, starts, span) -> list[FoundPerson]:
        """Names with no commas under a "Councillors:" heading, one or several a line: each a
        councillor's surname, with any initials before it ("R W Cook", "Akers-Belcher")."""
        text = span.text
        if not _SURNAME_GRID.fullmatch(text):
            return []
        out = []
        for m in _SURNAME.finditer(text):
            name = "Councillor " + " ".join(m.group(0).split())
            out.append(FoundPerson(name=name, role="Councillor", role_id="councillor", status="present", confidence=0.8,
                                   evidence=evidence_at(doc, span.start_char + m.start(), span.start_char + m.end(), starts)))
        return out

    def _surname_run(self, doc, starts, base: int, text: str, status: str) -> list[FoundPerson]:
        """A columns-of-surnames table flattened into one "Councillors ..." line: every capitalised
        word is a councillor, with the initials written after it ("Trueman, D.", "Smith. D")."""
        lead = _SURNAME_RUN_LEAD.match(text)
        if not lead:
            return []
        stop = text.find("\n", lead.end())
        stop = len(text) if stop < 0 else stop
        prose = _RUN_ENDS.search(text, lead.end(), stop)
        stop = prose.start() if prose else stop  # "... Mordey Taylor The Notice convening the meeting was read."
        body = text[lead.end():stop]
        words = _RUN_SURNAME.findall(body)
        if len(re.findall(r",(?![ \t]*[A-Z]{1,2}\.?(?:[A-Z]\.?)*(?![\w]))|\band\b|;", body)) > 1:
            return []                          # "Councillors Ann Holt, Ben Ward and ...": a list with separators
        if len(words) < SURNAME_RUN_MIN or len(" ".join(words).split()) < 0.8 * len(body.split()):
            return []                          # a list with its own separators is read entry by entry
        out = []
        for m in _RUN_SURNAME.finditer(text, lead.end(), stop):
            if m.group(0).split(",")[0].strip(". ").lower() in ("and", "the"):
                continue
            name = "Councillor " + " ".join(m.group(0).split()).rstrip(",")
            out.append(FoundPerson(name=name, role="Councillor", role_id="councillor", status=status, confidence=0.7,
                                   evidence=evidence_at(doc, base + m.start(), base + m.end(), starts)))
        return out

    def _table(self, doc, starts, span, rows: Sequence[Sequence[str]], status: str | None) -> list[FoundPerson]:
        """An attendance table: find the columns from its header row, or assume Name | Role | Agency."""
        header = [c.lower() for c in rows[0]]
        columns: dict[str, int] = {}
        for key, words in _HEADER_WORDS.items():
            for j, cell in enumerate(header):
                if j not in columns.values() and any(w in cell for w in words):
                    columns[key] = j
                    break
        marks = _mark_columns(rows[0])
        if marks:                       # "Attended | Apologies | Report" tick boxes, not one status column
            columns.pop("status", None)
            columns = {k: j for k, j in columns.items() if j not in marks}
        body = rows[1:] if "name" in columns else rows
        if "name" not in columns:
            items = self._item_rows(doc, starts, span, rows)
            if items or status is None:
                return items
            columns = {"name": 0, "role": 1, "agency": 2}
        out = []
        row_texts = span.text.split("\n")
        pos = span.start_char
        offsets = []
        for line in row_texts:
            offsets.append(pos)
            pos += len(line) + 1
        first = 1 if body is not rows else 0
        for r, row in enumerate(body):
            cells = list(row) + [""] * 4
            raw = " - ".join(c for c in (cells[columns["name"]], cells[columns.get("role", 99)] if "role" in columns else "",
                                          cells[columns.get("agency", 99)] if "agency" in columns else "") if c.strip())
            if not raw.strip():
                continue
            row_status = status or "present"
            if marks:
                row_status = _ticked_status(cells, marks)
            elif "status" in columns:
                cell = cells[columns["status"]].strip()
                row_status = next((st for pat, st in _STATUS_CELL if pat.search(cell)), row_status)
            entry_terms = self._terms_for_text(raw)
            entry = parse_entry(raw, 0, len(raw), entry_terms, None)
            line_start = offsets[r + first] if r + first < len(offsets) else span.start_char
            name_at = text_of(doc).find(entry.name or "", line_start, span.end_char) if entry.name else -1
            s = name_at if name_at >= 0 else line_start
            e = s + len(entry.name or "")
            entry = Entry(**{**_entry_dict(entry), "name_start": 0, "name_end": 0})
            person = self._person(doc, starts, entry, 0, row_status)
            if person:
                out.append(_with_evidence(person, evidence_at(doc, s, e, starts)))
        return out

    def _ner_fallback(self, doc, starts, listed, people) -> list[FoundPerson]:
        """People the statistical NER finds in an attendance list that the entry rules did not read
        (a layout the rules do not know): kept with the list's status and a low confidence."""
        out = []
        names = [p.name.lower() for p in people]
        for start, end, status, _ in listed:
            for ent in doc.ents:
                if ent.label_ != "PERSON" or ent.start_char < start or ent.end_char > end:
                    continue
                name = " ".join(re.split(r"\s[\-–/(]|\(", ent.text)[0].split()).strip(" ,;:.-–")
                name = re.sub(r"\s+[A-Z]{2,3}[a-z]?$", "", name)   # "Chris Clayton CC": the initials after the name
                low = name.lower()
                if any(low in n or n in low or _surname(low) == _surname(n) for n in names):
                    continue
                if len(name.split()) < 2 or "\n" in ent.text or not _titled_or_given(name):
                    continue
                text = text_of(doc)
                line = text[text.rfind("\n", start, ent.start_char) + 1:text.find("\n", ent.end_char, end) % (end + 1) or end]
                if _NOT_INVITED.search(line):
                    continue                   # "Dad (Samuel Adeyemi) - whereabouts not known, not invited"
                written = _status_in(line)
                names.append(low)
                out.append(FoundPerson(name=name, status=written if written in ("apologies", "absent", "report submitted") else status,
                                       confidence=0.5,
                                       evidence=evidence_at(doc, ent.start_char, ent.end_char, starts)))
        return out

    def _item_rows(self, doc, starts, span, rows: Sequence[Sequence[str]]) -> list[FoundPerson]:
        """A minutes table whose first item is the attendance: "1 Apologies | • B Jones • P Davis"."""
        out = []
        text = text_of(doc)
        for row in rows:
            cells = [c.strip() for c in row]
            for j, cell in enumerate(cells[:-1]):
                head = _ITEM_NUMBER.sub("", cell)
                label = match_label(head, True, self.rules) if head else None
                status = self.rules.status(label[0]) if label and label[1] >= len(head) else None
                names = next((c for c in cells[j + 1:] if c), "")
                if status is None or not names:
                    continue
                pos = span.start_char
                for piece in filter(None, (p.strip(" ,;") for p in _BULLETS.split(names))):
                    for a, b in split_entries(piece):
                        entry = parse_entry(piece, a, b, self._terms_for_text(piece), None)
                        if not entry.name:
                            continue
                        at = text.find(entry.name, pos, span.end_char)
                        person = self._person(doc, starts, Entry(**{**_entry_dict(entry), "name_start": 0, "name_end": 0}), 0, status)
                        if person and at >= 0:
                            pos = at + len(entry.name)
                            out.append(_with_evidence(person, evidence_at(doc, at, pos, starts)))
                break
        return out

    def _unlabelled(self, doc, starts, sections, spans, kinds, terms, starred) -> list[FoundPerson]:
        """A list at the top of the document whose "Present" label was lost (unlabelled.py)."""
        front = []
        end_of_front = front_matter(sections, kinds, self.rules)
        for i in range(end_of_front):
            sec, span = sections[i], spans[i]
            kind = kinds[i][0] if i < len(kinds) else span.label_
            if kind in ("table", "turn"):
                continue
            if sec.section in (None, "minutes"):        # "Minutes of the Board meeting ..." at the top is its title
                front.append((span.start_char, span.text))
            elif sec.opens and sec.content_start:
                label_line = span.text.rfind("\n", 0, sec.content_start)
                if label_line > 0:               # names above a label on a later line ("... \nApologies: -")
                    front.append((span.start_char, span.text[:label_line]))
        text = text_of(doc)
        hits = unlabelled.list_lines(front)
        if hits:   # the blocks from the first name to the business hold the list (roles may follow the names)
            doc.user_data[UNLABELLED_LIST_KEY] = [bisect_left(starts, hits[0][0] + 1) - 1, end_of_front]
        starts_of_names = [s for s, _ in hits]
        out = []
        for s, e in hits:
            end = unlabelled.next_name_or(starts_of_names, s, unlabelled.line_end(text, s))
            if not re.sub(r"[\s,;.]+|\band\b", "", text[e:end]):
                end = e                           # "Carl Westby and" / "John Stacey": nothing but the name
            entry = parse_entry(text, s, end, self._terms_in(terms, s, end, 0), None)
            entry = Entry(**{**_entry_dict(entry), "name": " ".join(text[s:e].split()), "name_start": s, "name_end": e})
            if unlabelled.COUNCILLORS_LEAD.match(text, text.rfind("\n", 0, s) + 1) and not _TITLED.match(entry.name):
                # "Councillors Mrs Blackmore, Brice, ...": each shares the title
                entry = Entry(**{**_entry_dict(entry), "name": f"Councillor {entry.name}", "role_id": "councillor", "role_text": None})
            person = self._person(doc, starts, entry, 0, starred if starred and unlabelled.marked(text, s) else "present")
            if person:
                out.append(person)
        return out

    def _register(self, doc, starts, span, terms) -> list[FoundPerson]:
        """Rows of an attendance register flattened to text (register.py)."""
        out = []
        base = span.start_char
        text = text_of(doc)
        block = text[base:span.end_char]
        for row in register_rows(block) or slash_rows(block):
            if row.status in (None, "absent"):
                continue                       # not a member then, or did not come: not an attendee
            s, e = base + row.who[0], base + row.who[1]
            inside = self._terms_in(terms, base + row.what[0], base + row.what[1], 0)
            role = next((t for t in inside if t[2] == "ROLE" and not inside_a_phrase(text, base + row.what[0], t)), None)
            agency = next((t for t in inside if t[2] == "AGENCY"), None)
            entry = Entry(start=s, end=base + row.what[1], name=text[s:e], name_start=s, name_end=e,
                          role_id=role[3] if role else None, agency_id=agency[3] if agency else None,
                          role_text=None if role else (block[row.what[0]:row.what[1]] or None),
                          status=row.status)
            person = self._person(doc, starts, entry, 0, row.status)
            if person:
                out.append(person)
        return out

    def _prose_lists(self, doc, starts, terms) -> list[FoundPerson]:
        """Attendance written as sentences: "The conference was chaired by Ms A. Also present were
        Ms B, mother; Mr C, advocate. The minutes were taken by Ms D. Apologies were received from Ms E."."""
        text = text_of(doc)
        out = []
        for m in _PROSE_LIST.finditer(text):
            cue = m.group("cue").lower()
            status = "apologies" if "apolog" in cue else "in attendance" if "attendance" in cue else "present"
            s0, e0 = m.start("list"), m.end("list")
            plural = _PLURAL_LEAD.match(text, s0, e0)      # "from Cllrs R Bailey, S Bennett-Wake and N Cook"
            title = "Councillor" if plural else None
            s0 = plural.end() if plural else s0
            listed = text[s0:e0]
            for sub in _SUBSTITUTED_BY.finditer(listed):   # "Cllr A who was substituted by Cllr B, and from Cllr C"
                ss, se = s0 + sub.start("who"), s0 + sub.end("who")
                entry = parse_entry(text, ss, se, self._terms_in(terms, ss, se, 0), None)
                if entry.name and _titled_or_given(entry.name):
                    person = self._person(doc, starts, entry, 0, "present")
                    if person:
                        out.append(person)
                listed = listed[:sub.start()] + " " * (sub.end() - sub.start()) + listed[sub.end():]
            pending = None                                 # "from the GP, Dr Evans, ...": a post, then its person
            last = None
            for s, e in split_entries(listed):
                entry = parse_entry(text, s0 + s, s0 + e, self._terms_in(terms, s0 + s, s0 + e, 0), title)
                if not entry.name:
                    if entry.role_id and _POST_FIRST.match(listed, s):
                        pending = entry
                    elif entry.role_id and last is not None and out[last].role_id is None:
                        out[last] = self._with_role(out[last], entry)   # "Dr Ifeoma Nwosu, GP, ...": the post after its person
                    continue
                if not _titled_or_given(entry.name):
                    continue
                if pending is not None and entry.role_id is None and entry.agency_id is None:
                    entry = Entry(**{**_entry_dict(entry), "role_id": pending.role_id, "agency_id": pending.agency_id})
                pending = None
                if "chaired" in cue and entry.name:
                    entry = Entry(**{**_entry_dict(entry), "chair": True})
                if "taken by" in " ".join(cue.split()) and entry.name and entry.role_id is None:
                    entry = Entry(**{**_entry_dict(entry), "role_id": "minute_taker"})
                person = self._person(doc, starts, entry, 0, status)
                last = None
                if person:
                    out.append(person)
                    last = len(out) - 1
        return out

    def _role_lines(self, doc, starts, terms) -> list[FoundPerson]:
        """"Chair: Jon Pearce (IRO)", "Minute taker: Sandra Ives": present in that role."""
        out = []
        for s, e, role_id in role_lines(text_of(doc)):
            inside = self._terms_in(terms, s, e, 0)
            titles = {(ts, te) for ts, te, label, _ in inside if label == "TITLE"}
            if any(ts < e and s < te and label in ("ROLE", "AGENCY") and (ts, te) not in titles for ts, te, label, _ in inside):
                continue                                   # "Chair - IRO" names a role, not a person ("Cllr" is a title)
            entry = Entry(start=s, end=e, name=" ".join(text_of(doc)[s:e].split()), name_start=s, name_end=e,
                          role_id=role_id, chair=role_id == "chair")
            person = self._person(doc, starts, entry, 0, "present")
            if person:
                out.append(person)
        return out

    def _speaker(self, doc, starts, span, speaker: str) -> FoundPerson:
        entry = parse_entry(speaker, 0, len(speaker), self._terms_for_text(speaker), None)
        name = entry.name or speaker.strip()
        role_id = entry.role_id
        agency_id = entry.agency_id
        intro = span.text[:300]
        surname = name.split()[-1] if name.split() else ""
        introduced = _INTRO.search(intro) or (len(surname) > 1 and surname in intro[:60])   # "PC Dan Hughes, Westford Police."
        if role_id is None and introduced:
            for t in doc.spans.get("terms", []):      # the speaker's own words only, not the next turn's
                if span.start_char <= t.start_char < min(span.end_char, span.start_char + 300) and t.label_ in ("ROLE", "AGENCY"):
                    if t.label_ == "ROLE" and role_id is None:
                        role_id = t.id_
                    elif t.label_ == "AGENCY" and agency_id is None:
                        agency_id = t.id_
        entry = Entry(start=0, end=len(name), name=name, role_id=role_id, agency_id=agency_id, chair=entry.chair)
        person = self._person(doc, starts, entry, 0, "present")
        assert person is not None
        return _with_evidence(person, evidence_at(doc, span.start_char, span.start_char, starts))

    def _mentioned(self, doc, starts, sections, terms) -> list[FoundPerson]:
        """Named people who speak or present in the narrative."""
        out = []
        block_of = {}
        for i, span in enumerate(doc.spans["blocks"]):
            block_of[span.start] = i
        titles = {(s, e): ident for s, e, label, ident in terms if label == "TITLE"}
        candidates: list[tuple[int, int]] = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "PERSON"]
        for m in _INITIAL_NAME.finditer(text_of(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not any(span.start <= a < span.end for a, _ in candidates):
                candidates.append((span.start, span.end))
        for (s_char, e_char) in titles:
            span = doc.char_span(s_char, e_char, alignment_mode="expand")
            if span is None:
                continue
            end = span.end
            while end < len(doc) and end - span.end < 4 and (doc[end].is_title or re.fullmatch(r"[A-Z]\.?", doc[end].text)):
                end += 1
            if end > span.end and doc[end - 1].is_title:
                candidates.append((span.start, end))
        seen = set()
        for start, end in sorted(candidates):
            if (start, end) in seen or end - start > 6:
                continue
            seen.add((start, end))
            sec = self._section_of(starts, sections, doc[start].idx)
            if sec is not None and self.rules.kind(sec) in ("attendance", "actions"):
                continue
            after, reach = end, SPEECH_WINDOW
            if after < len(doc) and doc[after].text == ",":   # "Ms Vicky Gent, Director of Children's Services, provided ..."
                close = next((t.i for t in doc[after + 1:min(after + APPOSITIVE_TOKENS, len(doc))] if t.text in (",", ".", ";")), None)
                spoke = next((t.i for t in doc[after + 1:min(after + APPOSITIVE_TOKENS, len(doc))] if t.lower_ in self.verbs), None)
                if spoke is not None and (close is None or spoke < close) and any(
                        label in ("ROLE", "AGENCY") for _, _, label, _ in self._terms_in(terms, doc[after].idx, doc[spoke].idx, 0)):
                    after, reach = spoke, 1          # "Mr S Westwood, Independent Chair of the ... Board summarised the report"
                elif close is not None and doc[close].text == "," and any(
                        label in ("ROLE", "AGENCY") for _, _, label, _ in self._terms_in(terms, doc[after].idx, doc[close].idx, 0)):
                    after, reach = close + 1, 3
            if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ in ("who", "whom"):
                close = next((t.i for t in doc[after + 2:min(after + 2 * APPOSITIVE_TOKENS, len(doc))] if t.text in (",", ".", ";")), None)
                if close is not None and doc[close].text == ",":     # "Cllr Lord, who is a member of the Panel, commented"
                    after, reach = close + 1, 3
            elif after < len(doc) and doc[after].text == "(" and unlabelled.SUBJECT_ASIDE.match(text_of(doc), doc[after].idx + 1):
                continue                                   # "Maisie Brennan (born 3 February 2010)": a child of the case
            elif after < len(doc) and doc[after].text == "(":   # "Nigel Chapley (Operational Director, Police) advised ..."
                close = next((t.i for t in doc[after + 1:min(after + APPOSITIVE_TOKENS, len(doc))] if t.text in (")", "\n")), None)
                if close is not None and doc[close].text == ")":
                    after, reach = close + 1, 3
            window = doc[after:min(after + reach, len(doc))]
            declaring = sec == "declarations" and _COUNCILLOR_LEAD.match(doc[start].text) is not None
            if not declaring and not any(t.lower_ in self.verbs for t in window):
                continue                                   # a member declaring an interest was there
            if any(t.ent_type_ == "PERSON" and t.i >= end for t in window[:2]):
                continue
            before = text_of(doc)[max(0, doc[start].idx - 40):doc[start].idx]
            if _NOT_ATTENDEE_BEFORE.search(before):
                continue
            name = re.sub(r"['’]s$", "", doc[start:end].text.strip(" ,.")).strip(" '’")   # "Mr Forbes's" -> "Mr Forbes"
            titled = bool(re.match(r"(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof|Professor)\b", name)) or _initialled(name)
            if not plausible_name(name, titled):
                continue                                   # "Primary School", "Head Quarters"
            if name.endswith("'s") or len(name) < 3 or " " not in name and not any(w in name for w in ("Cllr",)):
                if " " not in name:
                    continue
            ev = evidence_at(doc, doc[start].idx, doc[start].idx + len(name), starts)
            person = FoundPerson(name=name, status="mentioned", evidence=ev, confidence=0.6)
            out.append(self._appositive(doc, terms, person, doc[start].idx + len(doc[start:end].text)))
        return out

    def _role_speakers(self, doc, starts) -> list[FoundPerson]:
        """Turns typed into a record as "TEAM MANAGER (Rob Fenn): Sorry I'm late ...": the speaker
        was at the meeting, with the role the label gives."""
        out = []
        text = text_of(doc)
        for m in _ROLE_SPEAKER.finditer(text):
            inside = m.group("name")        # "Hannah Price SW", "Claire Dobson, DSL": the name, then a role
            said = parse_entry(inside, 0, len(inside), self._terms_for_text(inside), None)
            if not said.name:
                continue
            name = " ".join(said.name.split())
            if not (_titled_or_given(name) or _initialled(name)) or not plausible_name(name, False):
                continue
            label = " ".join(m.group("role").split()).title()
            role_id = said.role_id or self.roles.lookup(label) or canonical_id(label, "roles")
            at = m.start("name") + said.name_start
            entry = Entry(start=at, end=at + len(said.name), name=name, name_start=at, name_end=at + len(said.name),
                          role_id=role_id, agency_id=said.agency_id or self.agencies.lookup(label),
                          role_text=None if role_id else label)
            person = self._person(doc, starts, entry, 0, "mentioned")
            if person:
                out.append(person)
        return out

    def _presenters(self, doc, starts, terms) -> list[FoundPerson]:
        """"Domestic Abuse strategy: presented by Chris McLoughlin": they were at the meeting."""
        out = []
        text = text_of(doc)
        presenting = doc.user_data[PRESENTING_KEY] = []
        for m in POSTS_THEN_VERB.finditer(text):   # "The Cabinet Member ..., Councillor Ed Davie, Strategic Director ..., Merlin Joseph, and ..."
            if m.group("subject").count(",") < 2:
                continue
            presenting.append((m.start("subject"), m.end("subject")))
            for n in _COMMA_NAME.finditer(m.group("subject")):
                name = n.group("name")
                at = m.start("subject") + n.start("name")
                if self._person_like(doc, at, at + len(name), name) and plausible_name(name, name.startswith(("Councillor", "Cllr"))):
                    out.append(FoundPerson(name=name, status="mentioned", confidence=0.7,
                                           evidence=evidence_at(doc, at, at + len(name), starts)))
        for m in (*_PRESENTED_BY.finditer(text), *_ATTENDED_FOR.finditer(text), *_ASKED_TO_SPEAK.finditer(text),
                  *_QUESTION_FROM.finditer(text)):
            name = m.group("name")
            if _titled_or_given(name) or _initialled(name):
                person = FoundPerson(name=name, status="mentioned", confidence=0.7,
                                     evidence=evidence_at(doc, m.start("name"), m.end("name"), starts))
                out.append(self._appositive(doc, terms, person, m.end("name")))
        return out

    def _also_present(self, doc, starts) -> list[FoundPerson]:
        """"The Town Clerk, Mrs. L.M. Phillips, ... and a member of the public were also present": the
        titled people of a sentence that ends so were in attendance."""
        text = text_of(doc)
        out = []
        for m in _ALSO_PRESENT.finditer(text):
            for n in _TITLED_NAME.finditer(text, m.start(), m.start("end")):
                out.append(FoundPerson(name=" ".join(n.group(0).split()), status="in attendance", confidence=0.8,
                                       evidence=evidence_at(doc, n.start(), n.end(), starts)))
        return out

    def _substitutes(self, doc, starts) -> list[FoundPerson]:
        """"Cllr A substituted for Cllr B": A was present, B sent apologies; "X, who had sent
        apologies": X sent apologies."""
        out = []
        for m in [*_SENT_APOLOGIES.finditer(text_of(doc)), *_COULD_NOT_COME.finditer(text_of(doc))]:
            start = m.start("name")
            inner = _INNER_TITLE.search(m.group("name"))
            if inner and inner.start() > 0:      # "As Councillor Bell had sent her apologies"
                start += inner.start()
            name = text_of(doc)[start:m.end("name")]
            if _titled_or_given(name):
                out.append(FoundPerson(name=name, status="apologies", confidence=0.8,
                                       evidence=evidence_at(doc, start, m.end("name"), starts)))
        text = text_of(doc)
        for m in _SUBSTITUTE_LIST.finditer(text):
            s0 = m.start("list")
            for s, e in split_entries(text[s0:m.end("list")]):
                name = "Councillor " + " ".join(text[s0 + s:s0 + e].split())
                if plausible_name(name, True):
                    out.append(FoundPerson(name=name, role="Councillor", status="present", confidence=0.8,
                                           evidence=evidence_at(doc, s0 + s, s0 + e, starts)))
        for m in _BRACKETED_SUBSTITUTE.finditer(text):
            if _titled_or_given(m.group("sub")):
                out.append(FoundPerson(name=m.group("sub"), status="present", confidence=0.8,
                                       evidence=evidence_at(doc, m.start("sub"), m.end("sub"), starts)))
        for m in (*_SUBSTITUTE.finditer(text), *_DEPUTISED_FOR.finditer(text)):
            if not _titled_or_given(m.group("sub")):
                continue                                   # "The Director attended in place of ..."
            pairs = [m]
            if m.group("for"):                             # "..., David Brazier for Michael Northey and Paul Manning for Tony Doran."
                pos = m.end()
                while (more := _MORE_SUBSTITUTES.match(text, pos)) is not None:
                    pairs.append(more)
                    pos = more.end()
            for pair in pairs:
                if pair is not m and not _titled_or_given(pair.group("sub")):
                    break
                out.append(FoundPerson(name=pair.group("sub"), status="present", confidence=0.8,
                                       evidence=evidence_at(doc, pair.start("sub"), pair.end("sub"), starts)))
                if pair.group("for") and _titled_or_given(pair.group("for")):
                    out.append(FoundPerson(name=pair.group("for"), status="apologies", confidence=0.8,
                                           evidence=evidence_at(doc, pair.start("for"), pair.end("for"), starts)))
        return out

    def _said_present(self, doc, starts, terms) -> list[FoundPerson]:
        """A sentence saying a named person was present or in attendance."""
        out = []
        text = text_of(doc)
        for m in _WAS_PRESENT.finditer(text):
            if _titled_or_given(m.group("name")):
                status = "present" if m.group("how") == "present" else "in attendance"
                person = FoundPerson(name=m.group("name"), status=status, confidence=0.8,
                                     evidence=evidence_at(doc, m.start("name"), m.end("name"), starts))
                out.append(self._appositive(doc, terms, person, m.end("name")))
        return out

    def _group_speakers(self, doc, starts, sections, terms) -> list[FoundPerson]:
        """"Sophia Dunstan (Participation Support Assistant), Reece Graves (...) and Tom Byrne (...)
        from the Participation Team gave a verbal update": each of them spoke; "[D Giles (Police) and
        M Richards (City Council) also in attendance for this item]": each of them attended."""
        out = []
        text = text_of(doc)
        found = [(m, "mentioned", 2) for m in _GROUP_SPEAKERS.finditer(text)]
        found += [(m, "present" if m.group("how") == "present" else "in attendance", 1) for m in _ALSO_ATTENDING.finditer(text)]
        for m, status, least in found:
            sec = self._section_of(starts, sections, m.start())
            if sec is not None and self.rules.kind(sec) == "attendance":
                continue
            names = unlabelled.bracketed_names(m.group("names"))
            if len(names) < least:
                continue
            gaps = [m.group("names")[a[1]:b[0]] for a, b in zip(names, names[1:])]
            if not all(re.fullmatch(r"\s*\([^()]*\)\s*(?:,|and|,\s*and)\s*", g) for g in gaps):
                continue
            base = m.start("names")
            for a, b in names:
                person = FoundPerson(name=" ".join(m.group("names")[a:b].split()), status=status, confidence=0.6,
                                     evidence=evidence_at(doc, base + a, base + b, starts))
                out.append(self._appositive(doc, terms, person, base + b))
        return out

    def _welcomed(self, doc, starts, terms) -> list[FoundPerson]:
        """People the chair welcomed to the meeting (named guests): status "mentioned"."""
        out = []
        text = text_of(doc)
        for m in re.finditer(r"\bwelcomed\b", text):
            sentence_end = text.find(".", m.end())
            end = len(text) if sentence_end < 0 else sentence_end
            for ent in doc.ents:
                if ent.label_ == "PERSON" and m.end() <= ent.start_char < end and plausible_name(ent.text, False):
                    person = FoundPerson(name=ent.text, status="mentioned", confidence=0.6,
                                         evidence=evidence_at(doc, ent.start_char, ent.end_char, starts))
                    out.append(self._appositive(doc, terms, person, ent.end_char))
        return out

    def _section_of(self, starts, sections, char: int) -> str | None:
        i = max(bisect_left(starts, char + 1) - 1, 0)
        return sections[i].section if i < len(sections) else None


_ROLE_TAIL = re.compile(r"\s+(?:Independent|Interim|Acting|Deputy|Assistant|Head|Director|Chair|Chairman|Manager|Officer|Lead)\b.*$")


def _initialled(name: str) -> bool:
    """"R Biggs", "M. Hall": an initial and a surname that is no common word (a plausible titled name)."""
    m = re.fullmatch(r"(?!I\s)[A-Z]\.?\s+((?:Mc|Mac)?[A-Z][a-z’'\-]{2,})", name)   # not "I Have ..."
    return bool(m) and plausible_name(name, True)


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else ""


LIST_OF_NAMES = 4      # a list with this many bare "Given Surname" entries is a list of people
_BARE_NAME = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s+(?:Mc|Mac|O['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,2}")


def _bare_names(text: str, pieces) -> int:
    """How many entries of a list are a bare name opening with a known given name ("Clare Gummett")."""
    names = given_names()
    return sum(1 for s, e in pieces
               if _BARE_NAME.fullmatch(piece := text[s:e].strip()) and piece.split()[0].lower() in names)


def _titled_or_given(name: str) -> bool:
    """A name found by a pattern is a person's when it has a title or opens with a known given name."""
    titled = bool(re.match(r"(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Mx|Professor|Prof|Rev|PC|DC|DS|DI|DCI|Sgt)\b", name))
    first = re.split(r"[-‐]", name.split()[0].lower())[0]      # "Sarah-Jane Loft"
    return (titled or first in given_names()) and plausible_name(name, titled)


def _tidy(person: FoundPerson) -> FoundPerson | None:
    """A name as a person writes it: one line, no possessive, no role run on after it
    ("Councillor Meaden’s", "Jean Daintith Independent Chair").  None when nothing is left."""
    from dataclasses import replace

    name = person.name.split("\n")[0].strip()
    name = re.sub(r"['’]s?$", "", name).strip(" ,.;:")
    if " " in name and not re.match(r"(?i)(?:cllr|councillor|dr|mr|mrs|ms|miss|prof)\.?\s+\S+$", name):
        cut = _ROLE_TAIL.sub("", name)
        if len(cut.split()) >= 2:
            name = cut
    if not name:
        return None
    if person.role is None and re.match(r"(?:Councillor|Cllr)\.?\s", name):
        person = replace(person, role="Councillor", role_id="councillor")   # "Councillor Dave Holt was also present."
    return person if name == person.name else replace(person, name=name)


def _is_title_cased_role(name: str) -> bool:
    """A would-be name that is really a role or agency ("Helth Visitor", "Scool Nurse")."""
    if re.match(r"(?i)(cllr|councillor|dr|mr|mrs|ms|miss|mx|pc|dc|ds)\b", name):
        return False
    return canonical_id(name, "roles") is not None or canonical_id(name, "agencies") is not None


_CODE_PAIR = re.compile(r"\b([A-Z])\s*[=:\-–]\s*([A-Za-z][a-z]+(?:\s+[a-z]+)?)")
_CODE_LEAD = re.compile(r"[ \t]*([A-Z])[ \t]+(?=[A-Z])")
_CODE_STATUS = (("apolog", "apologies"), ("apols", "apologies"), ("report", "report submitted"), ("absent", "absent"),
                ("did not", "absent"), ("not present", "absent"), ("in attendance", "in attendance"),
                ("present", "present"), ("attended", "present"))


def _code_legend(label: str) -> dict[str, str]:
    """What the letters before each name mean, from the list's heading ("Participants (P = present,
    A = apologies, R = report only)"): {"P": "present", ...}, or {} when the heading has no such key."""
    codes = {}
    for letter, words in _CODE_PAIR.findall(label):
        status = next((st for stem, st in _CODE_STATUS if words.lower().startswith(stem)), None)
        if status:
            codes[letter] = status
    return codes if len(codes) >= 2 else {}


def _star_legend(spans, kinds, limit: int) -> str | None:
    """The status a "*" before a name means, from a legend among the first `limit` blocks."""
    for i in range(min(len(spans), limit)):
        found = unlabelled.mark_legend(spans[i].text, kinds[i][2] if i < len(kinds) else None)
        if found:
            return found
    return None


def _entry_dict(entry: Entry) -> dict:
    return {f: getattr(entry, f) for f in entry.__slots__}


def _with_evidence(person: FoundPerson, ev) -> FoundPerson:
    from dataclasses import replace

    return replace(person, evidence=ev)




@Language.factory("minutes_attendees", default_config={"speech_verbs": "rules/speech_verbs.json"})
def make_attendees(nlp: Language, name: str, speech_verbs: str) -> AttendeeFinder:
    return AttendeeFinder(nlp, name, speech_verbs)

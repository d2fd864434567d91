"""minutes_actions: what must be done, by whom and by when.

Entries of an Actions section and of an outline plan (one per line or list item; a record may have
both), attendance-style tables with What / Who / When columns, and "ACTION:" lines
anywhere.  Shapes understood:
  "Hannah Price SW - make referral to Eastbrook Recovery - by 19/03/2026"
  "HV to see Poppy every 4 weeks"      "Refer to SALT (HV, by 26/03/2026)"     "DS Quinn: update partners"
  "Action: Chair to write to the ICB by 1 May 2026"
  "Ms Stone will hold the first Child in Need meeting by 26th March 2026." (sentences, also after
  "... the following actions were agreed." in a paragraph, and "if X, SW to ..." in a contingency)
Committee minutes: resolutions that give a task ("That the Head of Service provide ...", "That an
update be provided to Members"), and undertakings in the narrative ("A foster carer would be
invited to ...", "Board members were asked to ...", "the Director agreed that a note will be shared"), a group or post
to a task ("Officers to report back ...", "Action – All members to send ...", "Agreed: Business Manager to update ..."),
"It was agreed that the Head of Service would circulate ...", "The Chair asked that the Police provide ..." and
requests of the meeting itself ("The Committee requested a briefing note on ...").
Cue words are data in models/rules/actions.json.  The due date is the last date in the entry (from
minutes_dates); words like "ongoing" or "by next core group" are kept as due_text when there is no
date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .found import BlockSection, FoundAction, FoundDate, block_starts, block_texts, evidence_at, pack, unpack, text_of
from ..resources import models_dir
from ..rules.datafile import read_object
from .attendance import given_names
from .sections import load_rules

ACTION_RULE_KEYS = ("version", "note", "modals", "owner_words", "group_owners", "not_owners", "bodies", "agenda_verbs",
                    "passive_tasks", "passive_tasks_for_meeting", "audience", "actions_cues", "action_labels", "agreed_labels",
                    "action_status", "that_verbs", "request_nouns", "post_heads", "not_tasks", "trailing", "start_words", "task_verbs", "due_words",
                    "imperative_verbs")
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|DS|DC|DI|PC|Sgt|Cllr|Councillor)\.?"
_PERSON = _TITLE + r"\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}|[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}"
_ASIDE = r"(?:\s*\([^()]{1,25}\))?"
# a clause that opens with an abbreviation is not a new sentence ("Dr. Patel", "Minute No. 6")
_SENT = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|St|No|Nos|incl|approx|e\.g|i\.e|vs|Cllr|Prof)\.\s+|[^.?!\n]|[?!][\"”’]+(?=\s+[a-z])"
                   r"|[.?!](?![\s\"”’)]))+[.?!\"”’)]*")     # not cut after a quoted question: 'the "Is this love?" workbook'
SENTENCE = _SENT      # the sentences of a line, as the task readers cut them (minutes_tasks scores these)


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class ActionRules:
    sentence: re.Pattern[str]         # "<owner> <modal> <task>" (a whole sentence)
    infinitive: re.Pattern[str]       # "<person> to <task>" anywhere in the minutes
    owner_hint: re.Pattern[str]       # the owner part of a terse entry ("KM", "mum + dad", "Jo Brennan HV")
    not_owners: frozenset[str]
    agenda: re.Pattern[str]           # "The Board" + "note the minutes ..."
    agenda_verbs: re.Pattern[str]
    passive: str                      # alternatives of task participles
    passive_meeting: str              # ... that are tasks only when the sentence names the meeting or its members
    audience: re.Pattern[str]
    cue: re.Pattern[str]
    trailing: re.Pattern[str]
    due_part: re.Pattern[str]
    task_verbs: str
    restart: re.Pattern[str]          # "... - by 30/1 mum - ..." : a due, then the next entry's owner
    groups: frozenset[str]            # "officers", "all members": owners though their first word may be in not_owners
    action_line: re.Pattern[str]      # "Action: ", "Action – ", "Action agreed: " at the start of a line
    agreed_line: re.Pattern[str]      # "Agreed: " (an action only when an owner-to-task follows)
    inline_action: re.Pattern[str]    # "... was discussed. Action: JS to circulate the paper" (a label after a sentence)
    status_tail: re.Pattern[str]      # "... – LGS COMPLETE" at the end of an action line
    not_tasks: re.Pattern[str]        # "continue to be subject of a plan": a status after "<owner> to", not a task
    that_do: re.Pattern[str]          # "agreed that the Head of Service would circulate ...", "asked that the Police provide ..."
    request: re.Pattern[str]          # "The Committee requested a briefing note on ..."
    owner_words: frozenset[str] = frozenset()    # family and professional roles that own tasks ("mum", "health visitor")
    imperative: re.Pattern[str] | None = None     # a task opening with its verb, capitalised ("Complete a single assessment")
    imperative_words: frozenset[str] = frozenset()  # the verbs of `imperative`, lower case
    not_owner_heads: frozenset[str] = frozenset()  # last words of a thing that sits where an owner would ("... Plan will continue")


@lru_cache(maxsize=4)
def load_action_rules(path: str = "rules/actions.json") -> ActionRules:
    file = models_dir() / path
    data = read_object(file, "action rules", ACTION_RULE_KEYS)

    def words(key: str) -> list[str]:
        entry = data.get(key) or {}
        return [w.lower() for w in entry.get("words", entry.get("phrases", []))]

    owner_words = _alternatives(words("owner_words"))
    groups = _alternatives(words("group_owners"))
    # a post: "Head of Service", "the Director of Children's Services", "Cabinet Member for Children"
    heads = _alternatives(words("post_heads"))
    post = (rf"(?:[A-Z][a-z'’\-]+\s+){{0,2}}(?i:{heads})\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’\-]*"
            rf"(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’\-]*){{0,3}}")
    one = (rf"(?:(?i:the|both|each)\s+)?(?:{_PERSON}){_ASIDE}|(?:(?i:the|both|each)\s+)?(?i:{owner_words})\b{_ASIDE}"
           rf"|(?i:{groups})\b{_ASIDE}")
    owner = rf"(?:{one})(?:\s*(?:,|\band\b|&|\+)\s*(?:{one})){{0,3}}"
    sentence = re.compile(
        rf"\s*(?:(?i:then|and|also|finally|lastly)\s*,?\s+)?(?P<owner>{owner})\s*,?\s+(?P<modal>(?i:{_alternatives(words('modals'))}))\s+"
        rf"(?!(?i:be|not|have\s+been|been)\b)(?P<what>[a-z][\w'’\-]*\b.*)$", re.S)
    # outside an actions section only a clear person or role owns a bare "to" task: "Julia Hale to contact ...", "MD to check this"
    strict = (rf"(?:{_TITLE}\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,2}}|(?:(?i:the)\s+)?{post}|[A-Z]{{2,4}}|[A-Z][a-z'’\-]+\s+[A-Z][a-z'’\-]+"
              rf"|(?:(?i:the)\s+)?(?i:{owner_words})\b|(?i:{groups})\b){_ASIDE}")
    infinitive = re.compile(
        rf"\s*(?:[-*•]\s*|\(?\d{{1,2}}[.)]\s*)?(?P<owner>{strict}(?:\s*(?:/|\band\b|&)\s*{strict})?)\s+(?P<modal>to)\s+"
        rf"(?!(?i:be|not|have\s+been|been|the|a|an|this|that|these|those|its|their|his|her|our|my|him|them|us|whom|which|"
        rf"what|date|all|each|every|some|any)\b)(?P<what>[a-z][\w'’\-]*\b.*)$", re.S)
    owner_hint = re.compile(rf"^\s*(?:[A-Z]{{2,4}}(?:\s+[A-Z][A-Za-z]{{1,6}})?|(?i:{owner_words})(?:\s*(?:\+|&|and)\s*(?i:{owner_words}))*)\s*$")
    bodies = _alternatives(words("bodies"))
    agenda = re.compile(rf"(?i:\b(?:{bodies})\s*$)")
    agenda_verbs = re.compile(rf"(?i:^(?:{_alternatives(words('agenda_verbs'))})\b)")
    cue = re.compile(rf"(?i:\b(?:{_alternatives(words('actions_cues'))})\b\s*[.:])")
    trailing = re.compile(
        rf"(?i:\s+(?:{_alternatives(words('trailing'))})\b.*$"
        rf"|,\s*(?:{_alternatives(words('start_words'))})\b.*$"
        rf"|\s+(?:{_alternatives(words('start_words'))})\s+(?:on|from|next|this|in|at|w/c|the\s+week)\b.*$"
        rf"|,?\s+within\s+the\s+next\s+\w+\s+(?:days?|weeks?|months?)\s*$)", re.S)
    due_words = _alternatives(words("due_words"))
    due_part = re.compile(
        rf"(?i:\s*(?:(?:by|from|at|before)\s+)?(?:{due_words}|\d{{1,2}}[./-]\d{{1,2}}(?:[./-]\d{{2,4}})?)\b\.?\s*(?:\([^)]*\))?\s*)")
    restart = re.compile(
        rf"\s[\-–—]\s+(?P<due>(?i:by|from|before)\s+\d[\d/.\-]*)\s+(?P<owner>[A-Z]{{2,4}}|(?i:{owner_words})|{_PERSON})\s+[\-–—]\s")
    audience = re.compile(rf"(?i:\b(?:{_alternatives(words('audience'))})\b)")
    action_line = re.compile(rf"^\s*(?:[-*•]\s*)?(?:(?i:{_alternatives(words('action_labels'))})(?:\s*(?:no\.?\s*|#)?\d{{1,3}}[a-z]?)?|AP\s?\d{{1,3}}[a-z]?)"
                             r"\s*[:\-–—]\s*")
    agreed_line = re.compile(rf"^\s*(?:[-*•]\s*)?(?i:{_alternatives(words('agreed_labels'))})\s*[:\-–—]\s*")
    labels = _alternatives(words("action_labels") + words("agreed_labels"))   # "... learning. Agreed: AH to circulate ..."
    inline_action = re.compile(rf"(?:(?<=[.!?)”\":])\s+|\s[-–—]\s+)(?=[A-Z])(?i:{labels})(?:\s*(?:no\.?\s*|#)?\d{{1,3}}[a-z]?)?\s*[:\-–—]\s+")   # "Action 6:"
    status = _alternatives(words("action_status"))
    status_tail = re.compile(rf"\s+[\-–—]\s+(?:[A-Z]{{2,4}}(?:\s*[/,&]\s*[A-Z]{{2,4}})*(?:\s+(?i:{status}))?|(?i:{status}))\s*\.?$")
    verbs = _alternatives(words("task_verbs"))
    that_owner = (rf"(?:(?i:the)\s+)?(?:[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|and|&)\s+)?(?:the\s+)?[A-Z][\w'’\-]*){{0,5}}{_ASIDE}"
                  rf"|(?:(?i:the)\s+)?(?i:{owner_words})\b|(?i:{groups})\b)")
    that_do = re.compile(
        rf"\b(?i:{_alternatives(words('that_verbs'))})\s+that\s+(?P<owner>{that_owner})\s+"
        rf"(?:(?i:would|will|should|shall|must)\s+(?:(?i:also|now|then)\s+)?)?"
        rf"(?P<what>(?:{verbs})\b(?!\s+(?i:was|were|is|are|had|has|have|would|will|should|shall|must|may|can|could|be)\b).*)$", re.S)
    request = re.compile(
        rf"^(?:(?i:the)\s+)?(?:[A-Z][\w'’\-]*\s+){{0,3}}?(?i:{bodies})\s+(?:(?i:also|further|therefore)\s+)?"
        rf"(?i:requested|asked\s+for|called\s+for)\s+"
        rf"(?P<what>(?i:a|an|further|more|regular)\s+(?:[\w\-]+\s+){{0,2}}?(?P<noun>(?i:{_alternatives(words('request_nouns'))}))\b.*)$", re.S)
    imperative = "|".join(w[:1].upper() + re.sub(r"\s+", r"\\s+", w[1:]) for w in words("imperative_verbs"))
    return ActionRules(sentence, infinitive, owner_hint, frozenset(words("not_owners")), agenda, agenda_verbs,
                       _alternatives(words("passive_tasks")), _alternatives(words("passive_tasks_for_meeting")), audience, cue, trailing,
                       due_part, verbs, restart, frozenset(words("group_owners")), action_line, agreed_line, inline_action, status_tail,
                       re.compile(rf"(?i:(?:{_alternatives(words('not_tasks'))})\b)"), that_do, request,
                       frozenset(words("owner_words")),
                       re.compile(rf"\s*(?:{imperative})\b"),
                       frozenset(w for w in words("imperative_verbs") if " " not in w),
                       frozenset(w.lower() for w in (data.get("not_owners") or {}).get("heads", [])))

_ACTION_LINE = re.compile(r"^\s*(?:[-*•]\s*)?action(?:\s+point)?s?\s*[:\-–]\s*", re.I)
_DASHES = re.compile(r"\s+[\-–—]\s+")
_TO = re.compile(r"^(?P<owner>[^,;:]{2,60}?)\s+(?:to|will|agreed\s+to|is\s+to|are\s+to)\s+(?P<what>\S.*)$", re.I)
# a due tail; not "by 10pm" (a time of day) nor "within 72 hours of any missing episode" (each time it happens)
_BY = re.compile(r"[\s,(]*(?:\bnext\s+(?=\d)|\bby\b(?!\s+\d{1,2}(?:[.:]\d\d)?\s*[ap]m\b)|\bbefore\b|\bno\s+later\s+than\b|\bw/c\b|\bweek\s+commencing\b|\bfirst\s+(?=\d)|\bdue\b|\bdeadline\b|"
                 r"\bwithin\b(?![^)]*\bof\s+any\b)|\bongoing\b|\bfrom\s+(?=\d|(?:mon|tue|wed|thu|fri|sat|sun)|next\b|the\s+\d|w/c|week|now\b))[^)]*\)?\s*$", re.I)
_DUE_WORDS = re.compile(r"\b(ongoing|(?:by\s+|at\s+|for\s+)?(?:the\s+)?next\s+(?:meeting|core\s+group|review)|at\s+each\s+core\s+group|before\s+review|by\s+review|immediately|asap|weekly|monthly|fortnightly)\b", re.I)
_HEADER = {
    "what": ("action", "what", "task", "activity", "outcome"),
    "owner": ("who", "owner", "responsible", "lead", "by whom", "person"),
    "due": ("when", "by", "date", "timescale", "deadline", "due"),
    "status": ("status", "progress", "rag", "update"),
}
_NOTES_COLUMNS = ("item", "discussion", "minute", "notes", "summary", "points", "issue", "agenda", "topic")
_DONE = re.compile(r"(?i)\s*(?:done|complete|completed|closed|achieved|finished|actioned)\b")   # "Done - started 10.06.2025"
_PASSIVE_BY = re.compile(
    r"\s*(?:[-*•]\s*|\(?\d{1,2}[.)]\s*)?(?P<what>[A-Z][^.;:\n]{3,90}?)\s+(?:to|will|should|must)\s+be\s+(?:made|completed|done|sent|arranged|"
    r"offered|provided|undertaken|carried\s+out|submitted|shared|booked|convened|updated|reviewed|held)"
    r"(?P<to>\s+(?:to|with|for)\s+(?!the\s+(?:next|end)\b)[^.;:,\n]{2,40}?)?\s+by\s+"
    r"(?P<owner>(?:the\s+)?[A-Za-z][\w'’()\- ]{1,40}?)(?=\s*(?:$|[.;,]|\s+(?:by|before|within|on)\b))")
_PROGRESS_NOTE = re.compile(r"\s[–—]\s+(?=(?:Please\s+see|See|No\s+comments|Complete[d]?|Done|Closed|Ongoing|Update|Verbal\s+update)\b)")
_INITIALS = r"[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*"
_TAIL_OWNER = re.compile(rf"\s+[\-–—]\s+(?P<owner>{_INITIALS})(?P<act>\s+to\s+action)?\s*\.?\s*$")   # "... next meeting – TR", "... – AV to action"
def _owner_word(owner: str) -> bool:
    """A heading that can name an owner: a role, an agency, a family member or a person's two names
    ("Health Visitor", "School", "Mother", "Mia Reed"); not "Decisions" or "Recommendations"."""
    from .normalise import canonical_id

    bare = re.sub(r"\s*\([^()]*\)", "", owner).strip()
    return bool(canonical_id(bare, "roles") or canonical_id(bare, "agencies") or _OWNER_HINT.fullmatch(bare))


_OWNER_HEAD = re.compile(r"(?P<owner>[A-Z][\w'’\- ]{1,40}?(?:\s*\([^()]{2,30}\))?)\s*[:\-–]")
_HELPER_ASIDE = re.compile(r"^([^,;:]{2,40}),\s+with\s+(?:the\s+)?(?:support|help)\s+(?:of|from)\s+[^,;:]{2,40},(?=\s+(?:to|will)\s)")
_BARE_OWNER = re.compile(r"(?P<owner>(?:(?:Dr|Mr|Mrs|Ms|Miss|PC|DC)\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?(?:\s*\([^()]{2,30}\))?)")
_RESOLVED_DASH = re.compile(r"(?i)\b(?:resolved|agreed)\s*[:\-–—]\s*(?:that\s+)?(?:to\s+)?")
_BRACKET_OWNER = re.compile(rf"\s*\((?P<owner>{_INITIALS})\)")                       # "Circulate minutes (GW) – ongoing"
_FIELDS_ASIDE = re.compile(r"\s*\((?i:owner|lead|who)\s*:\s*(?P<owner>[^,;)]{2,60})"
                           r"(?:[,;]\s*(?:(?i:due|by|deadline|by\s+when|when)\s*:\s*)?(?P<due>[^)]{1,40}))?\)")   # "(Lead: X, by 12 May)"
_OWNER_HINT = re.compile(r"\b(?:SW|HV|SN|GP|DSL|IDVA|FSW|TM|IRO|PC|DC|Chair|Mum|Dad|Mother|Father|School|Police|Nursery|CAMHS|[A-Z][a-z]+\s+[A-Z][a-z]+)\b")


_PROMISE = re.compile(
    r"^(?P<owner>(?:the\s+)?[A-Z][\w'’\- ]{2,60}?)\s+(?:agreed|undertook|offered|promised)\s+to\s+(?P<what>(?:write|provide|circulate|arrange|"
    r"report|share|send|bring|ensure|explore|investigate|contact|update|look\s+into|follow\s+up|invite|liaise|meet)\b.*)$",
    re.S,
)
_SAID_WOULD = re.compile(
    r"^(?P<owner>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:of|for|and|&|[A-Z][\w'’\-]*)){0,5})\s+(?:confirmed|agreed|undertook|"
    r"promised|offered)\s+(?:that\s+)?(?:she|he|they)\s+would\s+(?:also\s+)?(?!have\b|be\b|like\b|not\b|next\b)"
    r"(?P<what>[a-z](?:(?!\bif\b).)*)$", re.S)   # not "... said she would go back to the GP if someone went with her"
_REPORT_BACK = re.compile(r"\b(?P<what>(?:a|an)\s+(?:further\s+|updated?\s+|progress\s+)?(?:report|update|briefing|paper)\s+"
                          r"(?:would|will|should)\s+(?:come|be\s+brought|return|be\s+presented)\s+(?:back\s+)?to\b.*)$", re.S | re.I)
_QUESTION = re.compile(r"\?|\b(?:whether|if)\b|\b(?:asked|queried|questioned|enquired|inquired|wondered)\s+(?:\w+\s+){0,3}?(?:how|when|why|what)\b", re.I)
_ACTIONS_CUE = re.compile(r"\bactions?\b(?:\s+(?:then|now|please|agreed))?\s*[.:]", re.I)
_SENTENCE = re.compile(r"[^.?!]+[.?!]?")
_REQUEST = re.compile(
    r"^\s*(?:so\s+|and\s+|then\s+)?(?P<owner>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?),\s+"
    r"(?:(?:can|could|will|would)\s+you(?:\s+please)?|please|I'd\s+like\s+you\s+to|you'll\s+need\s+to)\s+(?P<what>\S.*)$"
)
_ADDRESSED = re.compile(r"^\s*(?P<owner>[A-Z][a-z'’\-]+),\s+(?P<what>(?:a|an|the)\s+\S.*\bby\b.*)$")
_OWNER_COLON = re.compile(
    r"^(?P<owner>(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+(?:and|&)\s+)?(?:(?:Dr|Mr|Mrs|Ms|Miss|DS|DC|PC)\.?\s+)?[A-Z][\w'’\-]*"
    r"(?:\s+(?:[A-Z][\w'’\-]*|worker|officer|nurse|manager|lead)){0,3}(?:\s*\([^)]{1,20}\))?):\s+(?P<what>\S.*)$"   # "Ms and Mr Lowther: ..."
)
_TO_VERB = re.compile(r"(?:to|will)\s+(?=[a-z]{3,})")       # "to offer ...", the value of "School nurse: to offer ..."
_RESOLVING = re.compile(r"\b(?:NOTED|RESOLVED|AGREED|noted|resolved)\b")
_ENUMERATOR = re.compile(r"\s*(?:\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,5})\s*\)|(?:\d{1,2}|[a-z]|[ivx]{1,5})\))\s+")
_LABEL_VALUE = re.compile(r"^\s*[\w/ .']{1,15}:\s")
_VERBISH = re.compile(r"\b(?:to|will|must|should|needs?\s+to)\s+[a-z]|(?:^|[\-–—]\s+)[a-z]{3,}\b")
_SECOND_TASK = re.compile(r",?\s+and\s+(?=(?:(?:Dr|Mr|Mrs|Ms|Miss|PC|DC)\.?\s+)?[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?"
                          r"\s+(?:will|to|agreed\s+to|is\s+to)\s+[a-z])")
_LOG_REF = re.compile(r"\s*(?:[-*•]\s*)?[A-Z]{1,4}\s?\d{1,4}(?:[/\-.]\d{1,4})?[a-z]?\s+[-–—:]\s+(?=[A-Z])")   # "A26/17 - ", "AP3 - "
_NEXT_MEETS = re.compile(r"(?i)(?:next\s+|again\s+)?(?:meet|reconvene)(?:\s+again)?(?:\s+(?:on|in|at|by|before)\b|\s*$)")
_DASH_HEAD = re.compile(r"\s*(?P<owner>[^\-–—.;:!?()]{2,40}?)\s+[-–—]\s+(?=[a-z])")   # "Marianne - visit you ..."
_NAME_ONLY = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,2}")
_RESOLUTION_TASK = re.compile(
    r"^(?:(?i:that)\s+)?(?P<owner>(?!(?i:that)\b)(?:the\s+)?[A-Z][\w'’&\-]*(?:,?\s+(?:[A-Z][\w'’&\-]*|of|for|and|&|the|on|in|at|"
    r"(?:be|is|are)\s+(?:requested|asked)\s+to))*?)\s+(?P<what>(?:provide|write|bring|report|circulate|send|arrange|"
    r"prepare|forward|update|present|submit|review|investigate|explore|contact|ensure|monitor|establish|develop|produce|"
    r"undertake|share|seek|liaise|meet|invite|consult|draft|publish|identify|confirm)\b(?!\s+(?:be|was|were)\b).*)$",
)
_DUE_TAIL = re.compile(r",?\s+(?:by|before|on|no\s+later\s+than)\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri)day\s+)?"
                       r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}[./-]\d{1,2}[./-])\s*\d{2,4}$")
_TRAILING_WHEN = re.compile(r"\s+(?:to|at|by|before|for)\s+(?:the\s+|a\s+)?(?:next\s+|future\s+)?(?:meeting|committee|board|panel)\b[^.;]*$|\s+(?:by|before|on)\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}\.?$", re.I)


_NARRATIVE_MODAL = re.compile(r"\b(?:will|(?:has|have|also)?\s*agreed\s+to|undertook\s+to|offered\s+to)\s+(?!be\b|not\b|continue\s+to\s+be\b)", re.I)
_IF = re.compile(r"\s*(?:[-*•]\s*)?(?i:if|should|where|in\s+the\s+event\s+(?:that|of))\s+(?P<cond>[^,;]{3,150}),\s*(?:(?i:then)\s+)?")
_AGREED_LEAD = re.compile(r"^(?:it\s+was\s+)?(?:agreed|resolved|noted)\s+that\s+", re.I)
_NEW_SUBJECT = re.compile(r"\b(?:will|would|shall)\s+(?:then\s+)?be\s+\w+(?:ed|en)\b", re.I)
_DATE_LEAD = re.compile(
    r"(?:,?\s*\(?(?:(?:by|before|at)\s+the\s+(?:[\w\-]+\s+){0,3}(?:meeting|conference|core\s+group|review)\s+(?=on\b))?"
    r"\b(?:by|before|on|from|starting(?:\s+(?:on|from))?|no\s+later\s+than|w/c|week\s+commencing|due|deadline)"
    r"\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?)$", re.I)   # "before the discharge planning meeting on 10 December"
_MID_WHEN = re.compile(r"(?i)\s+(?:before|by|prior\s+to)\s+the\s+next\s+(?:core\s+group(?:\s+meeting)?|meeting|"
                       r"review(?:\s+conference)?|conference)(?=\s+(?:to|and|so)\s)")
_INCLUDING = re.compile(r",\s*(?:including|incl\.?)\s[^,]*(?:,|$)", re.I)
_LONG_ASIDE = re.compile(r"\s*\((?:[^()\s]+\s+){3,}[^()]*\)")


_ACTION_BY = re.compile(r"[ \t]*\n\s*action\s+by\s*[:\-–]\s*([^\n]{2,100}?)\s*(?:\n|$)", re.I)
_AS_REQUIRED = re.compile(r",\s+(?:in\s+accordance\s+with|in\s+line\s+with|as\s+set\s+out\s+in|subject\s+to)\b.*$", re.I | re.S)
_ACTION_OF = re.compile(r"\s*\(\s*action\s*:\s*([^)]{2,60})\)", re.I)
_STARTING = re.compile(r"\b(?:starting|beginning|commencing|from)(?:\s+(?:on|from))?\s+(?:the\s+)?$", re.I)
_WHICH = re.compile(r"\b(?:a|an|the|this|these|its|their)\s+(?P<np>(?:(?!\b(?:a|an|the|this|these|its|their)\s)[\w'’\- ]){2,60}?),\s+which\s+", re.I)
_THAT = re.compile(r"\b(?:agreed|confirmed|undertook|advised|indicated|promised|said|explained|stated|assured)\s+(?:\w+\s+){0,3}?that\s+", re.I)
_BEFORE_WHEN = re.compile(r"\s+(?:by|before|no\s+later\s+than)\s+(?:the\s+)?(?:next\s+)?[^,.;]*?(?:meeting|\d{4})\b.*$", re.I | re.S)


# "That an update be provided": a bare "be", not "will be" / "to be" (a report of what happens, or a purpose)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_SUBJUNCTIVE = "".join(rf"(?<!\b{w})" for w in ("will", "would", "shall", "to", "should", "must", "may", "can", "could", "might"))


@lru_cache(maxsize=4)
def _passive(participles: str) -> dict[str, re.Pattern[str]]:
    """Passive tasks: "... would be circulated", "That an update be provided ...", "requested that X be sent ..."."""
    return {
        "would": re.compile(rf"\b(?:would|will)\s+(?:also\s+)?be\s+(?:{participles})\b", re.I),
        "be": re.compile(rf"\bbe\s+(?:\w+ed|\w+en|sent|brought|written|sought)\b", re.I),
        "resolution": re.compile(
            rf"^\s*(?:[^.;:]*?\b(?i:that)\s+)?(?P<what>(?!(?i:the\s+)?(?:report|minutes|recommendations?|update|information)\s+be\s+noted)"
            rf"[^.;:]{{2,140}}?{_SUBJUNCTIVE}\s+be\s+(?i:{participles})\b.*)$", re.S),
        "to_be": re.compile(            # "Draft audit template to be circulated by the Committee Secretary by 1 September"
            rf"^\s*(?P<what>(?:[A-Z]|(?:a|an|the)\s)[^.;:]{{2,120}}?\s+to\s+be\s+(?i:{participles})\b[^.;]*?)"
            rf"(?:\s+by\s+(?:the\s+)?(?P<owner>(?!(?:{_MONTHS})\b)[A-Z][\w'’\-]*(?:\s+(?!(?:{_MONTHS})\b)[A-Z][\w'’\-]*){{0,4}}))?"
            rf"(?=\s+(?:by|before|no\s+later|in|at|on|within)\b|[\s.;]*$)", re.S),
        "that": re.compile(
            rf"\b(?:requested|asked|agreed|recommended|suggested|proposed)\s+that\s+(?P<what>(?:(?:a|an|the|further|this|these|all|any)\s+)?"
            rf"[^.;:]{{2,120}}?{_SUBJUNCTIVE}\s+be\s+(?i:{participles})\b.*)$", re.I | re.S),
    }


@lru_cache(maxsize=4)
def _ASKED(verbs: str) -> re.Pattern[str]:
    """"Board members were asked to identify representatives ..." (owner, task)."""
    return re.compile(rf"^(?P<owner>(?:the\s+)?[A-Z][\w'’\- ]{{1,60}}?)\s+(?:was|were)\s+(?:asked|requested)\s+to\s+(?P<what>[a-z].*)$", re.S)


@lru_cache(maxsize=4)
def _WOULD_DO(verbs: str) -> re.Pattern[str]:
    """"The Chair agreed ... that he would write to formally thank her": the agreeing person owns the task."""
    return re.compile(
        rf"^(?P<owner>(?:the\s+)?[A-Z][\w'’\- ]{{1,60}}?)\s+(?:agreed|undertook|confirmed|offered|promised)\b[^.]*?\bthat\s+"
        rf"(?:he|she|they|officers)\s+(?:would|will)\s+(?:also\s+)?(?P<what>(?i:{verbs})\b.*)$", re.S)


@lru_cache(maxsize=4)
def _WILL_DO(verbs: str) -> re.Pattern[str]:
    """"The Director will write to the school": a named person, post or group and a task verb."""
    return re.compile(
        rf"^(?P<owner>(?:(?i:the)\s+)?[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|and|&|the|task|finish|sub-group|group|team|officers?))*"
        rf"|(?i:officers))\s+(?:will|would)\s+(?:also\s+|now\s+)?(?P<what>(?i:{verbs})\b.*)$", re.S)


def _looks_like_action(line: str, block_kind: str, action_line: re.Pattern[str] = _ACTION_LINE) -> bool:
    """An entry of an actions section that reads as a task, not a label line or a bare name."""
    stripped = line.strip(" -*•>")
    if len(stripped.split()) < 3:
        return False
    if _LABEL_VALUE.match(stripped) and not action_line.match(stripped):
        owned = _OWNER_COLON.match(stripped)          # "DS Quinn: update conference partners ..." is an owner, not a label
        if not owned:
            return False
        what = owned.group("what")
        known = block_kind == "list_item" and _OWNER_HINT.fullmatch(owned.group("owner")) and not _NAME_ONLY.fullmatch(what.strip(" ."))
        if not what[:1].islower() and not known:
            return False                              # "Venue: Room 2"; but "-> Mum: GP appt re mood" is a task
        return len(stripped.split()) <= 40
    if len(stripped.split()) > (40 if block_kind == "list_item" else 25):
        return False
    return block_kind == "list_item" or bool(_VERBISH.search(stripped))


class ActionFinder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.rules = load_rules()
        self.cues = load_action_rules()

    def __call__(self, doc: Doc) -> Doc:
        sections = unpack(BlockSection, doc._.sections)
        dates: dict[int, list[FoundDate]] = {}
        for d in unpack(FoundDate, doc._.dates):
            dates.setdefault(d.evidence.block, []).append(d)
        starts = block_starts(doc)
        kinds = doc.user_data.get("minutes_blocks", [])
        rows = doc.user_data.get("minutes_rows", [])
        text = text_of(doc)
        # an outline plan's entries are tasks with owners, whether or not the record also has an actions section
        found: list[FoundAction] = []
        cue_turns = 0                   # turns since someone said "actions" in a transcript
        last_header = None              # (block, header row) of the last action table
        group = None                    # (block, first action) of a task whose Who: / By when: lines may follow
        slash_header, slash_block = None, -2     # the header of a " / " action table and the last block of its rows
        known = _defined_initials(text)  # "Jodie Barnes (JB)": a list item ending "(JB)" is JB's task in any section
        for i, span in enumerate(doc.spans["blocks"]):
            sec = sections[i] if i < len(sections) else BlockSection(None)
            block_kind = kinds[i][0] if i < len(kinds) else span.label_
            if block_kind == "table" and i < len(rows) and rows[i]:
                if _task_columns(rows[i][0]) is not None:
                    last_header = (i, rows[i][0])
                    found.extend(self._table(doc, starts, span, rows[i], dates, i))
                elif last_header and i - last_header[0] <= HEADER_REACH and len(rows[i][0]) == len(last_header[1]):
                    # rows of the table before, cut off by a line between them ("Outcome 2: ...")
                    found.extend(self._table(doc, starts, span, rows[i], dates, i, header=last_header[1]))
                    last_header = (i, last_header[1])
                else:                   # "Item | Discussion | Action": the Action column's cells
                    found.extend(self._action_cells(doc, starts, span, rows[i], dates))
                continue
            if block_kind == "heading":
                continue
            if block_kind == "turn":
                said = _ACTIONS_CUE.search(block_texts(doc)[i]) is not None
                cue = said or cue_turns > 0
                cue_turns = 3 if said else max(cue_turns - 1, 0)
                found.extend(self._requests(doc, starts, span, dates, cue))
                continue
            in_plan = sec.section == "plan"
            in_section = self.rules.kind(sec.section) == "actions" or in_plan
            begin = span.start_char + sec.content_start
            if sec.section == "contingency":    # "Contingency: if the order is breached again, SW to convene ..."
                found.extend(self._sentences(doc, starts, begin, span.end_char, dates, conditional=True))
                continue
            if not in_section:
                cue = self.cues.cue.search(text, begin, span.end_char)
                if cue:                 # "... and the following actions were agreed. Ms Stone will ..."
                    found.extend(self._sentences(doc, starts, cue.end(), span.end_char, dates))
            slashed = self._slash_rows(doc, starts, begin, span.end_char, slash_header if slash_block == i - 1 else None)
            if slashed is not None:     # "Outcome / Action / Lead / Timescale" typed with slashes, a row per item
                found.extend(slashed[0])
                slash_header, slash_block = slashed[1], i
                continue
            note = None                 # (first action, start, end) of a progress note whose date is the new due date
            for s, e in _lines(text, begin, span.end_char) + [(span.end_char, span.end_char)]:
                if note:                # "... - Outstanding. Rebooked for Monday the twelfth of May."
                    found[note[0]:] = self._fill(doc, starts, dates, found[note[0]:], "due", note[1], note[2])
                    note = None
                if s >= e:
                    break
                line = text[s:e]
                if in_section and _DONE_NOTE.search(line):
                    continue            # "b) PC Nolan to serve the notice - Completed (29th April)": no task now
                ref = _LOG_REF.match(line) if in_section else None
                if ref:                 # "A26/17 - Deliver the training - Det Supt Cawthorne - 30/09/2026": an action log's reference
                    s += ref.end()
                    line = text[s:e]
                progress = _OPEN_NOTE.search(line) if in_section else None
                if progress:            # the task before the note, its new date after it
                    note = (len(found), s + progress.start(), e)
                    e = s + progress.start()
                    line = text[s:e]
                fields = _labelled_fields(line)
                if fields:              # "Who: Mr Beattie / What: complete the assessment / By when: 29/05/2026"
                    found.append(self._fields(doc, starts, dates, s, fields))
                    continue
                stacked = _STACK_LINE.fullmatch(line)
                key = _STACK_KEYS.get(" ".join(stacked.group("label").lower().split())) if stacked else None
                if key in ("owner", "due") and (in_section or group):
                    # "Action: ... / Responsible: SW (Leanne Moss) / Date: 29/07/2025": fields of the task above
                    if group and group[0] >= i - 1:
                        found[group[1]:] = self._fill(doc, starts, dates, found[group[1]:], key, s + stacked.start("value"), e)
                    continue
                group = (i, len(found)) if key == "what" or self.cues.action_line.match(line) else None
                if key == "outcome" and in_section:
                    continue
                label = " ".join(stacked.group("label").lower().split()) if stacked else ""
                if stacked and key is None and self._only_when(doc, starts, dates, s + stacked.start("value"), e):
                    continue            # "Review strategy discussion: Friday 25/09/2026, 14:00 (Teams).": a booking, no task
                if key == "what" and label in _WHAT_LABELS:
                    s += stacked.start("value")        # "How: Ms Lane will attend the Freedom Programme."
                    line = text[s:e]
                    if in_section and label not in ("how", "task", "what"):
                        # "What will be done: A pre-birth assessment will be completed.": a task in any form
                        action = self._sentence(doc, starts, s, e, dates) or self._plain(doc, starts, dates, s, e)
                        if action:
                            found.append(action)
                        continue
                elif stacked and key is None and in_section and _TO_VERB.match(stacked.group("value")) \
                        and _owner_word(stacked.group("label")):
                    # "School nurse: to offer Leo sessions on healthy relationships.": the label owns the task
                    v = s + stacked.start("value") + _TO_VERB.match(stacked.group("value")).end()
                    action = self._plain(doc, starts, dates, v, e)
                    if action:
                        found.append(replace(action, owner=" ".join(stacked.group("label").split())))
                    continue
                elif stacked and key is None and in_section and self.cues.sentence.match(stacked.group("value")):
                    s += stacked.start("value")        # "Social care: Ayesha Khan will complete the assessment ..."
                    line = text[s:e]
                if not in_section and block_kind == "list_item" and known:
                    tag = self._owner_tag(line)
                    if tag and tag.groupdict().get("owner") in known:
                        action = self._owned(doc, starts, dates, s, e, tag)
                        if action:      # "4. Inform CSC of the trial outcome (PH)" under "Recommendations"
                            found.append(action)
                            continue
                m = self.cues.action_line.match(line)
                agreed = self.cues.agreed_line.match(line) if not m else None
                if agreed:              # "Agreed: Business Manager to update the risk register"; not "Agreed: the minutes ..."
                    a = s + agreed.end()
                    action = self._sentence(doc, starts, a, e, dates, pattern=self.cues.infinitive) or self._sentence(doc, starts, a, e, dates)
                    if action:
                        found.append(action)
                        continue
                if m:
                    s += m.end()
                    lead_for = re.match(r"[Ff]or\s+(?=\S[^.;]*?\s+to\s+[a-z])", text[s:e])
                    if lead_for:        # "Action: For the Board to feed into the consultation ..."
                        s += lead_for.end()
                    tag = text[s:e].strip(" .;")
                    if _NAME_ONLY.fullmatch(tag) or self.cues.owner_hint.match(tag) or re.fullmatch(r"[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*", tag):
                        # "Action: JS" under a paragraph: the owner of the sentence before it
                        tagged = self._tagged(doc, starts, dates, i, s - m.end(), tag)
                        if tagged:
                            found.append(tagged)
                        continue
                elif not in_section:
                    for inline in self.cues.inline_action.finditer(text, s, e):
                        # "... was discussed. Action: JS to circulate the paper."; "Action 4: complete. Action 6: DP to ..."
                        stop = _SENT.match(text, inline.end(), e)
                        stop = stop.end() if stop else e
                        tail = self.cues.status_tail.search(text, inline.end(), stop)
                        stop = tail.start() if tail else stop    # "DP to circulate the audit - carried forward."
                        tag = text[inline.end():stop].strip(" .;")
                        if re.fullmatch(rf"{_INITIALS}|(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Dr)\s+[A-Z][\w'’\-]+|[A-Z][a-z]+", tag) \
                                and not text[stop:e].strip():
                            # "Cllr Hill asked that the booking be confirmed. Action: SH": the owner of the sentence before
                            action = self._tagged_inline(doc, starts, dates, s, inline.start(), tag)
                        else:
                            action = (self._sentence(doc, starts, inline.end(), stop, dates, pattern=self.cues.infinitive)
                                      or self._sentence(doc, starts, inline.end(), stop, dates))
                        if action:
                            found.append(action)
                    to_action = self._owner_tag(line)
                    if to_action and to_action.groupdict().get("act"):
                        action = self._owned(doc, starts, dates, s, e, to_action)
                        if action:      # "Resolved – to contact The Old School ... – AV to action"
                            found.append(action)
                    continue
                passive = _PASSIVE_BY.match(line) if in_section else None
                if passive and (self.cues.owner_hint.match(passive.group("owner")) or _OWNER_HINT.search(passive.group("owner"))
                                or passive.group("owner").split()[0].lower() in given_names()      # "... to be made by Jo"
                                or _owner_word(re.sub(r"(?i)^the\s+", "", passive.group("owner")))):   # "by the social worker"
                    # "Referral to CAMHS to be made by GP": the task is the thing to be done, its owner the agent
                    due, due_text = self._due(doc, starts, dates, s, e)
                    found.append(FoundAction(what=" ".join((passive.group("what") + (passive.group("to") or "")).split()),   # "A referral ... to CAMHS"
                                             owner=passive.group("owner").strip(),
                                             due=due, due_text=due_text, evidence=evidence_at(doc, s, e, starts)))
                    continue
                bracketed = self._terse_task(doc, starts, dates, s, e) if in_section and not m else None
                if bracketed:           # "• (HV) catch up immunisations – by 20.6.25", "• visit (SW Aaron) – by 13/06"
                    found.append(bracketed)
                    continue
                tagged_owner = self._owner_tag(line)
                if tagged_owner and (m or in_section):      # "Update on waiting times to come to next meeting – TR"
                    action = self._owned(doc, starts, dates, s, e, tagged_owner)
                    if action:
                        found.append(action)
                        continue
                triple = self._task_owner_when(doc, starts, dates, s, e) if in_section or block_kind == "list_item" else None
                if triple:              # "• Move to settled accommodation – Gary Nwosu – 31st July 2025"
                    found.append(triple)
                    continue
                second = _SECOND_TASK.search(text, s, e) if in_section else None
                if second:              # "Joanne will keep a log, and Owen will refer Reggie to play therapy"
                    pair = [self._sentence(doc, starts, s, second.start(), dates), self._sentence(doc, starts, second.end(), e, dates)]
                    if all(pair):
                        found.extend(pair)
                        continue
                if m and self.cues.imperative.match(text, s, e):
                    # "Action: Complete a single assessment" (its owner on a "Responsible:" line below, if any)
                    due, due_text = self._due(doc, starts, dates, s, e)
                    what = _DUE_TAIL.sub("", " ".join(text[s:e].split())).strip(" .;,")   # as written, asides too
                    if len(what.split()) >= 2:
                        found.append(FoundAction(what=what, evidence=evidence_at(doc, s, e, starts), owner=None,
                                                 due=due, due_text=due_text))
                        continue
                sentences = [(x.start(), x.end()) for x in _SENT.finditer(text, s, e) if x.group(0).strip()]
                head = _DASH_HEAD.match(line) if in_section and len(sentences) > 1 else None
                if head and self._dash_owner(head.group("owner")):
                    # "Marianne - visit you every week. Ask for a review of the plan by Friday.": the owner of every task
                    found.extend(self._owner_line(doc, starts, dates, sentences, " ".join(head.group("owner").split())))
                    continue
                if len(sentences) > 1 or (in_plan and block_kind != "list_item") or len(line.split()) > 25:
                    found.extend(self._sentences(doc, starts, s, e, dates))
                    continue
                sentence = self._sentence(doc, starts, s, e, dates)
                if sentence is not None:
                    if sentence:
                        found.extend(_and_will(doc, starts, sentence, s, e))
                    continue
                if not m and not _looks_like_action(line, block_kind, self.cues.action_line):
                    continue
                for es, ee in self._entries(text, s, e):
                    action = self._parse(doc, starts, es, ee, dates)
                    if action:
                        found.append(action)
        from_resolutions = self._from_resolutions(doc, dates)
        found.extend(from_resolutions)
        found.extend(self._promised(doc, starts, sections, kinds, dates, from_resolutions))
        seen: set = set()
        unique = []
        for a in found:                 # one action per sentence, whichever reader found it first
            tidy = re.sub(r"\s*\((?:by|due|before|deadline)\b[^)]*\)\s*$", "", a.what.rstrip(" \t.;,:-–—"), flags=re.I) or a.what
            owner = re.sub(r"\s*\((?:by|due|before|deadline)\b[^)]*\)\s*$|,\s*(?:by|due|before|deadline)\b.*$", "", a.owner,
                           flags=re.I) if a.owner else a.owner         # "(SW, by Friday)": the owner is SW
            if tidy != a.what or owner != a.owner:   # "send the plan — by 19/11/2026", "AD Early Help (by 30 June)"
                a = replace(a, what=tidy, owner=owner or None)
            keys = {(a.evidence.block, a.evidence.start), (a.what.lower(), (a.owner or "").lower())}
            if not keys & seen:
                unique.append(a)
            seen |= keys
        heads, head_lines = self._owner_heads(doc, kinds)
        unique = [replace(a, owner=heads[a.evidence.block]) if a.owner is None and a.evidence.block in heads else a
                  for a in unique if a.evidence.block not in head_lines]      # "Health Visitor:" over "- Weigh Ava fortnightly": the heading names the owner
        doc._.actions = pack(unique)
        return doc

    def _owned(self, doc, starts, dates, start: int, end: int, tag: re.Match) -> FoundAction | None:
        """A task line that names its owner in a tag: "(GW)", "– TR" or "(Owner: Ian Ford, Due: 12 June 2025)"."""
        text = text_of(doc)
        while start < end and text[start] in " \t-*•>":
            start += 1
        line = text[start:end]
        tag = self._owner_tag(line) or tag
        what = (line[:tag.start()] + line[tag.end():]).strip()
        resolved = list(_RESOLVED_DASH.finditer(what))
        if resolved:                    # "Parking is an issue. Resolved – to contact The Old School ...": the resolution's task
            what = what[resolved[-1].end():]
        what = _DASHES.split(what)[0] if _BY.fullmatch(" " + _DASHES.split(what)[-1]) or len(_DASHES.split(what)) > 1 and self.cues.due_part.fullmatch(_DASHES.split(what)[-1]) else what
        inner = self.cues.sentence.match(what)          # "Public Health to review the data": the tag names the lead
        if inner and not self._no_owner(" ".join(inner.group("owner").split())):
            what = inner.group("what")
        what = _BY.sub("", what).strip(" .;,-–—") or what
        if len(what.split()) < 2:
            return None
        if "due" in tag.groupdict() and tag.group("due"):
            due, due_text = self._due(doc, starts, dates, start + tag.start("due"), start + tag.end("due"))
        else:
            due, due_text = self._due(doc, starts, dates, start, end)
        owner = " ".join(tag.group("owner").split())
        return FoundAction(what=self._clean_tail(what), evidence=evidence_at(doc, start, end, starts), owner=owner, due=due, due_text=due_text)

    def _owner_tag(self, line: str) -> re.Match | None:
        """The owner tag of a task line: labelled fields in brackets, initials after the last dash, or
        initials in brackets at the end of the task (only a when or a status after them).  Not the role
        of a person named first ("Priya Shah (SW) - initiate ...") nor an abbreviation inside the task."""
        tag = _FIELDS_ASIDE.search(line) or _TAIL_OWNER.search(line)
        if tag:
            return tag
        tag = _BRACKET_OWNER.search(line)
        if tag is None or _DASHES.search(line[:tag.start()]) or len(line[:tag.start()].split()) < 2:
            return None
        after = line[tag.end():].strip(" .;,")
        if not after:
            return tag
        parts = _DASHES.split(" " + after)
        if parts[0].strip() or not all(_BY.fullmatch(" " + p) or self.cues.due_part.fullmatch(p)
                                       or self.cues.status_tail.search(" - " + p) for p in parts[1:]):
            return None
        return tag

    def _clean_tail(self, what: str) -> str:
        what = self.cues.status_tail.sub("", what)
        return " ".join(what.split()).strip(" .;,-–—")

    def _no_owner(self, owner: str) -> bool:
        """"Who", "It", "All": words that sit where an owner would; not "All members" or "the Officers"."""
        lower = " ".join(owner.lower().split())
        if _RESOLVING.search(owner):
            return True                 # "The Panel NOTED the report and AGREED to ...": a resolution, not an owner
        if lower in self.cues.groups or re.sub(r"^the\s+", "", lower) in self.cues.groups:
            return False
        words = lower.split()
        if not words or words[-1].endswith(("'s", "’s")):
            return True                 # "agreed that Dad's contact with TJ stays supervised": a possessive owns nothing
        if len(words) >= 2 and owner[:1].isupper() and words[0] in self.cues.imperative_words and words[0] not in given_names():
            return True                 # "Transfer Freya to the Heron Close team": a task opening with its verb, not an owner
        return lower in self.cues.not_owners or words[0] in self.cues.not_owners or words[-1] in self.cues.not_owner_heads

    def _tagged_inline(self, doc, starts, dates, start: int, end: int, owner: str) -> FoundAction | None:
        """The last sentence of text[start:end], owned by the tag after it."""
        text = text_of(doc)
        last = None
        for m in _SENT.finditer(text, start, end):
            if text[m.start():m.end()].strip():
                last = m
        if last is None:
            return None
        a = last.start() + len(last.group(0)) - len(last.group(0).lstrip())
        found = self._sentence(doc, starts, a, last.end(), dates)
        if found:
            return replace(found, owner=owner)
        lead = re.match(r"(?:[^.;]{0,60}?\b(?:asked|requested|agreed|suggested|proposed)\s+that\s+)", text[a:last.end()])
        plain = self._plain(doc, starts, dates, a + (lead.end() if lead else 0), last.end())   # "... asked that X be confirmed"
        return replace(plain, owner=owner) if plain and len(plain.what.split()) >= 3 else None

    def _tagged(self, doc, starts, dates, index: int, line_start: int, owner: str) -> FoundAction | None:
        """The last sentence before an "Action: <owner>" line, in its block or the block before."""
        text = text_of(doc)
        blocks = doc.spans["blocks"]
        lo = blocks[index].start_char
        if not text[lo:line_start].strip() and index > 0:
            lo, line_start = blocks[index - 1].start_char, blocks[index - 1].end_char
        last = None
        for x in _SENT.finditer(text, lo, line_start):
            if x.group(0).strip():
                last = x
        if last is None or self.cues.action_line.match(last.group(0)) or len(last.group(0).split()) > 45:
            return None
        start = last.start() + len(last.group(0)) - len(last.group(0).lstrip())
        what = _AGREED_LEAD.sub("", last.group(0).strip()).strip(" .;,")
        if len(what.split()) < 3:
            return None
        due, due_text = self._due(doc, starts, dates, start, last.end())
        return FoundAction(what=what, evidence=evidence_at(doc, start, last.end(), starts), owner=owner, due=due, due_text=due_text)

    def _entries(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """A terse line holding two entries whose line break was lost:
        "EF CAMHS - offer appt at home - by 30/1 mum - lock phones away at night" -> two entries."""
        out = []
        pos = start
        for m in self.cues.restart.finditer(text, start, end):
            out.append((pos, m.end("due")))
            pos = m.start("owner")
        out.append((pos, end))
        return out

    def _sentences(self, doc, starts, start: int, end: int, dates, conditional: bool = False) -> list[FoundAction]:
        """The tasks of the sentences in the range; "She will also ..." is the task of the owner of
        the sentence before, and "... and will write a plan" is a second task of the same owner."""
        out = []
        text = text_of(doc)
        for m in _SENT.finditer(text, start, end):
            clauses = self._clauses(doc, starts, m.start(), m.end(), dates, conditional)
            if clauses:                 # "Social worker will hold ...; health visitor will arrange ...; mum will ..."
                out.extend(clauses)
                continue
            action = self._sentence(doc, starts, m.start(), m.end(), dates, conditional)
            pronoun = _PRONOUN_TASK.match(text, m.start(), m.end()) if not action and out else None
            if pronoun:                 # "Ayesha Khan will complete ... She will arrange a family network meeting"
                due, due_text = self._due(doc, starts, dates, m.start(), m.end(), skip=_STARTING)
                what = self._clean_what(doc, starts, dates, pronoun.start("what"), m.end())
                if pronoun.group("cond"):   # "If concerns are substantiated she will ask ..." -> "ask ... if concerns are substantiated"
                    what = f"{what} if {' '.join(pronoun.group('cond').split())}"
                if len(what.split()) >= 2:
                    action = FoundAction(what=what, evidence=evidence_at(doc, m.start(), m.end(), starts),
                                         owner=out[-1].owner, due=due, due_text=due_text)
            if action:
                out.extend(_and_will(doc, starts, action, m.start(), m.end()))
        return out

    def _owner_heads(self, doc, kinds) -> tuple[dict[int, str], set[int]]:
        """{block: owner} for the list items under a line that is only an owner and a colon
        ("Social Worker (Mia Reed):", "Mother:", "Police -") or only an owner ("Josie (HV)"), and the
        blocks of those owner lines."""
        texts = block_texts(doc)
        out: dict[int, str] = {}
        lines: set[int] = set()
        owner = None
        for i, text in enumerate(texts):
            kind = kinds[i][0] if i < len(kinds) else None
            head = _OWNER_HEAD.fullmatch(text.strip())
            bare = _BARE_OWNER.fullmatch(text.strip()) if kind == "paragraph" and i + 1 < len(kinds) \
                and kinds[i + 1][0] == "list_item" else None
            if head and self._owner_like(head.group("owner")) and _owner_word(head.group("owner")):
                owner = head.group("owner")
            elif bare and self._bare_owner(bare.group("owner")):
                owner = bare.group("owner")     # "Josie (HV)" on a line of its own over "> Send the HV report ..."
                lines.add(i)                    # the line itself is no task
            elif owner and kind == "list_item":
                out[i] = owner
            else:
                owner = None
        return out, lines

    @staticmethod
    def _bare_owner(owner: str) -> bool:
        """"Leanne", "Carys (SW)", "Mrs Crane (school)": a given name, a role or agency, or a name with one in brackets."""
        aside = re.search(r"\(([^()]+)\)", owner)
        return (_owner_word(owner) or owner.split()[0].lower() in given_names()
                or bool(aside) and _owner_word(aside.group(1).strip()))

    def _clauses(self, doc, starts, start: int, end: int, dates, conditional: bool) -> list[FoundAction]:
        """The tasks of a sentence whose clauses, between semicolons, each give an owner a task (none
        unless two or more of them do)."""
        text = text_of(doc)
        cuts = [m.start() for m in re.finditer(r";\s+", text[start:end])]
        if not cuts:
            return []
        bounds = [start] + [start + c + 1 for c in cuts] + [end]
        found = [self._sentence(doc, starts, a, b - 1 if b < end else b, dates, conditional) for a, b in zip(bounds, bounds[1:])]
        tasks = [f for f in found if f]
        return tasks if len(tasks) >= 2 else []

    def _sentence(self, doc, starts, start: int, end: int, dates, conditional: bool = False,
                  pattern: re.Pattern[str] | None = None) -> FoundAction | None | bool:
        """One sentence "<owner> <will|to|has agreed to> <task> [by <date>]" -> an action; None when the
        sentence is not of that shape, False when it is but names no task (an agenda purpose, a heading)."""
        text = text_of(doc)
        enum = _ENUMERATOR.match(text, start, end)
        if enum:                        # "(1) JH to write to the ICB. (2) All partners to ...": one sentence per number
            start = enum.end()
        condition = _IF.match(text, start, end) if conditional else None
        note = _PROGRESS_NOTE.search(text, start, end)
        if note and len(text[start:note.start()].split()) >= 4:
            end = note.start()          # "Cllr Radley to put forward a paper – Please see report from ...": a progress note
        m = (pattern or self.cues.sentence).match(text, condition.end() if condition else start, end)
        if not m or len(text[start:end].split()) > 60:
            return None
        owner = " ".join(m.group("owner").split())
        if self.cues.imperative.match(owner):
            return None                 # "Refer Mr Dale to the recovery service": a task, no owner
        if self._no_owner(owner):
            return False                # "Who will do what by when"
        what_start, what_end = m.start("what"), m.end("what")
        if _NEW_SUBJECT.search(text, what_start, what_end):
            return False                # "SW to call a strategy discussion and legal planning meeting will be considered": garbled
        if m.group("modal").lower() == "to" and self.cues.agenda.search(owner) and self.cues.agenda_verbs.match(m.group("what")):
            return False                # "The Board to note the minutes": an agenda item's purpose
        due, due_text = self._due(doc, starts, dates, start, end, skip=_STARTING)
        what = self._clean_what(doc, starts, dates, what_start, what_end)
        if condition:                   # "if the order is breached again, SW to convene ..." -> "convene ... if the order is breached again"
            what = f"{what} if {' '.join(condition.group('cond').split())}"
        if len(what.split()) < 2 or _NEXT_MEETS.match(what):
            return False                # "The core group will next meet on Monday 6 July 2026": a booking, no task
        return FoundAction(what=what, evidence=evidence_at(doc, start, end, starts), owner=owner, due=due, due_text=due_text)

    def _clean_what(self, doc, starts, dates, start: int, end: int) -> str:
        """The task without its when: cut at the first date ("by 16 January 2026", "on 6th February 2026 and ..."),
        at a trailing when or purpose, and without long bracketed asides."""
        text = text_of(doc)
        what = text[start:end]
        ev = evidence_at(doc, start, end, starts)
        inside = sorted((d.evidence.start - ev.start, d.evidence.end - ev.start) for d in dates.get(ev.block, ())
                        if ev.start <= d.evidence.start < ev.end)
        if inside:
            head = what[:inside[0][0]]
            lead = _DATE_LEAD.search(head)
            more = _AND_WILL.search(what, inside[0][1])
            if lead and more and not what[inside[0][1]:more.start()].strip(" ,"):
                what = head[:lead.start()] + what[more.start():]   # "attend ... on 19/05 and to give consent ...": two tasks
            elif lead:
                what = head[:lead.start()]
            elif not what[inside[0][1]:].strip(" .;,)"):
                what = head
        what = re.split(r";\s+(?=[A-Z])", what, maxsplit=1)[0]   # "...; Dean to be offered ...": another entry's clause
        what = _MID_WHEN.sub("", what)                 # "do a home visit before the next core group to look at ...": its when
        label = self.cues.inline_action.search(what)
        what = what[:label.start()] if label else what  # "... after Easter - ACTION: school to start ...": the next task
        what = _INCLUDING.sub("", what)
        what = _LONG_ASIDE.sub("", what)
        what = self.cues.trailing.sub("", what.rstrip(" .;,"))
        what = self.cues.status_tail.sub("", what)     # "... – LGS COMPLETE": a progress note
        what = _MONTH_TAIL.sub("", what)               # "arrange an audit - June 2021": its when
        return " ".join(what.split()).strip(" .;,-")

    def _requests(self, doc, starts, span, dates, cue: bool) -> list[FoundAction]:
        """Spoken tasks in a transcript turn: "Liam, can you update the plan by the 24th?"."""
        out = []
        text = text_of(doc)
        for m in _SENTENCE.finditer(text, span.start_char, span.end_char):
            sentence = m.group(0)
            r = _REQUEST.match(sentence) or (_ADDRESSED.match(sentence) if cue else None)
            if not r:
                continue
            s, e = m.start(), m.end()
            due, due_text = self._due(doc, starts, dates, s, e)
            what = self._clean_what(doc, starts, dates, s + r.start("what"), e).strip(" .?;,")
            if what == r.group("what").strip(" .?;,"):      # no date inside: a when in words ("by Friday", "ongoing")
                what = _BY.sub("", what).strip(" .?;,")
            what = re.sub(r"(?i)\s+(?:by|before)\s+the\s+end\s+of\s+\w+(?:,\s*so)?$", "", what).strip(" .?;,")
            out.append(FoundAction(what=what, evidence=evidence_at(doc, s, e, starts), owner=r.group("owner"), due=due, due_text=due_text))
        return out

    def _promised(self, doc, starts, sections, kinds, dates, resolved: list[FoundAction]) -> list[FoundAction]:
        """Narrative undertakings in minutes: "A briefing note would be circulated to Members",
        "The Director agreed to write to the school", "Board members were asked to identify ...",
        "The Committee requested that an update be provided to Members"."""
        out = []
        text = text_of(doc)
        taken = {(a.evidence.block, a.evidence.start) for a in resolved}
        for i, span in enumerate(doc.spans["blocks"]):
            sec = sections[i] if i < len(sections) else BlockSection(None)
            kind = kinds[i][0] if i < len(kinds) else span.label_
            if kind not in ("paragraph", "list_item") or self.rules.kind(sec.section) in ("attendance", "actions") \
                    or sec.section in ("plan", "contingency"):
                continue                # an outline plan is read as the actions or not at all (see __call__)
            decision = self.rules.kind(sec.section) == "decision"
            for m in _SENT.finditer(text, span.start_char, span.end_char):
                sentence = m.group(0).strip()
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                ev = evidence_at(doc, start, m.end(), starts)
                if (ev.block, ev.start) in taken or decision and re.match(r"(?i)(?:that|resolved)\b", sentence):
                    continue            # a resolution: read by _from_resolutions
                action = self._sentence(doc, starts, start, m.end(), dates, pattern=self.cues.infinitive)
                if action is None and "; " in sentence:     # "Members asked for X; the Director undertook to provide this"
                    last = start + len(sentence) - len(sentence.rsplit("; ", 1)[1])
                    action = self._undertaking(doc, starts, dates, sentence.rsplit("; ", 1)[1], last, m.end(), resolved)
                if action is None:
                    action = self._undertaking(doc, starts, dates, sentence, start, m.end(), resolved)
                if not action:          # "Jo Hart will refer Jayden to audiology by 20 March": a person's undertaking
                    action = self._narrative_will(doc, starts, dates, sentence, start, m.end())
                if not action:          # "... had not received the letter; CO to resend the letter."
                    for clause in re.finditer(r";\s+", text[start:m.end()]):
                        action = self._sentence(doc, starts, start + clause.end(), m.end(), dates, pattern=self.cues.infinitive)
                        if action:
                            break
                if action:
                    out.append(action)
        return out

    def _narrative_will(self, doc, starts, dates, sentence: str, start: int, end: int) -> FoundAction | None:
        """"<person> will|has agreed to <task>" in the narrative, owned by a named person or a family or
        professional role ("Mum has agreed to ...", "The health visitor will ..."), not a body or a pronoun."""
        action = self._sentence(doc, starts, start, end, dates)
        if not action or not _NARRATIVE_MODAL.search(sentence) or self.cues.not_tasks.match(action.what):
            return None         # "Ruby will remain subject to a plan": a status, not a task
        if self.cues.agenda.search(action.owner or "") or not self._personal_owner(action.owner or ""):
            return None
        return action

    def _resolved_will(self, doc, starts, dates, sentence: str, start: int, end: int) -> FoundAction | None:
        """"<owner> will <task>" agreed by the meeting: any named person or post owns it ("the
        Business Manager will write to ..."), not the body itself or a pronoun."""
        action = self._sentence(doc, starts, start, end, dates)
        if not action or not _NARRATIVE_MODAL.search(sentence) or self.cues.not_tasks.match(action.what):
            return None
        owner = action.owner or ""
        if self.cues.agenda.search(owner) or not re.match(r"(?:(?i:the)\s+)?[A-Z]", owner):
            return None
        return action

    def _personal_owner(self, owner: str) -> bool:
        words = owner.split()
        bare = re.sub(r"(?i)^(?:the|both|each)\s+", "", owner).lower()
        if bare in self.cues.owner_words:
            return True
        if re.match(_TITLE + r"\s+[A-Z]", owner):
            return True
        return len(words) in (2, 3) and all(w[:1].isupper() for w in words) and words[0].lower() in given_names()

    def _undertaking(self, doc, starts, dates, sentence: str, start: int, end: int,
                     resolved: list[FoundAction] = ()) -> FoundAction | None:
        owner = None
        p = _PROMISE.search(sentence)
        passive = _passive(self.cues.passive)
        weak = _passive(self.cues.passive_meeting)
        would = passive["would"].search(sentence) or (self.cues.audience.search(sentence) and weak["would"].search(sentence))
        if would and _QUESTION.search(sentence, 0, would.start()):
            return None                 # "Councillor X asked whether the figures would be shared with schools"
        which = _WHICH.search(sentence, 0, would.start() + 1) if would else None
        if which and which.end() == would.start():
            # "The Executive approved a step down policy, which will be circulated to all members ..."
            clause = re.split(r",|;|\s+and\s+(?!(?:\w+ed|sent|shared)\b)", sentence[would.start():])[0]
            what = f"{which.group('np')} {clause}"
            return self._undertaken(doc, starts, dates, start, end, what, None)
        if len(sentence.split()) > 45:
            return None
        to_be = passive["to_be"].match(sentence)
        said = _SAID_WOULD.match(sentence) if not p else None
        back = _REPORT_BACK.search(sentence) if not p and not said else None
        if said and not self._no_owner(said.group("owner")):
            owner, what = said.group("owner").strip(), said.group("what")   # "The Head of Service confirmed she would provide ..."
        elif back:                      # "It was agreed that a further report would come back to the Committee in March"
            what = back.group("what")
        elif p:
            owner, what = p.group("owner").strip(), p.group("what")
        elif to_be:                     # "Minutes to be circulated by the Clerk"
            owner, what = to_be.group("owner"), to_be.group("what")
        elif would:
            what = sentence
            agreed = list(_THAT.finditer(sentence, 0, would.start()))
            if agreed:                  # "X agreed that a briefing note ... will be shared with the Committee"
                what = sentence[agreed[-1].end():]
        else:
            r = _ASKED(self.cues.task_verbs).match(sentence) or _WOULD_DO(self.cues.task_verbs).search(sentence)
            ownerless = None
            if r and self._no_owner(r.group("owner")):
                ownerless, r = r, None  # "It was agreed that officers would ...": the owner is after "that" (below), else none
            will = _WILL_DO(self.cues.task_verbs).match(sentence) if not r else None
            if will and not self._no_owner(will.group("owner")) \
                    and not re.match(r"(?i)meet\s+(?:again\s+)?(?:on|in|at|next|every)\b[^,;]*$", will.group("what").strip(" .")):
                r = will                # "Officers will circulate the figures"; not "The Board will meet on 5 May"
            if not r:                   # "It was agreed that the Head of Service would circulate ...", "asked that the Police provide ..."
                r = self.cues.that_do.search(sentence)
                if r and (self._no_owner(r.group("owner")) or _QUESTION.search(sentence, 0, r.start())):
                    r = None
            if r:
                owner, what = r.group("owner").strip(), r.group("what")
            elif ownerless:
                what = ownerless.group("what")
            elif self.cues.request.match(sentence):     # "The Committee requested a briefing note on school exclusions"
                asked = self.cues.request.match(sentence)
                if any(re.search(rf"(?i)\b{re.escape(asked.group('noun'))}\b", a.what) for a in resolved):
                    return None         # "The Chair requested an update ..." then "Resolved: That a further update be provided ..."
                what = asked.group("what")
            else:
                r = passive["that"].search(sentence)
                if not r and self.cues.audience.search(sentence):
                    r = weak["that"].search(sentence)
                if not r:
                    return None
                what = r.group("what")
                action_of = _ACTION_OF.search(what) or _ACTION_OF.match(text_of(doc), end, min(end + 80, len(text_of(doc))))
                if action_of:           # "... are released. (Action: Mr Ian Harrison)"
                    owner = action_of.group(1).strip()
                    what = what[:action_of.start()] if action_of.string is what else what
        return self._undertaken(doc, starts, dates, start, end, what, owner)

    def _undertaken(self, doc, starts, dates, start: int, end: int, what: str, owner: str | None) -> FoundAction | None:
        if owner and owner.lower() in self.cues.not_owners:
            owner = None
        due, due_text = self._due(doc, starts, dates, start, end)
        what = self.cues.trailing.sub("", what.strip(" .;,")).strip(" .;,")
        if due:                         # "... write to the Minister by 1 June 2026": the when is the due, not the task
            what = _DUE_TAIL.sub("", what).strip(" .;,")
        if len(what.split()) < 3:
            return None
        return FoundAction(what=what, evidence=evidence_at(doc, start, end, starts), owner=owner, due=due, due_text=due_text)

    def _from_resolutions(self, doc, dates) -> list[FoundAction]:
        """Resolutions that give someone a task: "That the Head of Service provide figures ...",
        "That a further update be provided to a future Board meeting"."""
        from .found import FoundDecision

        out = []
        passive = _passive(self.cues.passive)
        weak = _passive(self.cues.passive_meeting)
        text = text_of(doc)
        starts = block_starts(doc)
        origin = {evidence_at(doc, st, st, starts).block: st - evidence_at(doc, st, st, starts).start for st in starts}
        for d in unpack(FoundDecision, doc._.decisions):
            m = _RESOLUTION_TASK.match(d.text)
            due = next((x.value for x in dates.get(d.evidence.block, ()) if d.evidence.start <= x.evidence.start < d.evidence.end), None)
            if m and not passive["be"].search(m.group("what")) and not _RESOLVING.search(m.group("owner")) \
                    and not re.search(r"(?i)\bthe$", m.group("owner")):   # not "The Panel NOTED the | report and AGREED ..."
                what = _TRAILING_WHEN.sub("", m.group("what")).strip(" .;,")
                owner = re.sub(r"\s+(?:be|is|are)\s+(?:requested|asked)\s+to$", "", m.group("owner").strip())
                out.append(FoundAction(what=what, evidence=d.evidence, owner=owner, due=due))
                continue
            if d.evidence.block in origin:  # "Agreed: Business Manager to update the risk register"
                a, b = origin[d.evidence.block] + d.evidence.start, origin[d.evidence.block] + d.evidence.end
                owned = self._sentence(doc, starts, a, b, dates, pattern=self.cues.infinitive) \
                    or self._resolved_will(doc, starts, dates, d.text, a, b)   # "Agreed: the Business Manager will write ..."
                if owned and not self.cues.not_tasks.match(owned.what):
                    out.append(owned)
                    continue
            to_be = passive["to_be"].match(d.text)
            if to_be:
                owner = to_be.group("owner")
                out.append(FoundAction(what=to_be.group("what").strip(" .;,"), evidence=d.evidence,
                                       owner=owner if owner and owner.lower() not in self.cues.not_owners else None, due=due))
                continue
            p = passive["resolution"].match(d.text) or (self.cues.audience.search(d.text) and weak["resolution"].match(d.text))
            end = origin[d.evidence.block] + d.evidence.end if d.evidence.block in origin else len(text)
            action_by = _ACTION_BY.match(text, end, min(end + 200, len(text)))
            if action_by:                      # ModernGov decision sheets: "Action by: CORPORATE DIRECTOR (A. DALVI)"
                what = _AS_REQUIRED.sub("", re.sub(r"^\s*(?i:that)\s+", "", d.text)).strip(" .;,")
                what = re.sub(r";?\s*(?:and|or)$", "", what).strip(" .;,")
                out.append(FoundAction(what=what, evidence=d.evidence, owner=" ".join(action_by.group(1).split()), due=due))
                continue
            if p:
                what = _BEFORE_WHEN.sub("", p.group("what")).strip(" .;,")
                end = origin[d.evidence.block] + d.evidence.end if d.evidence.block in origin else len(text)
                action_of = _ACTION_OF.match(text, end, min(end + 80, len(text)))     # "... (Action: Mr Ian Harrison)"
                out.append(FoundAction(what=what, evidence=d.evidence, owner=action_of.group(1).strip() if action_of else None, due=due))
        return out

    def _due(self, doc, starts, dates: list[FoundDate], start: int, end: int, skip: re.Pattern[str] | None = None) -> tuple[str | None, str | None]:
        """The last date in the range (not one that `skip` matches just before: "starting on 2 February")."""
        ev_start = evidence_at(doc, start, start, starts)
        ev_end = evidence_at(doc, end, end, starts)
        inside = [d for d in dates.get(ev_start.block, ()) if ev_start.start <= d.evidence.start < ev_end.end]
        if skip is not None:
            text = text_of(doc)
            inside = [d for d in inside if not skip.search(text, max(start, start + d.evidence.start - ev_start.start - 30),
                                                            start + d.evidence.start - ev_start.start)]
        if inside:
            return inside[-1].value, None
        words = _DUE_WORDS.search(text_of(doc)[start:end])
        return None, (words.group(1) if words else None)

    def read_task(self, doc, starts, start: int, end: int, dates) -> FoundAction | None:
        """Text[start:end] read as one task (owner before "to"/"will", due date), or None."""
        return self._parse(doc, starts, start, end, dates)

    def _parse(self, doc, starts, start: int, end: int, dates) -> FoundAction | None:
        while start < end and text_of(doc)[start] in " \t-*•>":
            start += 1
        text = text_of(doc)[start:end].strip()
        if len(text) < 4:
            return None
        due, due_text = self._due(doc, starts, dates, start, end)
        owner = None
        what = text
        parts = _DASHES.split(text)
        if len(parts) >= 2:
            body = [p for p in parts if not _BY.fullmatch(" " + p) and not re.fullmatch(r"(?i)\s*(by\b.*|ongoing.*|w/c.*|first\b.*|next\s+\d.*|tbc|tba|to\s+be\s+confirmed|asap)\.?\s*", p)
                    and not self.cues.due_part.fullmatch(p)]
            if len(body) >= 2:
                first, second = body[0], body[1]
                if self._owner_part(first):
                    owner, what = first, " - ".join(body[1:])
                elif len(second.split()) <= 5 and _OWNER_HINT.search(second):
                    owner, what = second, " - ".join([body[0]] + body[2:])
                else:
                    what = " - ".join(body)
            elif body:
                what = body[0]
        if owner is None:
            colon = _OWNER_COLON.match(what)
            if colon:
                owner, what = colon.group("owner"), colon.group("what")
        if owner is None:
            what = _HELPER_ASIDE.sub(r"\1", what, count=1)   # "Miss Fell, with support from Ms Ruston, to clear ..."
            m = _TO.match(what)
            if m and len(m.group("owner").split()) <= 6 and not m.group("owner").lower().startswith(("need", "want", "plan", "agreed", "continue", "refer")):
                if re.search(r"\b[a-z]{2,}ed$", m.group("owner")) and not re.search(r"\b(?:was|were|is|are)\s+\w+ed$", m.group("owner")):
                    return None         # "The family moved to the area in March.": a past event, no task
                first = m.group("owner").split()[0]
                if not (first[:1].isupper() and first.lower() in self.cues.imperative_words and first.lower() not in given_names()):
                    owner, what = m.group("owner"), m.group("what")   # not "Take Bella to the SALT appointment"
        owner = owner.strip(" ,;:-") if owner else None
        if owner and self._no_owner(owner):
            return None                 # "Who will do what by when": a heading, not a task
        if owner and self.cues.agenda.search(owner) and self.cues.agenda_verbs.match(what.strip()):
            return None                 # "The Board to note the minutes ...": an agenda item's purpose
        what = _LONG_ASIDE.sub("", what)
        cut = _BY.sub("", what).strip(" .;,-")
        what = cut if len(cut.split()) >= 2 else what.strip()   # not "Visit" of "Visit before the RCPC, including ..."
        return FoundAction(what=what, evidence=evidence_at(doc, start, end, starts), owner=owner, due=due, due_text=due_text)

    def _task_owner_when(self, doc, starts, dates, start: int, end: int) -> FoundAction | None:
        """A plan line of three dash-separated parts, task – owner – timescale: the middle part is a name
        or a role, the last a date or a timescale ("by 34 weeks", "ongoing", "immediately")."""
        text = text_of(doc)
        while start < end and text[start] in " \t-*•>·":
            start += 1
        parts = _DASHES.split(text[start:end].strip(" .;"))
        if len(parts) != 3:
            return None
        what, owner, when = (p.strip() for p in parts)
        due, due_text = self._due(doc, starts, dates, start + text[start:end].rfind(when), end)
        timescale = due or self.cues.due_part.fullmatch(parts[2]) or _BY.fullmatch(" " + when) or _DUE_WORDS.fullmatch(when)
        core = re.split(r",?\s+(?:with|and|&|\+)\s+", re.sub(r"\s*\([^()]{1,25}\)$", "", owner))[0]   # "Hollie Sampson (SW)", "Ms Dobbin, with Tanya Greer"
        named = _NAME_ONLY.fullmatch(core) or self.cues.owner_hint.match(core) or _OWNER_HINT.fullmatch(core)
        if not timescale or not named or len(owner.split()) > 6 or len(what.split()) < 2 or self._no_owner(owner):
            return None
        return FoundAction(what=what, evidence=evidence_at(doc, start, end, starts), owner=owner, due=due,
                           due_text=due_text or (None if due else when))

    def _owner_part(self, part: str) -> bool:
        """A dash-separated part of a task line that names its owner: "Mum", "PC Stanforth", "SW"."""
        return len(part.split()) <= 5 and bool(_OWNER_HINT.search(part) or _NAME_ONLY.fullmatch(part.strip())
                                               or self.cues.owner_hint.match(part))

    def _dash_owner(self, owner: str) -> bool:
        """The part before the first dash of a task line is its owner, and a word such as "If" is none."""
        owner = " ".join(owner.split())
        return self._owner_part(owner) and not self._no_owner(owner)

    def _owner_line(self, doc, starts, dates, sentences: list[tuple[int, int]], owner: str) -> list[FoundAction]:
        """The tasks of a line "Owner - task. Task.": the first read as a dashed task, each later one
        that opens with a task verb given the same owner; a later sentence with an owner of its own keeps it."""
        text = text_of(doc)
        out = []
        for k, (a, b) in enumerate(sentences):
            if k == 0:
                action = self._parse(doc, starts, a, b, dates)
            elif self.cues.imperative.match(text, a, b):
                action = self._plain(doc, starts, dates, a, b)
                action = replace(action, owner=owner) if action else None
            else:
                action = self._sentence(doc, starts, a, b, dates) or None
            if action:
                out.append(action)
        return out

    def _owner_like(self, words: str) -> bool:
        """A short owner written in brackets or after a dash: "SW Aaron", "HV", "Kirsty Hale, Dunmere",
        "mum + SW + PC Sandhu"; not an aside such as "if needed" or "see above"."""
        words = " ".join(words.split())
        if not words or len(re.findall(r"\w+", words)) > 5 or self._no_owner(words):
            return False
        return bool(self.cues.owner_hint.match(words) or _NAME_ONLY.fullmatch(words.split(",")[0].strip())
                    or _OWNER_HINT.search(words) or re.fullmatch(rf"{_INITIALS}(?:\s*[/,&+]\s*{_INITIALS})*", words))

    def _terse_task(self, doc, starts, dates, start: int, end: int) -> FoundAction | None:
        """A terse plan bullet whose owner is in brackets at its start or at the end of a part, or is the
        part after a dash, and whose parts are split by dashes: "(HV) catch up immunisations – by 20.6.25", "beds for both kids – by
        w/c 16th June (SW)", "– asap: share the order with Kestrelby SW (PC Sandhu)"."""
        text = text_of(doc)
        if _FIELDS_ASIDE.search(text, start, end):
            return None                 # "... (Lead: Rhiannon Kaye, weekly)": labelled fields, read by _owned
        while start < end and text[start] in " \t-*•>·–—":
            start += 1
        line = text[start:end].rstrip(" .;")
        owner, when = None, None
        lead = re.match(r"\((?P<owner>[^()]{1,40})\)\s*", line)
        if lead and self._owner_like(lead.group("owner")):
            owner, line = lead.group("owner"), line[lead.end():]
        asap = re.match(r"(?i)(?P<when>asap|urgent(?:ly)?|immediately|today)\s*[:\-–]\s*", line)
        if asap:                        # "asap: share the order ..."
            when, line = asap.group("when"), line[asap.end():]
        parts = []
        for part in _DASHES.split(line):
            tail = re.search(r"\s*\((?P<owner>[^()]{1,40})\)\s*$", part)
            if tail and owner is None and self._owner_like(tail.group("owner")):
                owner, part = tail.group("owner"), part[:tail.start()]
            if part.strip():
                parts.append(part.strip())
        if len(parts) == 2 and owner is None and self._owner_like(parts[1]) and not _BY.fullmatch(" " + parts[1]):
            owner = parts.pop()         # "safety plan re Liam incl. what to do if he turns up – mum + SW + PC Sandhu"
        if owner is None or not parts or len(parts) > 2:
            return None
        what = parts[0]
        if len(parts) == 2:
            rest = parts[1]
            if not (_BY.fullmatch(" " + rest) or self.cues.due_part.fullmatch(rest) or _DUE_WORDS.fullmatch(rest)):
                return None
        elif _BY.search(what):
            what = _BY.sub("", what).strip(" .;,-–—") or what     # "send the file by 17/6/25 (KH)"
        if len(what.split()) < 2:
            return None
        due, due_text = self._due(doc, starts, dates, start, end)
        return FoundAction(what=" ".join(what.split()), evidence=evidence_at(doc, start, end, starts),
                           owner=" ".join(owner.split()), due=due, due_text=due_text or when)

    def _only_when(self, doc, starts, dates, start: int, end: int) -> bool:
        """Whether the text holds a date and nothing else but its weekday, time and place in brackets."""
        ev = evidence_at(doc, start, end, starts)
        rest, cut = text_of(doc)[start:end], 0
        inside = [d for d in dates.get(ev.block, ()) if ev.start <= d.evidence.start < ev.end]
        for d in sorted(inside, key=lambda d: d.evidence.start):
            a, b = d.evidence.start - ev.start - cut, d.evidence.end - ev.start - cut
            rest, cut = rest[:a] + rest[b:], cut + b - a
        return bool(inside) and _WHEN_ONLY.fullmatch(rest) is not None

    def _plain(self, doc, starts, dates, start: int, end: int) -> FoundAction | None:
        """The task as written, without an owner ("A birth plan will be shared with the ward")."""
        due, due_text = self._due(doc, starts, dates, start, end)
        what = self._clean_what(doc, starts, dates, start, end)
        return FoundAction(what=what, evidence=evidence_at(doc, start, end, starts), owner=None, due=due,
                           due_text=due_text) if len(what.split()) >= 2 else None

    def _fill(self, doc, starts, dates, actions: list[FoundAction], key: str, start: int, end: int) -> list[FoundAction]:
        """`actions` with the owner or due date of a "Who:" / "By when:" line below them, where they have none."""
        value = text_of(doc)[start:end].strip(" \t.;,")
        if not value:
            return actions
        if key == "owner":
            return [a if a.owner else replace(a, owner=value) for a in actions]
        due, due_text = self._due(doc, starts, dates, start, end)
        return [a if a.due else replace(a, due=due, due_text=due_text or (None if due else value)) for a in actions]

    def _fields(self, doc, starts, dates, line_start: int, fields: dict[str, tuple[int, int]]) -> FoundAction:
        """An action written as labelled fields on one line (who, what, by when)."""
        text = text_of(doc)

        def value(key):
            a, b = fields[key]
            return text[line_start + a:line_start + b].strip()

        due, due_text = (None, None)
        if "due" in fields:
            a, b = fields["due"]
            due, due_text = self._due(doc, starts, dates, line_start + a, line_start + b)
            due_text = due_text or (None if due else value("due"))
        a, b = fields["what"]
        return FoundAction(what=value("what"), owner=value("owner"), due=due, due_text=due_text,
                           evidence=evidence_at(doc, line_start + a, line_start + b, starts))

    def _table(self, doc, starts, span, rows, dates, index, header: Sequence[str] | None = None) -> list[FoundAction]:
        """The tasks of an action table; `header` is the header of a table that these rows go on
        from (its first row is then a task too)."""
        cols = _task_columns(header if header is not None else rows[0])
        if cols is None:
            return []
        from .dates import find_dates
        from .datefinder import dates_from_iso

        out = []
        pos = span.start_char
        lines = span.text.split("\n")
        for r, row in enumerate(rows):
            line_start = pos
            pos += len(lines[r]) + 1 if r < len(lines) else 0
            if r == 0 and header is None:
                continue
            action = self._row(doc, starts, cols, row, line_start, line_start + len(lines[r]) if r < len(lines) else line_start)
            if action:
                out.append(action)
        return out

    def _action_cells(self, doc, starts, span, rows, dates) -> list[FoundAction]:
        """The tasks of the Action column of a minutes table ("Item | Discussion | Action"): each cell
        read as a task line ("Business Manager to circulate the audit by 19 May", "JB to write to ...")."""
        cells = [c.lower().strip() for c in rows[0]]
        col = next((j for j, c in enumerate(cells) if c in ("action", "actions", "action(s)", "actions agreed")), None)
        if col is None or not any(c.startswith(_NOTES_COLUMNS) for j, c in enumerate(cells) if j != col):
            return []
        text = text_of(doc)
        out = []
        pos = span.start_char
        for r, row in enumerate(rows):
            line_end = text.find("\n", pos, span.end_char)
            line_end = span.end_char if line_end < 0 else line_end
            cell = row[col].strip() if r and col < len(row) else ""
            at = text.find(cell, pos, line_end) if cell else -1
            pos = line_end + 1
            if at < 0 or len(cell.split()) < 3:
                continue
            action = (self._sentence(doc, starts, at, at + len(cell), dates, pattern=self.cues.infinitive)
                      or self._sentence(doc, starts, at, at + len(cell), dates) or self._parse(doc, starts, at, at + len(cell), dates))
            if action:
                out.append(action)
        return out

    def _row(self, doc, starts, cols: dict[str, int], row: Sequence[str], line_start: int, line_end: int) -> FoundAction | None:
        """The task of one row of an action table (none for an empty task or a row marked done)."""
        from .dates import find_dates
        from .datefinder import dates_from_iso

        cells = list(row) + [""] * 4
        what = cells[cols["what"]].strip()
        if not what or ("status" in cols and _DONE.match(cells[cols["status"]])):
            return None                     # a task of the last meeting marked done is no task now
        owner = cells[cols["owner"]].strip() if "owner" in cols else None
        due_cell = cells[cols["due"]] if "due" in cols else ""
        mentions = [m for m in find_dates(due_cell, dates_from_iso(doc._.anchor)) if m.value and m.precision == "day"]
        due = mentions[-1].value.isoformat() if mentions else None
        return FoundAction(what=what, evidence=evidence_at(doc, line_start, line_end, starts), owner=owner or None, due=due,
                           due_text=None if due else (due_cell.strip() or None))

    def _slash_rows(self, doc, starts, begin: int, end: int, header: list[str] | None) -> tuple[list[FoundAction], list[str]] | None:
        """An action table typed with " / " between cells ("Outcome / Action / Lead / Timescale",
        then a line or list item per task): the tasks of this block and the header in force, or
        None when the block neither holds the header nor goes on with its rows."""
        text = text_of(doc)
        lines = _lines(text, begin, end)
        rows = lines
        if header is None or any(len(_SLASH_CELL.split(text[a:b])) != len(header) for a, b in lines):
            head = next((k for k, (a, b) in enumerate(lines) if _slash_header(text[a:b])), None)
            if head is None:
                return None
            header = [c.strip() for c in _SLASH_CELL.split(text[lines[head][0]:lines[head][1]])]
            rows = lines[head + 1:]
        cols = _task_columns(header)
        out = []
        for a, b in rows:
            cells = [c.strip() for c in _SLASH_CELL.split(text[a:b])]
            action = self._row(doc, starts, cols, cells, a, b) if len(cells) == len(header) else None
            if action:
                out.append(action)
        return out, header


def _task_columns(header: Sequence[str]) -> dict[str, int] | None:
    """Column of each of what / owner / due / status in an action table's header, or None when
    the row heads no action table."""
    cells = [c.lower() for c in header]
    cols: dict[str, int] = {}
    for key, words in _HEADER.items():       # words in order of preference: "Action" before "Outcome"
        cols_for = [j for w in words for j, cell in enumerate(cells)
                    if j not in cols.values() and (cell.startswith(w) or f" {w}" in cell)]
        if cols_for:
            cols[key] = cols_for[0]
    if "what" not in cols or ("owner" not in cols and "due" not in cols):
        return None
    return cols


HEADER_REACH = 3     # blocks after an action table whose headerless rows still belong to it


_PRONOUN_TASK = re.compile(r"\s*(?:If\s+(?P<cond>[^,;]{3,80}?),?\s+(?=(?i:she|he|they)\s))?(?:She|He|They|(?<=\s)(?:she|he|they))\s+(?:will|is\s+to|are\s+to|(?:has|have)\s+agreed\s+to|agreed\s+to)\s+(?:also\s+)?"
                           r"(?!be\b|not\b)(?P<what>[a-z]\S*)")
_AND_WILL = re.compile(r",?\s+and\s+(?:will|is\s+to|to)\s+(?:also\s+)?(?!not\b|be\b)(?=[a-z])")


def _and_will(doc, starts, action: FoundAction, start: int, end: int) -> list[FoundAction]:
    """"see Ms Moreira alone at every appointment and will write a birth plan": two tasks of one
    owner, each with the evidence of its own words in text[start:end] ("restart her sertraline
    and book a review" stays one task, as most records are annotated)."""
    parts = [p.strip(" ,;.") for p in _AND_WILL.split(action.what)]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return [action]
    text, out, pos = text_of(doc), [], start
    for part in parts:
        at = text.find(part, pos, end)
        if at < 0:
            return [action]
        out.append(replace(action, what=part, evidence=evidence_at(doc, at, at + len(part), starts)))
        pos = at + len(part)
    return out


_MONTH_TAIL = re.compile(r"\s+[-–—]\s+(?:(?:end\s+of|early|mid|late)\s+)?(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{4})?\s*$", re.I)
def _slash_header(line: str) -> bool:
    """"Outcome / Action / Lead / Timescale": short column names, no labelled values ("Who: Mr Beattie / ...")."""
    cells = [c.strip() for c in _SLASH_CELL.split(line)]
    return len(cells) >= 3 and ":" not in line and all(0 < len(c.split()) <= 3 for c in cells) \
        and _task_columns(cells) is not None


_SLASH_CELL = re.compile(r"(?:^|\s+)/(?:\s+|$)")    # " / " between cells; not the slash of "17/10/2025"
_NOTE_END = r"\s*(?:[.;,(:]|$)"       # "- Completed.", "- Completed (29th April)"; not "- complete the plan"
_DONE_NOTE = re.compile(rf"(?i)\s[-–—]\s*(?:completed?|done|closed|achieved|actioned){_NOTE_END}")
_OPEN_NOTE = re.compile(rf"(?i)\s[-–—]\s*(?:outstanding|not\s+(?:yet\s+)?(?:done|completed?)|carried\s+forward|partly\s+done|"
                        rf"partially\s+completed?|in\s+progress){_NOTE_END}")
_STACK_LINE = re.compile(r"[ \t]*(?:[-•*·][ \t]*)?(?P<label>[A-Za-z][A-Za-z' /]{0,30}?)[ \t]*:[ \t]*(?P<value>[^\n]*)")


_FIELD_LABEL = re.compile(
    r"(?i)(?:^|(?<=[\s/|;,]))(?P<label>who|owner|lead(?:\s+(?:agency|professional|worker))?|responsible|by\s+whom|what|action|task|by\s+when|when|due|timescale|deadline|by)\s*:")
_FIELD_KEYS = {"who": "owner", "owner": "owner", "lead": "owner", "responsible": "owner", "by whom": "owner",
               "lead agency": "owner", "lead professional": "owner", "lead worker": "owner",
               "what": "what", "action": "what", "task": "what",
               "by when": "due", "when": "due", "due": "due", "timescale": "due", "deadline": "due", "by": "due"}
_WHEN_ONLY = re.compile(r"(?i)[\s,.;:\-–]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[\s,]*)?(?:(?:at|from)\s+)?"
                        r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|hrs)?)?(?:\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)?"
                        r"[\s,.;]*(?:\([^)]*\))?[\s.;]*")
_WHAT_LABELS = ("how", "task", "what", "what will be done", "what will happen",
                "action to be taken", "actions to be taken")
_STACK_KEYS = {**{k: v for k, v in _FIELD_KEYS.items() if k != "by"},   # one field a line: "Responsible: SW"
               "how": "what", "action required": "what", "person responsible": "owner",
               "who will do it": "owner", "date": "due", "target date": "due", "due date": "due", "completion date": "due",
               "what will be done": "what", "what will happen": "what", "action to be taken": "what", "actions to be taken": "what",
               # the outcome a task serves, not a task: "What needs to change: Chloe needs to stay free from drugs."
               "what needs to change": "outcome", "what needs to happen": "outcome", "outcome": "outcome", "desired outcome": "outcome",
               "outcome required": "outcome", "why": "outcome", "what are we worried about": "outcome", "worry": "outcome"}


def asks(sentence: str) -> bool:
    """A question or a report of one ("Cllr Wilson asked if the Ombudsman had been contacted"): no task."""
    return bool(_QUESTION.search(sentence))


def field_key(line: str) -> str | None:
    """What a one-field line gives a task ("By when: Ongoing" -> "due", "Who: SW" -> "owner"), or None."""
    stacked = _STACK_LINE.fullmatch(line)
    return _STACK_KEYS.get(" ".join(stacked.group("label").lower().split())) if stacked else None


def _labelled_fields(line: str) -> dict[str, tuple[int, int]] | None:
    """An action written as labelled fields on one line, in any order and with any separator:
    "Who: Mr Beattie / What: complete the assessment / By when: 29/05/2026",
    "What: Breakfast club place for Kayden  Who: Mr Ashby  By when: ongoing".  Offsets of each value."""
    labels = list(_FIELD_LABEL.finditer(line))
    if not labels:
        return None
    fields: dict[str, tuple[int, int]] = {}
    head = line[:labels[0].start()]
    if head.strip(" \t-•*·.)0123456789"):
        keys = {_FIELD_KEYS[" ".join(m.group("label").lower().split())] for m in labels}
        if keys != {"owner", "due"} or len(head.split()) < 2:
            return None                 # the line must open with a label (after a bullet or number) ...
        a = len(head) - len(head.lstrip(" \t-•*·.)0123456789"))
        fields["what"] = (a, len(head.rstrip(" \t.;,")))   # ... or be "Task. Lead: X. By: date."
    for k, m in enumerate(labels):
        key = _FIELD_KEYS[" ".join(m.group("label").lower().split())]
        end = labels[k + 1].start() if k + 1 < len(labels) else len(line)
        value = line[m.end():end]
        a = m.end() + len(value) - len(value.lstrip(" \t"))
        b = m.end() + len(value.rstrip(" \t/|;,."))
        if key in fields or b <= a:
            return None                 # a label twice, or an empty field: not this layout
        fields[key] = (a, b)
    return fields if "what" in fields and "owner" in fields else None


_DEFINED_INITIALS = re.compile(r"\b((?:[A-Z][a-z'’\-]+[ \t]+){1,3})\(([A-Z]{2,4})\)")


def _defined_initials(text: str) -> set[str]:
    """Initials a record defines for its people: "Jodie Barnes (JB)", "Martin Ogunleye (MO)"."""
    out = set()
    for m in _DEFINED_INITIALS.finditer(text):
        words = m.group(1).split()
        for k in range(len(words) - 1):     # "Dr Ameet Kaur (AK)": the name may start after a title
            if "".join(w[0] for w in words[k:]) == m.group(2) or words[k][0] + words[-1][0] == m.group(2):
                out.add(m.group(2))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end]) if m.group(0).strip()]


@Language.factory("minutes_actions")
def make_actions(nlp: Language, name: str) -> ActionFinder:
    return ActionFinder(name)

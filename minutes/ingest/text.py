"""Plain text and Markdown reader: bytes -> headings, paragraphs, list items and tables.

One parser serves .txt and .md, since typed notes and web-page copies mix both.

* Encoding: see `normalise_text.decode_text` (BOM, strict UTF-8, then charset-normalizer with
  cp1252 preferred); the result is in `Parsed.encoding`.
* Paragraphs are split on blank lines (a line of only spaces or NBSPs is blank).
* Headings: ATX (`## Title`, level = number of #), setext (a single line underlined with === or
  ---), and inferred headings with level None: a bold-only line (`**Present:**`), a bare label line
  of the ModernGov layout ("Agenda item", "Minutes:", "RESOLVED:", "Present:", "Apologies:",
  "Supporting documents:", "Meeting: 17/03/2011 - ... (Item 6)", ... see LABELS), a short one-line
  paragraph right after "Agenda item" / "Issue - meetings" / "Meeting: ..." (the item title), and a
  short one-line paragraph in capitals.  A label followed by text on the same line ("Present: Cllr
  A, Cllr B") stays an ordinary paragraph.
* List items: a line starting with a bullet (-, *, •, ➤, >, "- >") or a paragraph number ("2.4.",
  "1)", "1.", "(a)", "a)") is a `list_item`; the marker is in `marker` and removed from `text`,
  stacked markers collapse ("- 1.1." -> "1.1.").  Each marked line starts a new item; a following
  unmarked line continues it if indented past the marker or starting in lower case, else it
  starts a paragraph.  `level` is the nesting depth shown by indentation (1 = outermost).
* Markdown pipe tables (with a |---| separator row) become one `table` block; the separator, empty
  rows and empty columns are left out, `<br>` in a cell becomes a space.  Two or more lines with
  the same number of tab-separated cells (a spreadsheet or Word table saved as text) are a table
  too, and so are quoted CSV rows under a header of column names ("ID","Action","Owner","Due").
  Lines aligned in columns of spaces with no header stay paragraphs, each cell gap written as
  " - " so that a name and a post stay apart ("Carys Beddow - Partnership Business Manager").
* Line joining: lines are first re-joined where they were soft-wrapped (a line continues the one
  before when it starts in lower case, or when the line before is long (>= 55 characters) or ends
  in a comma without ending a sentence).  The resulting lines that are short (< 80 characters) and
  consecutive form ONE paragraph block whose text keeps the line breaks - a line list such as an
  attendance list ("Jane Doe - SW" / "Dr Patel - GP"), or "Date: ..." / "Venue: ..." header
  lines; each long line (prose) is a paragraph block of its own.  Downstream, split a block's text
  on "\n" to get one entry per line; the label above a list ("Present:") is its own heading
  block.  A capitals-only first line of a paragraph is a heading.
* Inline Markdown/HTML is reduced to its text: **bold**, <sup>, <br>, backslash escapes; a link
  keeps its address in brackets, an image its alt text (the image is counted in `dropped`).
  Runs of spaces become one space.  Horizontal rules are counted in `dropped["rules"]`; no text is
  dropped.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from ..config import Settings
from .blocks import Parsed, TextBlock, table_text
from .normalise_text import decode_text, indent_width, is_blank, join_lines, normalise, split_marker

LABELS = frozenset(
    label.strip()
    for label in """agenda item|issue - meetings|minutes|resolved|resolution|resolutions|decision|decisions|
    supporting documents|present|apologies|apologies for absence|apologies received|absent|
    in attendance|also present|attendees|attendance|officers present|declarations of interest|
    declaration of interest|agenda|actions|action points|agreed actions|action plan|recommendations|
    recommendation|decision recommendations|purpose|purpose of the meeting|summary|outcome|
    outcomes|reports received|reports|background|next meeting|date of next meeting|
    distribution|distribution list|contingency plan|strengths|risks|concerns|
    what are we worried about|what is working well|what needs to happen|chair's summary|
    any other business|aob|part 1|part 2|public minutes|exempt minutes""".split("|")
)
TITLE_AFTER = frozenset({"agenda item", "issue - meetings"})
_MEETING = re.compile(r"^meeting:\s*\d{1,2}/\d{1,2}/\d{2,4}\b")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(={2,}|-{3,})\s*$")
_RULE = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_SENTENCE_END = re.compile(r"[.:;!?)\"”’]$")
SHORT_LINE = 80          # a line list has only lines shorter than this
WRAP_LINE = 55           # a longer line not ending a sentence means soft-wrapped prose

_BR = re.compile(r"<br\s*/?>", re.I)
_TAGS = re.compile(r"</?(?:sup|sub|b|i|u|em|strong|span|font|small|big|mark|s|strike|del|ins|p|div)\b[^>]*>", re.I)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_MARKUP_CHARS = frozenset("<*_[\\!")
_LABEL_COLUMN = re.compile(r"^[ \t]*(\S[^\t]{0,30}?)(?:\t+|[ ]{3,})(\S.*)$")
_SPACES = re.compile(r"[ \t]{2,}|\t")


@dataclass
class _State:
    """The parser's running output and counts."""

    blocks: list[TextBlock] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    indents: list[int] = field(default_factory=list)      # open list indentation levels
    title_next: bool = False                              # the next one-line paragraph is an item title

    def add(self, block: TextBlock) -> None:
        if block.kind != "list_item":
            self.indents.clear()
        self.blocks.append(block)

    def drop(self, what: str, count: int = 1) -> None:
        if count:
            self.dropped[what] = self.dropped.get(what, 0) + count


def read(data: bytes, name: str, settings: Settings) -> Parsed:
    """Read a .txt/.md file's bytes into blocks (see the module docstring for the rules)."""
    text, encoding = decode_text(data, name)
    text, controls = normalise(text)
    state = _State()
    state.drop("control_chars", controls)
    state.drop("images", len(_IMAGE.findall(text)))
    _parse(unbox(undouble(text.split("\n"))), state)
    notes = tuple(f"{what.replace('_', ' ')} removed: {n}" for what, n in state.dropped.items())
    return Parsed(blocks=state.blocks, encoding=encoding, dropped=dict(state.dropped), notes=notes)


def parse_text(text: str) -> list[TextBlock]:
    """Blocks of an already decoded text (for other readers and tests)."""
    state = _State()
    _parse(unbox(undouble(normalise(text)[0].split("\n"))), state)
    return state.blocks


_BOX_RULE = re.compile(r"^\s*[┌├└╔╠╚+][─═┬┼┴╦╬╩+\-]*[┐┤┘╗╣╝+]?\s*$")   # "┌────┬───", "├────┼───", "└───"
_BOX_ROW = re.compile(r"^\s*[│║].*[│║]\s*$")


def unbox(lines: list[str]) -> list[str]:
    """Tables drawn with box characters as pipe tables: "│ No │ Action │" rows become "| No | Action |",
    the rule under the first row the header rule, the other rules go, and a row whose first cell is
    empty continues the cells of the row above (a wrapped line inside a cell)."""
    if not any("│" in line or "║" in line for line in lines):
        return lines
    out: list[str] = []
    table: list[list[str]] = []

    def close() -> None:
        if table:
            out.append("| " + " | ".join(table[0]) + " |")
            out.append("|" + "---|" * len(table[0]))
            out.extend("| " + " | ".join(row) + " |" for row in table[1:])
            table.clear()

    for line in lines:
        if _BOX_RULE.match(line) and any(c in line for c in "─═"):
            continue
        if _BOX_ROW.match(line):
            cells = [c.strip() for c in re.split(r"[│║]", line.strip())[1:-1]]
            if len(table) > 1 and not cells[0] and len(cells) == len(table[-1]):
                table[-1] = [" ".join(filter(None, (a, b))) for a, b in zip(table[-1], cells)]
            else:
                table.append(cells)
            continue
        close()
        out.append(line)
    close()
    return out


DOUBLE_SPACED_MIN_LINES = 8    # fewer lines than this are left as they are
ADJACENT_SHARE = 0.1           # at most this share of lines may follow a line directly
SINGLE_GAP_SHARE = 0.3         # at least this share of lines follow one blank line
WRAPPED_SHARE = 0.2            # share of those gaps that split a wrapped sentence


def undouble(lines: list[str]) -> list[str]:
    """Text copied from a PDF or web page with a blank line after every line ("the Cabinet" /
    "" / "Member for Children ..."): one blank line is then a line break and two or more are a
    paragraph break.  Ordinary text, where blank lines separate paragraphs, is returned as is:
    it is only changed when hardly any line follows another directly, many follow one blank line
    and enough of those gaps fall inside a sentence."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < DOUBLE_SPACED_MIN_LINES:
        return lines
    pairs = list(zip(filled, filled[1:]))
    single = [(a, b) for a, b in pairs if b - a == 2]
    adjacent = sum(1 for a, b in pairs if b - a == 1)
    wrapped = sum(1 for a, b in single if _continues_prose(lines[a].strip(), lines[b].strip()))
    if adjacent > ADJACENT_SHARE * len(filled) or len(single) < SINGLE_GAP_SHARE * len(filled) \
            or wrapped < WRAPPED_SHARE * len(single):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].strip():
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j - i >= 2 or not out or j == len(lines):
            out.append("")                  # two or more blank lines: a paragraph break
        i = j
    return out


def _parse(lines: list[str], state: _State) -> None:
    pending: list[str] = []           # lines of the paragraph being read
    item: list[str] = []              # lines of the list item being read; item[0] is its text
    item_marker: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal item_marker
        if item_marker is not None:
            marker, indent = item_marker
            state.add(TextBlock("list_item", inline(join_lines(item, dehyphenate=True)), level=_depth(state, indent), marker=marker))
            item.clear()
            item_marker = None
        if pending:
            _emit_paragraph(pending, state)
            pending.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip():              # NBSP is already a space after normalise()
            flush()
            continue
        if _FENCE.match(line):
            flush()
            i = _fenced(lines, i, line, state)
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            _heading(inline(atx.group(2) or ""), len(atx.group(1)), state)
            continue
        if "|" in line and i < len(lines) and _TABLE_SEP.match(lines[i]) and "|" in lines[i]:
            flush()
            i = _table(lines, i - 1, state)
            continue
        if _plain_grid(lines, i - 1) or _grid_resumes(lines, i - 1, state, pending):
            flush()
            i = _table(lines, i - 1, state, bare=not line.lstrip().startswith("|"))
            continue
        if _tab_grid(lines, i - 1):
            flush()
            i = _tab_table(lines, i - 1, state)
            continue
        if _csv_grid(lines, i - 1):
            flush()
            i = _csv_table(lines, i - 1, state)
            continue
        if _cell_grid(lines, i - 1):
            flush()
            i = _cell_table(lines, i - 1, state)
            continue
        if _space_grid(lines, i - 1):
            flush()
            i = _space_table(lines, i - 1, state)
            continue
        if _SETEXT.match(line) and len(pending) == 1 and item_marker is None:
            text = pending.pop()
            _heading(inline(text), 1 if line.strip().startswith("=") else 2, state)
            continue
        if _RULE.match(line):
            flush()
            state.drop("rules")
            continue
        if is_label(line) or _BOLD_LINE.match(line):
            flush()
            _heading(inline(line), None, state)
            continue
        column = _LABEL_COLUMN.match(line)
        if column and is_label(column.group(1)) and item_marker is None:
            flush()                       # "Present            The Mayor, Cllr D. Hobson": the label's own column
            pending.append(f"{column.group(1)}: {column.group(2)}")
            continue
        found = split_marker(line)
        if found is not None:
            flush()
            item_marker = (found.marker, found.indent)
            item.append(found.text)
            continue
        if item_marker is not None and not _continues(line, item_marker[1], item[-1] if item else ""):
            flush()
        (item if item_marker is not None else pending).append(line)
    flush()


def _continues(line: str, marker_indent: int, before: str = "") -> bool:
    """An unmarked line after a list item continues it when indented past the marker, when it
    starts in lower case, or when the item's last line is long and ends mid-sentence (a wrapped
    line); otherwise a new paragraph starts."""
    return indent_width(line) > marker_indent or line.lstrip()[:1].islower() or (
        len(before.strip()) >= WRAP_LINE and not _SENTENCE_END.search(before.strip()) and not _RECORD.match(line.strip())
        and not (_capitals(before.strip()) and not _capitals(line.strip())))   # "3. MINUTES OF THE MEETING ..." is a title


def _heading(text: str, level: int | None, state: _State) -> None:
    if not text:
        return
    state.add(TextBlock("heading", text, level=level))
    key = label_key(text)
    state.title_next = key in TITLE_AFTER or bool(_MEETING.match(key))


def _emit_paragraph(lines: list[str], state: _State) -> None:
    title_next, state.title_next = state.title_next, False
    if len(lines) == 1:
        text = inline(lines[0])
        if (title_next and len(text) < 200 and not text.endswith(".")) or _capitals(text):
            _heading(text, None, state)
            return
        state.add(TextBlock("paragraph", text))
        return
    if all(_COLUMN_GAP.search(line.strip()) and not _COLUMN_GAP.split(line.strip(), 1)[0].endswith(":") for line in lines):
        # "Carys Beddow        Partnership Business Manager": columns without a header keep their cells apart
        lines = [_COLUMN_GAP.sub(" - ", line.strip()) for line in lines]
    logical = [inline(line) for line in logical_lines(lines)]
    if len(logical) > 1 and _capitals(logical[0]):
        _heading(logical.pop(0), None, state)
    run: list[str] = []                          # consecutive short lines: one line-list block
    for line in logical:
        if run and _OUTCOME_LINE.match(line):    # "Resolved - that ..." under a short line starts a block
            state.add(TextBlock("paragraph", "\n".join(run)))
            run = []
        if len(line) < SHORT_LINE:
            run.append(line)
            continue
        if run:
            state.add(TextBlock("paragraph", "\n".join(run)))
            run = []
        state.add(TextBlock("paragraph", line))
    if run:
        state.add(TextBlock("paragraph", "\n".join(run)))


def logical_lines(lines: list[str]) -> list[str]:
    """Undo soft wrapping: a line continues the one before when it starts in lower case, or when
    the line before is long (>= WRAP_LINE) or ends in a comma or hyphen without ending a sentence."""
    out: list[list[str]] = []
    for raw in lines:
        line = raw.strip()
        if out and _continues_prose(out[-1][-1], line):
            out[-1].append(line)
        else:
            out.append([line])
    return [join_lines(group, dehyphenate=True) for group in out]


# A line that opens a record of its own ("Venue: ...", "DC Amir Shah - Police", "Jo Brennan (HV)",
# "[EC] Eddie Clough - ...")
# is never a soft-wrapped continuation of the line before.
_RECORD = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Cllr|Councillor|PC|DC|DS|DI|Prof|Rev)\.?\s|[(\[][A-Z]{1,4}[)\]]\s+[A-Z]"
    r"|[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s*(?:[-–—:,/]\s|\()"
    r"|[A-Z][\w'’\-]*(?:\s+[a-z][\w'’\-]*){1,5}:\s"                 # "Date of this review: ...", "Father of the unborn baby: ..."
    r"|[A-Z]{2,4}(?:\s*[/&]\s*[A-Z]{2,4})?\s+(?:to|will)\s+[a-z])"     # "MB to arrange a multi-agency audit": a task line
)


# A line that records what a meeting decided or who must act opens a block of its own, even among
# short lines ("The Committee considered the report." / "Resolved - that the report be noted.").
_OUTCOME_LINE = re.compile(r"^(?:(?:The\s+|It\s+was\s+)?(?:[A-Z][\w\-]*\s+){0,3}(?:RESOLVED|DECIDED|AGREED)(?:\s+that)?\s*:?\s*$"   # "The Committee RESOLVED:"
                           r"|(?:RESOLVED|Resolved|AGREED|Agreed|DECISIONS?|Decisions?|DECIDED|ACTIONS?|Actions?)"
                           r"(?:\s*[:\-–—]|\s+(?:that|to)\b|\s*$))")
_NAME_CUT = re.compile(r",\s+[A-Z][a-z'’\-]+$")             # "..., Jean" (the surname is on the next line)
_SURNAME_ON = re.compile(r"[A-Z][a-z'’\-]+(?:,\s|\s+and\s)")   # "Humphrey, Liv ..."
_AND_CUT = re.compile(r",\s+[A-Z][a-z'’\-]+\s+[A-Z][a-z'’\-]+\s+and$")   # "..., Ashley Pugh and" / "John Stacey"
_LOWER_LABEL = re.compile(r"^(?P<label>[a-z][a-z'’ \-]{1,30}?)\s*[:\-–]\s")
_LOWER_ROLE_NAME = re.compile(r"^[a-z][\w'’ ()/&\-]{1,40}?\s[-–—]\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|PC|DC|DS|DI)\.?\s+)?[A-Z][a-z'’\-]+")
_LOWER_ENTRY = re.compile(r"^[a-z][a-z'’\-]+(?:\s+[a-z][a-z'’\-]+){0,3}\s*(?:\s[-–—]\s+\S|\((?!\s*\d))")   # "amir haddad - social worker"
_SHORT_LABELS = frozenset({"apols", "apologies", "present", "attendees", "attending", "chair", "date", "minute taker",
                           "minutes", "actions", "action", "decision", "outcome", "category", "categories", "venue"})


_DATE_END = re.compile(r"[\s(]\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d\d)\)?$")
_LABEL_START = re.compile(r"[A-Z][\w'’ ]{0,30}:\s")   # "Action: ...", "Venue: ...": a line of its own
LONG_WRAP = 80           # a line this long that stops mid-clause was wrapped, whatever the next line opens with
_MID_CLAUSE = re.compile(r"(?:[;,]|\b(?:and|or|of|from|by|with|the|a|to|for|were|was))$")
_DANGLING_NAME = re.compile(r"(?<![\w.])(?:Dr|Mr|Mrs|Ms|Miss|Cllr|Councillor|PC|DC|DS)\.?\s+[A-Z][a-z'’\-]+$")   # "... from Dr Ifeoma"
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")     # cells aligned with runs of spaces: a table row, not prose


def _continues_prose(before: str, line: str) -> bool:
    if _COLUMNS.search(before) and _COLUMNS.search(line):
        return False                  # "Helen Curtis      Director of Children's Services      Chair" rows
    label = _LOWER_LABEL.match(line)
    if label and (label.group("label") in _SHORT_LABELS or label.group("label") in LABELS):
        return False                  # "apols: Dr Singh GP" under a long "present: ..." line opens a list of its own
    if line[:1].islower():
        # "mum - Jodie Pearce" under "chair - Gill Marsh IRO": a lower-case role, a dash, a name;
        # "amir haddad - social worker" or "sibling: riley" under a short line: notes typed in lower case
        typed_lower = (_LOWER_ENTRY.match(line) or label) and not before.endswith(("-", "–", ",", "&")) \
            and not _MID_CLAUSE.search(before)
        return not ((len(before) < WRAP_LINE or _LOWER_ROLE_NAME.match(before) or _RECORD.match(before))
                    and (_LOWER_ROLE_NAME.match(line) or typed_lower)
                    or _SENTENCE_END.search(before) and typed_lower)
    if before.count(", ") >= 2 and (_NAME_CUT.search(before) and _SURNAME_ON.match(line) or _AND_CUT.search(before)):
        return True                   # a comma list of names wrapped mid-name: "... Matthew Irving, Jean" / "Humphrey, Liv ..."
    if (_DANGLING_NAME.search(before) or (len(before) >= LONG_WRAP and _MID_CLAUSE.search(before))) \
            and not _LABEL_START.match(line) and not _OUTCOME_LINE.match(line):
        return True                   # "... Apologies were received from Dr Ifeoma" / "Nwosu, GP, ...": prose wrapped mid-list
    if _SENTENCE_END.search(before) or _RECORD.match(line) or _DATE_END.search(before):
        return False                  # a line ending in its date ("... to partners - 19/05/2021") is a record of its own
    return len(before) >= WRAP_LINE or before.endswith((",", "-", "&"))


def _capitals(text: str) -> bool:
    if len(text) > 100 or text.endswith("."):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def label_key(text: str) -> str:
    """A line's label form: lower case, dashes unified, single spaces, no trailing colon."""
    key = _SPACES.sub(" ", text.strip().lower().replace("–", "-").replace("—", "-").replace("’", "'"))
    return key.rstrip(":").strip()


def is_label(line: str) -> bool:
    """True for a bare section label line ("Minutes:", "RESOLVED", "Meeting: 17/03/2011 - ...")."""
    key = label_key(inline(line))
    return key in LABELS or bool(_MEETING.match(key))


def _depth(state: _State, indent: int) -> int:
    stack = state.indents
    while stack and stack[-1] > indent:
        stack.pop()
    if not stack or stack[-1] < indent:
        stack.append(indent)
    return len(stack)


def _fenced(lines: list[str], i: int, opening: str, state: _State) -> int:
    """A ``` code block: its lines verbatim as one paragraph.  Returns the index after it."""
    fence = opening.strip()[:3]
    body: list[str] = []
    while i < len(lines) and not lines[i].strip().startswith(fence):
        body.append(lines[i].rstrip())
        i += 1
    text = "\n".join(body).strip("\n")
    if text.strip():
        state.add(TextBlock("paragraph", text))
    return i + 1


def _table(lines: list[str], i: int, state: _State, bare: bool = False) -> int:
    """A pipe table starting at lines[i] (header) with its separator at lines[i + 1].  In a
    `bare` grid (no pipe before the header's first cell) a row that starts with a pipe has an
    empty first cell, and a row holding nothing but the lower-case rest of one cell carries on
    the cell above ("| Referral to the repairs team for the damp in the | SW |" / "| children's
    bedroom |  |")."""
    raw: list[list[str]] = []
    while i < len(lines) and "|" in lines[i] and not is_blank(lines[i]):
        if not _TABLE_SEP.match(lines[i]):
            cells = _bare_cells(lines[i]) if bare else _cells(lines[i])
            filled = [c for c, cell in enumerate(cells) if cell]
            if bare and len(raw) > 1 and len(filled) == 1 and filled[0] > 0 and filled[0] < len(raw[-1]) \
                    and cells[filled[0]][:1].islower() and not raw[-1][filled[0]].endswith("."):
                raw[-1][filled[0]] += " " + cells[filled[0]]
            else:
                raw.append(cells)
        i += 1
    width = max(len(r) for r in raw)
    rows = [r + [""] * (width - len(r)) for r in raw if any(r)]
    keep = [c for c in range(width) if any(r[c] for r in rows)]
    table = tuple(tuple(r[c] for c in keep) for r in rows)
    if table:
        state.add(TextBlock("table", table_text(table), rows=table))
    return i


def _plain_grid(lines: list[str], i: int) -> bool:
    """Three or more lines of " | "-separated cells, the same number on each: a typed table
    without a Markdown separator row ("Name | Role | Agency | Attended?")."""
    bare = i < len(lines) and not lines[i].lstrip().startswith("|")
    run = []
    while i < len(lines) and len(run) < 3 and " | " in lines[i] and not is_blank(lines[i]):
        run.append(len(_bare_cells(lines[i]) if bare else _cells(lines[i])))
        i += 1
    return len(run) >= 3 and len(set(run)) == 1 and run[0] >= 2


def _grid_resumes(lines: list[str], i: int, state: _State, pending: list[str]) -> bool:
    """One or two " | " rows with the cell count of a table just before, after a line that broke
    it ("Outcome 2: ..." between the rows of an outline plan): the table's rows go on."""
    if " | " not in lines[i] or pending and " | " not in pending[-1] and len(pending) > 1:
        return False
    recent = [b for b in state.blocks[-2:] if b.kind == "table" and b.rows]
    if not recent:
        return False
    bare = not lines[i].lstrip().startswith("|")
    return len(_bare_cells(lines[i]) if bare else _cells(lines[i])) == len(recent[-1].rows[0])


def _tab_cells(line: str) -> list[str]:
    return [inline(cell) for cell in re.split(r"\t+", line.strip(" \t"))]


def _tab_row(line: str, width: int) -> tuple[str, ...] | None:
    """One row of a tab-separated table `width` cells wide, or None when the line is none.  A row
    may leave cells empty: a leading tab is an empty first cell ("<TAB>Complete a health review
    <TAB>Tom<TAB>10/04/2026" goes on the outcome above) and a short row ends in empty cells."""
    cells = _tab_cells(line)
    if len(cells) != width:
        body = line.lstrip(" ")
        cells = [""] * (len(body) - len(body.lstrip("\t"))) + cells
        if "\t" not in line.strip(" ") or not 2 <= len(cells) <= width:
            return None
        cells += [""] * (width - len(cells))
    return tuple(cells)


_ITEM_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?")


def _tab_grid(lines: list[str], i: int) -> bool:
    """Two or more lines of tab-separated cells, the same number on each (a table pasted from a
    spreadsheet or a Word table saved as text: "Outcome<TAB>Action<TAB>Who<TAB>By when")."""
    if i + 1 >= len(lines) or "\t" not in lines[i].strip(" \t") or "\t" not in lines[i + 1].strip(" \t"):
        return False
    first, second = _tab_cells(lines[i]), _tab_cells(lines[i + 1])
    if first[0].endswith(":") and second[0].endswith(":"):
        return False                  # "Chair:<TAB>Jo Makepeace" / "Date:<TAB>12/11/2026": labelled lines, no table
    if len(first) == 2 and _ITEM_NUMBER.fullmatch(first[0]) and _ITEM_NUMBER.fullmatch(second[0]):
        return False                  # "8.<TAB>Decision" / "8.1<TAB>Ruby will remain ...": numbered items, no table
    return len(first) >= 2 and len(second) == len(first)


def _tab_table(lines: list[str], i: int, state: _State) -> int:
    """The tab-separated rows from lines[i] while each has the first row's number of cells."""
    width = len(_tab_cells(lines[i]))
    rows = []
    while i < len(lines) and not is_blank(lines[i]) and (row := _tab_row(lines[i], width)) is not None:
        rows.append(row)
        i += 1
    state.add(TextBlock("table", table_text(tuple(rows)), rows=tuple(rows)))
    return i


_COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|\t+)(?=\S)")


def _space_row(line: str) -> list[str] | None:
    """The cells of a row aligned with runs of three or more spaces, None for other lines."""
    body = line.strip(" \t")
    if not body or not _COLUMN_GAP.search(body) or split_marker(line) is not None:
        return None
    return [inline(cell) for cell in _COLUMN_GAP.split(body)]


_HEADER_CELL = re.compile(
    r"(?i)(?:full )?(?:name|role|title|position|designation|job title|agency|organi[sz]ation|service|"
    r"attend(?:ed|ance)?\??|status|present\??|apologies|action|actions|task|who|owner|by whom|by when|when|due|"
    r"date|deadline|timescales?|target date|outcome|lead|responsible|representing|no\.?|#)")
_DASH_RULE = re.compile(r"^[ \t]*[-=]{2,}(?:[ \t]+[-=]{2,})+[ \t]*$")     # "------  --------  ----"
_HEADER_GAP = re.compile(r"(?<=\S)(?: {2,}|\t+)(?=\S)")


CELL_HEADER_MIN = 3       # a cell-per-line table has at least this many header lines
CELL_HEADER_MAX = 8


def _cell_header(lines: list[str], i: int) -> int:
    """How many lines from lines[i] are header cells, one per line; 0 when fewer than CELL_HEADER_MIN."""
    n = 0
    while i + n < len(lines) and n < CELL_HEADER_MAX and _HEADER_CELL.fullmatch(lines[i + n].strip()) \
            and not lines[i + n].isupper():      # "ATTENDANCE" or "Apologies:" over the table is a heading, not a cell
        n += 1
    return n if n >= CELL_HEADER_MIN else 0


def _cell_row_ends(line: str) -> bool:
    """A line no cell holds: a heading in capitals ("FIRST CORE GROUP") or a label ("Decision:");
    a cell may hold a word that is a label elsewhere ("Present")."""
    bare = line.strip()
    return bool(bare) and (bare.isupper() and sum(c.isalpha() for c in bare) >= 4 or bare.endswith(":"))


def _cell_rows(lines: list[str], i: int, width: int) -> list[tuple[str, ...]]:
    rows = []
    while i + width <= len(lines):
        cells = lines[i:i + width]
        if any(_cell_row_ends(c) for c in cells) or not cells[0].strip() and not cells[1].strip() or all(not c.strip() for c in cells):
            break
        rows.append(tuple(inline(c.strip()) for c in cells))
        i += width
    return rows


def _cell_grid(lines: list[str], i: int) -> bool:
    """A Word table pasted as text a cell per line: header cells on lines of their own ("Name",
    "Role", "Agency", "Attendance"), then each row as that many lines, a blank line for an empty
    cell; at least two rows."""
    width = _cell_header(lines, i)
    return bool(width) and len(_cell_rows(lines, i + width, width)) >= 2


def _cell_table(lines: list[str], i: int, state: _State) -> int:
    width = _cell_header(lines, i)
    rows = [tuple(inline(c.strip()) for c in lines[i:i + width])] + _cell_rows(lines, i + width, width)
    state.add(TextBlock("table", table_text(tuple(rows)), rows=tuple(rows)))
    return i + width * len(rows)


def _csv_cells(line: str) -> list[str]:
    """The cells of a comma-separated line ("\"CG3-01\",\"Ask police to renew ...\",\"LT\""), [] for
    a line without a comma or that is no valid CSV."""
    if "," not in line:
        return []
    try:
        return [inline(cell.strip()) for cell in next(csv.reader([line.strip()], strict=True))]
    except csv.Error:
        return []


def _csv_grid(lines: list[str], i: int) -> bool:
    """An export from a spreadsheet or tracker pasted as CSV: a header of three or more short cells,
    two of them column names ("ID","Action","Owner","Due","Status"), then rows as wide."""
    header = _csv_cells(lines[i])
    if len(header) < 3 or i + 1 >= len(lines) or any(len(cell) > 30 for cell in header):
        return False
    named = sum(1 for cell in header if _HEADER_CELL.fullmatch(cell))
    return named >= 2 and len(_csv_cells(lines[i + 1])) == len(header)


def _csv_table(lines: list[str], i: int, state: _State) -> int:
    width = len(_csv_cells(lines[i]))
    rows = []
    while i < len(lines) and len(cells := _csv_cells(lines[i])) == width:
        rows.append(tuple(cells))
        i += 1
    state.add(TextBlock("table", table_text(tuple(rows)), rows=tuple(rows)))
    return i


def _header_cells(line: str) -> list[tuple[int, str]]:
    """(column, text) of each cell of a header row whose cells are two spaces or more apart."""
    cells, pos = [], 0
    for part in _HEADER_GAP.split(line.rstrip()):
        at = line.index(part, pos) if part else pos
        if part.strip():
            cells.append((at + len(part) - len(part.lstrip()), part.strip()))
        pos = at + len(part)
    return cells


def _is_header(line: str) -> bool:
    cells = _header_cells(line)
    return len(cells) >= 2 and sum(1 for _, cell in cells if _HEADER_CELL.fullmatch(cell)) >= 2


def _space_grid(lines: list[str], i: int) -> bool:
    """A header row and one or more rows under it of cells aligned with runs of spaces, as a
    table saved as text leaves them ("Name      Role      Agency", often with a rule of dashes
    under it).  Aligned rows with no header stay lines of a paragraph (the attendance readers
    know those shapes)."""
    if i + 1 >= len(lines) or "\t" in lines[i] or not _is_header(lines[i]):
        return False
    if _DASH_RULE.match(lines[i + 1]):
        return i + 2 < len(lines) and not is_blank(lines[i + 2])
    return bool(_space_row(lines[i + 1]))


def _columns(header: str, rule: str | None) -> list[int]:
    """Where each column starts: the dash runs of the rule under the header, else the header cells."""
    if rule is not None:
        return [m.start() for m in re.finditer(r"[-=]{2,}", rule.expandtabs(4))]
    return [at for at, _ in _header_cells(header.expandtabs(4))]


def _slice(line: str, starts: list[int]) -> list[str]:
    """The cells of a fixed-width row; a cell that runs past its column's start into the next
    (no space at the cut) moves the cut to the next space."""
    line = line.expandtabs(4).rstrip()
    cuts = [0]
    for start in starts[1:]:
        cut = max(start, cuts[-1])
        while 0 < cut < len(line) and line[cut - 1] != " " and line[cut] != " ":
            cut += 1
        cuts.append(min(cut, len(line)))
    cuts.append(len(line))
    return [inline(line[a:b]) for a, b in zip(cuts, cuts[1:])]


def _space_table(lines: list[str], i: int, state: _State) -> int:
    """The fixed-width rows under a header row (and its rule of dashes) to the next blank line.
    A line whose first cell is empty carries on the row above ("Perinatal MH Nurse   Perinatal
    Mental Health" / "                     Team"); shorter rows are padded with empty cells."""
    header = lines[i]
    rule = lines[i + 1] if i + 1 < len(lines) and _DASH_RULE.match(lines[i + 1]) else None
    starts = _columns(header, rule)
    body_end = i + (2 if rule is not None else 1)
    while body_end < len(lines) and not is_blank(lines[body_end]) and not _DASH_RULE.match(lines[body_end]):
        body_end += 1
    unit = _even_gap(header, lines[i + (2 if rule is not None else 1):body_end], len(starts)) if rule is None else None
    cut = (lambda line: _gap_cells(line, unit)) if unit else (lambda line: _slice(line, starts))
    rows: list[list[str]] = [cut(header)]
    i += 2 if rule is not None else 1
    while i < body_end:
        cells = cut(lines[i])
        if not cells[0] and len(rows) > 1 and any(cells):
            rows[-1] = [" ".join(x for x in (a, b) if x) for a, b in zip(rows[-1], cells + [""] * (len(rows[-1]) - len(cells)))]
        else:
            rows.append(cells)
        i += 1
    width = max(len(r) for r in rows)
    table = tuple(tuple(r + [""] * (width - len(r))) for r in rows)
    state.add(TextBlock("table", table_text(table), rows=table))
    return i


def _gap_cells(line: str, unit: int) -> list[str]:
    """Cells of a row typed with one even gap between cells ("Jade Morrow    Mother        Present"):
    a gap twice as wide holds an empty cell."""
    body = line.expandtabs(4).strip()
    cells: list[str] = []
    pos = 0
    for m in re.finditer(r" {3,}", body):
        cells.append(inline(body[pos:m.start()]))
        cells.extend([""] * (round(len(m.group(0)) / unit) - 1))
        pos = m.end()
    cells.append(inline(body[pos:]))
    return cells


EVEN_ROWS = 0.8          # this share of the rows must come out the header's width for an even-gap table


def _even_gap(header: str, body: list[str], width: int) -> int | None:
    """The gap between cells when header and rows are typed with one even gap (of three spaces or
    more) rather than aligned in columns, else None (the rows are sliced at the header's columns)."""
    gaps = [len(g) for g in re.findall(r" {3,}", header.expandtabs(4).strip())]
    if not gaps or len(set(gaps)) != 1 or not body:
        return None
    starts = _columns(header, None)
    fits = sum(1 for line in body if len(_gap_cells(line, gaps[0])) == width)
    aligned = sum(1 for cells in (_slice(line, starts) for line in body) if len(cells) == width and all(cells))
    return gaps[0] if fits >= EVEN_ROWS * len(body) and fits > aligned else None


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [inline(cell.replace("\\|", "|")) for cell in re.split(r"(?<!\\)\|", body)]


def _bare_cells(line: str) -> list[str]:
    """Cells of a row of a grid typed with no outer pipes: every pipe separates two cells."""
    return [inline(cell.replace("\\|", "|")) for cell in re.split(r"(?<!\\)\|", line.strip())]


def inline(text: str) -> str:
    """Reduce inline Markdown/HTML to plain text and collapse runs of spaces."""
    if not _MARKUP_CHARS.intersection(text):
        return _SPACES.sub(" ", text).strip()
    text = _BR.sub(" ", text)
    text = _TAGS.sub("", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(2).endswith(m.group(1)) else f"{m.group(1)} ({m.group(2)})", text)
    text = _STRONG.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()

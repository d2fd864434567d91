"""The chat session: a record dict, its history, and `handle(message) -> Reply`.

Each message is a command (/show ...), an answer to the pending question, a plain-word
correction, or more notes (read with the same ingest and extraction code as files and merged).
After every change the record is saved in the store and both turns are kept with it as the audit
trail; `Session.resume(store, id)` carries on where a session stopped.
"""
from __future__ import annotations

import copy
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..config import Settings
from ..errors import MinutesError
from .corrections import apply as apply_correction
from .corrections import load_corrections
from .merge import Change, find_person, merge_extraction, new_record
from .questions import (CONFERENCE_TYPES, DECISIONS, TARGETS, BadAnswer, Pending, limit_for, long_date, missing,
                        next_question, parse_category, parse_choice, parse_date, parse_name, parse_names,
                        parse_time)

COMMANDS = ("/show", "/missing", "/undo", "/render", "/save", "/help", "/quit", "/skip")
DOCUMENTS = ("letter", "record", "minutes")
FORMATS = ("docx", "html", "md")
SKIP_WORDS = ("skip", "/skip", "not known", "don't know", "dont know")
NOTE_WORDS = 15                 # a failed answer this long (or with a colon or a line break) is notes
UNDO_DEPTH = 50
HELP = """Type or paste notes; I say what I understood and ask for what is still missing.
Corrections in plain words: "Sarah Jones is the social worker", "PC Brown sent apologies",
"remove Mr Smith", "category for Child B is emotional abuse", "the conference was on 3 March",
"the review is on 11 June at 10am".  Type "skip" to leave a question for later.
/show              the record so far
/missing [letter|record|minutes]   what the document still needs
/undo              take back the last change
/render letter|record|minutes [--format docx|html|md] [--out PATH]
/save              save the record now (it is also saved after every change)
/help              this help
/quit              end the session"""

Extractor = Callable[[str], tuple[Mapping[str, Any], Sequence[str]]]


@dataclass
class Reply:
    """What the session answers: text to show, and whether the session is over."""

    text: str
    done: bool = False


def pipeline_extractor(settings: Settings) -> Extractor:
    """Message text -> (extraction JSON, block texts), through the same ingest and pipeline as files."""

    def run(text: str) -> tuple[Mapping[str, Any], Sequence[str]]:
        from ..flow import extract_documents
        from ..ingest import read_bytes

        document = read_bytes(text.encode("utf-8"), "message.txt", settings)
        extraction = next(extract_documents([document], settings)).to_json()
        return extraction, [b.text for b in document.blocks]

    return run


def warm_up() -> None:
    """Load the rule files and gazetteers a reply needs, once per process, before the first message."""
    from .merge import same_person
    from .questions import load_questions, parse_category, parse_role

    load_corrections()
    load_questions()
    same_person("Sarah Jones", "Ms S Jones")
    parse_category("neglect")
    parse_role("social worker")


@dataclass
class Session:
    """One conversation about one record."""

    settings: Settings = field(default_factory=Settings)
    kind: str = "conference"
    record: dict[str, Any] = field(default_factory=dict)
    store: Any = None                      # a minutes.records.store.Store, or None (nothing persisted)
    extractor: Extractor | None = None
    history: list[tuple[str, str]] = field(default_factory=list)
    pending: Pending | None = None
    skipped: list[str] = field(default_factory=list)
    undo_stack: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.record:
            self.record = new_record(self.kind)
        self.kind = self.record.get("kind", self.kind)
        if self.extractor is None:
            self.extractor = pipeline_extractor(self.settings)
        warm_up()

    # ------------------------------------------------------------------ starting
    @classmethod
    def resume(cls, store: Any, record_id: int, settings: Settings | None = None, **kw: Any) -> "Session":
        """The session for a stored record, with its conversation so far as history."""
        record = store.get(record_id)
        session = cls(settings=settings or Settings(), record=record, store=store, **kw)
        session.history = [(m["role"], m["text"]) for m in store.messages(record_id)]
        return session

    def start_from_file(self, path: Path) -> Reply:
        """Read a notes file into the record; the reply says what was found and asks the first question."""
        from ..flow import extract_documents, read_file

        document = read_file(path, self.settings)
        extraction = next(extract_documents([document], self.settings)).to_json()
        self.record["source"] = {k: extraction["source"].get(k) for k in ("name", "format", "sha256")}
        change = merge_extraction(self.record, extraction, [b.text for b in document.blocks])
        return self._after_change(f"(read {Path(path).name})", change, first=f"Read {Path(path).name}.")

    def opening(self) -> str:
        """The first thing shown: where the record stands and the first question."""
        if self.record.get("id") and self.history:
            head = f"Resuming record {self.record['id']} ({len(self.history)} earlier messages)."
        else:
            head = f"New {self.kind} record. Paste notes or answer the questions; /help for help."
        return head + "\n" + self._ask()

    # ------------------------------------------------------------------ messages
    def handle(self, message: str) -> Reply:
        """Answer one message (a command, an answer, a correction or more notes)."""
        text = message.strip()
        if not text:
            return Reply(self.pending.text if self.pending else "")
        try:
            if text.startswith("/"):
                reply = self._command(text)
            else:
                reply = self._message(text)
        except MinutesError as exc:
            reply = Reply(f"Sorry: {exc}")
        self._log("user", text)
        self._log("assistant", reply.text)
        return reply

    def _message(self, text: str) -> Reply:
        if self.pending and text.lower() in SKIP_WORDS:
            self.skipped.append(self._pending_key())
            self.pending = None
            return Reply("Skipped.\n" + self._ask())
        correction = load_corrections().match(text)
        if self.pending and self.pending.question.answer != "notes" and correction is None:
            before = copy.deepcopy(self.record)
            try:
                change = self._answer(self.pending, text)
            except BadAnswer as exc:
                if not self._looks_like_notes(text):
                    return Reply(f"{exc}.\n{self.pending.text}")
            else:
                return self._after_change(text, change, before=before)
        if correction is not None:
            before = copy.deepcopy(self.record)
            try:
                change = apply_correction(self.record, correction, self.settings)
            except BadAnswer as exc:
                self.record = before
                return Reply(f"{exc}.\n" + self._ask())
            return self._after_change(text, change, before=before)
        before = copy.deepcopy(self.record)
        extraction, texts = self.extractor(text)  # type: ignore[misc]
        change = merge_extraction(self.record, extraction, texts)
        if not change:
            return Reply("I found nothing to add in that. /missing lists what is still needed.\n" + self._ask())
        return self._after_change(text, change, before=before)

    @staticmethod
    def _looks_like_notes(text: str) -> bool:
        return "\n" in text or ":" in text or len(text.split()) > NOTE_WORDS

    def _pending_key(self) -> str:
        assert self.pending is not None
        path = self.pending.question.path
        return f"{path}:{self.pending.target}" if self.pending.target else path

    def _answer(self, pending: Pending, text: str) -> Change:
        """Fill the pending question's field from `text`; BadAnswer with the reason otherwise."""
        q, r, change = pending.question, self.record, Change()
        path, kind = q.path, q.answer
        if kind == "date":
            day = parse_date(text, r.get("conference_date") if path != "conference_date" else None,
                             self.settings.nation)
            self._check_date(pending, day)
            time = parse_time(text)
            if path == "core_group.date":
                r["core_group"] = {**(r.get("core_group") or {"time": None, "venue": None, "members": []}),
                                   "date": day.isoformat()}
                if time:
                    r["core_group"]["time"] = time
            else:
                r[path] = day.isoformat()
                if time and path == "review_date":
                    r["review_time"] = time
            change.lines.append(f"{_label(path)}: {long_date(day)}" + (f" at {time}." if time else "."))
        elif kind == "time":
            time = parse_time(text)
            if time is None:
                raise BadAnswer(f"'{text}' is not a time I can read; try 10am, 2.30pm or 14:00")
            r["core_group"] = {**(r.get("core_group") or {"date": None, "venue": None, "members": []}), "time": time}
            change.lines.append(f"Core group time: {time}.")
        elif kind == "category":
            from .merge import set_decision

            set_decision(r, pending.target or "", None, parse_category(text), change)
        elif kind == "decision":
            from .merge import set_decision

            set_decision(r, pending.target or "", parse_choice(text, DECISIONS, "decision"), None, change)
        elif kind == "conference_type":
            r["conference_type"] = parse_choice(text, CONFERENCE_TYPES, "conference type")
            change.lines.append(f"Conference type: {r['conference_type']}.")
        elif kind == "name":
            name = parse_name(text)
            key = path.split(".")[0]
            r[key] = {**(r.get(key) or {}), "name": name}
            change.lines.append(f"{_label(path)}: {name}.")
        elif kind == "children":
            from .merge import child_entry

            for name in parse_names(text):
                if find_person(r.get("children") or [], name) is None:
                    child_entry(r, name, change)
        elif kind == "list":
            r[path] = [p.strip() for p in text.split(",") if p.strip()]
            change.lines.append(f"{_label(path)}: {', '.join(r[path])}.")
        else:  # text
            if path == "core_group.venue":
                r["core_group"] = {**(r.get("core_group") or {"date": None, "time": None, "members": []}),
                                   "venue": text}
            else:
                r[path] = text
            change.lines.append(f"{_label(path)}: noted.")
        return change

    def _check_date(self, pending: Pending, day) -> None:
        from ..rules.calendar import is_working_day

        path = pending.question.path
        if path in ("conference_date", "review_date", "core_group.date") and not is_working_day(day, self.settings.nation):
            raise BadAnswer(f"{long_date(day)} is a weekend or bank holiday; a meeting cannot be held then")
        start = self.record.get("conference_date")
        if path != "conference_date" and start and day.isoformat() < start:
            raise BadAnswer(f"{long_date(day)} is before the conference ({start})")
        limit = limit_for(pending.question, self.record, self.settings)
        if limit and day > limit[0]:
            raise BadAnswer(f"{long_date(day)} is after the limit of {long_date(limit[0])} ({limit[1]}); "
                            f"to record it anyway type: the {'review' if path == 'review_date' else 'core group'} "
                            f"is on {long_date(day)}")

    # ------------------------------------------------------------------ after a change
    def _after_change(self, text: str, change: Change, before: dict | None = None, first: str = "") -> Reply:
        if before is not None:
            self.undo_stack.append(before)
            del self.undo_stack[:-UNDO_DEPTH]
        saved = self._persist()
        lines = [first] if first else []
        lines += change.lines or ["Nothing changed."]
        lines += change.flags
        if saved:
            lines.append(saved)
        lines.append(self._ask())
        return Reply("\n".join(l for l in lines if l))

    def _ask(self) -> str:
        target = TARGETS.get(self.kind, "letter")
        self.pending = next_question(self.record, target, self.settings, self.skipped)
        if self.pending:
            return self.pending.text
        left = missing(self.record, target)
        if left:
            return f"Still missing (skipped): {', '.join(label for _, label, _ in left)}."
        return f"The {target} has everything it needs: /render {target}"

    def _persist(self) -> str:
        """Save the record (new or update); '' when saved quietly, else a note for the reply."""
        if self.store is None:
            return ""
        if self.record.get("id"):
            self.store.update(int(self.record["id"]), self.record, reason="chat")
            return ""
        record_id = self.store.save(self.record)
        for role, said in self.history:
            self.store.add_message(record_id, role, said)
        return f"(Saved as record {record_id}; resume with: minutes chat --resume {record_id})"

    def _log(self, role: str, text: str) -> None:
        self.history.append((role, text))
        if self.store is not None and self.record.get("id"):
            self.store.add_message(int(self.record["id"]), role, text)

    # ------------------------------------------------------------------ commands
    def _command(self, text: str) -> Reply:
        try:
            words = shlex.split(text)
        except ValueError:
            words = text.split()
        name, args = words[0].lower(), words[1:]
        if name == "/quit":
            return Reply("Bye." + (f" The record is saved as {self.record['id']}." if self.record.get("id") else ""),
                         done=True)
        if name == "/help":
            return Reply(HELP)
        if name == "/show":
            from .show import show_record

            return Reply(show_record(self.record))
        if name == "/missing":
            target = args[0] if args else TARGETS.get(self.kind, "letter")
            left = missing(self.record, target)
            return Reply(f"The {target} still needs: " + "; ".join(l for _, l, _ in left) + "."
                         if left else f"The {target} has everything it needs.")
        if name == "/undo":
            if not self.undo_stack:
                return Reply("Nothing to undo.")
            record_id = self.record.get("id")
            self.record = self.undo_stack.pop()
            self.record["id"] = record_id
            self._persist()
            return Reply("Undone.\n" + self._ask())
        if name == "/save":
            if self.store is None:
                return Reply("No store is open, so nothing can be saved.")
            note = self._persist()
            return Reply(note or f"Saved record {self.record['id']}.")
        if name == "/skip":
            return self._message("skip")
        if name == "/render":
            return Reply(self._render(args))
        return Reply(f"Unknown command '{name}'; commands: {', '.join(COMMANDS)}")

    def _render(self, args: list[str]) -> str:
        from .show import render_document

        if not args or args[0] not in DOCUMENTS:
            return f"Say which document: /render {'|'.join(DOCUMENTS)} [--format docx|html|md] [--out PATH]"
        document, fmt, out, force = args[0], "docx", None, False
        rest = args[1:]
        while rest:
            flag = rest.pop(0)
            if flag == "--format" and rest:
                fmt = rest.pop(0)
            elif flag == "--out" and rest:
                out = rest.pop(0)
            elif flag == "--force":
                force = True
            else:
                return f"Unknown option '{flag}'; use --format docx|html|md, --out PATH, --force"
        if fmt not in FORMATS:
            return f"Unknown format '{fmt}'; use {', '.join(FORMATS)}"
        left = missing(self.record, document)
        if left:
            return f"Cannot render {document}: missing {', '.join(l for _, l, _ in left)}."
        return render_document(self.record, document, fmt, out, force, self.settings)


def _label(path: str) -> str:
    return {"conference_date": "Conference date", "review_date": "Review conference",
            "core_group.date": "First core group", "core_group.venue": "Core group place",
            "lead_social_worker.name": "Lead social worker", "chair.name": "Chair",
            "concerns": "Concerns", "child_views": "Views of the child", "parent_views": "Views of the parents",
            "contingency_plan": "Contingency plan", "distribution": "Distribution", "body": "Committee",
            "meeting_date": "Meeting date"}.get(path, path)

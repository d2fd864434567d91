"""Front ends for a chat Session: prompt_toolkit on a terminal, a plain line loop otherwise.

Everything shown passes through `safe()`, so escape codes or markup typed or pasted by the user
are printed literally.  In the plain loop (stdin not a terminal) each line is one message; a line
holding only three double quotes starts and ends a multi-line message.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from typing import IO, Iterable, Iterator

from .session import COMMANDS, DOCUMENTS, FORMATS, Session

PROMPT = "you> "
FENCE = '"""'


def safe(text: str) -> str:
    """Text with control characters (ESC, BEL, CSI ...) shown as \\x.. escapes; newlines and tabs kept."""
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d":
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def messages(lines: Iterable[str]) -> Iterator[str]:
    """Lines -> messages: one a line, or the lines between two \"\"\" fences joined."""
    block: list[str] | None = None
    for line in lines:
        line = line.rstrip("\r\n")
        if line.strip() == FENCE:
            if block is None:
                block = []
            else:
                yield "\n".join(block)
                block = None
            continue
        if block is not None:
            block.append(line)
        else:
            yield line
    if block:
        yield "\n".join(block)


def run_plain(session: Session, stdin: IO[str], stdout: IO[str], opening: str = "") -> int:
    """The scriptable loop: read messages from `stdin`, write each reply plainly; 0 at the end."""
    if opening:
        stdout.write(safe(opening) + "\n")
    for message in messages(stdin):
        if not message.strip():
            continue
        stdout.write(f"{PROMPT}{safe(message)}\n")
        reply = session.handle(message)
        stdout.write(safe(reply.text) + "\n")
        stdout.flush()
        if reply.done:
            break
    return 0


def _completer(session: Session):
    from prompt_toolkit.completion import Completer, Completion

    class ChatCompleter(Completer):
        """Commands after "/", documents and formats after /render, and names already in the record."""

        def get_completions(self, document, complete_event):
            text = document.text_before_cursor
            word = document.get_word_before_cursor(pattern=re.compile(r"[/\w'-]+"))
            if text.startswith("/") and " " not in text:
                options: Iterable[str] = COMMANDS
            elif text.startswith("/render"):
                options = (*DOCUMENTS, "--format", *FORMATS, "--out", "--force")
            else:
                record = session.record
                names = [p.get("name") for key in ("attendees", "children") for p in record.get(key) or []]
                names += [(record.get(k) or {}).get("name") for k in ("chair", "lead_social_worker")]
                options = sorted({n for n in names if n})
            for option in options:
                if word and option.lower().startswith(word.lower()) and option != word:
                    yield Completion(option, start_position=-len(word))

    return ChatCompleter()


def run_terminal(session: Session, opening: str = "") -> int:
    """The interactive loop: history, line editing, bracketed multi-line paste, tab completion."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import InMemoryHistory

    def say(text: str) -> None:
        # plain print of escaped text: no markup is interpreted, no escape code reaches the terminal
        sys.stdout.write(safe(text) + "\n")
        sys.stdout.flush()

    prompt = PromptSession(history=InMemoryHistory(), completer=_completer(session), complete_while_typing=False)
    for role, text in session.history:
        if role == "user":
            prompt.history.append_string(text)
    if opening:
        say(opening)
    while True:
        try:
            message = prompt.prompt(PROMPT)
        except KeyboardInterrupt:
            continue
        except EOFError:
            say(session.handle("/quit").text)
            return 0
        reply = session.handle(message)
        if reply.text:
            say(reply.text)
        if reply.done:
            return 0

"""`minutes chat`: build and correct a record by conversation (registered in cli.py)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

KINDS = ("conference", "committee")


def chat(
    file: Annotated[Optional[Path], typer.Argument(help="Notes to start from (.txt .md .docx .pdf .vtt .srt).")] = None,
    kind: Annotated[str, typer.Option("--kind", help="conference or committee (when starting from nothing).")] = "conference",
    resume: Annotated[Optional[int], typer.Option("--resume", help="Carry on the session of this stored record id.")] = None,
    db: Annotated[Optional[str], typer.Option("--db", envvar="MINUTES_DB", help="Record store (SQLAlchemy URL or SQLite file).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy base pipeline.", envvar="MINUTES_MODEL")] = None,
) -> None:
    """Build and correct a record by conversation, then render the letter, record or minutes from it.

    Type or paste notes; each message is read like a file and merged, the reply says what changed and
    asks for what the document still needs.  Without a terminal, messages are read line by line
    from standard input (a line of three double quotes starts and ends a multi-line message).

    Example: minutes chat samples/icpc_notes_smith.txt
    """
    from .chat.session import Session
    from .chat.terminal import run_plain, run_terminal
    from .cli import reported, settings
    from .records.store import Store

    if kind not in KINDS:
        typer.echo(f"Error: unknown kind '{kind}'; use conference or committee", err=True)
        raise typer.Exit(code=2)
    if file is not None and resume is not None:
        typer.echo("Error: give a FILE or --resume ID, not both", err=True)
        raise typer.Exit(code=2)
    with reported():
        cfg = settings(model=model, db=db)
        store = Store.open(cfg.db)
        if resume is not None:
            session = Session.resume(store, resume, cfg)
            opening = session.opening()
        else:
            session = Session(settings=cfg, kind=kind, store=store)
            opening = session.start_from_file(file).text if file is not None else session.opening()
    try:
        if sys.stdin.isatty() and sys.stdout.isatty():
            code = run_terminal(session, opening)
        else:
            code = run_plain(session, sys.stdin, sys.stdout, opening)
    finally:
        store.close()
    raise typer.Exit(code=code)

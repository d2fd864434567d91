"""`minutes render` and `minutes templates`: documents from records, and the templates behind them.

Only Typer is imported at the top, so `minutes --help` stays fast.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

KIND_HELP = "letter, record, minutes, agenda or agenda-report."
templates_app = typer.Typer(name="templates", help="List, show and copy the document templates.",
                            no_args_is_help=True, pretty_exceptions_show_locals=False)


def _format_for(fmt: Optional[str], out: Path) -> str:
    if fmt:
        return fmt
    suffix = out.suffix.lower().lstrip(".")
    return {"markdown": "md", "htm": "html"}.get(suffix, suffix) if suffix in ("docx", "html", "htm", "md", "markdown", "pdf") else "docx"


def render(
    kind: Annotated[str, typer.Argument(help=KIND_HELP)],
    source: Annotated[str, typer.Argument(help="A notes file (read and extracted now), a record .json file, or a stored record id.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write (exactly this path).")],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="docx, html, md or pdf (default: from --out's suffix, else docx).")] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Render even with required fields missing: [MISSING: ...] placeholders and a DRAFT mark.")] = False,
    redact: Annotated[bool, typer.Option("--redact", help="Children's and family members' names become ids or initials.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")] = False,
    front: Annotated[Optional[Path], typer.Option("--front", help="YAML or TOML front matter for an agenda-report (title, report of, recommendations ...).")] = None,
    templates: Annotated[Optional[Path], typer.Option("--templates", envvar="MINUTES_TEMPLATE_DIR", help="A folder of templates that override the bundled ones.")] = None,
    letter_date: Annotated[Optional[str], typer.Option("--date", help="The letter's date, YYYY-MM-DD (default: today).")] = None,
) -> None:
    """Render a letter, conference record, minutes, agenda or agenda report from notes or a record.

    Refuses, naming every missing field, when the record lacks what the document needs (use
    --draft for a marked draft).  Writes atomically, never overwrites without --force, mode 0600.

    Example: minutes render letter samples/icpc_notes_smith.txt --out letter.docx
    """
    from .cli import reported, settings
    from .errors import RenderError
    from .render import FORMATS, KINDS, render as render_document
    from .render.write import write_atomic

    with reported():
        if kind not in KINDS:
            raise RenderError(f"unknown document kind '{kind}'; use {', '.join(KINDS)}")
        chosen = _format_for(fmt, out)
        if chosen not in FORMATS:
            raise RenderError(f"unknown format '{chosen}'; use {', '.join(FORMATS)}")
        if out.exists() and not force:
            raise RenderError(f"'{out.name}' already exists; use --force to overwrite it")
        today = _parse_date(letter_date)
        cfg = settings(template_dir=str(templates) if templates else None)
        front_data = None
        if front is not None:
            from .render.front import load_front

            front_data = load_front(front)
        from .render.source import load_record

        record = load_record(source, cfg)
        data = render_document(kind, record, chosen, draft=draft, redact=redact, front=front_data, today=today,
                               template_dir=cfg.template_dir, letterhead=getattr(cfg, "letterhead", None))
        write_atomic(out, data, force=force)
        typer.echo(f"{out}: {kind} ({chosen}{', draft' if draft else ''}{', redacted' if redact else ''})")


def _parse_date(text: Optional[str]) -> Optional[date]:
    from .errors import RenderError

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RenderError(f"--date '{text}' is not a date; use YYYY-MM-DD") from None


@templates_app.command("list")
def templates_list(
    templates: Annotated[Optional[Path], typer.Option("--templates", envvar="MINUTES_TEMPLATE_DIR", help="A folder of templates that override the bundled ones.")] = None,
) -> None:
    """List the templates: name, kind, format and where it comes from (user folder or bundled).

    Example: minutes templates list
    """
    from .cli import reported, settings
    from .render.catalogue import catalogue

    with reported():
        cfg = settings(template_dir=str(templates) if templates else None)
        for entry in catalogue(cfg.template_dir):
            typer.echo(f"{entry.name:24} {entry.kind:14} {entry.fmt:5} {entry.origin}")


@templates_app.command("show")
def templates_show(
    name: Annotated[str, typer.Argument(help="A template file name (letter.docx, letter.html.j2 ...).")],
    templates: Annotated[Optional[Path], typer.Option("--templates", envvar="MINUTES_TEMPLATE_DIR", help="A folder of templates that override the bundled ones.")] = None,
) -> None:
    """Show a template: the text of a Jinja template, or the variables a Word template uses.

    Example: minutes templates show letter.docx
    """
    from .cli import reported, settings
    from .render.catalogue import describe

    with reported():
        cfg = settings(template_dir=str(templates) if templates else None)
        typer.echo(describe(name, cfg.template_dir))


@templates_app.command("copy")
def templates_copy(
    name: Annotated[str, typer.Argument(help="A kind (letter copies letter.docx, letter.html.j2 and letter.md.j2) or a template file name.")],
    directory: Annotated[Path, typer.Argument(help="The folder to copy into (then set template_dir or --templates to it).")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")] = False,
) -> None:
    """Copy bundled templates into a folder to customise them (letterhead, fonts, wording).

    Example: minutes templates copy letter my-templates
    """
    from .cli import reported
    from .render.catalogue import copy_templates

    with reported():
        for path in copy_templates(name, directory, force=force):
            typer.echo(f"copied {path}")

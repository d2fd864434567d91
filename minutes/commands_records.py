"""`minutes records ...`: list, show, edit, delete, export and import stored records, and the
`ingest --save` batch.  Commands parse options, call the store or `flow`, and print.

Heavy libraries (SQLAlchemy, spaCy, rich tables) are imported inside the commands.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .errors import MinutesError

records_app = typer.Typer(
    name="records",
    help="List, show, correct, delete, export and import stored records.  Example: minutes records list --format json",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)

KindOpt = Annotated[Optional[str], typer.Option("--kind", help="conference or committee.")]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="Meetings on or after this date (YYYY-MM-DD).")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Meetings on or before this date (YYYY-MM-DD).")]
BodyOpt = Annotated[Optional[str], typer.Option("--body", help="Committee or board name (part of it, any case).")]


def _cli():
    from . import cli

    return cli


def _store():
    from . import flow

    return flow.open_store(_cli().settings())


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in ("conference", "committee"):
        typer.echo(f"Error: unknown kind '{kind}'; use conference or committee", err=True)
        raise typer.Exit(code=2)


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        typer.echo(f"Error: unknown format '{fmt}'; use {' or '.join(allowed)}", err=True)
        raise typer.Exit(code=2)


@records_app.command("list")
def list_records(
    kind: KindOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    body: BodyOpt = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most this many (newest meeting date first).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List stored records (id, kind, date, title, body, source), newest meeting first.

    Example: minutes records list --kind conference --from 2026-01-01 --format json
    """
    _check_kind(kind)
    _check_format(fmt, ("table", "json"))
    with _cli().reported(), _store() as store:
        rows = store.list(kind=kind, date_from=date_from, date_to=date_to, body=body, limit=limit)
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from .records.show import print_summaries

    print_summaries(rows)


@records_app.command("show")
def show(
    record_id: Annotated[int, typer.Argument(help="The record's id (see `minutes records list`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
) -> None:
    """Show one record in full, as readable tables or as JSON.

    Example: minutes records show 12
    """
    with _cli().reported(), _store() as store:
        record = store.get(record_id)
    if as_json:
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from .records.show import print_record

    print_record(record)
    if record.get("kind") == "conference":       # due dates and flags (minutes/rules/due.py)
        from .rules.due import summary

        with _cli().reported():
            items = summary(record, _cli().settings())
        for item in items:
            typer.echo(f"due {item['due'] or '-':10}  {item['label']}: {item['text']}")


@records_app.command("edit")
def edit(record_id: Annotated[int, typer.Argument(help="The record's id.")]) -> None:
    """Correct a record in your editor ($VISUAL or $EDITOR) as YAML; it is saved only if it validates.

    Example: EDITOR=nano minutes records edit 12
    """
    from .records.editing import edit_record

    interactive = sys.stdin.isatty()
    with _cli().reported(), _store() as store:
        outcome = edit_record(store, record_id, interactive=interactive,
                              retry=(lambda: typer.confirm("Open the editor again?", default=True)) if interactive else None)
    typer.echo(outcome)


@records_app.command("delete")
def delete(
    record_id: Annotated[int, typer.Argument(help="The record's id.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a record (asks first; the audit keeps that it existed, not its content).

    Example: minutes records delete 12 --yes
    """
    with _cli().reported(), _store() as store:
        summary = store.get(record_id)
        if not yes:
            title = summary.get("title") or summary.get("family_name") or summary.get("body") or summary.get("kind")
            if not typer.confirm(f"Delete record {record_id} ({summary.get('kind')}, {title})?", default=False):
                typer.echo("Not deleted.")
                raise typer.Exit(code=1)
        store.delete(record_id)
    typer.echo(f"Deleted record {record_id}.")


@records_app.command("export")
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (whole records) or csv (one row per record).")] = "json",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file (default: standard output).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --out file.")] = False,
    kind: KindOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
) -> None:
    """Export records as JSON or CSV (CSV cells that could run as spreadsheet formulas are neutralised).

    Example: minutes records export --format csv --out records.csv
    """
    from .records.exchange import export_text, write_private

    _check_format(fmt, ("json", "csv"))
    _check_kind(kind)
    with _cli().reported(), _store() as store:
        text = export_text(store.iter_records(kind=kind, date_from=date_from, date_to=date_to), fmt)
        if out is None:
            sys.stdout.write(text)
        else:
            write_private(out, text, force=force)
            typer.echo(f"Wrote {out.name}.", err=True)


@records_app.command("import")
def import_records(
    path: Annotated[Path, typer.Argument(help="A JSON file: one record or a list of records (as `records export` writes).")],
    force: Annotated[bool, typer.Option("--force", help="Replace records whose source document is already stored.")] = False,
) -> None:
    """Import records from JSON: each is validated; a bad one is reported by its index and the rest go on.

    Example: minutes records import records.json
    """
    from .records.exchange import import_file

    failed: list[str] = []

    def on_problem(index: int, message: str) -> None:
        typer.echo(f"Error: record {index}: {message}", err=True)
        failed.append(str(index))

    with _cli().reported(), _store() as store:
        saved, total = import_file(store, path, force=force, on_problem=on_problem)
    typer.echo(f"Imported {len(saved)} of {total} record(s)" + (f": ids {', '.join(map(str, saved))}" if saved else "") + ".")
    if failed:
        raise typer.Exit(code=1)


def ingest_save(files: list[Path], cfg: Any, force: bool, workers: int) -> list[str]:
    """`ingest --save`: extract, build and store each file with a progress bar on stderr.
    Prints one line per file; returns the names of the files that failed."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from . import flow

    failed: list[str] = []
    console = Console(stderr=True)
    with _cli().reported(), flow.open_store(cfg) as store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("ingest", total=len(files))

        def on_error(path: Path, exc: MinutesError) -> None:
            typer.echo(f"Error: {exc}", err=True)
            failed.append(path.name)
            progress.advance(task)

        for path, record_id, status in flow.ingest_files(files, cfg, store, force=force, n_process=workers, on_error=on_error):
            if status == "stored":
                typer.echo(f"{path.name}: already stored as record {record_id} (use --force)")
            else:
                typer.echo(f"{path.name}: record {record_id}" + (" (replaced)" if status == "replaced" else ""))
            progress.advance(task)
    return failed

"""The `minutes` command line.  Commands are thin: parse options, call one library function, print.

Heavy libraries (spaCy, pdfplumber, python-docx) are imported inside the commands that need
them, so `minutes --help` stays fast.
"""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from . import __version__
from .config import Settings, load_settings
from .errors import MinutesError

app = typer.Typer(
    name="minutes",
    help="Turn child protection conference notes and committee minutes into records and documents.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

_state: dict[str, object] = {"config": None, "db": None}


def settings(**overrides: object) -> Settings:
    """Settings for this invocation: defaults < config file < MINUTES_* < options."""
    if overrides.get("db") is None and _state.get("db") is not None:
        overrides["db"] = _state["db"]          # the global --db option
    return load_settings(_state["config"], overrides)  # type: ignore[arg-type]


@contextmanager
def reported() -> Iterator[None]:
    """The only place where library errors become one line on stderr and exit code 1."""
    try:
        yield
    except MinutesError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(code=1) from None


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"minutes {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
    config: Annotated[
        Optional[Path],
        typer.Option("--config", envvar="MINUTES_CONFIG", help="A TOML settings file (default: the user config folder)."),
    ] = None,
    db: Annotated[
        Optional[str],
        typer.Option("--db", help="Record store: a SQLAlchemy URL or SQLite file (or MINUTES_DB; default: the user data folder)."),
    ] = None,
) -> None:
    """Turn child protection conference notes and committee minutes into records and documents."""
    _state["config"] = config
    _state["db"] = db


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; directories expanded to the supported files inside them, sorted."""
    from .ingest import SUPPORTED

    out: list[Path] = []
    for path in paths:
        inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED) if path.is_dir() else []
        # a folder with nothing readable is passed on, so the reader reports it by name
        out.extend(inside or [path])
    return out


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Notes or minutes: .txt .md .docx .pdf .vtt .srt, or folders of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the blocks as JSON instead of a table.")] = False,
    max_file_mb: Annotated[Optional[float], typer.Option(help="Refuse files larger than this (MB).")] = None,
    save: Annotated[bool, typer.Option("--save", help="Extract records and save them in the store.")] = False,
    force: Annotated[bool, typer.Option("--force", help="With --save: replace records of documents already stored.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="With --save: processes for the NLP (spaCy multiprocessing).")] = 1,
    db: Annotated[Optional[str], typer.Option("--db", help="With --save: the record store (SQLAlchemy URL or file).")] = None,
    model: Annotated[Optional[str], typer.Option(help="With --save: spaCy base pipeline.", envvar="MINUTES_MODEL")] = None,
) -> None:
    """Read files and show their text blocks; with --save, extract records and store them.

    Example: minutes ingest samples/icpc_notes_smith.txt
    Example: minutes ingest samples/ --save --workers 2
    """
    from . import flow

    with reported():
        cfg = settings(max_file_mb=max_file_mb, db=db, model=model)
    files = expand_paths(paths)
    if save:
        from .commands_records import ingest_save

        failed = ingest_save(files, cfg, force=force, workers=workers)
        if failed or not files:
            typer.echo(f"{len(failed)} of {len(files)} file(s) failed: {', '.join(failed)}" if files
                       else "Error: no supported files found", err=True)
            raise typer.Exit(code=1)
        return
    failed: list[str] = []
    documents = []
    for path in files:
        try:
            documents.append(flow.read_file(path, cfg))
        except MinutesError as exc:
            typer.echo(f"Error: {exc}", err=True)
            failed.append(path.name)
    if as_json:
        json.dump([d.to_dict() for d in documents], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from .ingest.show import print_documents

        print_documents(documents)
    if failed:
        typer.echo(f"{len(failed)} of {len(files)} file(s) failed: {', '.join(failed)}", err=True)
        raise typer.Exit(code=1)
    if not files:
        typer.echo("Error: no supported files found", err=True)
        raise typer.Exit(code=1)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Notes or minutes files, or folders of them.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "table",
    model: Annotated[Optional[str], typer.Option(help="spaCy base pipeline (installed package or path).", envvar="MINUTES_MODEL")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes for the NLP (spaCy multiprocessing).")] = 1,
) -> None:
    """Extract attendees, agencies, categories, risk factors, decisions, actions and dates.

    Example: minutes extract samples/icpc_notes_smith.txt --format json
    """
    from . import flow

    if fmt not in ("json", "table"):
        typer.echo(f"Error: unknown format '{fmt}'; use json or table", err=True)
        raise typer.Exit(code=2)
    with reported():
        cfg = settings(model=model)
    files = expand_paths(paths)
    failed: list[str] = []

    def on_error(path: Path, exc: MinutesError) -> None:
        typer.echo(f"Error: {exc}", err=True)
        failed.append(path.name)

    with reported():
        results = [x.to_json() for _, x in flow.extract_files(files, cfg, n_process=workers, on_error=on_error)]
    if fmt == "json":
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from .show import print_extractions

        print_extractions(results)
    if failed or not files:
        if not files:
            typer.echo("Error: no supported files found", err=True)
        else:
            typer.echo(f"{len(failed)} of {len(files)} file(s) failed: {', '.join(failed)}", err=True)
        raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold documents (NAME.txt + NAME.json); dev/ and heldout/ are scored apart.")],
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score bare en_core_web_sm.")] = True,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Also list F1 per document.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy base pipeline.", envvar="MINUTES_MODEL")] = None,
) -> None:
    """Score extraction against hand-annotated gold data: precision, recall and F1 per field.

    Example: minutes evaluate benchmarks/gold
    """
    from . import flow
    from .show import print_scores

    with reported():
        cfg = settings(model=model)
        rows, details = flow.evaluate_gold(gold_dir, cfg, baseline=baseline)
    print_scores(rows)
    if per_doc:
        for split, docs in details:
            for name, counts in docs:
                cells = " ".join(f"{f}={c.f1:.2f}" for f, c in counts.items() if not c.empty)
                typer.echo(f"{split}/{name}: {cells}")


from .commands_chat import chat as _chat  # noqa: E402  the chat session (minutes/chat/)

app.command(name="chat")(_chat)


from .commands_records import records_app as _records_app  # noqa: E402  list, show, edit, delete, export, import

app.add_typer(_records_app, name="records")


from .commands_render import render as _render, templates_app as _templates_app  # noqa: E402  documents (minutes/render/)

app.command(name="render")(_render)
app.add_typer(_templates_app, name="templates")


from .commands_report import check as _check, due as _due, report_app as _report_app  # noqa: E402  timescales, checks, service report

app.command(name="due")(_due)
app.command(name="check")(_check)
app.add_typer(_report_app, name="report")

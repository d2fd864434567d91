"""Print stored records for people (rich), escaping all user text.

`print_record` walks the record's JSON form: plain fields as "label: value" lines, lists of
objects as tables (evidence shown as its block number), nested objects as indented lines.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

SUMMARY_COLUMNS = ("id", "kind", "date", "title", "body", "source_name", "updated")
ENVELOPE = ("id", "kind", "schema", "source", "created", "updated", "draft")


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _cell(value: Any) -> str:
    from rich.markup import escape

    if value is None or value == [] or value == "":
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        if set(value) == {"block", "start", "end"}:
            return f"block {value['block']}"
        return escape(", ".join(f"{k}: {_cell(v)}" for k, v in value.items() if v not in (None, [], "")))
    if isinstance(value, list):
        return escape("; ".join(_cell(v) for v in value))
    return escape(str(value))


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def print_summaries(rows: Iterable[Mapping[str, Any]]) -> None:
    from rich.table import Table

    rows = list(rows)
    console = _console()
    if not rows:
        console.print("No records.")
        return
    table = Table(expand=True)
    for col in SUMMARY_COLUMNS:
        table.add_column("source" if col == "source_name" else col, no_wrap=col in ("id", "date"))
    for row in rows:
        table.add_row(*(_cell(row.get(col)) for col in SUMMARY_COLUMNS))
    console.print(table)
    console.print(f"{len(rows)} record(s)")


def print_record(record: Mapping[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    source = record.get("source") or {}
    console.rule(escape(f"record {record.get('id')}  ({record.get('kind')})  {source.get('name') or ''}"))
    console.print(escape(f"created {record.get('created') or '-'} | updated {record.get('updated') or '-'}"
                         f" | draft: {'yes' if record.get('draft', True) else 'no'}"))
    for key, value in record.items():
        if key in ENVELOPE or value in (None, [], ""):
            continue
        if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            columns = [c for c in dict.fromkeys(k for v in value for k in v) if any(v.get(c) not in (None, [], "") for v in value)]
            table = Table(title=_label(key), expand=True, title_justify="left")
            for col in columns:
                table.add_column(col)
            for item in value:
                table.add_row(*(_cell(item.get(col)) for col in columns))
            console.print(table)
        elif isinstance(value, list):
            console.print(f"[bold]{_label(key)}[/bold]:")
            for item in value:
                console.print(f"  - {_cell(item)}")
        elif isinstance(value, Mapping):
            console.print(f"[bold]{_label(key)}[/bold]: {_cell(value)}")
        elif isinstance(value, str) and ("\n" in value or len(value) > 100):
            console.print(f"[bold]{_label(key)}[/bold]:")
            console.print(escape(value))
        else:
            console.print(f"[bold]{_label(key)}[/bold]: {_cell(value)}")

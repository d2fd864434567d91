"""Print ingested documents as readable tables (only when the user asked to see them)."""
from __future__ import annotations

from typing import Iterable

from .blocks import Document


def print_documents(documents: Iterable[Document]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False)
    for doc in documents:
        m = doc.meta
        extra = f", {m.pages} page(s)" if m.pages else ""
        dropped = ", ".join(f"{n} {k}" for k, n in m.dropped.items() if n)
        title = f"{m.name} ({m.format}{extra}, {len(doc.blocks)} blocks{', dropped ' + dropped if dropped else ''})"
        table = Table(title=escape(title), show_lines=False, expand=True)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("where", no_wrap=True, style="dim")
        table.add_column("text", overflow="fold")
        for b in doc.blocks:
            kind = b.kind + (f" {b.level}" if b.kind == "heading" and b.level else "")
            where = f"p{b.page}" if b.page else ""
            if b.start is not None:
                where = _clock(b.start)
            text = b.text if b.kind != "turn" else f"{b.speaker or '?'}: {b.text}"
            if b.marker and b.kind == "list_item":
                text = f"{b.marker} {text}"
            table.add_row(str(b.index), kind, where, escape(text))
        console.print(table)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"

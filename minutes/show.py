"""Print extraction results and evaluation tables for people (rich), escaping all user text."""
from __future__ import annotations

from typing import Any, Iterable, Sequence


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_extractions(results: Iterable[dict[str, Any]]) -> None:
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    for r in results:
        m = r["meeting"]
        console.rule(escape(f"{r['source']['name']}  ({r['kind']})"))
        console.print(escape(f"Meeting: {m.get('title') or '-'} | date: {m.get('date') or '-'} | body: {m.get('body') or '-'}"))
        people = Table(title="Attendees", expand=True)
        for col in ("name", "role", "agency", "status", "block"):
            people.add_column(col)
        for a in r["attendees"]:
            people.add_row(*(escape(str(a.get(k) or "")) for k in ("name", "role", "agency", "attendance")), str(a["evidence"]["block"]))
        console.print(people)
        for key in ("agencies", "categories", "risk_factors", "dates"):
            console.print(escape(f"{key.replace('_', ' ').capitalize()}: {', '.join(r[key]) or '-'}"))
        if r["decisions"]:
            console.print("Decisions:")
            for d in r["decisions"]:
                console.print(escape(f"  - {d}"))
        if r["actions"]:
            actions = Table(title="Actions", expand=True)
            for col in ("what", "owner", "due"):
                actions.add_column(col)
            for a in r["actions"]:
                actions.add_row(escape(a["what"]), escape(a.get("owner") or ""), escape(a.get("due") or a.get("due_text") or ""))
            console.print(actions)
        for c in r.get("conferences", []):
            console.print(escape(
                f"Conference: {c.get('type') or '?'}; outcome {c.get('outcome') or '?'}; chair {c.get('chair') or '?'}; "
                f"lead SW {c.get('lead_social_worker') or '?'}; core group {c.get('core_group_date') or '?'}; "
                f"review {c.get('review_date') or '?'}"
            ))
        for note in r.get("notes", []):
            console.print(escape(f"Note: {note}"), style="yellow")


def print_scores(rows: Sequence[tuple[str, Any, Any]]) -> None:
    """rows: (split name, product Score, baseline Score or None)."""
    from rich.table import Table

    from .evaluate import FIELDS

    console = _console()
    for split, score, base in rows:
        table = Table(title=f"{split}: {score.documents} document(s)")
        table.add_column("field")
        for col in ("P", "R", "F1", "gold", "baseline F1"):
            table.add_column(col, justify="right")
        for f in FIELDS:
            c = score.fields[f]
            b = base.fields[f].f1 if base is not None else None
            table.add_row(f, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp + c.fn), "-" if b is None else f"{b:.2f}")
        table.add_row("macro", "", "", f"{score.macro_f1:.2f}", "", "-" if base is None else f"{base.macro_f1:.2f}")
        console.print(table)

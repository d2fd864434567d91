"""/show and /render for the chat: the record as short plain lines, and rendering when available."""
from __future__ import annotations

from typing import Any, Mapping



def _who(person: Mapping[str, Any] | None) -> str:
    return (person or {}).get("name") or "-"


def show_record(record: Mapping[str, Any]) -> str:
    """A short summary of the record, one fact a line."""
    if record.get("kind") == "committee":
        return _show_committee(record)
    lines = [f"Record {record.get('id') or '(not saved)'}: {record.get('conference_type') or '?'} conference "
             f"on {record.get('conference_date') or '?'}"]
    for child in record.get("children") or []:
        lines.append(f"Child: {child['name']} - {child.get('decision') or 'no decision yet'}"
                     + (f", {child['category']}" if child.get("category") else ""))
    lines.append(f"Chair: {_who(record.get('chair'))}; lead social worker: {_who(record.get('lead_social_worker'))}")
    people = record.get("attendees") or []
    for status in ("present", "apologies", "report submitted", "absent"):
        names = [p["name"] for p in people if p.get("status") == status]
        if names:
            lines.append(f"{status.capitalize()} ({len(names)}): {', '.join(names)}")
    core = record.get("core_group") or {}
    lines.append(f"First core group: {core.get('date') or '?'} {core.get('time') or ''} {core.get('venue') or ''}".rstrip())
    lines.append(f"Review conference: {record.get('review_date') or '?'} {record.get('review_time') or ''}".rstrip())
    if record.get("plan_actions"):
        lines.append(f"Plan actions: {len(record['plan_actions'])}")
    return "\n".join(lines)


def _show_committee(record: Mapping[str, Any]) -> str:
    lines = [f"Record {record.get('id') or '(not saved)'}: {record.get('body') or '?'} on {record.get('meeting_date') or '?'}"]
    people = record.get("attendees") or []
    for status in ("present", "in attendance", "apologies"):
        names = [p["name"] for p in people if p.get("status") == status]
        if names:
            lines.append(f"{status.capitalize()} ({len(names)}): {', '.join(names)}")
    for item in record.get("items") or []:
        lines.append(f"Item {item.get('number') or '-'}: {item.get('title') or '?'} ({len(item.get('resolutions') or [])} resolutions)")
    return "\n".join(lines)


def render_document(record: dict[str, Any], document: str, fmt: str, out: str | None, force: bool, settings) -> str:
    """Render `document` from the record and write it atomically (0600; never over a file without --force)."""
    from pathlib import Path

    from ..render import render
    from ..render.write import write_atomic

    data = render(document, record, fmt, template_dir=getattr(settings, "template_dir", None))
    path = Path(out) if out else Path(f"{document}-{record.get('id') or 'draft'}.{fmt}")
    write_atomic(path, data, force=force)
    return f"Wrote {path} ({len(data):,} bytes)."

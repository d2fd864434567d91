"""Documents from record dicts: letters, conference records, minutes, agendas and agenda reports.

    record dict -> (redact) -> required-field check (refuse, or --draft placeholders)
                -> context -> template (docx | html | md) -> bytes (pdf from html or docx)

`render()` is the one entry point; it never writes files (see `write.write_atomic`).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from ..errors import RenderError, TemplateFieldsMissing

KINDS = ("letter", "record", "minutes", "agenda", "agenda-report")
FORMATS = ("docx", "html", "md", "pdf")

__all__ = ["FORMATS", "KINDS", "prepare", "render"]


def prepare(kind: str, record: Mapping[str, Any], *, draft: bool = False, redact: bool = False,
            front: Mapping[str, Any] | None = None, today: date | None = None,
            letterhead: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The template context for `kind`, or TemplateFieldsMissing naming every missing field."""
    from . import context, requirements
    from .redact import redact as redact_record

    if kind not in KINDS:
        raise RenderError(f"unknown document kind '{kind}'; use {', '.join(KINDS)}")
    needed = requirements.spec(kind).record
    if record.get("kind") != needed:
        raise RenderError(f"a {kind} needs a {needed} record; this is a {record.get('kind') or 'unknown'} record")
    record = dict(record)
    if front:
        record["report"] = {**dict(record.get("report") or {}), **dict(front)}
    if redact:
        record = redact_record(record)
    missing = requirements.missing(kind, record)
    if missing and not draft:
        raise TemplateFieldsMissing(f"cannot render {kind}: missing {', '.join(missing)}; "
                                    "add them to the notes, or use --draft for a marked draft")
    if draft:
        record = requirements.fill_missing(kind, record)
    return context.build(kind, record, draft=draft, today=today, letterhead=letterhead)


def render(kind: str, record: Mapping[str, Any], fmt: str = "docx", *, draft: bool = False,
           redact: bool = False, front: Mapping[str, Any] | None = None, today: date | None = None,
           template_dir: str | None = None, letterhead: Mapping[str, Any] | None = None) -> bytes:
    """Render document `kind` from a record dict as `fmt` bytes."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown format '{fmt}'; use {', '.join(FORMATS)}")
    ctx = prepare(kind, record, draft=draft, redact=redact, front=front, today=today, letterhead=letterhead)
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(kind, ctx, template_dir)
    if fmt in ("html", "md"):
        from .text import render_text

        return render_text(kind, fmt, ctx, template_dir).encode("utf-8")
    from . import pdf

    route = pdf.available()
    if route == "xhtml2pdf":
        from .text import render_text

        return pdf.html_to_pdf(render_text(kind, "html", ctx, template_dir))
    if route == "libreoffice":
        from .docx import render_docx

        return pdf.docx_to_pdf(render_docx(kind, ctx, template_dir))
    raise RenderError(pdf.HOW_TO)

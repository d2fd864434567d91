"""Word documents through docxtpl from the `<kind>.docx` templates.

The template's variables are checked against the context before rendering, and rendering runs
with autoescaping, so "&" and "<" in agency names come out as written and Jinja or Word field
syntax inside notes stays literal text.
"""
from __future__ import annotations

import io
from functools import lru_cache
from typing import Any, Mapping

from jinja2 import TemplateError

from ..errors import RenderError, TemplateFieldsMissing
from .environment import docx_environment, find_template


def template_name(kind: str) -> str:
    return kind.replace("-", "_") + ".docx"


@lru_cache(maxsize=32)
def _declared(path: str, mtime_ns: int, template_dir: str | None) -> frozenset[str]:
    """The variables a Word template uses (docxtpl's check, done once per file version).

    `get_undeclared_template_variables(context=ctx)` is this set minus the context's keys; it
    re-reads and re-parses the whole document, so it is cached by path and modification time.
    """
    from docxtpl import DocxTemplate

    return frozenset(DocxTemplate(path).get_undeclared_template_variables(jinja_env=docx_environment(template_dir)))


def render_docx(kind: str, context: Mapping[str, Any], template_dir: str | None = None) -> bytes:
    """Render `kind` as .docx bytes."""
    from docxtpl import DocxTemplate

    name = template_name(kind)
    path = find_template(name, template_dir)
    env = docx_environment(template_dir)
    try:
        tpl = DocxTemplate(str(path))
        ctx = dict(context)
        missing = set(_declared(str(path), path.stat().st_mtime_ns, template_dir)) - set(ctx)
        if missing:
            raise TemplateFieldsMissing(f"template '{name}' needs: {', '.join(sorted(missing))}")
        tpl.render(ctx, jinja_env=env, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    except TemplateError as exc:
        raise RenderError(f"template '{name}' failed: {type(exc).__name__}: {exc}") from None
    except (KeyError, ValueError, OSError) as exc:
        raise RenderError(f"template '{name}' cannot be used as a Word template: {type(exc).__name__}") from None
    return out.getvalue()

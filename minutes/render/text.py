"""HTML and Markdown through the one Jinja environment (`<kind>.html.j2`, `<kind>.md.j2`)."""
from __future__ import annotations

from typing import Any, Mapping

from jinja2 import TemplateError, TemplateNotFound

from ..errors import RenderError, TemplateFieldsMissing
from .environment import environment

SUFFIX = {"html": ".html.j2", "md": ".md.j2"}


def template_name(kind: str, fmt: str) -> str:
    return kind.replace("-", "_") + SUFFIX[fmt]


def render_text(kind: str, fmt: str, context: Mapping[str, Any], template_dir: str | None = None) -> str:
    """Render `kind` as HTML or Markdown text."""
    name = template_name(kind, fmt)
    env = environment(template_dir)
    try:
        template = env.get_template(name)
    except TemplateNotFound:
        raise RenderError(f"template '{name}' not found; see `minutes templates list`") from None
    except TemplateError as exc:
        raise RenderError(f"template '{name}' is not valid Jinja: {exc}") from None
    try:
        return template.render(**context)
    except TemplateError as exc:
        if type(exc).__name__ == "UndefinedError":
            raise TemplateFieldsMissing(f"template '{name}' needs a value the record does not give: {exc}") from None
        raise RenderError(f"template '{name}' failed: {type(exc).__name__}: {exc}") from None

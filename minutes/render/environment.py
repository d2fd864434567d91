"""The one Jinja environment every template runs in, and the project filters.

- `SandboxedEnvironment` with `StrictUndefined`: a template cannot reach Python internals, and a
  variable the context lacks is an error, never an empty string.
- HTML templates (`*.html.j2`) are autoescaped; Markdown templates (`*.md.j2`) get every value
  Markdown-escaped (backslashes before the characters Markdown reads), so "<script>", "*" or "#"
  from notes come out literally.  Word templates are rendered by docxtpl with autoescaping (XML).
- Templates come from the user template folder (`Settings.template_dir`) first, then the bundled
  `templates/` folder.

Filters: `ukdate` ("2026-11-22" -> "22 November 2026"; `ukdate(True)` adds the weekday),
`uktime` ("10:00" -> "10.00am"), `initials` ("Tyler Smith" -> "T.S."), `join_and`
(["a", "b", "c"] -> "a, b and c"), `plural` (n, "child", "children").  Values that are not ISO
dates or times (such as "[MISSING: review date]") pass through unchanged.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..resources import templates_dir

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def ukdate(value: Any, weekday: bool = False) -> str:
    """ISO date (or date object) -> "22 November 2026" ("Sunday 22 November 2026" with weekday)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, date):
        text = f"{value.day} {value:%B %Y}"
        return f"{value:%A} {text}" if weekday else text
    return str(value)


def uktime(value: Any) -> str:
    """"10:00" -> "10.00am", "18:30" -> "6.30pm", "12:00" -> "12.00pm" (noon)."""
    if value is None:
        return ""
    match = _TIME.match(str(value).strip())
    if not match:
        return str(value)
    hour, minute = int(match.group(1)), match.group(2)
    if hour > 23 or int(minute) > 59:
        return str(value)
    suffix = "am" if hour < 12 else "pm"
    return f"{(hour % 12) or 12}.{minute}{suffix}"


def initials(name: Any) -> str:
    """"Tyler Smith" -> "T.S."; titles such as Mr, Mrs, Dr are dropped."""
    if not name:
        return ""
    words = [w for w in re.split(r"[\s\-]+", str(name)) if w and w.rstrip(".").lower() not in _TITLES]
    return "".join(f"{w[0].upper()}." for w in words if w[0].isalpha())


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "dc", "ds", "pc", "di"})


def join_and(items: Iterable[Any], last: str = "and") -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    words = [str(i) for i in items if i not in (None, "")]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def plural(count: Any, singular: str, plural_form: str | None = None) -> str:
    """plural(2, "child", "children") -> "children"."""
    n = len(count) if isinstance(count, (list, tuple, dict)) else int(count or 0)
    return singular if n == 1 else (plural_form or singular + "s")


def md_escape(value: Any) -> str:
    """Backslash-escape the characters Markdown would read as markup."""
    text = str(value)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # a line starting "1." or "-" or "+" would become a list item
    return re.sub(r"(?m)^(\s*)(\d+)\.(\s)", r"\1\2\\.\3", re.sub(r"(?m)^(\s*)([-+])(\s)", r"\1\\\2\3", text))


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Markdown templates escape every value they print; others leave escaping to autoescape."""
    if value is None:
        return ""
    name = context.name or ""
    if name.endswith(".md.j2") and not isinstance(value, Markup):
        return md_escape(value)
    return value


def _autoescape(name: str | None) -> bool:
    return bool(name) and name.endswith((".html.j2", ".html", ".htm.j2"))  # type: ignore[union-attr]


FILTERS = {"ukdate": ukdate, "uktime": uktime, "initials": initials, "join_and": join_and, "plural": plural}


def search_path(template_dir: str | Path | None) -> list[Path]:
    """Where templates are looked up: the user folder (when set) first, then the bundled one."""
    paths = [Path(template_dir).expanduser()] if template_dir else []
    return paths + [templates_dir()]


@lru_cache(maxsize=8)
def environment(template_dir: str | None = None) -> SandboxedEnvironment:
    """The environment for a template folder setting (cached: templates compile once)."""
    loader = ChoiceLoader([FileSystemLoader(str(p)) for p in search_path(template_dir)])
    env = SandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=_autoescape,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


@lru_cache(maxsize=8)
def docx_environment(template_dir: str | None = None) -> SandboxedEnvironment:
    """The same environment with autoescaping always on, for docxtpl (which sets it on its env).

    An overlay shares the filters, loader and cache of `environment()`; keeping docxtpl on its
    own overlay stops it switching HTML-style escaping on for the Markdown templates.
    """
    env = environment(template_dir).overlay(autoescape=True, trim_blocks=False, lstrip_blocks=False)
    return env  # type: ignore[return-value]


def find_template(name: str, template_dir: str | None = None) -> Path:
    """The file for template `name` (e.g. "letter.docx"), the user folder winning."""
    from ..errors import RenderError

    if "/" in name or "\\" in name or name.startswith("."):
        raise RenderError(f"template name '{name}' must be a plain file name")
    for folder in search_path(template_dir):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise RenderError(f"template '{name}' not found in {', '.join(str(p) for p in search_path(template_dir))}")

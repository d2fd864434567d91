"""The templates on offer: list them, show one, copy some into a folder to customise."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ..resources import templates_dir
from .environment import find_template, search_path
from .write import write_atomic

SUFFIXES = {".docx": "docx", ".html.j2": "html", ".md.j2": "md"}


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str
    fmt: str
    origin: str          # "user" or "bundled"
    path: Path


def _split(name: str) -> tuple[str, str] | None:
    for suffix, fmt in SUFFIXES.items():
        if name.endswith(suffix):
            return name[: -len(suffix)].replace("_", "-"), fmt
    return None


def catalogue(template_dir: str | None = None) -> list[Entry]:
    """Every template, the user folder's first; a user template hides the bundled one of that name."""
    seen: dict[str, Entry] = {}
    bundled = templates_dir()
    for folder in search_path(template_dir):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            split = _split(path.name)
            if split and path.is_file() and path.name not in seen:
                origin = "bundled" if folder == bundled else "user"
                seen[path.name] = Entry(path.name, split[0], split[1], origin, path)
    return sorted(seen.values(), key=lambda e: (e.kind, e.fmt))


def describe(name: str, template_dir: str | None = None) -> str:
    """A Jinja template's text, or the variables a Word template uses."""
    path = find_template(name, template_dir)
    if name.endswith(".docx"):
        from docxtpl import DocxTemplate

        from .environment import docx_environment

        variables = DocxTemplate(str(path)).get_undeclared_template_variables(jinja_env=docx_environment(template_dir))
        return f"{name} ({path}) uses: {', '.join(sorted(variables))}"
    return path.read_text(encoding="utf-8")


def copy_templates(name: str, directory: Path, force: bool = False) -> list[Path]:
    """Copy the bundled template `name` (a file name, or a kind for all its formats) into `directory`."""
    directory = Path(directory)
    if not directory.is_dir():
        raise RenderError(f"folder '{directory}' does not exist; create it first")
    entries = [e for e in catalogue(None) if name in (e.name, e.kind)]
    if name.replace("-", "_") in ("base", "base.html.j2") or any(e.fmt == "html" for e in entries):
        entries.append(Entry("base.html.j2", "base", "html", "bundled", templates_dir() / "base.html.j2"))
    if not entries:
        names = sorted({e.kind for e in catalogue(None)})
        raise RenderError(f"no template '{name}'; use one of {', '.join(names)} or a file name from `minutes templates list`")
    copied = []
    for entry in entries:
        target = directory / entry.name
        if entry.name == "base.html.j2" and target.exists() and not force:
            continue                     # shared by the HTML templates: keep the user's copy
        write_atomic(target, entry.path.read_bytes(), force=force)
        target.chmod(0o644)
        copied.append(target)
    return copied

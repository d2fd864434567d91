"""Atomic output: a temporary file in the target folder, then a rename.

The output path is exactly what the user gave; nothing from a record becomes part of a path.
An existing file is never replaced without `force`.  Files are readable by the owner only.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import RenderError
from ..files import replace_atomically



def write_atomic(path: Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` (mode 0600) atomically; refuse to overwrite unless `force`."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise RenderError(f"'{path.name}' is a folder; give a file name for --out")
    if not folder.is_dir():
        raise RenderError(f"folder '{folder}' for '{path.name}' does not exist; create it first")
    if path.exists() and not force:
        raise RenderError(f"'{path.name}' already exists; use --force to overwrite it")
    try:
        replace_atomically(path, data, overwrite=force)
    except FileExistsError:
        raise RenderError(f"'{path.name}' already exists; use --force to overwrite it") from None
    except PermissionError:
        raise RenderError(f"cannot write '{path.name}': permission denied") from None
    return path

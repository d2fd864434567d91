"""Atomic output: a temporary file in the target folder, then a rename.

The output path is exactly what the user gave; nothing from a record becomes part of a path.
An existing file is never replaced without `force`.  Files are readable by the owner only.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import RenderError

FILE_MODE = 0o600


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
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)          # fails if the file appeared meanwhile: never overwrite
            except FileExistsError:
                raise RenderError(f"'{path.name}' already exists; use --force to overwrite it") from None
            except OSError:
                os.replace(tmp, path)       # file systems without hard links
            else:
                os.unlink(tmp)
    except PermissionError:
        raise RenderError(f"cannot write '{path.name}': permission denied") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path

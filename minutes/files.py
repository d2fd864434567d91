"""Atomic, private file writes: the one place that puts bytes on disk for the user.

Callers check the path and word their own errors; this module does the mechanics: a temporary
file beside the target, mode 0600, fsync, then a move into place that never replaces a file
which appeared meanwhile unless overwriting was asked for.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

FILE_MODE = 0o600


def replace_atomically(path: Path, data: bytes, *, overwrite: bool) -> Path:
    """Write `data` to `path` (0600) in one step.

    Raises FileExistsError when `path` exists and `overwrite` is false, OSError for anything the
    file system refuses; a partly written file is never left behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)                  # fails if the file appeared meanwhile
            except FileExistsError:
                raise
            except OSError:
                if path.exists():
                    raise FileExistsError(path) from None
                os.replace(tmp, path)               # file systems without hard links
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path

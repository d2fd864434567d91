"""The straight line: file -> blocks -> Doc -> record -> store -> template -> document.

Each function composes library steps and does nothing else.
"""
from __future__ import annotations

from pathlib import Path

from .config import Settings
from .ingest import Document, read


def read_file(path: Path, settings: Settings) -> Document:
    """file -> Document (blocks + metadata)."""
    return read(path, settings)

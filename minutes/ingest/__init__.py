"""Readers: any supported file -> Document (ordered TextBlocks + metadata).

A new format is one module with `read(data, name, settings) -> Parsed` plus one entry in READERS.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from ..config import Settings
from ..errors import EmptyDocument, InputError, MinutesError, TooLarge, UnsupportedFormat
from .blocks import BLOCK_KINDS, Document, DocumentMeta, Parsed, TextBlock

__all__ = ["READERS", "SUPPORTED", "read", "read_bytes", "Document", "DocumentMeta", "TextBlock", "BLOCK_KINDS"]

# suffix -> (module, format name).  Modules are imported only when a file of that kind is read,
# so `minutes --help` never loads pdfplumber or python-docx.
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "text"),
    ".text": ("text", "text"),
    ".md": ("text", "markdown"),
    ".markdown": ("text", "markdown"),
    ".docx": ("docx", "docx"),
    ".pdf": ("pdf", "pdf"),
    ".vtt": ("transcript", "vtt"),
    ".srt": ("transcript", "srt"),
}
SUPPORTED = tuple(sorted(READERS))


def _reader(suffix: str, name: str):
    try:
        module, fmt = READERS[suffix]
    except KeyError:
        shown = suffix or "(none)"
        raise UnsupportedFormat(
            name, f"unsupported format '{shown}'; use {', '.join(SUPPORTED)}"
        ) from None
    return import_module(f"{__name__}.{module}").read, fmt


def _check_file(path: Path) -> os.stat_result:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be opened ({exc.strerror or type(exc).__name__})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory; give the files inside it")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "is not a regular file (a pipe, socket or device)")
    return info


def _load_bytes(path: Path, info: os.stat_result, settings: Settings) -> bytes:
    if info.st_size > settings.max_file_bytes:
        raise TooLarge(
            path,
            f"{info.st_size / 1048576:.1f} MB is past the {settings.max_file_mb:g} MB limit "
            "(setting max_file_mb)",
        )
    if info.st_size == 0:
        raise EmptyDocument(path, "the file is empty")
    try:
        with open(path, "rb") as handle:
            data = handle.read(settings.max_file_bytes + 1)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(data) > settings.max_file_bytes:
        raise TooLarge(path, f"past the {settings.max_file_mb:g} MB limit (setting max_file_mb)")
    return data


def read_bytes(data: bytes, name: str, settings: Settings | None = None) -> Document:
    """Read an in-memory file whose format is given by the suffix of `name`."""
    settings = settings or Settings()
    reader, fmt = _reader(Path(name).suffix.lower(), name)
    if not data:
        raise EmptyDocument(name, "the file is empty")
    try:
        parsed: Parsed = reader(data, name, settings)
    except MinutesError:
        raise
    except RecursionError:
        raise InputError(name, f"the {fmt} structure is nested too deeply to read") from None
    except MemoryError:
        raise InputError(name, f"the {fmt} file needs more memory than is available") from None
    except Exception as exc:  # a parser library choking on a malformed file
        raise InputError(name, f"the {fmt} file is damaged or not really {fmt} ({type(exc).__name__})") from None
    blocks = tuple(replace(b, index=i) for i, b in enumerate(b for b in parsed.blocks if b.text.strip()))
    if not blocks:
        raise EmptyDocument(name, "no text found in the file")
    meta = DocumentMeta(
        name=Path(name).name,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        pages=parsed.pages,
        encoding=parsed.encoding,
        headers=tuple(parsed.headers),
        footers=tuple(parsed.footers),
        dropped=dict(parsed.dropped),
        notes=tuple(parsed.notes),
    )
    return Document(meta=meta, blocks=blocks)


def read(path: str | os.PathLike[str], settings: Settings | None = None) -> Document:
    """Read one file into a Document.  Raises an InputError subclass naming the file and the reason."""
    settings = settings or Settings()
    path = Path(path)
    info = _check_file(path)
    _reader(path.suffix.lower(), path.name)          # refuse unknown suffixes before reading the file
    data = _load_bytes(path, info, settings)
    try:
        return read_bytes(data, path.name, settings)
    except InputError as exc:
        if exc.path != str(path):
            raise type(exc)(path, exc.reason) from None
        raise

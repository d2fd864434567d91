"""One error tree.  The library raises these; front ends turn them into one line and exit code 1.

Messages name the file or value and say what to do next.  They never quote document text.
"""
from __future__ import annotations


class MinutesError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(MinutesError):
    """A file cannot be read as notes or minutes."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"Cannot read '{_name(path)}': {reason}")


class UnsupportedFormat(InputError):
    """The file's suffix has no reader."""


class EmptyDocument(InputError):
    """The file holds no text at all."""


class NoTextLayer(InputError):
    """A PDF whose pages are images only."""


class UnsafeDocument(InputError):
    """A file that would inflate past a bound, or carries a DOCTYPE, or similar."""


class TooLarge(InputError):
    """A file past the size limit."""


class ConfigError(MinutesError):
    """A settings file or value is wrong."""


class ExtractionError(MinutesError):
    """The NLP pipeline cannot be loaded or run."""


class StoreError(MinutesError):
    """The record store cannot be opened or written."""


class RecordNotFound(StoreError):
    """No record with that id."""


class DuplicateDocument(StoreError):
    """A document with the same content hash is already stored (save with force to replace it)."""

    def __init__(self, existing_id: int) -> None:
        self.existing_id = existing_id
        super().__init__(f"document already stored as record {existing_id}; use --force to replace it")

    def __reduce__(self):  # keep existing_id across processes (pickling)
        return (DuplicateDocument, (self.existing_id,))


class ValidationError(MinutesError):
    """A record does not pass validation."""


class InvalidRecord(ValidationError):
    """A record's JSON form breaks the model: `problems` lists each one with its field path."""

    def __init__(self, problems: list[str], what: str = "record") -> None:
        self.problems = list(problems)
        super().__init__(f"{what} is not valid ({len(self.problems)} problem(s)): " + "; ".join(self.problems))

    def __reduce__(self):  # keep the problems across processes (pickling)
        return (InvalidRecord, (self.problems,))


class RenderError(MinutesError):
    """A document cannot be rendered."""


class TemplateFieldsMissing(RenderError):
    """A record lacks fields its template requires."""


def _name(path: object) -> str:
    from pathlib import Path

    try:
        return Path(str(path)).name or str(path)
    except (TypeError, ValueError):
        return str(path)

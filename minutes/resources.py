"""Where the bundled templates and models live, in a wheel and in a source checkout."""
from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The bundled folder `name` ("templates" or "models").

    An installed wheel carries them as `minutes/_data/<name>`; a source checkout (or an
    editable install) has them beside the package at the top of the repository.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder '{name}' is missing from the installation")


def templates_dir() -> Path:
    return data_dir("templates")


def models_dir() -> Path:
    return data_dir("models")

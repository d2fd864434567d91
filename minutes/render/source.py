"""SOURCE for `minutes render`: a record .json file, a notes file, or a stored record id."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import MinutesError, RenderError


def load_record(source: str, settings: Settings) -> dict[str, Any]:
    """The record dict SOURCE names.

    - an existing `.json` file: a record in the shape of docs/records.md (validated);
    - any other existing file: notes or minutes, read, extracted and built into a record;
    - digits: the id of a record in the store (`settings.db`).
    """
    path = Path(source)
    if path.is_file():
        if path.suffix.lower() == ".json":
            return _from_json(path)
        return _from_notes(path, settings)
    if source.isdigit():
        from .. import flow

        return flow.open_store(settings).get(int(source))
    if path.exists():
        raise RenderError(f"'{path.name}' is not a regular file; give a notes file, a record .json file or a record id")
    raise RenderError(f"'{path.name}' is neither a file nor a stored record id; give a notes file, "
                      "a record .json file or an id from `minutes ingest`")


def _from_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RenderError(f"cannot read record '{path.name}': {type(exc).__name__}; expected a record as JSON") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise RenderError(f"'{path.name}' holds no record (expected one JSON object with a 'kind')")
    try:
        from ..records.model import record_from_dict
    except ImportError:          # the model is optional for rendering
        return data
    extra = {k: data[k] for k in ("id", "created", "updated") if k in data}
    return {**record_from_dict(data).to_dict(), **extra}


def _from_notes(path: Path, settings: Settings) -> dict[str, Any]:
    from .. import flow

    document = flow.read_file(path, settings)
    for _, record in flow.build_records([document], settings):
        if isinstance(record, MinutesError):
            raise record
        return record
    raise RenderError(f"no record could be built from '{path.name}'")

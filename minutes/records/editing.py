"""Correcting a stored record in the user's editor, as YAML.

The record goes to a private temporary file (folder 0700, file 0600), the editor ($VISUAL, then
$EDITOR, then vi) runs on it, and the result is validated against the model before the store is
updated.  An invalid edit is refused with every reason and the stored record stays as it was; the
user may open the editor again only when stdin is a terminal.  The file is removed afterwards.

YAML is read without implicit dates or sexagesimal numbers, so 2026-03-12 and 10:30 stay text.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Callable

import yaml

from ..errors import InvalidRecord, MinutesError
from .model import record_from_dict

ENVELOPE = ("id", "created", "updated")
HEADER = ("# minutes record {id}: correct the fields below, save and close the editor.\n"
          "# Dates are YYYY-MM-DD, times HH:MM. The record is saved only if it is valid.\n")
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")


class _Loader(yaml.SafeLoader):
    """SafeLoader whose plain scalars never become dates, and "10:30" is not 630."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))


def to_yaml(record: dict) -> str:
    body = {k: v for k, v in record.items() if k not in ENVELOPE}
    return HEADER.format(id=record.get("id")) + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)


def from_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506  a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InvalidRecord([f"the YAML cannot be read{where}: {getattr(exc, 'problem', None) or 'syntax error'}"], "edit") from None


def editor_command() -> list[str]:
    raw = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    parts = shlex.split(raw)
    if not parts or shutil.which(parts[0]) is None:
        raise MinutesError(f"editor '{raw}' not found; set EDITOR to an installed editor, e.g. EDITOR=nano")
    return parts


def edit_record(store: Any, record_id: int, interactive: bool = False,
                retry: Callable[[], bool] | None = None) -> str:
    """Open record `record_id` in the editor; save it if valid.  Returns a line for the user;
    raises InvalidRecord (the record unchanged) when the edit does not validate."""
    record = store.get(record_id)
    original = {k: v for k, v in record.items() if k not in ENVELOPE}
    text = to_yaml({"id": record_id, **_normalised(original)})      # every field, the empty ones too
    command = editor_command()
    folder = tempfile.mkdtemp(prefix="minutes-edit-")       # mode 0700
    path = Path(folder) / f"record-{record_id}.yaml"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        while True:
            try:
                done = subprocess.run([*command, str(path)], check=False)
            except OSError as exc:
                raise MinutesError(f"cannot start the editor '{command[0]}': {exc.strerror or type(exc).__name__}") from None
            if done.returncode != 0:
                raise MinutesError(f"the editor exited with code {done.returncode}; record {record_id} unchanged")
            try:
                edited = _validated(path.read_text(encoding="utf-8"))
            except InvalidRecord as exc:
                if interactive and retry is not None:
                    print(f"Not valid: {'; '.join(exc.problems)}")
                    if retry():
                        continue
                raise InvalidRecord(exc.problems, f"record {record_id} unchanged: the edit") from None
            break
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if edited == _normalised(original):
        return f"No changes; record {record_id} unchanged."
    store.update(record_id, edited, reason="edit")
    return f"Saved record {record_id}."


def _validated(text: str) -> dict:
    data = from_yaml(text)
    if not isinstance(data, dict):
        raise InvalidRecord(["the edited file must hold the record's fields (a YAML mapping)"], "edit")
    for key in ENVELOPE:
        data.pop(key, None)
    return _normalised(data, strict=True)


def _normalised(data: dict, strict: bool = False) -> dict:
    """The record's fields as the model writes them (envelope left out)."""
    try:
        out = record_from_dict(data).to_dict()
    except InvalidRecord:
        if strict:
            raise
        out = dict(data)
    return {k: v for k, v in out.items() if k not in ENVELOPE}

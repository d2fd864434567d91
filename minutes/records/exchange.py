"""Records in and out of the store as files: JSON or CSV export, JSON import.

CSV cells that a spreadsheet could run as a formula (starting with = + - @, a tab or a carriage
return) get a leading apostrophe.  Import validates every record against the model; a bad one is
reported by its index (no text quoted) and the others are saved.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..errors import DuplicateDocument, InvalidRecord, MinutesError, StoreError
from ..files import replace_atomically
from .model import record_from_dict

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "id", "kind", "date", "title", "type", "body", "family_name", "children", "decisions", "categories",
    "chair", "lead_social_worker", "core_group_date", "review_date", "items", "resolutions", "attendees",
    "source", "created", "updated",
)
ENVELOPE = ("id", "created", "updated")


def neutralise(value: Any) -> str:
    """A cell's text, with a leading ' when it could start a spreadsheet formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(record: Mapping[str, Any]) -> dict[str, str]:
    """The main columns of one record (both kinds) as text cells."""
    children = record.get("children") or []
    items = record.get("items") or []
    row = {
        "id": record.get("id"),
        "kind": record.get("kind"),
        "date": record.get("conference_date") or record.get("meeting_date"),
        "title": record.get("title"),
        "type": record.get("conference_type"),
        "body": record.get("body"),
        "family_name": record.get("family_name"),
        "children": "; ".join(c.get("name") or c.get("child_id") or "" for c in children),
        "decisions": "; ".join(f"{c.get('name') or c.get('child_id')}: {c.get('decision') or ''}" for c in children if c.get("decision")),
        "categories": "; ".join(c.get("category") for c in children if c.get("category")),
        "chair": (record.get("chair") or {}).get("name"),
        "lead_social_worker": (record.get("lead_social_worker") or {}).get("name"),
        "core_group_date": (record.get("core_group") or {}).get("date"),
        "review_date": record.get("review_date"),
        "items": "; ".join(" ".join(filter(None, (i.get("number"), i.get("title")))) for i in items),
        "resolutions": sum(len(i.get("resolutions") or []) for i in items) if items else None,
        "attendees": len(record.get("attendees") or []),
        "source": (record.get("source") or {}).get("name"),
        "created": record.get("created"),
        "updated": record.get("updated"),
    }
    return {k: neutralise(v) for k, v in row.items()}


def export_text(records: Iterable[Mapping[str, Any]], fmt: str) -> str:
    """Records as a JSON list or as CSV text (one row per record)."""
    if fmt == "json":
        return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(csv_row(record))
    return out.getvalue()


def write_private(path: Path, text: str, force: bool = False) -> Path:
    """Write `text` to `path` atomically (temp file + os.replace), mode 0600; never overwrite without `force`."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise StoreError(f"'{path.name}' is a folder; give a file name for --out")
    if not folder.is_dir():
        raise StoreError(f"folder '{folder}' for '{path.name}' does not exist; create it first")
    if path.exists() and not force:
        raise StoreError(f"'{path.name}' already exists; use --force to replace it")
    try:
        replace_atomically(path, text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        raise StoreError(f"'{path.name}' already exists; use --force to replace it") from None
    except OSError as exc:
        raise StoreError(f"cannot write '{path.name}': {exc.strerror or type(exc).__name__}") from None
    return path


def read_records_file(path: Path) -> list[Any]:
    """The records in a JSON file: a list of records, or one record."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MinutesError(f"Cannot read '{Path(path).name}': no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MinutesError(f"Cannot read '{Path(path).name}': {type(exc).__name__}; give a UTF-8 JSON file") from None
    except json.JSONDecodeError as exc:
        raise MinutesError(f"Cannot read '{Path(path).name}': not JSON (line {exc.lineno}); give the file `records export` writes") from None
    return data if isinstance(data, list) else [data]


def import_file(store: Any, path: Path, force: bool = False,
                on_problem: Callable[[int, str], None] | None = None) -> tuple[list[int], int]:
    """Validate and save every record of a JSON file.  Returns (new ids, number of records);
    each bad record goes to `on_problem(index, message)` (index from 1) and the rest go on."""
    records = read_records_file(path)
    saved: list[int] = []
    for index, data in enumerate(records, 1):
        try:
            record = record_from_dict(data).to_dict()
            for key in ENVELOPE:
                record.pop(key, None)
            sha = (record.get("source") or {}).get("sha256")
            saved.append(store.save(record, sha256=sha, force=force))
        except InvalidRecord as exc:
            _report(on_problem, index, "; ".join(exc.problems), exc)
        except DuplicateDocument as exc:
            _report(on_problem, index, f"its source document is already stored as record {exc.existing_id} (use --force)", exc)
    return saved, len(records)


def _report(on_problem: Callable[[int, str], None] | None, index: int, message: str, exc: Exception) -> None:
    if on_problem is None:
        raise exc
    on_problem(index, message)

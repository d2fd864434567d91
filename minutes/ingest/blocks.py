"""The one structure every reader returns: an ordered list of text blocks plus metadata."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Mapping

BlockKind = Literal["heading", "paragraph", "list_item", "table", "turn"]
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list_item", "table", "turn")


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One unit of a document in reading order.

    `text` is always filled: for a table it is the rows joined as lines of " | "-separated cells,
    for a transcript turn it is what was said (the speaker is in `speaker`).
    """

    kind: BlockKind
    text: str
    index: int = 0                       # position in document order, set by ingest.read
    level: int | None = None             # heading level (1 = top) or list nesting depth
    page: int | None = None              # 1-based page (PDF), where known
    rows: tuple[tuple[str, ...], ...] = ()   # table cells, row by row
    speaker: str | None = None           # transcript turns
    start: float | None = None           # seconds from the start of the recording
    end: float | None = None
    marker: str | None = None            # list bullet or paragraph number as written ("2.4.", "1)", "-")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["rows"] = [list(r) for r in self.rows]
        return {k: v for k, v in out.items() if v not in (None, [], ())}


def table_text(rows: tuple[tuple[str, ...], ...]) -> str:
    """The plain-text form of a table: one line per row, cells separated by " | ".

    Line breaks inside a cell become " / " so that each row stays on one line.
    """
    return "\n".join(" | ".join(" / ".join(p for p in c.splitlines() if p.strip()) for c in row) for row in rows)


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a format reader hands back; `ingest.read` adds the file facts."""

    blocks: list[TextBlock]
    pages: int | None = None
    encoding: str | None = None
    headers: tuple[str, ...] = ()        # running headers (DOCX header parts, PDF repeated lines)
    footers: tuple[str, ...] = ()
    dropped: Mapping[str, int] = field(default_factory=dict)   # content not kept, e.g. {"images": 2}
    notes: tuple[str, ...] = ()          # what the reader noticed, without quoting text


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    name: str
    format: str
    sha256: str
    size: int
    pages: int | None = None
    encoding: str | None = None
    headers: tuple[str, ...] = ()
    footers: tuple[str, ...] = ()
    dropped: Mapping[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["headers"] = list(self.headers)
        out["footers"] = list(self.footers)
        out["dropped"] = dict(self.dropped)
        out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True, slots=True)
class Document:
    meta: DocumentMeta
    blocks: tuple[TextBlock, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.meta.to_dict(), "blocks": [b.to_dict() for b in self.blocks]}

"""What the components find, with the evidence that supports it.

Evidence points back to the ingested blocks: the block index and the character offsets inside
that block's text.  Components store found items on the Doc as plain dicts (`pack`), because
spaCy's multiprocessing moves Docs between processes with msgpack; `unpack` rebuilds them.
Dates are ISO strings ("2026-03-14") for the same reason.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, fields
from typing import Any, TypeVar

from spacy.tokens import Doc

BLOCKS_KEY = "blocks"


@dataclass(frozen=True, slots=True)
class Evidence:
    block: int          # index of the block in the document
    start: int          # character offsets inside that block's text
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"block": self.block, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class BlockSection:
    section: str | None          # section id from models/rules/sections.json, or None
    item: str | None = None      # agenda item number in force ("23/24", "6")
    opens: bool = False          # this block carries the section label itself
    content_start: int = 0       # offset in the block text where the content after the label starts


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: str           # ISO date
    evidence: Evidence
    relative: bool = False


@dataclass(frozen=True, slots=True)
class FoundPerson:
    name: str
    status: str                  # present | apologies | in attendance | report submitted | absent | mentioned
    evidence: Evidence
    role: str | None = None      # canonical role name
    agency: str | None = None    # canonical agency name
    role_id: str | None = None
    agency_id: str | None = None
    chair: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class FoundAgency:
    """An agency that took part without a named person ("Apols: School nurse")."""

    agency_id: str
    status: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class FoundDecision:
    text: str
    evidence: Evidence
    item: str | None = None
    subject: str | None = None           # the child a conference decision is about, where named
    outcome: str | None = None           # plan made | plan continued | plan ended | no plan
    category_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FoundAction:
    what: str
    evidence: Evidence
    owner: str | None = None
    due: str | None = None             # ISO date
    due_text: str | None = None          # "by next core group", kept when it is not a date


@dataclass(frozen=True, slots=True)
class FoundTerm:
    label: str          # AGENCY, ROLE, TITLE, CATEGORY, RISK, CONF_TYPE, OUTCOME
    id: str
    evidence: Evidence
    section: str | None = None


T = TypeVar("T")


def pack(items: list[Any]) -> list[dict[str, Any]]:
    """Found dataclasses -> msgpack-friendly dicts."""
    return [asdict(item) for item in items]


def unpack(cls: type[T], items: list[dict[str, Any]] | None) -> list[T]:
    """Dicts made by `pack` -> the dataclass again (tuples and Evidence restored)."""
    out: list[T] = []
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    for raw in items or ():
        data = {k: v for k, v in raw.items() if k in names}
        if isinstance(data.get("evidence"), dict):
            data["evidence"] = Evidence(**data["evidence"])
        if "category_ids" in data:
            data["category_ids"] = tuple(data["category_ids"] or ())
        out.append(cls(**data))
    return out


def text_of(doc: Doc) -> str:
    """The Doc's text, computed once (Doc.text joins every token each time it is read)."""
    text = doc.user_data.get("minutes_text")
    if text is None:
        text = doc.user_data["minutes_text"] = doc.text
    return text


def block_texts(doc: Doc) -> list[str]:
    """The text of each block span, sliced once from the Doc's text (Span.text joins its tokens)."""
    texts = doc.user_data.get("minutes_block_texts")
    if texts is None:
        text = text_of(doc)
        texts = doc.user_data["minutes_block_texts"] = [text[s.start_char:s.end_char] for s in doc.spans[BLOCKS_KEY]]
    return texts


def block_starts(doc: Doc) -> list[int]:
    return [span.start_char for span in doc.spans[BLOCKS_KEY]]


def evidence_at(doc: Doc, start_char: int, end_char: int, starts: list[int] | None = None) -> Evidence:
    """Evidence for a character range of the Doc, relative to the block it falls in."""
    starts = starts if starts is not None else block_starts(doc)
    i = max(bisect_right(starts, start_char) - 1, 0)
    block_start = starts[i] if starts else 0
    ids = doc.user_data.get("minutes_block_ids")
    if ids and i < len(ids):
        index, offset = ids[i]
    else:
        index, offset = (doc._.block_index or 0) + i, 0
    return Evidence(block=index, start=offset + start_char - block_start, end=offset + end_char - block_start)

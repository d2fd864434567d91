"""Every custom attribute the pipeline sets, declared once in one table.

Defaults are None; components assign fresh values.  Only `records/extract.py` reads them.
"""
from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, str] = {
    "block_index": "index of the first block in this Doc (documents are processed in pieces)",
    "start_section": "section in force before this Doc's first block (carried across pieces)",
    "anchor": "meeting date (datetime.date) used to resolve relative dates",
    "sections": "list[BlockSection]: section label and agenda item of each block",
    "dates": "list[Found]: dates with their values",
    "attendees": "list[Found]: people with name, role, agency and status",
    "decisions": "list[Found]: decisions and resolutions",
    "actions": "list[Found]: actions with what, owner and due",
    "conference": "dict: conference type and per-child outcomes",
}


def register() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()

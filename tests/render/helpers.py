"""Shared helpers for the rendering tests: the fixture records and reading DOCX back in order."""
from __future__ import annotations

import copy
import io
import json
from datetime import date
from pathlib import Path

import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 3, 13)


def conference() -> dict:
    return json.loads((FIXTURES / "conference_smith.json").read_text(encoding="utf-8"))


def committee() -> dict:
    return json.loads((FIXTURES / "committee_cyp_scrutiny.json").read_text(encoding="utf-8"))


def front() -> dict:
    return yaml.safe_load((FIXTURES / "agenda_report_front.yaml").read_text(encoding="utf-8"))["report"]


def record_for(kind: str) -> dict:
    return copy.deepcopy(conference() if kind in ("letter", "record") else committee())


def _text(element) -> str:
    """The text of an XML element: w:t text, w:tab as a tab, w:br as a line break."""
    out = []
    for node in element.iter():
        name = node.tag.rsplit("}", 1)[-1]
        if name == "t":
            out.append(node.text or "")
        elif name == "tab" and node.getparent().tag.endswith("}r"):
            out.append("\t")
        elif name == "br":
            out.append("\n")
    return "".join(out)


def docx_lines(data: bytes) -> list[str]:
    """Every paragraph and table cell of the body in document order, then headers and footers."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _text(child)
            if text.strip():
                lines.append(text)
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = [_text(tc) for tc in row.iterchildren() if tc.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    for section in doc.sections:
        for part in (section.header, section.footer):
            lines.extend(p.text for p in part.paragraphs if p.text.strip())
    return lines


def docx_text(data: bytes) -> str:
    return "\n".join(docx_lines(data))


def in_order(text: str, *parts: str) -> bool:
    """True when every part occurs in `text`, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True

"""DOCX reader: body paragraphs and tables in document order, read from the XML itself.

`safezip.check` vets the bytes first (zip bombs, DOCTYPEs, encryption, damage); only then does
python-docx open them.  What is read, and how:

- Body children in order: ``w:p`` -> heading / list_item / paragraph, ``w:tbl`` -> one "table"
  block, ``w:sdt`` content controls and block-level ``w:customXml`` -> their content.
- Headings from the paragraph's outline level, else its style chain ("Heading 1".."Heading 9",
  "Title" -> 1, or a style's outline level).  List items from numbering (``w:numPr``: level =
  ilvl + 1), from numbered styles ("List Bullet 2" -> level 2), or from a marker typed by hand
  ("2.4.", "1)", "-"; `normalise_text.split_marker`), kept in ``marker`` and removed from
  ``text``.  Automatic numbers are not computed: ``marker`` stays None for numbered styles.
- Runs are read from the XML: ``w:t``; ``w:tab``/``w:ptab`` -> tab; ``w:br``/``w:cr`` -> newline;
  ``w:noBreakHyphen`` -> "-"; ``w:sym`` -> its character.  Tracked changes are read as if
  accepted: ``w:ins`` and ``w:moveTo`` kept, ``w:del``, ``w:moveFrom`` and deleted table rows
  dropped; ``Parsed.notes`` then says how many of each.
  Field codes (``w:instrText``) are dropped, field results kept.
- Tables: one cell per ``w:tc``, so a horizontally merged cell (gridSpan) is read once; a vertical
  merge continuation is "".  A cell's paragraphs are joined with newlines; a nested table is
  flattened into its cell ("; " between cells, newline between rows).
- Text boxes (``w:txbxContent``) are read: in the body each becomes blocks after the paragraph
  that anchors it; in a cell or a header, its text joins the cell or header.  For
  ``mc:AlternateContent`` only the first ``mc:Choice`` is read, so a box is never read twice.
- Not read, and counted: content controls still showing their placeholder ("placeholders"),
  hidden runs (``w:vanish``, "hidden_runs"), a table of contents control ("toc").
- Headers and footers of all sections go to ``Parsed.headers`` / ``Parsed.footers``, one entry
  per non-empty paragraph or table, deduplicated in order; never into the body.
- FOOTNOTES AND ENDNOTES ARE KEPT as paragraphs at the end of the body (after the last body
  block, footnotes first).  Comments are not kept: they are counted in ``dropped["comments"]``.
- Also counted in ``Parsed.dropped``: "images" (pictures in body, headers and footers),
  "objects" (embedded OLE objects), "charts", "diagrams" (SmartArt), "alt_chunks" (imported
  files), "comments".
- NBSP and other fixed spaces become spaces; zero-width characters and soft hyphens are removed.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from typing import Iterable, Iterator

from lxml import etree

from ..config import Settings
from ..errors import InputError
from . import safezip
from .blocks import Parsed, TextBlock, table_text
from .normalise_text import clean_line, split_marker

__all__ = ["read"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_C_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
_DGM_RELIDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_R_ID = f"{{{_REL}}}id"
_VAL = f"{W}val"

# Subtrees with no kept text: deletions, moved-away text, field codes, property elements.
_SKIP = frozenset(
    W + t
    for t in (
        "del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "sdtPr",
        "sdtEndPr", "tblPr", "trPr", "tcPr", "tblGrid", "fldChar", "commentReference",
        "footnoteReference", "endnoteReference", "annotationRef", "footnoteRef", "endnoteRef",
    )
) | {MC + "Fallback"}
_REVISIONS = {W + "ins": "insertions", W + "moveTo": "insertions", W + "del": "deletions",
              W + "moveFrom": "deletions"}
_CHAR = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_DROP_TAGS = {W + "object": "objects", _A_BLIP: "images", _V_IMAGEDATA: "images",
              _C_CHART: "charts", _DGM_RELIDS: "diagrams"}
# Symbol fonts put their glyphs at U+F000 + code; the ones minute-takers use for attendance ticks.
_SYMBOLS = {0xF0FC: "✓", 0xF0FB: "✗", 0xF0FE: "☑", 0xF0FD: "☒", 0xF0A8: "☐", 0xF0B7: "•", 0xF0A7: "▪"}
_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list (?:bullet|number)(?:\s+([1-9]))?$", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"\d+")


def read(data: bytes, name: str, settings: Settings) -> Parsed:
    """Read DOCX bytes into blocks, after the safety checks in `safezip`."""
    safezip.check(data, name, settings)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError):
        raise InputError(name, safezip.NOT_WORD) from None
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise InputError(name, "is not a Word document (it is another Office file type)") from None
        raise
    part = document.part
    walker = _Walker(_StyleTable(document))
    body = document.element.body
    blocks = list(walker.blocks(body))
    related = {rel.rId: rel for rel in part.rels.values()}
    headers = _story_lines(walker, related, body, "headerReference")
    footers = _story_lines(walker, related, body, "footerReference")
    for reltype, kind in ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        for root in _related_roots(part, reltype):
            for note in root.iterchildren(f"{W}{kind}"):
                if note.get(f"{W}type") in (None, "normal"):
                    blocks.extend(walker.blocks(note))
    for root in _related_roots(part, RT.COMMENTS):
        walker.dropped["comments"] += sum(1 for _ in root.iterchildren(f"{W}comment"))
    return Parsed(
        blocks=[b for b in blocks if b.text],
        headers=tuple(headers),
        footers=tuple(footers),
        dropped={k: n for k, n in sorted(walker.dropped.items()) if n},
        notes=_revision_notes(walker.revisions),
    )


def _revision_notes(revisions: Counter[str]) -> tuple[str, ...]:
    """A note when the file carries tracked changes, which were resolved as if accepted."""
    if not revisions:
        return ()
    return (
        f"tracked changes read as accepted: {revisions['insertions']} insertion(s) kept, "
        f"{revisions['deletions']} deletion(s) dropped",
    )


class _StyleTable:
    """Paragraph style id -> (heading level, list level) following the based-on chain."""

    def __init__(self, document) -> None:
        self._styles = {}
        for style in document.styles.element.iterchildren(f"{W}style"):
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}styleId"):
                self._styles[style.get(f"{W}styleId")] = style
        self._cache: dict[str | None, tuple[int | None, int | None]] = {}

    def levels(self, style_id: str | None) -> tuple[int | None, int | None]:
        if style_id not in self._cache:
            self._cache[style_id] = (self._heading(style_id), self._list(style_id))
        return self._cache[style_id]

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            based = style.find(f"{W}basedOn")
            style_id = based.get(_VAL) if based is not None else None

    def _heading(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            name = _attr(style.find(f"{W}name")) or ""
            match = _HEADING_NAME.match(name.strip())
            if match:
                return int(match.group(1))
            if name.strip().lower() == "title":
                return 1
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                return _outline_level(outline)
        return None

    def _list(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            match = _LIST_STYLE.match((_attr(style.find(f"{W}name")) or "").strip())
            if match:
                return int(match.group(1) or 1)
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None:
                return _num_level(num) if _attr(num.find(f"{W}numId")) != "0" else None
        return None


class _Walker:
    """Turns WordprocessingML containers into blocks, counting what it drops."""

    def __init__(self, styles: _StyleTable) -> None:
        self.styles = styles
        self.dropped: Counter[str] = Counter()
        self.revisions: Counter[str] = Counter()      # tracked changes seen, by kind

    def blocks(self, container: etree._Element) -> Iterator[TextBlock]:
        """Block-level content of a body, cell, text box, note, header or footer, in order."""
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                yield from self.paragraph(child)
            elif tag == f"{W}tbl":
                rows = self.table_rows(child)
                if any(cell for row in rows for cell in row):
                    yield TextBlock(kind="table", text=table_text(rows), rows=rows)
            elif tag == f"{W}sdt":
                content = self.sdt_content(child)
                if content is not None:
                    yield from self.blocks(content)
            elif tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                yield from self.blocks(child)
            elif tag == f"{W}altChunk":
                self.dropped["alt_chunks"] += 1

    def sdt_content(self, sdt: etree._Element) -> etree._Element | None:
        """A content control's content, or None for a table of contents or placeholder text."""
        props = sdt.find(f"{W}sdtPr")
        if props is not None and props.find(f"{W}showingPlcHdr") is not None:
            self.dropped["placeholders"] += 1
            return None
        if props is not None and props.find(f"{W}docPartObj/{W}docPartGallery[@{_VAL}='Table of Contents']") is not None:
            self.dropped["toc"] += 1
            return None
        return sdt.find(f"{W}sdtContent")

    def paragraph(self, p: etree._Element) -> Iterator[TextBlock]:
        """One paragraph block, then the blocks of any text boxes it anchors."""
        parts: list[str] = []
        boxes: list[etree._Element] = []
        self.inline(p, parts, boxes)
        text = _clean("".join(parts))
        if text:
            yield self._classify(p, text)
        for box in boxes:
            yield from self.blocks(box)

    def inline(self, el: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        """Collect the kept text under `el` into `out`; text-box contents go to `boxes`."""
        for child in el:
            tag = child.tag
            if tag in _REVISIONS:
                self.revisions[_REVISIONS[tag]] += 1
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                out.append(child.text or "")
            elif tag in _CHAR:
                out.append(_CHAR[tag])
            elif tag == f"{W}sym":
                out.append(_symbol(child))
            elif tag == f"{W}txbxContent":
                boxes.append(child)
            elif tag in _DROP_TAGS:
                self.dropped[_DROP_TAGS[tag]] += 1
            elif tag == f"{W}r" and _hidden(child):
                self.dropped["hidden_runs"] += 1
            elif tag == f"{W}sdt":
                content = self.sdt_content(child)
                if content is not None:
                    self.inline(content, out, boxes)
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                self.inline(choice if choice is not None else child, out, boxes)
            else:
                self.inline(child, out, boxes)

    def table_rows(self, tbl: etree._Element) -> tuple[tuple[str, ...], ...]:
        """Rows of cells; merged cells once, vertical-merge continuations as ""."""
        rows = []
        for tr in _children(tbl, f"{W}tr"):
            if tr.find(f"{W}trPr/{W}del") is not None:
                self.revisions["deletions"] += 1
                continue
            cells = []
            for tc in _children(tr, f"{W}tc"):
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and _attr(merge) in (None, "continue"):
                    cells.append("")
                else:
                    cells.append(self.cell_text(tc))
            rows.append(tuple(cells))
        return tuple(rows)

    def cell_text(self, container: etree._Element) -> str:
        """A cell's (or header's) text: one line per paragraph, nested tables flattened."""
        lines = []
        for block in self.blocks(container):
            if block.kind == "table":
                lines.append(_flatten(block.rows))
            else:
                lines.append(f"{block.marker} {block.text}" if block.marker else block.text)
        return "\n".join(line for line in lines if line)

    def _classify(self, p: etree._Element, text: str) -> TextBlock:
        style_heading, style_list = self.styles.levels(_attr(p.find(f"{W}pPr/{W}pStyle")))
        outline = p.find(f"{W}pPr/{W}outlineLvl")
        heading = _outline_level(outline) if outline is not None else style_heading
        num = p.find(f"{W}pPr/{W}numPr")
        if num is not None:
            list_level = _num_level(num) if _attr(num.find(f"{W}numId")) != "0" else None
        else:
            list_level = style_list
        typed = split_marker(text)
        marker = typed.marker if typed and typed.text else None
        body = typed.text if marker else text
        if heading is not None:
            return TextBlock(kind="heading", text=body, level=heading, marker=marker)
        if list_level is not None:
            return TextBlock(kind="list_item", text=body, level=list_level, marker=marker)
        if marker:
            depth = len(_NUMBER_PARTS.findall(marker)) if marker[0].isdigit() else 1
            return TextBlock(kind="list_item", text=body, level=max(depth, 1), marker=marker)
        return TextBlock(kind="paragraph", text=text)


def _story_lines(walker: _Walker, related: dict, body: etree._Element, ref: str) -> list[str]:
    """Deduplicated text of the header or footer parts the sections reference, in section order."""
    lines: list[str] = []
    seen: set[str] = set()
    for reference in body.iter(f"{W}{ref}"):
        rel = related.get(reference.get(_R_ID))
        if rel is None or rel.is_external or rel.rId in seen:
            continue
        seen.add(rel.rId)
        root = rel.target_part.element
        for block in walker.blocks(root):
            text = _flatten(block.rows) if block.kind == "table" else block.text
            if block.marker:
                text = f"{block.marker} {text}"
            if text and text not in lines:
                lines.append(text)
    return lines


def _flatten(rows: tuple[tuple[str, ...], ...]) -> str:
    """A table inside a cell, header or footer as plain lines: "; " between cells."""
    return "\n".join("; ".join(c for c in r if c) for r in rows)


def _related_roots(part, reltype: str) -> Iterable[etree._Element]:
    """Parsed XML roots of the document part's related parts of one type (footnotes, comments)."""
    for rel in part.rels.values():
        if rel.reltype != reltype or rel.is_external:
            continue
        target = rel.target_part
        element = getattr(target, "element", None)
        if element is None:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
            element = etree.fromstring(target.blob, parser)
        yield element


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, looking through row/cell-level content controls and customXml."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == f"{W}customXml":
            yield from _children(child, tag)


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish), which Word neither shows nor prints."""
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and _attr(vanish) not in ("0", "false", "off")


def _attr(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(_VAL)


def _outline_level(el: etree._Element) -> int | None:
    value = _int(_attr(el))
    return value + 1 if value is not None and 0 <= value <= 8 else None


def _num_level(num: etree._Element) -> int:
    value = _int(_attr(num.find(f"{W}ilvl")))
    return (value or 0) + 1 if value is None or 0 <= value <= 8 else 1


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _symbol(sym: etree._Element) -> str:
    code = _int_hex(sym.get(f"{W}char"))
    if code is None:
        return ""
    if code in _SYMBOLS:
        return _SYMBOLS[code]
    if 0xE000 <= code <= 0xF8FF or code < 0x20:
        return ""                      # private-use glyph of a symbol font: no honest character
    return chr(code) if code <= 0x10FFFF else ""


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    """Fixed spaces -> space, zero-width characters gone, each line's edges trimmed."""
    lines = [clean_line(line).strip(" ") for line in text.split("\n")]
    return "\n".join(lines).strip()

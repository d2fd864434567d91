"""PDF reader: pypdfium2 for every page's text, pdfplumber only for pages it must read.

Cost model (see /work/shared/PERF.md): PDFium builds a page's text in about half a millisecond,
pdfplumber needs 70-85 ms a page.  So every page goes through PDFium (`pdf_layout.scan_page`: text
lines with boxes and fonts, images, table edges); ruled tables are read from PDFium's path objects
and glyph boxes, and two-column pages are reordered from line boxes.  pdfplumber is opened once, and
only when a page draws a grid as one complex path; each pdfplumber page is closed after use.

Blocks, in reading order per page:
* Running headers and footers: a line among the top two (bottom two) of a page, in its upper
  (lower) half, whose text, with digits replaced, recurs at the top (bottom) of at least half the
  pages with text (and of two or more pages); page-number lines ("Page 75 5", "Page 3 of 12",
  "- 4 -", "12") among those lines on any page.  They leave the body and go, deduplicated by that
  normalised form, to Parsed.headers / Parsed.footers.
* Paragraphs: consecutive lines of one column; a new block starts after a gap bigger than 1.35x
  the page's usual line pitch (lower quartile of its line steps), at a change of font size or
  weight, at a list marker, after a short line ending a sentence, or at an indented first line.
  Lines are joined with `normalise_text.join_lines(dehyphenate=True)`: "safe-/guarding" ->
  "safeguarding", while "multi-/agency" and "Authority-/Designated" keep the hyphen.  A paragraph
  that runs on to the next page (no closing punctuation, next page starts in lower case) is joined.
* Headings: a block of at most two lines and 120 characters, not ending in ".", ",", ";" that is
  bold, or 12% larger than the body font, or numbered ("3. Apologies") in title form.  Level comes
  from the numbering depth, else 1 for 30% larger than body, 2 for larger, 3 for bold.
* List items: a block starting with a bullet or paragraph number (`normalise_text.split_marker`);
  the marker is kept in `marker` and taken out of the text.
* Tables: kind "table" with rows; their text is not repeated as paragraphs.

Limits: more pages than `settings.pdf_max_pages` are refused before any is read.  The deadline
`settings.pdf_timeout_s` is checked between pages and stages; in the main thread on POSIX, when no
one else uses SIGALRM, an interval timer also interrupts long pure-Python work (pdfplumber's
pdfminer) at the deadline.  A single PDFium call cannot be interrupted in-process.
"""
from __future__ import annotations

import io
import re
import signal
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import pypdfium2 as pdfium

from ..config import Settings
from ..errors import InputError, NoTextLayer, TooLarge
from .blocks import Parsed, TextBlock, table_text
from .normalise_text import clean_line, join_lines, split_marker
from .pdf_layout import Line, PageScan, Table, lattice_tables, reading_order, remove_in_boxes, scan_page

PASSWORD = "is password-protected; remove the password and try again"
NO_TEXT = "has no text layer (scanned images?); run OCR first, e.g. ocrmypdf, then ingest the result"
DAMAGED = "is damaged"
_FPDF_ERR_PASSWORD = 4
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?(?:\s+\d+)?"     # Page 3, Page 3 of 12, Page 75 5
    r"|[-–—]?\s*\d{1,4}\s*[-–—]?"                           # 12, - 4 -
    r"|\d+\s*(?:of|/)\s*\d+)$",                              # 3 of 12, 3/12
    re.I,
)
_DIGITS = re.compile(r"\d+")
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
_NO_HEADING_END = tuple(".,;")
_SENTENCE_END = tuple(".:;!?)\"”’")
EDGE_LINES = 2


class _Expired(BaseException):
    """Raised by the SIGALRM handler; a BaseException so parser code cannot swallow it."""


@dataclass(slots=True)
class _Page:
    number: int
    scan: PageScan
    tables: list[Table]


def read(data: bytes, name: str, settings: Settings) -> Parsed:
    """Read a PDF into blocks; raises an InputError subclass naming the file and the reason."""
    deadline = time.monotonic() + settings.pdf_timeout_s
    _check_envelope(data, name)
    try:
        with _alarm(settings.pdf_timeout_s):
            return _read(data, name, settings, deadline)
    except _Expired:
        raise _timeout(name, settings) from None


def _check_envelope(data: bytes, name: str) -> None:
    if b"%PDF-" not in data[:1024]:
        raise InputError(name, f"{DAMAGED} or not a PDF (no PDF header)")
    if b"%%EOF" not in data[-1024:]:
        raise InputError(name, f"{DAMAGED} (it ends early, as if cut off); save or download it again")


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _FPDF_ERR_PASSWORD:
            raise InputError(name, PASSWORD) from None
        raise InputError(name, f"{DAMAGED} (PDFium cannot open it)") from None


def _timeout(name: str, settings: Settings) -> InputError:
    return InputError(name, f"took longer than {settings.pdf_timeout_s:g} s to read (setting pdf_timeout_s); "
                            "split the file or raise the limit")


def _read(data: bytes, name: str, settings: Settings, deadline: float) -> Parsed:
    doc = _open(data, name)
    plumber = None
    try:
        count = len(doc)
        if count > settings.pdf_max_pages:
            raise TooLarge(name, f"has {count} pages, more than the limit of {settings.pdf_max_pages} "
                                 "(setting pdf_max_pages)")
        pages: list[_Page] = []
        images = 0
        for index in range(count):
            if time.monotonic() >= deadline:
                raise _timeout(name, settings)
            page = doc[index]
            try:
                textpage = page.get_textpage()
                scan = scan_page(page, textpage)
                tables = lattice_tables(scan, textpage)
                textpage.close()
            except pdfium.PdfiumError:
                raise InputError(name, f"{DAMAGED} (page {index + 1} cannot be read)") from None
            finally:
                page.close()
            if scan.needs_plumber:
                if plumber is None:
                    import pdfplumber

                    plumber = pdfplumber.open(io.BytesIO(data))
                tables += _plumber_tables(plumber, index, scan)
            images += scan.images
            pages.append(_Page(index + 1, scan, tables))
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()
    if time.monotonic() >= deadline:
        raise _timeout(name, settings)
    return _assemble(pages, name, count, images)


def _plumber_tables(plumber, index: int, scan: PageScan) -> list[Table]:
    """pdfplumber's tables on one page; their lines leave scan.lines."""
    page = plumber.pages[index]
    try:
        found = [(t.bbox, t.extract()) for t in page.find_tables()]
    finally:
        page.close()
    tables = []
    for (x0, top, x1, bottom), rows in found:
        box = (x0, scan.height - bottom, x1, scan.height - top)
        clean = [[" ".join((c or "").split()) for c in row] for row in rows]
        clean = [row for row in clean if any(row)]
        if clean:
            tables.append(Table(box, clean))
    scan.lines = remove_in_boxes(scan.lines, [t.bbox for t in tables])
    return tables


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Arm SIGALRM at the deadline when that is safe (main thread, handler and timer unused)."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        and 0 <= seconds < 1e6
    )
    if not usable:
        yield
        return

    def expire(signum, frame):  # noqa: ARG001
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---- from lines to blocks -----------------------------------------------------------------------

def _assemble(pages: list[_Page], name: str, count: int, images: int) -> Parsed:
    with_text = [p for p in pages if p.scan.lines or p.tables]
    if not with_text:
        raise NoTextLayer(name, NO_TEXT)
    headers, footers = _strip_running(with_text)
    body = _body_size(with_text)
    blocks: list[TextBlock] = []
    two_column = 0
    for page in with_text:
        ordered, columns = reading_order(page.scan.lines, page.scan.width)
        two_column += columns
        blocks += _page_blocks(page, ordered, body, blocks)
    notes = []
    blank = count - len(with_text)
    if blank:
        notes.append(f"{blank} of {count} pages have no text layer (images only?) and were skipped; "
                     "run OCR on them to include their text")
    if two_column:
        notes.append(f"{two_column} two-column page(s) read column by column")
    dropped = {"images": images} if images else {}
    return Parsed(blocks=blocks, pages=count, headers=headers, footers=footers, dropped=dropped,
                  notes=tuple(notes))


def _key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.lower()).split())


def _strip_running(pages: list[_Page]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Take running headers, footers and page numbers out of each page's lines."""
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for page in pages:
        top, bottom = _edges(page)
        tops.update({_key(ln.text) for ln in top})
        bottoms.update({_key(ln.text) for ln in bottom})
    need = max(2, (len(pages) + 1) // 2)
    found: dict[str, dict[str, str]] = {"top": {}, "bottom": {}}
    for page in pages:
        top, bottom = _edges(page)
        drop: set[int] = set()
        for where, edge, counts in (("top", top, tops), ("bottom", bottom, bottoms)):
            for ln in edge:
                key = _key(ln.text)
                if counts[key] >= need or _PAGE_NUMBER.match(ln.text.strip()):
                    drop.add(id(ln))
                    found[where].setdefault(key, ln.text)
        page.scan.lines = [ln for ln in page.scan.lines if id(ln) not in drop]
    return tuple(found["top"].values()), tuple(found["bottom"].values())


def _edges(page: _Page) -> tuple[list[Line], list[Line]]:
    """The top two lines in the upper half of the page and the bottom two in the lower half."""
    lines = sorted(page.scan.lines, key=lambda ln: -ln.top)
    half = page.scan.height / 2
    return ([ln for ln in lines[:EDGE_LINES] if ln.middle > half],
            [ln for ln in lines[-EDGE_LINES:] if ln.middle <= half])


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for ln in page.scan.lines:
            sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _pitch(lines: list[Line]) -> float:
    """The page's usual line pitch: the lower quartile of line-to-line steps (most steps are inside
    paragraphs, but a page of one-line paragraphs has more gaps than steps)."""
    steps = sorted(a.base - b.base for a, b in zip(lines, lines[1:]) if 0 < a.base - b.base < 3 * a.size)
    return steps[len(steps) // 4] if steps else 1.2 * (lines[0].size if lines else 10.0)


def _new_block(prev: Line, cur: Line, pitch: float, right: float) -> bool:
    step = prev.base - cur.base
    if step <= 0 or step > 1.35 * pitch:
        return True
    if abs(prev.size - cur.size) > 0.5 or prev.bold != cur.bold:
        return True
    if split_marker(cur.text):
        return True
    ends = prev.text.endswith(_SENTENCE_END)
    if ends and prev.x1 < right - 0.15 * (right - prev.x0):
        return True
    return ends and cur.x0 > prev.x0 + 8


def _page_blocks(page: _Page, lines: list[Line], body: float, earlier: list[TextBlock]) -> list[TextBlock]:
    """Group a page's ordered lines into blocks and slot its tables in by position."""
    pitch = _pitch(lines)
    groups: list[list[Line]] = []
    for ln in lines:
        if groups:
            prev = groups[-1][-1]
            right = max(x.x1 for x in groups[-1])
            if not _new_block(prev, ln, pitch, right):
                groups[-1].append(ln)
                continue
        groups.append([ln])
    tables = sorted(page.tables, key=lambda t: -t.top)
    out: list[TextBlock] = []
    for group in groups:
        while tables and tables[0].top > group[0].top and not _in_other_column(group[0], tables[0]):
            out.append(_table_block(tables.pop(0), page.number))
        block = _text_block(group, body, page.number)
        if not out and _continues(earlier, block, group):
            earlier[-1] = _merge(earlier[-1], block)
            continue
        out.append(block)
    out += [_table_block(t, page.number) for t in tables]
    return out


def _in_other_column(line: Line, table: Table) -> bool:
    return line.x1 < table.bbox[0] or line.x0 > table.bbox[2]


def _table_block(table: Table, page: int) -> TextBlock:
    rows = tuple(tuple(row) for row in table.rows)
    return TextBlock("table", table_text(rows), page=page, rows=rows)


def _continues(earlier: list[TextBlock], block: TextBlock, group: list[Line]) -> bool:
    """A paragraph carried over from the previous page."""
    if not earlier or earlier[-1].kind != "paragraph" or block.kind != "paragraph":
        return False
    return not earlier[-1].text.endswith(_SENTENCE_END) and group[0].text[:1].islower()


def _merge(first: TextBlock, second: TextBlock) -> TextBlock:
    from dataclasses import replace

    return replace(first, text=join_lines([first.text, second.text], dehyphenate=True))


def _text_block(group: list[Line], body: float, page: int) -> TextBlock:
    texts = [clean_line(ln.text) + ("-" if ln.hyphen else "") for ln in group]
    text = join_lines(texts, dehyphenate=True)
    level = _heading_level(group, text, body)
    if level is not None:
        return TextBlock("heading", text, level=level, page=page)
    found = split_marker(text)
    if found and found.text:
        return TextBlock("list_item", found.text, page=page, marker=found.marker, level=0)
    return TextBlock("paragraph", text, page=page)


def _heading_level(group: list[Line], text: str, body: float) -> int | None:
    if len(group) > 2 or len(text) > 120 or text.endswith(_NO_HEADING_END):
        return None
    size = max(ln.size for ln in group)
    bold = all(ln.bold for ln in group)
    numbered = _NUMBERED_HEADING.match(text)
    larger = size >= 1.12 * body
    titled = numbered and len(text.split()) <= 12 and text[numbered.end() - 1:][:1].isupper()
    if not (bold or larger or titled):
        return None
    if numbered:
        return numbered.group(1).count(".") + 1
    if size >= 1.3 * body:
        return 1
    return 2 if larger else 3

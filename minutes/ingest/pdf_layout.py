"""Page geometry from pypdfium2, cheaply: text lines, ruled tables and two-column reading order.

Everything here costs a handful of PDFium calls per line, so a page stays within a few tenths of
a millisecond on top of PDFium's own text-page build.  Coordinates are PDF user space (y grows up).

Heuristics (documented because they decide what the reader keeps):

* **Lines.** PDFium's own text (``get_text_range``) already groups glyphs into lines and marks a
  hyphen at a line end with U+FFFE (or U+0002) instead of a line break; both split lines here and
  set ``Line.hyphen``.  Each line then costs five calls: the first and last glyph boxes, the first
  glyph's baseline origin, font size and font name (bold = the name says Bold/Black/Heavy/Semibold,
  or the ForceBold flag).
* **Ruled tables.** Path objects whose bounds are thin (<= 3 pt) and long (>= 8 pt) are edges; a
  rectangle path is four edges.  Edges that touch (2 pt tolerance) form a cluster, and a cluster
  with at least 2 distinct horizontal and 3 distinct vertical positions (two columns) is a table: its rows and
  columns are the gaps between those positions, and each glyph goes to the cell holding its centre.
  A large path with many segments (a whole grid drawn as one path) cannot be read this way; the
  page is flagged ``needs_plumber`` and pdfplumber's ``find_tables`` reads it instead.
* **Two columns.** Only checked when at least 5 lines end left of 55% of the page width and at
  least 5 start right of 45%.  The gutter lies between the right-most end of the left lines beside
  the right column (a title above it does not count) and the left-most start of the right lines;
  it must be >= 6 pt wide, both sides must fill at least 25% of the page width on median, and
  their vertical spans must overlap by half of the shorter one.  Lines crossing the gutter
  (titles, footers) split the page into bands; each band is read left column first, then right
  column.  Limitation: when a PDF writes both columns row by row, PDFium merges each row into one
  line across the gutter, and the page reads as one column.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as R

HYPHEN_MARKS = "\ufffe\x02"
_SPLIT = re.compile(r"\r\n|[\r\n\ufffe\x02]")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_FORCE_BOLD = 1 << 18
EDGE_THIN = 3.0
EDGE_MIN = 8.0
TOUCH = 2.0
COMPLEX_PATH_SEGMENTS = 12


@dataclass(slots=True)
class Line:
    """One visual line of text on a page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool
    start: int                 # PDFium char index range [start, end) of the stripped text
    end: int
    hyphen: bool = False       # the line ended with a hyphen that PDFium took off

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Table:
    """A table found on a page: its bounding box (x0, bottom, x1, top) and rows of cell text."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str]]

    @property
    def top(self) -> float:
        return self.bbox[3]


@dataclass(slots=True)
class PageScan:
    """What one cheap pass over a page found."""

    width: float
    height: float
    lines: list[Line]
    images: int = 0
    edges: list[tuple[float, float, float, float]] = field(default_factory=list)
    needs_plumber: bool = False


def scan_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> PageScan:
    """Lines, images and table edges of one page."""
    width, height = page.get_size()
    scan = PageScan(width=width, height=height, lines=read_lines(textpage))
    _scan_objects(page.raw, scan, depth=0)
    return scan


def read_lines(textpage: pdfium.PdfTextPage) -> list[Line]:
    """PDFium's lines with their boxes, font size and weight."""
    text = textpage.get_text_range()
    raw = textpage.raw
    l, b, r, t = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    flags = ctypes.c_int()
    name = ctypes.create_string_buffer(128)
    lines: list[Line] = []
    pos = 0
    for sep in [*_SPLIT.finditer(text), None]:
        end = sep.start() if sep else len(text)
        segment = text[pos:end]
        stripped = segment.strip()
        if stripped:
            first = pos + (len(segment) - len(segment.lstrip()))
            last = pos + len(segment.rstrip()) - 1
            R.FPDFText_GetCharBox(raw, first, l, r, b, t)
            x0, top, bottom = l.value, t.value, b.value
            R.FPDFText_GetCharBox(raw, last, l, r, b, t)
            x1, top, bottom = r.value, max(top, t.value), min(bottom, b.value)
            R.FPDFText_GetCharOrigin(raw, first, ox, oy)
            size = R.FPDFText_GetFontSize(raw, first)
            R.FPDFText_GetFontInfo(raw, first, name, len(name), flags)
            bold = bool(_BOLD_NAME.search(name.value.decode("latin-1"))) or bool(flags.value & _FORCE_BOLD)
            lines.append(Line(stripped, x0, max(x1, x0), top, bottom, oy.value, round(size, 1), bold,
                              first, last + 1, hyphen=bool(sep and sep.group() in HYPHEN_MARKS)))
        pos = sep.end() if sep else len(text)
    return lines


def _scan_objects(container, scan: PageScan, depth: int) -> None:
    """Count images and collect edges; form XObjects are searched for images only."""
    in_form = depth > 0
    count = R.FPDFFormObj_CountObjects(container) if in_form else R.FPDFPage_CountObjects(container)
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    for i in range(count):
        obj = R.FPDFFormObj_GetObject(container, i) if in_form else R.FPDFPage_GetObject(container, i)
        kind = R.FPDFPageObj_GetType(obj)
        if kind == R.FPDF_PAGEOBJ_IMAGE:
            scan.images += 1
        elif kind == R.FPDF_PAGEOBJ_FORM and depth < 4:
            _scan_objects(obj, scan, depth + 1)
        elif kind == R.FPDF_PAGEOBJ_PATH and not in_form:
            R.FPDFPageObj_GetBounds(obj, l, b, r, t)
            x0, y0, x1, y1 = l.value, b.value, r.value, t.value
            w, h = x1 - x0, y1 - y0
            if (h <= EDGE_THIN and w >= EDGE_MIN) or (w <= EDGE_THIN and h >= EDGE_MIN):
                scan.edges.append((x0, y0, x1, y1))
            elif w >= EDGE_MIN and h >= EDGE_MIN:
                if R.FPDFPath_CountSegments(obj) > COMPLEX_PATH_SEGMENTS:
                    scan.needs_plumber = True
                else:   # a rectangle: its four sides
                    scan.edges += [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]


# ---- ruled tables -------------------------------------------------------------------------------

def _touch(a: tuple[float, ...], c: tuple[float, ...]) -> bool:
    return a[0] - TOUCH <= c[2] and c[0] - TOUCH <= a[2] and a[1] - TOUCH <= c[3] and c[1] - TOUCH <= a[3]


def _positions(values: list[float]) -> list[float]:
    """Distinct positions, merging those within TOUCH of each other."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOUCH:
            out.append(v)
    return out


def edge_grids(edges: list[tuple[float, float, float, float]]) -> list[tuple[list[float], list[float]]]:
    """Clusters of touching edges that form a grid: (column x positions, row y positions)."""
    if len(edges) < 6:
        return []
    parent = list(range(len(edges)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(edges)):
        for j in range(i + 1, len(edges)):
            if _touch(edges[i], edges[j]):
                parent[find(i)] = find(j)
    clusters: dict[int, list[tuple[float, float, float, float]]] = {}
    for i, e in enumerate(edges):
        clusters.setdefault(find(i), []).append(e)
    grids = []
    for group in clusters.values():
        ys = _positions([(e[1] + e[3]) / 2 for e in group if e[3] - e[1] <= EDGE_THIN])
        xs = _positions([(e[0] + e[2]) / 2 for e in group if e[2] - e[0] <= EDGE_THIN])
        if len(xs) >= 3 and len(ys) >= 2:      # two columns or more; one row is a split table's part
            grids.append((xs, ys))
    return grids


def lattice_tables(scan: PageScan, textpage: pdfium.PdfTextPage) -> list[Table]:
    """Read each ruled grid on the page; the lines inside a table are removed from scan.lines."""
    tables = []
    for xs, ys in edge_grids(scan.edges):
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        inside = [ln for ln in scan.lines if _in_box(ln, bbox)]
        if not inside:
            continue
        cells = [["" for _ in xs[1:]] for _ in ys[1:]]
        l, b, r, t = (ctypes.c_double() for _ in range(4))
        for ln in inside:
            row = col = None
            for idx in range(ln.start, ln.end):
                ch = ln.text[idx - ln.start]
                if R.FPDFText_GetCharBox(textpage.raw, idx, l, r, b, t) and r.value > l.value:
                    row = _slot(ys, (b.value + t.value) / 2, reverse=True)
                    col = _slot(xs, (l.value + r.value) / 2)
                if row is not None and col is not None:
                    cells[row][col] += ch
            if row is not None and col is not None:
                cells[row][col] += " "
        rows = [[" ".join(c.split()) for c in row] for row in cells]
        rows = [row for row in rows if any(row)]
        if rows:
            tables.append(Table(bbox, rows))
            scan.lines = [ln for ln in scan.lines if not _in_box(ln, bbox)]
    return tables


def _slot(bounds: list[float], value: float, reverse: bool = False) -> int | None:
    """Index of the interval of `bounds` holding value (rows count from the top when reverse)."""
    for i in range(len(bounds) - 1):
        if bounds[i] <= value <= bounds[i + 1]:
            return len(bounds) - 2 - i if reverse else i
    return None


def _in_box(ln: Line, bbox: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = bbox
    return y0 - 1 <= ln.middle <= y1 + 1 and ln.x0 >= x0 - 2 and ln.x1 <= x1 + 2


def remove_in_boxes(lines: list[Line], boxes: list[tuple[float, float, float, float]]) -> list[Line]:
    """Lines that lie in none of the boxes (used after pdfplumber found tables)."""
    return [ln for ln in lines if not any(_in_box(ln, bx) for bx in boxes)]


# ---- reading order ------------------------------------------------------------------------------

def gutter(lines: list[Line], width: float) -> float | None:
    """The x of a two-column gutter, or None for a one-column page."""
    left = [ln for ln in lines if ln.x1 < 0.55 * width]
    right = [ln for ln in lines if ln.x0 > 0.45 * width]
    if len(left) < 5 or len(right) < 5:
        return None
    low, high = min(ln.bottom for ln in right), max(ln.top for ln in right)
    beside = [ln for ln in left if ln.top >= low and ln.bottom <= high]   # not a title above
    if len(beside) < 5:
        return None
    gl, gr = max(ln.x1 for ln in beside), min(ln.x0 for ln in right)
    if gr - gl < 6:
        return None
    if min(median(ln.x1 - ln.x0 for ln in side) for side in (beside, right)) < 0.25 * width:
        return None
    lo = max(min(ln.bottom for ln in left), min(ln.bottom for ln in right))
    hi = min(max(ln.top for ln in left), max(ln.top for ln in right))
    shorter = min(max(ln.top for ln in s) - min(ln.bottom for ln in s) for s in (left, right))
    if hi - lo < 0.5 * shorter:
        return None
    return (gl + gr) / 2


def reading_order(lines: list[Line], width: float) -> tuple[list[Line], bool]:
    """Lines top to bottom; on a two-column page, band by band, left column before right."""
    ordered = sorted(lines, key=lambda ln: -ln.top)
    x = gutter(ordered, width)
    if x is None:
        return ordered, False
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for ln in ordered:
        if ln.x0 < x < ln.x1:          # crosses the gutter: ends the band
            out += left + right + [ln]
            left, right = [], []
        elif ln.x1 <= x:
            left.append(ln)
        else:
            right.append(ln)
    return out + left + right, True

"""Benchmark PDF ingest: our reader against pypdfium2's plain text and pdfplumber's extract_text.

    .venv/bin/python benchmarks/ingest.py [--pages 200] [--repeats 3]

Writes a fictitious ~200-page committee minutes PDF into a temporary folder (headings, paragraphs,
lists, a running header, "Page 75 5" footers, a ruled attendance table about every 10 pages and a
two-column page now and then), then times each extractor in a fresh subprocess so that peak memory
(max RSS) is separate.  Prints pages/second, our time as a multiple of pypdfium2's, and peak RSS.
Times are medians of --repeats runs; ratios come from the same run, which matters more than the
absolute numbers on a shared machine.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = "Children and Young People's Overview and Scrutiny Committee"
SUBJECTS = ["The Corporate Director", "The Strategic Manager", "Councillor Walton", "The Chair",
            "The Head of Early Help", "The Designated Nurse", "The Principal Social Worker"]
VERBS = ["reported that", "advised members that", "explained that", "noted that", "confirmed that"]
CLAUSES = [
    "initial child protection conferences were held within fifteen working days of the strategy discussion",
    "neglect remained the most common primary category for a child protection plan",
    "the number of section 47 enquiries had risen compared with statistical neighbours",
    "repeat plans were monitored by the quality assurance team each quarter",
    "multi-agency attendance at review conferences had improved over the year",
    "health visitors and school nurses had submitted reports for most conferences",
    "fathers were invited to every conference unless a risk assessment said otherwise",
    "the service would bring an update on plans lasting more than two years",
]
TITLES = ["Apologies for Absence", "Declarations of Interest", "Minutes of the Previous Meeting",
          "Child Protection Performance", "Annual Report of the Independent Reviewing Officers",
          "Early Help Strategy", "Safeguarding Partnership Update", "Any Other Business"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))


def make_pdf(path: Path, pages: int, seed: int = 7) -> int:
    """Write the benchmark PDF; return its page count (close to `pages`)."""
    import pypdfium2 as pdfium
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                    Paragraph, Table, TableStyle)

    styles = getSampleStyleSheet()
    width, height = A4
    margin = 56

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawString(margin, height - margin + 16, HEADER)
        canvas.drawCentredString(width / 2, margin - 30, f"Page {74 + doc.page} {doc.page}")
        canvas.restoreState()

    one = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="one")
    col = (width - 2 * margin - 20) / 2
    two = [Frame(margin, margin, col, height - 2 * margin, id="left"),
           Frame(margin + col + 20, margin, col, height - 2 * margin, id="right")]

    def build(sections: int) -> None:
        rng = random.Random(seed)
        story: list = []
        for s in range(1, sections + 1):
            story.append(Paragraph(f"{s}. {rng.choice(TITLES)}", styles["Heading2"]))
            for _ in range(rng.randint(3, 6)):
                story.append(Paragraph(_paragraph(rng), styles["BodyText"]))
            if rng.random() < 0.3:
                for _ in range(3):
                    story.append(Paragraph(_sentence(rng), styles["BodyText"], bulletText="•"))
            if s % 20 == 0:
                rows = [["Name", "Role", "Agency", "Status"]] + [
                    [f"Member {rng.randint(1, 99)}", "Councillor", "County Council",
                     rng.choice(["Present", "Apologies"])] for _ in range(6)]
                table = Table(rows, colWidths=[110, 100, 150, 90])
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
                story.append(table)
            if s % 40 == 0:
                story += [NextPageTemplate("two"), PageBreak()]
                story += [Paragraph(_paragraph(rng), styles["BodyText"]) for _ in range(14)]
                story += [NextPageTemplate("one"), PageBreak()]
        doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1,
                              pageTemplates=[PageTemplate("one", [one], onPage=decorate),
                                             PageTemplate("two", two, onPage=decorate)])
        doc.build(story)

    sections = max(1, pages // 2)
    build(sections)
    got = len(pdfium.PdfDocument(str(path)))
    if got != pages:
        sections = max(1, round(sections * pages / got))
        build(sections)
        got = len(pdfium.PdfDocument(str(path)))
    return got


# ---- one measurement per subprocess -------------------------------------------------------------

def _pypdfium2(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    chars = 0
    for page in doc:
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    doc.close()
    return chars


def _ours(path: Path) -> int:
    from minutes.ingest import read

    return sum(len(b.text) for b in read(path).blocks)


def _pdfplumber(path: Path) -> int:
    import pdfplumber

    chars = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars += len(page.extract_text() or "")
            page.close()
    return chars


MODES = {"pypdfium2": _pypdfium2, "ours": _ours, "pdfplumber": _pdfplumber}


def measure(mode: str, path: Path) -> dict[str, float]:
    """Run one extractor in this process; imports happen before the clock starts."""
    if mode == "ours":
        import minutes.ingest.pdf  # noqa: F401
    elif mode == "pdfplumber":
        import pdfplumber  # noqa: F401
    import pypdfium2  # noqa: F401

    start = time.perf_counter()
    chars = MODES[mode](path)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "chars": chars, "peak_mb": peak_mb}


def _run(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--measure", mode, str(path)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-pdfplumber", action="store_true", help="skip the slow reference run")
    parser.add_argument("--measure", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "minutes_bench.pdf"
        pages = make_pdf(path, args.pages)
        print(f"{path.name}: {pages} pages, {path.stat().st_size / 1024:.0f} KB")
        modes = [m for m in MODES if not (args.skip_pdfplumber and m == "pdfplumber")]
        results: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
        for _ in range(args.repeats):
            for mode in modes:
                results[mode].append(_run(mode, path))
    base = statistics.median(r["seconds"] for r in results["pypdfium2"])
    print(f"{'extractor':<12} {'seconds':>8} {'pages/s':>8} {'x pypdfium2':>12} {'peak RSS MB':>12}")
    for mode, runs in results.items():
        secs = statistics.median(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        print(f"{mode:<12} {secs:8.3f} {pages / secs:8.0f} {secs / base:12.2f} {peak:12.0f}")


if __name__ == "__main__":
    main()

"""Render each bundled Word template from the fictitious sample records and save page 1 as PNG.

    .venv/bin/python docs/make_previews.py        # needs LibreOffice (soffice) and pdftoppm

Writes docs/preview_<kind>.png (100 dpi, first page) for the README.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "render" / "fixtures"
sys.path.insert(0, str(ROOT))

from minutes.render import render  # noqa: E402

LETTERHEAD = {"name": "Eastbrook Council", "service": "Children's Services",
              "address": "Civic Centre, Market Square, Eastbrook EB1 1AA",
              "phone": "01632 960 000", "email": "cpconferences@eastbrook.example.gov.uk"}


def main() -> None:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        sys.exit("needs LibreOffice (soffice) and pdftoppm: apt-get install libreoffice-writer poppler-utils")
    conference = json.loads((FIXTURES / "conference_smith.json").read_text(encoding="utf-8"))
    committee = json.loads((FIXTURES / "committee_cyp_scrutiny.json").read_text(encoding="utf-8"))
    front = yaml.safe_load((FIXTURES / "agenda_report_front.yaml").read_text(encoding="utf-8"))["report"]
    jobs = [("letter", conference, None), ("record", conference, None), ("minutes", committee, None),
            ("agenda", committee, None), ("agenda-report", committee, front)]
    with tempfile.TemporaryDirectory() as tmp:
        for kind, record, extra in jobs:
            docx = Path(tmp) / f"{kind}.docx"
            docx.write_bytes(render(kind, record, "docx", front=extra, today=date(2026, 3, 13), letterhead=LETTERHEAD))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                           check=True, capture_output=True, env={**os.environ, "HOME": tmp}, timeout=180)
            out = ROOT / "docs" / f"preview_{kind.replace('-', '_')}"
            subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile",
                            str(Path(tmp) / f"{kind}.pdf"), str(out)], check=True)
            print(f"wrote {out}.png")


if __name__ == "__main__":
    main()

"""Every bundled sample reads cleanly, and the generated renditions keep the seeds' text."""
from __future__ import annotations

import re

import pytest

from minutes.ingest import SUPPORTED, read

from .conftest import SAMPLES

SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in SUPPORTED and p.name != "SOURCES.md")


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_samples_each_reads_with_blocks_and_metadata(path):
    document = read(path)
    assert document.blocks, path.name
    assert document.meta.name == path.name
    assert len(document.meta.sha256) == 64
    assert [b.index for b in document.blocks] == list(range(len(document.blocks)))


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{4,}", text.lower())


@pytest.mark.parametrize("stem", ["seed_trafford_cp_plans", "seed_rutland_cp_annual_report_2016_17"])
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_samples_renditions_keep_the_seed_text(stem, suffix):
    rendition = SAMPLES / f"{stem}{suffix}"
    if not rendition.exists():
        pytest.skip(f"no {suffix} rendition of {stem}")
    seed_words = set(_words(" ".join(b.text for b in read(SAMPLES / f"{stem}.txt").blocks)))
    got = set(_words(" ".join(b.text for b in read(rendition).blocks)))
    missing = seed_words - got
    assert len(missing) <= 0.02 * len(seed_words), sorted(missing)[:20]


def test_samples_pdf_rendition_drops_running_header_and_page_numbers():
    document = read(SAMPLES / "seed_rutland_cp_annual_report_2016_17.pdf")
    assert document.meta.pages and document.meta.pages >= 3
    assert document.meta.headers or document.meta.footers
    assert not any(re.fullmatch(r"Page \d+", b.text.strip()) for b in document.blocks)


def test_samples_docx_attendance_table_is_a_table_block():
    document = read(SAMPLES / "rcpc_notes_khan.docx")
    tables = [b for b in document.blocks if b.kind == "table"]
    assert tables and len(tables[0].rows) >= 8
    assert any("Name" in cell for cell in tables[0].rows[0])


def test_samples_transcript_has_speaker_turns():
    document = read(SAMPLES / "cp_conference_transcript.vtt")
    turns = [b for b in document.blocks if b.kind == "turn"]
    assert len(turns) >= 10
    assert all(t.speaker and t.start is not None for t in turns)

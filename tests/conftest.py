"""Shared fixtures: where the repository, the samples and the gold data are."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "benchmarks" / "gold"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def nlp():
    """The full minutes pipeline, loaded once for the session (slow tests only)."""
    from minutes.nlp.pipeline import load_pipeline

    return load_pipeline()

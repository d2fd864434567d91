"""The child protection service report: statistics over records, anonymised, with charts.

    records -> service.compute -> ServiceStats (counts) -> tables.build -> ReportDoc (strings,
    suppressed) -> charts.render_all + render.render_bytes -> DOCX / HTML / Markdown
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..config import Settings
from .tables import ReportDoc

__all__ = ["service_report", "ReportDoc"]


def service_report(records: Iterable[Mapping[str, Any]], date_from: date, date_to: date,
                   settings: Settings, compare: Path | None = None) -> ReportDoc:
    """The anonymised service report for conferences held from `date_from` to `date_to`."""
    from .compare import load_compare
    from .service import compute, load_vocabulary
    from .tables import build

    groups, figures = load_compare(compare) if compare else ([], {})
    vocabulary = load_vocabulary()
    stats = compute(records, date_from, date_to, settings, vocabulary)
    return build(stats, settings.suppression_threshold, list(vocabulary.categories), figures, groups)

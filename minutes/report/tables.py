"""The service report as display tables and chart series, already anonymised.

`build(stats, threshold, compare)` turns `ServiceStats` (counts) into a `ReportDoc` of strings:
every count passes through suppression, every label was checked against names in `service`, and
comparison figures are placed beside ours by measure id.  The renderers (render.py, charts.py)
only ever see a `ReportDoc`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from .anonymise import NO_DATA, WITHHELD, count_cell, pct_cell, pct_value, withheld
from .service import ServiceStats

STATIC_MEASURES = (
    "conferences", "icpc_count", "rcpc_count", "transfer_in_count", "icpc_within_15_pct",
    "plans_started", "second_plans_pct", "plans_ended", "ended_after_2y_pct", "open_at_end",
    "open_over_2y_pct",
)
MEASURE_PREFIXES = ("category_pct:", "risk_pct:", "attendance_initial_pct:", "attendance_review_pct:",
                    "reports_initial_pct:", "reports_review_pct:", "father_attendance_pct:")


@dataclass(slots=True)
class Row:
    label: str
    cells: list[str]
    measure: str | None = None       # id for comparison figures
    compare: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Table:
    id: str
    title: str
    columns: list[str]
    rows: list[Row]
    note: str | None = None


@dataclass(slots=True)
class Figure:
    """A bar chart: one or more series of percentages (None = withheld) over labels."""

    id: str
    title: str
    labels: list[str]
    series: dict[str, list[float | None]]
    unit: str = "%"


@dataclass(slots=True)
class ReportDoc:
    title: str
    date_from: date
    date_to: date
    threshold: int
    compare_groups: list[str]
    tables: list[Table]
    figures: list[Figure]
    notes: list[str]


def _pct_row(label: str, n: int, d: int, t: int, measure: str | None, hide: bool = False) -> Row:
    count = WITHHELD if hide else count_cell(n, t)
    pct = WITHHELD if hide and d > 0 else pct_cell(n, d, t)
    return Row(label, [count, pct], measure)


def _summary(s: ServiceStats, t: int) -> Table:
    rows = [
        Row("Conferences held", [count_cell(s.conferences, t), ""], "conferences"),
        Row("Initial conferences (ICPCs, incl. pre-birth)", [count_cell(s.icpc, t), ""], "icpc_count"),
        Row("Review conferences (RCPCs)", [count_cell(s.rcpc, t), ""], "rcpc_count"),
        Row("Transfer-in conferences", [count_cell(s.transfer_in, t), ""], "transfer_in_count"),
        _pct_row("ICPCs within 15 working days of the strategy discussion", s.icpc_on_time, s.icpc_timed, t,
                 "icpc_within_15_pct"),
        Row("Children made subject to a plan", [count_cell(s.plans_started, t), ""], "plans_started"),
        _pct_row("of which second or subsequent plans", s.second_plans, s.plans_started, t, "second_plans_pct"),
        Row("Plans ended", [count_cell(s.plans_ended, t), ""], "plans_ended"),
        _pct_row("of which ended after 2 years or more", s.ended_after_2y, s.plans_ended, t, "ended_after_2y_pct"),
        Row("Plans open at the end of the period", [count_cell(s.open_at_end, t), ""], "open_at_end"),
        _pct_row("of which open for 2 years or more", s.open_over_2y, s.open_at_end, t, "open_over_2y_pct"),
    ]
    note = (f"{s.icpc_timed:,} of {s.icpc:,} ICPCs record a strategy discussion date."
            if s.icpc >= t else None)
    return Table("summary", "Summary", ["Measure", "Number", "%"], rows, note)


def _categories(s: ServiceStats, t: int, categories: list[str]) -> tuple[Table, Figure]:
    counts = [s.by_category.get(c, 0) for c in categories]
    hide = withheld(counts, t)
    rows = [_pct_row(c, n, s.plans_started, t, f"category_pct:{c}", hide=(i in hide and not 0 < n < t))
            for i, (c, n) in enumerate(zip(categories, counts))]
    rows.append(Row("Total", [count_cell(s.plans_started, t), "100.0%" if s.plans_started else NO_DATA]))
    figure = Figure("categories", "Plans started by category (%)", categories,
                    {"Ours": [None if i in hide else pct_value(n, s.plans_started, t)
                              for i, n in enumerate(counts)]})
    return Table("categories", "Children made subject to a plan, by category", ["Category", "Number", "%"],
                 rows), figure


def _risks(s: ServiceStats, t: int) -> tuple[Table, Figure]:
    labels = sorted(s.risk_factors, key=lambda k: (-s.risk_factors[k], k))
    rows = [_pct_row(k, s.risk_factors[k], s.icpc, t, f"risk_pct:{k}") for k in labels]
    figure = Figure("risk_factors", "Risk factors recorded at ICPCs (%)", labels,
                    {"Ours": [pct_value(s.risk_factors[k], s.icpc, t) for k in labels]})
    return Table("risk_factors", "Risk factors recorded at initial conferences", ["Risk factor", "ICPCs", "% of ICPCs"],
                 rows, "A conference can record several risk factors."), figure


def _attendance(s: ServiceStats, t: int) -> tuple[Table, Figure]:
    init, rev = s.agencies["initial"], s.agencies["review"]
    n_init, n_rev = s.group_conferences["initial"], s.group_conferences["review"]
    names = sorted(set(init.present) | set(init.reports) | set(rev.present) | set(rev.reports))
    rows = []
    for name in names:
        cells = []
        for counts, total in ((init.present, n_init), (init.reports, n_init), (rev.present, n_rev), (rev.reports, n_rev)):
            n = counts.get(name, 0)
            cells.append(f"{count_cell(n, t)} ({pct_cell(n, total, t)})")
        rows.append(Row(name, cells, f"attendance_initial_pct:{name}"))
    figure = Figure("attendance", "Agencies present (% of conferences)", names,
                    {"Initial": [pct_value(init.present.get(a, 0), n_init, t) for a in names],
                     "Review": [pct_value(rev.present.get(a, 0), n_rev, t) for a in names]})
    columns = ["Agency", f"Initial: present (of {count_cell(n_init, t)})", "Initial: report",
               f"Review: present (of {count_cell(n_rev, t)})", "Review: report"]
    return Table("attendance", "Attendance and reports by agency, initial and review conferences", columns, rows,
                 "Initial includes transfer-in conferences. A report counts when the agency sent one, "
                 "present or not."), figure


def _fathers(s: ServiceStats, t: int) -> Table:
    rows = []
    for group, label in (("initial", "Initial conferences"), ("review", "Review conferences")):
        invited, present = s.father_invited[group], s.father_present[group]
        rows.append(Row(label, [count_cell(invited, t), count_cell(present, t), pct_cell(present, invited, t)],
                        f"father_attendance_pct:{group}"))
    return Table("fathers", "Fathers' attendance", ["Conferences", "Father invited", "Father attended",
                                                   "% attended"], rows)


def build(stats: ServiceStats, threshold: int, categories: list[str],
          compare: Mapping[str, Mapping[str, str]] | None = None, groups: list[str] | None = None,
          title: str = "Child protection conference service report") -> ReportDoc:
    """The anonymised report: tables, charts and notes, with comparison figures by measure id."""
    t = max(1, int(threshold))
    cats, cat_fig = _categories(stats, t, categories + ["Not recorded"] if stats.by_category.get("Not recorded")
                                else categories)
    risks, risk_fig = _risks(stats, t)
    attendance, att_fig = _attendance(stats, t)
    tables = [_summary(stats, t), cats, risks, attendance, _fathers(stats, t)]
    figures = [cat_fig, risk_fig, att_fig]
    groups = list(groups or [])
    if compare:
        for table in tables:
            table.columns = table.columns + groups
            for row in table.rows:
                given = compare.get(row.measure or "", {})
                row.compare = [given.get(g, "") for g in groups]
        _compare_series(figures, compare, groups)
    notes = [f"Counts from 1 to {t - 1} are shown as <{t}; {WITHHELD} marks a figure withheld so that a small "
             "count cannot be worked out. No child or family member is named in this report."] if t > 1 else []
    if stats.ended_unknown_start:
        notes.append(f"{count_cell(stats.ended_unknown_start, t)} ended plan(s) have no known start date.")
    return ReportDoc(title, stats.date_from, stats.date_to, t, groups, tables, figures, notes)


def _compare_series(figures: list[Figure], compare: Mapping[str, Mapping[str, str]], groups: list[str]) -> None:
    prefixes = {"categories": "category_pct:", "risk_factors": "risk_pct:"}
    for figure in figures:
        prefix = prefixes.get(figure.id)
        if prefix is None:
            continue
        for group in groups:
            values = [_number(compare.get(prefix + label, {}).get(group)) for label in figure.labels]
            if any(v is not None for v in values):
                figure.series[group] = values


def _number(text: str | None) -> float | None:
    try:
        return float(str(text).rstrip("%")) if text not in (None, "") else None
    except ValueError:
        return None

"""Bar charts of the service report as PNG bytes (matplotlib, Agg backend, no display needed).

Charts are drawn from `tables.Figure` only (already anonymised): a withheld value is drawn as an
empty slot labelled "[c]", never as its true height.
"""
from __future__ import annotations

import io

from .tables import Figure

DPI = 110
MAX_LABEL = 28


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def render_png(figure: Figure) -> bytes:
    """One horizontal grouped bar chart as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure as MplFigure

    labels = figure.labels or ["(none)"]
    series = figure.series if figure.labels else {"Ours": [None]}
    height = max(2.4, 0.42 * len(labels) * max(1, len(series)) ** 0.5 + 1.2)
    fig = MplFigure(figsize=(7.0, height), dpi=DPI)
    ax = fig.add_subplot(111)
    n = len(series)
    bar = 0.8 / max(1, n)
    positions = range(len(labels))
    for k, (name, values) in enumerate(series.items()):
        ys = [p + (k - (n - 1) / 2) * bar for p in positions]
        widths = [v if v is not None else 0.0 for v in values]
        bars = ax.barh(ys, widths, height=bar * 0.95, label=name)
        for rect, value in zip(bars, values):
            text = "[c]" if value is None else f"{value:.0f}{figure.unit}"
            ax.annotate(text, (rect.get_width(), rect.get_y() + rect.get_height() / 2),
                        xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    ax.set_yticks(list(positions))
    ax.set_yticklabels([_short(label) for label in labels], fontsize=8)
    ax.invert_yaxis()
    top = max([v for vs in series.values() for v in vs if v is not None] or [1.0])
    ax.set_xlim(0, max(10.0, top * 1.15))
    ax.set_xlabel(figure.unit if figure.unit != "%" else "per cent", fontsize=8)
    ax.set_title(figure.title, fontsize=10)
    if n > 1:
        ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def render_all(figures: list[Figure]) -> dict[str, bytes]:
    """{figure id: PNG bytes} for every figure."""
    return {f.id: render_png(f) for f in figures}

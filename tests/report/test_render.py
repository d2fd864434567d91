"""The service report as DOCX, HTML and Markdown; comparison figures; atomic private writes."""
import io
import stat
from datetime import date

import pytest

from minutes.config import Settings
from minutes.errors import InputError, RenderError
from minutes.report import service_report
from minutes.report.charts import render_png
from minutes.report.compare import load_compare
from minutes.report.render import render_bytes, write_private
from minutes.report.tables import Figure

from .generate import PERIOD, generate

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def records():
    return generate(families=300, seed=7)


@pytest.fixture()
def compare_csv(tmp_path):
    path = tmp_path / "compare.csv"
    path.write_text("measure,England,Statistical neighbours\nicpc_within_15_pct,78.4,81.0\n"
                    "category_pct:Neglect,48.2%,51.3\nrisk_pct:Domestic abuse,,55\n", encoding="utf-8")
    return path


def test_render_docx_has_headings_numbers_and_charts(records):
    recs, exp = records
    data = render_bytes(service_report(recs, *PERIOD, Settings()), "docx")
    from docx import Document

    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:3] == ["Child protection conference service report", "Summary",
                            "Children made subject to a plan, by category"]
    assert "Fathers' attendance" in headings
    summary = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert summary["Initial conferences (ICPCs, incl. pre-birth)"] == f"{exp.icpc:,}"
    assert summary["Review conferences (RCPCs)"] == f"{exp.rcpc:,}"
    pct = {row.cells[0].text: row.cells[2].text for row in document.tables[0].rows}
    assert pct["ICPCs within 15 working days of the strategy discussion"] == \
        f"{100 * exp.icpc_on_time / exp.icpc_timed:.1f}%"
    images = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(images) == 3 and all(r.target_part.blob.startswith(PNG) for r in images)


def test_render_html_embeds_charts_and_escapes_labels(records):
    recs, _ = records
    recs = [dict(r) for r in recs]
    inside = next(r for r in recs if r["conference_type"] == "initial" and r["conference_date"] >= "2024-06-01")
    inside["risk_factors"] = inside["risk_factors"] + ["<script>alert(1)</script> & co"]
    html = render_bytes(service_report(recs, *PERIOD, Settings(suppression_threshold=1)), "html").decode()
    assert html.count('src="data:image/png;base64,') == 3
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_render_markdown_escapes_cells():
    doc = service_report([{"id": 1, "conference_type": "initial", "conference_date": "2024-06-03",
                           "risk_factors": ["a|b *c*"], "children": []}], *PERIOD, Settings(suppression_threshold=1))
    md = render_bytes(doc, "md").decode()
    assert "| a\\|b \\*c\\* | 1 | 100.0% |" in md


def test_render_comparison_figures_beside_ours(records, compare_csv):
    recs, _ = records
    doc = service_report(recs, *PERIOD, Settings(), compare=compare_csv)
    md = render_bytes(doc, "md").decode()
    assert "| Measure | Number | % | England | Statistical neighbours |" in md
    line = next(l for l in md.splitlines() if l.startswith("| ICPCs within 15 working days"))
    assert line.endswith("| 78.4 | 81.0 |")
    assert next(l for l in md.splitlines() if l.startswith("| Neglect |")).endswith("| 48.2% | 51.3 |")
    categories = next(f for f in doc.figures if f.id == "categories")
    assert categories.series["England"][0] == pytest.approx(48.2)


@pytest.mark.parametrize("text, words", [
    ("group,England\n", "first line must be 'measure"),
    ("measure,England\nicpc_within_15_pct,high\n", "'high' is not a number"),
    ("measure,England\nfoo_pct,3\n", "unknown measure 'foo_pct' on line 2"),
    ("measure,England,England\n", "distinct"),
])
def test_render_compare_csv_errors_name_the_file(tmp_path, text, words):
    path = tmp_path / "national.csv"
    path.write_text(text)
    with pytest.raises(InputError) as info:
        load_compare(path)
    assert "national.csv" in str(info.value) and words in str(info.value)


def test_render_write_is_private_atomic_and_refuses_overwrite(tmp_path):
    out = tmp_path / "report.md"
    write_private(out, b"one")
    assert out.read_bytes() == b"one" and stat.S_IMODE(out.stat().st_mode) == 0o600
    with pytest.raises(RenderError, match="'report.md': it already exists; use --force"):
        write_private(out, b"two")
    write_private(out, b"two", force=True)
    assert out.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]        # no temp files left
    with pytest.raises(RenderError, match="does not exist"):
        write_private(tmp_path / "missing" / "r.md", b"x")


def test_render_unknown_format():
    doc = service_report([], *PERIOD, Settings())
    with pytest.raises(RenderError, match="unknown report format 'pdf'; use docx, html, md"):
        render_bytes(doc, "pdf")


def test_render_empty_period_still_renders():
    doc = service_report([], date(2024, 4, 1), date(2025, 3, 31), Settings())
    assert b"Conferences held | 0" in render_bytes(doc, "md")
    assert render_bytes(doc, "docx")[:2] == b"PK"


def test_charts_png_with_withheld_bar():
    png = render_png(Figure("categories", "Plans by category (%)", ["Neglect", "Multiple"],
                            {"Ours": [60.0, None], "England": [48.0, 20.0]}))
    assert png.startswith(PNG) and len(png) > 5000

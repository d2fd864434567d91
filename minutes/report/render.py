"""The service report as DOCX (python-docx, charts embedded), HTML (charts as base64 PNG,
autoescaped Jinja) or Markdown, written atomically and privately (0600), never over an existing
file unless asked.

Renderers take a `tables.ReportDoc` (anonymised strings) and chart PNGs, nothing else.
"""
from __future__ import annotations

import base64
import io
from pathlib import Path

from ..errors import RenderError
from ..files import replace_atomically
from ..resources import templates_dir
from .tables import ReportDoc

FORMATS = ("docx", "html", "md")
HTML_TEMPLATE = "service_report.html.j2"


def _period(doc: ReportDoc) -> tuple[str, str]:
    fmt = "%-d %B %Y"
    return doc.date_from.strftime(fmt), doc.date_to.strftime(fmt)


def _chart_titles(doc: ReportDoc) -> dict[str, str]:
    return {f.id: f.title for f in doc.figures}


def to_html(doc: ReportDoc, charts: dict[str, bytes]) -> str:
    """HTML with every value autoescaped and charts inline as base64 PNG."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(loader=FileSystemLoader(str(templates_dir())), autoescape=True,
                               undefined=StrictUndefined)
    start, end = _period(doc)
    encoded = {k: base64.b64encode(v).decode("ascii") for k, v in charts.items()}
    return env.get_template(HTML_TEMPLATE).render(doc=doc, period_from=start, period_to=end,
                                                  charts=encoded, chart_titles=_chart_titles(doc))


def _md_cell(text: str) -> str:
    out = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "`*_[]<>#~!":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(doc: ReportDoc) -> str:
    """Markdown tables (charts are in the DOCX and HTML forms)."""
    start, end = _period(doc)
    lines = [f"# {_md_cell(doc.title)}", "", f"Conferences held from {start} to {end}.", ""]
    for table in doc.tables:
        lines += [f"## {_md_cell(table.title)}", ""]
        lines.append("| " + " | ".join(_md_cell(c) for c in table.columns) + " |")
        lines.append("|" + "|".join(["---"] + ["---:"] * (len(table.columns) - 1)) + "|")
        for row in table.rows:
            cells = [row.label, *row.cells, *row.compare]
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        if table.note:
            lines += ["", _md_cell(table.note)]
        lines.append("")
    if doc.notes:
        lines += ["## Notes", ""] + [f"- {_md_cell(n)}" for n in doc.notes] + [""]
    return "\n".join(lines)


def to_docx(doc: ReportDoc, charts: dict[str, bytes]) -> bytes:
    """A Word document: headings, tables (comparison columns shaded) and the charts as pictures."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.core_properties.title = doc.title
    document.core_properties.author = ""
    document.add_heading(doc.title, level=0)
    start, end = _period(doc)
    document.add_paragraph(f"Conferences held from {start} to {end}.")
    titles = _chart_titles(doc)
    for table in doc.tables:
        document.add_heading(table.title, level=1)
        grid = document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, table.columns):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in table.rows:
            cells = grid.add_row().cells
            for cell, text in zip(cells, [row.label, *row.cells, *row.compare]):
                cell.text = text
        if table.note:
            document.add_paragraph(table.note)
        if table.id in charts:
            document.add_picture(io.BytesIO(charts[table.id]), width=Cm(15))
            document.add_paragraph(titles.get(table.id, ""), style="Caption")
    if doc.notes:
        document.add_heading("Notes", level=1)
        for note in doc.notes:
            document.add_paragraph(note, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_bytes(doc: ReportDoc, fmt: str, charts: dict[str, bytes] | None = None) -> bytes:
    """The report in `fmt` (docx, html or md) as bytes; charts are drawn when not given."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown report format '{fmt}'; use {', '.join(FORMATS)}")
    if fmt == "md":
        return to_markdown(doc).encode("utf-8")
    if charts is None:
        from .charts import render_all

        charts = render_all(doc.figures)
    charts = {f.id: charts[f.id] for f in doc.figures if f.id in charts}
    # charts sit below the table they illustrate (figure id == table id)
    if fmt == "html":
        return to_html(doc, charts).encode("utf-8")
    return to_docx(doc, charts)


def write_private(path: Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` atomically (temp file + os.replace), mode 0600; refuse to overwrite."""
    path = Path(path)
    if path.is_dir():
        raise RenderError(f"Cannot write '{path.name}': it is a folder; give a file name")
    if path.exists() and not force:
        raise RenderError(f"Cannot write '{path.name}': it already exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise RenderError(f"Cannot write '{path.name}': folder '{folder}' does not exist")
    try:
        replace_atomically(path, data, overwrite=force)
    except FileExistsError:
        raise RenderError(f"Cannot write '{path.name}': it already exists; use --force to replace it") from None
    except OSError as exc:
        raise RenderError(f"Cannot write '{path.name}': {exc.strerror or exc}") from None
    return path

"""PDF output through xhtml2pdf (a package dependency)."""
from __future__ import annotations

import io

import pytest

from minutes.render import pdf, render

from .helpers import TODAY, front, record_for


@pytest.mark.parametrize("kind", ["letter", "record", "minutes", "agenda", "agenda-report"])
def test_pdf_every_kind_renders_a_pdf_with_its_text(kind):
    import pypdfium2

    data = render(kind, record_for(kind), "pdf", today=TODAY, front=front() if kind == "agenda-report" else None)
    assert data.startswith(b"%PDF")
    document = pypdfium2.PdfDocument(io.BytesIO(data))
    text = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert ("Margaret Osei" if kind in ("letter", "record") else "Scrutiny Committee") in text


def test_pdf_route_is_available():
    assert pdf.available() in ("xhtml2pdf", "libreoffice")

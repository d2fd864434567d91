"""--redact: no child's or family member's name anywhere in any format."""
from __future__ import annotations

import html
import io
import re

import pytest

from minutes.render import render
from minutes.render.redact import redact

from .helpers import TODAY, docx_text, record_for

NAMES = ("Tyler", "Poppy", "Kelly", "Dean", "Craig", "Smith", "SMITH", "Walsh", "Pat ")


def _text(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        return docx_text(data)
    if fmt == "pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(io.BytesIO(data))
        return " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    return html.unescape(data.decode())


@pytest.mark.parametrize("fmt", ["docx", "html", "md", "pdf"])
@pytest.mark.parametrize("kind", ["letter", "record"])
def test_redact_no_family_name_in_any_format(kind, fmt):
    text = _text(render(kind, record_for(kind), fmt, redact=True, today=TODAY), fmt)
    for name in NAMES:
        assert not re.search(rf"\b{name}", text), name
    assert "C-3F9A2B" in text and "Hannah Price" in text   # pseudonyms in, professionals kept


def test_redact_children_become_ids_family_initials():
    out = redact(record_for("record"))
    assert [c["name"] for c in out["children"]] == ["C-3F9A2B", "C-71D0E4"]
    assert "K.S." in out["parent_views"] and "D.W." in out["parent_views"]
    assert "P.S." in " ".join(out["strengths"])          # a relative named only in the narrative
    assert out["children"][0]["date_of_birth"] == "2017-08-14"

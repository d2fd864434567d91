"""HTML and Markdown: every kind renders, values are escaped, order is kept."""
from __future__ import annotations

import html
import re

import pytest

from minutes.render import render

from .helpers import TODAY, front, in_order, record_for

KINDS = ("letter", "record", "minutes", "agenda", "agenda-report")


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("kind", KINDS)
def test_text_every_kind_renders_without_leftover_tags(kind, fmt):
    out = render(kind, record_for(kind), fmt, today=TODAY, front=front() if kind == "agenda-report" else None).decode()
    assert len(out) > 500
    assert "{{" not in out and "{%" not in out and "None" not in out
    if fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")


def test_text_html_letter_in_order():
    out = html.unescape(render("letter", record_for("letter"), "html", today=TODAY).decode())
    assert in_order(out, "13 March 2026", "Dear Kelly Smith, Dean Walsh and Craig Smith,",
                    "Tyler Smith is to be made subject", "Poppy Smith is to be made subject",
                    "Child Protection Plan", "Hannah Price", "Tuesday 24 March 2026 at 10.00am",
                    "Thursday 11 June 2026", "Yours sincerely,", "Margaret Osei")


def _hostile(record: dict) -> dict:
    record["children"][0]["name"] = "Tyler <b>Smith</b>"
    record["agency_information"][0]["agency"] = "Police & Crime <Unit>"
    record["child_views"] = "<script>alert(1)</script> {{ 7*7 }} {% raw %} *bold* # head [x](http://e.example) =SUM(A1) { DDE }"
    return record


def test_text_html_escapes_everything_from_notes():
    out = render("record", _hostile(record_for("record")), "html").decode()
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "Tyler &lt;b&gt;Smith&lt;/b&gt;" in out and "<b>Smith" not in out
    assert "Police &amp; Crime &lt;Unit&gt;" in out
    assert "{{ 7*7 }} {% raw %}" in out and "49" not in out


def test_text_markdown_escapes_markup_from_notes():
    out = render("record", _hostile(record_for("record")), "md").decode()
    assert "<script>" not in out and r"\<script\>alert(1)\</script\>" in out
    assert r"\*bold\*" in out and r"\# head" in out and r"\[x\](http://e.example)" in out
    assert "{{ 7\\*7 }} {% raw %}" in out
    # unescaping the backslashes gives the text back exactly
    assert "<script>alert(1)</script> {{ 7*7 }} {% raw %} *bold* # head" in re.sub(r"\\(.)", r"\1", out)


def test_text_minutes_markdown_resolutions_numbered_in_order():
    out = render("minutes", record_for("minutes"), "md").decode()
    assert in_order(out, "## 25/24", "**Minutes:**", "**RESOLVED:**", "1. That the report be noted.",
                    "2. That the Head", "3. That the Committee", "**Supporting documents:**", "## 26/24",
                    "a) That the draft", "b) That the Committee")

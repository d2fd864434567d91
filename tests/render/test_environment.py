"""The one sandboxed environment and the project filters."""
from __future__ import annotations

from datetime import date

import pytest
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError

from minutes.render.environment import environment, initials, join_and, md_escape, ukdate, uktime
from minutes.render.text import render_text


def test_environment_uk_dates_and_times():
    assert ukdate("2026-11-22") == "22 November 2026"
    assert ukdate(date(2026, 3, 1), True) == "Sunday 1 March 2026"
    assert ukdate("[MISSING: review date]") == "[MISSING: review date]"
    assert [uktime(t) for t in ("10:00", "18:30", "12:00", "00:15", "9.05")] == ["10.00am", "6.30pm", "12.00pm", "12.15am", "9.05am"]


def test_environment_initials_join_and_md_escape():
    assert initials("Tyler Smith") == "T.S." and initials("Dr Priya Rahman") == "P.R."
    assert join_and(["a", "b", "c"]) == "a, b and c" and join_and(["a"]) == "a"
    assert md_escape("<b>*x*</b>") == r"\<b\>\*x\*\</b\>"


def test_environment_sandbox_and_strict_undefined():
    env = environment()
    with pytest.raises(SecurityError):
        env.from_string("{{ x.__class__.__mro__[1].__subclasses__() }}").render(x="")
    with pytest.raises(UndefinedError):
        env.from_string("{{ nothing.here }}").render()


def test_environment_user_template_folder_overrides_bundled(tmp_path):
    (tmp_path / "letter.md.j2").write_text("Custom for {{ child_names }}\n", encoding="utf-8")
    out = render_text("letter", "md", {"child_names": "T & P"}, template_dir=str(tmp_path))
    assert out == "Custom for T & P\n"

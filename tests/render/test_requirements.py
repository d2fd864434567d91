"""Required fields per kind: refusal lists them all; --draft fills visible placeholders."""
from __future__ import annotations

import pytest

from minutes.errors import ConfigError, RenderError, TemplateFieldsMissing
from minutes.render import render, requirements

from .helpers import docx_text, record_for


def test_requirements_complete_samples_miss_nothing():
    for kind in ("letter", "record", "minutes", "agenda"):
        assert requirements.missing(kind, record_for(kind)) == []


def test_requirements_missing_lists_labels_in_rules_order():
    record = record_for("letter")
    record["review_date"] = None
    record["core_group"]["date"] = ""
    record["lead_social_worker"] = None
    record["children"][1]["category"] = None
    assert requirements.missing("letter", record) == [
        "category for each child on a plan", "lead social worker", "core group date", "review date"]


def test_requirements_category_needed_only_for_children_on_a_plan():
    record = record_for("letter")
    record["children"][1].update(decision="no plan", category=None)
    assert requirements.missing("letter", record) == []


def test_requirements_render_refuses_naming_every_missing_field():
    record = record_for("letter")
    del record["review_date"]
    record["core_group"]["date"] = None
    record["lead_social_worker"] = None
    with pytest.raises(TemplateFieldsMissing) as caught:
        render("letter", record, "docx")
    assert str(caught.value).startswith("cannot render letter: missing lead social worker, core group date, review date")


def test_requirements_draft_renders_placeholders_and_draft_mark():
    record = record_for("letter")
    del record["review_date"]
    record["lead_social_worker"] = None
    record["children"] = []
    text = docx_text(render("letter", record, "docx", draft=True))
    assert "DRAFT: NOT FOR CIRCULATION" in text
    assert "[MISSING: review date]" in text and "[MISSING: lead social worker]" in text
    assert "[MISSING: children]" in text
    html = render("letter", record, "html", draft=True).decode()
    assert "DRAFT" in html and "[MISSING: review date]" in html


def test_requirements_wrong_record_kind_is_refused():
    with pytest.raises(RenderError, match="a letter needs a conference record; this is a committee record"):
        render("letter", record_for("minutes"), "html")


def test_requirements_loader_rejects_unknown_keys():
    with pytest.raises(ConfigError, match="unknown key\\(s\\) lable"):
        requirements.parse({"kinds": {"letter": {"record": "conference", "fields": [{"path": "x", "lable": "y"}]}}})

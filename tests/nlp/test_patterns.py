"""Ruler patterns from the gazetteers and pattern files, run on spacy.blank("en")."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.util import registry

from minutes.errors import ConfigError
from minutes.nlp.patterns import alias_pattern, build_patterns, read_pattern_file


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(build_patterns(unique=True))
    return nlp


def ents(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_patterns_apologies_line_finds_role_and_police_title(nlp):
    found = ents(nlp, "Apologies: Jane Doe (HV), PC Brown")
    assert ("HV", "ROLE", "health_visitor") in found
    pc = [f for f in found if f[0] == "PC"]
    assert len(pc) == 1 and (pc[0][1], pc[0][2]) in {("TITLE", "pc"), ("ROLE", "police_officer")}


def test_patterns_risk_factors_in_a_sentence(nlp):
    found = ents(nlp, "Concerns include domestic violence and parental alcohol misuse; also CSE.")
    assert [(label, i) for _, label, i in found] == [
        ("RISK", "domestic_abuse"), ("RISK", "parental_alcohol_misuse"), ("RISK", "child_sexual_exploitation")]


def test_patterns_short_abbreviations_are_case_sensitive(nlp):
    assert ents(nlp, "the pc was da best sw in the tm") == []
    found = ents(nlp, "SW and TM attended; DA was discussed")
    assert [i for _, _, i in found] == ["social_worker", "team_manager", "domestic_abuse"]


def test_patterns_titles_need_a_capital(nlp):
    assert ents(nlp, "we miss the sir") == []
    assert ents(nlp, "Miss Jones and MR SMITH") == [("Miss", "TITLE", "miss"), ("MR", "TITLE", "mr")]


def test_patterns_multiword_aliases_match_case_insensitively(nlp):
    found = ents(nlp, "childrens social care, the Metropolitan Police, Women's Aid and the youth offending team")
    assert [(label, i) for _, label, i in found] == [
        ("AGENCY", "childrens_social_care"), ("AGENCY", "police"),
        ("AGENCY", "domestic_abuse_service"), ("AGENCY", "youth_justice_service")]


def test_patterns_conference_types_and_outcomes(nlp):
    text = ("At the ICPC both children were made subject to a Child Protection Plan under the category of "
            "neglect. At the Review Child Protection Conference the CP plan to continue was agreed. "
            "The transfer-in conference and the pre-birth conference followed. The plan ended and the "
            "case stepped down to CIN; another child was not made subject to a plan and a Child in Need plan was agreed.")
    found = [(label, i) for _, label, i in ents(nlp, text) if label in {"CONF_TYPE", "OUTCOME", "CATEGORY"}]
    assert found == [
        ("CONF_TYPE", "initial"), ("OUTCOME", "plan_made"), ("CATEGORY", "neglect"),
        ("CONF_TYPE", "review"), ("OUTCOME", "plan_continued"), ("CONF_TYPE", "transfer_in"),
        ("CONF_TYPE", "pre_birth"), ("OUTCOME", "plan_ended"), ("OUTCOME", "plan_ended"),
        ("OUTCOME", "no_plan"), ("OUTCOME", "no_plan"),
    ]


def test_patterns_every_pattern_has_label_list_and_id():
    patterns = build_patterns()
    labels = {p["label"] for p in patterns}
    assert {"AGENCY", "ROLE", "TITLE", "CATEGORY", "RISK", "CONF_TYPE", "OUTCOME"} <= labels
    assert all(set(p) == {"label", "pattern", "id"} and isinstance(p["pattern"], list) for p in patterns)


def test_patterns_unique_keeps_one_label_per_token_sequence():
    everything = build_patterns()
    hv = {p["label"] for p in everything if p["pattern"] == [{"TEXT": "HV"}]}
    assert hv == {"AGENCY", "ROLE"}
    hv_unique = {p["label"] for p in build_patterns(unique=True) if p["pattern"] == [{"TEXT": "HV"}]}
    assert hv_unique == {"ROLE"}


def test_patterns_callers_get_fresh_copies():
    first = build_patterns()
    first[0]["id"] = "changed"
    assert build_patterns()[0]["id"] != "changed"


def test_patterns_registered_loader_feeds_a_span_ruler_from_config():
    assert list(registry.misc.get("minutes.patterns.v1")()) == build_patterns()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "terms"})
    ruler.add_patterns(registry.misc.get("minutes.patterns.v1")())
    doc = nlp("PC Brown attended")
    spans = doc.spans["terms"]
    assert {(s.label_, s.id_) for s in spans if s.text == "PC"} == {("TITLE", "pc"), ("ROLE", "police_officer")}


def test_patterns_alias_pattern_splits_with_the_english_tokenizer():
    assert alias_pattern("Children's Social Care") == [
        {"LOWER": "children"}, {"LOWER": {"IN": ["'s", "\u2019s"]}}, {"LOWER": "social"}, {"LOWER": "care"}]
    assert alias_pattern("allocated SW") == [{"LOWER": "allocated"}, {"TEXT": "SW"}]
    assert alias_pattern("Cllr", case_sensitive=True) == [{"TEXT": {"IN": ["CLLR", "Cllr"]}}]


def test_patterns_file_rejects_unknown_keys_naming_allowed(tmp_path):
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps({"label": "X", "pattern": "y", "id": "z", "kind": "w"}) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'extra.jsonl' line 1: unknown key\(s\) kind; allowed: id, label, pattern"):
        read_pattern_file(path)


def test_patterns_file_rejects_bad_label_id_and_pattern(tmp_path):
    path = tmp_path / "extra.jsonl"
    for row, message in [
        ({"label": "conf", "pattern": "x", "id": "a"}, "label must be upper-case"),
        ({"label": "CONF", "pattern": "x", "id": "A b"}, "id must be snake_case"),
        ({"label": "CONF", "pattern": [], "id": "a"}, "pattern must be text or a non-empty list"),
        ({"label": "CONF", "pattern": "x"}, r"missing key\(s\) id"),
    ]:
        path.write_text("\n" + json.dumps(row) + "\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=f"line 2: {message}"):
            read_pattern_file(path)


def test_patterns_extra_directory_is_read(tmp_path):
    (tmp_path / "extra.jsonl").write_text(
        json.dumps({"label": "MEETING", "pattern": "Core Group", "id": "core_group"}) + "\n"
        + json.dumps({"label": "MEETING", "pattern": [{"LOWER": "strategy"}, {"LOWER": "meeting"}], "id": "strategy"}) + "\n",
        encoding="utf-8")
    patterns = build_patterns(pattern_dir=tmp_path)
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    found = [(e.label_, e.ent_id_) for e in nlp("the core group and a Strategy Meeting").ents]
    assert found == [("MEETING", "core_group"), ("MEETING", "strategy")]
    assert not [p for p in patterns if p["label"] == "OUTCOME"]


def test_patterns_outcome_spans_a_named_child(nlp):
    found = ents(nlp, "The conference made Baby X and her brother subject to Child Protection Plans.")
    assert [(label, i) for _, label, i in found] == [("OUTCOME", "plan_made")]


def test_patterns_with_options_and_exact_tokens_become_phrases():
    from minutes.nlp.terms import _phrases

    attr, phrases = _phrases([{"TEXT": "FSW"}, {"LOWER": "team"}])
    assert attr == "LOWER" and phrases == [(("FSW", "team"), ((0, "FSW"),))]
    attr, phrases = _phrases([{"LOWER": "plan"}, {"LOWER": "to", "OP": "?"}, {"LOWER": {"IN": ["end", "ended"]}}])
    assert attr == "LOWER" and sorted(w for w, _ in phrases) == [
        ("plan", "end"), ("plan", "ended"), ("plan", "to", "end"), ("plan", "to", "ended")]
    assert _phrases([{"IS_ALPHA": True, "OP": "{1,6}"}]) is None



def test_patterns_a_generic_agency_word_counts_only_when_capitalised(nlp):
    assert ents(nlp, "no concerns about her physical health") == []
    assert ("Health", "AGENCY", "health") in ents(nlp, "Health: no concerns")

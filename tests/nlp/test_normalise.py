"""Fuzzy normalisation: canonical ids with a cutoff, titles, and merging people's names."""
from __future__ import annotations

import json

import pytest

from minutes.nlp.normalise import (
    best_form, canonical_id, merge_people, person_key, same_person, split_title)


@pytest.mark.parametrize("raw, kind, expected", [
    ("Children's Social Care", "agencies", "childrens_social_care"),
    ("Childrens Social Care", "agencies", "childrens_social_care"),
    ("CHILDREN\u2019S SOCIAL CARE", "agencies", "childrens_social_care"),
    ("csc", "agencies", "childrens_social_care"),
    ("Fire & Rescue", "agencies", "fire_and_rescue"),
    ("YOS", "agencies", "youth_justice_service"),
    ("Metropolitan Police", "agencies", "police"),
    ("West Yorkshire Police", "agencies", "police"),
    ("Durham Constabulary", "agencies", "police"),
    ("Youth Offending Tean", "agencies", "youth_justice_service"),
    ("Helth Visitor", "roles", "health_visitor"),
    ("Scool Nurse", "roles", "school_nurse"),
    ("Independant Reviewing Officer", "roles", "independent_reviewing_officer"),
    ("Strategic Manager of Safeguarding and Profesional Practice", "roles", "safeguarding_manager"),
    ("Maternal Grandfater", "roles", "maternal_grandfather"),
    ("Fathers", "roles", "father"),
    ("hv", "roles", "health_visitor"),
    ("Cllrs", "titles", "councillor"),
    ("Domestic Violance", "risk_factors", "domestic_abuse"),
    ("emotional harm", "categories", "emotional_abuse"),
])
def test_normalise_canonical_id_finds_the_entry(raw, kind, expected):
    assert canonical_id(raw, kind) == expected


@pytest.mark.parametrize("raw, kind", [
    ("Pizza Hut", "agencies"),
    ("Pizza Hut", "roles"),
    ("Other", "roles"),                    # one letter from "Mother": short strings match exactly only
    ("HVV", "roles"),                      # short aliases never match fuzzily
    ("Social Worker", "agencies"),
    ("Educational Psychologist", "roles"),
    ("sexual abuse", "risk_factors"),
    ("", "agencies"),
    ("---", "agencies"),
])
def test_normalise_canonical_id_returns_none_rather_than_a_wrong_answer(raw, kind):
    assert canonical_id(raw, kind) is None


def test_normalise_canonical_id_cutoff_is_respected():
    assert canonical_id("Helth Visiter", "roles", cutoff=99) is None
    assert canonical_id("Helth Visiter", "roles", cutoff=80) == "health_visitor"


def test_normalise_canonical_id_refuses_close_calls_between_two_ids(tmp_path):
    rows = [{"id": "north_team", "name": "North Area Team", "aliases": []},
            {"id": "south_team", "name": "South Area Team", "aliases": []}]
    (tmp_path / "agencies.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert canonical_id("North Area Team", "agencies", directory=tmp_path) == "north_team"
    assert canonical_id("Nouth Area Team", "agencies", directory=tmp_path) is None


def test_normalise_split_title():
    assert split_title("Cllr J Walton") == ("councillor", "J Walton")
    assert split_title("Councillor John Walton") == ("councillor", "John Walton")
    assert split_title("Dr. A. Patel") == ("dr", "A. Patel")
    assert split_title("Police Constable Brown") == ("pc", "Brown")
    assert split_title("Jane Doe") == (None, "Jane Doe")
    assert split_title("Dr") == (None, "Dr")


def test_normalise_person_key_reads_initials_brackets_and_commas():
    key = person_key("Cllr J.A. O'Neill (Chair), Vice-Chair")
    assert (key.title, key.given, key.surname) == ("councillor", ("j", "a"), "oneill")
    assert person_key("JA Smith OBE").given == ("j", "a")
    assert person_key("JOHN SMITH").given == ("john",)


@pytest.mark.parametrize("a, b", [
    ("Cllr Walton", "Councillor Walton"),
    ("Councillor Walton", "Councillor J. Walton"),
    ("Councillor J. Walton", "Councillor John Walton"),
    ("Cllr Walton", "Councillor John Walton"),
    ("Dr Patel", "Dr A Patel"),
    ("Sarah Jones", "S Jones"),
    ("Jane Doe (HV)", "Ms Jane Doe"),
])
def test_normalise_same_person_true(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize("a, b", [
    ("Dr Patel", "Mr Patel"),
    ("Sarah Jones", "Sally Jones"),
    ("S Jones", "T Jones"),
    ("John Walton", "John Walters"),
    ("Dr", "Dr"),
])
def test_normalise_same_person_false(a, b):
    assert not same_person(a, b)


def test_normalise_merge_people_groups_councillor_forms():
    names = ["Cllr Walton", "Dr Patel", "Councillor Walton", "Councillor J. Walton", "Mr Patel",
             "Councillor John Walton", "Dr A Patel", "Sarah Jones", "S Jones"]
    groups = merge_people(names)
    assert groups == [[0, 2, 3, 5], [1, 6], [4], [7, 8]]
    assert [best_form([names[i] for i in g]) for g in groups] == [
        "Councillor John Walton", "Dr A Patel", "Mr Patel", "Sarah Jones"]


def test_normalise_merge_people_leaves_ambiguous_names_alone():
    names = ["John Walton", "Jane Walton", "Walton", "Sarah Jones", "Sally Jones", "S Jones"]
    assert merge_people(names) == [[0], [1], [2], [3], [4], [5]]
    assert merge_people(["Walton", "John Walton", "Walton"]) == [[0, 1, 2]]
    assert merge_people(["John Walton", "Jane Walton", "Walton", "Walton"]) == [[0], [1], [2, 3]]


def test_normalise_merge_people_empty_and_best_form_errors():
    assert merge_people([]) == []
    with pytest.raises(ValueError):
        best_form([])


def test_initials_written_after_a_surname_tell_two_councillors_apart():
    assert not same_person("Councillor Watson, S.", "Councillor Watson, P.")
    assert same_person("Councillor Watson, S.", "Cllr S Watson")
    assert same_person("Jane Doe, SW", "Jane Doe")      # a post after the comma is no initial

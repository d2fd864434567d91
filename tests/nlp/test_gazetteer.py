"""The gazetteer files and their loader: canonical names, look-ups and validation errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes.errors import ConfigError
from minutes.nlp.gazetteer import KINDS, fold, load

AGENCY_NAMES = [
    "Children's Social Care", "Police", "Health Visiting", "School Nursing", "Midwifery", "GP",
    "Paediatrics", "CAMHS", "Adult Mental Health", "School", "Nursery", "Probation",
    "Youth Justice Service", "Housing", "Substance Misuse Service", "Domestic Abuse Service",
    "IDVA Service", "Early Help", "Cafcass", "Legal Services", "Education", "Health", "Council",
    "Fire and Rescue", "Ofsted", "Safeguarding Partnership", "Voluntary Sector",
    "Integrated Care Board", "Adult Social Care", "Ambulance Service", "Independent Reviewing Service",
    "Clinical Commissioning Group", "Department for Work and Pensions", "Jobcentre Plus", "Healthwatch",
    "Police and Crime Commissioner",
]


def _write(directory: Path, kind: str, rows: list[object]) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    (directory / f"{kind}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_gazetteer_bundled_files_load_with_required_agency_names():
    agencies = load("agencies")
    assert sorted(e.name for e in agencies.entries) == sorted(AGENCY_NAMES)
    for kind in KINDS:
        assert load(kind).entries, kind


def test_gazetteer_alias_lookups_follow_the_brief():
    agencies, roles = load("agencies"), load("roles")
    assert agencies.aliases["csc"] == "childrens_social_care"
    assert agencies.lookup("Childrens Social Care") == "childrens_social_care"
    assert agencies.lookup("YOT") == agencies.lookup("yjs") == "youth_justice_service"
    assert agencies.lookup("CCG") == agencies.lookup("Clinical Commissioning Group") == "clinical_commissioning_group"
    assert agencies.lookup("ICB") == "integrated_care_board"
    assert agencies.lookup("Women's Aid") == "domestic_abuse_service"
    assert agencies.lookup("Barnardo's") == agencies.lookup("NSPCC") == "voluntary_sector"
    assert roles.lookup("HV") == "health_visitor"
    assert roles.by_id["health_visitor"].agency == "health_visiting"
    assert roles.by_id["police_officer"].agency == "police"
    assert roles.by_id["councillor"].agency is None
    assert roles.name_of("independent_reviewing_officer") == "Independent Reviewing Officer"
    assert load("titles").lookup("Cllr.") == "councillor"


def test_gazetteer_every_role_agency_exists():
    agencies = load("agencies").by_id
    for entry in load("roles").entries:
        assert entry.agency is None or entry.agency in agencies, entry.id


def test_gazetteer_toxic_trio_implies_three_risks():
    risks = load("risk_factors")
    assert set(risks.implied("toxic_trio")) == {
        "domestic_abuse", "parental_mental_ill_health", "parental_substance_misuse"}
    assert risks.implied("domestic_abuse") == ()


def test_gazetteer_name_of_unknown_id_raises_keyerror():
    with pytest.raises(KeyError, match="no agencies entry with id 'nope'"):
        load("agencies").name_of("nope")


def test_gazetteer_fold_ignores_case_apostrophes_and_punctuation():
    assert fold("Children\u2019s Social-Care ") == fold("childrens social care") == "childrens social care"
    assert fold("Fire & Rescue") == "fire and rescue"


def test_gazetteer_unknown_kind_names_the_kinds():
    with pytest.raises(ConfigError, match="unknown gazetteer 'places'.*agencies, roles"):
        load("places")


def test_gazetteer_rejects_unknown_key_naming_allowed(tmp_path):
    _write(tmp_path, "titles", [{"id": "mr", "name": "Mr", "aliases": []},
                                {"id": "ms", "name": "Ms", "aliases": [], "colour": "red"}])
    with pytest.raises(ConfigError) as info:
        load("titles", tmp_path)
    message = str(info.value)
    assert "'titles.jsonl' line 2" in message
    assert "unknown key(s) colour; allowed: aliases, id, name, note" in message


def test_gazetteer_rejects_duplicate_id(tmp_path):
    _write(tmp_path, "titles", [{"id": "mr", "name": "Mr", "aliases": []},
                                {"id": "mr", "name": "Mister", "aliases": []}])
    with pytest.raises(ConfigError, match=r"line 2: duplicate id 'mr' \(first on line 1\)"):
        load("titles", tmp_path)


def test_gazetteer_rejects_alias_claimed_twice_after_folding(tmp_path):
    _write(tmp_path, "agencies", [
        {"id": "childrens_social_care", "name": "Children's Social Care", "aliases": ["CSC"]},
        "",
        {"id": "social_care", "name": "Social Care", "aliases": ["Childrens Social Care"]},
    ])
    with pytest.raises(ConfigError, match=r"'agencies.jsonl' line 3: alias .* already claimed by 'childrens_social_care' \(line 1\)"):
        load("agencies", tmp_path)


def test_gazetteer_rejects_bad_json_and_bad_values(tmp_path):
    _write(tmp_path, "titles", ['{"id": "mr", "name": "Mr", "aliases": [}'])
    with pytest.raises(ConfigError, match="'titles.jsonl' line 1: not valid JSON"):
        load("titles", tmp_path)
    _write(tmp_path, "categories", [{"id": "Neglect", "name": "Neglect", "aliases": []}])
    with pytest.raises(ConfigError, match="line 1: id must be snake_case"):
        load("categories", tmp_path)
    _write(tmp_path, "risk_factors", [{"id": "x", "name": "X", "aliases": "not a list"}])
    with pytest.raises(ConfigError, match="aliases of 'x' must be a list"):
        load("risk_factors", tmp_path)


def test_gazetteer_roles_need_a_known_agency(tmp_path):
    _write(tmp_path, "agencies", [{"id": "police", "name": "Police", "aliases": []}])
    _write(tmp_path, "roles", [{"id": "chair", "name": "Chair", "aliases": []}])
    with pytest.raises(ConfigError, match="'roles.jsonl' line 1: missing key.*agency"):
        load("roles", tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    _write(other, "agencies", [{"id": "police", "name": "Police", "aliases": []}])
    _write(other, "roles", [{"id": "pc", "name": "PC", "aliases": [], "agency": "polis"}])
    with pytest.raises(ConfigError, match="agency 'polis' of 'pc' is not in agencies.jsonl"):
        load("roles", other)


def test_gazetteer_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="gazetteer file 'roles.jsonl' is missing"):
        load("roles", tmp_path)


def test_gazetteer_loads_from_a_given_directory(tmp_path):
    _write(tmp_path, "categories", [{"id": "neglect", "name": "Neglect", "aliases": ["neglectful"], "note": "x"}])
    gazetteer = load("categories", tmp_path)
    assert [e.id for e in gazetteer.entries] == ["neglect"]
    assert gazetteer.aliases == {"neglect": "neglect", "neglectful": "neglect"}
    assert load("categories", tmp_path) is gazetteer


def test_gazetteer_capitalised_forms_must_be_the_entrys_own(tmp_path):
    _write(tmp_path, "agencies", [{"id": "health", "name": "Health", "aliases": ["NHS"], "capitalised": ["Wealth"]}])
    with pytest.raises(ConfigError, match="capitalised of 'health' must list some of its name and aliases"):
        load("agencies", tmp_path)
    _write(tmp_path, "agencies", [{"id": "health", "name": "Health", "aliases": ["NHS"], "capitalised": ["Health"]}])
    assert load("agencies", tmp_path).by_id["health"].capitalised == ("Health",)

"""Records built from the real pipeline's extraction of the bundled samples."""
from __future__ import annotations

import pytest

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read
from minutes.records.build import build_record, child_id
from minutes.records.model import CommitteeRecord, ConferenceRecord, record_from_dict

from ..conftest import SAMPLES


def _build(name: str):
    document = read(SAMPLES / name)
    extraction = next(flow.extract_documents([document], Settings())).to_json()
    return build_record(document, extraction)


@pytest.fixture(scope="module")
def smith() -> ConferenceRecord:
    return _build("icpc_notes_smith.txt")


@pytest.fixture(scope="module")
def scrutiny() -> CommitteeRecord:
    return _build("committee_minutes_cyp_scrutiny.txt")


def test_build_child_id_is_stable_and_depends_on_each_part():
    one = child_id("Smith", "Tyler Smith", "2017-08-14")
    assert one == child_id("SMITH", " Tyler  Smith", "2017-08-14") and one.startswith("C-") and len(one) == 8
    assert one != child_id("Smith", "Tyler Smith", "2017-08-15")
    assert one != child_id("Smith", "Poppy Smith", "2017-08-14")


@pytest.mark.slow
def test_build_icpc_notes_gives_children_with_decisions_and_categories(smith):
    assert isinstance(smith, ConferenceRecord)
    assert smith.conference_type == "initial" and smith.conference_date == "2026-03-12"
    assert smith.conference_time == "10:00" and smith.strategy_discussion_date == "2026-02-19"
    children = {c.name: c for c in smith.children}
    assert set(children) == {"Tyler Smith", "Poppy Smith"}
    tyler, poppy = children["Tyler Smith"], children["Poppy Smith"]
    assert (tyler.decision, tyler.category, tyler.date_of_birth) == ("plan made", "Emotional abuse", "2017-08-14")
    assert (poppy.decision, poppy.category, poppy.date_of_birth) == ("plan made", "Neglect", "2023-01-02")
    assert tyler.child_id == child_id("Smith", "Tyler Smith", "2017-08-14") and tyler.initials == "T.S."
    assert tyler.cp_plan_start_date == "2026-03-12" and tyler.evidence is not None
    assert {d.child: d.category for d in smith.decisions} == {"Tyler Smith": "Emotional abuse", "Poppy Smith": "Neglect"}


@pytest.mark.slow
def test_build_icpc_notes_gives_core_group_review_and_people(smith):
    assert smith.core_group.date == "2026-03-24" and smith.core_group.time == "10:00"
    assert smith.core_group.venue == "Eastbrook Family Hub, 40 Mill Lane, Eastbrook"
    assert "Sue Marsh" in smith.core_group.members
    assert (smith.review_date, smith.review_time) == ("2026-06-11", "10:00")
    assert smith.review_venue.startswith("Eastbrook Family Hub")
    assert smith.lead_social_worker.name == "Hannah Price" and smith.lead_social_worker.contact == "01632 960 218"
    assert smith.chair.name == "Margaret Osei" and "01632 960 101" in smith.chair.contact
    assert smith.minute_taker == "Laura Finch" and smith.family_name == "Smith"
    statuses = {a.name: a.status for a in smith.attendees}
    assert statuses["Dr Priya Rahman"] == "report submitted" and statuses["Sue Marsh"] == "apologies"
    assert next(a for a in smith.attendees if a.name == "Kelly Smith").family is True


@pytest.mark.slow
def test_build_icpc_notes_fills_narratives_from_sections(smith):
    assert smith.purpose.startswith("Chair explained purpose")
    assert smith.concerns.startswith("Strategy discussion 19/02/2026")
    assert smith.child_views.startswith("Tyler (8)") and smith.parent_views.startswith("Kelly - accepts")
    assert smith.strengths[0].startswith("Kelly loves the children")
    assert "Repeated DA with alcohol" in smith.risks
    assert smith.danger_statement.startswith("professionals are worried") and smith.safety_scale == "3-4"
    assert smith.dissent.startswith("Dean disagreed") and "Lead Social Worker" not in smith.dissent
    assert smith.contingency_plan.startswith("if there is a further DA incident")
    assert smith.distribution == ("Parents", "All those invited")
    assert [a.agency for a in smith.agency_information][:2] == ["Police", "CSC"]
    assert any(a.due == "2026-03-19" for a in smith.plan_actions)
    assert "Domestic abuse" in smith.risk_factors
    assert record_from_dict(smith.to_dict()) == smith


@pytest.mark.slow
def test_build_committee_minutes_gives_items_resolutions_and_declarations(scrutiny):
    assert isinstance(scrutiny, CommitteeRecord)
    assert scrutiny.body == "Children and Young People Scrutiny Committee"
    assert (scrutiny.meeting_date, scrutiny.meeting_time) == ("2026-01-14", "18:30")
    assert scrutiny.venue.startswith("Council Chamber")
    items = {i.number: i for i in scrutiny.items}
    assert list(items) == ["23/24", "24/24", "25/24", "26/24", "27/24"]
    assert items["25/24"].title == "Child Protection Conference performance, April to December 2025"
    assert items["25/24"].resolutions[0] == "That the report be noted." and len(items["25/24"].resolutions) == 3
    assert len(items["26/24"].resolutions) == 2 and items["27/24"].title == "Work programme"
    assert items["27/24"].resolutions == ("That the work programme be agreed, with the addition of an item on "
                                          "child exploitation at the meeting on 11 March 2026.",)
    assert items["25/24"].supporting_documents[1] == "Appendix A - Conference timeliness and categories"
    assert items["25/24"].minutes.startswith("The Committee considered a report")
    declared = {d.member: d.interest for d in scrutiny.declarations}
    assert declared == {"Councillor Aisha Karim": "other registrable", "Mrs Ruth Delaney": "non-registrable"}
    substitute = next(a for a in scrutiny.attendees if a.name == "Councillor Gareth Morgan")
    assert substitute.substitute_for == "Councillor Bob Heath"
    assert record_from_dict(scrutiny.to_dict()) == scrutiny


def test_build_committee_members_marked_absent_are_not_given_as_apologies():
    from minutes import flow
    from minutes.config import Settings
    from minutes.ingest import read_bytes

    data = ("Children's Scrutiny Committee\n\nPresent: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
            "Apologies: Councillor Cara Bell\n\nNot Present: Councillor Dan Frost\n\n"
            "1. Minutes\n\nRESOLVED: That the minutes of the last meeting be agreed.\n").encode()
    document = read_bytes(data, "scrutiny.txt")
    (_, record), = flow.build_records([document], Settings())
    status = {a["name"]: a["status"] for a in record["attendees"]}
    assert status["Councillor Ann Holt"] == "present" and status["Councillor Cara Bell"] == "apologies"
    assert "Councillor Dan Frost" not in status

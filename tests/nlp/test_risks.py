"""Risk factors: what the notes say about the family, not the people in the room."""
from __future__ import annotations

from minutes import flow
from minutes.config import Settings
from minutes.ingest import read


def _risks(tmp_path, text):
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    return next(flow.extract_documents([read(path)], Settings())).to_json()["risk_factors"]


def test_risks_initials_and_teams_in_the_attendance_list_are_no_risk(tmp_path):
    risks = _risks(tmp_path, "Present:\n(MH) Mary Hartley, Service Manager, Cafcass\nSgt Paul Dunmore, CSE team, Police\n\n"
                             "Discussion\nThe family have moved house twice this year.\n")
    assert risks == []


def test_risks_as_minute_takers_write_them(tmp_path):
    risks = _risks(tmp_path, "Initial Child Protection Conference\n\nPresent: Jo Brent (SW)\n\nConcerns\nDad has continued to drink heavily and was intoxicated "
                             "when police attended. Mum is on a methadone script. Home conds v poor, dog mess in kitchen.\n")
    assert set(risks) >= {"Parental alcohol misuse", "Parental substance misuse", "Neglect of home conditions"}



def test_risks_named_in_the_name_of_a_piece_of_work_are_no_risk(tmp_path):
    path = tmp_path / "scrutiny.txt"
    path.write_text(
        "Present: Councillor Ann Holt (Chair), Councillor Ben Ward\n\n"
        "Item 5 Neglect Strategy\n\nThe Board welcomed the Neglect Strategy and the domestic abuse champions network.\n\n"
        "Item 6 Child protection performance\n\nThe Head of Service advised that parental substance misuse was recorded "
        "in 38% of plans.\n\nRESOLVED: That the report be noted.\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    assert result["risk_factors"] == ["Parental substance misuse"]
    assert result["categories"] == []


def test_risks_listed_under_a_label_straight_after_the_attendance(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Review Child Protection Conference – Minutes\n\nAttendees\n\nSara Quill (Chair), Ben Odell (Social Worker)\n\n"
                    "Apologies: Jan Webbe (School Nurse)\n\nRisks identified: DV, parental MH, substance misuse, poor school attendance.\n\n"
                    "Next review: in 3 months. Core group: 10/03/26.\n\nDate of conference: 3 March 2026\n", encoding="utf-8")
    result = next(flow.extract_documents([read(path)], Settings())).to_json()
    assert set(result["risk_factors"]) >= {"Domestic abuse", "Parental mental ill-health", "Parental substance misuse"}
    assert "School" not in result["agencies"]              # the risk line is no longer read as apologies
    assert {a["name"] for a in result["attendees"]} == {"Sara Quill", "Ben Odell", "Jan Webbe"}
    assert result["meeting"]["title"] == "Review Child Protection Conference – Minutes"
    assert result["conferences"][0]["core_group_date"] == "2026-03-10"


def test_initials_that_speak_and_leadership_work_are_no_risk(tmp_path):
    risks = _risks(tmp_path, "Present: Dana Ashby (DA), Councillor Ann Holt (Chair)\n\nItem 3 Updates\n\n"
                             "DA confirmed that the funding would continue. The Domestic Abuse Leadership work would be revisited. "
                             "The DV reported to police in the area had risen by 4% this year.\n")
    assert risks == ["Domestic abuse"]              # the last sentence is about domestic violence itself


def test_offending_by_the_children_themselves_is_no_parental_criminality(tmp_path):
    risks = _risks(tmp_path, "Present: Councillor Ann Holt (Chair)\n\n5. Youth Justice Plan\n\n"
                             "The plan aims at reducing re-offending by children subject to Court Orders and youth offending "
                             "in the borough.\n\n6. Conference audit\n\nIn 12 plans a parent was in prison.\n")
    assert risks == ["Parental criminality"]      # only the parent in prison


def test_a_parent_on_antidepressants_is_parental_mental_ill_health(tmp_path):
    risks = _risks(tmp_path, "Present:\nMarcus Dyer - Social Worker\n\nINFORMATION SHARED\n"
                             "GP (report): Ms Prescott was prescribed sertraline in March.\n")
    assert risks == ["Parental mental ill-health"]


def test_risks_told_as_what_was_seen_and_heard(tmp_path):
    risks = _risks(tmp_path, (
        "Review Child Protection Conference\n\nPresent: Owen Price (SW)\n\nInformation shared\n"
        "On 24 June 2025 the home smelt strongly of cannabis and there was a grinder on the worktop. "
        "Police attended the flat on 14 June 2025 after a neighbour heard shouting and something being smashed. "
        "Mum told us she has not been taking her medication since May. Dad is on licence until 2027.\n"))
    assert set(risks) == {"Parental substance misuse", "Domestic abuse", "Parental mental ill-health", "Parental criminality"}


def test_risks_everyday_words_that_name_no_risk(tmp_path):
    risks = _risks(tmp_path, (
        "Licensing Sub-Committee\n\nPresent: Councillor Ann Holt (Chair)\n\n"
        "The premises have been on licence since 2009. Mum is taking her medication for asthma. "
        "The children were heard laughing in the garden.\n"))
    assert risks == []


def test_risks_a_condition_said_to_be_good_is_no_risk(tmp_path):
    risks = _risks(tmp_path, "Review Child Protection Conference\n\nPresent: Jo Brent (SW)\n\nHealth visitor\n"
                             "Daniel is meeting his milestones; home conditions have been good at every visit.\n")
    assert "Neglect of home conditions" not in risks
    risks = _risks(tmp_path, "Review Child Protection Conference\n\nPresent: Jo Brent (SW)\n\nHealth visitor\n"
                             "Home conditions have not been good at any visit.\n")
    assert "Neglect of home conditions" in risks


def test_risks_a_parent_in_hmp_custody_or_with_previous_convictions(tmp_path):
    risks = _risks(tmp_path, "Core group\n\nPresent: Jo Brent (SW)\n\nUpdates\nTyler's dad remains in HMP custody until next year.\n")
    assert "Parental criminality" in risks
    risks = _risks(tmp_path, "ICPC\n\nPresent: Jo Brent (SW)\n\nPolice\nJamie has previous convictions for criminal damage and for assaulting a neighbour in 2019.\n")
    assert "Parental criminality" in risks
    risks = _risks(tmp_path, "ICPC\n\nPresent: Jo Brent (SW)\n\nPolice\nThere are no previous convictions for either parent.\n")
    assert "Parental criminality" not in risks

from datetime import date
from pathlib import Path

import pytest

from minutes.nlp.dates import DateMention, day_dates, find_dates, meeting_date

D = date
WED = D(2019, 3, 6)   # a Wednesday
MON = D(2019, 3, 4)
SEEDS = Path(__file__).resolve().parents[2] / "samples"


def spans(text, anchor=None):
    return [(text[m.start:m.end], m.value) for m in find_dates(text, anchor)]


@pytest.mark.parametrize("text, expected", [
    ("03/04/2019", D(2019, 4, 3)),
    ("3/4/19", D(2019, 4, 3)),
    ("03.04.2019", D(2019, 4, 3)),
    ("03-04-2019", D(2019, 4, 3)),
    ("2019-04-03", D(2019, 4, 3)),
    ("23 November 2017", D(2017, 11, 23)),
    ("23rd Nov 2017", D(2017, 11, 23)),
    ("31st March 2017", D(2017, 3, 31)),
    ("Tuesday 5th March 2019", D(2019, 3, 5)),
    ("Tuesday the 5th of March 2019", D(2019, 3, 5)),
    ("March 5th, 2019", D(2019, 3, 5)),
    ("Dec. 25, 2019", D(2019, 12, 25)),
    ("23 NOVEMBER 2017", D(2017, 11, 23)),
])
def test_dates_absolute_forms_whole_span(text, expected):
    assert spans(text) == [(text, expected)]
    (m,) = find_dates(text)
    assert m.kind == "absolute" and m.precision == "day"


def test_dates_offsets_in_sentence_not_text():
    text = "Meeting: 17/03/2011 - Joint meeting. The conference on the 31st March 2017 agreed."
    found = find_dates(text)
    second = text.index("31st")
    assert [(m.start, m.end) for m in found] == [(9, 19), (second, second + len("31st March 2017"))]
    assert [m.value for m in found] == [D(2011, 3, 17), D(2017, 3, 31)]
    assert not hasattr(found[0], "text") and not hasattr(found[0], "__dict__")
    with pytest.raises(AttributeError):
        found[0].start = 3  # frozen


@pytest.mark.parametrize("text", [
    "31/02/2019", "45/13/2019", "29/02/2019", "at 10:30", "at 10.30am", "call 01572 758402",
    "Minute 23/24 was agreed", "ANNUAL REPORT 2016-2017", "in 2016/17 there were",
    "paragraph 2.1.13 says", "item 5 may be deferred", "the march 2019 figures",
    "2019-13-01", "1234/05/2019", "03/04/2019/5",
])
def test_dates_not_dates(text):
    assert day_dates(find_dates(text, WED)) == []
    assert [m for m in find_dates(text, WED) if m.precision == "day"] == []


def test_dates_month_only_is_month_precision_and_left_out_of_day_dates():
    found = find_dates("From October 2012 to Sept 2013 and March 2019.")
    assert [(m.value, m.precision) for m in found] == [
        (D(2012, 10, 1), "month"), (D(2013, 9, 1), "month"), (D(2019, 3, 1), "month")]
    assert day_dates(found) == []


def test_dates_day_month_year_from_anchor_nearest():
    assert spans("on 5 March", WED) == [("5 March", D(2019, 3, 5))]
    assert spans("on 3 January", D(2019, 12, 20)) == [("3 January", D(2020, 1, 3))]
    assert spans("since 20 December", D(2020, 1, 10)) == [("20 December", D(2019, 12, 20))]
    assert spans("on 29 February", D(2019, 3, 6)) == [("29 February", D(2020, 2, 29))]
    only = find_dates("on 5 March")
    assert [(m.value, m.precision) for m in only] == [(None, "day")]


@pytest.mark.parametrize("text, expected", [
    ("today", WED), ("tomorrow", D(2019, 3, 7)), ("yesterday", D(2019, 3, 5)),
    ("this Friday", D(2019, 3, 8)), ("this Wednesday", WED),
    ("on Monday", D(2019, 3, 11)), ("on Wednesday", D(2019, 3, 13)),
    ("in 3 months", D(2019, 6, 6)), ("in two weeks", D(2019, 3, 20)),
    ("in 10 days", D(2019, 3, 16)),
    ("in 10 working days", D(2019, 3, 20)), ("within 10 working days", D(2019, 3, 20)),
    ("by the end of the month", D(2019, 3, 31)), ("by the end of next month", D(2019, 4, 30)),
    ("by the end of the week", D(2019, 3, 8)),
    ("in 6 weeks' time", D(2019, 4, 17)), ("in a week's time", D(2019, 3, 13)),
    ("3 months from today", D(2019, 6, 6)),
    ("within 10 working days of the conference", D(2019, 3, 20)),
])
def test_dates_relative_resolved(text, expected):
    (m,) = find_dates(text, WED)
    assert m.kind == "relative" and m.value == expected and m.precision == "day"
    assert (m.start, m.end) != (0, 0)


def test_dates_next_weekday_is_in_the_following_week():
    # From Monday 4 March 2019, "next Tuesday" is the 12th, not the 5th.
    assert spans("next Tuesday", MON) == [("next Tuesday", D(2019, 3, 12))]
    assert spans("next Tuesday", WED) == [("next Tuesday", D(2019, 3, 12))]
    assert spans("next Monday", D(2019, 3, 10)) == [("next Monday", D(2019, 3, 11))]  # Sunday
    assert spans("last Friday", WED) == [("last Friday", D(2019, 3, 1))]


def test_dates_working_days_skip_bank_holidays():
    # Conference Thursday 18 April 2019: Good Friday and Easter Monday are not working days.
    (m,) = find_dates("the core group will meet within 2 working days", D(2019, 4, 18))
    assert m.value == D(2019, 4, 24)


def test_dates_relative_counted_from_another_event_has_no_value():
    (m,) = find_dates("within 15 working days of the strategy discussion", WED)
    assert m.kind == "relative" and m.value is None


def test_dates_relative_without_anchor_has_no_value():
    found = find_dates("next Tuesday and in 3 months")
    assert [m.value for m in found] == [None, None]
    assert all(m.kind == "relative" for m in found)


def test_dates_weekday_before_date_is_absolute():
    found = find_dates("held on Tuesday 5th March 2019 at 10:30", WED)
    assert [(m.kind, m.value) for m in found] == [("absolute", D(2019, 3, 5))]


def test_dates_relative_year_precision():
    (m,) = find_dates("Last year 103 referrals", D(2017, 11, 23))
    assert (m.value, m.precision) == (D(2016, 1, 1), "year")
    assert day_dates([m]) == []


def test_dates_meeting_date_prefers_cue_line():
    blocks = [
        "Report on referrals received 01/02/2019",
        "Child protection conference",
        "Date of birth: 04/05/2015",
        "Date: 12/03/2019",
    ]
    assert meeting_date(blocks) == (D(2019, 3, 12), 3, 6, 16)


def test_dates_meeting_date_heading_then_first_dated_block():
    blocks = ["## CHILDREN AND YOUNG PEOPLE SCRUTINY PANEL", "23 November 2017",
              "CHILD PROTECTION ANNUAL REPORT 2016-2017"]
    assert meeting_date(blocks) == (D(2017, 11, 23), 1, 0, 16)
    long = "The panel looked at figures gathered up to 30 June 2018 across all teams in the area."
    assert meeting_date(["Title", long]) == (D(2018, 6, 30), 1, 43, 55)
    assert meeting_date(["Title", "Date of next meeting: 5 April 2019"]) == (None, -1, -1, -1)
    assert meeting_date([]) == (None, -1, -1, -1)


def test_dates_meeting_date_held_on_weekday():
    blocks = ["Initial Child Protection Conference",
              "The conference was held at County Hall on Tuesday, 5 March 2019 at 10:00."]
    value, index, start, end = meeting_date(blocks)
    assert (value, index) == (D(2019, 3, 5), 1)
    assert blocks[1][start:end] == "Tuesday, 5 March 2019"


def test_dates_seed_committee_page_meeting_date():
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    texts = [p.read_text(encoding="utf-8") for p in paths]
    hits = [t for t in texts if "Meeting: 17/03/2011" in t]
    if not hits:
        pytest.skip("seed committee page not in samples/")
    blocks = [b for b in hits[0].split("\n\n") if b.strip()]
    assert meeting_date(blocks)[0] == D(2011, 3, 17)


def test_dates_mention_is_small_frozen_dataclass():
    m = DateMention(0, 5, None, "relative", "day")
    assert m == DateMention(0, 5, None, "relative", "day")


@pytest.mark.parametrize("text, expected", [
    ("Held: Thursday, 7 December 2017at 10:30 am", date(2017, 12, 7)),                 # PDF text glued to the time
    ("Minutes of the LSCB Meeting Held 24th January, 201810.00am – 1.00pm", date(2018, 1, 24)),
    ("Minutes from SLSCB Board Meeting: 21 st April 2016 1 | Page", date(2016, 4, 21)),
])
def test_dates_glued_and_spaced_forms_from_pdf_text(text, expected):
    assert [m.value for m in find_dates(text)] == [expected]


def test_dates_meeting_date_from_a_minutes_title_but_not_from_approving_minutes():
    assert meeting_date(["DRAFT MINUTES OF THE EASTSHIRE SAFEGUARDING BOARD MEETING 19th March 2014 Room 4"])[0] == date(2014, 3, 19)
    assert meeting_date(["Title", "To approve the minutes of the meeting held on 25 January 2023"])[0] is None
    blocks = ["Pre-birth conference: 15.01.2026 - unborn baby made subject of CP plan Date of this review: 13.03.2026"]
    assert meeting_date(blocks)[0] == date(2026, 3, 13)


@pytest.mark.parametrize("text, expected", [
    ("- 19/6 - Tyler came to school upset", [date(2026, 6, 19)]),
    ("SW to visit w/c 13/7", [date(2026, 7, 13)]),
    ("HV to recheck by 14/7", [date(2026, 7, 14)]),
    ("scored 2/3 on the test", []),
    ("about 1/2 of the plans", []),
])
def test_dates_day_and_month_with_no_year_need_a_cue_and_the_meeting_date(text, expected):
    assert [m.value for m in find_dates(text, date(2026, 7, 7))] == expected
    assert find_dates(text, None) == []                     # no meeting date: no year to give it


def test_dates_a_statistic_about_past_work_is_no_date():
    anchor = date(2025, 10, 8)
    assert [m.value for m in find_dates("Nina said that 87% were held within 15 working days.", anchor)] == [None]
    assert [m.value for m in find_dates("The review will be held within 3 months.", anchor)] == [date(2026, 1, 8)]


def test_dates_day_month_after_a_weekday_or_a_meeting_word_takes_the_meetings_year():
    anchor = D(2026, 7, 2)
    found = dict(spans("strat 22/6 -> s47; SW: agreement - by Fri 10/7; HV: next 14/7; 1st CG: Tue 21/7", anchor))
    assert found == {"22/6": D(2026, 6, 22), "10/7": D(2026, 7, 10), "14/7": D(2026, 7, 14), "21/7": D(2026, 7, 21)}
    assert spans("attending 3/5 sessions", anchor) == []


def test_dates_dotted_two_digit_year_near_the_meeting_is_a_date():
    anchor = D(2026, 2, 20)
    assert spans("referral from nursery 27.1.26 - s47 started 29.1.26", anchor) == [
        ("27.1.26", D(2026, 1, 27)), ("29.1.26", D(2026, 1, 29))]
    assert spans("see paragraph 4.2.10 of the report", anchor) == []


def test_dates_meeting_date_of_a_title_with_a_weekday_or_proceedings():
    cabinet = ["Minutes of the meeting of the CABINET held on TUESDAY 7 NOVEMBER 2017 at 6.30 pm",
               "REFERRAL FROM BUDGET SCRUTINY COMMITTEE - 19 SEPTEMBER 2017"]
    assert meeting_date(cabinet)[0] == D(2017, 11, 7)
    council = ["Council - Minutes of Proceedings – 21 June 2007 5", "The meeting commenced at 2.00 p.m.",
               "The Minutes of Proceedings of the Council held on the 19 April 2007 having been laid."]
    assert meeting_date(council)[0] == D(2007, 6, 21)


def test_dates_meeting_date_is_not_an_earlier_event_held_on_a_day():
    blocks = ["Initial Child Protection Conference",
              "A strategy discussion was held on 29 May 2026 and section 47 enquiries were started.",
              "Date and venue: Wednesday 17 June 2026, 9.30am, Family Centre"]
    assert meeting_date(blocks)[:2] == (D(2026, 6, 17), 2)


def test_dates_meeting_date_after_a_date_label_glued_to_a_superscript():
    blocks = ["Meeting Notes Template", "By A Author,2014-06-23 08:07", "thDate: 25 July 2007"]
    assert meeting_date(blocks)[:2] == (D(2007, 7, 25), 2)


def test_dates_ordinal_glued_to_the_month():
    (m,) = find_dates("Held on Tuesday 31stMarch 2015 at 1.00 pm")
    assert m.value == D(2015, 3, 31)


def test_dates_weekday_and_day_with_no_month_is_the_nearest_such_day():
    anchor = date(2025, 10, 23)     # a Thursday
    assert spans("reported missing on Saturday 11th, and", anchor) == [("Saturday 11th", date(2025, 10, 11))]
    assert spans("review on Tuesday 4th.", anchor) == [("Tuesday 4th", date(2025, 11, 4))]
    assert spans("appt on Friday 24th 2pm", anchor) == [("Friday 24th", date(2025, 10, 24))]
    assert spans("Tuesday 4th", None) == []                    # no meeting date: no month to take
    assert spans("Tuesday 5th March 2019", anchor) == [("Tuesday 5th March 2019", date(2019, 3, 5))]
    assert spans("on Monday 31st", anchor) == []               # no 31st near the meeting is a Monday

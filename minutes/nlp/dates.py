"""Find dates in minutes text, UK day-first, and resolve relative ones against the meeting date.

Pure Python (no spaCy).  `find_dates` scans a text once with one compiled pattern and returns
`DateMention`s that hold character offsets, never the text itself.

Absolute forms: "03/04/2019", "3/4/19", "03.04.2019", "03-04-2019" (day first), "2019-04-03"
(ISO), "23 November 2017", "23rd Nov 2017", "the 31st of March 2017", "Tuesday 5th March 2019",
"the twenty-second of May 2025" (ordinal words need "of"),
"March 5th, 2019", "5 March" (year taken from the anchor: the such date nearest to it), and
"March 2019" (precision "month", value = the 1st).  Impossible dates ("31/02/2019") are dropped.
Times ("10:30", "10.30am"), phone numbers, item numbers ("23/24") and year ranges ("2016-2017",
"2016/17") are not dates.  A lower-case month name counts only when a year follows it, so
"item 5 may be deferred" is no date.

Relative forms, resolved only when an anchor is given (else value None):
- "today", "tomorrow", "yesterday";
- "next <weekday>": the weekday in the calendar week (Monday to Sunday) after the anchor's week,
  so from Monday 4 March 2019 "next Tuesday" is 12 March, not 5 March;
  "last <weekday>": that weekday in the week before the anchor's week;
- "this <weekday>": the first such weekday on or after the anchor;
- "on|by|from|until <weekday>": the first such weekday strictly after the anchor;
- "in|within N days|working days|weeks|months|years [' time]", "N weeks from today|now|the
  meeting": working days use `minutes.rules.calendar` for the nation given (default England).
  When the phrase continues "of/after/from/following" something other than today or this
  meeting ("within 15 working days of the strategy discussion") it is counted from an unknown
  date, and its value is None;
- "(by) the end of the/this/next week|month|year": Friday of the week, last day of the month,
  31 December.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Iterable, Literal

from ..rules.calendar import DEFAULT_NATION, add_months, add_working_days

Kind = Literal["absolute", "relative"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a text: offsets [start, end), never the text itself."""

    start: int
    end: int
    value: date | None
    kind: Kind
    precision: Precision


MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30,
}

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORDINAL_DAYS: dict[str, int] = {
    **{w: n for n, w in enumerate(_UNITS, 1)},
    **{w: n for n, w in enumerate(["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                                    "seventeenth", "eighteenth", "nineteenth", "twentieth"], 10)},
    **{f"twenty-{w}": 20 + n for n, w in enumerate(_UNITS, 1)},
    "thirtieth": 30, "thirty-first": 31,
}


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MON = rf"(?:{_alt(MONTHS)})\.?"
_ORDINAL_WORD = _alt(ORDINAL_DAYS).replace("-", r"[-\s]")    # "twenty-second", "twenty second"
_WDAY_FULL = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WDAY = rf"(?:{_WDAY_FULL}|(?-i:(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)\.?))"
_ORD = r"(?:st|nd|rd|th)"
_YEAR4 = r"(?:19|20)\d\d"
_NUM = rf"(?:\d{{1,3}}|{_alt(NUMBER_WORDS)})"
_UNIT = r"(?:working\s+days?|business\s+days?|days?|weeks?|months?|years?)"
_LB = r"(?<![\w/.\-£$:])"                  # left boundary for numeric forms
_RB = r"(?![\w:]|[/.\-]\d)"                 # right boundary for numeric forms
_GLUED = r"(?<=\d)(?=at\b|am\b|pm\b|\d{1,2}[.:]\d\d\s*(?:am|pm)\b)"   # "2017at 10:30", "201810.00am" (PDF text)

_PATTERN = re.compile(   # the leading \b lets most positions fail at once
    r"\b(?:" + "|".join([
        # 1. [Weekday[,]] [the] D[st] [of] Month [[,] YYYY]
        rf"\b(?:(?P<a_wd>{_WDAY}),?\s+(?:the\s+)?)?(?P<a_d>\d{{1,2}})(?:\s?{_ORD}(?:\s+of)?[\s\-]*|(?:\s+of)?[\s\-]+)"
        rf"(?P<a_m>{_MON})(?:,?[\s\-]+(?P<a_y>{_YEAR4}))?(?:(?![\w\-/])|{_GLUED})",
        # 1w. [Weekday[,]] [the] <ordinal word> of Month [[,] YYYY]: "Tuesday the sixth of May 2025", "the twenty-second of May"
        rf"\b(?:(?P<ow_wd>{_WDAY}),?\s+)?(?:the\s+)?(?P<ow_d>{_ORDINAL_WORD})\s+of\s+"
        rf"(?P<ow_m>{_MON})(?:,?\s+(?P<ow_y>{_YEAR4}))?(?![\w\-/])",
        # 2. [Weekday[,]] Month D[st][, YYYY]  (year or ordinal needed)
        rf"\b(?:(?P<b_wd>{_WDAY}),?\s+)?(?P<b_m>{_MON})\s+(?P<b_d>\d{{1,2}})(?P<b_o>{_ORD})?"
        rf"(?:,?\s+(?P<b_y>{_YEAR4}))?(?![\w\-/:.]\d|\w)",
        # 3. ISO YYYY-MM-DD
        rf"{_LB}(?P<iso_y>{_YEAR4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d){_RB}",
        # 4. D/M/Y with one separator used twice
        rf"{_LB}(?P<n_d>\d{{1,2}})(?P<n_s>[/.\-])(?P<n_m>\d{{1,2}})(?P=n_s)(?P<n_y>\d{{4}}|\d\d){_RB}",
        # 4b. D/M with no year ("19/6", "w/c 13/7"): resolved against the meeting date, with a cue
        rf"{_LB}(?P<dm_d>\d{{1,2}})/(?P<dm_m>\d{{1,2}})(?![\w:]|[/.\-]\d)",
        # 5. Month YYYY
        rf"\b(?P<my_m>{_MON})[\s\-,]+(?P<my_y>{_YEAR4})\b(?![\-/]\d)",
        # 6. today / tomorrow / yesterday
        r"\b(?P<r_word>today|tomorrow|yesterday)\b",
        # 7. next/last/this/on Weekday (not followed by a day number: that is an absolute date)
        rf"\b(?P<w_pre>next|last|this|on|by|from|until|before)\s+(?P<w_day>{_WDAY_FULL})\b"
        rf"(?!,?\s+(?:the\s+)?(?:\d|(?:{_ORDINAL_WORD})\s+of\b))",
        # 8. in/within N units ['s] [time]
        rf"\b(?P<i_pre>in|within)\s+(?:the\s+next\s+)?(?P<i_n>{_NUM})\s+(?P<i_u>{_UNIT})(?:['’]?s?\s+time)?\b",
        # 9. N units from today/now/the meeting
        rf"\b(?P<f_n>{_NUM})\s+(?P<f_u>{_UNIT})\s+from\s+(?:today|now|(?:the|this)\s+"
        r"(?:date\s+of\s+(?:the|this)\s+)?(?:meeting|conference))\b",
        # 10. end of the/this/next week|month|year
        r"\b(?P<e_pre>(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the|this|next))\s+(?P<e_u>week|month|year)\b",
        # 11. next/last/this month|year
        r"\b(?P<p_pre>next|last|this)\s+(?P<p_u>month|year)\b",
        # 12. Weekday D[st] with no month ("Tuesday 4th", "Thurs 12th"): the month in which that day falls on it
        rf"\b(?P<wo_wd>{_WDAY}),?\s+(?:the\s+)?(?P<wo_d>\d{{1,2}}){_ORD}\b(?!\s*(?:of\s+)?{_MON})(?!,?\s*{_YEAR4})",
    ]) + ")",
    re.IGNORECASE,
)

_COUNTED_FROM = re.compile(r"\s+(?:of|after|from|following)\s+", re.IGNORECASE)
_ANCHOR_WORDS = re.compile(
    r"(?:today|now|this\s+(?:meeting|conference|date)|(?:the\s+)?(?:date\s+of\s+(?:the|this)\s+)?"
    r"(?:meeting|conference))\b",
    re.IGNORECASE,
)


def _year2(y: str) -> int:
    value = int(y)
    if len(y) == 2:
        value += 2000 if value < 70 else 1900
    return value


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest(anchor: date, month: int, day: int) -> date | None:
    """The date with this day and month nearest to `anchor` (ties go to the later one)."""
    options = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (c := _make(y, month, day)) is not None]
    if not options:
        return None
    return min(options, key=lambda c: (abs((c - anchor).days), -c.toordinal()))


def _month(token: str) -> int:
    return MONTHS[token.rstrip(".").lower()]


def _count(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token.lower()]


def _shift(anchor: date, n: int, unit: str, nation: str) -> date:
    unit = unit.lower()
    if unit.startswith(("working", "business")):
        return add_working_days(anchor, n, nation)
    if unit.startswith("day"):
        return anchor + timedelta(days=n)
    if unit.startswith("week"):
        return anchor + timedelta(weeks=n)
    if unit.startswith("month"):
        return add_months(anchor, n)
    return add_months(anchor, 12 * n)


def _weekday(anchor: date, prefix: str, target: int) -> date:
    prefix = prefix.lower()
    monday = anchor - timedelta(days=anchor.weekday())
    if prefix == "next":
        return monday + timedelta(days=7 + target)
    if prefix == "last":
        return monday - timedelta(days=7 - target)
    ahead = (target - anchor.weekday()) % 7
    if prefix == "this":
        return anchor + timedelta(days=ahead)
    return anchor + timedelta(days=ahead or 7)


def _end_of(anchor: date, prefix: str, unit: str) -> date:
    step = 1 if prefix.lower().rstrip().endswith("next") else 0
    unit = unit.lower()
    if unit == "week":
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=4 + 7 * step)
    if unit == "month":
        first_next = add_months(date(anchor.year, anchor.month, 1), step + 1)
        return first_next - timedelta(days=1)
    return date(anchor.year + step, 12, 31)


def _period(anchor: date, prefix: str, unit: str) -> date:
    step = {"next": 1, "last": -1, "this": 0}[prefix.lower()]
    if unit.lower() == "month":
        return add_months(date(anchor.year, anchor.month, 1), step)
    return date(anchor.year + step, 1, 1)


_TIMESCALE_BEFORE = re.compile(
    r"(?:\d\s*%|\bper\s*cent|\b(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:held|completed|seen|sent|received|"
    r"issued|convened|distributed|done|visited|allocated|reviewed|undertaken))[^.;\n]{0,40}$", re.I)


def _a_timescale(text: str, start: int) -> bool:
    """"87% were held within 15 working days", "letters were sent within 1 working day": a statistic
    about past work, not a date of this meeting's business ("the review will be held within 3 months" is)."""
    return bool(_TIMESCALE_BEFORE.search(text, max(0, start - 80), start))


def _counted_from_elsewhere(text: str, end: int) -> bool:
    hit = _COUNTED_FROM.match(text, end)
    return bool(hit) and not _ANCHOR_WORDS.match(text, hit.end())


def _absolute(g: dict[str, str | None], anchor: date | None) -> tuple[date | None, Precision] | None:
    """(value, precision) for an absolute match, or None when it is not a date after all."""
    if g["a_d"] is not None:
        day, mon, year = int(g["a_d"]), g["a_m"], g["a_y"]
    elif g["ow_d"] is not None:
        day, mon, year = ORDINAL_DAYS[re.sub(r"[\s\-]+", "-", g["ow_d"].lower())], g["ow_m"], g["ow_y"]
    elif g["b_d"] is not None:
        day, mon, year = int(g["b_d"]), g["b_m"], g["b_y"]
        if year is None and g["b_o"] is None:
            return None
    elif g["iso_y"] is not None:
        value = _make(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        return (value, "day") if value else None
    elif g["n_d"] is not None:
        if g["n_s"] == "." and len(g["n_y"]) == 2 and (len(g["n_d"]) < 2 or len(g["n_m"]) < 2):
            return None  # "2.1.13" is a paragraph number; "03.04.19" is a date
        value = _make(_year2(g["n_y"]), int(g["n_m"]), int(g["n_d"]))
        return (value, "day") if value else None
    else:
        mon = g["my_m"]
        if mon[0].islower():
            return None
        return date(int(g["my_y"]), _month(mon), 1), "month"
    month = _month(mon)
    if year is None:
        if mon[0].islower() or _make(2000, month, day) is None:  # 2000 is a leap year
            return None
        return (_nearest(anchor, month, day) if anchor else None), "day"
    value = _make(int(year), month, day)
    return (value, "day") if value else None


def _relative(g: dict[str, str | None], text: str, start: int, end: int, anchor: date | None,
              nation: str) -> date | None:
    if anchor is None:
        return None
    if g["r_word"] is not None:
        return anchor + timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[g["r_word"].lower()])
    if g["w_day"] is not None:
        return _weekday(anchor, g["w_pre"], WEEKDAYS[g["w_day"].lower()])
    if g["i_n"] is not None:
        if _counted_from_elsewhere(text, end) or _a_timescale(text, start):
            return None
        return _shift(anchor, _count(g["i_n"]), g["i_u"], nation)
    if g["f_n"] is not None:
        return _shift(anchor, _count(g["f_n"]), g["f_u"], nation)
    if g["p_u"] is not None:
        return _period(anchor, g["p_pre"], g["p_u"])
    return _end_of(anchor, g["e_pre"], g["e_u"])


_RELATIVE_GROUPS = ("r_word", "w_day", "i_n", "f_n", "e_u", "p_u")


_DOTTED_CUE = re.compile(
    r"(?:\b(?:on|dob|d\.o\.b\.?|born|visit(?:ed)?|seen|dated?|by|from|until|till|since|before|after|w/?c|"
    r"icpc|rcpc|cpc|conference|meeting|mtg|held|review|due)|[(:])\W{0,3}$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s+\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b", re.IGNORECASE)
_DOTTED_NEXT = re.compile(r"\s+\d{1,2}\.\d{1,2}\.\d\d(?!\d)")


_DM_CUE = re.compile(r"(?:\b(?:on|by|from|until|till|since|before|after|w/?c|wk\s+of|due|dated?|visit(?:ed)?|seen|next|last|"
                     r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|strat|icpc|rcpc|cg|marac|mash)"
                     r"|^[\s\-•*>]*|[(:,])\W{0,2}$",
                     re.IGNORECASE)


def _day_month(g: dict[str, str | None], text: str, start: int, end: int, anchor: date | None) -> date | None:
    """"19/6" as the 19 June nearest the meeting date, when a cue says it is a date ("w/c 13/7",
    "by 14/7", "- 19/6 - Tyler ...") and never without a meeting date to take the year from."""
    if anchor is None:
        return None
    day, month = int(g["dm_d"]), int(g["dm_m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 16):start]
    if not (_DM_CUE.search(before) or re.match(r"\s+[\-–—]\s", text[end:end + 3])):
        return None
    return _nearest(anchor, month, day)


WEEKDAY_DAY_MONTHS = 3     # "Tuesday 4th" is looked for this many months either side of the meeting


def _weekday_day(anchor: date | None, weekday: str, day: int) -> date | None:
    """"Tuesday 4th": the 4th that is a Tuesday nearest the meeting date (None when no month near it has one)."""
    if anchor is None or not 1 <= day <= 31:
        return None
    target = WEEKDAYS.get(weekday.rstrip(".").lower())
    first = add_months(date(anchor.year, anchor.month, 1), -WEEKDAY_DAY_MONTHS)
    options = [c for k in range(2 * WEEKDAY_DAY_MONTHS + 1)
               if (c := _make((f := add_months(first, k)).year, f.month, day)) is not None and c.weekday() == target]
    return min(options, key=lambda c: (abs((c - anchor).days), -c.toordinal())) if options else None


def _dotted_in_context(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """"20.2.26" is a date, not paragraph 20.2.26, when the words around say so: a cue before it
    ("home visit 3.2.26", "DOB 9.8.20", "ICPC 20.2.26"), a time after it, or a row of such dates."""
    if g.get("n_s") != "." or g.get("n_y") is None or len(g["n_y"]) != 2:
        return False
    before = text[max(0, start - 16):start]
    return bool(_DOTTED_CUE.search(before) or _TIME_AFTER.match(text, end) or _DOTTED_NEXT.match(text, end)
                or re.search(r"\d{1,2}\.\d{1,2}\.\d\d\s+$", before))


DOTTED_YEARS = 2     # "27.1.26" within this many years of the meeting is a date, cue or not


def _dotted_near(g: dict[str, str | None], anchor: date | None) -> bool:
    """"s47 started 29.1.26" in the notes of a meeting held on 20.2.26: a date of the case."""
    if anchor is None or g.get("n_s") != "." or g.get("n_y") is None or len(g["n_y"]) != 2:
        return False
    return abs(_year2(g["n_y"]) - anchor.year) <= DOTTED_YEARS


_OCR_ZERO = re.compile(r"(?<![A-Za-z])[Oo](?=\d[./]\d{1,2}[./]\d{2,4}\b)|(?<=\d[./])[Oo](?=\d[./]\d{2,4}\b)")


def find_dates(text: str, anchor: date | None = None,
               nation: str = DEFAULT_NATION) -> list[DateMention]:
    """Every date mention in `text`, in order; relative ones resolved against `anchor`."""
    out: list[DateMention] = []
    text = _OCR_ZERO.sub("0", text)       # "O7/04/2026": a scanned zero read as a letter (same length, same offsets)
    for m in _PATTERN.finditer(text):
        g = m.groupdict()
        if any(g[k] is not None for k in _RELATIVE_GROUPS):
            value = _relative(g, text, m.start(), m.end(), anchor, nation)
            unit = (g["p_u"] or "day").lower()
            precision: Precision = "day" if unit == "day" else unit  # type: ignore[assignment]
            out.append(DateMention(m.start(), m.end(), value, "relative", precision))
            continue
        if g.get("wo_d") is not None:
            value = _weekday_day(anchor, g["wo_wd"], int(g["wo_d"]))
            if value is not None:
                out.append(DateMention(m.start(), m.end(), value, "relative", "day"))
            continue
        if g.get("dm_d") is not None:
            value = _day_month(g, text, m.start(), m.end(), anchor)
            if value is not None:
                out.append(DateMention(m.start(), m.end(), value, "relative", "day"))
            continue
        found = _absolute(g, anchor)
        if found is None and (_dotted_in_context(g, text, m.start(), m.end()) or _dotted_near(g, anchor)):
            value = _make(_year2(g["n_y"]), int(g["n_m"]), int(g["n_d"]))
            found = (value, "day") if value else None
        if found is not None:
            out.append(DateMention(m.start(), m.end(), found[0], "absolute", found[1]))
    return _in_sequence(text, out)


_NO_PHRASE = re.compile(r"(?i)[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3,9}\.?|\d{1,2}/\d{1,2}")
_YEAR = re.compile(r"\d{4}|['’]\d{2}\b")
_LIST_GAP = re.compile(r"\s*(?:,|;|and|&)?\s*(?:and\s+)?")


def _in_sequence(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Year-less days written as one list ("Feb 28th, June 13th, Sept 5th, Dec 12th") run forwards:
    each is taken in the year that keeps it after the one before, not the one nearest the meeting."""
    out = list(mentions)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if not (prev.value and cur.value and prev.precision == cur.precision == "day") or cur.kind not in ("absolute", "relative"):
            continue
        if _YEAR.search(text, cur.start, cur.end) or not _LIST_GAP.fullmatch(text, prev.end, cur.start) \
                or not _NO_PHRASE.fullmatch(text, cur.start, cur.end):
            continue
        value = cur.value
        if _YEAR.search(text, prev.start, prev.end):   # "5 March 2021 and 2 April": the year written before
            value = _make(prev.value.year, value.month, value.day) or value
        while value < prev.value and value.year < prev.value.year + 2:
            value = _make(value.year + 1, value.month, value.day) or value.replace(day=28, year=value.year + 1)
        out[k] = replace(cur, value=value) if value >= prev.value else cur
    return out


def day_dates(mentions: Iterable[DateMention]) -> list[DateMention]:
    """Only the mentions that name a known day (precision "day" and a value)."""
    return [m for m in mentions if m.precision == "day" and m.value is not None]


# --- the meeting date -------------------------------------------------------------------------

_CUE = re.compile(
    r"(?:\bdate(?:\s+of\s+(?:the\s+|this\s+)?(?:meeting|conference|review|icpc|rcpc)|\s+(?:and|&)\s+(?:venue|time|place|location)|\s*/\s*(?:time|venue|place|location))?"
    r"|(?<=[a-z])(?-i:Date)(?=\s*:)|\bmeeting(?:\s+date)?"
    r"|\bconference\s+date|\bdecided\s+at\s+meeting|\bdate\s+of\s+decision|\bheld\s*:|\b(?:held|chaired|convened)\b[^\n]{0,60}?\bon)\s*[:\-–]?\s*(?:the\s+)?"
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?,?\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_NOT_MEETING = re.compile(
    r"\b(?:birth|born|d\.?o\.?b|deadline|due|next|review\s+date|previous|last|proceedings|since|until|"
    r"publication|published|despatched|dispatched|issued|printed|circulated)\b"
    r"|\b(?:strategy\s+(?:discussion|meeting)|medical|section\s+47|s\.?\s?47)\b[^\n]{0,30}\bheld\b"
    r"|\b(?:approv|confirm|agree|sign|accept)\w*\b[^\n]{0,40}\bminutes\s+of",
    re.IGNORECASE,
)
_PROCEEDINGS_TITLE = re.compile(r"^[^\n]{0,60}\bminutes\s+of\s+proceedings\s*[-–—:,]?\s*$", re.IGNORECASE)
_MINUTES_OF = re.compile(r"(?:draft\s+)?minutes\s+(?:of|from)\b", re.IGNORECASE)
CUE_WINDOW = 200       # characters before a date searched for a cue (a long line: its last words)
NOT_MEETING_WINDOW = 50 # characters before a date that can say it is not the meeting's ("born", "next")
HEAD_BLOCKS = 8        # a cue or a dated heading among these is the meeting's own date
CUE_BLOCKS = 20        # a "Date:" or "held on" line counts within this many blocks
FALLBACK_BLOCKS = 5    # otherwise the first dated block among these
HEADING_CHARS = 80     # a block this short holding a date is a heading


def meeting_date(blocks_texts: list[str]) -> tuple[date | None, int, int, int]:
    """The meeting date as (value, block index, start, end); (None, -1, -1, -1) if none is found.

    Preference: a date after a cue ("Date:", "Meeting:", "held on") in the first CUE_BLOCKS
    blocks; then a short heading block holding a date; then the first day date in the first
    FALLBACK_BLOCKS blocks.  Dates of birth, due dates and "next" dates are never chosen.
    """
    best: tuple[int, int, int, int, date] | None = None   # (rank, index, start, end, value)
    for index, text in enumerate(blocks_texts[:CUE_BLOCKS]):
        for mention in day_dates(find_dates(text)):
            if mention.kind != "absolute":
                continue
            line_start = text.rfind("\n", 0, mention.start) + 1
            before = text[max(line_start, mention.start - CUE_WINDOW):mention.start]
            titled = index < HEAD_BLOCKS and _PROCEEDINGS_TITLE.search(before)   # "Council - Minutes of Proceedings – 21 June 2007"
            if _NOT_MEETING.search(before[-NOT_MEETING_WINDOW:]) and not titled:
                continue
            line = text[line_start:].split("\n", 1)[0]
            if titled:
                rank = 1
            elif _MINUTES_OF.search(before):        # a title, or the minutes of an earlier meeting
                rank = 2 if index < HEAD_BLOCKS and _MINUTES_OF.match(before.strip()) else 4
                if rank == 4:
                    continue
                if _CUE.search(before):             # "Minutes of the meeting of the CABINET held on TUESDAY 7 NOVEMBER 2017"
                    rank = 0
            elif _CUE.search(before):
                rank = 0 if index < HEAD_BLOCKS else 2
            elif (len(text.strip()) <= HEADING_CHARS or len(line.strip()) <= HEADING_CHARS) and index < HEAD_BLOCKS:
                rank = 1
            elif index < FALLBACK_BLOCKS:
                rank = 3
            else:
                continue
            candidate = (rank, index, mention.start, mention.end, mention.value)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
        if best is not None and best[0] == 0:
            break
    if best is None:
        return None, -1, -1, -1
    return best[4], best[1], best[2], best[3]

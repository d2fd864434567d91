"""Record dict (docs/records.md) -> template context, one builder per document kind.

Every key a template may use is always present (None, "" or [] when the record has nothing),
so `StrictUndefined` catches only real template mistakes.  Derived values are computed here:
the letter's date, per-child decision sentences, plural forms, attendance groups, numbered
resolutions and report paragraphs.  Dates and times stay ISO; templates format them with the
`ukdate` / `uktime` filters.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable, Mapping

from .environment import join_and, plural

CONFERENCE_TITLES = {
    "initial": "Initial Child Protection Conference",
    "review": "Review Child Protection Conference",
    "transfer-in": "Transfer-in Child Protection Conference",
    "pre-birth": "Pre-birth Child Protection Conference",
}
PLAN_DECISIONS = ("plan made", "plan continued")
DECISION_SENTENCES = {
    "plan made": "{name} is to be made subject of a Child Protection Plan under the category of {category}.",
    "plan continued": "{name} will continue to be subject of a Child Protection Plan under the category of {category}.",
    "no plan": "{name} does not need a Child Protection Plan; support will continue under a Child in Need plan.",
    "plan ended": "{name}'s Child Protection Plan has ended; support will continue under a Child in Need plan.",
}
DEFAULT_LETTERHEAD = {"name": "[Council name]", "service": "", "address": "[Address]", "phone": "[Telephone]",
                      "email": "[Email]", "website": ""}
PRESENT = ("present",)
_MARKER = re.compile(r"^\s*(\(?[a-z0-9]{1,3}[.)])\s+", re.IGNORECASE)


def paras(text: Any) -> list[str]:
    """Text -> its paragraphs (split on blank lines); a list is kept as it is."""
    if text is None:
        return []
    if isinstance(text, list):
        return [str(t) for t in text if str(t).strip()]
    return [p.strip() for p in re.split(r"\n\s*\n", str(text)) if p.strip()]


def _person(value: Any, *keys: str) -> dict[str, Any]:
    value = value if isinstance(value, Mapping) else ({"name": value} if value else {})
    return {k: value.get(k) for k in ("name", *keys)}


def _common(record: Mapping[str, Any], draft: bool, letterhead: Mapping[str, Any] | None) -> dict[str, Any]:
    return {
        "draft": bool(draft),
        "redacted": bool(record.get("redacted")),
        "letterhead": {**DEFAULT_LETTERHEAD, **dict(letterhead or {})},
        "record_id": record.get("id"),
    }


def _child(child: Mapping[str, Any]) -> dict[str, Any]:
    name = child.get("name") or child.get("initials") or child.get("child_id") or "the child"
    decision = child.get("decision")
    category = child.get("category") or child.get("latest_category")
    template = DECISION_SENTENCES.get(decision or "")
    if template and (category or decision not in PLAN_DECISIONS):
        sentence = template.format(name=name, category=category)
    else:
        sentence = f"{name}: {decision or 'no decision recorded'}" + (f" ({category})" if category else "") + "."
    return {
        "name": name,
        "child_id": child.get("child_id"),
        "date_of_birth": child.get("date_of_birth"),
        "unborn": bool(child.get("unborn")),
        "expected_date": child.get("expected_date"),
        "decision": decision,
        "category": category,
        "on_plan": decision in PLAN_DECISIONS,
        "sentence": sentence,
    }


def _conference(record: Mapping[str, Any]) -> dict[str, Any]:
    ctype = record.get("conference_type")
    return {
        "type": ctype,
        "title": CONFERENCE_TITLES.get(ctype or "", f"Child Protection Conference ({ctype})" if ctype else "Child Protection Conference"),
        "date": record.get("conference_date"),
        "time": record.get("conference_time"),
        "venue": record.get("venue"),
    }


def _actions(items: Any) -> list[dict[str, Any]]:
    return [{"what": a.get("what"), "owner": a.get("owner"), "due": a.get("due"), "due_text": a.get("due_text")}
            for a in items or [] if isinstance(a, Mapping)]


def _attendee(a: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": a.get("name"), "role": a.get("role"), "agency": a.get("agency"), "status": a.get("status"),
            "excluded_from": a.get("excluded_from"), "substitute_for": a.get("substitute_for"),
            "family": bool(a.get("family"))}


def _by_status(attendees: Any, *statuses: str) -> list[dict[str, Any]]:
    return [_attendee(a) for a in attendees or [] if isinstance(a, Mapping) and a.get("status") in statuses]


def _family(record: Mapping[str, Any]) -> list[str]:
    from .redact import _is_family

    return [a["name"] for a in record.get("attendees") or []
            if isinstance(a, Mapping) and a.get("name") and _is_family(a) and a.get("status") != "mentioned"]


def letter_context(record: Mapping[str, Any], *, draft: bool = False, today: date | None = None,
                   letterhead: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The chair's outcome letter: one letter for all the children of the conference."""
    children = [_child(c) for c in record.get("children") or [] if isinstance(c, Mapping)]
    family = _family(record)
    on_plan = [c for c in children if c["on_plan"]]
    return {
        **_common(record, draft, letterhead),
        "letter_date": (today or date.today()).isoformat(),
        "conference": _conference(record),
        "recipients": family,
        "salutation": f"Dear {join_and(family)}" if family else "Dear Parent or Carer",
        "copy_to": list(record.get("distribution") or []),
        "children": children,
        "child_names": join_and(c["name"] for c in children),
        "child_word": plural(children, "child", "children"),
        "several": len(children) > 1,
        "any_plan": bool(on_plan),
        "all_plan": bool(children) and len(on_plan) == len(children),
        "plan_name": "Child Protection Plan" if on_plan else "Child in Need plan",
        "worries": paras(record.get("risks")),
        "plan_actions": _actions(record.get("plan_actions")),
        "contingency_plan": record.get("contingency_plan"),
        "lead_social_worker": _person(record.get("lead_social_worker"), "contact"),
        "core_group": _person(record.get("core_group"), "date", "time", "venue"),
        "review": {"date": record.get("review_date"), "time": record.get("review_time"),
                   "venue": record.get("review_venue")},
        "chair": _person(record.get("chair"), "role", "contact"),
    }


def record_context(record: Mapping[str, Any], *, draft: bool = False, today: date | None = None,
                   letterhead: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The full conference record, sections in the order of the DOMAIN notes."""
    ctx = letter_context(record, draft=draft, today=today, letterhead=letterhead)
    attendees = record.get("attendees") or []
    core = record.get("core_group") if isinstance(record.get("core_group"), Mapping) else {}
    ctx.update({
        "family_name": record.get("family_name"),
        "address": record.get("address"),
        "minute_taker": record.get("minute_taker"),
        "strategy_discussion_date": record.get("strategy_discussion_date"),
        "present": _by_status(attendees, "present", "in attendance"),
        "apologies": _by_status(attendees, "apologies"),
        "reports_only": _by_status(attendees, "report submitted"),
        "absent": _by_status(attendees, "absent"),
        "excluded": [a for a in _by_status(attendees, "present", "in attendance") if a["excluded_from"]],
        "reports": [{"agency": r.get("agency"), "author": r.get("author"), "shared_with_parents": r.get("shared_with_parents")}
                    for r in record.get("reports") or [] if isinstance(r, Mapping)],
        "purpose": paras(record.get("purpose")),
        "concerns": paras(record.get("concerns")),
        "previous_outcome": paras(record.get("previous_outcome")),
        "agency_information": [{"agency": i.get("agency"), "paragraphs": paras(i.get("text"))}
                               for i in record.get("agency_information") or [] if isinstance(i, Mapping)],
        "child_views": paras(record.get("child_views")),
        "parent_views": paras(record.get("parent_views")),
        "strengths": paras(record.get("strengths")),
        "risks": paras(record.get("risks")),
        "risk_factors": list(record.get("risk_factors") or []),
        "danger_statement": record.get("danger_statement"),
        "safety_scale": record.get("safety_scale"),
        "analysis": paras(record.get("analysis")),
        "dissent": paras(record.get("dissent")),
        "contingency": paras(record.get("contingency_plan")),
        "core_group_members": [str(m) for m in (core or {}).get("members") or []],
        "distribution": [str(d.get("name") if isinstance(d, Mapping) else d) for d in record.get("distribution") or []],
        "quorate": record.get("quorate"),
    })
    return ctx


def _resolutions(items: Any) -> list[dict[str, str]]:
    """Resolutions with their markers ("1.", "a)"); a single resolution has none."""
    out = []
    texts = [str(t) for t in items or [] if str(t).strip()]
    for n, text in enumerate(texts, 1):
        match = _MARKER.match(text)
        if match:
            out.append({"marker": match.group(1), "text": text[match.end():]})
        else:
            out.append({"marker": f"{n}." if len(texts) > 1 else "", "text": text})
    return out


def _named(a: Mapping[str, Any]) -> str:
    role = a.get("role")
    return f"{a.get('name')} ({role})" if role else str(a.get("name"))


_COUNCILLOR = re.compile(r"^(?:Councillor|Cllr\.?)\s+", re.IGNORECASE)


def _present_line(present: list[dict[str, Any]]) -> str:
    """ModernGov style: "Councillors Helen Ashworth (Chair), Tom Baxter and Jenny Okafor"; others after."""
    councillors = [a for a in present if _COUNCILLOR.match(str(a["name"] or ""))]
    others = [a for a in present if a not in councillors]
    parts = []
    if councillors:
        names = [_named({**a, "name": _COUNCILLOR.sub("", str(a["name"]))}) for a in councillors]
        parts.append(("Councillors " if len(names) > 1 else "Councillor ") + join_and(names))
    parts.extend(_named(a) for a in others)
    return "; ".join(parts)


def _declaration(d: Mapping[str, Any]) -> dict[str, Any]:
    interest = d.get("interest")
    article = "an" if interest and str(interest)[0].lower() in "aeiou" else "a"
    return {"member": d.get("member"), "item": d.get("item"), "interest": interest, "text": d.get("text"),
            "phrase": f"declared {article} {interest} interest" if interest else "declared an interest"}


def _committee(record: Mapping[str, Any], draft: bool, letterhead: Mapping[str, Any] | None) -> dict[str, Any]:
    attendees = record.get("attendees") or []
    present = _by_status(attendees, "present")
    items = [i for i in record.get("items") or [] if isinstance(i, Mapping)]
    return {
        **_common(record, draft, letterhead),
        "body": record.get("body"),
        "title": record.get("title"),
        "meeting_date": record.get("meeting_date"),
        "meeting_time": record.get("meeting_time"),
        "venue": record.get("venue"),
        "present": present,
        "present_line": _present_line(present),
        "in_attendance": _by_status(attendees, "in attendance"),
        "in_attendance_line": ", ".join(_named(a) for a in _by_status(attendees, "in attendance")),
        "apologies": _by_status(attendees, "apologies"),
        "apologies_line": join_and(a["name"] for a in _by_status(attendees, "apologies")),
        "substitutes": [f"{a['name']} attended as a substitute for {a['substitute_for']}."
                        for a in present if a["substitute_for"]],
        "declarations": [_declaration(d) for d in record.get("declarations") or [] if isinstance(d, Mapping)],
        # minutes with their own "Declarations of interest" item list them there, not twice
        "declarations_item": any("declaration" in str(i.get("title") or "").lower() for i in items),
        "next_meeting": record.get("next_meeting"),
    }


def _item(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "number": item.get("number") or "",
        "title": item.get("title"),
        "presenter": item.get("presenter"),
        "minutes": paras(item.get("minutes")),
        "resolutions": _resolutions(item.get("resolutions")),
        "supporting_documents": [str(d) for d in item.get("supporting_documents") or []],
        "exempt": item.get("exempt") or False,
    }


def minutes_context(record: Mapping[str, Any], *, draft: bool = False, today: date | None = None,
                    letterhead: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Committee minutes in the ModernGov shape."""
    ctx = _committee(record, draft, letterhead)
    ctx["items"] = [_item(i) for i in record.get("items") or [] if isinstance(i, Mapping)]
    return ctx


OPENING_ITEMS = (
    ("apologies", "Apologies for absence and notification of substitutes",
     "To receive apologies for absence and notification of substitutes."),
    ("declarations", "Declarations of interest",
     "To receive any declarations of disclosable pecuniary, other registrable or non-registrable interests."),
    ("previous meeting", "Minutes of the previous meeting",
     "To confirm the minutes of the previous meeting as a correct record."),
)


def agenda_context(record: Mapping[str, Any], *, draft: bool = False, today: date | None = None,
                   letterhead: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The agenda of a forthcoming meeting: standard opening items, then the record's items; exempt items in Part 2."""
    ctx = _committee(record, draft, letterhead)
    rest = [_item(i) for i in record.get("items") or [] if isinstance(i, Mapping)]
    opening = []
    for key, title, note in OPENING_ITEMS:
        same = [i for i in rest if key in str(i["title"] or "").lower()]
        opening.append({"title": title, "note": note, "presenter": None, "report": None, "exempt": False})
        rest = [i for i in rest if i not in same]
    entries = opening + [{"title": i["title"], "note": None, "presenter": i["presenter"],
                          "report": (i["supporting_documents"] or [None])[0], "exempt": i["exempt"]} for i in rest]
    for n, entry in enumerate(entries, 1):
        entry["number"] = str(n)
    ctx["part1"] = [e for e in entries if not e["exempt"]]
    ctx["part2"] = [e for e in entries if e["exempt"]]
    return ctx


REPORT_SECTIONS = (("purpose", "Purpose of the report"), ("background", "Background and main considerations"),
                   ("options", "Options considered"), ("implications", "Implications"),
                   ("conclusion", "Conclusion and reasons for the recommendations"),
                   ("background_papers", "Background papers"), ("appendices", "Appendices"))
IMPLICATIONS = (("financial", "Financial"), ("legal", "Legal"), ("risk", "Risk"), ("equality", "Equality"),
                ("safeguarding", "Safeguarding"))


def agenda_report_context(record: Mapping[str, Any], *, draft: bool = False, today: date | None = None,
                          letterhead: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A committee cover report: the record's meeting plus the front matter under `report`."""
    ctx = _committee(record, draft, letterhead)
    report = dict(record.get("report") or {})
    item = next((i for i in record.get("items") or [] if isinstance(i, Mapping)
                 and report.get("item") and i.get("number") == report.get("item")), {})
    if not report.get("background") and item:
        report["background"] = paras(item.get("minutes"))
    implications = report.get("implications") or {}
    if isinstance(implications, Mapping):
        implications = [f"{label}: {implications[key]}" for key, label in IMPLICATIONS if implications.get(key)]
    report["implications"] = implications
    sections = []
    for n, (key, heading) in enumerate(REPORT_SECTIONS, 1):
        texts = paras(report.get(key))
        sections.append({"number": str(n), "heading": heading,
                         "paragraphs": [{"number": f"{n}.{m}", "text": t} for m, t in enumerate(texts, 1)]})
    officers = [o if isinstance(o, Mapping) else {"name": o} for o in report.get("contact_officers") or []]
    ctx["report"] = {
        "item": report.get("item") or item.get("number"),
        "title": report.get("title") or item.get("title"),
        "report_of": report.get("report_of"),
        "strategic_aim": report.get("strategic_aim") or "",
        "exempt_information": report.get("exempt_information") or "No",
        "key_decision": report.get("key_decision") or "No",
        "cabinet_member": report.get("cabinet_member") or "",
        "contact_officers": [{k: o.get(k) or "" for k in ("name", "role", "phone", "email")} for o in officers],
        "wards": report.get("wards") or "All",
        "recommendations_intro": report.get("recommendations_intro") or "That the Committee:",
        "recommendations": [{"number": f"{n}.", "text": t} for n, t in enumerate(paras(report.get("recommendations")), 1)],
        "sections": sections,
    }
    return ctx


BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    "letter": letter_context,
    "record": record_context,
    "minutes": minutes_context,
    "agenda": agenda_context,
    "agenda-report": agenda_report_context,
}


def build(kind: str, record: Mapping[str, Any], **options: Any) -> dict[str, Any]:
    """The context for document `kind`."""
    return BUILDERS[kind](record, **options)

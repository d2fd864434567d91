"""`--redact`: children's and family members' names become pseudonymous ids or initials.

Redaction works on the record dict before any template sees it, so every format (DOCX, HTML,
Markdown, PDF) gets the same result.  Who counts:

- each child: full name -> `child_id` (or initials when there is none); first name alone too;
- family members: attendees marked `family`, or whose role is a family role (mother, father,
  carer, grandmother ...): full name and first name -> initials;
- the family name, alone or after any capitalised first name ("Pat Smith") -> initials.

Professionals' names stay: the document must still say who does what.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from .environment import _TITLES, initials

FAMILY_ROLES = frozenset({
    "mother", "father", "parent", "carer", "step-father", "stepfather", "step-mother", "stepmother",
    "partner", "grandmother", "grandfather", "grandparent", "aunt", "uncle", "sibling", "brother",
    "sister", "family member", "guardian", "special guardian", "kinship carer", "maternal", "paternal",
})
_FAMILY_ROLE = re.compile(rf"^(?:{'|'.join(sorted(FAMILY_ROLES, key=len, reverse=True))})\b", re.IGNORECASE)
# keys whose values are ids, dates or codes: never rewritten
_KEEP = frozenset({"child_id", "id", "schema", "sha256", "date_of_birth", "expected_date", "evidence",
                   "conference_date", "review_date", "created", "updated", "format"})


def _is_family(person: Mapping[str, Any]) -> bool:
    if person.get("family"):
        return True
    return bool(_FAMILY_ROLE.match(str(person.get("role") or "").strip()))


def replacements(record: Mapping[str, Any]) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, replacement) pairs, longest names first."""
    pairs: dict[str, str] = {}
    firsts: dict[str, str] = {}
    for child in record.get("children") or []:
        name = str(child.get("name") or "").strip()
        if not name or name.startswith("[MISSING"):
            continue
        token = child.get("child_id") or initials(name) or "the child"
        pairs[name] = token
        firsts.setdefault(name.split()[0], token)
    for person in (record.get("attendees") or []) if record.get("kind") == "conference" else []:
        name = str(person.get("name") or "").strip()
        if name and _is_family(person):
            pairs.setdefault(name, initials(name))
            firsts.setdefault(name.split()[0], initials(name))
    out: list[tuple[re.Pattern[str], str]] = []
    for name, token in sorted(pairs.items(), key=lambda kv: -len(kv[0])):
        out.append((re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE), token))
    family = str(record.get("family_name") or "").strip()
    if family:
        # "Pat Smith" (a relative named only in the narrative) -> "P.S."; then "Smith" alone
        letter = f"{family[0].upper()}."

        def relative(match: re.Match[str]) -> str:
            first = match.group(1)
            return f"{first} {letter}" if first.rstrip(".").lower() in _TITLES else f"{first[0]}.{letter}"

        out.append((re.compile(rf"\b([A-Z][a-z]+\.?) {re.escape(family)}\b"), relative))
        out.append((re.compile(rf"\b{re.escape(family)}\b", re.IGNORECASE), letter))
    for first, token in sorted(firsts.items(), key=lambda kv: -len(kv[0])):
        if len(first) > 1:
            out.append((re.compile(rf"\b{re.escape(first)}\b"), token))
    return out


def redact_text(text: str, pairs: Iterable[tuple[re.Pattern[str], Any]]) -> str:
    for pattern, token in pairs:
        text = pattern.sub(token, text)
    return text


def _walk(value: Any, pairs: list[tuple[re.Pattern[str], Any]], key: str | None = None) -> Any:
    if key in _KEEP:
        return value
    if isinstance(value, str):
        return redact_text(value, pairs)
    if isinstance(value, list):
        return [_walk(v, pairs) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, pairs, k) for k, v in value.items()}
    return value


def redact(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `record` with the children's and family's names replaced in every string."""
    pairs = replacements(record)
    out = _walk(dict(record), pairs)
    out["redacted"] = True
    return out

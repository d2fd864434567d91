"""Anonymisation of the service report: small-number suppression and a guard against names.

The report is built from counts only.  Two safeguards sit on top:
- `NameGuard` learns every child's and family member's name in the input (children's names, the
  family name, attendees marked `family`) and turns any label that contains one of those words into
  "Other", so a mis-extracted agency or risk factor cannot carry a name into the report.
- Counts from 1 to `threshold - 1` are shown as "<threshold" (default "<5"); a percentage built
  on a suppressed count is shown as "[c]", and where a table has a total, one more cell is withheld
  (`[c]`) when only one is suppressed, so the small one cannot be worked out by subtraction.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

OTHER = "Other"
WITHHELD = "[c]"
NO_DATA = "-"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)   # "O'Neill's" -> o, neill, s: over-matching is safe
# words too common to be treated as names on their own (titles, relationships)
_NOT_NAMES = frozenset({"mr", "mrs", "ms", "miss", "dr", "baby", "unborn", "child", "mother", "father",
                        "the", "and", "of", "family", "mum", "dad"})


def words(text: str) -> list[str]:
    """Lower-case runs of letters in `text` (apostrophes and hyphens split words)."""
    return [w.lower() for w in _WORD.findall(text)]


class NameGuard:
    """Every word of every child's and family member's name seen; labels that contain one go."""

    __slots__ = ("names", "_seen")

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names: set[str] = set()
        self._seen: set[str] = set()
        for name in names:
            self.add(name)

    def add(self, name: Any) -> None:
        if isinstance(name, str) and name not in self._seen:
            self._seen.add(name)
            self.names.update(w for w in words(name) if len(w) > 1 and w not in _NOT_NAMES)

    def add_record(self, record: Mapping[str, Any]) -> None:
        """Learn the names of a conference record's children and family members."""
        self.add(record.get("family_name"))
        for child in record.get("children") or []:
            if isinstance(child, dict):
                self.add(child.get("name"))
        for person in record.get("attendees") or []:
            if isinstance(person, dict) and person.get("family"):
                self.add(person.get("name"))

    def is_safe(self, label: str) -> bool:
        return not any(w in self.names for w in words(label))

    def safe_label(self, label: str) -> str:
        return label if self.is_safe(label) else OTHER

    def safe_counter(self, counts: Mapping[str, int]) -> Counter:
        """The counts with unsafe labels merged into "Other"."""
        out: Counter = Counter()
        for label, n in counts.items():
            out[self.safe_label(label)] += n
        return out


def is_suppressed(n: int, threshold: int) -> bool:
    return 0 < n < threshold


def count_cell(n: int, threshold: int) -> str:
    """A count as shown: "0", "<5", or the number with thousands separators."""
    if is_suppressed(n, threshold):
        return f"<{threshold}"
    return f"{n:,}"


def pct_value(n: int, d: int, threshold: int) -> float | None:
    """n as a percentage of d, or None when there is no denominator or n is suppressed."""
    if d <= 0 or is_suppressed(n, threshold):
        return None
    return 100.0 * n / d


def pct_cell(n: int, d: int, threshold: int) -> str:
    if d <= 0:
        return NO_DATA
    value = pct_value(n, d, threshold)
    return WITHHELD if value is None else f"{value:.1f}%"


def withheld(counts: Sequence[int], threshold: int) -> set[int]:
    """Indices to withhold in a column that adds up to a shown total (primary + secondary)."""
    primary = {i for i, n in enumerate(counts) if is_suppressed(n, threshold)}
    if len(primary) == 1:
        others = [(n, i) for i, n in enumerate(counts) if i not in primary and n > 0]
        if others:
            primary.add(min(others)[1])
    return primary

"""Fuzzy normalisation: raw strings to canonical ids, and people's names to one person.

Pure functions over the gazetteers.  When nothing clears the cutoff the answer is None (or a
separate person), never the closest wrong answer.

    canonical_id("Helth Visitor", "roles")          -> "health_visitor"
    canonical_id("Pizza Hut", "agencies")           -> None
    split_title("Cllr J Walton")                    -> ("councillor", "J Walton")
    same_person("Cllr Walton", "Councillor John Walton")  -> True
    merge_people(["Dr Patel", "Mr Patel", "Dr A Patel"])  -> [[0, 2], [1]]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Sequence

from rapidfuzz import fuzz, process

from .gazetteer import fold, load

DEFAULT_MATCH_CUTOFF = 88.0     # token_sort_ratio on folded strings, 0-100
FUZZY_MIN_CHARS = 7             # shorter raw strings and aliases must match exactly ("Other" is not "Mother")
AMBIGUITY_MARGIN = 3.0          # two different ids scoring this close: no answer
TAIL_KINDS = frozenset({"agencies"})   # "West Yorkshire Police" -> the trailing alias "Police"
TAIL_MIN_CHARS = 5
MAX_TITLE_WORDS = 3
POST_NOMINALS = frozenset({"obe", "mbe", "cbe", "jp", "qc", "kc", "mp", "dl", "frs"})


# ----------------------------------------------------------------------------- canonical ids

@dataclass(frozen=True, slots=True)
class _Choices:
    exact: dict[str, str]          # folded alias -> id
    fuzzy_keys: tuple[str, ...]    # folded aliases long enough for fuzzy matching
    fuzzy_ids: tuple[str, ...]     # the id of each fuzzy key, same order


@cache
def _choices(kind: str, directory: Path | None) -> _Choices:
    gazetteer = load(kind, directory)
    exact = dict(gazetteer.folded)
    long = [(key, entry_id) for key, entry_id in exact.items() if len(key) >= FUZZY_MIN_CHARS]
    return _Choices(exact, tuple(k for k, _ in long), tuple(i for _, i in long))


def canonical_id(
    raw: str,
    kind: str,
    cutoff: float = DEFAULT_MATCH_CUTOFF,
    directory: Path | str | None = None,
) -> str | None:
    """The id of the `kind` entry that `raw` names, or None.

    Steps: exact alias after `fold` (case, apostrophes, punctuation and "&" ignored); a plural
    "s" dropped; for agencies, the longest trailing words that are an alias ("Durham
    Constabulary"); then rapidfuzz token_sort_ratio against aliases of FUZZY_MIN_CHARS or more,
    with `cutoff`.  A fuzzy answer is refused when another id scores within AMBIGUITY_MARGIN.
    """
    key = fold(raw)
    if not key:
        return None
    choices = _choices(kind, Path(directory).resolve() if directory is not None else None)
    hit = choices.exact.get(key)
    if hit is not None:
        return hit
    if len(key) > 4 and key.endswith("s") and key[:-1] in choices.exact:
        return choices.exact[key[:-1]]
    if kind in TAIL_KINDS:
        hit = _tail(key, choices.exact)
        if hit is not None:
            return hit
    if len(key) < FUZZY_MIN_CHARS or not choices.fuzzy_keys:
        return None
    return _fuzzy(key, choices, cutoff)


def _tail(key: str, exact: dict[str, str]) -> str | None:
    words = key.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if len(tail) >= TAIL_MIN_CHARS and tail in exact:
            return exact[tail]
    return None


def _fuzzy(key: str, choices: _Choices, cutoff: float) -> str | None:
    hits = process.extract(
        key, choices.fuzzy_keys, scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=cutoff, limit=8
    )
    if not hits:
        return None
    best_id = choices.fuzzy_ids[hits[0][2]]
    for _, score, index in hits[1:]:
        if choices.fuzzy_ids[index] != best_id and hits[0][1] - score < AMBIGUITY_MARGIN:
            return None
    return best_id


# ----------------------------------------------------------------------------- people

@dataclass(frozen=True, slots=True)
class PersonKey:
    """A name taken apart: title id, given names or initials (folded), surname (folded)."""

    title: str | None
    given: tuple[str, ...]
    surname: str

    @property
    def full_given(self) -> int:
        """How many given names are written out rather than as initials."""
        return sum(1 for g in self.given if len(g) > 1)


def split_title(name: str, directory: Path | str | None = None) -> tuple[str | None, str]:
    """The title id at the start of `name` (up to MAX_TITLE_WORDS words) and the rest.

    "Cllr J Walton" -> ("councillor", "J Walton"); "Jane Doe" -> (None, "Jane Doe").
    """
    words = name.split()
    titles = load("titles", directory)
    for size in range(min(MAX_TITLE_WORDS, len(words) - 1), 0, -1):
        hit = titles.folded.get(fold(" ".join(words[:size])))
        if hit is not None:
            return hit, " ".join(words[size:])
    return None, name.strip()


_TRAILING_INITIALS = re.compile(r"\s*(?:[A-Z]\.(?:\s*[A-Z]\.){0,2}|[A-Z])\s*")   # "S.", "T.H.", "E"; not "SW"
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@lru_cache(maxsize=8192)          # the same names are keyed again and again when attendees are merged
def person_key(name: str, directory: Path | str | None = None) -> PersonKey:
    """The parts of `name` that decide who it is.

    Bracketed text and anything after a comma are dropped ("Jane Doe (HV)", "Jane Doe, SW"), except
    initials written after the surname ("Councillor Watson, S." is S. Watson); "J.A." and "JA"
    before a surname are read as initials; post-nominals such as OBE are ignored.
    """
    cleaned = _BRACKETS.sub(" ", name)
    cleaned, _, tail = cleaned.partition(",")
    title, rest = split_title(cleaned, directory)
    initials = _TRAILING_INITIALS.fullmatch(tail)
    if initials and rest.split():       # "Councillor Watson, S." is Councillor S. Watson
        rest = f"{initials.group(0).strip()} {rest}"
    bare = load("titles", directory).lookup(rest) if title is None else None
    if bare is not None:
        return PersonKey(bare, (), "")          # a title on its own names nobody
    words = [w for w in rest.split() if fold(w) and fold(w) not in POST_NOMINALS]
    if not words:
        return PersonKey(title, (), "")
    surname = fold(words[-1]).replace(" ", "")
    given: list[str] = []
    for word in words[:-1]:
        given.extend(_given_parts(word))
    return PersonKey(title, tuple(given), surname)


def _given_parts(word: str) -> list[str]:
    """'J.A.' -> ['j', 'a']; 'JA' -> ['j', 'a']; 'John' -> ['john']."""
    if "." in word:
        return [fold(p) for p in word.split(".") if fold(p)]
    letters = word.replace("-", "")
    if letters.isalpha() and letters.isupper() and len(letters) <= 2:
        return [ch.lower() for ch in letters]
    folded = fold(word).replace(" ", "")
    return [folded] if folded else []


def keys_match(a: PersonKey, b: PersonKey) -> bool:
    """Whether two parsed names can be the same person.

    Surnames must be equal; titles, when both are given, must be equal (Cllr and Councillor are
    one title id); given names are compared position by position, an initial matching any name
    that starts with it, a missing given name matching anything.
    """
    if not a.surname or a.surname != b.surname:
        return False
    if a.title and b.title and a.title != b.title:
        return False
    for x, y in zip(a.given, b.given):
        if len(x) == 1 or len(y) == 1:
            if x[0] != y[0]:
                return False
        elif x != y:
            return False
    return True


def same_person(a: str, b: str, directory: Path | str | None = None) -> bool:
    """Whether names `a` and `b` refer to one person (see `keys_match`)."""
    return keys_match(person_key(a, directory), person_key(b, directory))


def _fullness(name: str, key: PersonKey) -> tuple[int, int, int, int]:
    return (key.full_given, len(key.given), int(key.title is not None), len(name.strip()))


def best_form(group: Sequence[str], directory: Path | str | None = None) -> str:
    """The fullest way the group's person is written (more given names, then a title, then length)."""
    if not group:
        raise ValueError("best_form needs at least one name")
    ranked = sorted(enumerate(group), key=lambda p: (_fullness(p[1], person_key(p[1], directory)), -p[0]))
    return ranked[-1][1].strip()


def merge_people(names: Sequence[str], directory: Path | str | None = None) -> list[list[int]]:
    """Indices of `names` grouped by person, groups in order of first appearance.

    Fuller names are placed first; a name joins a group only when it matches every member.  A
    name that fits several groups ("Walton" beside "John Walton" and "Jane Walton") joins the one
    holding the same written form, otherwise it stays on its own rather than guess.
    """
    keys = [person_key(n, directory) for n in names]
    order = sorted(range(len(names)), key=lambda i: (tuple(-v for v in _fullness(names[i], keys[i])), i))
    groups: list[list[int]] = []
    distinct: list[set[PersonKey]] = []          # each group's distinct keys: repeats cost nothing
    for i in order:
        fits = [n for n, ks in enumerate(distinct) if all(keys_match(keys[i], k) for k in ks)]
        if len(fits) > 1:
            fits = [n for n in fits if keys[i] in distinct[n]]
        if len(fits) == 1:
            groups[fits[0]].append(i)
            distinct[fits[0]].add(keys[i])
        else:
            groups.append([i])
            distinct.append({keys[i]})
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])

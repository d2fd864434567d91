"""Domain vocabularies as data: agencies, roles, titles, plan categories and risk factors.

Each kind is a JSON Lines file `models/gazetteers/<kind>.jsonl`, one entry a line:

    {"id": "health_visitor", "name": "Health Visitor", "aliases": ["HV", "HVs"], "agency": "health_visiting"}

Keys: "id" (snake_case), "name" (canonical display name), "aliases" (how minute-takers write it),
"note" (optional); roles also carry "agency" (an agency id or null) and risk factors may carry
"implies" (risk ids that come with this one, e.g. the toxic trio).  The loader refuses unknown
keys (naming the allowed ones), duplicate ids and an alias claimed by two entries.  Aliases are
compared after `fold`, so "Childrens Social Care" and "Children's Social Care" are one alias.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ..errors import ConfigError

KINDS: tuple[str, ...] = ("agencies", "roles", "titles", "categories", "risk_factors")
BASE_KEYS: frozenset[str] = frozenset({"id", "name", "aliases", "note"})
EXTRA_KEYS: Mapping[str, frozenset[str]] = {"roles": frozenset({"agency"}), "risk_factors": frozenset({"implies"}),
                                             "agencies": frozenset({"capitalised"})}
REQUIRED_KEYS: Mapping[str, frozenset[str]] = {"roles": frozenset({"id", "name", "aliases", "agency"})}
DEFAULT_REQUIRED: frozenset[str] = frozenset({"id", "name", "aliases"})

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """The comparison form of an alias or a raw string.

    Lower case, accents and apostrophes dropped, "&" read as "and", every other run of
    punctuation or space turned into one space: "Children’s Social-Care " -> "childrens social care".
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical thing and the ways it is written."""

    id: str
    name: str
    aliases: tuple[str, ...]
    agency: str | None = None
    implies: tuple[str, ...] = ()
    note: str | None = None
    capitalised: tuple[str, ...] = ()   # forms that are an agency only when capitalised ("Health", not "physical health")

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The entries of one kind, with look-ups by id and by alias."""

    kind: str
    path: Path
    entries: tuple[Entry, ...]
    by_id: Mapping[str, Entry]
    aliases: Mapping[str, str]       # lowercased alias (and name) -> id
    folded: Mapping[str, str]        # fold(alias) -> id

    def name_of(self, entry_id: str) -> str:
        """The display name of `entry_id`; KeyError naming the kind when it is unknown."""
        try:
            return self.by_id[entry_id].name
        except KeyError:
            raise KeyError(f"no {self.kind} entry with id '{entry_id}'") from None

    def lookup(self, raw: str) -> str | None:
        """The id whose alias equals `raw` after folding, else None (no fuzzy matching here)."""
        return self.folded.get(fold(raw))

    def implied(self, entry_id: str) -> tuple[str, ...]:
        """The ids `entry_id` brings with it (empty for most entries)."""
        entry = self.by_id.get(entry_id)
        return entry.implies if entry else ()


def gazetteer_dir(directory: Path | str | None = None) -> Path:
    """`directory`, or the bundled models/gazetteers folder."""
    if directory is not None:
        return Path(directory)
    from ..resources import models_dir

    return models_dir() / "gazetteers"


def load(kind: str, directory: Path | str | None = None) -> Gazetteer:
    """The gazetteer `kind` from `directory` (default: the bundled one), cached per process.

    Raises ConfigError naming the file and line when the file breaks a rule.
    """
    if kind not in KINDS:
        raise ConfigError(f"unknown gazetteer '{kind}'; use one of {', '.join(KINDS)}")
    return _load(kind, gazetteer_dir(directory).resolve())


@cache
def _load(kind: str, directory: Path) -> Gazetteer:
    path = directory / f"{kind}.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"gazetteer file '{path.name}' is missing from '{directory}'") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"gazetteer file '{path.name}' cannot be read: {type(exc).__name__}") from None

    entries: list[Entry] = []
    by_id: dict[str, Entry] = {}
    id_line: dict[str, int] = {}
    folded: dict[str, str] = {}
    alias_line: dict[str, int] = {}
    aliases: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"gazetteer '{path.name}' line {number}"
        entry = _entry(kind, _json(line, where), where)
        if entry.id in by_id:
            raise ConfigError(f"{where}: duplicate id '{entry.id}' (first on line {id_line[entry.id]})")
        by_id[entry.id] = entry
        id_line[entry.id] = number
        entries.append(entry)
        for form in entry.forms:
            key = fold(form)
            if not key:
                raise ConfigError(f"{where}: alias {form!r} has no letters or digits")
            owner = folded.get(key)
            if owner is not None and owner != entry.id:
                raise ConfigError(
                    f"{where}: alias {form!r} of '{entry.id}' is already claimed by "
                    f"'{owner}' (line {alias_line[key]}); keep it on one entry"
                )
            folded[key] = entry.id
            alias_line.setdefault(key, number)
            aliases.setdefault(form.lower(), entry.id)
    _check_references(kind, directory, path.name, entries, by_id, id_line)
    return Gazetteer(
        kind=kind,
        path=path,
        entries=tuple(entries),
        by_id=MappingProxyType(by_id),
        aliases=MappingProxyType(aliases),
        folded=MappingProxyType(folded),
    )


def _json(line: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: each line must be a JSON object")
    return data


def _entry(kind: str, data: dict[str, Any], where: str) -> Entry:
    allowed = BASE_KEYS | EXTRA_KEYS.get(kind, frozenset())
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    missing = sorted(REQUIRED_KEYS.get(kind, DEFAULT_REQUIRED) - set(data))
    if missing:
        raise ConfigError(f"{where}: missing key(s) {', '.join(missing)}")
    entry_id, name, aliases = data["id"], data["name"], data["aliases"]
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise ConfigError(f"{where}: id must be snake_case text such as 'health_visitor'")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: name of '{entry_id}' must be non-empty text")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise ConfigError(f"{where}: aliases of '{entry_id}' must be a list of non-empty strings")
    agency = data.get("agency")
    if agency is not None and (not isinstance(agency, str) or not _ID.match(agency)):
        raise ConfigError(f"{where}: agency of '{entry_id}' must be an agency id or null")
    implies = data.get("implies", [])
    if not isinstance(implies, list) or not all(isinstance(i, str) for i in implies):
        raise ConfigError(f"{where}: implies of '{entry_id}' must be a list of ids")
    note = data.get("note")
    if note is not None and not isinstance(note, str):
        raise ConfigError(f"{where}: note of '{entry_id}' must be text")
    capitalised = data.get("capitalised", [])
    if not isinstance(capitalised, list) or not all(isinstance(c, str) and c.strip() in (name.strip(), *aliases) for c in capitalised):
        raise ConfigError(f"{where}: capitalised of '{entry_id}' must list some of its name and aliases")
    unique = tuple(dict.fromkeys(a.strip() for a in aliases))
    return Entry(entry_id, name.strip(), unique, agency, tuple(implies), note, tuple(c.strip() for c in capitalised))


def _check_references(
    kind: str,
    directory: Path,
    filename: str,
    entries: list[Entry],
    by_id: Mapping[str, Entry],
    id_line: Mapping[str, int],
) -> None:
    """Roles must name known agencies; implied risk factors must exist."""
    agencies: Mapping[str, Entry] | None = None
    for entry in entries:
        where = f"gazetteer '{filename}' line {id_line[entry.id]}"
        if entry.agency is not None:
            if agencies is None:
                agencies = _load("agencies", directory).by_id
            if entry.agency not in agencies:
                raise ConfigError(f"{where}: agency '{entry.agency}' of '{entry.id}' is not in agencies.jsonl")
        for other in entry.implies:
            if other not in by_id or other == entry.id:
                raise ConfigError(f"{where}: '{entry.id}' implies unknown or self id '{other}'")

"""spaCy ruler patterns built from the gazetteers and from models/patterns/*.jsonl.

    ruler = nlp.add_pipe("entity_ruler"); ruler.add_patterns(build_patterns(unique=True))

or, in a config, `patterns = {"@misc": "minutes.patterns.v1"}` for a span or entity ruler.

Every pattern is `{"label": ..., "pattern": [token dicts], "id": canonical id}`.  Gazetteer kinds
give the labels AGENCY, ROLE, TITLE, CATEGORY and RISK.  Aliases are split with the blank English
tokenizer (the one every English pipeline shares), so multi-word aliases match token by token and
case-insensitively (LOWER).  Short all-caps abbreviations ("SW", "HV", "PC", "DA", "CSE") match
only as written (TEXT), so "pc" or "da" in running text are not hits; titles match only in their
written, capitalised or upper-case form ("Miss", "MISS", not "miss").

Pattern files use the EntityRuler JSONL shape with exactly the keys label, pattern and id.  A
string pattern is read like a gazetteer alias (tokenized, case-insensitive); a list pattern is
taken as written.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from spacy.util import registry

from ..errors import ConfigError
from .gazetteer import KINDS, load

LABELS: dict[str, str] = {
    "agencies": "AGENCY",
    "roles": "ROLE",
    "titles": "TITLE",
    "categories": "CATEGORY",
    "risk_factors": "RISK",
}
# With unique=True an identical token sequence keeps only the first of these labels.
LABEL_PRIORITY: tuple[str, ...] = ("TITLE", "ROLE", "AGENCY", "CATEGORY", "RISK")
PATTERN_KEYS: frozenset[str] = frozenset({"label", "pattern", "id"})
CASE_SENSITIVE_MAX = 3            # all-caps abbreviations up to this many letters match as written
CASE_SENSITIVE_KINDS: frozenset[str] = frozenset({"titles"})

Pattern = dict[str, Any]
_LABEL = re.compile(r"^[A-Z][A-Z0-9_]*$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def build_patterns(
    gazetteers: Path | str | None = None,
    pattern_dir: Path | str | None = None,
    unique: bool = False,
) -> list[Pattern]:
    """All ruler patterns: the five gazetteers, then every models/patterns/*.jsonl file.

    `gazetteers` and `pattern_dir` default to the bundled folders.  With `unique`, a token
    sequence claimed by several labels is kept once, under the first label of LABEL_PRIORITY
    (an EntityRuler would otherwise pick one arbitrarily); a SpanRuler can keep them all.
    Returns fresh dicts on every call, so callers may change them.
    """
    return json.loads(_build(_resolve(gazetteers), _resolve(pattern_dir, "patterns"), unique))


class PatternSource:
    """The bundled patterns, built when first iterated.  A component that has the pipeline's own
    tokenizer calls `build(tokenizer)`, so loading needs no second English tokenizer (its special
    cases take a noticeable part of the load time)."""

    def __init__(self, unique: bool = False) -> None:
        self.unique = unique

    def build(self, tokenizer=None) -> list[Pattern]:
        if tokenizer is not None:
            _TOKENIZER.setdefault("shared", tokenizer)
        return build_patterns(unique=self.unique)

    def __iter__(self):
        return iter(self.build())


@registry.misc("minutes.patterns.v1")
def patterns_v1(unique: bool = False) -> PatternSource:
    """The registered loader a config.cfg names: the bundled patterns, as `build_patterns`."""
    return PatternSource(unique)


def alias_pattern(alias: str, case_sensitive: bool = False) -> list[dict[str, Any]]:
    """Token dicts matching `alias`: LOWER per token, TEXT for short all-caps abbreviations.

    With `case_sensitive`, every token must appear as written, capitalised or in upper case.
    """
    out: list[dict[str, Any]] = []
    for token in _tokenizer()(alias):
        text = token.text
        if case_sensitive:
            forms = sorted({text, text[:1].upper() + text[1:], text.upper()})
            out.append({"TEXT": forms[0]} if len(forms) == 1 else {"TEXT": {"IN": forms}})
        elif _is_abbreviation(text):
            out.append({"TEXT": text})
        elif "'" in text:                 # "Children's" also as typeset, "Children’s"
            out.append({"LOWER": {"IN": [text.lower(), text.lower().replace("'", "\u2019")]}})
        else:
            out.append({"LOWER": text.lower()})
    return out


def read_pattern_file(path: Path) -> list[Pattern]:
    """The patterns of one JSONL file, checked; ConfigError names the file and line."""
    out: list[Pattern] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"pattern file '{path.name}' cannot be read: {type(exc).__name__}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"pattern file '{path.name}' line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: each line must be a JSON object")
        unknown = sorted(set(data) - PATTERN_KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(PATTERN_KEYS))}")
        missing = sorted(PATTERN_KEYS - set(data))
        if missing:
            raise ConfigError(f"{where}: missing key(s) {', '.join(missing)}")
        label, pattern, pattern_id = data["label"], data["pattern"], data["id"]
        if not isinstance(label, str) or not _LABEL.match(label):
            raise ConfigError(f"{where}: label must be upper-case, such as 'CONF_TYPE'")
        if not isinstance(pattern_id, str) or not _ID.match(pattern_id):
            raise ConfigError(f"{where}: id must be snake_case, such as 'plan_made'")
        if isinstance(pattern, str) and pattern.strip():
            tokens = alias_pattern(pattern)
        elif isinstance(pattern, list) and pattern and all(isinstance(t, dict) and t for t in pattern):
            tokens = pattern
        else:
            raise ConfigError(f"{where}: pattern must be text or a non-empty list of token objects")
        out.append({"label": label, "pattern": tokens, "id": pattern_id})
    return out


def _resolve(directory: Path | str | None, sub: str = "gazetteers") -> Path:
    if directory is not None:
        return Path(directory).resolve()
    from ..resources import models_dir

    return (models_dir() / sub).resolve()


@cache
def _build(gazetteers: Path, pattern_dir: Path, unique: bool) -> str:
    """The patterns as one JSON text (cached; parsing it is the cheapest deep copy)."""
    patterns: list[Pattern] = []
    for kind in KINDS:
        gazetteer = load(kind, gazetteers)
        for entry in gazetteer.entries:
            for form in entry.forms:
                tokens = alias_pattern(form, case_sensitive=kind in CASE_SENSITIVE_KINDS or form in entry.capitalised)
                patterns.append({"label": LABELS[kind], "pattern": tokens, "id": entry.id})
    if pattern_dir.is_dir():
        for path in sorted(pattern_dir.glob("*.jsonl")):
            patterns.extend(read_pattern_file(path))
    return json.dumps(_dedupe(patterns, unique))


def _dedupe(patterns: list[Pattern], unique: bool) -> list[Pattern]:
    """Drop repeats of (label, pattern); with `unique`, of the pattern under any label."""
    rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    best: dict[str, Pattern] = {}
    order: list[str] = []
    for pattern in patterns:
        tokens = json.dumps(pattern["pattern"], sort_keys=True)
        key = tokens if unique else f"{pattern['label']}\t{tokens}"
        held = best.get(key)
        if held is None:
            best[key] = pattern
            order.append(key)
        elif rank.get(pattern["label"], len(rank)) < rank.get(held["label"], len(rank)):
            best[key] = pattern
    return [best[key] for key in order]


def _is_abbreviation(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= CASE_SENSITIVE_MAX


_TOKENIZER: dict[str, Any] = {}


def _tokenizer():
    """The English tokenizer aliases are split with: a loaded pipeline's when one was handed over
    (PatternSource.build), else a blank English one made once."""
    if "shared" not in _TOKENIZER:
        from spacy.lang.en import English

        _TOKENIZER["shared"] = English().tokenizer
    return _TOKENIZER["shared"]

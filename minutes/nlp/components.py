"""Importing this module registers every minutes_* pipeline factory and the pattern loader."""
from __future__ import annotations

from . import extensions  # noqa: F401
from . import patterns  # noqa: F401  registers minutes.patterns.v1
from . import terms, sections, datefinder, attendees, decisions, actions, tasks, conference  # noqa: F401

"""The store's schema: the current tables, and the numbered, named migrations that build them.

Migrations are applied in order, each in its own transaction, and recorded in
`schema_migrations` (version, name, applied).  A migration is frozen once released: it builds the
tables as they were at that version (its own `MetaData`), so a later change is a new migration,
never an edit of an old one.  `TABLES` below is the schema after the last migration, which
`store.py` queries; keep the two in step.

The same definitions run on SQLite and PostgreSQL (SQLAlchemy Core types only).
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Connection

MIGRATIONS_TABLE = "schema_migrations"


def _migrations_table(metadata: MetaData) -> Table:
    return Table(
        MIGRATIONS_TABLE,
        metadata,
        Column("version", Integer, primary_key=True, autoincrement=False),
        Column("name", String(100), nullable=False),
        Column("applied", String(32), nullable=False),       # UTC ISO time
    )


def _records_v1(metadata: MetaData) -> Table:
    return Table(
        "records",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("kind", String(32), nullable=False),
        Column("date", String(10), nullable=True),             # YYYY-MM-DD, for range filters
        Column("body", Text, nullable=True),
        Column("title", Text, nullable=True),
        Column("source_name", Text, nullable=True),
        Column("sha256", String(64), nullable=True, unique=True),   # NULLs are not compared
        Column("content", Text, nullable=False),               # the record as JSON text
        Column("created", String(32), nullable=False),
        Column("updated", String(32), nullable=False),
        Index("ix_records_kind_date", "kind", "date"),
        Index("ix_records_date", "date"),
    )


def _audit_v1(metadata: MetaData) -> Table:
    # no foreign key: the audit trail outlives the records it describes
    return Table(
        "audit",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("record_id", Integer, nullable=True),
        Column("who", String(200), nullable=False),
        Column("at", String(32), nullable=False),
        Column("action", String(32), nullable=False),
        Column("change", Text, nullable=True),                 # JSON
        Index("ix_audit_record", "record_id"),
    )


def _messages_v2(metadata: MetaData) -> Table:
    return Table(
        "messages",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("record_id", Integer, ForeignKey("records.id", ondelete="CASCADE"), nullable=False),
        Column("role", String(32), nullable=False),
        Column("text", Text, nullable=False),
        Column("at", String(32), nullable=False),
        Index("ix_messages_record", "record_id"),
    )


def _0001_initial(conn: Connection) -> None:
    metadata = MetaData()
    _records_v1(metadata)
    _audit_v1(metadata)
    metadata.create_all(conn)


def _0002_messages(conn: Connection) -> None:
    metadata = MetaData()
    _records_v1(metadata)           # for the foreign key only; it exists already
    _messages_v2(metadata)
    metadata.create_all(conn, tables=[metadata.tables["messages"]])


class Migration(NamedTuple):
    version: int
    name: str
    apply: Callable[[Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "0001_initial", _0001_initial),
    Migration(2, "0002_messages", _0002_messages),
)
LATEST = MIGRATIONS[-1].version
assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1)), "migrations must be numbered 1, 2, ..."

# The schema after the last migration: what store.py reads and writes.
METADATA = MetaData()
SCHEMA_MIGRATIONS = _migrations_table(METADATA)
RECORDS = _records_v1(METADATA)
AUDIT = _audit_v1(METADATA)
MESSAGES = _messages_v2(METADATA)
OUR_TABLES = frozenset(METADATA.tables)


def pending(applied: set[int]) -> list[Migration]:
    """The migrations not yet applied, in order."""
    return [m for m in MIGRATIONS if m.version not in applied]

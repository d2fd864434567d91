"""The record store: SQLAlchemy Core over an embedded SQLite file (the default) or PostgreSQL.

All SQL lives here.  Records are plain dicts shaped as docs/records.md; the store only requires a
"kind" and keeps the rest as JSON text, with a few columns copied out for listing and filtering
(kind, date, body, title, source name, content hash).

    with Store.open() as store:                 # sqlite at the user data dir, or --db / MINUTES_DB
        rid = store.save(record, sha256=doc_sha)   # DuplicateDocument if that hash is stored
        store.get(rid); store.list(kind="conference", date_from="2026-01-01")

Every change is one transaction, together with its audit row (who: the OS user; when: UTC ISO
time; what changed), so a crash or kill mid-write leaves the store as it was before that change.
Errors are `StoreError`s with one line naming the database and what to do; passwords in URLs are
never shown.
"""
from __future__ import annotations

import getpass
import json
import os
import re
from datetime import date as Date
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import DuplicateDocument, RecordNotFound, StoreError
from . import migrations as mig
from .migrations import AUDIT, MESSAGES, RECORDS, SCHEMA_MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_BUSY_TIMEOUT_MS = 15_000
PG_CONNECT_TIMEOUT_S = 5
PG_MIGRATION_LOCK = 0x6D696E75           # advisory lock key ("minu") held while migrating
STREAM_BATCH = 500
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SUMMARY = (RECORDS.c.id, RECORDS.c.kind, RECORDS.c.date, RECORDS.c.body, RECORDS.c.title,
            RECORDS.c.source_name, RECORDS.c.sha256, RECORDS.c.created, RECORDS.c.updated)
_ENVELOPE = ("id", "created", "updated")   # kept in columns, not in the JSON content


def default_path() -> Path:
    """Where the default SQLite store lives: the platform's user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("minutes")) / "minutes.db"


def now() -> str:
    """The current UTC time as ISO text, e.g. 2026-11-22T10:00:00Z."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@lru_cache(maxsize=1)
def os_user() -> str:
    """The operating-system user, for the audit trail."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers): fall back to the uid
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


class Store:
    """Records in a database.  Open with `Store.open(url)`; use as a context manager."""

    def __init__(self, engine: Engine, label: str) -> None:
        self._engine = engine
        self.label = label            # the database as shown in messages (no password)

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, url: str | os.PathLike[str] | None = None) -> "Store":
        """Open (creating and migrating as needed) the store at a SQLAlchemy URL or file path.

        None means SQLite at `default_path()`.  Raises StoreError for a file that is not a minutes
        database, a database from a newer minutes, an unreachable server, a read-only location or
        an unknown URL scheme.
        """
        engine, label = _engine_for(url)
        store = cls(engine, label)
        try:
            store._migrate()
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.label!r})"

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._engine.dialect.name

    @property
    def schema_version(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.max(SCHEMA_MIGRATIONS.c.version))).scalar() or 0)

    # ----------------------------------------------------------------- writing
    def save(self, record: dict, *, sha256: str | None = None, force: bool = False, who: str | None = None) -> int:
        """Store a new record in one transaction and return its id (also set as record["id"]).

        `sha256` is the source document's content hash: if a record with that hash exists,
        DuplicateDocument(existing_id) is raised, or with `force` that record's content is replaced
        (same id) and the replacement audited.
        """
        cols = _columns(record)
        content = _content_json(record)
        stamp = now()
        user = who or os_user()
        try:
            with self._write() as conn:
                existing = None
                if sha256 is not None:
                    existing = conn.execute(
                        select(RECORDS.c.id, RECORDS.c.content).where(RECORDS.c.sha256 == sha256)
                    ).first()
                if existing is not None and not force:
                    raise DuplicateDocument(existing.id)
                if existing is not None:
                    record_id = existing.id
                    conn.execute(RECORDS.update().where(RECORDS.c.id == record_id)
                                 .values(**cols, content=content, updated=stamp))
                    change = _diff(json.loads(existing.content), json.loads(content))
                    self._audit(conn, record_id, "replace", change, user, stamp)
                    created = conn.execute(select(RECORDS.c.created).where(RECORDS.c.id == record_id)).scalar_one()
                else:
                    record_id = conn.execute(RECORDS.insert().values(
                        **cols, sha256=sha256, content=content, created=stamp, updated=stamp)).inserted_primary_key[0]
                    created = stamp
                    self._audit(conn, record_id, "create", _summary_change(cols, sha256), user, stamp)
        except IntegrityError:
            # another writer stored the same hash between our check and our insert
            found = self.find_by_sha(sha256) if sha256 else None
            if found is not None and not force:
                raise DuplicateDocument(found) from None
            if found is not None:
                return self.save(record, sha256=sha256, force=True, who=who)
            raise StoreError(f"cannot save the record in {self.label}: the database refused it") from None
        record["id"], record["created"], record["updated"] = int(record_id), created, stamp
        return int(record_id)

    def save_many(self, records: Iterable[tuple[dict, str | None]], force: bool = False,
                  who: str | None = None) -> list[int | DuplicateDocument]:
        """Save (record, sha256) pairs, each in its own transaction; duplicates come back as errors."""
        out: list[int | DuplicateDocument] = []
        for record, sha in records:
            try:
                out.append(self.save(record, sha256=sha, force=force, who=who))
            except DuplicateDocument as exc:
                out.append(exc)
        return out

    def update(self, record_id: int, record: dict, *, reason: str = "edit", who: str | None = None) -> None:
        """Replace a record's content (the id, created time and content hash stay); audited with `reason`."""
        cols = _columns(record)
        content = _content_json(record)
        stamp = now()
        with self._write() as conn:
            old = conn.execute(select(RECORDS.c.content).where(RECORDS.c.id == record_id)).first()
            if old is None:
                raise RecordNotFound(f"no record {record_id} in {self.label}; see `minutes records list`")
            conn.execute(RECORDS.update().where(RECORDS.c.id == record_id).values(**cols, content=content, updated=stamp))
            change = _diff(json.loads(old.content), json.loads(content))
            change["reason"] = reason
            self._audit(conn, record_id, "update", change, who or os_user(), stamp)
        record["id"], record["updated"] = int(record_id), stamp

    def delete(self, record_id: int, *, who: str | None = None) -> None:
        """Delete a record and its messages.  The audit keeps that it existed (kind, hash), not its content."""
        with self._write() as conn:
            row = conn.execute(select(RECORDS.c.kind, RECORDS.c.sha256).where(RECORDS.c.id == record_id)).first()
            if row is None:
                raise RecordNotFound(f"no record {record_id} in {self.label}; see `minutes records list`")
            conn.execute(MESSAGES.delete().where(MESSAGES.c.record_id == record_id))
            conn.execute(RECORDS.delete().where(RECORDS.c.id == record_id))
            self._audit(conn, record_id, "delete", {"kind": {"old": row.kind, "new": None},
                                                   "sha256": {"old": row.sha256, "new": None}},
                        who or os_user(), now())

    def add_message(self, record_id: int, role: str, text: str) -> None:
        """Append one turn of the chat's conversation about a record."""
        with self._write() as conn:
            if conn.execute(select(RECORDS.c.id).where(RECORDS.c.id == record_id)).first() is None:
                raise RecordNotFound(f"no record {record_id} in {self.label}; see `minutes records list`")
            conn.execute(MESSAGES.insert().values(record_id=record_id, role=role, text=text, at=now()))

    # ----------------------------------------------------------------- reading
    def get(self, record_id: int) -> dict:
        """The record as a dict with its id, created and updated times; RecordNotFound if absent."""
        with self._read() as conn:
            row = conn.execute(select(RECORDS.c.id, RECORDS.c.content, RECORDS.c.created, RECORDS.c.updated)
                               .where(RECORDS.c.id == record_id)).first()
        if row is None:
            raise RecordNotFound(f"no record {record_id} in {self.label}; see `minutes records list`")
        return _record(row)

    def find_by_sha(self, sha256: str) -> int | None:
        """The id of the record made from the document with this content hash, if any."""
        with self._read() as conn:
            found = conn.execute(select(RECORDS.c.id).where(RECORDS.c.sha256 == sha256)).scalar()
        return int(found) if found is not None else None

    def list(self, kind: str | None = None, date_from: str | Date | None = None, date_to: str | Date | None = None,
             body: str | None = None, limit: int | None = None) -> list[dict]:
        """Summaries (id, kind, date, body, title, source_name, sha256, created, updated), newest date first.

        `date_from`/`date_to` are inclusive ISO dates; `body` matches part of the body, any case.
        """
        query = _filtered(select(*_SUMMARY), kind, date_from, date_to, body)
        query = query.order_by(RECORDS.c.date.desc().nulls_last(), RECORDS.c.id.desc())
        if limit is not None:
            query = query.limit(int(limit))
        with self._read() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def count(self, kind: str | None = None) -> int:
        """How many records (of a kind) are stored."""
        query = _filtered(select(func.count()).select_from(RECORDS), kind, None, None, None)
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def iter_records(self, kind: str | None = None, date_from: str | Date | None = None,
                     date_to: str | Date | None = None, *, batch: int = STREAM_BATCH) -> Iterator[dict]:
        """Full records in id order, fetched `batch` rows at a time (for reports over many records)."""
        query = _filtered(select(RECORDS.c.id, RECORDS.c.content, RECORDS.c.created, RECORDS.c.updated),
                          kind, date_from, date_to, None).order_by(RECORDS.c.id)
        with self._read() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
            for row in result:
                yield _record(row)

    def audit(self, record_id: int | None = None) -> list[dict]:
        """Audit rows (id, record_id, who, at, action, change as a dict) oldest first."""
        query = select(AUDIT).order_by(AUDIT.c.id)
        if record_id is not None:
            query = query.where(AUDIT.c.record_id == record_id)
        with self._read() as conn:
            rows = [dict(row._mapping) for row in conn.execute(query)]
        for row in rows:
            row["change"] = json.loads(row["change"]) if row["change"] else None
        return rows

    def messages(self, record_id: int) -> list[dict]:
        """The chat's conversation about a record (id, role, text, at), oldest first."""
        query = select(MESSAGES.c.id, MESSAGES.c.role, MESSAGES.c.text, MESSAGES.c.at) \
            .where(MESSAGES.c.record_id == record_id).order_by(MESSAGES.c.id)
        with self._read() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    # ----------------------------------------------------------------- internals
    def _audit(self, conn: Connection, record_id: int, action: str, change: dict, who: str, at: str) -> None:
        conn.execute(AUDIT.insert().values(record_id=record_id, who=who, at=at, action=action,
                                           change=json.dumps(change, ensure_ascii=False, default=_json_default)))

    def _write(self) -> "_Transaction":
        return _Transaction(self, write=True)

    def _read(self) -> "_Transaction":
        return _Transaction(self, write=False)

    def _migrate(self) -> None:
        """Check the database is ours and not newer than this code, then apply pending migrations."""
        with self._write() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
            tables = set(conn.dialect.get_table_names(conn))
            if mig.MIGRATIONS_TABLE not in tables:
                if tables:
                    raise StoreError(f"{self.label} is not a minutes database (it holds {len(tables)} other "
                                     "table(s)); choose a new file or an empty database with --db or MINUTES_DB")
                SCHEMA_MIGRATIONS.create(conn)
            applied = {int(v) for v in conn.execute(select(SCHEMA_MIGRATIONS.c.version)).scalars()}
            newest = max(applied, default=0)
            if newest > mig.LATEST:
                raise StoreError(f"{self.label} was written by a newer minutes (schema {newest}; this one "
                                 f"knows {mig.LATEST}); upgrade minutes")
        for migration in mig.pending(applied):
            with self._write() as conn:
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
                done = conn.execute(select(SCHEMA_MIGRATIONS.c.version)
                                    .where(SCHEMA_MIGRATIONS.c.version == migration.version)).first()
                if done is not None:      # another process applied it meanwhile
                    continue
                migration.apply(conn)
                conn.execute(SCHEMA_MIGRATIONS.insert().values(
                    version=migration.version, name=migration.name, applied=now()))


class _Transaction:
    """`with store._write() as conn:` one transaction; database errors become one-line StoreErrors."""

    def __init__(self, store: Store, write: bool) -> None:
        self.store, self.write = store, write

    def __enter__(self) -> Connection:
        try:
            self.conn = self.store._engine.connect()
            if self.write:
                self.conn.execution_options(minutes_write=True)
            self.tx = self.conn.begin()
        except SQLAlchemyError as exc:
            self._close()
            raise _translate(exc, self.store.label) from None
        return self.conn

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> bool:
        try:
            if exc_type is None:
                self.tx.commit()
            else:
                self.tx.rollback()
        except SQLAlchemyError as error:
            self._close()
            raise _translate(error, self.store.label) from None
        self._close()
        if isinstance(exc, SQLAlchemyError) and not isinstance(exc, IntegrityError):
            raise _translate(exc, self.store.label) from None
        return False

    def _close(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            try:
                conn.close()
            except SQLAlchemyError:
                pass


# --------------------------------------------------------------------- engines
def _engine_for(url: str | os.PathLike[str] | None) -> tuple[Engine, str]:
    if url is None:
        return _sqlite_engine(default_path())
    raw = os.fspath(url)
    if "://" not in raw:
        return _sqlite_engine(Path(raw).expanduser())
    try:
        parsed = make_url(raw)
    except ArgumentError:
        raise StoreError("cannot read the database URL; use a file path, sqlite:///FILE or "
                         "postgresql+psycopg://USER@HOST/DB") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            return _memory_engine(), "an in-memory database"
        return _sqlite_engine(Path(parsed.database).expanduser())
    if backend in ("postgresql", "postgres"):
        return _postgres_engine(parsed)
    raise StoreError(f"unknown database URL scheme '{parsed.drivername}'; use a file path, sqlite:///FILE or "
                     "postgresql+psycopg://USER@HOST/DB")


def _sqlite_engine(path: Path) -> tuple[Engine, str]:
    label = f"'{path}'"
    _prepare_sqlite_file(path, label)
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)),
                           connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    _sqlite_events(engine, wal=True)
    return engine, label


def _memory_engine() -> Engine:
    engine = create_engine("sqlite+pysqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    _sqlite_events(engine, wal=False)
    return engine


def _sqlite_events(engine: Engine, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None          # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA foreign_keys = ON")
            if wal:
                mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError("cannot switch the database to WAL mode")
                cur.execute("PRAGMA synchronous = FULL")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # writers take the lock at BEGIN, so two writers queue instead of failing mid-transaction
        immediate = conn.get_execution_options().get("minutes_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _prepare_sqlite_file(path: Path, label: str) -> None:
    """Create the folder (0700) and an empty file (0600) ourselves; refuse files that are not SQLite."""
    if path.is_dir():
        raise StoreError(f"{label} is a folder; give a database file path with --db or MINUTES_DB")
    try:
        _make_private_dirs(path.parent)
        if not path.exists():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                os.close(fd)
            except FileExistsError:
                pass                        # another process created it just now
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except PermissionError:
        raise StoreError(f"cannot open {label}: permission denied (read-only location?); "
                         "choose a writable place with --db or MINUTES_DB") from None
    except OSError as exc:
        raise StoreError(f"cannot open {label}: {exc.strerror or exc}; "
                         "choose a writable place with --db or MINUTES_DB") from None
    if head and head != SQLITE_HEADER:
        raise StoreError(f"{label} is not a minutes database (not SQLite or damaged); "
                         "choose another file with --db or MINUTES_DB")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError(f"cannot write to {label} (read-only location); "
                         "choose a writable place with --db or MINUTES_DB")
    if head:
        _refuse_foreign_sqlite(path, label)


def _refuse_foreign_sqlite(path: Path, label: str) -> None:
    """Look (read-only) before touching: a damaged file, or someone else's tables, is refused as is."""
    import sqlite3
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise StoreError(f"{label} is not a minutes database (not SQLite or damaged); "
                             "choose another file with --db or MINUTES_DB") from None
        return                              # e.g. locked: opening it properly will say so
    if mig.MIGRATIONS_TABLE not in names and {n for n in names if not n.startswith("sqlite_")}:
        raise StoreError(f"{label} is not a minutes database (it holds {len(names)} other table(s)); "
                         "choose a new file with --db or MINUTES_DB")


def _make_private_dirs(folder: Path) -> None:
    """Create missing folders owner-only (0700); folders that exist are left as they are."""
    missing = []
    for parent in [folder, *folder.parents]:
        if parent.exists():
            break
        missing.append(parent)
    for parent in reversed(missing):
        try:
            os.mkdir(parent, 0o700)
        except FileExistsError:
            continue
        os.chmod(parent, 0o700)


def _postgres_engine(parsed: URL) -> tuple[Engine, str]:
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    label = f"'{parsed.render_as_string(hide_password=True)}'"
    try:
        engine = create_engine(parsed, pool_pre_ping=True,
                               connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S})
    except (ImportError, ArgumentError, SQLAlchemyError) as exc:
        raise StoreError(f"cannot use {label}: {type(exc).__name__}; install psycopg 3 "
                         "(pip install 'psycopg[binary]') and use postgresql+psycopg://") from None
    return engine, label


def _translate(exc: SQLAlchemyError, label: str) -> StoreError:
    """A database error as one line naming the database and what to do."""
    orig = getattr(exc, "orig", None)
    message = (str(orig) if orig is not None else str(exc)).strip().splitlines()
    first = message[0] if message else type(exc).__name__
    low = first.lower()
    if "file is not a database" in low or "malformed" in low or "not a database" in low:
        return StoreError(f"{label} is not a minutes database (not SQLite or damaged); "
                          "choose another file with --db or MINUTES_DB")
    if "readonly" in low or "read-only" in low or "unable to open database" in low:
        return StoreError(f"cannot write to {label} (read-only location); choose a writable place "
                          "with --db or MINUTES_DB")
    if "database is locked" in low:
        return StoreError(f"{label} is busy (another minutes is writing); try again")
    if isinstance(exc, DBAPIError) and exc.connection_invalidated or "connect" in low or "timeout" in low:
        return StoreError(f"cannot reach the database {label}: {first}; check the server is running, "
                          "the URL and your access")
    return StoreError(f"database error in {label}: {first}")


# --------------------------------------------------------------------- records <-> rows
def _columns(record: dict) -> dict[str, Any]:
    """The columns copied out of a record for listing and filtering."""
    if not isinstance(record, dict) or not isinstance(record.get("kind"), str) or not record["kind"]:
        raise StoreError("cannot save a record without a 'kind' (conference or committee)")
    meeting = record.get("meeting") if isinstance(record.get("meeting"), dict) else {}
    day = record.get("conference_date") or record.get("meeting_date") or record.get("date") or meeting.get("date")
    title = record.get("title") or meeting.get("title")
    if not title and record["kind"] == "conference":
        kind = str(record.get("conference_type") or "").replace("-", " ")
        family = record.get("family_name")
        title = f"{kind} conference".strip().capitalize() + (f": {family}" if family else "")
    source = record.get("source") if isinstance(record.get("source"), dict) else {}
    return {
        "kind": record["kind"][:32],
        "date": _iso_date(day),
        "body": record.get("body") or meeting.get("body"),
        "title": title or None,
        "source_name": source.get("name"),
    }


def _iso_date(value: Any) -> str | None:
    if isinstance(value, (Date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value[:10]
    return None


def _json_default(value: Any) -> Any:
    if isinstance(value, (Date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(type(value).__name__)


def _content_json(record: dict) -> str:
    body = {k: v for k, v in record.items() if k not in _ENVELOPE}
    try:
        return json.dumps(body, ensure_ascii=False, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"cannot save the record: a value of type {exc} is not JSON; use plain "
                         "strings, numbers, lists and dicts (records.to_dict())") from None


def _record(row: Any) -> dict:
    record = json.loads(row.content)
    record["id"], record["created"], record["updated"] = int(row.id), row.created, row.updated
    return record


def _summary_change(cols: dict[str, Any], sha256: str | None) -> dict:
    return {"kind": {"old": None, "new": cols["kind"]}, "sha256": {"old": None, "new": sha256}}


def _diff(old: dict, new: dict) -> dict:
    """Changed top-level fields as {field: {"old": ..., "new": ...}}."""
    return {key: {"old": old.get(key), "new": new.get(key)}
            for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)}


def _check_date(value: str | Date | None, name: str) -> str | None:
    if value is None:
        return None
    iso = _iso_date(value)
    if iso is None:
        raise StoreError(f"{name} '{value}' is not a date; use YYYY-MM-DD")
    try:
        Date.fromisoformat(iso)
    except ValueError:
        raise StoreError(f"{name} '{value}' is not a date; use YYYY-MM-DD") from None
    return iso


def _filtered(query: Any, kind: str | None, date_from: str | Date | None, date_to: str | Date | None,
              body: str | None) -> Any:
    if kind is not None:
        query = query.where(RECORDS.c.kind == kind)
    start, end = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    if start is not None:
        query = query.where(RECORDS.c.date >= start)
    if end is not None:
        query = query.where(RECORDS.c.date <= end)
    if body:
        query = query.where(func.lower(RECORDS.c.body).contains(body.lower(), autoescape=True))
    return query

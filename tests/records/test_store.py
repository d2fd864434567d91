"""The record store on SQLite (a temporary file) and on PostgreSQL (MINUTES_TEST_PG_URL; CI sets it)."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from minutes.errors import DuplicateDocument, RecordNotFound, StoreError
from minutes.records import migrations
from minutes.records.store import Store

PG_URL = os.environ.get("MINUTES_TEST_PG_URL")


def _reset_postgres(url: str) -> None:
    """Drop every table in the test database, so each test starts from nothing."""
    engine = create_engine(url)
    with engine.begin() as conn:
        for name in inspect(conn).get_table_names():
            conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path) -> str:
    """A fresh, empty database: a file path for SQLite, the test database for PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "minutes.db")
    if not PG_URL:
        pytest.skip("MINUTES_TEST_PG_URL is not set (CI's .ci/run starts PostgreSQL and sets it)")
    _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def store(url):
    with Store.open(url) as opened:
        yield opened


def conference(day: str = "2026-03-12", family: str = "Smith", **extra) -> dict:
    record = {"kind": "conference", "schema": 1, "conference_type": "initial", "conference_date": day,
              "family_name": family, "source": {"name": f"{family.lower()}.txt", "format": "text"},
              "children": [{"name": "Tyler Smith", "category": "Neglect"}], "notes": []}
    record.update(extra)
    return record


def committee(day: str = "2026-01-14", body: str = "Children and Young People Scrutiny Committee") -> dict:
    return {"kind": "committee", "body": body, "title": "Scrutiny", "meeting_date": day, "items": []}


def test_store_save_assigns_id_and_get_returns_the_record(store):
    record = conference()
    rid = store.save(record, sha256="a" * 64)
    assert record["id"] == rid
    got = store.get(rid)
    assert got["id"] == rid and got["created"] and got["updated"].endswith("Z")
    assert {k: v for k, v in got.items() if k not in ("id", "created", "updated")} == conference()
    assert store.find_by_sha("a" * 64) == rid and store.find_by_sha("b" * 64) is None


def test_store_duplicate_hash_is_refused_then_replaced_with_force(store):
    rid = store.save(conference(), sha256="f" * 64)
    with pytest.raises(DuplicateDocument) as caught:
        store.save(conference(family="Jones"), sha256="f" * 64)
    assert caught.value.existing_id == rid and "record" in str(caught.value)
    assert store.get(rid)["family_name"] == "Smith"
    assert store.save(conference(family="Jones"), sha256="f" * 64, force=True) == rid
    assert store.get(rid)["family_name"] == "Jones" and store.count() == 1
    last = store.audit(rid)[-1]
    assert last["action"] == "replace" and last["change"]["family_name"] == {"old": "Smith", "new": "Jones"}


def test_store_save_many_keeps_going_past_duplicates(store):
    store.save(conference(), sha256="1" * 64)
    out = store.save_many([(conference("2026-01-01"), "2" * 64), (conference(), "1" * 64), (committee(), None)])
    assert isinstance(out[0], int) and isinstance(out[2], int)
    assert isinstance(out[1], DuplicateDocument) and out[1].existing_id == store.find_by_sha("1" * 64)
    assert store.count() == 3


def test_store_update_audits_changed_fields_with_who_and_reason(store):
    rid = store.save(conference(), who="chair1")
    changed = store.get(rid)
    changed["review_date"] = "2026-06-11"
    changed["family_name"] = "Smyth"
    store.update(rid, changed, reason="typo", who="chair2")
    assert store.get(rid)["family_name"] == "Smyth"
    create, update = store.audit(rid)
    assert create["action"] == "create" and create["who"] == "chair1"
    assert update["who"] == "chair2" and update["at"].endswith("Z") and update["action"] == "update"
    assert update["change"] == {"family_name": {"old": "Smith", "new": "Smyth"},
                                "review_date": {"old": None, "new": "2026-06-11"}, "reason": "typo"}


def test_store_audit_names_the_os_user_by_default(store):
    rid = store.save(conference())
    import getpass

    assert store.audit(rid)[0]["who"] == getpass.getuser()


def test_store_delete_removes_record_and_messages_but_keeps_audit(store):
    rid = store.save(conference())
    store.add_message(rid, "user", "When is the review?")
    store.delete(rid)
    with pytest.raises(RecordNotFound, match=f"no record {rid}"):
        store.get(rid)
    assert store.messages(rid) == [] and store.count() == 0
    actions = [row["action"] for row in store.audit(rid)]
    assert actions == ["create", "delete"]
    assert "Smith" not in json.dumps(store.audit(rid))          # deletion leaves no content behind
    with pytest.raises(RecordNotFound):
        store.delete(rid)
    with pytest.raises(RecordNotFound):
        store.update(rid, conference())


def test_store_list_filters_by_kind_date_body_and_limit(store):
    a = store.save(conference("2026-03-12"))
    b = store.save(conference("2025-11-02", family="Khan"))
    c = store.save(committee("2026-01-14"))
    d = store.save(committee("2026-02-01", body="Corporate Parenting Panel"))
    assert [r["id"] for r in store.list()] == [a, d, c, b]                 # newest date first
    assert [r["id"] for r in store.list(kind="conference")] == [a, b]
    assert [r["id"] for r in store.list(date_from="2026-01-14", date_to="2026-02-01")] == [d, c]
    assert [r["id"] for r in store.list(body="scrutiny")] == [c]
    assert [r["id"] for r in store.list(body="100%_")] == []                # LIKE wildcards are literal
    assert len(store.list(limit=2)) == 2
    summary = store.list(kind="conference")[0]
    assert set(summary) == {"id", "kind", "date", "body", "title", "source_name", "sha256", "created", "updated"}
    assert summary["title"] == "Initial conference: Smith" and summary["source_name"] == "smith.txt"


def test_store_list_refuses_a_bad_date(store):
    with pytest.raises(StoreError, match="'2026-13-01' is not a date"):
        store.list(date_from="2026-13-01")


def test_store_iter_records_streams_everything_in_id_order(store):
    ids = store.save_many((conference(f"2026-01-{1 + i % 28:02d}", family=f"F{i}"), None) for i in range(61))
    store.save(committee())
    seen = [r["id"] for r in store.iter_records(kind="conference", batch=7)]
    assert seen == ids
    assert sum(1 for _ in store.iter_records(date_from="2026-01-28", batch=2)) == len(range(27, 61, 28))


def test_store_messages_keep_the_conversation_in_order(store):
    rid = store.save(conference())
    store.add_message(rid, "user", "Who chaired?")
    store.add_message(rid, "assistant", "Margaret Osei")
    assert [(m["role"], m["text"]) for m in store.messages(rid)] == [("user", "Who chaired?"),
                                                                    ("assistant", "Margaret Osei")]
    with pytest.raises(RecordNotFound):
        store.add_message(rid + 1000, "user", "x")


def test_store_refuses_a_record_without_kind(store):
    with pytest.raises(StoreError, match="without a 'kind'"):
        store.save({"conference_date": "2026-01-01"})
    assert store.count() == 0


def test_store_migrations_are_recorded_and_applied_once(url):
    with Store.open(url) as first:
        assert first.schema_version == migrations.LATEST
        rid = first.save(conference())
    with Store.open(url) as again:
        assert again.get(rid)["family_name"] == "Smith"
        engine = again._engine
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version, name FROM schema_migrations ORDER BY version")).all()
    assert [tuple(r) for r in rows] == [(m.version, m.name) for m in migrations.MIGRATIONS]
    assert rows[0][1] == "0001_initial"


def test_store_refuses_a_newer_schema_and_touches_nothing(url):
    with Store.open(url) as store:
        store.save(conference())
        with store._engine.begin() as conn:
            conn.execute(text("INSERT INTO schema_migrations (version, name, applied) "
                              "VALUES (99, '0099_future', '2030-01-01T00:00:00Z')"))
    with pytest.raises(StoreError, match=r"newer minutes \(schema 99.*upgrade minutes"):
        Store.open(url)
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM records")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM schema_migrations")).scalar() == migrations.LATEST + 1
    engine.dispose()


def test_store_refuses_a_foreign_database_without_adding_tables(url):
    if "://" not in url:
        Path(url).parent.mkdir(parents=True)
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)"))
    with pytest.raises(StoreError, match="is not a minutes database"):
        Store.open(url)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["invoices"]
        if engine.dialect.name == "sqlite":                   # not even switched to WAL
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    engine.dispose()


def test_store_opens_the_database_named_by_minutes_db(tmp_path):
    from minutes.config import load_settings

    path = tmp_path / "team.db"
    settings = load_settings(environ={"MINUTES_DB": str(path)})
    with Store.open(settings.db) as store:
        store.save(committee())
    with Store.open(settings.db) as again:
        assert path.is_file() and again.count() == 1


# ------------------------------------------------------------------ SQLite files
def test_store_sqlite_file_and_folder_are_private(tmp_path):
    path = tmp_path / "new" / "deeper" / "minutes.db"
    os.chmod(tmp_path, 0o755)
    Store.open(str(path)).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755             # a folder we did not create


def test_store_sqlite_uses_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "minutes.db"
    with Store.open(path) as store:
        with store._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_store_sqlite_url_and_default_path(tmp_path, monkeypatch):
    with Store.open(f"sqlite:///{tmp_path / 'by-url.db'}") as store:
        store.save(conference())
    assert (tmp_path / "by-url.db").is_file()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Store.open() as store:
        assert store.count() == 0
    assert (tmp_path / "data" / "minutes" / "minutes.db").is_file()


@pytest.mark.parametrize("content", [b"Minutes of the meeting held on 3 March\n" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_store_refuses_a_file_that_is_not_a_minutes_database(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"is not a minutes database \(not SQLite or damaged\)"):
        Store.open(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.db-wal").exists() or (tmp_path / "notes.db-wal").stat().st_size == 0


def test_store_refuses_a_folder_as_database(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_store_refuses_a_location_it_cannot_write():
    with pytest.raises(StoreError, match=r"cannot open '/sys/minutes\.db'.*--db or MINUTES_DB"):
        Store.open("/sys/minutes.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_store_refuses_a_read_only_database(tmp_path):
    path = tmp_path / "minutes.db"
    with Store.open(path) as store:
        store.save(conference())
    os.chmod(path, 0o400)
    with pytest.raises(StoreError, match="read-only"):
        Store.open(path)


def test_store_refuses_unknown_schemes_and_hides_passwords():
    with pytest.raises(StoreError, match="unknown database URL scheme 'mysql'"):
        Store.open("mysql://user:pw@localhost/minutes")
    with pytest.raises(StoreError, match="cannot reach the database") as caught:
        Store.open("postgresql://chair:s3cret@127.0.0.1:9/minutes")
    assert "s3cret" not in str(caught.value) and "\n" not in str(caught.value)


def test_store_two_writers_on_one_file_both_succeed(tmp_path):
    path = tmp_path / "minutes.db"
    with Store.open(path) as one, Store.open(path) as two:
        for i in range(20):
            one.save(conference(family=f"A{i}"))
            two.save(committee())
        assert one.count() == two.count() == 40
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_store_in_memory_sqlite_for_throwaway_use():
    with Store.open("sqlite://") as store:
        rid = store.save(committee())
        assert store.get(rid)["kind"] == "committee" and store.schema_version == migrations.LATEST

"""A tampered store fails verification, naming the place; an untampered one passes (Art. 23).

The register takes real RiskReported events in, on a real SQLite file and a real PostgreSQL
database, with the chained recorder (shared/store.py). Then someone with database access
tampers with it, straight in SQL, in each of the four ways the issue names. A head witnessed
before the tampering stands for the checkpoint other nodes hold.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

import pytest

from services.register.app import RegisterApplication
from shared.audit.chain import GENESIS, chained, link_hash
from shared.audit.verify import Witness, verify
from shared.clock import ManualClock
from shared.envelope import to_record
from shared.inbox import Delivery, Inbox, Outcome
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.store import with_chain
from tests.support.events import risk_reported
from tests.support.stores import OnPostgres, OnSQLite, postgres_connection

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

Row = tuple[int, str, int, str, bytes]  # position, originator id (as stored), version, topic, state


class Store:
    """Raw SQL access to a store's events and chain, as a tamperer would have it."""

    def rows(self) -> list[Row]:
        raise NotImplementedError

    def set_row(self, position: int, row: Row) -> None:
        raise NotImplementedError

    def delete(self, position: int) -> None:
        raise NotImplementedError

    def rewrite_chain(self, links: list[tuple[int, str, int, str]]) -> None:
        raise NotImplementedError


class SQLiteStore(Store):
    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)

    def rows(self) -> list[Row]:
        return self.db.execute("SELECT rowid, * FROM stored_events ORDER BY rowid").fetchall()

    def set_row(self, position: int, row: Row) -> None:
        self.db.execute(
            "UPDATE stored_events SET originator_id=?, originator_version=?, topic=?, state=? "
            "WHERE rowid=?",
            (*row[1:], position),
        )

    def delete(self, position: int) -> None:
        self.db.execute("DELETE FROM stored_events WHERE rowid=?", (position,))

    def rewrite_chain(self, links: list[tuple[int, str, int, str]]) -> None:
        self.db.execute("DELETE FROM stored_chain")
        self.db.executemany("INSERT INTO stored_chain VALUES (?,?,?,?)", links)


class PostgresStore(Store):
    def __init__(self, env: dict[str, str], table: str) -> None:
        self.db = postgres_connection(env)
        self.events, self.chain = f"{table}_events", f"{table}_chain"

    def rows(self) -> list[Row]:
        found = self.db.execute(
            f"SELECT notification_id, originator_id, originator_version, topic, state "  # noqa: S608
            f"FROM {self.events} ORDER BY notification_id"
        ).fetchall()
        return [(r[0], str(r[1]), r[2], r[3], bytes(r[4])) for r in found]

    def set_row(self, position: int, row: Row) -> None:
        self.db.execute(
            f"UPDATE {self.events} SET originator_id=%s, originator_version=%s, "  # noqa: S608
            "topic=%s, state=%s WHERE notification_id=%s",
            (*row[1:], position),
        )

    def delete(self, position: int) -> None:
        self.db.execute(
            f"DELETE FROM {self.events} WHERE notification_id=%s",  # noqa: S608
            (position,),
        )

    def rewrite_chain(self, links: list[tuple[int, str, int, str]]) -> None:
        self.db.execute(f"DELETE FROM {self.chain}")  # noqa: S608
        with self.db.cursor() as cur:
            cur.executemany(f"INSERT INTO {self.chain} VALUES (%s,%s,%s,%s)", links)  # noqa: S608


def edited(state: bytes) -> bytes:
    """One byte of the payload changed (e.g. a digit of a date or an amount)."""
    middle = len(state) // 2
    return state[:middle] + bytes([state[middle] ^ 0x01]) + state[middle + 1 :]


def uuid_text(stored: str) -> str:
    """SQLite keeps UUIDs as 32 hex digits; the chain names them in the usual form."""
    from uuid import UUID

    return str(UUID(stored))


class TamperStory:
    """The same story on each store; subclasses provide the env and raw access."""

    @pytest.fixture
    def env(self, tmp_path: Path) -> dict[str, str]:
        raise NotImplementedError

    @pytest.fixture
    def raw(self, env: dict[str, str], app: RegisterApplication) -> Store:
        raise NotImplementedError

    @pytest.fixture
    def app(self, env: dict[str, str]) -> Iterator[RegisterApplication]:
        org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        app = RegisterApplication(with_chain(env), clock=ManualClock(), org=org)
        inbox = Inbox(app)
        for offset in range(4):  # each report stores a case and a receipt
            record = to_record(risk_reported())
            topic = "lianfang.intake.events"
            delivery = Delivery(topic, 0, offset, record.key, record.value, tuple(record.headers))
            assert inbox.take(delivery).outcome is Outcome.PROCESSED
        yield app
        app.close()

    @pytest.fixture
    def witness(self, app: RegisterApplication) -> Witness:
        """The head as a checkpoint published it, before anyone tampered."""
        head = chained(app.recorder).chain_head()
        assert head is not None
        return Witness("register", "district", head.position, head.hash, "cp-1")

    def verify(self, app: RegisterApplication, *witnesses: Witness) -> Any:
        return verify("register", chained(app.recorder), witnesses)

    def test_an_untampered_store_passes(self, app: RegisterApplication, witness: Witness) -> None:
        verdict = self.verify(app, witness)
        assert verdict.ok, verdict.broken
        assert verdict.events == app.recorder.max_notification_id() >= 8
        assert verdict.witnesses_checked == 1
        assert verdict.head == witness.hash

    def test_an_edited_payload_is_named(self, app: RegisterApplication, raw: Store) -> None:
        position, *rest = raw.rows()[4]
        raw.set_row(position, (position, rest[0], rest[1], rest[2], edited(rest[3])))
        broken = self.verify(app).broken
        assert broken is not None
        assert (broken.service, broken.position) == ("register", position)
        assert broken.event_id == f"{uuid_text(rest[0])}@{rest[1]}"
        assert "edited" in broken.reason

    def test_a_deleted_event_is_named(self, app: RegisterApplication, raw: Store) -> None:
        position, originator_id, version, *_ = raw.rows()[2]
        raw.delete(position)
        broken = self.verify(app).broken
        assert broken is not None
        assert broken.position == position
        assert broken.event_id == f"{uuid_text(originator_id)}@{version}"
        assert "deleted" in broken.reason

    def test_a_reordered_pair_is_named(self, app: RegisterApplication, raw: Store) -> None:
        rows = raw.rows()
        first, second = rows[3], rows[4]
        assert (first[1], first[2]) != (second[1], second[2])
        raw.set_row(first[0], (first[0], first[1], -1, first[3], first[4]))  # free the key
        raw.set_row(second[0], (second[0], *first[1:]))
        raw.set_row(first[0], (first[0], *second[1:]))
        broken = self.verify(app).broken
        assert broken is not None
        assert broken.position == first[0]
        assert broken.event_id == f"{uuid_text(second[1])}@{second[2]}"
        assert "reordered" in broken.reason

    def test_a_recomputed_chain_is_caught_only_by_the_witness(
        self, app: RegisterApplication, raw: Store, witness: Witness
    ) -> None:
        rows = raw.rows()
        position, *rest = rows[1]
        raw.set_row(position, (position, rest[0], rest[1], rest[2], edited(rest[3])))
        previous, links = GENESIS, []
        for row in raw.rows():  # the attacker knows the algorithm and re-hashes everything
            previous = link_hash(previous, row[0], uuid_text(row[1]), row[2], row[3], row[4])
            links.append((row[0], uuid_text(row[1]), row[2], previous))
        raw.rewrite_chain(links)

        assert self.verify(app).ok  # the chain alone is consistent again...
        broken = self.verify(app, witness).broken  # ...but not with what others witnessed
        assert broken is not None
        assert broken.position == witness.position
        assert "witnessed" in broken.reason
        assert "rewritten" in broken.reason

    def test_a_deletion_re_hashed_is_caught_by_a_witness_of_the_deleted_position(
        self, app: RegisterApplication, raw: Store
    ) -> None:
        position = raw.rows()[3][0]
        [link] = chained(app.recorder).select_links(position - 1, 1)
        witness = Witness("register", "district", position, link.hash, "cp-2")
        raw.delete(position)
        rows = raw.rows()
        raw.rewrite_chain(
            [(r[0], uuid_text(r[1]), r[2], h) for r, h in zip(rows, _hashes(raw), strict=True)]
        )
        assert self.verify(app).ok
        broken = self.verify(app, witness).broken
        assert broken is not None
        assert broken.position == position
        assert "gone" in broken.reason

    def test_a_truncated_history_is_caught_by_the_witness(
        self, app: RegisterApplication, raw: Store, witness: Witness
    ) -> None:
        last = raw.rows()[-1]
        raw.delete(last[0])
        raw.rewrite_chain(
            [
                (r[0], uuid_text(r[1]), r[2], h)
                for r, h in zip(raw.rows(), _hashes(raw), strict=True)
            ]
        )
        assert self.verify(app).ok
        broken = self.verify(app, witness).broken
        assert broken is not None
        assert broken.position == witness.position
        assert "truncated" in broken.reason


def _hashes(raw: Store) -> list[str]:
    previous, found = GENESIS, []
    for row in raw.rows():
        previous = link_hash(previous, row[0], uuid_text(row[1]), row[2], row[3], row[4])
        found.append(previous)
    return found


class TestTamperSQLite(OnSQLite, TamperStory):
    @pytest.fixture
    def raw(self, env: dict[str, str], app: RegisterApplication) -> Store:
        return SQLiteStore(env["SQLITE_DBNAME"])


@pytest.mark.postgres
class TestTamperPostgres(OnPostgres, TamperStory):
    @pytest.fixture
    def raw(self, env: dict[str, str], app: RegisterApplication) -> Store:
        return PostgresStore(env, app.name.lower())


class OlderStoreStory:
    """A store written before the chain existed is chained once, when first opened with it."""

    @pytest.fixture
    def env(self, tmp_path: Path) -> dict[str, str]:
        raise NotImplementedError

    def open(self, env: dict[str, str]) -> RegisterApplication:
        return RegisterApplication(
            env, clock=ManualClock(), org=OrgDirectory.from_json(DEFAULT_ORG_SEED)
        )

    def test_older_events_are_chained_once_and_never_refilled(self, env: dict[str, str]) -> None:
        plain = self.open(env)  # no chain: the recorder eventsourcing picks by default
        record = to_record(risk_reported())
        topic = "lianfang.intake.events"
        delivery = Delivery(topic, 0, 0, record.key, record.value, tuple(record.headers))
        assert Inbox(plain).take(delivery).outcome is Outcome.PROCESSED
        stored = plain.recorder.max_notification_id()
        plain.close()

        app = self.open(with_chain(env))
        verdict = verify("register", chained(app.recorder))
        assert verdict.ok
        assert verdict.events == stored
        app.close()


class TestOlderSQLiteStore(OlderStoreStory):
    @pytest.fixture
    def env(self, tmp_path: Path) -> dict[str, str]:
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(tmp_path / "o.db"),
        }

    def test_deleted_links_are_not_refilled_on_reopening(self, env: dict[str, str]) -> None:
        app = self.open(with_chain(env))
        record = to_record(risk_reported())
        delivery = Delivery("t", 0, 0, record.key, record.value, tuple(record.headers))
        assert Inbox(app).take(delivery).outcome is Outcome.PROCESSED
        app.close()
        SQLiteStore(env["SQLITE_DBNAME"]).db.execute("DELETE FROM stored_chain")

        reopened = self.open(with_chain(env))
        broken = verify("register", chained(reopened.recorder)).broken
        assert broken is not None
        assert broken.position == 1
        assert "no chain link" in broken.reason
        reopened.close()


@pytest.mark.postgres
class TestOlderPostgresStore(OlderStoreStory):
    @pytest.fixture
    def env(self, postgres_database: dict[str, str]) -> dict[str, str]:
        return {"PERSISTENCE_MODULE": "eventsourcing.postgres", **postgres_database}

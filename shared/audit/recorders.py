"""Process recorders that write a chain link with every stored event, in the same transaction.

Why a recorder subclass rather than a chainer following the notification log: a follower is a
second writer that can lag, crash between the event and its link, or be switched off, and a
window where events sit unchained is a window where they can be edited unseen. Here the link
goes in with the events or not at all ("no dual writes", architecture: Consistency).

Each store serialises writers while the link is computed, so two transactions cannot both
extend the same head: SQLite holds its write lock from the first insert of a transaction;
PostgreSQL's recorder takes an EXCLUSIVE lock on the events table before inserting; the
in-memory store holds its database lock. The chain table sits beside the events table:
`stored_chain` in SQLite, `<application>_chain` in PostgreSQL. Selected by
`shared/store.py` through eventsourcing's PROCESS_RECORDER_TOPIC.

SQLite's recorder joins concurrent writes of one process in one transaction (group commit,
shared/group_commit.py, issue #18): each write in its own savepoint, so the chain's links follow
each other exactly as if the writes had been committed one after another, in the group's order.
A consuming worker's thread may instead open a batch (shared/batch_transaction.py): its records'
writes then go into the batch's one transaction, in order, each in its savepoint, outside the
group commit (whose other callers must not wait for, or commit with, a batch still open).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import IntegrityError, OperationalError
from eventsourcing.popo import POPOFactory, POPOProcessRecorder
from eventsourcing.sqlite import SQLiteDatastore, SQLiteProcessRecorder

from shared.audit.chain import GENESIS, Link, next_links
from shared.batch_transaction import BatchTransaction
from shared.group_commit import GroupCommit, QueuedWrite
from shared.relay_wake import WakeSender, wake_address

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from eventsourcing.persistence import ProcessRecorder, StoredEvent
    from eventsourcing.sqlite import SQLiteCursor


def chain_table_name(events_table_name: str) -> str:
    """`stored_events` -> `stored_chain`; `intakeapplication_events` -> `..._chain`."""
    return events_table_name.removesuffix("_events") + "_chain"


class ChainedSQLiteProcessRecorder(SQLiteProcessRecorder):
    """SQLite: events, tracking and chain links in one transaction."""

    def __init__(self, datastore: SQLiteDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        self.chain_table_name = chain = chain_table_name(events_table_name)
        # Table names are ours, never input: the statements are built once, here.
        self._create_chain = (
            f"CREATE TABLE {chain} (position INTEGER PRIMARY KEY, originator_id TEXT NOT NULL, "
            "originator_version INTEGER NOT NULL, hash TEXT NOT NULL)"
        )
        self._all_events = f"SELECT rowid, * FROM {events_table_name} ORDER BY rowid"  # noqa: S608
        self._head = f"SELECT * FROM {chain} ORDER BY position DESC LIMIT 1"  # noqa: S608
        self._insert_links = f"INSERT INTO {chain} VALUES (?,?,?,?)"  # noqa: S608
        self._links_after = f"SELECT * FROM {chain} WHERE position>? ORDER BY position LIMIT ?"  # noqa: S608
        self.group_commit = GroupCommit(self._commit_group)
        self.batches = BatchTransaction(datastore)
        # The relay of this store is told of each commit of events (shared/relay_wake.py).
        self.wake_address = wake_address(datastore.pool.db_name)
        self._wake = WakeSender(self.wake_address)

    def create_table(self) -> None:
        super().create_table()
        # The chain table is created once, with links for any events already stored (a store
        # older than the chain). A chain table that exists is never refilled: links deleted
        # later must show as events without links, not be quietly recomputed.
        try:
            with self.datastore.transaction(commit=True) as c:
                c.execute(self._create_chain)  # takes the write lock: one process wins
                c.execute(self._all_events)
                rows = c.fetchall()
                events = [
                    StoredRow(self.convert_originator_id(r["originator_id"]), r) for r in rows
                ]
                self._write(c, next_links(GENESIS, [r["rowid"] for r in rows], events))
        except OperationalError as exc:
            if "already exists" not in str(exc):
                raise

    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """Insert with the process's other concurrent writes, in one transaction (group commit);
        or, on a thread with a batch open, in the batch's transaction."""
        if self.batches.active:
            mine = QueuedWrite(stored_events, kwargs)
            self._write_group([mine])  # the batch's commit wakes the relay (`batch`)
            return mine.outcome()
        return self.group_commit.write(stored_events, **kwargs)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for this thread's reads and writes until the block ends
        (shared/batch_transaction.py); the relay is woken once it has committed."""
        try:
            with self.batches.batch():
                yield
        finally:
            self._wake.wake()  # at worst a wake with nothing new: the relay finds nothing

    def _commit_group(self, group: list[QueuedWrite]) -> None:
        self._write_group(group)
        if any(write.stored_events and write.error is None for write in group):
            self._wake.wake()

    def _write_group(self, group: list[QueuedWrite]) -> None:
        with self.datastore.transaction(commit=True) as c:
            for write in group:
                # A savepoint per write: a conflict (the same aggregate version saved by a
                # concurrent request, a tracking position taken) undoes that write only.
                c.execute("SAVEPOINT queued_write")
                try:
                    write.result = self._insert_events(c, write.stored_events, **write.kwargs)
                except sqlite3.IntegrityError as exc:
                    c.execute("ROLLBACK TO queued_write")
                    write.error = IntegrityError(exc)
                c.execute("RELEASE queued_write")

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._insert_events(c, stored_events, **kwargs)
        if stored_events:
            # The inserts above took the write lock: nobody else can extend the head now.
            assert positions is not None
            c.execute(self._head)
            row = c.fetchone()
            previous = row["hash"] if row else GENESIS
            self._write(c, next_links(previous, positions, stored_events))
        return positions

    def _write(self, c: SQLiteCursor, links: list[Link]) -> None:
        c.executemany(
            self._insert_links,
            [(k.position, k.originator_id, k.originator_version, k.hash) for k in links],
        )

    def select_links(self, after: int, limit: int) -> list[Link]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(self._links_after, (after, limit))
            return [link_from_row(r) for r in c.fetchall()]

    def chain_head(self) -> Link | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(self._head)
            row = c.fetchone()
            return link_from_row(row) if row else None


class ChainedPOPOProcessRecorder(POPOProcessRecorder):
    """In memory (tests, `store=memory`): the links in a list, under the database lock."""

    def __init__(self) -> None:
        super().__init__()
        self._links: list[Link] = []

    def _update_table(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._update_table(stored_events, **kwargs)
        if stored_events:
            assert positions is not None
            previous = self._links[-1].hash if self._links else GENESIS
            self._links.extend(next_links(previous, positions, stored_events))
        return positions

    def select_links(self, after: int, limit: int) -> list[Link]:
        with self._database_lock:
            return [k for k in self._links if k.position > after][:limit]

    def chain_head(self) -> Link | None:
        with self._database_lock:
            return self._links[-1] if self._links else None


class ChainedPOPOFactory(POPOFactory):
    """The in-memory store with the chained process recorder (POPO reads no recorder topic)."""

    def process_recorder(self) -> ProcessRecorder:
        return ChainedPOPOProcessRecorder()


class StoredRow:
    """A stored event read back as a raw row (for chaining an older store)."""

    def __init__(self, originator_id: Any, row: Any) -> None:
        self.originator_id = originator_id
        self.originator_version: int = row["originator_version"]
        self.topic: str = row["topic"]
        self.state: bytes = bytes(row["state"])


def link_from_row(row: Any) -> Link:
    return Link(row["position"], row["originator_id"], row["originator_version"], row["hash"])


MEMORY_FACTORY_TOPIC = f"{__name__}:{ChainedPOPOFactory.__qualname__}"
"""PERSISTENCE_MODULE of the chained in-memory store."""
RECORDER_TOPICS = {
    "eventsourcing.sqlite": f"{__name__}:{ChainedSQLiteProcessRecorder.__qualname__}",
    # Its own module: only a process on PostgreSQL imports psycopg (7 MiB of every service's
    # memory otherwise).
    "eventsourcing.postgres": "shared.audit.postgres_recorder:ChainedPostgresProcessRecorder",
}
"""PERSISTENCE_MODULE -> the chained process recorder's topic (for PROCESS_RECORDER_TOPIC)."""

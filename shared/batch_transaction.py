"""Many records' writes in one SQLite transaction, on the consuming thread (issue #18).

A consuming service took each Kafka record in with a transaction of its own: one commit, one
fsync of the write-ahead log per record, half of a record's time in the profile. A batch opens
one transaction (`BEGIN IMMEDIATE`: the write lock first, so its reads and writes see one state
of the store) and, while it is open, every read and write the same thread makes through the
store's datastore runs inside it, each in a savepoint. So a record's handler sees what the
batch's earlier records recorded, exactly as if they had been committed one after another, and
the batch commits once.

Only the thread that opened the batch is in it: the relay, the ticks and the API's requests in
the same process read and write through the pool as before and see the batch once it commits
(they wait on SQLite's write lock meanwhile, as they wait on any writer).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError, OperationalError, PersistenceError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager

    from eventsourcing.sqlite import SQLiteConnection, SQLiteCursor, SQLiteDatastore


class BatchTransaction:
    """Puts the datastore's transactions of one thread into that thread's open batch.

    Made once per datastore (by its process recorder, shared/audit/recorders.py); it takes over
    `datastore.transaction`, which every eventsourcing recorder of the store (events, tracking,
    snapshots) and ours call for each read and write.
    """

    def __init__(self, datastore: SQLiteDatastore) -> None:
        self._datastore = datastore
        self._local = threading.local()
        self._outside: Callable[..., AbstractContextManager[SQLiteCursor]] = datastore.transaction
        # The datastore is eventsourcing's and made by its factory, not by us: replacing its
        # method on this one instance is the narrowest way in.
        datastore.transaction = self._transaction  # type: ignore[method-assign]

    @property
    def active(self) -> bool:
        """Whether the calling thread has a batch open."""
        return self._connection() is not None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for whatever this thread reads and writes until the block ends.

        Leaving the block commits. An exception commits what was recorded before it (each
        record's writes are in a savepoint of their own, `record`, so a failed record left
        nothing) and is raised again: the same state as if each record had been committed
        alone. Only if that commit fails is the whole batch rolled back.
        """
        if self.active:
            raise RuntimeError("a batch is already open on this thread")
        with self._datastore.get_connection(commit=True) as connection:
            cursor = connection.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _translated(exc) from exc
            self._local.connection = connection
            try:
                yield
            finally:
                self._local.connection = None
                try:
                    connection.commit()
                except sqlite3.Error as exc:
                    connection.rollback()
                    raise _translated(exc) from exc

    @contextmanager
    def record(self) -> Iterator[None]:
        """A savepoint of the open batch: an exception undoes what the block wrote, only that."""
        connection = self._connection()
        if connection is None:
            yield
            return
        with self._savepoint(connection, "batched_record"):
            yield

    def _connection(self) -> SQLiteConnection | None:
        connection: SQLiteConnection | None = getattr(self._local, "connection", None)
        return connection

    @contextmanager
    def _transaction(self, *, commit: bool) -> Iterator[SQLiteCursor]:
        """The datastore's `transaction`: the batch's, in a savepoint, on a thread that has one
        open; else the store's own."""
        connection = self._connection()
        if connection is None:
            with self._outside(commit=commit) as cursor:
                yield cursor
            return
        with self._savepoint(connection, "batched") as cursor:
            yield cursor

    @contextmanager
    def _savepoint(self, connection: SQLiteConnection, name: str) -> Iterator[SQLiteCursor]:
        cursor = connection.cursor()
        try:
            cursor.execute(f"SAVEPOINT {name}")
            try:
                yield cursor
            except BaseException:
                cursor.execute(f"ROLLBACK TO {name}")
                cursor.execute(f"RELEASE {name}")
                raise
            cursor.execute(f"RELEASE {name}")
        except sqlite3.Error as exc:
            raise _translated(exc) from exc
        finally:
            cursor.sqlite_cursor.close()


def _translated(exc: sqlite3.Error) -> PersistenceError:
    """The error eventsourcing's own transaction would have raised (callers catch these)."""
    if isinstance(exc, sqlite3.IntegrityError):
        return IntegrityError(exc)
    if isinstance(exc, sqlite3.OperationalError):
        return OperationalError(exc)
    return PersistenceError(exc)

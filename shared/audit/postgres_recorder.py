"""PostgreSQL's chained process recorder (shared/audit/recorders.py says why and how).

A module of its own so that a service on SQLite never imports psycopg: eventsourcing imports
it by its topic (`RECORDER_TOPICS`) only when a store is opened on PostgreSQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventsourcing.postgres import PostgresDatastore, PostgresProcessRecorder
from psycopg.sql import SQL, Identifier

from shared.audit.chain import GENESIS, Link, next_links
from shared.audit.recorders import StoredRow, chain_table_name, link_from_row

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eventsourcing.persistence import StoredEvent
    from psycopg import Cursor
    from psycopg.rows import DictRow


class ChainedPostgresProcessRecorder(PostgresProcessRecorder):
    """PostgreSQL: the links are inserted under the events table's EXCLUSIVE lock."""

    def __init__(
        self,
        datastore: PostgresDatastore,
        *,
        events_table_name: str = "stored_events",
        tracking_table_name: str = "notification_tracking",
    ):
        super().__init__(
            datastore,
            events_table_name=events_table_name,
            tracking_table_name=tracking_table_name,
        )
        if datastore.enable_db_functions:
            raise ValueError("the hash chain needs POSTGRES_ENABLE_DB_FUNCTIONS off")
        self.chain_table_name = chain_table_name(events_table_name)
        self.check_identifier_length(self.chain_table_name)
        self._chain = Identifier(self.datastore.schema, self.chain_table_name)

    def create_table(self) -> None:
        super().create_table()
        # As for SQLite: created once, with links for older events; never refilled. The
        # events table's EXCLUSIVE lock makes one process the creator.
        with self.datastore.transaction(commit=True) as curs:
            self._lock_table(curs)
            curs.execute(
                "SELECT to_regclass(%s) AS found",
                (f"{self.datastore.schema}.{self.chain_table_name}",),
            )
            row = curs.fetchone()
            if row is not None and row["found"] is not None:
                return
            curs.execute(
                SQL(
                    "CREATE TABLE {0} (position bigint PRIMARY KEY, originator_id text NOT NULL, "
                    "originator_version bigint NOT NULL, hash text NOT NULL)"
                ).format(self._chain)
            )
            curs.execute(
                SQL("SELECT * FROM {0}.{1} ORDER BY notification_id").format(
                    Identifier(self.datastore.schema), Identifier(self.events_table_name)
                )
            )
            rows = curs.fetchall()
            events = [StoredRow(r["originator_id"], r) for r in rows]
            positions = [r["notification_id"] for r in rows]
            self._write(curs, next_links(GENESIS, positions, events))

    def _fetch_ids_after_insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        if stored_events:
            # Still inside the transaction holding the EXCLUSIVE lock on the events table.
            assert positions is not None
            curs.execute(
                SQL("SELECT hash FROM {0} ORDER BY position DESC LIMIT 1").format(self._chain)
            )
            row = curs.fetchone()
            previous = row["hash"] if row else GENESIS
            self._write(curs, next_links(previous, positions, stored_events))
        return positions

    def _write(self, curs: Cursor[DictRow], links: list[Link]) -> None:
        if links:
            curs.executemany(
                SQL("INSERT INTO {0} VALUES (%s, %s, %s, %s)").format(self._chain),
                [(k.position, k.originator_id, k.originator_version, k.hash) for k in links],
            )

    def select_links(self, after: int, limit: int) -> list[Link]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT * FROM {0} WHERE position > %s ORDER BY position LIMIT %s").format(
                    self._chain
                ),
                (after, limit),
            )
            return [link_from_row(r) for r in curs.fetchall()]

    def chain_head(self) -> Link | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL("SELECT * FROM {0} ORDER BY position DESC LIMIT 1").format(self._chain)
            )
            row = curs.fetchone()
            return link_from_row(row) if row else None

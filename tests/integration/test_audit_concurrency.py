"""Two processes writing one store at once still leave one unbroken chain (Art. 23).

The API and the worker of a service write the same store from separate connections. Each
transaction extends the chain head under the store's write lock (shared/audit/recorders.py), so
concurrent writers must never both extend the same head: the chain verifies, with every event.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError
from eventsourcing.system import ProcessApplication

from shared.audit.chain import chained
from shared.audit.verify import verify
from shared.store import with_chain
from tests.unit.audit.test_chain import Ledger

if TYPE_CHECKING:
    from pathlib import Path

WRITES = 40


def write_many(app: ProcessApplication[UUID]) -> int:
    for n in range(WRITES):
        ledger = Ledger(f"l{n}")
        ledger.enter(n)
        app.save(ledger)
    return WRITES * 2


def check_concurrent_writers(env: dict[str, str]) -> None:
    # Opened one after another (eventsourcing's own table set-up is not safe to race), then
    # written at once, each through its own connection.
    apps: list[ProcessApplication[UUID]] = [ProcessApplication(with_chain(env)) for _ in range(3)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        written = sum(pool.map(write_many, apps))
    verdict = verify("s", chained(apps[0].recorder))
    for app in apps:
        app.close()
    assert verdict.ok, verdict.broken
    assert verdict.events == written == 3 * WRITES * 2


def test_concurrent_writers_on_sqlite(tmp_path: Path) -> None:
    check_concurrent_writers(
        {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(tmp_path / "c.db"),
            "SQLITE_LOCK_TIMEOUT": "30",
        }
    )


@pytest.mark.postgres
def test_concurrent_writers_on_postgres(postgres_database: dict[str, str]) -> None:
    check_concurrent_writers({"PERSISTENCE_MODULE": "eventsourcing.postgres", **postgres_database})


def test_one_process_s_concurrent_writes_commit_in_groups_and_conflicts_fail_alone(
    tmp_path: Path,
) -> None:
    """Group commit (issue #18): threads of one process saving at once share transactions; a
    write that conflicts (the same ledger's next version saved twice) fails only its own
    caller; every other write is stored once and the chain verifies over all of them."""
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": str(tmp_path / "g.db"),
        "SQLITE_LOCK_TIMEOUT": "30",
    }
    app: ProcessApplication[UUID] = ProcessApplication(with_chain(env))
    shared_ledger = Ledger("shared")
    app.save(shared_ledger)
    rivals = [app.repository.get(shared_ledger.id) for _ in range(8)]

    def write(n: int) -> str:
        if n < len(rivals):  # eight callers each add version 2 of the same ledger: one wins
            rivals[n].enter(n)
            try:
                app.save(rivals[n])
            except IntegrityError:
                return "conflict"
            return "won"
        return str(write_many_once(app, n))

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(write, range(8 + 64)))
    joined = app.recorder.group_commit  # type: ignore[attr-defined]
    verdict = verify("g", chained(app.recorder))
    stored = app.repository.get(shared_ledger.id)
    app.close()
    assert outcomes[:8].count("won") == 1
    assert outcomes[:8].count("conflict") == 7
    assert len(stored.entries) == 1  # the winner's entry only
    assert verdict.ok, verdict.broken
    assert verdict.events == 1 + 1 + 64 * 2  # the shared ledger, its entry, 64 new ledgers
    assert joined.writes == 1 + 8 + 64


def write_many_once(app: ProcessApplication[UUID], n: int) -> int:
    ledger = Ledger(f"g{n}")
    ledger.enter(n)
    app.save(ledger)
    return 2

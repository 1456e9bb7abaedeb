"""Where a service's events live: the eventsourcing environment for its Application."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from shared.settings import CommonSettings


def eventsourcing_env(common: CommonSettings, service: str) -> dict[str, str]:
    """Environment for an eventsourcing Application of `service` on the configured store.

    SQLite: one file per service under the data folder (the embedded default).
    PostgreSQL: one database, tables prefixed by the application name (production).
    Every store keeps a hash chain over its events, written with them (shared/audit/recorders.py).
    """
    return with_chain(_plain_env(common, service))


def with_chain(env: Mapping[str, str]) -> dict[str, str]:
    """The same store, with the process recorder that hash-chains every event (Art. 23).

    Idempotent: an environment that names a process recorder already is left as it is. Without
    a PERSISTENCE_MODULE the store is eventsourcing's default, in memory.
    """
    from shared.audit.recorders import MEMORY_FACTORY_TOPIC, RECORDER_TOPICS

    module = env.get("PERSISTENCE_MODULE") or "eventsourcing.popo"
    if module == MEMORY_FACTORY_TOPIC or env.get("PROCESS_RECORDER_TOPIC"):
        return dict(env)
    if module == "eventsourcing.popo":
        return {**env, "PERSISTENCE_MODULE": MEMORY_FACTORY_TOPIC}
    if module not in RECORDER_TOPICS:
        raise ValueError(f"no hash-chaining recorder for PERSISTENCE_MODULE {module!r}")
    return {**env, "PROCESS_RECORDER_TOPIC": RECORDER_TOPICS[module]}


def _plain_env(common: CommonSettings, service: str) -> dict[str, str]:
    if common.store == "memory":
        return {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    if common.store == "sqlite":
        common.data_dir.mkdir(parents=True, exist_ok=True)
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(common.data_dir / f"{service}.sqlite"),
            "SQLITE_LOCK_TIMEOUT": "10",
        }
    use_postgres_tls(common)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_HOST": common.postgres_host,
        "POSTGRES_PORT": str(common.postgres_port),
        "POSTGRES_USER": common.postgres_user,
        "POSTGRES_PASSWORD": common.postgres_password.get_secret_value(),
        "POSTGRES_DBNAME": common.postgres_dbname,
        "POSTGRES_POOL_SIZE": "5",
        "POSTGRES_LOCK_TIMEOUT": "5",
    }


def use_postgres_tls(common: CommonSettings) -> None:
    """Every PostgreSQL connection of this process with the configured TLS (issue #17 item 6).

    eventsourcing's pool passes libpq no sslmode, so libpq takes `PGSSLMODE` and `PGSSLROOTCERT`
    from the environment: setting them here reaches the event store, the chain recorder and any
    other connection the process opens. `verify-full` without a CA file is refused, not weakened.
    """
    mode = common.postgres_sslmode
    if mode in ("verify-ca", "verify-full") and common.postgres_sslrootcert is None:
        raise ValueError(f"LIANFANG_POSTGRES_SSLMODE={mode} needs LIANFANG_POSTGRES_SSLROOTCERT")
    os.environ["PGSSLMODE"] = mode
    if common.postgres_sslrootcert is not None:
        os.environ["PGSSLROOTCERT"] = str(common.postgres_sslrootcert)

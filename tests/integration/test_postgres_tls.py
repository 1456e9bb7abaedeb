"""PostgreSQL over verified TLS only, when told so (issue #17 item 6): `LIANFANG_POSTGRES_SSLMODE`
reaches every connection a service opens to its event store. The suite's server speaks no TLS,
so `verify-full` must refuse to talk to it at all, where `disable` stores as before."""

from __future__ import annotations

from typing import TYPE_CHECKING

import psycopg
import pytest
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from shared.settings import CommonSettings
from shared.store import eventsourcing_env

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.postgres


class Note(Aggregate):
    pass


@pytest.fixture
def libpq_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the store sets in libpq's environment is undone after the test."""
    monkeypatch.setenv("PGSSLMODE", "prefer")
    monkeypatch.delenv("PGSSLROOTCERT", raising=False)


def common(database: dict[str, str], **tls: object) -> CommonSettings:
    return CommonSettings.model_validate(
        {
            "store": "postgres",
            "postgres_host": database["POSTGRES_HOST"],
            "postgres_port": database["POSTGRES_PORT"],
            "postgres_user": database["POSTGRES_USER"],
            "postgres_password": database["POSTGRES_PASSWORD"],
            "postgres_dbname": database["POSTGRES_DBNAME"],
            **tls,
        }
    )


def test_verify_full_refuses_a_server_without_tls(
    postgres_database: dict[str, str], tmp_path: Path, libpq_env: None
) -> None:
    ca = tmp_path / "ca.crt"
    ca.write_text("not used: the server offers no TLS at all\n")
    settings = common(postgres_database, postgres_sslmode="verify-full", postgres_sslrootcert=ca)
    env = eventsourcing_env(settings, "notes")
    # The keywords eventsourcing's pool connects with: no sslmode of their own.
    with pytest.raises(psycopg.OperationalError, match="SSL"):
        psycopg.connect(
            host=env["POSTGRES_HOST"],
            port=env["POSTGRES_PORT"],
            user=env["POSTGRES_USER"],
            password=env["POSTGRES_PASSWORD"],
            dbname=env["POSTGRES_DBNAME"],
            connect_timeout=5,
        )


def test_without_tls_the_store_works_as_before(
    postgres_database: dict[str, str], libpq_env: None
) -> None:
    app = Application[object](
        env=eventsourcing_env(common(postgres_database, postgres_sslmode="disable"), "notes")
    )
    note = Note()
    app.save(note)
    assert app.repository.get(note.id).id == note.id


def test_verify_full_without_a_ca_is_refused_not_weakened(
    postgres_database: dict[str, str], libpq_env: None
) -> None:
    with pytest.raises(ValueError, match="LIANFANG_POSTGRES_SSLROOTCERT"):
        eventsourcing_env(common(postgres_database, postgres_sslmode="verify-full"), "notes")

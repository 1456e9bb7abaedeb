"""The suite's real infrastructure: one Kafka broker and one PostgreSQL server per session.

Both are lazy (nothing starts unless a test asks) and never skipped: when neither a given
address, a Docker engine nor the local launchers work, the requesting tests fail with why.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import uuid4

import pytest
from cryptography.fernet import Fernet
from psycopg.conninfo import conninfo_to_dict

from lianfang.kafka_acl import Provisioner
from lianfang.kafka_local import KafkaLocalError, LocalKafka
from lianfang.postgres_local import (
    LocalPostgres,
    PgParams,
    PostgresLocalError,
    create_database,
    drop_database,
    server_can_reach,
)
from shared.kafka import KafkaAccess
from tests.support.tokens import TEST_JWKS_FILE, TEST_KEY, TEST_KEY_FILE

if TYPE_CHECKING:
    from collections.abc import Iterator

# Every runtime a test builds checks tokens with the suite's key (tests/support/tokens.py);
# processes the tests start get their environment from node_env, which sets their own.
os.environ["LIANFANG_JWKS_FILE"] = str(TEST_JWKS_FILE)
# A console a test builds signs with that key too, and seals TOTP secrets with a key of its own.
os.environ["LIANFANG_CONSOLE_SIGNING_KEY_FILE"] = str(TEST_KEY_FILE)
os.environ["LIANFANG_CONSOLE_SIGNING_KEY_ID"] = TEST_KEY.kid
os.environ["LIANFANG_CONSOLE_TOTP_KEY"] = Fernet.generate_key().decode("ascii")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """How `make test`'s two workers (pytest-xdist) share the suite: the browser tests stay
    together on one worker (they share one district node, package scope, and one Chromium),
    every other module stays whole on one worker (its module fixtures start once). The browser
    tests mostly wait on pages, pollers and Kafka, so the rest of the suite runs beside them on
    the second core; each worker has its own broker and PostgreSQL server.

    A scheduler rather than `xdist_group` marks: xdist 3.8 names a marked test's group in
    `item._nodeid`, which pytest 9 no longer reads, so `--dist loadgroup` groups nothing."""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTogether(LoadScopeScheduling):  # type: ignore[misc]  # xdist is untyped
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return "tests/browser" if module.startswith("tests/browser/") else module

    return BrowserTogether(config, log)


KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS"
POSTGRES_ENV = "LIANFANG_TEST_POSTGRES_DSN"
CACHE_ENV = "LIANFANG_CACHE_DIR"


@pytest.fixture(scope="session")
def kafka_cache_dir() -> Path | None:
    """Where LocalKafka keeps its jars (LIANFANG_CACHE_DIR, else its own default)."""
    value = os.environ.get(CACHE_ENV)
    return Path(value) if value else None


@pytest.fixture(scope="session")
def kafka_provisioner(
    tmp_path_factory: pytest.TempPathFactory, kafka_cache_dir: Path | None
) -> Iterator[Provisioner]:
    """A real broker and its admin: $KAFKA_BOOTSTRAP_SERVERS (open, no ACLs), else the local
    launcher's secured one (SASL/SCRAM + ACLs, issue #17), else testcontainers (open).

    On an open broker the ACL tests (tests/integration/test_kafka_acls.py) fail, saying why.
    """
    given = os.environ.get(KAFKA_ENV)
    secrets = tmp_path_factory.mktemp("kafka-secrets")
    if given:
        yield Provisioner(KafkaAccess(given), secrets)
        return
    tried: list[str] = []
    broker = LocalKafka(
        tmp_path_factory.mktemp("kafka"), cache_dir=kafka_cache_dir, die_with_parent=True
    )
    try:
        broker.start(timeout=120)
    except KafkaLocalError as exc:
        tried.append(f"LocalKafka failed: {exc}")
    else:
        try:
            yield Provisioner(broker.admin_access(), broker.secrets_dir)
        finally:
            broker.stop()
        return
    docker_problem = _docker_problem()
    if docker_problem is None:
        from testcontainers.kafka import KafkaContainer

        container = KafkaContainer().with_kraft()
        try:
            container.start()
        except Exception as exc:
            tried.append(f"testcontainers Kafka failed to start: {exc!r}")
        else:
            try:
                yield Provisioner(KafkaAccess(str(container.get_bootstrap_server())), secrets)
            finally:
                container.stop()
            return
    else:
        tried.append(f"no Docker engine ({docker_problem})")
    pytest.fail("No Kafka broker for the suite:\n- " + "\n- ".join(tried), pytrace=False)


@pytest.fixture(scope="session")
def kafka_admin(kafka_provisioner: Provisioner) -> KafkaAccess:
    """The suite's broker as its super user (creates topics, reads and writes anything)."""
    return kafka_provisioner.admin


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_admin: KafkaAccess) -> str:
    """The suite's broker's address (clients also need `kafka_admin`'s credentials)."""
    return kafka_admin.bootstrap


def _docker_problem() -> str | None:
    """None if a Docker engine answers a ping within ~2 s, else why not."""
    try:
        import docker  # type: ignore[import-untyped]  # no stubs installed

        client = docker.from_env(timeout=2)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as exc:
        return repr(exc)
    return None


@pytest.fixture(scope="session")
def postgres_params(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgParams]:
    """A real PostgreSQL database: $LIANFANG_TEST_POSTGRES_DSN, else a LocalPostgres."""
    given = os.environ.get(POSTGRES_ENV)
    if given:
        yield _params_from_dsn(given)
        return
    data_dir = tmp_path_factory.mktemp("postgres")
    private: Path | None = None
    if not server_can_reach(data_dir):
        # As root the server runs as `postgres`, which cannot enter pytest's 0700 basetemp.
        private = Path(tempfile.mkdtemp(prefix="lianfang-pg-"))
        data_dir = private
    server = LocalPostgres(data_dir)
    try:
        params = server.start()
    except PostgresLocalError as exc:
        pytest.fail(f"No PostgreSQL server for the suite: {exc}", pytrace=False)
    try:
        yield params
    finally:
        server.stop()
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_dsn(postgres_params: PgParams) -> str:
    """The libpq URI of the suite's PostgreSQL database."""
    return postgres_params.dsn


@pytest.fixture
def postgres_database(
    request: pytest.FixtureRequest, postgres_params: PgParams
) -> Iterator[dict[str, str]]:
    """A fresh, empty database per test, as eventsourcing's POSTGRES_* settings.

    Per test rather than per class: the store stories assume a clean store in every test, as
    their SQLite twins get from tmp_path; creating a database takes only a few milliseconds.
    """
    slug = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40]
    yield from fresh_database(postgres_params, slug)


def fresh_database(postgres_params: PgParams, slug: str) -> Iterator[dict[str, str]]:
    """A fixture's body: a new database named after `slug`, dropped after the test."""
    name = f"t_{slug}_{uuid4().hex[:8]}"
    params = create_database(postgres_params, name)
    try:
        yield params.eventsourcing_env()
    finally:
        drop_database(postgres_params, name)


def _params_from_dsn(dsn: str) -> PgParams:
    parts = conninfo_to_dict(dsn)
    return PgParams(
        host=str(parts.get("host") or "127.0.0.1"),
        port=int(str(parts.get("port") or 5432)),
        user=str(parts.get("user") or ""),
        password=str(parts.get("password") or ""),
        dbname=str(parts.get("dbname") or ""),
    )

"""deploy/k8s/postgres/roles.sql on a real server (issue #17 item 6): run as the admin with psql,
as an operator would, it makes a role per service of the node; each logs in and creates its own
tables, none reads another's, nobody else may connect, and running it twice changes nothing.

A server of its own: the script creates roles, which the suite's database role may not."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest
from psycopg import sql

from lianfang.postgres_local import SUPERUSER, LocalPostgres, find_bindir

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.postgres

ROLES_SQL = Path(__file__).resolve().parents[2] / "deploy" / "k8s" / "postgres" / "roles.sql"
DATABASE = "lianfang_roles_check"


@pytest.fixture(scope="module")
def server() -> Iterator[LocalPostgres]:
    # Outside pytest's 0700 basetemp: as root the server runs as `postgres` (tests/conftest.py).
    folder = Path(tempfile.mkdtemp(prefix="lianfang-pg-roles-"))
    local = LocalPostgres(folder)
    try:
        local.start()
    except Exception as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"No PostgreSQL server for the roles check: {exc}", pytrace=False)
    try:
        admin(local, f"CREATE DATABASE {DATABASE}", dbname="postgres")
        yield local
    finally:
        local.stop()
        shutil.rmtree(folder, ignore_errors=True)


def psql(
    local: LocalPostgres, *args: str, dbname: str = DATABASE
) -> subprocess.CompletedProcess[str]:
    command = [str(find_bindir() / "psql"), "-X", "-h", str(local.socket_dir)]
    command += ["-p", str(local.params.port), "-U", SUPERUSER, "-d", dbname, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def admin(local: LocalPostgres, statement: str, dbname: str = DATABASE) -> None:
    done = psql(local, "-v", "ON_ERROR_STOP=1", "-c", statement, dbname=dbname)
    assert done.returncode == 0, done.stderr


def run_roles_script(local: LocalPostgres) -> None:
    done = psql(local, "-v", "node=district", "-f", str(ROLES_SQL))
    assert done.returncode == 0, done.stderr


def login(local: LocalPostgres, role: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(
        host="127.0.0.1",
        port=local.params.port,
        user=role,
        password=f"pw-{role}",
        dbname=DATABASE,
        autocommit=True,
        connect_timeout=10,
    )


def test_each_service_owns_its_tables_and_reads_no_other_s(server: LocalPostgres) -> None:
    run_roles_script(server)
    run_roles_script(server)  # a second run is harmless
    for role in ("district_intake", "district_register", "district_console"):
        admin(server, f"ALTER ROLE {role} PASSWORD 'pw-{role}'")
    with login(server, "district_intake") as intake:
        intake.execute("CREATE TABLE intake_events (id int)")  # what eventsourcing does at start
        intake.execute("INSERT INTO intake_events VALUES (1)")
        assert intake.execute("SELECT count(*) FROM intake_events").fetchone() == (1,)
    with login(server, "district_register") as register:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            register.execute("SELECT * FROM intake_events")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            register.execute("INSERT INTO intake_events VALUES (2)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            register.execute(sql.SQL("CREATE ROLE {}").format(sql.Identifier("sneaky")))


def test_a_role_the_script_did_not_make_cannot_even_connect(server: LocalPostgres) -> None:
    run_roles_script(server)
    admin(server, "CREATE ROLE outsider LOGIN PASSWORD 'pw-outsider'")
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        login(server, "outsider")

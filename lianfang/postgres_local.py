"""A throwaway local PostgreSQL server from the distribution's binaries, for dev and tests."""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import psycopg
from psycopg import sql

from lianfang.local_process import HOST, LOG_TAIL_LINES, free_ports, pid_alive, port_free, tail

if TYPE_CHECKING:
    from types import TracebackType

SERVER_OS_USER = "postgres"
# The bootstrap superuser initdb creates; reachable only over the private unix socket.
SUPERUSER = "postgres"


class PostgresLocalError(RuntimeError):
    """The local PostgreSQL server could not be found, created, started or stopped."""


@dataclass(frozen=True)
class PgParams:
    """How to reach one database on the local server."""

    host: str
    port: int
    user: str
    password: str
    dbname: str

    @property
    def dsn(self) -> str:
        """A libpq URI, e.g. postgresql://lianfang:lianfang@127.0.0.1:5432/lianfang."""
        auth = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}"
        return f"postgresql://{auth}@{self.host}:{self.port}/{quote(self.dbname, safe='')}"

    def with_dbname(self, dbname: str) -> PgParams:
        """The same server and role, another database."""
        return replace(self, dbname=dbname)

    def eventsourcing_env(self) -> dict[str, str]:
        """The POSTGRES_* settings of `eventsourcing.postgres` for this database."""
        return {
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_DBNAME": self.dbname,
        }


def find_bindir(explicit: Path | None = None) -> Path:
    """The folder holding initdb, pg_ctl and postgres; a clear error if PostgreSQL is missing."""
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(explicit)
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            candidates.append(Path(done.stdout.strip()))
    # Debian installs server binaries off PATH, one folder per major version; newest first.
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versions, key=lambda p: _major(p.parent.name), reverse=True)
    initdb = shutil.which("initdb")
    if initdb is not None:
        candidates.append(Path(initdb).parent)
    for bindir in candidates:
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    raise PostgresLocalError(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found via pg_config, "
        "/usr/lib/postgresql/*/bin or PATH. Install the Debian package `postgresql`."
    )


def server_can_reach(path: Path) -> bool:
    """Whether the OS user PostgreSQL runs as may pass through every parent folder of `path`."""
    account = _server_account()
    if account is None:
        return True
    for parent in path.resolve().parents:
        st = parent.stat()
        if st.st_uid == account.pw_uid:
            allowed = st.st_mode & 0o100
        elif st.st_gid == account.pw_gid:
            allowed = st.st_mode & 0o010
        else:
            allowed = st.st_mode & 0o001
        if not allowed:
            return False
    return True


def create_database(params: PgParams, name: str) -> PgParams:
    """Create a fresh database `name` as `params`' role (which needs CREATEDB); drop any old one."""
    _check_name(name)
    with psycopg.connect(params.dsn, autocommit=True) as conn:
        conn.execute(_drop(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return params.with_dbname(name)


def drop_database(params: PgParams, name: str, attempts: int = 50) -> None:
    """Drop database `name` as `params`' role, disconnecting anyone still on it.

    FORCE cannot end an autovacuum worker (it runs as the bootstrap superuser, which an ordinary
    role may not signal), so a drop that meets one waits for it to finish and tries again.
    """
    _check_name(name)
    for attempt in range(attempts):
        try:
            with psycopg.connect(params.dsn, autocommit=True) as conn:
                conn.execute(_drop(name))
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


def _drop(name: str) -> sql.Composed:
    return sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))


def _major(name: str) -> int:
    return int(name) if name.isdigit() else -1


class LocalPostgres:
    """One PostgreSQL cluster in `data_dir`, listening on 127.0.0.1 only."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        *,
        user: str = "lianfang",
        password: str = "lianfang",  # noqa: S107 - a local dev/test server's fixed credentials
        dbname: str = "lianfang",
        bindir: Path | None = None,
        fast: bool = True,
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.port = port
        self.user = user
        self.password = password
        self.dbname = dbname
        self.bindir = bindir
        # fsync off: a throwaway server loses nothing that matters on an OS crash, and is faster.
        self.fast = fast
        self._port: int | None = None

    @property
    def cluster_dir(self) -> Path:
        """PGDATA."""
        return self.data_dir / "pgdata"

    @property
    def socket_dir(self) -> Path:
        """Where the server's unix socket lives (private to the server's OS user)."""
        return self.data_dir / "run"

    @property
    def log_file(self) -> Path:
        """The server log."""
        return self.data_dir / "postgres.log"

    @property
    def params(self) -> PgParams:
        """Connection parameters of the main database (the server must have been started)."""
        if self._port is None:
            raise PostgresLocalError("the server has not been started by this object")
        return PgParams(HOST, self._port, self.user, self.password, self.dbname)

    @property
    def dsn(self) -> str:
        """The libpq URI of the main database."""
        return self.params.dsn

    def is_running(self) -> bool:
        """Whether a postmaster runs on this cluster (by anyone)."""
        pid = self._postmaster_pid()
        return pid is not None and _is_postgres_process(pid)

    def start(self, timeout: float = 60) -> PgParams:
        """Create the cluster once, start it, ensure the role and database; return params."""
        if self.is_running():
            raise PostgresLocalError(f"a server already runs on {self.cluster_dir}")
        bindir = find_bindir(self.bindir)
        port = self.port if self.port is not None else free_ports(1)[0]
        if not port_free(port):
            raise PostgresLocalError(f"port {HOST}:{port} is already in use")
        self._prepare_dirs()
        if not (self.cluster_dir / "PG_VERSION").exists():
            self._initdb(bindir)
        self._write_settings(port)
        self._as_server(
            [
                str(bindir / "pg_ctl"),
                "start",
                "-D",
                str(self.cluster_dir),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                str(int(timeout)),
            ],
            what="starting PostgreSQL",
            timeout=timeout + 10,
        )
        self._port = port
        try:
            self._ensure_role_and_database()
        except BaseException:
            with contextlib.suppress(PostgresLocalError, OSError):
                self.stop()
            raise
        return self.params

    def stop(self, timeout: float = 30) -> None:
        """Stop the server: a fast shutdown, then an immediate one if that hangs."""
        if self.is_running():
            pg_ctl = str(find_bindir(self.bindir) / "pg_ctl")
            base = [pg_ctl, "stop", "-D", str(self.cluster_dir), "-w", "-t", str(int(timeout))]
            try:
                self._as_server([*base, "-m", "fast"], what="stopping", timeout=timeout + 10)
            except PostgresLocalError:
                pid = self._postmaster_pid()
                if pid is not None:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGQUIT)  # immediate shutdown
                self._wait_stopped(10)
        self._port = None

    def create_database(self, name: str) -> PgParams:
        """Create a fresh database owned by the main role (dropping one of that name first)."""
        _check_name(name)
        with self._admin() as conn:
            conn.execute(_drop(name))
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(name), sql.Identifier(self.user)
                )
            )
        return self.params.with_dbname(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, disconnecting anyone still on it."""
        _check_name(name)
        with self._admin() as conn:
            conn.execute(_drop(name))

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        """The last lines of the server log."""
        return tail(self.log_file, lines)

    def __enter__(self) -> LocalPostgres:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- internals ----------------------------------------------------------------------------

    def _prepare_dirs(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        account = _server_account()
        if account is not None:
            # initdb and the server run as the `postgres` OS user: it must own all of this.
            for path in (self.data_dir, self.socket_dir, self.cluster_dir, self.log_file):
                if path.exists():
                    os.chown(path, account.pw_uid, account.pw_gid)
            if not server_can_reach(self.data_dir):
                raise PostgresLocalError(
                    f"the `{account.pw_name}` OS user cannot reach {self.data_dir} (a parent "
                    "folder is closed to it, as pytest's basetemp is), so PostgreSQL cannot run "
                    "there; choose a folder it can reach, e.g. one from tempfile.mkdtemp()"
                )
        self.socket_dir.chmod(0o700)

    def _initdb(self, bindir: Path) -> None:
        cmd = [str(bindir / "initdb"), "-D", str(self.cluster_dir), "-U", SUPERUSER]
        cmd += ["-E", "UTF8", "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256"]
        self._as_server(cmd, what="initdb", timeout=120)
        with (self.cluster_dir / "postgresql.conf").open("a") as conf:
            conf.write("\n# Written by lianfang.postgres_local; rewritten on every start.\n")
            conf.write("include_if_exists = 'lianfang.conf'\n")

    def _write_settings(self, port: int) -> None:
        lines = [
            f"port = {port}",
            f"listen_addresses = '{HOST}'",
            f"unix_socket_directories = '{_conf_quote(str(self.socket_dir))}'",
            "logging_collector = off",
        ]
        if self.fast:
            lines += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        path = self.cluster_dir / "lianfang.conf"
        path.write_text("\n".join(lines) + "\n")
        account = _server_account()
        if account is not None:
            os.chown(path, account.pw_uid, account.pw_gid)

    def _ensure_role_and_database(self) -> None:
        with self._admin() as conn:
            role = sql.Identifier(self.user)
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (self.user,))
            verb = "ALTER" if exists.fetchone() else "CREATE"
            # The password is re-set each start so a changed argument takes effect.
            conn.execute(
                sql.SQL(verb + " ROLE {} LOGIN CREATEDB PASSWORD {}").format(
                    role, sql.Literal(self.password)
                )
            )
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.dbname,))
            if not found.fetchone():
                conn.execute(
                    sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(self.dbname), role)
                )

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection over the private unix socket (trusted; TCP needs a password)."""
        if self._port is None:
            raise PostgresLocalError("the server has not been started by this object")
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self._port,
            user=SUPERUSER,
            dbname="postgres",
            autocommit=True,
        )

    def _as_server(self, cmd: list[str], what: str, timeout: float) -> None:
        account = _server_account()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"}
        env["HOME"] = str(self.data_dir)
        try:
            done = subprocess.run(
                cmd,
                cwd=self.data_dir,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
                user=account.pw_uid if account else None,
                group=account.pw_gid if account else None,
                extra_groups=[] if account else None,
            )
        except subprocess.TimeoutExpired as exc:
            raise PostgresLocalError(
                f"{what} timed out after {timeout:g} s\n{self.log_tail()}"
            ) from exc
        if done.returncode != 0:
            raise PostgresLocalError(
                f"{what} failed ({done.returncode}): {' '.join(cmd)}\n"
                f"{done.stdout}{done.stderr}\n--- {self.log_file} ---\n{self.log_tail()}"
            )

    def _postmaster_pid(self) -> int | None:
        try:
            first = (self.cluster_dir / "postmaster.pid").read_text().splitlines()[0]
            return int(first.strip())
        except (OSError, IndexError, ValueError):
            return None

    def _wait_stopped(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.is_running():
            if time.monotonic() > deadline:
                raise PostgresLocalError(f"PostgreSQL on {self.cluster_dir} did not stop")
            time.sleep(0.1)


def _server_account() -> pwd.struct_passwd | None:
    """The OS account to run the server as when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_OS_USER)
    except KeyError as exc:
        raise PostgresLocalError(
            f"running as root, but there is no `{SERVER_OS_USER}` OS user to run PostgreSQL as; "
            "the Debian package `postgresql` creates it"
        ) from exc


def _is_postgres_process(pid: int) -> bool:
    """Whether `pid` is alive and is a PostgreSQL server (a stale pidfile's pid may be reused)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.parent.exists():
        try:
            return b"postgres" in cmdline.read_bytes()
        except OSError:
            return False
    return pid_alive(pid)


def _check_name(name: str) -> None:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_\-]{0,62}", name):
        raise PostgresLocalError(f"not a database name we create: {name!r}")


def _conf_quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "''")

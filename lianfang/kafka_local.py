"""A real single-node KRaft Apache Kafka broker, run from Maven Central jars without Docker.

Secured by default (issue #17 item 1, review C2): clients authenticate with SASL/SCRAM-SHA-512
on the broker's listener, the KRaft `StandardAuthorizer` refuses whatever no ACL allows, and only
`User:admin` (whose SCRAM credential is written into the metadata at format time) is a super
user. The controller listener, on loopback only, takes SASL/PLAIN from the broker itself.
Service principals and their ACLs are provisioned by lianfang/kafka_acl.py.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import fcntl
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code

from lianfang.local_process import HOST, LOG_TAIL_LINES, free_ports, pid_alive, port_free, tail
from shared.kafka import KafkaAccess

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine, Iterator, Sequence
    from types import TracebackType

KafkaVersion: TypeAlias = str
"""A release of `org.apache.kafka:kafka_2.13` on Maven Central, e.g. "4.1.1"."""

DEFAULT_KAFKA_VERSION: KafkaVersion = "4.1.1"

DEV_HEAP_MB = 256
"""The JVM heap of a development broker (`make run`, `lianfang kafka start`, the bench's stack).

Measured on the bench's stack (docs/performance.md, issue #18): after its load the broker held
499 MiB resident with a 512 MB heap and 415 MiB with 256 MB, the chain's figures unchanged. A
development stack's few hundred partitions and light traffic do not need more; the suite's and
the chaos run's brokers keep `LocalKafka`'s 512 MB (the chaos run restarts it under load), and a
production broker is sized by its deployment (deploy/), not here."""

_T = TypeVar("_T")

# Pinned: Maven 3.8 would otherwise use its built-in maven-dependency-plugin 2.8 (from 2013).
_POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>lianfang.local</groupId>
  <artifactId>kafka-broker-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
"""

_LOG4J2 = """# Written by lianfang.kafka_local: the broker's log, INFO and up, in one rolling file.
status = warn
name = lianfang-kafka
# Kafka logs its own orderly shutdown from a JVM hook; keep log4j alive until it has.
shutdownHook = disable
appender.file.type = RollingFile
appender.file.name = FILE
appender.file.fileName = {log}
appender.file.filePattern = {log}.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 20MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
# Kafka's own config keeps the per-request logger quiet too.
logger.request.name = kafka.request.logger
logger.request.level = WARN
"""


class KafkaLocalError(RuntimeError):
    """The local broker could not be fetched, formatted, started or stopped."""


def default_cache_dir() -> Path:
    """Where fetched broker jars live unless told otherwise: ~/.cache/lianfang."""
    return Path.home() / ".cache" / "lianfang"


# --- jars -------------------------------------------------------------------------------------


def ensure_jars(
    version: KafkaVersion = DEFAULT_KAFKA_VERSION,
    cache_dir: Path | None = None,
    mvn: str = "mvn",
) -> Path:
    """Return the folder of the broker's runtime jars, fetching them with Maven if needed."""
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.\-]*", version):
        raise KafkaLocalError(f"not a Kafka version: {version!r}")
    root = (cache_dir or default_cache_dir()) / f"kafka-{version}"
    libs, marker = root / "libs", root / ".complete"
    if marker.exists():
        return libs
    root.mkdir(parents=True, exist_ok=True)
    with _file_lock(root / ".lock"):
        # Another process may have finished the fetch while we waited for the lock.
        if marker.exists():
            return libs
        _fetch(version, root, libs, mvn)
        jars = sorted(p.name for p in libs.glob("*.jar"))
        marker.write_text(json.dumps({"version": version, "jars": jars}, indent=1) + "\n")
    return libs


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fetch(version: KafkaVersion, root: Path, libs: Path, mvn: str) -> None:
    mvn_path = shutil.which(mvn)
    if mvn_path is None:
        raise KafkaLocalError(
            f"Maven ({mvn!r}) is not on PATH; it fetches the Kafka broker from Maven Central. "
            "Install the Debian package `maven` (and `openjdk-17-jre-headless` for Java)."
        )
    staging = root / "libs.partial"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(libs, ignore_errors=True)
    pom = root / "pom.xml"
    pom.write_text(_POM.format(version=version))
    out = f"-DoutputDirectory={staging}"
    _mvn(mvn_path, pom, "dependency:copy-dependencies", "-DincludeScope=runtime", out)
    binding = _slf4j_binding(staging)
    if binding is not None:
        _mvn(mvn_path, pom, "dependency:copy", f"-Dartifact={binding}", out)
    # Renamed only when complete, so a crash mid-fetch never leaves a half folder as `libs`.
    staging.rename(libs)


def _mvn(mvn: str, pom: Path, *args: str) -> None:
    cmd = [mvn, "-q", "-B", "-Dstyle.color=never", "-f", str(pom), *args]
    done = subprocess.run(cmd, cwd=pom.parent, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-LOG_TAIL_LINES:])
        raise KafkaLocalError(f"`{' '.join(cmd)}` failed ({done.returncode}):\n{tail}")


def _slf4j_binding(libs: Path) -> str | None:
    """The slf4j→log4j2 bridge matching the fetched jars, or None if nothing needs one.

    Kafka's POM lists slf4j-api and log4j-core but not the bridge its tarball ships, and without
    it slf4j falls back to a no-op logger: the broker would log nothing at all.
    """
    core = _jar_version(libs, "log4j-core")
    slf4j = _jar_version(libs, "slf4j-api")
    if core is None or slf4j is None or any(libs.glob("log4j-slf4j*-impl-*.jar")):
        return None
    bridge = "log4j-slf4j2-impl" if slf4j.startswith("2.") else "log4j-slf4j-impl"
    return f"org.apache.logging.log4j:{bridge}:{core}"


def _jar_version(libs: Path, artifact: str) -> str | None:
    for jar in libs.glob(f"{artifact}-*.jar"):
        match = re.fullmatch(rf"{re.escape(artifact)}-(\d[^-]*)\.jar", jar.name)
        if match:
            return match.group(1)
    return None


# --- broker -----------------------------------------------------------------------------------


def new_cluster_id() -> str:
    """A random cluster id in Kafka's format (a UUID as unpadded URL-safe base64).

    Like Kafka's own `Uuid.randomUuid`, never one that starts with "-": the storage tool's
    argument parser would take it for an option (one id in 64 did, failing the format).
    """
    while True:
        found = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not found.startswith("-"):
            return found


ADMIN = "admin"
"""The broker's super user: it provisions topics, principals and ACLs, and logs in to itself."""

CONTROLLER = "controller"
"""The broker's login to its own controller listener (SASL/PLAIN, loopback only)."""


def server_properties(
    log_dir: Path,
    port: int,
    controller_port: int,
    passwords: dict[str, str] | None = None,
) -> str:
    """A combined broker+controller KRaft config for one node on 127.0.0.1.

    With `passwords` (the admin's and the controller's) the broker authenticates every client
    (SASL/SCRAM-SHA-512) and authorises with the StandardAuthorizer, no ACL meaning no access;
    without, it is the open PLAINTEXT broker of before.
    """
    client = "SASL_PLAINTEXT" if passwords else "PLAINTEXT"
    listeners = f"{client}://{HOST}:{port},CONTROLLER://{HOST}:{controller_port}"
    lines = [
        "process.roles=broker,controller",
        "node.id=1",
        f"controller.quorum.bootstrap.servers={HOST}:{controller_port}",
        f"listeners={listeners}",
        f"advertised.listeners={listeners}",
        f"inter.broker.listener.name={client}",
        "controller.listener.names=CONTROLLER",
        f"log.dirs={log_dir}",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "num.partitions=3",
        "auto.create.topics.enable=true",
    ]
    if passwords is None:
        lines.append("listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT")
    else:
        admin, controller = passwords[ADMIN], passwords[CONTROLLER]
        scram = "org.apache.kafka.common.security.scram.ScramLoginModule"
        plain = "org.apache.kafka.common.security.plain.PlainLoginModule"
        lines += [
            "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
            "sasl.enabled.mechanisms=SCRAM-SHA-512",
            "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
            # KRaft keeps SCRAM credentials in the metadata log the controller serves, so the
            # controller listener itself cannot use SCRAM: PLAIN, from a static JAAS user.
            "sasl.mechanism.controller.protocol=PLAIN",
            "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
            f"listener.name.controller.plain.sasl.jaas.config={plain} required "
            f'username="{CONTROLLER}" password="{controller}" user_{CONTROLLER}="{controller}";',
            f"listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config={scram} required "
            f'username="{ADMIN}" password="{admin}";',
            "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            "allow.everyone.if.no.acl.found=false",
            f"super.users=User:{ADMIN};User:{CONTROLLER}",
        ]
    return "\n".join([*lines, ""])


class LocalKafka:
    """One KRaft broker+controller process whose data, config and logs live in `data_dir`."""

    def __init__(
        self,
        data_dir: Path,
        port: int | None = None,
        heap_mb: int = 512,
        version: KafkaVersion = DEFAULT_KAFKA_VERSION,
        *,
        controller_port: int | None = None,
        cache_dir: Path | None = None,
        java: str = "java",
        mvn: str = "mvn",
        die_with_parent: bool = False,
        jvm_args: Sequence[str] = (),
        secure: bool = True,
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.port = port
        # A fixed broker port gets the conventional neighbour (9092 → 9093) for the controller.
        self.controller_port = controller_port or (port + 1 if port is not None else None)
        self.heap_mb = heap_mb
        self.version = version
        self.cache_dir = cache_dir
        self.java = java
        self.mvn = mvn
        # SIGTERM the broker when the *thread* that started it ends (Linux, via setpriv):
        # a killed test run then leaves no orphaned JVM behind.
        self.die_with_parent = die_with_parent
        self.jvm_args = list(jvm_args)
        # SASL/SCRAM and ACLs (the default); False gives the open PLAINTEXT broker of before.
        self.secure = secure
        self._proc: subprocess.Popen[bytes] | None = None
        self._bootstrap: str | None = None
        # Where each log ended when we launched, so errors show this run's lines only.
        self._log_offsets: dict[Path, int] = {}

    # Where things live inside data_dir.
    @property
    def log_dir(self) -> Path:
        """Kafka's `log.dirs`: the topic partitions and the KRaft metadata log."""
        return self.data_dir / "kraft"

    @property
    def logs_dir(self) -> Path:
        """The broker's own log files."""
        return self.data_dir / "logs"

    @property
    def server_log(self) -> Path:
        """The log4j2 log of the broker (INFO and up)."""
        return self.logs_dir / "server.log"

    @property
    def console_log(self) -> Path:
        """The JVM's stdout and stderr."""
        return self.logs_dir / "console.log"

    @property
    def secrets_dir(self) -> Path:
        """The broker's passwords (0700; files 0600): `admin.password`, `controller.password`,
        and each provisioned principal's under `principals/`."""
        return self.data_dir / "secrets"

    def admin_access(self) -> KafkaAccess:
        """How to reach the running broker as its super user (for provisioning and tests)."""
        bootstrap = self.bootstrap
        if bootstrap is None:
            raise KafkaLocalError(f"no broker runs from {self.data_dir}")
        if not self.secure:
            return KafkaAccess(bootstrap)
        return KafkaAccess(
            bootstrap,
            security_protocol="SASL_PLAINTEXT",
            username=ADMIN,
            password_file=self.secrets_dir / f"{ADMIN}.password",
        )

    @property
    def pidfile(self) -> Path:
        """JSON with the running broker's pid and bootstrap, for other processes."""
        return self.data_dir / "kafka.pid"

    @property
    def bootstrap(self) -> str | None:
        """The bootstrap address of the running broker, from this object or the pidfile."""
        if self._bootstrap is not None:
            return self._bootstrap
        info = self._read_pidfile()
        return str(info["bootstrap"]) if info else None

    @property
    def pid(self) -> int | None:
        """The running broker's process id, if one runs from this data_dir."""
        if self._proc is not None and self._proc.poll() is None:
            return self._proc.pid
        info = self._read_pidfile()
        if info and _is_broker(int(info["pid"]), info.get("started")):
            return int(info["pid"])
        return None

    def is_running(self) -> bool:
        """Whether a broker started from this data_dir (by any process) is alive."""
        return self.pid is not None

    def start(self, timeout: float = 60) -> str:
        """Fetch, configure, format (once) and launch the broker; return its bootstrap.

        `timeout` bounds the wait from launch until the broker answers, not the jar fetch.
        """
        if self.is_running():
            raise KafkaLocalError(
                f"a broker already runs from {self.data_dir} (pid {self.pid}, {self.bootstrap})"
            )
        libs = ensure_jars(self.version, self.cache_dir, self.mvn)
        if shutil.which(self.java) is None:
            raise KafkaLocalError(
                f"Java ({self.java!r}) is not on PATH; Kafka 4 needs Java 17+. "
                "Install the Debian package `openjdk-17-jre-headless`."
            )
        port, controller_port = self._ports()
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        config = self.data_dir / "server.properties"
        formatted = self._meta_properties().exists()
        passwords = self._passwords(formatted) if self.secure else None
        # It holds the admin's and the controller's passwords: the owner's alone.
        _write_private(config, server_properties(self.log_dir, port, controller_port, passwords))
        log4j = self.data_dir / "log4j2.properties"
        log4j.write_text(_LOG4J2.format(log=self.server_log))
        classpath = ["-cp", f"{libs}/*", f"-Dlog4j2.configurationFile={log4j}"]
        if not formatted:
            self._format(classpath, config, passwords)
        cluster_id = self._read_cluster_id()

        bootstrap = f"{HOST}:{port}"
        guard: list[str] = []
        if self.die_with_parent and (setpriv := shutil.which("setpriv")) is not None:
            guard = [setpriv, "--pdeathsig", "TERM", "--"]
        heap = [f"-Xmx{self.heap_mb}m", f"-Xms{self.heap_mb}m"]
        self._log_offsets = {p: _size(p) for p in (self.server_log, self.console_log)}
        with self.console_log.open("ab") as console:
            self._proc = subprocess.Popen(
                [
                    *guard,
                    self.java,
                    *heap,
                    "-XX:+UseG1GC",
                    "-Djava.awt.headless=true",
                    f"-Dkafka.logs.dir={self.logs_dir}",
                    *self.jvm_args,
                    *classpath,
                    "kafka.Kafka",
                    str(config),
                ],
                cwd=self.data_dir,
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                # Its own session: Ctrl-C in our terminal doesn't reach it, and it can outlive us.
                start_new_session=True,
            )
        self._bootstrap = bootstrap
        started = _process_start(self._proc.pid)
        info = {"pid": self._proc.pid, "bootstrap": bootstrap, "started": started}
        self.pidfile.write_text(json.dumps(info))
        try:
            _run_sync(lambda: self._wait_ready(bootstrap, cluster_id, timeout))
        except BaseException:
            # The original failure is the news; a failure to clean up must not hide it.
            with contextlib.suppress(KafkaLocalError, OSError):
                self.stop(timeout=10)
            raise
        return bootstrap

    def stop(self, timeout: float = 30) -> None:
        """Stop the broker: SIGTERM (an orderly shutdown), then SIGKILL after `timeout`."""
        pid = self.pid
        if pid is not None:
            _signal_group(pid, signal.SIGTERM)
            if not self._wait_exit(pid, timeout):
                _signal_group(pid, signal.SIGKILL)
                if not self._wait_exit(pid, 10):
                    raise KafkaLocalError(f"broker pid {pid} survived SIGKILL")
        self._proc = None
        self._bootstrap = None
        self.pidfile.unlink(missing_ok=True)

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        """The last lines the broker logged since this object launched it (or ever, if it didn't).

        The JVM console is included when it said anything: JVM failures only show there.
        """
        parts = []
        for path in (self.server_log, self.console_log):
            text = tail(path, lines, self._log_offsets.get(path, 0))
            if text.strip() or path == self.server_log:
                parts += [f"--- last {lines} lines of {path} ---", text or "(nothing new)"]
        return "\n".join(parts)

    def __enter__(self) -> LocalKafka:
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

    def _ports(self) -> tuple[int, int]:
        if self.port is None:
            broker, controller = free_ports(2)
            return broker, controller
        controller = self.controller_port or self.port + 1
        for p in (self.port, controller):
            if not port_free(p):
                raise KafkaLocalError(f"port {HOST}:{p} is already in use")
        return self.port, controller

    def _meta_properties(self) -> Path:
        return self.log_dir / "meta.properties"

    def _read_cluster_id(self) -> str:
        for line in self._meta_properties().read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "cluster.id":
                return value.strip()
        raise KafkaLocalError(f"no cluster.id in {self._meta_properties()}")

    def _passwords(self, formatted: bool) -> dict[str, str]:
        """The admin's and the controller's passwords: made at format time, kept after."""
        found: dict[str, str] = {}
        for name in (ADMIN, CONTROLLER):
            path = self.secrets_dir / f"{name}.password"
            if path.exists():
                found[name] = path.read_text().strip()
            elif formatted:
                raise KafkaLocalError(
                    f"{self.data_dir} holds a broker formatted without SASL/SCRAM ({path} is "
                    "missing); remove that folder to start a secured one"
                )
            else:
                found[name] = secrets.token_urlsafe(24)
                _write_private(path, found[name] + "\n")
        return found

    def _format(self, classpath: list[str], config: Path, passwords: dict[str, str] | None) -> None:
        cmd = [self.java, *classpath, "kafka.tools.StorageTool", "format", "-t", new_cluster_id()]
        cmd += ["-c", str(config), "--standalone"]
        if passwords is not None:
            # KRaft keeps SCRAM credentials in its metadata: the admin's goes in at format time
            # (KIP-900), so that the broker can log in to itself before anything else runs.
            cmd += ["--add-scram", f"SCRAM-SHA-512=[name={ADMIN},password={passwords[ADMIN]}]"]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise KafkaLocalError(
                f"formatting {self.log_dir} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
            )

    async def _wait_ready(self, bootstrap: str, cluster_id: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        port = int(bootstrap.rsplit(":", 1)[1])
        while True:
            code = self._proc.poll() if self._proc else None
            if code is not None:
                raise KafkaLocalError(
                    f"the Kafka broker exited with code {code} while starting.\n{self.log_tail()}"
                )
            # A plain TCP connect first keeps aiokafka from logging an error per refused attempt.
            if _port_open(port) and await _cluster_id(self.admin_access(), 5.0) == cluster_id:
                return
            if time.monotonic() > deadline:
                raise KafkaLocalError(
                    f"the Kafka broker at {bootstrap} did not answer within {timeout:g} s.\n"
                    f"{self.log_tail()}"
                )
            await asyncio.sleep(0.2)

    def _wait_exit(self, pid: int, timeout: float) -> bool:
        if self._proc is not None and self._proc.pid == pid:
            try:
                self._proc.wait(timeout)
                return True
            except subprocess.TimeoutExpired:
                return False
        deadline = time.monotonic() + timeout
        started = (self._read_pidfile() or {}).get("started")
        while _is_broker(pid, started):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def _read_pidfile(self) -> dict[str, Any] | None:
        try:
            info = json.loads(self.pidfile.read_text())
        except (OSError, ValueError):
            return None
        return info if isinstance(info, dict) and "pid" in info else None


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner may read (0600), in a folder only its owner may enter."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)  # an existing file keeps its old mode through O_CREAT


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((HOST, port)) == 0


def _process_start(pid: int) -> str | None:
    """The kernel's start time of a live process, or None if it is gone or a mere zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command name: state is field 3 of stat, starttime field 22.
    state, started = fields[0], fields[19]
    if state in ("Z", "X") and not _other_threads(pid):
        return None
    # A zombie leader whose JVM threads are still exiting: not gone (nor reapable) yet.
    return started


def _other_threads(pid: int) -> bool:
    try:
        return any(tid != str(pid) for tid in os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return False


def _is_broker(pid: int, started: str | None) -> bool:
    """Whether `pid` is still the broker we launched (a recycled pid has another start time)."""
    if not Path("/proc/self/stat").exists():
        return pid_alive(pid)
    current = _process_start(pid)
    return current is not None and (started is None or current == started)


def _signal_group(pid: int, sig: signal.Signals) -> None:
    # The broker leads its own session, so its group id is its pid.
    with contextlib.suppress(ProcessLookupError):
        try:
            os.killpg(pid, sig)
        except PermissionError:
            os.kill(pid, sig)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


async def _cluster_id(access: KafkaAccess, timeout: float) -> str | None:
    """The cluster id the broker reports, or None if it doesn't answer (or let us in yet)."""
    admin = AIOKafkaAdminClient(**access.aiokafka(), request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        info = await asyncio.wait_for(admin.describe_cluster(), timeout)
        return str(info.get("cluster_id"))
    except Exception:
        return None
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


def _run_sync(factory: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
    """Run a coroutine to completion from sync code, even if this thread already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    # Called from async code (e.g. an async test): a private loop in a worker thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()


# --- topics -----------------------------------------------------------------------------------


def ensure_topics(access: KafkaAccess, topics: dict[str, int]) -> None:
    """Create the named topics (name → partitions, replication 1); existing ones are left be."""
    _run_sync(lambda: _create_topics(access, topics))


async def _create_topics(access: KafkaAccess, topics: dict[str, int]) -> None:
    admin = AIOKafkaAdminClient(**access.aiokafka())
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(name, num_partitions=n, replication_factor=1)
            for name, n in topics.items()
            if name not in existing
        ]
        if not missing:
            return
        response = await admin.create_topics(missing)
        for entry in response.topic_errors:
            name, code = entry[0], entry[1]
            # Someone else may have created it between our list and our create.
            if code not in (0, TopicAlreadyExistsError.errno):
                raise for_code(code)(f"creating topic {name!r}")
    finally:
        await admin.close()

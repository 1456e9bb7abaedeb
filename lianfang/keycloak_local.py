"""A real Keycloak (an OpenID Connect issuer) run from Maven Central's distribution, no Docker.

The tests of the console's external sign-in (issue #14 item 5, 统一身份认证) need a real issuer:
`org.keycloak:keycloak-quarkus-dist` is fetched once with Maven into ~/.cache/lianfang (its SHA-1
checked against Maven Central's `.sha1` beside it), unpacked, and started in development mode
(`kc.sh start-dev`, an in-memory database, loopback only) with a bootstrap admin; a realm is then
created through the admin REST API from a JSON file. Keycloak 26 needs Java 21 or newer: the
machine's Temurin JDK (or `LIANFANG_KEYCLOAK_JAVA_HOME`).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import tarfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from lianfang.local_process import HOST, LOG_TAIL_LINES, free_ports, tail

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import TracebackType

DEFAULT_KEYCLOAK_VERSION = "26.4.7"
ARTIFACT = "org.keycloak:keycloak-quarkus-dist"
MIN_JAVA = 21


class KeycloakLocalError(RuntimeError):
    """Keycloak could not be fetched or started; the message says why."""


def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "lianfang"


def ensure_dist(
    version: str = DEFAULT_KEYCLOAK_VERSION, cache_dir: Path | None = None, mvn: str = "mvn"
) -> Path:
    """The unpacked distribution's folder (with bin/kc.sh), fetching it with Maven if needed."""
    if not re.fullmatch(r"[0-9][0-9A-Za-z.\-]*", version):
        raise KeycloakLocalError(f"not a Keycloak version: {version!r}")
    root = (cache_dir or default_cache_dir()) / f"keycloak-{version}"
    home, marker = root / f"keycloak-{version}", root / ".complete"
    if marker.exists():
        return home
    root.mkdir(parents=True, exist_ok=True)
    with _file_lock(root / ".lock"):
        if marker.exists():
            return home
        archive = _fetch(version, root, mvn)
        staging = root / "unpacked.partial"
        shutil.rmtree(staging, ignore_errors=True)
        with tarfile.open(archive) as tar:
            tar.extractall(staging, filter="data")
        shutil.rmtree(home, ignore_errors=True)
        (staging / f"keycloak-{version}").rename(home)
        shutil.rmtree(staging, ignore_errors=True)
        archive.unlink()
        marker.write_text(f"{ARTIFACT}:{version}\n")
    return home


def _fetch(version: str, root: Path, mvn: str) -> Path:
    """The distribution's tar.gz via Maven (strict checksums), checked again against its .sha1."""
    mvn_path = shutil.which(mvn)
    if mvn_path is None:
        raise KeycloakLocalError(
            f"Maven ({mvn!r}) is not on PATH; it fetches Keycloak from Maven Central"
        )
    out = root / "download"
    cmd = [
        mvn_path, "-q", "-B", "-C", "-Dstyle.color=never", "dependency:copy",
        f"-Dartifact={ARTIFACT}:{version}:tar.gz", f"-DoutputDirectory={out}",
    ]  # fmt: skip
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = (done.stdout + done.stderr).splitlines()[-LOG_TAIL_LINES:]
        raise KeycloakLocalError(
            f"`{' '.join(cmd)}` failed ({done.returncode}):\n" + "\n".join(lines)
        )
    archive = out / f"keycloak-quarkus-dist-{version}.tar.gz"
    repo = Path.home() / ".m2" / "repository" / "org" / "keycloak" / "keycloak-quarkus-dist"
    sha1_file = repo / version / f"{archive.name}.sha1"
    if sha1_file.exists():
        expected = sha1_file.read_text().split()[0].strip().lower()
        actual = hashlib.sha1(archive.read_bytes(), usedforsecurity=False).hexdigest()
        if actual != expected:
            archive.unlink()
            raise KeycloakLocalError(
                f"{archive.name}: SHA-1 {actual}, Maven Central says {expected}"
            )
    return archive


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _java_major(home: Path) -> int:
    release = home / "release"
    if not release.exists():
        return 0
    found = re.search(r'JAVA_VERSION="(\d+)', release.read_text(errors="replace"))
    return int(found.group(1)) if found else 0


def java_home() -> Path:
    """A JDK of Java 21 or newer: LIANFANG_KEYCLOAK_JAVA_HOME, JAVA_HOME, or /usr/lib/jvm's."""
    candidates = [os.environ.get("LIANFANG_KEYCLOAK_JAVA_HOME"), os.environ.get("JAVA_HOME")]
    jvm = Path("/usr/lib/jvm")
    found = sorted(jvm.iterdir(), reverse=True) if jvm.is_dir() else []
    for home in [Path(c) for c in candidates if c] + found:
        if (home / "bin" / "java").exists() and _java_major(home) >= MIN_JAVA:
            return home
    raise KeycloakLocalError(
        f"Keycloak needs Java {MIN_JAVA}+; set LIANFANG_KEYCLOAK_JAVA_HOME to such a JDK"
    )


class LocalKeycloak:
    """One Keycloak in development mode on loopback, its log under `root`."""

    def __init__(
        self,
        root: Path,
        *,
        version: str = DEFAULT_KEYCLOAK_VERSION,
        cache_dir: Path | None = None,
        port: int | None = None,
    ) -> None:
        self.root = root
        self.version = version
        self.cache_dir = cache_dir
        self.port = port or free_ports(1)[0]
        self.admin_password = secrets.token_urlsafe(18)
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.root / "keycloak.log"

    def discovery_url(self, realm: str) -> str:
        return f"{self.url}/realms/{realm}/.well-known/openid-configuration"

    def start(self, timeout: float = 900) -> LocalKeycloak:
        """Start it and wait until the master realm answers (the first start builds for minutes)."""
        home = ensure_dist(self.version, self.cache_dir)
        self.root.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "JAVA_HOME": str(java_home()),
            "KC_BOOTSTRAP_ADMIN_USERNAME": "admin",
            "KC_BOOTSTRAP_ADMIN_PASSWORD": self.admin_password,
        }
        cmd = [
            str(home / "bin" / "kc.sh"), "start-dev", f"--http-host={HOST}",
            f"--http-port={self.port}", "--db=dev-mem",
        ]  # fmt: skip
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise KeycloakLocalError(f"Keycloak exited {self.proc.returncode}:\n{self.tail()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.discovery_url("master"), timeout=5).status_code == 200:
                    return self
            time.sleep(1)
        self.stop()
        raise KeycloakLocalError(f"Keycloak did not answer within {timeout} s:\n{self.tail()}")

    def import_realm(self, realm: dict[str, Any]) -> None:
        """Create a realm (its clients and users) through the admin REST API."""
        token = httpx.post(
            f"{self.url}/realms/master/protocol/openid-connect/token",
            data={
                "grant_type": "password", "client_id": "admin-cli", "username": "admin",
                "password": self.admin_password,
            },
            timeout=30,
        )  # fmt: skip
        token.raise_for_status()
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        made = httpx.post(f"{self.url}/admin/realms", json=realm, headers=headers, timeout=120)
        if made.status_code != 201:
            raise KeycloakLocalError(f"realm import: {made.status_code} {made.text[:500]}")

    def stop(self, timeout: float = 30) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def tail(self) -> str:
        return tail(self.log_path, LOG_TAIL_LINES) if self.log_path.exists() else ""

    def __enter__(self) -> LocalKeycloak:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

"""The image's build steps, run without Docker: what the Dockerfile installs runs and serves.

The build context is what .dockerignore lets through; the two `uv sync` lines are the Dockerfile's
own; the installed `lianfang` is then started outside the repository (as in the image, where no
source tree exists) against the suite's real Kafka, probed, and stopped with SIGTERM.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import httpx
import pytest
from cryptography.fernet import Fernet

from tests.deploy.support import REPO
from tests.deploy.test_image import IGNORE, instructions
from tests.support.processes import free_port
from tests.support.tokens import TEST_JWKS_FILE

if TYPE_CHECKING:
    from pathlib import Path

    from shared.kafka import KafkaAccess

pytestmark = pytest.mark.kafka


def build_context(into: Path) -> None:
    """Copy what .dockerignore admits (`**` excluded, then `!path` re-included)."""
    for line in IGNORE:
        if not line.startswith("!"):
            continue
        source = REPO / line[1:].rstrip("/")
        if source.is_dir():
            shutil.copytree(
                source, into / source.name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(source, into / source.name)


def uv() -> list[str]:
    """The uv that runs this suite (`uv run` sets UV), else one on PATH or importable by python3."""
    if os.environ.get("UV"):
        return [os.environ["UV"]]
    if shutil.which("uv"):
        return ["uv"]
    python3 = shutil.which("python3")
    assert python3 is not None
    assert (
        subprocess.run([python3, "-m", "uv", "--version"], capture_output=True).returncode == 0
    ), "uv is needed to build the image's environment"
    return [python3, "-m", "uv"]


def uv_syncs() -> list[list[str]]:
    """The Dockerfile's `uv sync ...` commands, as argument lists."""
    commands = []
    for run in instructions("RUN"):
        command = run.split("uv sync", 1)[1] if "uv sync" in run else None
        if command is not None:
            commands.append(["sync", *shlex.split(command)])
    return commands


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv built exactly as the image's build stage builds /app/.venv."""
    root = tmp_path_factory.mktemp("image")
    context, venv = root / "src", root / "venv"
    context.mkdir()
    build_context(context)
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(venv), "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    for sync in uv_syncs():
        done = subprocess.run(
            [*uv(), *sync, "--python", sys.executable],
            cwd=context,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
    return venv


def test_the_venv_holds_the_locked_runtime_packages_and_no_dev_tools(installed: Path) -> None:
    python = installed / "bin" / "python"
    dev = "('pytest', 'mypy', 'ruff', 'kubernetes_validate')"
    probe = f"import importlib.util as u; print([m for m in {dev} if u.find_spec(m)])"
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True, cwd="/")
    assert done.stdout.strip() == "[]", done.stderr
    seed = "import shared.runtime as r; assert r.DEFAULT_ORG_SEED.exists(), r.DEFAULT_ORG_SEED"
    assert subprocess.run([python, "-c", seed], cwd="/", check=False).returncode == 0


@pytest.mark.parametrize("command", [["api", "intake"], ["worker", "intake", "--ops"]])
def test_each_entry_serves_its_probes_and_stops_cleanly_on_sigterm(
    installed: Path, command: list[str], kafka_admin: KafkaAccess, tmp_path: Path
) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIANFANG_")}
    env |= {
        **kafka_admin.env(),
        "LIANFANG_DATA_DIR": str(tmp_path / "data"),
        "LIANFANG_TOPIC_PREFIX": f"img{port}",
        "LIANFANG_INTAKE_PORT": str(port),
        # Production mode (LIANFANG_ENV unset): the deployment's own keys, or it refuses to start.
        "LIANFANG_JWKS_FILE": str(TEST_JWKS_FILE),
        "LIANFANG_INTAKE_IDENTITY_KEY": Fernet.generate_key().decode(),
    }
    log = (tmp_path / "out.log").open("wb")
    proc = subprocess.Popen(
        [installed / "bin" / "lianfang", *command], cwd="/", env=env, stdout=log, stderr=log
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        ready = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                ready = httpx.get(f"{base}/readyz", timeout=5)
                if ready.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        text = (tmp_path / "out.log").read_text(errors="replace")
        assert ready is not None, text
        assert ready.status_code == 200, (ready.text, text)
        assert httpx.get(f"{base}/healthz").status_code == 200
        assert "lianfang_http_requests_total" in httpx.get(f"{base}/metrics").text
        # The API's routes answer (401 without a token); a worker serves probes only (404). In
        # production no /openapi.json tells which (security review M4).
        assert httpx.get(f"{base}/openapi.json").status_code == 404
        listing = httpx.get(f"{base}/inbox").status_code
        assert listing == (401 if command[0] == "api" else 404)
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(30)
    assert code == 0, (tmp_path / "out.log").read_text(errors="replace")

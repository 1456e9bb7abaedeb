"""No silent development secrets (issue #14 item 4), as real processes: `lianfang serve` and
`lianfang worker` outside dev mode exit before they open anything, naming each setting; `lianfang
token` mints only in dev mode (the settings-level rules: tests/unit/foundation/
test_startup_refusals.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from tests.support.processes import REPO
from tests.support.tokens import TEST_JWKS_FILE

if TYPE_CHECKING:
    from pathlib import Path


def lianfang(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LIANFANG_")}
    return subprocess.run(
        [sys.executable, "-m", "lianfang", *args],
        cwd=REPO,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_lianfang_serve_intake_refuses_to_start_outside_dev_mode(tmp_path: Path) -> None:
    done = lianfang(["serve", "intake"], LIANFANG_DATA_DIR=str(tmp_path))
    assert done.returncode != 0
    assert "refusing to start outside dev mode" in done.stderr
    assert "LIANFANG_JWKS_URL (or LIANFANG_JWKS_FILE) is not set" in done.stderr
    assert "LIANFANG_INTAKE_IDENTITY_KEY is the built-in development key" in done.stderr
    assert not (tmp_path / "intake.sqlite").exists()  # refused before opening anything


def test_a_worker_refuses_too_naming_only_what_is_missing(tmp_path: Path) -> None:
    done = lianfang(
        ["worker", "intake"],
        LIANFANG_DATA_DIR=str(tmp_path),
        LIANFANG_JWKS_FILE=str(TEST_JWKS_FILE),
    )
    assert done.returncode != 0
    assert "LIANFANG_INTAKE_IDENTITY_KEY is the built-in development key" in done.stderr
    assert "LIANFANG_JWKS_URL" not in done.stderr


def test_lianfang_token_works_only_in_dev_mode(tmp_path: Path) -> None:
    refused = lianfang(["token", "--role", "custodian", "--unit", "QX"])
    assert refused.returncode == 2
    assert "only in dev mode (LIANFANG_ENV=dev)" in refused.stderr
    assert refused.stdout == ""
    key_file = tmp_path / "dev-signing-key.pem"
    minted = lianfang(
        ["token", "--role", "office", "--unit", "QX"],
        LIANFANG_ENV="dev",
        LIANFANG_DEV_KEY_FILE=str(key_file),
    )
    assert minted.returncode == 0, minted.stderr
    assert minted.stdout.count(".") == 2  # a JWT
    too_long = lianfang(
        ["token", "--role", "office", "--unit", "QX", "--hours", "9"],
        LIANFANG_ENV="dev",
        LIANFANG_DEV_KEY_FILE=str(key_file),
    )
    assert too_long.returncode == 2
    assert "at most 8:00:00" in too_long.stderr

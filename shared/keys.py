"""Where a process finds its token keys, and the refusal to serve on development secrets.

Every service verifies tokens with the issuer's public keys (shared/auth.py): from the district
console's JWKS URL (`LIANFANG_JWKS_URL`) or a JWKS file (`LIANFANG_JWKS_FILE`). In dev mode
(`LIANFANG_ENV=dev`: `make run`, the tests) with neither set, a development key pair in a file
(`LIANFANG_DEV_KEY_FILE`, default `var/dev-signing-key.pem`, created on first use) signs the
tokens of `lianfang token` and the demo, and its public half (`<name>.jwks.json` beside it) is what
the services check them with. Outside dev mode a serving process refuses to start without a key
source, or on any built-in development secret (issue #14: no silent development secrets).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from shared.auth import (
    JwksFile,
    JwksUrl,
    KeyConfigurationError,
    KeySource,
    Revocations,
    SigningKey,
    TokenIssuer,
    TokenVerifier,
    jwks_of,
)

if TYPE_CHECKING:
    from shared.clock import Clock
    from shared.settings import CommonSettings, ServiceSettings

DEV_POSTGRES_PASSWORD = "lianfang"  # noqa: S105 - the built-in default, refused outside dev mode


def key_source(common: CommonSettings, clock: Clock) -> KeySource:
    """The issuer's public keys as configured: URL, else file, else (dev mode only) the
    development key's JWKS. KeyConfigurationError, naming the settings, when none applies."""
    if common.jwks_url:
        return JwksUrl(common.jwks_url, clock)
    if common.jwks_file is not None:
        return JwksFile(common.jwks_file)
    if common.dev_mode:
        dev_signing_key(common.dev_key_file)  # its JWKS is written beside it
        return JwksFile(dev_jwks_path(common.dev_key_file))
    raise KeyConfigurationError(
        "no token keys: set LIANFANG_JWKS_URL (the district console's /.well-known/jwks.json) "
        "or LIANFANG_JWKS_FILE; only LIANFANG_ENV=dev falls back to a development key"
    )


def verifier_for(
    common: CommonSettings,
    clock: Clock,
    keys: KeySource | None = None,
    revocations: Revocations | None = None,
) -> TokenVerifier:
    """This node's verifier: its keys, issuer, audience and lifetime cap from the settings."""
    return TokenVerifier(
        keys or key_source(common, clock),
        common.jwt_issuer,
        common.audience,
        clock,
        max_ttl=timedelta(hours=common.token_max_ttl_hours),
        revocations=revocations,
    )


def dev_issuer(common: CommonSettings, clock: Clock) -> TokenIssuer:
    """An issuer with the development key (dev mode only: `lianfang token`, the demo)."""
    if not common.dev_mode:
        raise KeyConfigurationError(
            "the development key signs only in dev mode (LIANFANG_ENV=dev); outside it, tokens "
            "come from the district console's sign-in"
        )
    return TokenIssuer(
        dev_signing_key(common.dev_key_file),
        common.jwt_issuer,
        clock,
        max_ttl=timedelta(hours=common.token_max_ttl_hours),
    )


def dev_jwks_path(key_file: Path) -> Path:
    """Where the development key's public JWKS lies: beside it, `<name>.jwks.json`."""
    return key_file.with_name(f"{key_file.stem}.jwks.json")


def dev_signing_key(key_file: Path) -> SigningKey:
    """The development key of `key_file`, created on first use (several processes may start at
    once: the first to link its file wins, the others read it); its JWKS is (re)written beside.
    Its kid follows from its public key, so every process names it alike."""
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        fresh = SigningKey.generate("pending")
        fd, tmp = tempfile.mkstemp(dir=key_file.parent, prefix=".dev-key-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(fresh.to_pem())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, key_file)  # atomic: fails when another process was first
        finally:
            os.unlink(tmp)
    try:
        pem = key_file.read_bytes()
    except OSError as exc:
        raise KeyConfigurationError(f"development key {key_file} is not readable: {exc}") from exc
    key = SigningKey.from_pem(pem, "pending")
    key = SigningKey.from_pem(pem, _dev_kid(key))
    _write_atomically(dev_jwks_path(key_file), json.dumps(jwks_of([key]), indent=2) + "\n")
    return key


def _dev_kid(key: SigningKey) -> str:
    x = key.public_jwk()["x"]
    return "dev-" + hashlib.sha256(x.encode("ascii")).hexdigest()[:12]


def _write_atomically(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def development_secret_problems(settings: ServiceSettings) -> list[str]:
    """Why this process may not serve outside dev mode: each problem names its setting. Empty
    in dev mode, and when every secret is the deployment's own."""
    common = settings.common
    if common.dev_mode:
        return []
    problems: list[str] = []
    if not common.jwks_url and common.jwks_file is None:
        problems.append(
            "LIANFANG_JWKS_URL (or LIANFANG_JWKS_FILE) is not set: no public keys to check tokens "
            "with; point it at the district console's /.well-known/jwks.json"
        )
    if (
        common.store == "postgres"
        and common.postgres_password.get_secret_value() == DEV_POSTGRES_PASSWORD
    ):
        problems.append(
            "LIANFANG_POSTGRES_PASSWORD is the built-in development password; set the database's"
        )
    if common.dev_clock_file is not None:
        problems.append(
            "LIANFANG_DEV_CLOCK_FILE is set: a shifted clock would shorten the regulation's "
            "periods (公示期, Art. 10); unset it"
        )
    problems.extend(settings.development_secrets())
    return problems


def refuse_development_secrets(settings: ServiceSettings, service: str) -> None:
    """Stop a serving process before it starts on development secrets (SystemExit: the
    message on stderr, status 1)."""
    problems = development_secret_problems(settings)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise SystemExit(
            f"lianfang {service}: refusing to start outside dev mode (LIANFANG_ENV is not dev):\n"
            f"{lines}\n(docs/tokens.md; for a laptop, LIANFANG_ENV=dev as `make run` sets it)"
        )

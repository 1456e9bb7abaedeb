"""`lianfang keys`: the token-signing keys of the district's issuer (docs/tokens.md, runbook).

    lianfang keys new PATH [--kid KID]      # a new Ed25519 key (PEM, mode 0600); prints its kid
    lianfang keys jwks PEM... [--out FILE]  # the JWKS publishing those keys' public halves
    lianfang keys reseal-identities --by USER --authority TEXT   # after an identity-key rotation

Only the district console holds a signing key; every service is given its public half (the
console's JWKS URL, or a JWKS file made here). The kid of a key is its RFC 7638 thumbprint unless
given, so a key file names its own kid (`PEM` may be written `PATH:KID` for a given one).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from shared.auth import KeyConfigurationError, SigningKey, jwks_of

keys_app = typer.Typer(no_args_is_help=True, help="Token-signing keys (the issuer's) and JWKS.")


def load_signing_key(spec: str) -> SigningKey:
    """`PATH` or `PATH:KID`: the key of a PEM file, its kid given or its thumbprint."""
    path, _, kid = spec.rpartition(":") if not Path(spec).exists() else (spec, "", "")
    pem = Path(path).read_bytes()
    key = SigningKey.from_pem(pem, kid or "pending")
    return key if kid else SigningKey.from_pem(pem, key.thumbprint())


@keys_app.command()
def new(
    path: Annotated[Path, typer.Argument(help="Where to write the private key (PEM).")],
    kid: Annotated[str | None, typer.Option(help="Its key id (default: its thumbprint).")] = None,
) -> None:
    """Make a new Ed25519 signing key, readable by its owner only; print its kid."""
    fresh = SigningKey.generate("pending")
    key = SigningKey.from_pem(fresh.to_pem(), kid or fresh.thumbprint())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        typer.echo(f"lianfang keys new: {path} exists; a key is never overwritten", err=True)
        raise typer.Exit(2) from None
    with os.fdopen(fd, "wb") as out:
        out.write(key.to_pem())
    typer.echo(key.kid)


@keys_app.command()
def jwks(
    keys: Annotated[list[str], typer.Argument(help="PEM files (PATH or PATH:KID), newest first.")],
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """The JWKS publishing the public halves of the given keys (never a private part)."""
    try:
        document = jwks_of(load_signing_key(spec) for spec in keys)
    except (OSError, KeyConfigurationError) as exc:
        typer.echo(f"lianfang keys jwks: {exc}", err=True)
        raise typer.Exit(2) from exc
    text = json.dumps(document, indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


@keys_app.command("reseal-identities")
def reseal_identities(
    by: Annotated[str, typer.Option(help="Who re-seals: your user id (recorded).")],
    authority: Annotated[
        str, typer.Option(help="On what authority: the key rotation's order (recorded).")
    ],
) -> None:
    """Seal every petitioner identity an older identity key sealed again under the current
    `LIANFANG_INTAKE_IDENTITY_KEY`, each a recorded event (Art. 22; docs/runbook.md). Run it on
    the intake's store with the old keys still in `LIANFANG_INTAKE_IDENTITY_PREVIOUS_KEYS`;
    when it reports none left under an old key, that key may be dropped. Exit 1 if some
    identity no configured key opens."""
    from services import registry
    from services.intake.app import IntakeApplication
    from shared.runtime import Runtime

    spec, settings = registry.load("intake")
    runtime = Runtime(spec, settings())
    try:
        app = runtime.app
        assert isinstance(app, IntakeApplication)
        actor = {"user_id": by, "role": "operator", "unit_code": runtime.common.node_root_unit}
        done = app.reseal_identities(actor, authority)
    finally:
        runtime.close()
    typer.echo(
        f"identities: {done.resealed} re-sealed under key {done.key_id}, "
        f"{done.current} already under it"
    )
    for key_id, count in sorted(done.unopened.items()):
        typer.echo(f"{count} sealed under key {key_id} that no configured key opens", err=True)
    if done.unopened:
        raise typer.Exit(1)

"""`lianfang keys`: the issuer's keys made and published without a private part leaking."""

from __future__ import annotations

import json
import stat
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.testing import CliRunner

from lianfang.cli import app
from lianfang.cli_keys import load_signing_key
from shared.auth import SigningKey, StaticJwks, TokenIssuer, TokenVerifier
from shared.clock import ManualClock

if TYPE_CHECKING:
    from pathlib import Path


def test_a_new_key_is_its_owner_s_only_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "signing.pem"
    made = CliRunner().invoke(app, ["keys", "new", str(path)])
    assert made.exit_code == 0, made.output
    kid = made.output.strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_signing_key(str(path)).kid == kid  # the kid is the key's own thumbprint
    again = CliRunner().invoke(app, ["keys", "new", str(path)])
    assert again.exit_code == 2
    assert load_signing_key(str(path)).kid == kid


def test_the_jwks_publishes_public_halves_the_services_verify_with(tmp_path: Path) -> None:
    old, new = tmp_path / "old.pem", tmp_path / "new.pem"
    CliRunner().invoke(app, ["keys", "new", str(old)])
    CliRunner().invoke(app, ["keys", "new", str(new), "--kid", "2026-12"])
    out = tmp_path / "jwks.json"
    done = CliRunner().invoke(app, ["keys", "jwks", f"{new}:2026-12", str(old), "--out", str(out)])
    assert done.exit_code == 0, done.output
    document = json.loads(out.read_text())
    old_key = load_signing_key(str(old))
    assert [k["kid"] for k in document["keys"]] == ["2026-12", old_key.kid]
    assert all("d" not in k for k in document["keys"])
    clock = ManualClock()
    verifier = TokenVerifier(StaticJwks(document), "lianfang", "district", clock)
    for key in (load_signing_key(f"{new}:2026-12"), old_key):
        token = TokenIssuer(key, "lianfang", clock).mint(
            "u", ["office"], "QX", audience=["district"]
        )
        assert verifier.verify(token).user_id == "u"


def test_the_thumbprint_is_rfc_7638_s() -> None:
    """RFC 8037 appendix A.3: the thumbprint of its example Ed25519 key."""
    seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    key = SigningKey(Ed25519PrivateKey.from_private_bytes(seed), "rfc8037")
    assert key.public_jwk()["x"] == "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    assert key.thumbprint() == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"

"""Re-sealing petitioners' identities after the identity key rotates (Art. 22; issue #17 item 7).

The intake's SQLite store holds two petitions sealed under key A. The operator rotates to key B
(A kept as a previous key) and runs `lianfang keys reseal-identities`: each identity is sealed
again under B, a recorded event naming who and on what authority; the first ciphertext stays in
its own event (events are facts). A second run re-seals nothing. Then B alone opens every
identity (A may be retired), and a node given neither key is told which key's identities it
cannot open, with exit status 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from cryptography.fernet import Fernet
from typer.testing import CliRunner

from lianfang.cli import app as cli
from services import registry
from services.intake.app import IntakeApplication
from services.intake.identity.cipher import IdentityCipher
from services.intake.identity.model import PetitionerIdentity, ProtectedIdentity
from shared.kafka import KafkaAccess
from shared.runtime import Runtime
from tests.support.processes import node_env
from tests.unit.intake.support import DISTRICT_OFFICE, draft

if TYPE_CHECKING:
    from pathlib import Path
    from uuid import UUID

KEY_A, KEY_B, KEY_C = (Fernet.generate_key().decode() for _ in range(3))
AUTHORITY = "清新纪发〔2026〕9号 密钥轮换"
WHO = {
    "XF-R1": PetitionerIdentity(name="张某", contact="13800138000"),
    "XF-R2": PetitionerIdentity(name="李某", id_number="110101199003071234"),
}


def open_intake(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], key: str, previous: str = ""
) -> Runtime:
    """The node's environment with these identity keys (as the CLI reads it), and its runtime."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LIANFANG_INTAKE_IDENTITY_KEY", key)
    monkeypatch.setenv("LIANFANG_INTAKE_IDENTITY_PREVIOUS_KEYS", previous)
    spec, settings = registry.load("intake")
    return Runtime(spec, settings())


def identities(app: IntakeApplication, cases: dict[str, UUID]) -> dict[str, ProtectedIdentity]:
    return {
        ref: app.repository.get(ProtectedIdentity.create_id(case)) for ref, case in cases.items()
    }


def test_identities_are_resealed_under_the_new_key_once_and_the_old_key_can_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = node_env(KafkaAccess("127.0.0.1:9"), tmp_path / "data", "reseal")
    runtime = open_intake(monkeypatch, env, KEY_A)
    app = runtime.app
    assert isinstance(app, IntakeApplication)
    cases = {
        ref: app.file_information(
            draft(ref, unit="QX-ZRZY", channel="petition", petitioner=who), DISTRICT_OFFICE
        ).information_id
        for ref, who in WHO.items()
    }
    first = {ref: sealed.ciphertext for ref, sealed in identities(app, cases).items()}
    runtime.close()
    key_a, key_b = IdentityCipher(KEY_A).key_id, IdentityCipher(KEY_B).key_id
    runner = CliRunner()
    command = ["keys", "reseal-identities", "--by", "u-ops", "--authority", AUTHORITY]

    # Rotated: B seals now, A still opens. The re-seal, then once more.
    open_intake(monkeypatch, env, KEY_B, KEY_A).close()
    resealed = runner.invoke(cli, command)
    assert resealed.exit_code == 0, resealed.output
    assert f"2 re-sealed under key {key_b}, 0 already under it" in resealed.output
    again = runner.invoke(cli, command)
    assert f"0 re-sealed under key {key_b}, 2 already under it" in again.output

    # B alone opens every identity now; the first ciphertexts stay in their events.
    runtime = open_intake(monkeypatch, env, KEY_B)
    app = runtime.app
    assert isinstance(app, IntakeApplication)
    try:
        for ref, sealed in identities(app, cases).items():
            assert app.cipher.sealed_with(sealed.ciphertext) == key_b
            assert app.cipher.open(sealed.ciphertext, cases[ref]) == WHO[ref]
            events = list(app.repository.event_store.get(sealed.id))
            assert [type(e).__name__ for e in events] == ["Sealed", "Resealed"]
            fact, reseal = events
            assert fact.ciphertext == first[ref]  # type: ignore[attr-defined]
            assert app.cipher.sealed_with(first[ref]) == key_a
            assert (reseal.by["user_id"], reseal.authority) == ("u-ops", AUTHORITY)  # type: ignore[attr-defined]
            assert (reseal.from_key_id, reseal.key_id) == (key_a, key_b)  # type: ignore[attr-defined]
            assert WHO[ref].name not in reseal.ciphertext  # type: ignore[attr-defined]
    finally:
        runtime.close()

    # A node given another key: told which key's identities it cannot open, and failing.
    open_intake(monkeypatch, env, KEY_C).close()
    stranded = runner.invoke(cli, command)
    assert stranded.exit_code == 1
    assert f"2 sealed under key {key_b} that no configured key opens" in stranded.output

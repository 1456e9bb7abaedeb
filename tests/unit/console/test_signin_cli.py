"""`lianfang signin`: the operator's way back in when the only admin is locked out or has lost
their authenticator — each step recorded as by operator:NAME, with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from lianfang.cli import app as cli
from services import registry
from services.console.accounts.imports import AccountDraft
from services.console.app import ConsoleApplication
from services.console.signin.handlers import SignInRefused
from shared.auth import Principal, Role
from shared.runtime import Runtime

if TYPE_CHECKING:
    from pathlib import Path

ADMIN = "qx-only-admin"
PASSWORD = "Only-admin-2026"
SETUP = Principal("u-setup", frozenset({Role.ADMIN}), "QX")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIANFANG_STORE", "sqlite")
    monkeypatch.setenv("LIANFANG_DATA_DIR", str(tmp_path))
    return tmp_path


def console() -> tuple[Runtime, ConsoleApplication]:
    spec, settings = registry.load("console")
    runtime = Runtime(spec, settings())
    assert isinstance(runtime.app, ConsoleApplication)
    return runtime, runtime.app


def test_an_operator_unlocks_the_only_admin_and_removes_their_lost_factor(store: Path) -> None:
    runtime, app = console()
    draft = AccountDraft(ADMIN, "唯一管理员", "QX", grants=((Role.ADMIN, "QX"),))
    app.open_account(draft, "清新纪发〔2026〕1号", SETUP)
    app.set_password(ADMIN, PASSWORD, {"user_id": "setup"})
    app.enrol_known_secret(ADMIN, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", {"user_id": "setup"})
    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017, PT011 - refused, then locked out
            app.sign_in(ADMIN, "Wrong-guess-2026", None)
    runtime.close()

    runner = CliRunner()
    shown = runner.invoke(cli, ["signin", "status", ADMIN])
    assert shown.exit_code == 0, shown.output
    assert "locked_until: 20" in shown.output
    no_reason = runner.invoke(
        cli, ["signin", "unlock", ADMIN, "--reason", " ", "--operator", "zhang"]
    )
    assert no_reason.exit_code == 1
    unlocked = runner.invoke(
        cli, ["signin", "unlock", ADMIN, "--reason", "电话核实本人", "--operator", "zhang"]
    )
    assert unlocked.exit_code == 0, unlocked.output
    removed = runner.invoke(
        cli, ["signin", "remove-factor", ADMIN, "--reason", "手机遗失", "--operator", "zhang"]
    )
    assert removed.exit_code == 0, removed.output
    reset = runner.invoke(
        cli, ["signin", "set-password", ADMIN, "--operator", "zhang"],
        input="Brand-new-2026-x\nBrand-new-2026-x\n",
    )  # fmt: skip
    assert reset.exit_code == 0, reset.output

    runtime, app = console()
    try:
        with pytest.raises(SignInRefused):
            app.sign_in(ADMIN, PASSWORD, None)
        signed = app.sign_in(ADMIN, "Brand-new-2026-x", None)
        assert signed.withheld == {Role.ADMIN}  # to enrol a new authenticator first
        credential = app.credential(ADMIN)
        assert credential is not None
        events = app.repository.event_store.get(credential.id)
        unlock = next(e for e in events if type(e).__name__ == "Unlocked")
        assert unlock.by["user_id"] == "operator:zhang"  # type: ignore[attr-defined]
        assert unlock.reason == "电话核实本人"  # type: ignore[attr-defined]
    finally:
        runtime.close()

"""`lianfang accounts open-admin`: the first admin of a new deployment, opened by the operator in
the console's store with a first password that is never echoed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typer.testing import CliRunner

from lianfang.cli import app
from services import registry
from services.console.accounts.model import Account
from services.console.app import ConsoleApplication
from shared.auth import Role
from shared.runtime import Runtime

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

PASSWORD = "Shou-Ci-2026!"


def test_the_operator_opens_the_first_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIANFANG_DATA_DIR", str(tmp_path))
    command = ["accounts", "open-admin", "qx-first-admin", "--name", "首任管理员", "--unit", "QX",
               "--authority", "清新纪发〔2026〕1号"]  # fmt: skip
    weak = CliRunner().invoke(app, command, input="short\nshort\n")
    assert weak.exit_code == 1
    assert "password" in weak.output
    done = CliRunner().invoke(app, command, input=f"{PASSWORD}\n{PASSWORD}\n")
    assert done.exit_code == 0, done.output
    assert PASSWORD not in done.output
    again = CliRunner().invoke(app, command, input=f"{PASSWORD}\n{PASSWORD}\n")
    assert (again.exit_code, "has an account already" in again.output) == (1, True)
    spec, settings = registry.load("console")
    runtime = Runtime(spec, settings())
    try:
        console = runtime.app
        assert isinstance(console, ConsoleApplication)
        account = console.account("qx-first-admin")
        assert account.holds(Role.ADMIN, "QX")
        [grant] = account.sorted_grants()
        assert grant.granted_by["user_id"].startswith("operator:")
        # The password signs in; the admin role waits for the second factor they enrol first.
        signed_in = console.sign_in("qx-first-admin", PASSWORD, None)
        assert (signed_in.roles, signed_in.withheld) == (frozenset(), {Role.ADMIN})
    finally:
        runtime.close()


def test_the_operator_announces_the_grants_recorded_before_role_granted_existed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`lianfang accounts publish-grants`: once, on the record, in any mode (docs/runbook.md)."""
    monkeypatch.setenv("LIANFANG_DATA_DIR", str(tmp_path))
    opened = CliRunner().invoke(
        app,
        ["accounts", "open-admin", "qx-first-admin", "--name", "首任管理员", "--unit", "QX",
         "--authority", "清新纪发〔2026〕1号"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output
    spec, settings = registry.load("console")
    runtime = Runtime(spec, settings())
    try:  # a grant as an earlier version recorded it: no user id
        console = runtime.app
        assert isinstance(console, ConsoleApplication)
        account = console.account("qx-first-admin")
        by = {"user_id": "operator:ops", "role": "admin", "unit_code": "QX"}
        account._granted(
            role="auditor", unit_code="QX", authority="清新纪发〔2025〕3号", granted_by=by,
            granted_at=console.clock.now(), user_id="",
        )  # fmt: skip
        console.save(account)
    finally:
        runtime.close()
    command = ["accounts", "publish-grants", "--authority", "清新纪发〔2026〕40号"]
    first = CliRunner().invoke(app, command)
    assert first.exit_code == 0, first.output
    assert first.output.startswith("1 earlier grants and revocations announced")
    again = CliRunner().invoke(app, command)
    assert (again.exit_code, again.output.startswith("Nothing to announce")) == (0, True)
    runtime = Runtime(spec, settings())
    try:
        console = runtime.app
        assert isinstance(console, ConsoleApplication)
        stored = list(console.events.get(console.account("qx-first-admin").id))
        [announced] = [s for s in stored if isinstance(s, Account.EarlierChangeAnnounced)]
        assert (announced.role, announced.announced_on) == ("auditor", "清新纪发〔2026〕40号")
        assert announced.announced_by["user_id"].startswith("operator:")
    finally:
        runtime.close()

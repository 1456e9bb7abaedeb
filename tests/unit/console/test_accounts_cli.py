"""`lianfang accounts open-admin`: the first admin of a new deployment, opened by the operator in
the console's store with a first password that is never echoed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typer.testing import CliRunner

from lianfang.cli import app
from services import registry
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

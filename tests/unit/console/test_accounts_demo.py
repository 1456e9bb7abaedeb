"""The demo district's accounts: opened once in the district console's store, with passwords and,
for the privileged roles, the demo authenticator; the leadership teams and judgement group are
the very people the rest of the demo names (Art. 14, 22, 25)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lianfang.demo_accounts import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    PRIVILEGED,
    load_accounts_demo,
    seed_console,
    sign_in_help,
)
from lianfang.demo_chain import GROUP
from services.console.app import ConsoleApplication
from services.console.signin.factors import totp_code
from services.console.signin.model import SignInRules, check_password
from shared.auth import Role
from shared.clock import ManualClock
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from shared.settings import CommonSettings
from tests.support.stores import MEMORY

if TYPE_CHECKING:
    from pathlib import Path


def test_the_demo_accounts_are_opened_once_with_their_credentials() -> None:
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    app = ConsoleApplication(dict(MEMORY), clock=ManualClock(), org=org)
    opened = load_accounts_demo(app)
    assert opened == [p.user_id for p in DEMO_ACCOUNTS]
    assert load_accounts_demo(app) == []  # a re-run opens nothing
    for person in DEMO_ACCOUNTS:
        account = app.account(person.user_id)
        assert account.holds(person.role, person.unit_code)
        credential = app.credential(person.user_id)
        assert credential is not None
        assert credential.has_second_factor is (person.role in PRIVILEGED)
        check_password(DEMO_PASSWORD, person.user_id, SignInRules())  # the rules accept it
    for code in ("QX", "QX-TH"):
        team = {h.user_id for h in app.holders(Role.LEADER, code)}
        assert team == set(org.get(code).leadership_team_ids)  # the org tree's 领导班子
        roles = {p.role for p in DEMO_ACCOUNTS if p.unit_code == code}
        assert roles == set(Role) - {Role.PUBLIC}  # every person's role, in both units
    assert {h.user_id for h in app.holders(Role.JUDGE, "QX")} == set(GROUP)
    # Everyone signs in with the printed password; the custodian with the printed secret's code.
    officer = app.sign_in("demo-qx-th-officer", DEMO_PASSWORD, None)
    assert officer.roles == {Role.OFFICER}
    code = totp_code(DEMO_TOTP_SECRET, app.clock.now())
    custodian = app.sign_in("demo-qx-th-custodian", DEMO_PASSWORD, code)
    assert (custodian.roles, custodian.second_factor) == ({Role.CUSTODIAN}, True)
    help_text = sign_in_help("http://127.0.0.1:8100")
    assert DEMO_PASSWORD in help_text
    assert "demo-qx-th-custodian" in help_text
    app.close()


def test_the_loader_seeds_the_console_s_own_store(tmp_path: Path) -> None:
    common = CommonSettings(data_dir=tmp_path, node_id="district", node_root_unit="QX")
    assert len(seed_console(common)) == len(DEMO_ACCOUNTS)
    assert (tmp_path / "console.sqlite").exists()
    assert seed_console(common) == []  # the same store, read again

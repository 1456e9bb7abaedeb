"""A service's record of the directory's grants (shared/grants.py): who held a post when, read off
the RoleGranted / RoleRevoked it took in, whatever order they arrived in, and kept across restarts
(Art. 14, 22, 23, 25)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from services.register.app import RegisterApplication
from shared.auth import Role
from shared.clock import BEIJING, ManualClock
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.events import role_granted, role_revoked, take_in
from tests.support.stores import sqlite_env

if TYPE_CHECKING:
    from pathlib import Path

MARCH = datetime(2026, 3, 1, 9, tzinfo=BEIJING)
DAY = timedelta(days=1)


def register(env: dict[str, str]) -> RegisterApplication:
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    return RegisterApplication(env, clock=ManualClock(MARCH + 30 * DAY), org=org)


def test_the_times_decide_not_the_order_of_arrival_and_a_restart_keeps_them(
    tmp_path: Path,
) -> None:
    env = sqlite_env(tmp_path / "register.db")
    app = register(env)
    # The revocation arrives before the grant it ends; a judge grant of another unit, and a
    # custodian grant the register does not follow, change nothing here.
    take_in(app, role_revoked("u-mayor", "leader", "QX-TH", MARCH + 10 * DAY))
    take_in(app, role_granted("u-mayor", "leader", "QX-TH", MARCH))
    take_in(app, role_granted("u-mayor", "judge", "QX-TP", MARCH))
    take_in(app, role_granted("u-keeper", "custodian", "QX-TH", MARCH))
    directory = app.directory
    assert directory.holds("u-mayor", Role.LEADER, "QX-TH", MARCH + DAY)
    assert not directory.holds("u-mayor", Role.LEADER, "QX-TH", MARCH - DAY)  # not yet
    assert not directory.holds("u-mayor", Role.LEADER, "QX-TH", MARCH + 10 * DAY)  # ended
    assert not directory.holds("u-mayor", Role.LEADER, "QX-TP", MARCH + DAY)  # another unit
    assert directory.holders(Role.JUDGE, "QX-TP", MARCH) == ["u-mayor"]
    assert directory.holders(Role.CUSTODIAN, "QX-TH", MARCH + DAY) == []  # not followed
    # The same grant delivered again is taken once; a grant and a revocation at the same time:
    # the revocation wins.
    again = role_granted("u-deputy", "leader", "QX-TH", MARCH)
    take_in(app, again)
    take_in(app, again)
    take_in(app, role_revoked("u-deputy", "leader", "QX-TH", MARCH))
    assert directory.holders(Role.LEADER, "QX-TH", MARCH + DAY) == ["u-mayor"]
    app.close()

    restarted = register(env)  # another process on the same store reads the same record
    try:
        assert restarted.directory.holders(Role.LEADER, "QX-TH", MARCH + DAY) == ["u-mayor"]
        assert restarted.directory.holders(Role.LEADER, "QX-TH", MARCH + 10 * DAY) == []
    finally:
        restarted.close()

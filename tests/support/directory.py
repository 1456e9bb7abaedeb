"""The directory's posts as the services learn them: RoleGranted taken in, as from the console.

A service that checks a post at a moment (shared/grants.py: the register's leaders and judges,
the intake's leaders and officers) knows only what the console published. Tests hand it the
grants the district's demo people hold: the org seed's leadership teams 领导班子 (Art. 14) and
the judges and officers the tests name (Art. 22, 25), granted long before any test's clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from shared.auth import Role
from shared.clock import BEIJING
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.events import role_granted, take_in

if TYPE_CHECKING:
    from shared.events.console import RoleGranted

if TYPE_CHECKING:
    from collections.abc import Iterable

    from shared.application import ServiceApplication

LONG_AGO = datetime(2020, 1, 1, tzinfo=BEIJING)
"""When the tests' people were granted their posts: before every test's clock."""


def seed_leaders() -> list[tuple[str, Role, str]]:
    """Every member of every leadership team of the org seed, as a leader of their unit."""
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    return [
        (member, Role.LEADER, unit.code)
        for unit in org.subtree("QX")
        for member in unit.leadership_team_ids
    ]


TEST_JUDGES = (
    *((f"u-th-judge{n}", Role.JUDGE, "QX-TH") for n in ("", "2", "3", "4", "5")),
    *((f"u-qx-judge{n}", Role.JUDGE, "QX") for n in ("", "2", "3")),
    ("u-judge", Role.JUDGE, "QX"),
    ("u-tp-judge", Role.JUDGE, "QX-TP"),
    ("u-czs-judge", Role.JUDGE, "QX-TH-CZS"),
)
"""The judges the tests appoint to the 研判小组 of their unit (Art. 25)."""

TEST_OFFICERS = (
    ("u-li", Role.OFFICER, "QX-TH"),
    ("u-wai", Role.OFFICER, "QX-TH"),
    ("u-zrzy-li", Role.OFFICER, "QX-ZRZY"),
)
"""The information officers 信息员 the tests put on the intake's roster (Art. 22)."""


def grant_posts(
    app: ServiceApplication, posts: Iterable[tuple[str, Role, str]], at: datetime = LONG_AGO
) -> None:
    """Take in a RoleGranted for each (user id, role, unit), as the worker would."""
    for user_id, role, unit_code in posts:
        take_in(app, role_granted(user_id, role.value, unit_code, at))


def grant_test_posts(app: ServiceApplication, at: datetime = LONG_AGO) -> None:
    """The org seed's leadership teams and the tests' judges, granted in the directory before
    the test begins, to a service that follows those roles (what a deployment's worker takes in
    from the console; a test about a post held or not grants and revokes its own)."""
    if app.follows_roles:
        grant_posts(app, [p for p in posts_of_the_tests() if p[1] in app.follows_roles], at)


def posts_of_the_tests() -> list[tuple[str, Role, str]]:
    """The org seed's leadership teams and the tests' judges and officers."""
    return [*seed_leaders(), *TEST_JUDGES, *TEST_OFFICERS]


def demo_posts() -> list[tuple[str, Role, str]]:
    """The posts of the demo district's people (lianfang/demo_accounts.py) the services follow."""
    from lianfang.demo_accounts import DEMO_ACCOUNTS

    followed = {Role.LEADER, Role.JUDGE, Role.OFFICER}
    return [(p.user_id, p.role, p.unit_code) for p in DEMO_ACCOUNTS if p.role in followed]


def grants(posts: Iterable[tuple[str, Role, str]], at: datetime = LONG_AGO) -> list[RoleGranted]:
    """The console's RoleGranted for each post, to produce on its topic (e2e)."""
    return [role_granted(user_id, role.value, unit, at) for user_id, role, unit in posts]

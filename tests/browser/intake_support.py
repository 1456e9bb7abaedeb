"""What the intake and chain browser tests add to the stack: more people (the district's 研判小组
has three members, Art. 25; 太和镇's people for its own node, on the same Kafka and topics,
Art. 24), and the set-up an office would have done beforehand (an officer appointed, the
judgement group appointed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

import httpx

from lianfang.demo_register import once_the_directory_arrived
from shared.auth import Role
from tests.browser.people import PEOPLE, Person
from tests.browser.stacks import Stack, serve_node
from tests.support.tokens import issuer

if TYPE_CHECKING:
    from collections.abc import Iterable

# The district's 研判小组 needs three sign-offs (at least 3, Art. 25): two more members.
JUDGE2 = Person("u-qx-judge2", "林研判", "QX", ((Role.JUDGE, "QX"),))
JUDGE3 = Person("u-qx-judge3", "黄研判", "QX", ((Role.JUDGE, "QX"),))
# An external 信息员 of 太和镇 the office puts on its roster in the browser (Art. 22): the roster
# takes only someone the directory grants the officer role.
TH_OFFICER = Person("u-th-sun", "孙联络", "QX-TH", ((Role.OFFICER, "QX-TH"),))
DISTRICT_EXTRA = (JUDGE2, JUDGE3, TH_OFFICER)

# 太和镇's node (town-taihe): its office (with an authenticator), its 研判小组 and the leader of
# its 规划建设办公室 (that unit's whole leadership team in the org seed).
TAIHE_OFFICE = Person(
    "u-taihe-office", "何镇预防", "QX-TH", ((Role.OFFICE, "QX-TH"),),
    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
)  # fmt: skip
TAIHE_JUDGES = tuple(
    Person(f"u-taihe-judge{n}", name, "QX-TH", ((Role.JUDGE, "QX-TH"),))
    for n, name in ((1, "梁研判"), (2, "罗研判"), (3, "宋研判"))
)
TAIHE_GHB_HEAD = Person("u-taihe-ghb-head", "钟主任", "QX-TH-GHB", ((Role.LEADER, "QX-TH-GHB"),))
TAIHE_PEOPLE = (TAIHE_OFFICE, *TAIHE_JUDGES, TAIHE_GHB_HEAD)
GROUP_AUTHORITY = "清新纪发〔2026〕研判小组"


def everyone_of_the_district() -> tuple[Person, ...]:
    return (*PEOPLE, *DISTRICT_EXTRA)


def as_office(stack: Stack, unit: str, user: str) -> dict[str, str]:
    """An office's bearer token for the stack's node (set-up a test does not enact)."""
    minter = issuer().for_audience(stack.node.node_id)
    return {"Authorization": f"Bearer {minter.mint(user, [Role.OFFICE], unit)}"}


def appoint_officer(stack: Stack, officer: Person, units: list[str]) -> None:
    """The office appoints the information officer 信息员 covering `units` (Art. 22)."""
    body = {"user_id": officer.user_id, "name": officer.name, "kind": "internal", "units": units,
            "active_from": (datetime.now(UTC) - timedelta(days=1)).isoformat()}  # fmt: skip
    office = as_office(stack, stack.node.root_unit, "u-setup-office")
    path = f"{stack.service_urls['intake']}/officers"
    # The intake checks the directory's officer grant, from the console's topic (Art. 22).
    answer = once_the_directory_arrived(partial(httpx.post, path, json=body, headers=office))
    assert answer.status_code == 201, answer.text


def appoint_group(stack: Stack, unit: str, members: Iterable[Person]) -> None:
    """The office appoints the unit's 研判小组 (Art. 25)."""
    office = as_office(stack, stack.node.root_unit, "u-setup-office")
    for m in members:
        body = {"user_id": m.user_id, "name": m.name, "authority": GROUP_AUTHORITY}
        path = f"{stack.register_url}/units/{unit}/judgement-group/members"
        # The register checks the directory's judge grant, which reaches it from the console's
        # topic a moment after the accounts are opened (shared/grants.py).
        answer = once_the_directory_arrived(partial(httpx.post, path, json=body, headers=office))
        assert answer.status_code == 201, answer.text


__all__ = ["serve_node"]  # the intake and chain modules start their nodes with it

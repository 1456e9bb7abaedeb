"""Consumers believe a record only from where it says it comes, and only from a node that may
speak for its unit (architecture: Trust boundaries; Art. 7; security review C2).

The review's exploit: a record on the register's topic, claiming a town's register moved a
district unit to the town's node, so that the town's custodian could read that unit's petitions.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar

from shared.events import (
    Actor,
    CloudEvent,
    OrgUnitChanged,
    OrgUnitChangedData,
    OrgUnitRegistered,
    OrgUnitRegisteredData,
)
from shared.orgtree import OrgDirectory
from shared.provenance import Provenance
from shared.runtime import DEFAULT_ORG_SEED
from shared.topics import Topics
from tests.support.events import risk_reported

AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
TOPICS = Topics("lianfang")
INTAKE, REGISTER = TOPICS.events("intake"), TOPICS.events("register")
E = TypeVar("E", bound=CloudEvent)


def check() -> Provenance:
    return Provenance(TOPICS, OrgDirectory.from_json(DEFAULT_ORG_SEED))


def from_node(event: E, node_id: str, service: str) -> E:
    data = event.data.model_copy(update={"node_id": node_id})
    return event.model_copy(update={"source": f"/lianfang/{node_id}/{service}", "data": data})


def moved_to(code: str, node: str, *, said_by: str) -> OrgUnitChanged:
    """`said_by`'s register announcing that `code` is now managed by `node`."""
    admin = Actor(user_id="u-admin", role="admin", unit_code="QX")
    data = OrgUnitChangedData(
        unit_code=code, node_id=said_by, actor=admin, authority="Art. 7", occurred_at=AT,
        code=code, name="区自然资源局", kind="district_department", parent_code="QX",
        managing_node_id=node, principal_leader_id=None, leadership_team_ids=(),
        business_department=None, changed=("managing_node_id",),
    )  # fmt: skip
    return OrgUnitChanged.create(
        data=data, subject=code, source=f"/lianfang/{said_by}/register", clock_now=AT
    )


def test_a_record_from_where_it_says_about_a_unit_its_node_manages_is_believed() -> None:
    assert check().doubt(risk_reported("QX-ZJ"), INTAKE) is None  # the district, its bureau
    # The district's node acts on the towns' units too: it manages the towns themselves.
    assert check().doubt(risk_reported("QX-TH-CZS"), INTAKE) is None
    town = from_node(risk_reported("QX-TH-V1"), "town-taihe", "intake")
    assert check().doubt(town, INTAKE) is None


def test_the_review_s_exploit_a_town_moving_a_district_unit_is_not_believed() -> None:
    forged = moved_to("QX-ZRZY", "town-taihe", said_by="town-taihe")
    doubt = check().doubt(forged, REGISTER)
    assert doubt is not None
    assert "town-taihe may not speak for unit QX-ZRZY" in doubt
    # The same change from the district's register, which manages the unit, is believed.
    assert check().doubt(moved_to("QX-ZRZY", "district", said_by="district"), REGISTER) is None


def test_a_town_speaks_for_no_other_town_and_cannot_take_over_its_own_government() -> None:
    other_town = from_node(risk_reported("QX-TP-CZS"), "town-taihe", "intake")
    assert "managed by town-taiping" in (check().doubt(other_town, INTAKE) or "")
    # The town's node may speak of 太和镇 itself (it transfers such information up, Art. 24) ...
    own_town = from_node(risk_reported("QX-TH"), "town-taihe", "intake")
    assert check().doubt(own_town, INTAKE) is None
    # ... but the district manages the town government (Art. 7): only it moves the unit.
    takeover = moved_to("QX-TH", "town-taihe", said_by="town-taihe")
    assert "managed by district" in (check().doubt(takeover, REGISTER) or "")


def test_an_event_on_another_service_s_topic_or_with_another_source_is_not_believed() -> None:
    report = risk_reported("QX-ZJ")
    assert "not on lianfang.register.events" in (check().doubt(report, REGISTER) or "")
    posing = report.model_copy(update={"source": "/lianfang/district/register"})
    assert "ce_source" in (check().doubt(posing, INTAKE) or "")
    # A source naming one node over data naming another: which one spoke is unknown.
    mixed = report.model_copy(update={"source": "/lianfang/town-taihe/intake"})
    assert "ce_source" in (check().doubt(mixed, INTAKE) or "")


def test_a_new_unit_is_judged_by_its_parent_s_manager() -> None:
    admin = Actor(user_id="u-admin", role="admin", unit_code="QX-TH")

    def registered(by: str, parent: str) -> OrgUnitRegistered:
        data = OrgUnitRegisteredData(
            unit_code="QX-TH-V9", node_id=by, actor=admin, authority="Art. 5", occurred_at=AT,
            code="QX-TH-V9", name="新设村", kind="village_committee", parent_code=parent,
            managing_node_id=by, principal_leader_id=None, leadership_team_ids=(),
            business_department=None,
        )  # fmt: skip
        return OrgUnitRegistered.create(
            data=data, subject="QX-TH-V9", source=f"/lianfang/{by}/register", clock_now=AT
        )

    assert check().doubt(registered("town-taihe", "QX-TH"), REGISTER) is None
    assert check().doubt(registered("town-taiping", "QX-TH"), REGISTER) is not None

"""Each node keeps its own cases (Art. 7, 27, 31): the district's node and 太和镇's, side by side.

第七条: "系统管理，按照干部管理权限实施". 第二十七条: "各级廉政风险防控机构按照干部管理权限负责对
本地、本部门廉政风险预警的处置". Both nodes read the same topics; each service on a node takes
in only what lies within its node's jurisdiction (shared/jurisdiction.py), on every store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar
from uuid import uuid4

import pytest

from services.assessment.app import AssessmentApplication
from services.register.app import RegisterApplication
from services.register.units.model import UnitDraft
from services.warning.app import WarningApplication
from services.warning.disposal.model import ProposalStatus
from shared.application import ServiceApplication
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict
from shared.events import Actor, InformationAcknowledged, InformationAcknowledgedData
from shared.jurisdiction import Node, Scope, has_jurisdiction
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.events import risk_reported
from tests.support.stores import InMemory, OnSQLite
from tests.unit.shared.test_org_follow import AT, NEW, registered
from tests.unit.warning.upstream import feed, judgement

if TYPE_CHECKING:
    from pathlib import Path

DISTRICT = Node("district", "QX")
TAIHE = Node("town-taihe", "QX-TH")

Stores = Callable[[Node, str], dict[str, str]]
_App = TypeVar("_App", bound=ServiceApplication)


class NodesStory:
    """The same upstream events reach the district's and 太和镇's services."""

    @pytest.fixture
    def stores(self, env: dict[str, str], tmp_path: Path) -> Stores:
        """A store per node and service, of the kind `env` names (separate SQLite files)."""

        def env_of(node: Node, service: str) -> dict[str, str]:
            if "SQLITE_DBNAME" not in env:
                return dict(env)
            return {**env, "SQLITE_DBNAME": str(tmp_path / f"{node.node_id}-{service}.sqlite")}

        return env_of

    def on(self, stores: Stores, kind: type[_App], node: Node) -> _App:
        """The service `kind` serving `node`, with its own copy of the tree."""
        org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        app = kind(stores(node, kind.name), clock=ManualClock(AT), org=org)
        app.bind_node(node, f"/lianfang/{node.node_id}/{kind.name}")
        return app

    def test_one_proposal_per_judgement_at_the_body_with_cadre_authority(
        self, stores: Stores
    ) -> None:
        """Art. 27: "各级廉政风险防控机构按照干部管理权限负责对本地、本部门廉政风险预警的处置"."""
        district = self.on(stores, WarningApplication, DISTRICT)
        town = self.on(stores, WarningApplication, TAIHE)
        # 太和镇财政所 is managed by the town: only the town's warning service proposes.
        about_unit = judgement(unit="QX-TH-CZS", judgement_id=uuid4())
        # The town government itself is managed by the district: only the district proposes.
        about_town = judgement(unit="QX-TH", judgement_id=uuid4())
        for event in (about_unit, about_town):
            feed(district, event)
            feed(town, event)
        town_rows = town.list_proposals("QX-TH", ProposalStatus.OPEN)
        district_rows = district.list_proposals("QX", ProposalStatus.OPEN)
        assert [r.subject_unit for r in town_rows] == ["QX-TH-CZS"]
        assert [r.subject_unit for r in district_rows] == ["QX-TH"]
        assert town.count_receipts() == 1  # the other judgement moved only the position
        district.close()
        town.close()

    def test_a_register_enters_the_reports_of_the_units_its_node_manages(
        self, stores: Stores
    ) -> None:
        """Art. 7: "系统管理，按照干部管理权限实施"; no district case in the town's store."""
        district = self.on(stores, RegisterApplication, DISTRICT)
        town = self.on(stores, RegisterApplication, TAIHE)
        for event in (risk_reported("QX-TH-CZS"), risk_reported("QX-ZJ"), risk_reported("QX-TH")):
            feed(district, event)
            feed(town, event)
        assert [r.unit_code for r in town.list_information("QX-TH")] == ["QX-TH-CZS"]
        assert sorted(r.unit_code for r in district.list_information("QX")) == ["QX-TH", "QX-ZJ"]
        district.close()
        town.close()

    def test_assessment_counts_the_facts_of_the_units_it_assesses_level_by_level(
        self, stores: Stores
    ) -> None:
        """Art. 31: "分级管理、逐级实施"; the district sees below the towns, a town never above."""
        district = self.on(stores, AssessmentApplication, DISTRICT)
        town = self.on(stores, AssessmentApplication, TAIHE)
        for event in (risk_reported("QX-TH-CZS"), risk_reported("QX-ZJ"), risk_reported("QX-TH")):
            feed(district, event)
            feed(town, event)
        year = 2026
        assert town.units_with_figures("QX-TH", year) == ["QX-TH-CZS"]
        assert district.units_with_figures("QX", year) == ["QX-TH", "QX-TH-CZS", "QX-ZJ"]
        district.close()
        town.close()

    def test_a_unit_the_district_registers_reaches_the_town_register_once(
        self, stores: Stores
    ) -> None:
        """A unit registered at the district's register is known to the town's, which manages
        it; it is not registered a second time there (Art. 5, 7)."""
        town = self.on(stores, RegisterApplication, TAIHE)
        feed(town, registered())  # published by the district's register
        assert town.unit(NEW).managing_node_id == "town-taihe"
        assert [u.code for u in town.org.subtree("QX-TH") if u.code == NEW] == [NEW]
        admin = Principal("u-th-admin", frozenset({Role.ADMIN}), "QX-TH")
        draft = UnitDraft(NEW, "再次登记", "village_committee", "QX-TH", "town-taihe")
        with pytest.raises(Conflict):
            town.register_unit(draft, admin)
        # A report about the new unit is the town's case (Art. 21).
        feed(town, risk_reported(NEW))
        assert [r.unit_code for r in town.list_information(NEW)] == [NEW]
        town.close()

    def test_a_register_never_takes_its_own_unit_events_back(self, stores: Stores) -> None:
        """What a register registered is in its own store; its event back from Kafka is not
        recorded a second time (the unit's own entry stays the one truth)."""
        district = self.on(stores, RegisterApplication, DISTRICT)
        before = district.count_receipts()
        feed(district, registered())  # source /lianfang/district/register: its own
        assert district.count_receipts() == before
        district.close()


class TestNodesInMemory(InMemory, NodesStory):
    pass


class TestNodesOnSQLite(OnSQLite, NodesStory):
    pass


def test_what_is_addressed_to_a_node_is_its_own_and_an_unknown_unit_its_raisers() -> None:
    """Art. 24/27: a forward's acknowledgement about a town's unit is the district's when
    addressed to it; an event about a unit nobody here knows is only its raiser's to refuse."""
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    actor = Actor(user_id="node:town-taihe", role="system", unit_code="QX-TH-V1")
    data = InformationAcknowledgedData(
        schema_version=1, unit_code="QX-TH-V1", node_id="town-taihe", actor=actor,
        authority="Art. 24", occurred_at=AT, information_id=uuid4(), to_node_id="district",
        forwarded_event_id=str(uuid4()),
    )  # fmt: skip
    ack = InformationAcknowledged.create(
        data=data, subject=str(data.information_id), source="/lianfang/town-taihe/intake",
        clock_now=AT,
    )  # fmt: skip
    assert has_jurisdiction(org, DISTRICT, ack, Scope.MANAGED)  # addressed to it
    assert has_jurisdiction(org, TAIHE, ack, Scope.MANAGED)  # about a unit it manages
    assert not has_jurisdiction(org, Node("town-taiping", "QX-TP"), ack, Scope.ASSESSED)

    nowhere = risk_reported("QX-NOWHERE")  # raised by the district's intake
    assert has_jurisdiction(org, DISTRICT, nowhere, Scope.MANAGED)
    assert not has_jurisdiction(org, TAIHE, nowhere, Scope.MANAGED)

"""The organisation tree kept by the register, told as a story per store (Art. 5–7, 14).

清新区's administrators add a new village committee under 太和镇, give the town a new leadership
team (which then approves gradings), and import a batch of units from a spreadsheet: all of it,
or — when rows are bad — none of it, with every bad row named.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from services.register.app import RegisterApplication
from services.register.contract import translate
from services.register.risk_points.handlers import RiskPointDraft
from services.register.risk_points.model import RiskStatus
from services.register.units.imports import ImportRejected, read_csv, read_json
from services.register.units.model import UnitDraft
from shared.auth import Principal, Role
from shared.clock import ManualClock
from shared.errors import Conflict, Forbidden, Invalid, NotFound
from shared.events import OrgUnitChanged, OrgUnitRegistered, parse_event
from shared.events.publish import Origin
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.directory import grant_posts
from tests.support.events import role_revoked, take_in
from tests.support.stores import InMemory, OnSQLite
from tests.unit.register.stories import RegisterStoryBase

if TYPE_CHECKING:
    from shared.events import CloudEvent

DISTRICT_ADMIN = Principal("u-qx-admin", frozenset({Role.ADMIN}), "QX")
TOWN_ADMIN = Principal("u-th-admin", frozenset({Role.ADMIN}), "QX-TH")
OFFICE = Principal("u-th-office", frozenset({Role.OFFICE}), "QX-TH")
ORIGIN = Origin("/lianfang/district/register", "district")
VILLAGE = UnitDraft(
    "QX-TH-V2", "太和镇第二村民委员会", "village_committee", "QX-TH", "town-taihe",
    "u-th-v2-head", ("u-th-v2-head", "u-th-v2-deputy"),
)  # fmt: skip
NEW_TEAM = ("u-taihe-secretary", "u-taihe-newmayor")
CSV_OK = (
    "code,name,kind,parent,node,principal_leader,leadership_team\n"
    "QX-TH-V3,太和镇第三村民委员会,village_committee,QX-TH,town-taihe,u-v3-head,u-v3-head;u-v3-dep\n"
    "QX-TH-V3-G1,第三村第一村民小组,village_committee,QX-TH-V3,town-taihe,,\n"
    "QX-TH-CZS,太和镇财政所,town_unit,QX-TH,town-taihe,u-czs-head,u-czs-head；u-czs-dep\n"
)


def published(app: RegisterApplication) -> list[CloudEvent]:
    """What the relay would publish from everything the register stored."""
    stored = app.recorder.select_notifications(start=None, limit=10_000)
    events = (app.mapper.to_domain_event(n) for n in stored)
    return [e for e in (translate(d, ORIGIN) for d in events) if e is not None]


NEW_LEADERS = [
    ("u-taihe-newmayor", Role.LEADER, "QX-TH"),
    ("u-czs-head", Role.LEADER, "QX-TH-CZS"),
    ("u-czs-dep", Role.LEADER, "QX-TH-CZS"),
]
"""The new leaders the tests name, as the directory granted them (Art. 14)."""


class OrgUnitStory(RegisterStoryBase):
    """Re-told per store: memory and SQLite here, PostgreSQL in tests/integration."""

    def make_app(self, env: dict[str, str], clock: ManualClock) -> RegisterApplication:
        app = super().make_app(env, clock)
        grant_posts(app, NEW_LEADERS)
        return app

    def test_art_5_a_unit_is_registered_under_its_parent_and_published(
        self, app: RegisterApplication
    ) -> None:
        app.register_unit(VILLAGE, TOWN_ADMIN)
        unit = app.org.get("QX-TH-V2")
        assert (unit.parent_code, unit.managing_node_id) == ("QX-TH", "town-taihe")
        assert app.org.is_within("QX-TH-V2", "QX-TH")
        [event] = published(app)
        assert isinstance(event, OrgUnitRegistered)
        assert event.data.code == event.data.unit_code == event.subject == "QX-TH-V2"
        assert event.data.leadership_team_ids == ("u-th-v2-head", "u-th-v2-deputy")
        assert event.data.actor.user_id == "u-th-admin"
        assert parse_event(event.model_dump(mode="json")) == event
        with pytest.raises(Conflict):
            app.register_unit(VILLAGE, TOWN_ADMIN)

    def test_art_14_a_changed_team_is_who_approves_gradings(self, app: RegisterApplication) -> None:
        town = app.org.get("QX-TH")
        # A name the directory does not know as a leader of the town is no member (Art. 14).
        stranger = UnitDraft(
            "QX-TH", town.name, town.kind, town.parent_code, town.managing_node_id,
            "u-taihe-secretary", ("u-taihe-secretary", "u-taihe-stranger"),
        )  # fmt: skip
        with pytest.raises(Invalid) as refused:
            app.change_unit(stranger, DISTRICT_ADMIN)
        assert refused.value.field == "leadership_team"
        assert "u-taihe-stranger holds no leader grant" in str(refused.value)
        assert published(app) == []  # nothing recorded
        changed = replace(stranger, leadership_team_ids=NEW_TEAM)
        assert app.change_unit(changed, DISTRICT_ADMIN) == ["leadership_team_ids"]
        assert app.change_unit(changed, DISTRICT_ADMIN) == []  # the same again changes nothing
        adopted, change = published(app)
        # A seeded unit is adopted (as it was) before its first change.
        assert isinstance(adopted, OrgUnitRegistered)
        assert "u-taihe-mayor" in adopted.data.leadership_team_ids
        assert isinstance(change, OrgUnitChanged)
        assert change.data.changed == ("leadership_team_ids",)
        assert change.data.leadership_team_ids == NEW_TEAM

        point_id = app.identify_risk_point(
            RiskPointDraft("QX-TH", "出纳", "post_duty", "一人审核支付", ["虚报冒领"]), OFFICE
        )
        factors = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
        with pytest.raises(Invalid):  # the old mayor is no longer on the team
            app.grade_risk_point(
                point_id, factors, reason="评定", responsible_leader_id="u-taihe-mayor", by=OFFICE
            )
        app.grade_risk_point(
            point_id, factors, reason="评定", responsible_leader_id="u-taihe-newmayor", by=OFFICE
        )
        with pytest.raises(Forbidden):
            app.vote(
                point_id, True, "", Principal("u-taihe-mayor", frozenset({Role.LEADER}), "QX-TH")
            )
        for member in NEW_TEAM:
            app.vote(point_id, True, "同意", Principal(member, frozenset({Role.LEADER}), "QX-TH"))
        assert app.get_risk_point(point_id).status is RiskStatus.APPROVED

    def test_art_14_a_leader_whose_grant_was_revoked_neither_votes_nor_counts(
        self, app: RegisterApplication, clock: ManualClock
    ) -> None:
        """The team that approves is the listed members who hold the directory's leader grant
        at the moment of the vote (shared/grants.py): the token's role is not enough."""
        town_team = app.org.get("QX-TH").leadership_team_ids
        leaving, *staying = town_team
        take_in(app, role_revoked(leaving, "leader", "QX-TH", clock.now()))
        point_id = app.identify_risk_point(
            RiskPointDraft("QX-TH", "出纳", "post_duty", "一人审核支付", ["虚报冒领"]), OFFICE
        )
        factors = {"importance": 3, "discretion": 3, "probability": 3, "harm": 3}
        with pytest.raises(Invalid) as refused:  # nor answers for the grading
            app.grade_risk_point(
                point_id, factors, reason="评定", responsible_leader_id=leaving, by=OFFICE
            )
        assert refused.value.field == "responsible_leader_id"
        app.grade_risk_point(
            point_id, factors, reason="评定", responsible_leader_id=staying[0], by=OFFICE
        )
        with pytest.raises(Forbidden) as barred:
            app.vote(point_id, True, "", Principal(leaving, frozenset({Role.LEADER}), "QX-TH"))
        assert f"Art. 14: {leaving} holds no leader grant" in str(barred.value)
        # The quorum is of those who hold the grant now: all of them approve.
        for member in staying:
            app.vote(point_id, True, "同意", Principal(member, frozenset({Role.LEADER}), "QX-TH"))
        assert app.get_risk_point(point_id).status is RiskStatus.APPROVED

    def test_art_5_bad_units_name_the_field_and_jurisdiction_is_kept(
        self, app: RegisterApplication
    ) -> None:
        cases = [
            (replace(VILLAGE, parent_code="QX-NOPE"), "parent"),
            (replace(VILLAGE, kind="club"), "kind"),
            (replace(VILLAGE, managing_node_id="town-taiping"), "node"),
            (replace(VILLAGE, principal_leader_id="u-x"), "principal_leader"),
            (replace(VILLAGE, code="太和 二村"), "code"),
            (replace(VILLAGE, parent_code=None), "parent"),
        ]
        for draft, field in cases:
            with pytest.raises(Invalid) as caught:
                app.register_unit(draft, TOWN_ADMIN)
            assert caught.value.field == field
        with pytest.raises(Forbidden):
            app.register_unit(
                replace(VILLAGE, parent_code="QX-TP", managing_node_id="town-taiping"), TOWN_ADMIN
            )
        town = app.org.get("QX-TH")
        under_own_unit = UnitDraft("QX-TH", town.name, town.kind, "QX-TH-CZS", "district", None, ())
        with pytest.raises(Invalid) as caught:
            app.change_unit(under_own_unit, DISTRICT_ADMIN)
        assert caught.value.field == "parent"
        with pytest.raises(NotFound):
            app.change_unit(replace(VILLAGE, code="QX-NONE"), DISTRICT_ADMIN)
        assert published(app) == []

    def test_art_5_an_import_lands_whole_in_file_order(self, app: RegisterApplication) -> None:
        report = app.import_units(read_csv(CSV_OK), TOWN_ADMIN)
        assert (report.registered, report.changed, report.unchanged) == (
            ["QX-TH-V3", "QX-TH-V3-G1"], ["QX-TH-CZS"], []
        )  # fmt: skip
        assert app.org.get("QX-TH-V3-G1").parent_code == "QX-TH-V3"
        assert app.org.get("QX-TH-CZS").leadership_team_ids == ("u-czs-head", "u-czs-dep")
        kinds = [type(e).__name__ for e in published(app)]
        assert sorted(kinds) == ["OrgUnitChanged", *["OrgUnitRegistered"] * 3]
        again = app.import_units(read_json('{"units": [{"code": "QX-TH-V3", "name": '
                                           '"太和镇第三村民委员会", "kind": "village_committee", '
                                           '"parent": "QX-TH", "node": "town-taihe", '
                                           '"principal_leader": "u-v3-head", "leadership_team": '
                                           '["u-v3-head", "u-v3-dep"]}]}'), TOWN_ADMIN)  # fmt: skip
        assert again.unchanged == ["QX-TH-V3"]

    def test_art_5_an_import_with_bad_rows_imports_nothing_and_names_every_row(
        self, app: RegisterApplication
    ) -> None:
        bad = CSV_OK + (
            "QX-TH-V4,第四村,village_committee,QX-NOPE,town-taihe,,\n"
            "QX-TH-V5,第五村,club,QX-TH,town-taiping,u-x,\n"
            "QX-TH-V3,重复,village_committee,QX-TH,town-taihe,,\n"
            "QX-TP-V9,太平某村,village_committee,QX-TP,town-taiping,,\n"
        )
        before = app.recorder.max_notification_id()
        with pytest.raises(ImportRejected) as caught:
            app.import_units(read_csv(bad), TOWN_ADMIN)
        found = {(p.row, p.field) for p in caught.value.problems}
        assert found == {
            (5, "parent"), (6, "kind"), (6, "node"), (6, "principal_leader"), (7, "code"),
            (8, "parent"),
        }  # fmt: skip
        assert app.recorder.max_notification_id() == before
        assert "QX-TH-V3" not in app.org
        assert app.org.get("QX-TH-CZS").leadership_team_ids != ("u-czs-head", "u-czs-dep")
        with pytest.raises(ImportRejected) as header:
            read_csv("code,name\nX,Y\n")
        assert {p.reason for p in header.value.problems} == {
            "缺少列 kind (missing column kind)", "缺少列 parent (missing column parent)",
            "缺少列 node (missing column node)",
        }  # fmt: skip
        with pytest.raises(ImportRejected):
            read_json("[1, {")


class TestOrgUnitsInMemory(InMemory, OrgUnitStory):
    pass


class TestOrgUnitsSQLite(OnSQLite, OrgUnitStory):
    def test_a_unit_registered_by_another_process_is_found_at_once(
        self, env: dict[str, str], app: RegisterApplication, clock: ManualClock
    ) -> None:
        other = RegisterApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))
        try:
            app.register_unit(VILLAGE, TOWN_ADMIN)
            draft = RiskPointDraft("QX-TH-V2", "村委会主任", "post_duty", "一人审批", ["违规支付"])
            assert other.get_risk_point(other.identify_risk_point(draft, OFFICE)).unit_code == (
                "QX-TH-V2"
            )
        finally:
            other.close()

    def test_registered_and_changed_units_are_laid_over_the_seed_after_a_restart(
        self, env: dict[str, str], app: RegisterApplication, clock: ManualClock
    ) -> None:
        app.import_units(read_csv(CSV_OK), TOWN_ADMIN)
        fresh = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        assert "QX-TH-V3" not in fresh
        again = RegisterApplication(env, clock=clock, org=fresh)
        try:
            assert again.org.get("QX-TH-V3-G1").parent_code == "QX-TH-V3"
            assert again.org.get("QX-TH-CZS").leadership_team_ids == ("u-czs-head", "u-czs-dep")
        finally:
            again.close()


def test_the_seed_file_imports_as_it_stands_and_keeps_business_departments() -> None:
    """The seed's own form is an import: every unit is already there, nothing changes (Art. 5)."""
    app = RegisterApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"},
        clock=ManualClock(),
        org=OrgDirectory.from_json(DEFAULT_ORG_SEED),
    )
    try:
        rows = read_json(DEFAULT_ORG_SEED.read_text(encoding="utf-8"))
        report = app.import_units(rows, DISTRICT_ADMIN)
        assert (report.registered, report.changed) == ([], [])
        assert len(report.unchanged) == len(app.org)
        town_office = app.org.get("QX-TH-GHB")
        moved = UnitDraft(
            town_office.code, town_office.name, town_office.kind, town_office.parent_code,
            town_office.managing_node_id, town_office.principal_leader_id,
            town_office.leadership_team_ids, "QX-ZJ",
        )  # fmt: skip
        assert app.change_unit(moved, DISTRICT_ADMIN) == ["business_department"]
        assert app.org.get("QX-TH-GHB").business_department == "QX-ZJ"
        [_, change] = published(app)
        assert isinstance(change, OrgUnitChanged)
        assert change.data.business_department == "QX-ZJ"
        with pytest.raises(Invalid) as caught:
            app.change_unit(replace(moved, business_department="QX-NOPE"), DISTRICT_ADMIN)
        assert caught.value.field == "business_department"
    finally:
        app.close()

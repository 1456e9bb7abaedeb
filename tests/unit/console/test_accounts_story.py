"""The directory's stories, told once and re-told per store (memory, SQLite; PostgreSQL in
tests/integration/test_accounts_stores.py).

The district's admin opens accounts for 太和镇, grants and revokes roles on the record, suspends a
cadre and re-activates her; the town's admin stays inside its own subtree; and afterwards the
directory answers who held a role for a unit at any past moment (Art. 6, 14, 22, 25).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.console.accounts import handlers
from services.console.accounts.handlers import AccountChanges
from services.console.accounts.imports import AccountDraft
from services.console.accounts.model import Account, AccountStatus
from services.console.app import ConsoleApplication
from services.console.contract import translate
from shared.auth import Principal, Role
from shared.clock import BEIJING, ManualClock
from shared.errors import Conflict, Forbidden, Invalid
from shared.events import parse_event
from shared.events.console import AccountReactivated, AccountSuspended, RoleGranted, RoleRevoked
from shared.events.publish import Origin, public_event_id_of
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.support.stores import InMemory, OnSQLite, Story, sqlite_env

if TYPE_CHECKING:
    from pathlib import Path

DISTRICT_ADMIN = Principal("qx-admin", frozenset({Role.ADMIN}), "QX", "区管理员")
TOWN_ADMIN = Principal("th-admin", frozenset({Role.ADMIN}), "QX-TH", "太和镇管理员")
DECISION = "清新纪发〔2026〕12号"
DAY = timedelta(days=1)
ORIGIN = Origin("/lianfang/district/console", "district")


def draft(user_id: str, unit: str, *grants: tuple[Role, str], name: str = "") -> AccountDraft:
    return AccountDraft(user_id, name or user_id, unit, ("科员",), tuple(grants))


class AccountsStory(Story[ConsoleApplication]):
    """The directory, re-told per store by subclasses that provide `env` (tests/support)."""

    start = datetime(2026, 2, 1, 9, 0, tzinfo=BEIJING)

    def make_app(self, env: dict[str, str], clock: ManualClock) -> ConsoleApplication:
        return ConsoleApplication(env, clock=clock, org=OrgDirectory.from_json(DEFAULT_ORG_SEED))

    def test_an_account_and_its_grants_are_facts_with_who_when_and_on_what_authority(
        self, app: ConsoleApplication, clock: ManualClock
    ) -> None:
        opened = app.open_account(
            AccountDraft("th-chen", "陈主任", "QX-TH", ("纪委书记", "预防腐败室主任")),
            DECISION,
            DISTRICT_ADMIN,
        )
        assert (opened.name, opened.unit_code, opened.posts) == (
            "陈主任", "QX-TH", ("纪委书记", "预防腐败室主任"),
        )  # fmt: skip
        clock.advance(DAY)
        app.grant_role("th-chen", Role.OFFICE, None, DECISION, DISTRICT_ADMIN)
        account = app.account("th-chen")
        [grant] = account.sorted_grants()
        assert (grant.role, grant.unit_code, grant.authority) == (Role.OFFICE, "QX-TH", DECISION)
        assert grant.granted_by == {"user_id": "qx-admin", "role": "admin", "unit_code": "QX"}
        assert grant.granted_at == clock.now()
        # Holding a grant twice, or revoking what is not held, changes nothing.
        with pytest.raises(Conflict):
            app.grant_role("th-chen", Role.OFFICE, "QX-TH", DECISION, DISTRICT_ADMIN)
        with pytest.raises(Conflict):
            app.revoke_role("th-chen", Role.LEADER, "QX-TH", "调离", DECISION, DISTRICT_ADMIN)
        with pytest.raises(Conflict):
            app.open_account(draft("th-chen", "QX-TH"), DECISION, DISTRICT_ADMIN)
        app.revoke_role("th-chen", Role.OFFICE, "QX-TH", "调离", "清新纪发〔2026〕20号", TOWN_ADMIN)
        assert app.account("th-chen").roles == frozenset()
        # Every change is its own stored event, none edited.
        names = [type(e).__name__ for e in app.events.get(account.id)]
        assert names == ["Opened", "RoleGranted", "RoleRevoked"]

    def test_an_admin_manages_only_within_their_own_subtree(self, app: ConsoleApplication) -> None:
        app.open_account(draft("tp-li", "QX-TP"), DECISION, DISTRICT_ADMIN)
        app.open_account(draft("qx-wang", "QX"), DECISION, DISTRICT_ADMIN)
        app.open_account(draft("th-zhao", "QX-TH-CZS"), DECISION, TOWN_ADMIN)
        refusals = [
            lambda: app.open_account(draft("tp-new", "QX-TP"), DECISION, TOWN_ADMIN),
            lambda: app.grant_role("tp-li", Role.OFFICER, None, DECISION, TOWN_ADMIN),
            lambda: app.suspend_account("qx-wang", "调查", DECISION, TOWN_ADMIN),
            lambda: app.reactivate_account("tp-li", "复职", DECISION, TOWN_ADMIN),
        ]
        for refused in refusals:
            with pytest.raises(Forbidden, match=r"Art\. 7: .*的管理员只管理.* \(an admin"):
                refused()
        # Within it, all is well; and the district's admin reaches the town's units too.
        app.grant_role("th-zhao", Role.OFFICER, None, DECISION, TOWN_ADMIN)
        app.grant_role("th-zhao", Role.JUDGE, "QX-TH-CZS", DECISION, DISTRICT_ADMIN)
        assert app.account("th-zhao").roles == {Role.OFFICER, Role.JUDGE}
        assert app.account("tp-li").roles == frozenset()

    def test_nobody_grants_a_role_that_could_not_be_held(self, app: ConsoleApplication) -> None:
        app.open_account(draft("th-zhao", "QX-TH-CZS"), DECISION, DISTRICT_ADMIN)
        app.open_account(draft("qx-wang", "QX"), DECISION, DISTRICT_ADMIN)
        # A unit nobody knows: 422 naming unit_code.
        with pytest.raises(Invalid) as unknown:
            app.grant_role("th-zhao", Role.OFFICER, "QX-NOPE", DECISION, DISTRICT_ADMIN)
        assert unknown.value.field == "unit_code"
        # A role for a unit above or beside the holder's own unit.
        for unit in ("QX-TH", "QX-TP"):
            with pytest.raises(Invalid) as beside:
                app.grant_role("th-zhao", Role.LEADER, unit, DECISION, DISTRICT_ADMIN)
            assert beside.value.field == "unit_code"
        # The custodian grant names the unit whose petitioners it may reveal (Art. 22) ...
        with pytest.raises(Invalid, match=r"Art\. 22") as unnamed:
            app.grant_role("qx-wang", Role.CUSTODIAN, None, DECISION, DISTRICT_ADMIN)
        assert unnamed.value.field == "unit_code"
        app.grant_role("qx-wang", Role.CUSTODIAN, "QX-TH", DECISION, DISTRICT_ADMIN)
        # ... and who reveals is never who audits the reveals.
        with pytest.raises(Invalid, match="never both custodian and auditor") as both:
            app.grant_role("qx-wang", Role.AUDITOR, None, DECISION, DISTRICT_ADMIN)
        assert both.value.field == "role"
        # Nobody raises their own powers, nor suspends themselves.
        app.open_account(
            draft("th-admin", "QX-TH", (Role.ADMIN, "QX-TH")), DECISION, DISTRICT_ADMIN
        )
        with pytest.raises(Forbidden, match="their own account"):
            app.grant_role("th-admin", Role.CUSTODIAN, "QX-TH", DECISION, TOWN_ADMIN)
        with pytest.raises(Forbidden, match="their own account"):
            app.suspend_account("th-admin", "自停", DECISION, TOWN_ADMIN)
        assert app.account("th-admin").roles == {Role.ADMIN}
        assert app.account("qx-wang").roles == {Role.CUSTODIAN}

    def test_a_transfer_keeps_the_history_and_strands_no_role(
        self, app: ConsoleApplication, clock: ManualClock
    ) -> None:
        app.open_account(
            draft("th-zhao", "QX-TH-CZS", (Role.OFFICER, "QX-TH-CZS")), DECISION, TOWN_ADMIN
        )
        before = clock.now()
        clock.advance(DAY)
        move = AccountChanges(unit_code="QX-TH-GHB", posts=("规划员",))
        # The officer role for 财政所 would be stranded: revoke it first.
        with pytest.raises(Invalid, match="revoke officer@QX-TH-CZS") as stranded:
            app.change_account("th-zhao", move, "调动", DECISION, TOWN_ADMIN)
        assert stranded.value.field == "unit_code"
        with pytest.raises(Forbidden, match=r"Art\. 7"):  # a town admin cannot move it away
            app.change_account("th-zhao", AccountChanges(unit_code="QX-TP"), "调动", DECISION,
                               TOWN_ADMIN)  # fmt: skip
        app.revoke_role("th-zhao", Role.OFFICER, "QX-TH-CZS", "调动", DECISION, TOWN_ADMIN)
        account, changed = app.change_account("th-zhao", move, "调动", DECISION, TOWN_ADMIN)
        assert changed == ["unit_code", "posts"]
        assert (account.unit_code, account.posts, account.name) == ("QX-TH-GHB", ("规划员",),
                                                                   "th-zhao")  # fmt: skip
        _, nothing = app.change_account("th-zhao", move, "调动", DECISION, TOWN_ADMIN)
        assert nothing == []  # no event for no change
        assert [r.user_id for r in app.list_accounts("QX-TH-GHB")] == ["th-zhao"]
        assert app.list_accounts("QX-TH-CZS") == []
        # Who was the 财政所's officer yesterday is still on the record.
        assert [h.user_id for h in app.holders(Role.OFFICER, "QX-TH-CZS", before)] == ["th-zhao"]
        assert app.holders(Role.OFFICER, "QX-TH-CZS") == []

    def test_suspension_and_reactivation(self, app: ConsoleApplication, clock: ManualClock) -> None:
        app.open_account(draft("th-chen", "QX-TH", (Role.OFFICE, "QX-TH")), DECISION, TOWN_ADMIN)
        clock.advance(DAY)
        app.suspend_account("th-chen", "立案审查", "清新纪发〔2026〕30号", DISTRICT_ADMIN)
        account = app.account("th-chen")
        assert account.status is AccountStatus.SUSPENDED
        assert account.suspension is not None
        assert (account.suspension.reason, account.suspension.suspended_at) == (
            "立案审查", clock.now(),
        )  # fmt: skip
        assert not account.holds(Role.OFFICE, "QX-TH")  # a suspended account holds nothing
        with pytest.raises(Conflict):
            app.suspend_account("th-chen", "again", DECISION, DISTRICT_ADMIN)
        with pytest.raises(Conflict, match="suspended"):
            app.grant_role("th-chen", Role.LEADER, None, DECISION, DISTRICT_ADMIN)
        with pytest.raises(Invalid) as no_reason:
            app.reactivate_account("th-chen", " ", DECISION, DISTRICT_ADMIN)
        assert no_reason.value.field == "reason"
        clock.advance(DAY)
        app.reactivate_account("th-chen", "审查结束", "清新纪发〔2026〕31号", TOWN_ADMIN)
        assert app.account("th-chen").holds(Role.OFFICE, "QX-TH")
        with pytest.raises(Conflict):
            app.reactivate_account("th-chen", "again", DECISION, TOWN_ADMIN)
        rows = app.list_accounts("QX", status=AccountStatus.ACTIVE)
        assert [r.user_id for r in rows] == ["th-chen"]

    def test_suspension_and_reactivation_go_out_as_public_events(
        self, app: ConsoleApplication, clock: ManualClock
    ) -> None:
        """These two leave the console, with the grants: every service follows them (issue #14
        item 3); the opening and the details stay inside."""
        app.open_account(draft("th-chen", "QX-TH", (Role.OFFICE, "QX-TH")), DECISION, TOWN_ADMIN)
        clock.advance(DAY)
        app.suspend_account("th-chen", "立案审查", "清新纪发〔2026〕30号", DISTRICT_ADMIN)
        suspended_at = clock.now()
        clock.advance(DAY)
        app.reactivate_account("th-chen", "审查结束", "清新纪发〔2026〕31号", TOWN_ADMIN)
        stored = list(app.events.get(app.account("th-chen").id))
        published = [e for e in (translate(s, ORIGIN) for s in stored) if e is not None]
        granted, suspension, reactivation = published
        assert isinstance(granted, RoleGranted)
        assert (granted.data.user_id, granted.data.role, granted.data.unit_code) == (
            "th-chen", "office", "QX-TH",
        )  # fmt: skip
        assert isinstance(suspension, AccountSuspended)
        assert isinstance(reactivation, AccountReactivated)
        assert parse_event(suspension.model_dump(mode="json")) == suspension  # the contract's
        assert (suspension.data.user_id, suspension.data.unit_code) == ("th-chen", "QX-TH")
        assert suspension.data.actor.model_dump() == {
            "user_id": "qx-admin", "role": "admin", "unit_code": "QX",
        }  # fmt: skip
        assert suspension.data.authority == "清新纪发〔2026〕30号"
        assert suspension.time == suspended_at
        assert suspension.subject == "th-chen"
        assert reactivation.data.actor.user_id == "th-admin"
        # The reason may name an investigation: it stays in the console's store.
        assert "立案审查" not in suspension.model_dump_json()
        # The same stored event always becomes the same public event (consumers drop repeats).
        assert translate(stored[-1], ORIGIN) == reactivation

    def test_grants_and_revocations_go_out_without_the_reason(
        self, app: ConsoleApplication, clock: ManualClock
    ) -> None:
        """The intake follows the custodian grants to decide who may reveal now (Art. 22)."""
        app.open_account(draft("th-lin", "QX-TH"), DECISION, TOWN_ADMIN)
        clock.advance(DAY)
        app.grant_role("th-lin", Role.CUSTODIAN, "QX-TH", "清新纪发〔2026〕32号", DISTRICT_ADMIN)
        granted_at = clock.now()
        clock.advance(DAY)
        app.revoke_role(
            "th-lin", Role.CUSTODIAN, "QX-TH", "涉嫌泄露举报人信息", "清新纪发〔2026〕33号",
            DISTRICT_ADMIN,
        )  # fmt: skip
        stored = list(app.events.get(app.account("th-lin").id))
        granted, revoked = [e for e in (translate(s, ORIGIN) for s in stored) if e is not None]
        assert isinstance(granted, RoleGranted)
        assert isinstance(revoked, RoleRevoked)
        assert parse_event(revoked.model_dump(mode="json")) == revoked
        assert (granted.time, granted.subject, granted.data.role) == (
            granted_at, "th-lin", "custodian",
        )  # fmt: skip
        assert granted.data.authority == "清新纪发〔2026〕32号"
        assert (revoked.data.user_id, revoked.data.unit_code) == ("th-lin", "QX-TH")
        assert "涉嫌泄露" not in revoked.model_dump_json()

    def test_grants_recorded_before_role_granted_existed_are_announced_once(
        self, app: ConsoleApplication, clock: ManualClock
    ) -> None:
        """A store from before RoleGranted v1: its grants name no account and went out to no
        service. `announce_earlier_grants` announces each once, on the record (who, when, on
        what authority), as the public event it would have become (docs/runbook.md)."""
        app.open_account(draft("th-lin", "QX-TH"), DECISION, DISTRICT_ADMIN)
        account = app.account("th-lin")
        old_grant_at = clock.now()
        by = {"user_id": "qx-admin", "role": "admin", "unit_code": "QX"}
        # As an earlier version recorded them: no user id on the grant or the revocation.
        account._granted(
            role="custodian", unit_code="QX-TH", authority="清新纪发〔2025〕9号", granted_by=by,
            granted_at=old_grant_at, user_id="",
        )  # fmt: skip
        account._granted(
            role="officer", unit_code="QX-TH", authority="清新纪发〔2025〕9号", granted_by=by,
            granted_at=old_grant_at, user_id="",
        )  # fmt: skip
        clock.advance(DAY)
        old_revoke_at = clock.now()
        account._revoked(
            role="officer", unit_code="QX-TH", reason="轮岗", authority="清新纪发〔2025〕10号",
            revoked_by=by, revoked_at=old_revoke_at, user_id="",
        )  # fmt: skip
        app.save(account)
        stored = list(app.events.get(account.id))
        assert [translate(s, ORIGIN) for s in stored] == [None] * 4  # nothing went out then
        clock.advance(DAY)
        app.grant_role("th-lin", Role.OFFICER, "QX-TH", DECISION, DISTRICT_ADMIN)  # names it

        operator = Principal("operator:ops", frozenset({Role.ADMIN}), "QX")
        with pytest.raises(Invalid) as refused:
            app.announce_earlier_grants("  ", operator)
        assert refused.value.field == "authority"
        assert app.announce_earlier_grants("清新纪发〔2026〕40号", operator) == 3
        assert app.announce_earlier_grants("清新纪发〔2026〕40号", operator) == 0  # once only

        stored = list(app.events.get(account.id))
        announcements = [s for s in stored if isinstance(s, Account.EarlierChangeAnnounced)]
        assert [a.of_version for a in announcements] == [2, 3, 4]
        assert {(a.announced_on, a.announced_by["user_id"]) for a in announcements} == {
            ("清新纪发〔2026〕40号", "operator:ops")
        }
        published = [translate(a, ORIGIN) for a in announcements]
        custodian, officer, withdrawn = published
        assert isinstance(custodian, RoleGranted)
        assert isinstance(officer, RoleGranted)
        assert isinstance(withdrawn, RoleRevoked)
        assert parse_event(withdrawn.model_dump(mode="json")) == withdrawn  # the contract's
        # As they happened then: the original time, granter and authority, never the reason.
        assert (custodian.data.user_id, custodian.data.role, custodian.data.unit_code) == (
            "th-lin", "custodian", "QX-TH",
        )  # fmt: skip
        assert (custodian.time, custodian.data.authority) == (old_grant_at, "清新纪发〔2025〕9号")
        assert custodian.data.actor.user_id == "qx-admin"
        assert (withdrawn.time, withdrawn.data.role) == (old_revoke_at, "officer")
        assert "轮岗" not in withdrawn.model_dump_json()
        # Each id is the one its original stored event would have had: a repeat is dropped.
        assert [e.id for e in published if e is not None] == [
            public_event_id_of(ORIGIN.source, account.id, version) for version in (2, 3, 4)
        ]

    def test_who_held_a_role_for_a_unit_at_any_moment(
        self, app: ConsoleApplication, clock: ManualClock
    ) -> None:
        """ "Who could reveal the petitioners of 太和镇 on 2026-03-01?" read off the record."""
        before = clock.now()
        app.open_account(draft("qx-wang", "QX", name="王保管"), DECISION, DISTRICT_ADMIN)
        app.open_account(draft("th-lin", "QX-TH", name="林保管"), DECISION, DISTRICT_ADMIN)
        clock.set(datetime(2026, 2, 10, 9, tzinfo=BEIJING))
        app.grant_role("qx-wang", Role.CUSTODIAN, "QX", DECISION, DISTRICT_ADMIN)
        app.grant_role("th-lin", Role.CUSTODIAN, "QX-TH", DECISION, DISTRICT_ADMIN)
        clock.set(datetime(2026, 3, 1, 9, tzinfo=BEIJING))
        on_march_first = clock.now()
        clock.set(datetime(2026, 3, 2, 9, tzinfo=BEIJING))
        app.suspend_account("th-lin", "调查", DECISION, DISTRICT_ADMIN)
        clock.set(datetime(2026, 3, 5, 9, tzinfo=BEIJING))
        app.reactivate_account("th-lin", "结束", DECISION, DISTRICT_ADMIN)
        app.revoke_role("qx-wang", Role.CUSTODIAN, "QX", "轮岗", DECISION, DISTRICT_ADMIN)
        clock.advance(DAY)

        def who(at: datetime, covering: bool = True) -> list[str]:
            return [h.user_id for h in app.holders(Role.CUSTODIAN, "QX-TH", at, covering=covering)]

        assert who(before) == []
        assert who(on_march_first) == ["qx-wang", "th-lin"]  # the district's covers the town
        assert who(on_march_first, covering=False) == ["th-lin"]
        assert who(datetime(2026, 3, 3, tzinfo=BEIJING)) == ["qx-wang"]  # th-lin suspended
        assert who(clock.now()) == ["th-lin"]  # qx-wang's grant revoked
        assert [h.user_id for h in app.holders(Role.CUSTODIAN, "QX-TH", covering=True)] == [
            "th-lin"
        ]
        [wang] = app.holders(Role.CUSTODIAN, "QX-TH", on_march_first, covering=True)[:1]
        assert (wang.unit_code, wang.authority, wang.name) == ("QX", DECISION, "王保管")
        for bad in (on_march_first.replace(tzinfo=None), clock.now() + DAY):
            with pytest.raises(Invalid) as refused:
                app.holders(Role.CUSTODIAN, "QX-TH", bad)
            assert refused.value.field == "at"

    def test_a_unit_s_leadership_team_and_information_officers_are_accounts(
        self, app: ConsoleApplication
    ) -> None:
        """The 领导班子 (Art. 14) and the 信息员 (Art. 22) of a unit: the holders of a role."""
        team = [
            draft("u-taihe-secretary", "QX-TH", (Role.LEADER, "QX-TH")),
            draft("u-taihe-mayor", "QX-TH", (Role.LEADER, "QX-TH")),
            draft("th-officer", "QX-TH", (Role.OFFICER, "QX-TH")),
            draft("czs-officer", "QX-TH-CZS", (Role.OFFICER, "QX-TH-CZS")),
        ]
        for account in team:
            app.open_account(account, DECISION, TOWN_ADMIN)
        leaders = [h.user_id for h in app.holders(Role.LEADER, "QX-TH")]
        assert leaders == ["u-taihe-mayor", "u-taihe-secretary"]
        assert [h.user_id for h in app.holders(Role.OFFICER, "QX-TH")] == ["th-officer"]
        listed = app.list_accounts("QX-TH", role=Role.OFFICER)
        assert [r.user_id for r in listed] == ["th-officer", "czs-officer"]
        assert [r.user_id for r in app.list_accounts("QX", unit_code="QX-TH-CZS")] == [
            "czs-officer"
        ]


class TestAccountsInMemory(InMemory, AccountsStory):
    pass


class TestAccountsOnSQLite(OnSQLite, AccountsStory):
    pass


def test_two_admins_changing_one_account_at_once_record_one_change(tmp_path: Path) -> None:
    """Two console processes on one store: the later save of a stale account is a Conflict."""
    env, org = sqlite_env(tmp_path / "console.db"), OrgDirectory.from_json(DEFAULT_ORG_SEED)
    first = ConsoleApplication(env, clock=ManualClock(), org=org)
    second = ConsoleApplication(env, clock=ManualClock(), org=org)
    try:
        first.open_account(draft("th-chen", "QX-TH"), DECISION, DISTRICT_ADMIN)
        stale = first.account("th-chen")
        second.grant_role("th-chen", Role.OFFICE, None, DECISION, TOWN_ADMIN)
        stale.grant(Role.LEADER, "QX-TH", DECISION, {"user_id": "qx-admin"}, first.clock.now())
        with pytest.raises(Conflict, match="changed meanwhile"):
            handlers._save(first, stale)
        assert first.account("th-chen").roles == {Role.OFFICE}
    finally:
        first.close()
        second.close()

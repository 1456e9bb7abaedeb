"""Art. 22 as a story: a petitioner's identity 举报人身份 is sealed and opened only on record.

A petition about 太和镇 names its petitioner. The case says only that a protected source exists;
the identity is encrypted in its own aggregate. The judge cannot open it; the custodian can, with a
reason, and that reveal is recorded with who and why.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from services.intake.contract import translate
from services.intake.identity.model import PetitionerIdentity, ProtectedIdentity
from shared.envelope import to_record
from shared.errors import Forbidden, Invalid
from shared.events.publish import Origin
from tests.support.events import role_granted, role_revoked, take_in
from tests.support.stores import InMemory, OnSQLite
from tests.unit.intake.support import (
    CUSTODIAN,
    JUDGE,
    START,
    TAIHE_OFFICE,
    StoreStory,
    draft,
)

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication
    from shared.clock import ManualClock

WHO = PetitionerIdentity(name="王小明", contact="13800138000", id_number="441802199001011234")
ORIGIN = Origin("/lianfang/district/intake", "district")


class Protection(StoreStory):
    def file_petition(self, app: IntakeApplication) -> ProtectedIdentity:
        petition = draft("XF-2026-0042", channel="petition", petitioner=WHO)
        filing = app.file_information(petition, TAIHE_OFFICE)
        assert app.get_information(filing.information_id).has_protected_source
        sealed: object = app.repository.get(ProtectedIdentity.create_id(filing.information_id))
        assert isinstance(sealed, ProtectedIdentity)
        return sealed

    def test_the_identity_is_nowhere_in_plaintext(self, app: IntakeApplication) -> None:
        sealed = self.file_petition(app)
        plaintexts = [WHO.name, WHO.contact, WHO.id_number]
        # Every stored event, as the store holds it, and every public event's bytes.
        notifications = app.recorder.select_notifications(start=None, limit=100)
        texts = [bytes(n.state).decode("utf-8", errors="replace") for n in notifications]
        assert any("村集体资金" in t for t in texts)  # the probe does see plaintext content
        for n, stored in zip(notifications, texts, strict=True):
            assert not any(p and p in stored for p in plaintexts), n.topic
            public = translate(app.mapper.to_domain_event(n), ORIGIN)
            if public is not None:
                record = to_record(public)
                assert not any(p and p.encode() in (record.value or b"") for p in plaintexts)
                assert json.loads(record.value or b"{}")["has_protected_source"] is True
        assert "王小明" not in repr(WHO)
        assert "王小明" not in str(vars(sealed))

    def test_only_the_custodian_reveals_with_a_reason_on_record(
        self, app: IntakeApplication
    ) -> None:
        sealed = self.file_petition(app)
        take_in(app, role_granted("u-keeper", "custodian", "QX", START - timedelta(days=1)))
        with pytest.raises(Forbidden, match="custodian"):
            app.reveal_identity(sealed.information_id, "想知道", JUDGE)
        with pytest.raises(Invalid, match="reason"):
            app.reveal_identity(sealed.information_id, "  ", CUSTODIAN)
        assert app.identity_reveals(sealed.information_id) == []
        opened = app.reveal_identity(sealed.information_id, "核实举报人是否遭受打击报复", CUSTODIAN)
        assert (opened.name, opened.contact, opened.id_number) == (
            WHO.name,
            WHO.contact,
            WHO.id_number,
        )
        [reveal] = app.identity_reveals(sealed.information_id)
        assert reveal["by"] == {"user_id": "u-keeper", "role": "custodian", "unit_code": "QX"}
        assert reveal["reason"] == "核实举报人是否遭受打击报复"

    def test_the_reveal_needs_the_grant_at_that_moment_and_the_second_factor(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """The directory's custodian grant for the case's unit (or one above it) held *now*, and
        a sign-in with the TOTP code: not what the token's roles say (Art. 22)."""
        sealed = self.file_petition(app)  # about 太和镇 QX-TH
        case = sealed.information_id
        keeper = replace(CUSTODIAN, user_id="u-th-keeper", unit_code="QX-TH")
        # The token says custodian, but the directory grants nothing yet.
        with pytest.raises(
            Forbidden,
            match=r"^Art\. 22: u-th-keeper 当前未获举报人信息保管员授权.*"
            r"\(u-th-keeper holds no custodian grant",
        ):
            app.reveal_identity(case, "核实", keeper)
        # A grant for another town covers nothing here; one for QX-TH does, from its time on.
        take_in(app, role_granted("u-th-keeper", "custodian", "QX-TP", clock.now()))
        clock.advance(timedelta(minutes=1))
        take_in(app, role_granted("u-th-keeper", "custodian", "QX-TH", clock.now()))
        take_in(app, role_granted("u-th-judge", "judge", "QX-TH", clock.now()))  # not followed
        later = clock.now() + timedelta(hours=1)  # a grant dated ahead holds from then only
        take_in(app, role_granted("u-next-keeper", "custodian", "QX-TH", later))
        with pytest.raises(Forbidden, match="holds no custodian grant"):
            app.reveal_identity(case, "核实", replace(keeper, user_id="u-next-keeper"))
        # Without the second factor, no reveal, grant or not.
        without_otp = replace(keeper, amr=frozenset({"pwd"}))
        with pytest.raises(Forbidden, match="second factor"):
            app.reveal_identity(case, "核实", without_otp)
        assert app.identity_reveals(case) == []
        assert app.reveal_identity(case, "核实打击报复线索", keeper).name == WHO.name
        [reveal] = app.identity_reveals(case)
        assert reveal["by"] == {"user_id": "u-th-keeper", "role": "custodian", "unit_code": "QX-TH"}
        # Revoked: refused from that moment, although the token still says custodian.
        clock.advance(timedelta(minutes=5))
        take_in(app, role_revoked("u-th-keeper", "custodian", "QX-TH", clock.now()))
        with pytest.raises(Forbidden, match="holds no custodian grant"):
            app.reveal_identity(case, "再次核实", keeper)
        assert len(app.identity_reveals(case)) == 1

    def test_a_grant_arriving_after_its_revocation_does_not_revive_it(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """Events' times decide, not their order of arrival: a grant taken in after its later
        revocation grants nothing."""
        case = self.file_petition(app).information_id
        granted_at = clock.now() - timedelta(hours=2)
        take_in(app, role_revoked("u-keeper", "custodian", "QX", granted_at + timedelta(hours=1)))
        take_in(app, role_granted("u-keeper", "custodian", "QX", granted_at))
        take_in(app, role_granted("u-keeper", "custodian", "QX", granted_at))  # a second copy
        with pytest.raises(Forbidden, match="holds no custodian grant"):
            app.reveal_identity(case, "核实", CUSTODIAN)
        assert app.custodians.held("u-keeper", granted_at + timedelta(minutes=30)) == ["QX"]

    def test_the_district_custodian_reveals_a_towns_petitioner(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """A grant for the district covers its towns: the unit subtree rule, as elsewhere."""
        case = self.file_petition(app).information_id
        take_in(app, role_granted("u-keeper", "custodian", "QX", clock.now()))
        assert app.reveal_identity(case, "核实", CUSTODIAN).contact == WHO.contact
        [reveal] = app.identity_reveals(case)
        assert reveal["by"]["unit_code"] == "QX"

    def test_only_a_petition_carries_an_identity(self, app: IntakeApplication) -> None:
        with pytest.raises(Invalid, match="petition"):
            app.file_information(draft("WM-1", channel="online_media", petitioner=WHO), JUDGE)


class TestProtectionInMemory(InMemory, Protection):
    pass


class TestProtectionSQLite(OnSQLite, Protection):
    pass

"""Art. 22 as a story: a petitioner's identity 举报人身份 is sealed and opened only on record.

A petition about 太和镇 names its petitioner. The case says only that a protected source exists;
the identity is encrypted in its own aggregate. The judge cannot open it; the custodian can, with a
reason, and that reveal is recorded with who and why.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from services.intake.contract import translate
from services.intake.identity.model import PetitionerIdentity, ProtectedIdentity
from shared.envelope import to_record
from shared.errors import Forbidden, Invalid
from shared.events.publish import Origin
from tests.support.stores import InMemory, OnSQLite
from tests.unit.intake.support import (
    CUSTODIAN,
    JUDGE,
    TAIHE_OFFICE,
    StoreStory,
    draft,
)

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication

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

    def test_only_a_petition_carries_an_identity(self, app: IntakeApplication) -> None:
        with pytest.raises(Invalid, match="petition"):
            app.file_information(draft("WM-1", channel="online_media", petitioner=WHO), JUDGE)


class TestProtectionInMemory(InMemory, Protection):
    pass


class TestProtectionSQLite(OnSQLite, Protection):
    pass

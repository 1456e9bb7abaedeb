"""Art. 22 as a story: officers 信息员 file for their units on every channel, exactly once.

太和镇 appoints 李 as an externally hired officer for its villages for one year. 李 files; an
officer of nobody, or one whose year is over, is refused with the reason. A repeated source or
Idempotency-Key gets the first answer. A data-sharing import records all its rows or none.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from services.intake.filing.handlers import build_filing
from services.intake.filing.imports import ImportRefused, rows_from_csv
from services.intake.filing.model import ContentTooLarge, RiskInformation
from services.intake.identity.model import PetitionerIdentity
from shared.application import actor_of
from shared.errors import Conflict, Forbidden, Invalid
from tests.support.events import role_revoked, take_in
from tests.support.stores import InMemory, OnSQLite
from tests.unit.intake.support import (
    DISTRICT_OFFICE,
    OFFICER,
    START,
    TAIHE_OFFICE,
    StoreStory,
    draft,
)

if TYPE_CHECKING:
    from services.intake.app import IntakeApplication
    from shared.clock import ManualClock

A_YEAR = timedelta(days=365)


class OfficersAndChannels(StoreStory):
    grants_posts = True  # the officers and leaders hold their posts (Art. 22, 23)

    def appoint_li(self, app: IntakeApplication) -> None:
        app.appoint_officer(
            "u-li", "李信息员", "external", ["QX-TH"], START - A_YEAR / 2, START + A_YEAR / 2,
            TAIHE_OFFICE,
        )  # fmt: skip

    def test_only_an_active_officer_of_the_unit_or_the_office_files(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        # Before any appointment, an officer token alone is not enough.
        with pytest.raises(Forbidden, match="not an appointed information officer"):
            app.file_information(draft("XF-1"), OFFICER)
        self.appoint_li(app)
        # Covering 太和镇 covers its villages too.
        filing = app.file_information(draft("XF-1", unit="QX-TH-V1"), OFFICER)
        assert filing.created
        # ...but not another town.
        with pytest.raises(Forbidden, match="does not cover QX-TP"):
            app.file_information(draft("XF-2", unit="QX-TP"), OFFICER)
        # The office files for its subtree without being on the roster.
        assert app.file_information(draft("XF-3", unit="QX-TH-GHB"), TAIHE_OFFICE).created
        # After the appointment ends, 李 may no longer file.
        clock.advance(A_YEAR)
        with pytest.raises(Forbidden, match="does not cover QX-TH"):
            app.file_information(draft("XF-4"), OFFICER)
        # Re-appointed for a new period, 李 files again; the roster keeps both periods.
        app.reappoint_officer("u-li", ["QX-TH"], clock.now(), None, TAIHE_OFFICE)
        assert app.file_information(draft("XF-4"), OFFICER).created
        assert len(app.get_officer("u-li").periods) == 2
        # Relieved with a reason, 李 is refused from that moment.
        app.relieve_officer("u-li", clock.now(), "调离", TAIHE_OFFICE)
        with pytest.raises(Forbidden):
            app.file_information(draft("XF-5"), OFFICER)
        assert [o.user_id for o in app.list_officers("QX-TH")] == ["u-li"]
        assert app.list_officers("QX-TP") == []

    def test_the_office_manages_officers_only_in_its_jurisdiction(
        self, app: IntakeApplication
    ) -> None:
        with pytest.raises(Forbidden, match="outside your jurisdiction"):
            app.appoint_officer("u-x", "X", "internal", ["QX-TP"], START, None, TAIHE_OFFICE)
        with pytest.raises(Invalid, match="kind"):
            app.appoint_officer("u-x", "X", "volunteer", ["QX-TH"], START, None, TAIHE_OFFICE)
        self.appoint_li(app)
        with pytest.raises(Conflict, match="already on the roster"):
            self.appoint_li(app)

    def test_an_officer_on_the_roster_holds_the_directory_s_officer_grant(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        """Art. 22: the roster names accounts of the directory holding the 信息员 grant for the
        units covered (or a unit above them) at that moment, not free strings."""
        with pytest.raises(Invalid) as stranger:
            app.appoint_officer("u-x", "X", "internal", ["QX-TH"], START, None, TAIHE_OFFICE)
        assert stranger.value.field == "user_id"
        assert "u-x holds no officer grant (信息员) for QX-TH" in str(stranger.value)
        assert app.officer_of("u-x") is None  # nothing recorded
        # 李's grant for 太和镇 covers its villages.
        app.appoint_officer(
            "u-li", "李信息员", "internal", ["QX-TH-V1"], START, START + A_YEAR, TAIHE_OFFICE
        )
        # Once the grant is revoked, 李 is not re-appointed.
        take_in(app, role_revoked("u-li", "officer", "QX-TH", clock.now()))
        clock.advance(A_YEAR)
        with pytest.raises(Invalid, match="u-li holds no officer grant"):
            app.reappoint_officer("u-li", ["QX-TH"], clock.now(), None, TAIHE_OFFICE)

    def test_a_repeat_gets_the_first_answer_by_source_or_by_key(
        self, app: IntakeApplication
    ) -> None:
        first = app.file_information(draft("XF-9"), TAIHE_OFFICE)
        again = app.file_information(draft("XF-9", summary="改写后的摘要"), TAIHE_OFFICE)
        assert (again.information_id, again.created) == (first.information_id, False)
        assert app.get_information(first.information_id).summary == "村集体资金由一人审批支付"

    def test_a_repeat_tells_no_other_unit_the_case_and_never_drops_a_petitioner(
        self, app: IntakeApplication
    ) -> None:
        """A district bureau's petition XF-11 exists. 太和镇's office filing the same reference
        about its own village is answered as for an unknown reference: a new case, its own id,
        so filing tells nothing of another unit's references (security review M3, issue #17
        item 3). The district office, offering a second identity for it, is refused rather
        than having it silently dropped."""
        who = PetitionerIdentity(name="张三", contact="13800000000")
        petition = draft("XF-11", unit="QX-ZRZY", channel="petition", petitioner=who)
        first = app.file_information(petition, DISTRICT_OFFICE)
        same_ref = draft("XF-11", unit="QX-TH-V1", channel="petition")
        unknown = app.file_information(draft("XF-12", unit="QX-TH-V1", channel="petition"),
                                       TAIHE_OFFICE)  # fmt: skip
        town = app.file_information(same_ref, TAIHE_OFFICE)
        assert (town.created, unknown.created) == (True, True)  # the same answer as unknown's
        assert town.information_id not in {first.information_id, unknown.information_id}
        assert app.get_information(town.information_id).unit_code == "QX-TH-V1"
        # Case ids are random, not computed from the reference (review M2).
        assert first.information_id != RiskInformation.legacy_id("petition", "XF-11")
        # The same petition sent again (a retry) is answered with its case ...
        again = app.file_information(petition, DISTRICT_OFFICE)
        assert (again.information_id, again.created) == (first.information_id, False)
        # ... another petitioner for it is refused, not dropped.
        other = PetitionerIdentity(name="李四", contact="13900000000")
        with pytest.raises(Conflict, match="identity is never added"):
            app.file_information(draft("XF-11", unit="QX-ZRZY", channel="petition",
                                       petitioner=other), DISTRICT_OFFICE)  # fmt: skip
        # The same holds for a data-sharing import's rows.
        header = "source_reference,unit_code,summary,learned_at\n"
        [district_row] = app.import_rows(
            rows_from_csv(f"{header}SJ-77,QX-ZRZY,审批超时,2026-03-01T08:00:00+08:00\n"),
            DISTRICT_OFFICE,
        )
        [town_row] = app.import_rows(
            rows_from_csv(f"{header}SJ-77,QX-TH-V1,同一编号,2026-03-01T08:00:00+08:00\n"),
            TAIHE_OFFICE,
        )
        assert town_row.created
        assert town_row.errors == []
        assert town_row.information_id not in {None, district_row.information_id}

        keyed = app.file_information(draft("XF-10"), TAIHE_OFFICE, idempotency_key="k-1")
        before = app.recorder.max_notification_id()
        replay = app.file_information(draft("XF-10"), TAIHE_OFFICE, idempotency_key="k-1")
        assert (replay.information_id, replay.created, replay.replayed) == (
            keyed.information_id,
            True,
            True,
        )
        assert app.recorder.max_notification_id() == before  # nothing new stored
        # The same key for a different request is a mistake, said so.
        with pytest.raises(Conflict, match="different request"):
            app.file_information(draft("XF-11"), TAIHE_OFFICE, idempotency_key="k-1")

    def test_a_case_filed_before_ids_were_random_is_still_found_by_its_reference(
        self, app: IntakeApplication
    ) -> None:
        """An upgraded node: a case stored under its old id (uuid5 of channel and reference),
        without a reference index, is still the repeat of its reference about its unit."""
        legacy_id = RiskInformation.legacy_id("officer_report", "XF-OLD")
        old, *rest = build_filing(app, draft("XF-OLD"), actor_of(DISTRICT_OFFICE), False,
                                  information_id=legacy_id, claim_reference=False)  # fmt: skip
        app.save(old, *rest)
        again = app.file_information(draft("XF-OLD"), TAIHE_OFFICE)
        assert (again.information_id, again.created) == (legacy_id, False)
        elsewhere = app.file_information(draft("XF-OLD", unit="QX-TH-V1"), TAIHE_OFFICE)
        assert elsewhere.created
        assert elsewhere.information_id != legacy_id

    def test_bad_input_is_refused_with_the_field_and_nothing_is_stored(
        self, app: IntakeApplication, clock: ManualClock
    ) -> None:
        granted = app.recorder.max_notification_id()  # the directory's posts
        cases = [
            (draft("B-1", unit="QX-NOWHERE"), "unit_code"),
            (draft("B-2", unit=" "), "unit_code"),
            (draft("B-3", channel="rumour"), "channel"),
            (draft("B-4", learned_at=clock.now() + timedelta(minutes=1)), "learned_at"),
            (draft("B-5", happened_at=clock.now() + timedelta(days=1)), "happened_at"),
        ]
        for bad, field in cases:
            with pytest.raises(Invalid) as refused:
                app.file_information(bad, TAIHE_OFFICE)
            assert refused.value.field == field
        with pytest.raises(ContentTooLarge, match="at most 4000"):
            app.file_information(draft("B-6", summary="长" * 4001), TAIHE_OFFICE)
        assert app.recorder.max_notification_id() == granted

    def test_an_import_records_every_row_or_none(self, app: IntakeApplication) -> None:
        granted = app.recorder.max_notification_id()  # the directory's posts
        good = {"source_reference": "SJ-1", "unit_code": "QX-TH-V1", "summary": "大额现金支付",
                "learned_at": "2026-03-01T08:00:00+08:00"}  # fmt: skip
        rows = [
            good,
            good | {"source_reference": "SJ-2", "unit_code": "QX-NOPE"},
            good | {"source_reference": "SJ-3", "learned_at": "yesterday"},
            good,  # the same source twice in one batch
            good | {"source_reference": "SJ-5", "unit_code": "QX-TP"},  # outside 太和镇
        ]
        with pytest.raises(ImportRefused) as refused:
            app.import_rows(rows, TAIHE_OFFICE)
        report = {r.row: r.errors for r in refused.value.rows}
        assert report[1] == []
        assert "unknown unit" in report[2][0]
        assert report[3] == ["learned_at: not an ISO 8601 date-time"]
        assert report[4] == ["source_reference: repeats row 1"]
        assert "outside your jurisdiction" in report[5][0]
        assert app.recorder.max_notification_id() == granted  # nothing half-imported

        csv_text = (
            "source_reference,unit_code,summary,learned_at\n"
            "SJ-1,QX-TH-V1,大额现金支付,2026-03-01T08:00:00+08:00\n"
            "SJ-6,QX-TH-GHB,工程款拆分支付,2026-03-01T09:00:00+08:00\n"
        )
        results = app.import_rows(rows_from_csv(csv_text), TAIHE_OFFICE, idempotency_key="b-1")
        assert [r.created for r in results] == [True, True]
        # Re-sent with the same key: the first answer, nothing new.
        again = app.import_rows(rows_from_csv(csv_text), TAIHE_OFFICE, idempotency_key="b-1")
        assert [r.information_id for r in again] == [r.information_id for r in results]
        # Re-sent without a key: rows already filed are answered with their cases.
        third = app.import_rows(rows_from_csv(csv_text), TAIHE_OFFICE)
        assert [(r.information_id, r.created) for r in third] == [
            (r.information_id, False) for r in results
        ]


class TestOfficersAndChannelsInMemory(InMemory, OfficersAndChannels):
    pass


class TestOfficersAndChannelsSQLite(OnSQLite, OfficersAndChannels):
    pass

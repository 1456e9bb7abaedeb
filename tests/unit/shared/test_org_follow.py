"""Services keep their tree current from the register's unit events (Art. 5–7, 27).

A village committee registered at the register after the seed, then given a business line, must
be known to the warning service: its judgements open proposals for the right body, and the
finance bureau follows them. The copy is in the store, so a second process on the same file (the
API beside the worker) and a restarted one know it too; a re-sent event changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

import pytest

from services.warning.app import WarningApplication
from services.warning.disposal.model import ProposalStatus
from shared.clock import ManualClock
from shared.errors import Invalid
from shared.events import (
    Actor,
    OrgUnitChanged,
    OrgUnitChangedData,
    OrgUnitRegistered,
    OrgUnitRegisteredData,
)
from shared.org_follow import KnownUnit
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED
from tests.unit.warning.upstream import feed, judgement

if TYPE_CHECKING:
    from pathlib import Path

AT = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
ADMIN = Actor(user_id="u-admin", role="admin", unit_code="QX")
NEW = "QX-TH-V9"
UNIT = {
    "code": NEW, "name": "太和镇新设村民委员会", "kind": "village_committee",
    "parent_code": "QX-TH", "managing_node_id": "town-taihe",
    "principal_leader_id": "u-v9-head", "leadership_team_ids": ("u-v9-head", "u-v9-deputy"),
}  # fmt: skip


def registered() -> OrgUnitRegistered:
    data = OrgUnitRegisteredData(
        unit_code=NEW, node_id="district", actor=ADMIN, authority="Art. 5", occurred_at=AT,
        business_department=None, **UNIT,  # type: ignore[arg-type]
    )  # fmt: skip
    return OrgUnitRegistered.create(
        data=data, subject=NEW, source="/lianfang/district/register", clock_now=AT
    )


def changed() -> OrgUnitChanged:
    data = OrgUnitChangedData(
        unit_code=NEW, node_id="district", actor=ADMIN, authority="Art. 27", occurred_at=AT,
        business_department="QX-CZ", changed=("business_department",),
        **UNIT,  # type: ignore[arg-type]
    )  # fmt: skip
    return OrgUnitChanged.create(
        data=data, subject=NEW, source="/lianfang/district/register", clock_now=AT
    )


def app_on(path: Path) -> WarningApplication:
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "SQLITE_DBNAME": str(path),
        "SQLITE_LOCK_TIMEOUT": "10",
    }
    # Each process reads the seed afresh: the copy of new units lives in the store.
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    return WarningApplication(env, clock=ManualClock(AT), org=org)


def known_unit_events(app: WarningApplication) -> int:
    topics = [f"{KnownUnit.__module__}:KnownUnit.{n}" for n in ("Learned", "Updated")]
    return len(app.recorder.select_notifications(start=None, limit=1000, topics=topics))


def test_a_unit_registered_later_is_known_to_every_process_on_the_store(tmp_path: Path) -> None:
    store = tmp_path / "warning.sqlite"
    worker, api = app_on(store), app_on(store)
    with pytest.raises(Invalid):
        api.unit(NEW)  # not in the seed

    feed(worker, registered())
    feed(worker, registered())  # a re-sent copy: its receipt stops it
    assert known_unit_events(worker) == 1
    assert api.unit(NEW).name == "太和镇新设村民委员会"  # the API process catches up

    # A judgement about the new unit opens a proposal for the town that manages it (Art. 27).
    feed(worker, judgement(unit=NEW, judgement_id=uuid4()))
    [proposal] = api.list_proposals("QX-TH", ProposalStatus.OPEN)
    assert (proposal.subject_unit, proposal.disposing_unit) == (NEW, "QX-TH")
    assert proposal.reported_to == ("QX-TH",)

    # The unit gains a business line; later proposals report to the finance bureau too.
    feed(worker, changed())
    assert known_unit_events(worker) == 2
    worker.clock.advance(timedelta(hours=1))  # so the new proposal lists last
    feed(worker, judgement(unit=NEW, judgement_id=uuid4()))
    latest = api.list_proposals("QX-TH", ProposalStatus.OPEN)[-1]
    assert latest.reported_to == ("QX-CZ", "QX-TH")
    worker.close()
    api.close()

    restarted = app_on(store)
    assert restarted.unit(NEW).business_department == "QX-CZ"
    restarted.close()

"""A node's door: tokens of units outside its root are refused; a new unit is known at once.

第七条: "系统管理，按照干部管理权限实施". 太和镇's node (`town-taihe`, root QX-TH) serves the
units of 太和镇; another town's or a district department's token is refused (403 naming the
root), except the finance bureau that follows the town's units (条块结合, Art. 27) and, where
the deployment allows it, the district's auditors (分级监督, Art. 29). Through the warning
service's real HTTP API, on memory and SQLite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from services.warning.app import WarningApplication
from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.auth import Role
from shared.clock import ManualClock
from shared.http import create_api
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED, Runtime
from shared.settings import CommonSettings
from tests.support.tokens import token_for
from tests.unit.shared.test_org_follow import AT, NEW, registered
from tests.unit.warning.upstream import feed

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from shared.settings import CommonSettings as Common


def town_node(store: str, tmp_path: Path, *, auditors: bool = False) -> Common:
    return CommonSettings(
        store=store,  # type: ignore[arg-type]
        data_dir=tmp_path,
        node_id="town-taihe",
        node_root_unit="QX-TH",
        admit_district_auditors=auditors,
    )


class DoorStory:
    store: str

    @pytest.fixture
    def runtime(self, tmp_path: Path) -> Iterator[Runtime]:
        settings = WarningSettings(common=town_node(self.store, tmp_path))
        runtime = Runtime(SPEC, settings, clock=ManualClock(AT))
        yield runtime
        runtime.close()

    def get(self, runtime: Runtime, path: str, role: Role, unit: str) -> tuple[int, str]:
        token = token_for(runtime, f"u-{unit}", [role], unit)
        answer = TestClient(create_api(runtime)).get(
            path, headers={"Authorization": f"Bearer {token}"}
        )
        return answer.status_code, answer.text

    def test_tokens_of_units_outside_the_root_are_refused(self, runtime: Runtime) -> None:
        """Art. 7: "按照干部管理权限实施"; the town's node is the town's."""
        assert self.get(runtime, "/warnings", Role.OFFICE, "QX-TH")[0] == 200
        assert self.get(runtime, "/warnings", Role.OFFICE, "QX-TH-CZS")[0] == 200
        for outsider in ("QX-TP", "QX-ZJ", "QX-TP-V1"):
            status, text = self.get(runtime, "/warnings", Role.OFFICE, outsider)
            assert status == 403
            assert (
                "Art. 7: 按照干部管理权限，本节点（town-taihe）只服务太和镇（QX-TH）及其所属单位"
                in text
            )
            assert "node town-taihe serves the units of QX-TH" in text
            assert outsider in text
        # The district's auditor too, unless the deployment admits them.
        assert self.get(runtime, "/warnings", Role.AUDITOR, "QX")[0] == 403
        # The finance bureau follows 太和镇财政所's disposals (条块结合, Art. 27).
        assert self.get(runtime, "/warnings/inbox", Role.OFFICE, "QX-CZ")[0] == 200

    def test_a_deployment_may_admit_the_districts_auditors(self, tmp_path: Path) -> None:
        """Art. 29 "分级监督": `LIANFANG_ADMIT_DISTRICT_AUDITORS` lets the district's auditors
        read a town's node; not a department's auditor. The district's office reads only what
        it supervises (the warnings' disposal, docs/warning-supervision.md), not the proposals."""
        settings = WarningSettings(common=town_node(self.store, tmp_path, auditors=True))
        runtime = Runtime(SPEC, settings, clock=ManualClock(AT))
        assert self.get(runtime, "/warnings", Role.AUDITOR, "QX")[0] == 200
        assert self.get(runtime, "/proposals", Role.OFFICE, "QX")[0] == 403
        assert self.get(runtime, "/warnings?within=QX-TH", Role.OFFICE, "QX")[0] == 200
        assert self.get(runtime, "/warnings?within=QX-TH", Role.JUDGE, "QX")[0] == 403
        assert self.get(runtime, "/warnings", Role.AUDITOR, "QX-ZJ")[0] == 403
        runtime.close()

    def test_every_route_knows_a_newly_registered_unit_at_once(self, runtime: Runtime) -> None:
        """A unit the register publishes is known to the next request that names it (Art. 5)."""
        path = f"/warnings?within={NEW}"
        assert self.get(runtime, path, Role.OFFICE, "QX-TH")[0] == 422
        worker = self.worker(runtime)
        feed(worker, registered())  # the worker takes the unit in; the API has not looked since
        assert self.get(runtime, path, Role.OFFICE, "QX-TH") == (200, "[]")
        # and a token of the new unit passes the node's door
        assert self.get(runtime, "/warnings", Role.LEADER, NEW)[0] == 200
        if worker is not runtime.app:
            worker.close()

    def worker(self, runtime: Runtime) -> WarningApplication:
        """The worker: the API's own application in memory, a second process on SQLite."""
        assert isinstance(runtime.app, WarningApplication)
        return runtime.app


class TestDoorInMemory(DoorStory):
    store = "memory"


class TestDoorOnSQLite(DoorStory):
    store = "sqlite"

    def worker(self, runtime: Runtime) -> WarningApplication:
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(runtime.common.data_dir / "warning.sqlite"),
            "SQLITE_LOCK_TIMEOUT": "10",
        }
        org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
        return WarningApplication(env, clock=ManualClock(AT), org=org)

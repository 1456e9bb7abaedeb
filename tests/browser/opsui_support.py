"""What the 审计, 系统管理 and 区级驾驶舱 browser tests add to the stack: the district's work of a
few days (the demo's information on five channels, one case carried through judgement to a
warning, a unit scored), and a service's own store opened beside its running process, so a test
can count from the stores what the screens show."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx

from lianfang.demo import CHAIN_CASE, load_demo
from lianfang.demo_chain import CASE_UNIT, carry_case_through
from services import registry
from shared.auth import Role
from shared.clock import BEIJING
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.tokens import TEST_KEY_FILE, issuer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from tests.browser.conftest import Stack


@dataclass(frozen=True)
class DistrictWork:
    cases: dict[str, str]
    """Case ids by source reference (lianfang.demo.DEMO_INFORMATION)."""
    chain_case: str
    """The case carried through judgement to a warning (lianfang.demo_chain)."""
    warning_id: str
    scored_unit: str


def _wait(what: str, probe: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if probe():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def do_the_district_s_work(stack: Stack) -> DistrictWork:
    """File the demo information, carry its chain case to a warning, and score 市场监管局."""
    tokens = issuer().for_audience("district")
    intake_url = stack.service_urls["intake"]
    cases = load_demo(intake_url, tokens)
    office = {"Authorization": f"Bearer {tokens.mint('u-qx-office', [Role.OFFICE], 'QX')}"}
    chain = carry_case_through(
        stack.service_urls["register"], stack.service_urls["warning"], tokens,
        cases[CHAIN_CASE], due_in=timedelta(seconds=15),
    )  # fmt: skip
    assert chain is not None
    year = datetime.now(UTC).astimezone(BEIJING).year
    with httpx.Client(base_url=stack.service_urls["assessment"], headers=office) as assessment:

        def warning_counted() -> bool:
            figures = assessment.get(f"/figures/{CASE_UNIT}", params={"year": year})
            return figures.is_success and figures.json()["counts"].get("warning_issued", 0) > 0

        _wait("the assessment service to count the warning", warning_counted)
        scored = assessment.post(f"/assessments/{CASE_UNIT}/{year}/score", json={})
        assert scored.status_code == 201, scored.text
    return DistrictWork(cases, cases[CHAIN_CASE], chain.warning_id, CASE_UNIT)


@contextmanager
def store_of(stack: Stack, service: str) -> Iterator[Runtime]:
    """`service`'s own store (SQLite, as its process keeps it), opened beside the process."""
    spec, settings = registry.load(service)
    common = CommonSettings.model_validate(
        {"store": "sqlite", "data_dir": stack.node.data_dir, "topic_prefix": stack.node.prefix,
         "kafka_bootstrap": stack.node.bootstrap, "env": "dev", "dev_key_file": TEST_KEY_FILE,
         "node_id": stack.node.node_id, "node_root_unit": stack.node.root_unit}
    )  # fmt: skip
    runtime = Runtime(spec, settings(common=common))
    try:
        yield runtime
    finally:
        runtime.close()

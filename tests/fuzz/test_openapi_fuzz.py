"""Property-based fuzzing of every service's HTTP API from its own OpenAPI document (issue #17).

For each of the four services, a real uvicorn server on a memory store is sent requests that
schemathesis generates from the service's OpenAPI document, with a valid token of the district's
prevention office (the widest jurisdiction). What must hold for every request: no 5xx, and every
answer fits the schema the service documents for it. A bad input is a 4xx naming the field, never
a crash. `make test` runs a few examples per operation; `make fuzz` many
(`LIANFANG_FUZZ_EXAMPLES`), and prints the figures.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from services import registry
from shared.auth import Role
from shared.http import create_api
from shared.runtime import Runtime
from shared.settings import CommonSettings
from tests.support.processes import free_port
from tests.support.tokens import token_for

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lianfang.kafka_acl import Provisioner

EXAMPLES = int(os.environ.get("LIANFANG_FUZZ_EXAMPLES", "8"))
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture(params=registry.NAMES)
def served(
    request: pytest.FixtureRequest, kafka_provisioner: Provisioner
) -> Iterator[tuple[str, Runtime]]:
    spec, settings_cls = registry.load(request.param)
    # A real broker, as the admin here: what a route asks of Kafka (readiness) is answered.
    kafka = {
        k.removeprefix("LIANFANG_").lower(): v for k, v in kafka_provisioner.admin.env().items()
    }
    common = CommonSettings.model_validate({"store": "memory", "env": "dev", **kafka})
    runtime = Runtime(spec, settings_cls(common=common))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_api(runtime), host="127.0.0.1", port=port, log_config=None)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", runtime
    server.should_exit = True
    thread.join(10)
    runtime.close()


def test_no_request_crashes_a_service_or_breaks_its_schema(served: tuple[str, Runtime]) -> None:
    base, runtime = served
    token = token_for(runtime, "u-fuzz", [Role.OFFICE], "QX", name="模糊测试")
    headers = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    failures: dict[str, str] = {}
    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path in {"/healthz", "/readyz", "/metrics"}:
            continue  # operations endpoints: no input; readiness is 503 without Kafka here

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )  # fmt: skip
        def call(case: Any) -> None:
            nonlocal calls
            calls += 1
            case.call_and_validate(base_url=base, headers=headers, checks=CHECKS, timeout=30)

        try:
            call()
        except BaseException as exc:  # schemathesis's FailureGroup is a BaseExceptionGroup
            if not isinstance(exc, Exception | BaseExceptionGroup):
                raise  # KeyboardInterrupt and the like stop the run
            failures[operation.label] = str(exc)[:2000]
    print(f"\n{runtime.name}: {calls} requests, {len(failures)} operations failing")
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())

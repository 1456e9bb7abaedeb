"""The intake demo against the real service: every channel on Kafka from the start (Art. 22–24).

`lianfang serve intake` runs as a process on the suite's Kafka, its ticks every second. The demo
files information on each channel of the vocabulary (an appointed officer's reports, a sealed
petition, online media, an inspection, a bulk import), sets reporting duties and submits reports;
the worker then finds the breaches, so the compliance figures are not empty. A second run finds
the same cases.
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from lianfang.demo_intake import PETITIONER, load_intake_demo, month_start
from services.intake.duties.model import period_of
from shared.auth import Role
from shared.envelope import from_record
from shared.events import ReportingBreachFound, RiskReported
from shared.vocabulary import Channel
from tests.e2e.conftest import Node
from tests.support.directory import demo_posts, grants
from tests.support.processes import wait_until
from tests.support.tokens import ALL_NODES, issuer

pytestmark = pytest.mark.kafka


def figures(port: int, token: str, unit: str, period: str) -> dict[str, int]:
    response = httpx.get(
        f"http://127.0.0.1:{port}/compliance",
        params={"unit": unit, "period": period},
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
    )
    response.raise_for_status()
    return {k: v for k, v in response.json().items() if isinstance(v, int)}


async def test_the_demo_files_every_channel_and_the_figures_follow(node: Node) -> None:
    # The API first and the worker (ticks, relay) once the demo is in: a tick between a duty's
    # entry and 教育局's report would find that month missed as well as late.
    # Before them, the directory's posts (the officer's grant, the duty units' leaders, Art. 22,
    # 23) as the console publishes them, taken in by a worker that stops before any duty exists.
    posts = grants(p for p in demo_posts() if p[1] in {Role.LEADER, Role.OFFICER})
    await node.produce_events("console", posts)
    taking_in = node.worker("intake")
    console_topic = node.topics.events("console")
    wait_until(lambda: node.tracked("intake", console_topic) == len(posts), what="the grants")
    taking_in.stop()
    _, port = node.api("intake")
    url = f"http://127.0.0.1:{port}"
    tokens = issuer().for_audience(*ALL_NODES)

    ids = load_intake_demo(url, tokens)
    assert len(set(ids)) == len(ids) == 7
    assert load_intake_demo(url, tokens) == ids  # a re-run answers with the same cases
    node.worker("intake", LIANFANG_TICK_SECONDS="1")

    # The relay publishes the reports interleaved with the ticks' breaches: read until all seven.
    expect, reported = 7, []
    while len(reported) < 7 and expect <= 100:
        records = await node.read_all(node.topics.events("intake"), expect=expect)
        reported = [e for r in records if isinstance(e := from_record(r.key, r.value, r.headers),
                                                     RiskReported)]  # fmt: skip
        expect = len(records) + 7 - len(reported)
    assert sorted(str(e.data.information_id) for e in reported) == sorted(ids)
    assert {e.data.channel for e in reported} == set(Channel)
    [petition] = [e for e in reported if e.data.channel == Channel.PETITION]
    assert petition.data.has_protected_source is True
    assert not any(v in r.value.decode() for r in records for v in PETITIONER.values())
    officer = {e.data.reported_by.user_id for e in reported if e.data.channel == "officer_report"}
    assert officer == {"demo-officer-jy"}

    # The worker's ticks find 漏报 and 瞒报 candidates; a late officer report is 迟报 at once.
    office = node.token(Role.OFFICE, "QX", user="u-office")
    earlier = period_of(month_start(datetime.now(UTC), 2), "monthly")
    wait_until(lambda: figures(port, office, "QX-WJ", earlier)["missed"] == 1,
               what="the missed report of 卫健局")  # fmt: skip
    expected = {("QX-JY", "late"), ("QX-WJ", "missed"), ("QX-CZ", "missed"),
                ("QX-WJ", "concealment_candidate"), ("QX-CZ", "concealment_candidate")}  # fmt: skip
    wait_until(lambda: expected <= {(b["unit_code"], b["kind"]) for b in breaches(url, office)},
               what="each kind of breach")  # fmt: skip
    jy = figures(port, office, "QX-JY", earlier)
    assert (jy["periodic_reports"], jy["missed"]) == (1, 0)
    assert jy["late"] >= 1  # the earlier month's report came after its due day
    wj = figures(port, office, "QX-WJ", earlier)
    assert (wj["periodic_reports"], wj["own_reports"]) == (0, 0)

    # Each breach recorded is also a ReportingBreachFound on Kafka.
    found = {b["breach_id"] for b in breaches(url, office)}
    records = await node.read_all(node.topics.events("intake"), expect=7 + len(found))
    published = [from_record(r.key, r.value, r.headers) for r in records]
    on_kafka = {str(e.data.breach_id) for e in published if isinstance(e, ReportingBreachFound)}
    assert found <= on_kafka


def breaches(url: str, token: str) -> list[dict[str, str]]:
    response = httpx.get(
        f"{url}/breaches", params={"unit": "QX"}, headers={"Authorization": f"Bearer {token}"}
    )
    response.raise_for_status()
    found: list[dict[str, str]] = response.json()
    return found

"""The hash chain and its verification, on the in-memory store (Art. 23)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import StoredEvent
from eventsourcing.system import ProcessApplication

from services import registry
from shared.application import ServiceApplication
from shared.audit.chain import GENESIS, Link, chained, link_hash
from shared.audit.checkpoints import checkpoint_of, load_witnesses, of_chain, save_witnesses
from shared.audit.recorders import ChainedPOPOProcessRecorder
from shared.audit.verify import Witness, verify
from shared.clock import ManualClock
from shared.events import ChainCheckpoint
from shared.orgtree import OrgDirectory
from shared.runtime import DEFAULT_ORG_SEED, Runtime
from shared.settings import CommonSettings
from shared.store import with_chain
from shared.topics import Topics
from tests.support.stores import MEMORY, sqlite_env

if TYPE_CHECKING:
    from pathlib import Path


class Ledger(Aggregate):
    @event("Opened")
    def __init__(self, name: str) -> None:
        self.name = name
        self.entries: list[int] = []

    @event("Entered")
    def enter(self, amount: int) -> None:
        self.entries.append(amount)


@pytest.fixture
def app() -> ProcessApplication[object]:
    app: ProcessApplication[object] = ProcessApplication(
        with_chain({"PERSISTENCE_MODULE": "eventsourcing.popo"})
    )
    for name in ("a", "b"):
        ledger = Ledger(name)
        ledger.enter(1)
        ledger.enter(2)
        app.save(ledger)
    return app


def stored(app: ProcessApplication[object]) -> list[StoredEvent]:
    recorder = app.recorder
    assert isinstance(recorder, ChainedPOPOProcessRecorder)
    return recorder._stored_events


def test_the_hash_commits_to_every_field_and_the_predecessor() -> None:
    base = (GENESIS, 1, "id", 1, "topic", b"state")
    digest = link_hash(*base)
    assert len(digest) == 64
    for index, changed in enumerate(("1" * 64, 2, "id2", 2, "topic2", b"state2")):
        other = list(base)
        other[index] = changed
        assert link_hash(*other) != digest, f"field {index} is not covered"
    # Length prefixes: moving a byte from the topic into the state changes the hash.
    assert link_hash(GENESIS, 1, "id", 1, "ab", b"c") != link_hash(GENESIS, 1, "id", 1, "a", b"bc")


def test_every_stored_event_gets_a_link_that_follows_the_previous(
    app: ProcessApplication[object],
) -> None:
    recorder = chained(app.recorder)
    links = recorder.select_links(0, 100)
    events = stored(app)
    assert [k.position for k in links] == [1, 2, 3, 4, 5, 6]
    previous = GENESIS
    for link, stored_event in zip(links, events, strict=True):
        assert link.event_id == f"{stored_event.originator_id}@{stored_event.originator_version}"
        previous = link_hash(
            previous,
            link.position,
            stored_event.originator_id,
            stored_event.originator_version,
            stored_event.topic,
            stored_event.state,
        )
        assert link.hash == previous
    assert recorder.chain_head() == links[-1]
    assert recorder.select_links(4, 1) == [links[4]]


def test_an_intact_store_verifies_and_agrees_with_its_witnesses(
    app: ProcessApplication[object],
) -> None:
    links = chained(app.recorder).select_links(0, 100)
    witnesses = [Witness("s", "district", k.position, k.hash) for k in (links[1], links[4])]
    verdict = verify("s", chained(app.recorder), witnesses)
    assert verdict.ok
    assert (verdict.events, verdict.witnesses_checked, verdict.witnessed_up_to) == (6, 2, 5)
    assert verdict.head == links[-1].hash


def test_an_edited_event_is_named_by_position_and_event_id(
    app: ProcessApplication[object],
) -> None:
    events = stored(app)
    original = events[2]
    events[2] = StoredEvent(
        original.originator_id,
        original.originator_version,
        original.topic,
        original.state.replace(b"2", b"9"),
    )
    broken = verify("s", chained(app.recorder)).broken
    assert broken is not None
    assert (broken.service, broken.position) == ("s", 3)
    assert broken.event_id == f"{original.originator_id}@{original.originator_version}"
    assert str(broken).startswith(f"s: broken at position 3 (event {broken.event_id})")


def test_a_wrong_witness_and_a_truncation_are_named(app: ProcessApplication[object]) -> None:
    recorder = chained(app.recorder)
    wrong = Witness("s", "district", 4, "f" * 64, "cp-9")
    broken = verify("s", recorder, [wrong]).broken
    assert broken is not None
    assert broken.position == 4
    assert "cp-9" in broken.reason
    beyond = Witness("s", "district", 8, "f" * 64)
    broken = verify("s", recorder, [beyond]).broken
    assert broken is not None
    assert (broken.position, broken.event_id) == (8, "-")
    assert "truncated" in broken.reason


def test_an_empty_store_verifies() -> None:
    app: ProcessApplication[object] = ProcessApplication(
        with_chain({"PERSISTENCE_MODULE": "eventsourcing.popo"})
    )
    verdict = verify("s", chained(app.recorder))
    assert verdict.ok
    assert (verdict.events, verdict.head) == (0, GENESIS)


def test_a_store_without_the_chain_is_refused_loudly() -> None:
    app: ProcessApplication[object] = ProcessApplication(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    )
    with pytest.raises(TypeError, match="keeps no hash chain"):
        chained(app.recorder)


@pytest.mark.parametrize("store", ["memory", "sqlite"])
def test_a_service_application_chains_even_on_a_plain_store(store: str, tmp_path: Path) -> None:
    plain = (
        {"PERSISTENCE_MODULE": "eventsourcing.popo"}
        if store == "memory"
        else {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "s")}
    )
    org = OrgDirectory.from_json(DEFAULT_ORG_SEED)
    app = ServiceApplication(plain, clock=ManualClock(), org=org)
    app.save(Ledger("甲"))
    verdict = verify("s", chained(app.recorder))
    assert (verdict.ok, verdict.events) == (True, 1)
    app.close()
    assert with_chain(with_chain(plain)) == with_chain(plain)  # naming the recorder once


def test_the_tests_stores_have_the_production_recorders(tmp_path: Path) -> None:
    for env in (MEMORY, sqlite_env(tmp_path / "s.db")):
        app: ProcessApplication[object] = ProcessApplication(env)
        chained(app.recorder)  # a TypeError if the store kept no chain
        app.close()


@pytest.mark.parametrize("service", registry.NAMES)
def test_every_service_stores_its_events_with_the_chain(
    service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIANFANG_STORE", "memory")
    spec, settings = registry.load(service)
    runtime = Runtime(spec, settings())
    try:
        assert isinstance(runtime.app.recorder, ChainedPOPOProcessRecorder)
    finally:
        runtime.close()


def test_a_checkpoint_names_the_head_and_its_id_is_stable(tmp_path: Path) -> None:
    head = Link(12, "0b6a1c7e-4d1e-4f7a-9a64-3d8f0f6a2b11", 3, "ab" * 32)
    common = CommonSettings(node_id="town-taihe", node_root_unit="QX-TH")
    first = checkpoint_of(head, "warning", common, ManualClock())
    again = checkpoint_of(head, "warning", common, ManualClock())
    assert isinstance(first, ChainCheckpoint)
    assert first.id == again.id
    assert (first.data.position, first.data.head_hash) == (12, "ab" * 32)
    assert first.data.head_event_id == head.event_id
    assert first.subject == "chain:town-taihe/warning"
    assert Topics("lianfang").of_event(first.type) == "lianfang.audit.checkpoints"


def test_witnesses_survive_a_file_and_are_told_apart_by_store(tmp_path: Path) -> None:
    witnesses = [
        Witness("intake", "district", 5, "a" * 64, "cp-1"),
        Witness("intake", "town-taihe", 5, "b" * 64, "cp-2"),
        Witness("warning", "district", 7, "c" * 64, "cp-3"),
    ]
    path = tmp_path / "w.jsonl"
    save_witnesses(path, witnesses)
    loaded = load_witnesses(path)
    assert loaded == witnesses
    assert of_chain(loaded, "intake", "district") == [witnesses[0]]

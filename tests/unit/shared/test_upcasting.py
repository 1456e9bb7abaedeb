"""Upcasters bring an old event's data to the newest version before parsing (toy types)."""

from __future__ import annotations

from typing import Any

import pytest

import shared.events
from shared.envelope import EnvelopeError, from_record, to_record
from shared.events import UpcasterRegistry
from tests.unit.shared import samples

TOY = "cn.gov.qingxin.lianfang.intake.Toy"


def toy_registry() -> UpcasterRegistry:
    registry = UpcasterRegistry()

    # v2 split `name` into given and family names; v3 renamed `city` to `town`.
    @registry.register(TOY, from_version=1)
    def split_name(data: dict[str, Any]) -> dict[str, Any]:
        family, given = data.pop("name").split(" ", 1)
        return data | {"family_name": family, "given_name": given}

    @registry.register(TOY, from_version=2)
    def rename_city(data: dict[str, Any]) -> dict[str, Any]:
        return {("town" if k == "city" else k): v for k, v in data.items()}

    return registry


def test_a_v1_event_is_carried_through_every_step_to_the_newest() -> None:
    registry = toy_registry()
    old = {"schema_version": 1, "name": "李 明", "city": "太和"}
    assert registry.upcast(f"{TOY}.v1", old) == (
        f"{TOY}.v3",
        {"schema_version": 3, "family_name": "李", "given_name": "明", "town": "太和"},
    )
    assert old["name"] == "李 明"  # the caller's dict is left alone
    # A v2 event only takes the last step; the newest and unknown types pass unchanged.
    assert registry.upcast(f"{TOY}.v2", {"schema_version": 2, "city": "x"})[0] == f"{TOY}.v3"
    assert registry.upcast(f"{TOY}.v3", {"town": "x"}) == (f"{TOY}.v3", {"town": "x"})
    assert registry.upcast("not a type", {"a": 1}) == ("not a type", {"a": 1})


def test_a_step_is_registered_once() -> None:
    registry = toy_registry()
    with pytest.raises(ValueError, match="exists"):
        registry.register(TOY, from_version=1)(lambda data: data)


def test_a_failing_upcaster_makes_the_record_unreadable_not_the_consumer_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry = UpcasterRegistry()

    @registry.register("cn.gov.qingxin.lianfang.intake.RiskReported", from_version=1)
    def broken(data: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("no_such_field")

    monkeypatch.setattr(shared.events, "UPCASTERS", registry)
    record = to_record(samples.risk_reported())
    with pytest.raises(EnvelopeError, match=r"cannot upcast .*KeyError"):
        from_record(record.key, record.value, record.headers)

"""Upcasters: turn an older version of an event's data into the newest before it is parsed.

The rule for a breaking change to event `X` (style: "a breaking change adds a new version"):
1. add `XV2Data` / `XV2` with type `...X.v2` and `schema_version: Literal[2]`, and list `XV2` in
   `shared.events` (producers switch to it; keep `X` there while anything still produces v1);
2. register one upcaster from version 1 that returns the v2-shaped data dict:

       @UPCASTERS.register("cn.gov.qingxin.lianfang.intake.RiskReported", from_version=1)
       def _risk_reported_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
           return {**data, "new_field": "default"}

`upcast` applies the chain v1 -> v2 -> ... for as long as steps are registered, and sets
`schema_version` and the type's `.vN` to match, so consumers only ever see the newest version.
Additive, optional fields are not breaking and need neither a new version nor an upcaster.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shared.events.base import EventTypeName, parse_event_type

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


class UpcasterRegistry:
    """Steps from version N to N+1 of an event type's data, keyed by (unversioned type, N)."""

    def __init__(self) -> None:
        self._steps: dict[tuple[str, int], Upcaster] = {}

    def register(self, unversioned_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
        """Decorator: `fn` turns data of `from_version` into data of `from_version + 1`."""

        def add(fn: Upcaster) -> Upcaster:
            key = (unversioned_type, from_version)
            if key in self._steps:
                raise ValueError(f"an upcaster from {unversioned_type}.v{from_version} exists")
            self._steps[key] = fn
            return fn

        return add

    def upcast(self, event_type: str, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """The newest type string and data for an event of `event_type`; unchanged if no step."""
        try:
            name = parse_event_type(event_type)
        except ValueError:
            return event_type, data
        version = name.version
        while (step := self._steps.get((name.unversioned, version))) is not None:
            data = dict(step(dict(data)))
            version += 1
            data["schema_version"] = version
        return str(EventTypeName(name.service, name.name, version)), data


UPCASTERS = UpcasterRegistry()
"""The registry `parse_event` and `shared.envelope.from_record` apply; empty while all are v1."""

"""Snapshots of a unit's year of figures, so taking one more fact in stays cheap (Art. 31).

Every counted fact is an event on the unit's `UnitYearFigures`: without snapshots, each fact
taken in replayed every earlier fact of that unit's year, and a year's intake cost grew with the
square of its facts (issue #18: 4.7 events/s at 2,000 facts of one unit). A snapshot every
`FIGURES_SNAPSHOT_INTERVAL` versions bounds the replay to the snapshot and the events after it.
Snapshots are a cache beside the events, never a fact: they sit in the store's own snapshots
table, outside the hash chain, and a missing or older one only means a longer replay.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Transcoding

from services.assessment.figures.model import Fact, FactKind

FIGURES_SNAPSHOT_INTERVAL = 50
"""Versions between two snapshots of a unit's year: a load replays at most this many events."""


class FactAsList(Transcoding):
    """A `Fact` in a snapshot's state, as [kind, event id, key, detail]."""

    type = Fact
    name = "assessment_fact"

    def encode(self, obj: Fact) -> list[str]:
        return [obj.kind.value, obj.event_id, obj.key, obj.detail]

    def decode(self, data: Any) -> Fact:
        kind, event_id, key, detail = data
        return Fact(FactKind(kind), event_id, key, detail)

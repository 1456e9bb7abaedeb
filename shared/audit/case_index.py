"""The case-timeline index the worker keeps, so a timeline is never a replay of Kafka (review H3).

The service that keeps it (assessment: it consumes every producer's topic anyway, Art. 31) files
each event its worker takes in, as it takes it in, under the ids by which a timeline finds it
(shared/audit/case_timeline.py): the case (`information_id`), a judgement, a warning, a risk
point, a power, a reporting breach; an annual result under each event id its lines rest on, or
under its unit and year when it names none. A route then reads the few shelves of one case
(`gather`), never the topics: the cost of a timeline is the size of its case, not of history.

Each shelf is an aggregate keyed by `uuid5` of its key, so filing is written in the same
transaction as the worker's tracking row (effectively once), and a second copy of an event (a
relay's re-send) is recognised by its source and ce_id and filed once. Nothing here is a fact of the
regulation; it is the auditors' index of the facts every service published (Art. 23, 29).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from shared.audit.case_timeline import _links, _via
from shared.clock import BEIJING
from shared.events import AssessmentPublished, JudgementMade, parse_event

if TYPE_CHECKING:
    from collections.abc import Iterable

    from eventsourcing.application import Application, ProcessingEvent

    from shared.events import CloudEvent

SHELF_NAMESPACE = uuid5(NAMESPACE_URL, "urn:lianfang:case-timeline-shelf")

LINK_FIELDS = ("information_id", "judgement_id", "warning_id", "risk_point_id", "power_id",
               "breach_id")  # fmt: skip
"""The ids of an event's data by which a timeline follows it (case_timeline `_links`)."""

MAX_ROUNDS = 4
"""case → judgements and breaches → warnings and points → powers: three rounds find them all."""


class TimelineShelf(Aggregate):
    """The events filed under one key, in the order the worker took them in (审计索引)."""

    @staticmethod
    def create_id(key: str) -> UUID:
        return uuid5(SHELF_NAMESPACE, key)

    @event("Opened")
    def __init__(self, key: str) -> None:
        self.key = key
        self.entries: list[dict[str, Any]] = []
        self.event_ids: set[str] = set()

    @event("Filed")
    def file(self, event_id: str, position: list[Any], cloud_event: dict[str, Any]) -> None:
        """File one published event (structured JSON) with where it was read."""
        self.entries.append({"position": position, "event": cloud_event})
        self.event_ids.add(event_id)


def keys_of(upstream: CloudEvent) -> set[str]:
    """The shelves an event goes on."""
    data: Any = upstream.data
    keys = {f"{name}:{value}" for name in LINK_FIELDS if (value := getattr(data, name, None))}
    if isinstance(upstream, AssessmentPublished):
        named = [line.evidence_event_ids for line in upstream.data.lines]
        if any(ids is not None for ids in named):
            keys |= {f"evidence:{ce_id}" for ids in named for ce_id in ids or ()}
        else:
            keys.add(f"unit_year:{upstream.data.unit_code}:{upstream.data.year}")
    return keys


def file_event(
    app: Application[UUID], upstream: CloudEvent, processing_event: ProcessingEvent[UUID]
) -> None:
    """File an upstream event on its shelves in the worker's transaction; a copy changes nothing."""
    tracking = processing_event.tracking
    position: list[Any] = (
        [tracking.application_name, tracking.notification_id] if tracking else ["-", 0]
    )
    changed = shelve(app, upstream, position, {})
    if changed:
        processing_event.collect_events(*changed)


def shelve(
    app: Application[UUID],
    upstream: CloudEvent,
    position: list[Any],
    open_shelves: dict[UUID, TimelineShelf],
) -> list[TimelineShelf]:
    """Put one event on its shelves at `position` (`[topic-partition, offset + 1]`, as the
    worker's tracking names it); the shelves it changed, to save. `open_shelves` keeps the
    shelves already loaded in this batch, so that one batch changes each shelf once."""
    document = upstream.model_dump(mode="json")
    changed: list[TimelineShelf] = []
    for key in sorted(keys_of(upstream)):
        shelf_id = TimelineShelf.create_id(key)
        shelf = open_shelves.get(shelf_id)
        if shelf is None:
            shelf = (
                app.repository.get(shelf_id) if shelf_id in app.repository else TimelineShelf(key)
            )
            open_shelves[shelf_id] = shelf
        if _on_shelf(shelf, upstream):
            continue
        shelf.file(upstream.id, position, document)
        changed.append(shelf)
    return changed


def _on_shelf(shelf: TimelineShelf, upstream: CloudEvent) -> bool:
    """Whether this very event (its source and id: an id is unique only within its source) is
    filed already; another source's event with the same id is not a copy and is filed too."""
    if upstream.id not in shelf.event_ids:
        return False
    return any(
        entry["event"].get("id") == upstream.id and entry["event"].get("source") == upstream.source
        for entry in shelf.entries
    )


def shelf(app: Application[UUID], key: str) -> list[tuple[tuple[Any, ...], CloudEvent]]:
    """The events on one shelf with their positions (none if nothing was filed there)."""
    shelf_id = TimelineShelf.create_id(key)
    if shelf_id not in app.repository:
        return []
    found: TimelineShelf = app.repository.get(shelf_id)
    return [(tuple(e["position"]), parse_event(e["event"])) for e in found.entries]


def gather(app: Application[UUID], case_id: UUID) -> list[CloudEvent]:
    """Every event the case's timeline may need, from its shelves, in the topics' order.

    A superset: `case_timeline` decides what belongs. It follows the ids the case's events
    name (judgements, warnings, points, powers, breaches) until no new one appears, then the
    annual results that rest on those events or fall in their units and years.
    """
    found: dict[str, tuple[tuple[Any, ...], CloudEvent]] = {}
    read: set[str] = set()

    def take(keys: Iterable[str]) -> None:
        for key in sorted(set(keys) - read):
            read.add(key)
            for position, cloud_event in shelf(app, key):
                found.setdefault(f"{cloud_event.source}\n{cloud_event.id}", (position, cloud_event))

    take([f"information_id:{case_id}"])
    if not found:
        return []
    for _ in range(MAX_ROUNDS):
        links = _links(case_id, _ordered(found))
        wanted = {f"information_id:{case_id}"}
        wanted |= {f"judgement_id:{i}" for i in links.judgements}
        wanted |= {f"warning_id:{i}" for i in links.warnings}
        wanted |= {f"risk_point_id:{i}" for i in links.points}
        wanted |= {f"power_id:{i}" for i in links.powers}
        wanted |= {f"breach_id:{i}" for i in links.breaches}
        if wanted <= read:
            break
        take(wanted)
    links = _links(case_id, _ordered(found))
    mine = [e for e in _ordered(found) if _via(e, links) is not None]
    results = {f"evidence:{e.id}" for e in mine}
    results |= {
        f"unit_year:{e.data.unit_code}:{e.data.occurred_at.astimezone(BEIJING).year}" for e in mine
    }
    results |= {
        f"unit_year:{e.data.reporting_breach.reporting_unit}:"
        f"{e.data.occurred_at.astimezone(BEIJING).year}"
        for e in mine
        if isinstance(e, JudgementMade)
        and e.data.reporting_breach is not None
        and e.data.reporting_breach.reporting_unit
    }
    take(results)
    return _ordered(found)


def _ordered(found: dict[str, tuple[tuple[Any, ...], CloudEvent]]) -> list[CloudEvent]:
    """In the order the topics hold them: by topic partition, then offset."""
    return [e for _, e in sorted(found.values(), key=lambda pair: pair[0])]

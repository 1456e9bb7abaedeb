"""The case-timeline index built from what the topics hold, for a node upgraded with history.

Assessment's worker files each event on the index as it takes it in (shared/audit/case_index.py,
review H3), so the events it took in before the index existed are not on it, and a timeline
over HTTP would miss those steps. `lianfang audit backfill-index` reads every topic the
worker consumes from its start (as the node's operator, who alone reads them all) and files
what is missing, at the position the worker would have filed it (`[topic-partition, offset +
1]`, its tracking's), so a backfilled step sorts among the live ones as the topics order them.

What the worker would not have believed is not filed either: an unreadable record, and a record
the provenance check doubts (shared/provenance.py), are counted and skipped, as the worker
dead-letters them. It is idempotent: an event already on a shelf (by its source and id) is left
there, so running it twice, or while the worker runs, files each event once. A shelf the
worker changes meanwhile makes the batch's save fail on the shelf's version; the batch is
read again and filed once more (Art. 23, 29: the index of facts, never a fact itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventsourcing.persistence import IntegrityError

from shared.audit.case_index import TimelineShelf, shelve
from shared.audit.published import read_deliveries
from shared.envelope import EnvelopeError, from_record
from shared.kafka import OPERATOR, KafkaAccess
from shared.provenance import Provenance
from shared.topics import Topics

if TYPE_CHECKING:
    from collections.abc import AsyncIterable, Iterable
    from uuid import UUID

    from eventsourcing.application import Application

    from shared.application import ServiceApplication
    from shared.events import CloudEvent
    from shared.inbox import Delivery
    from shared.settings import CommonSettings

ATTEMPTS = 5
"""How often a batch is filed again after the worker changed one of its shelves first."""


@dataclass
class Backfilled:
    """What a backfill read and did."""

    read: int = 0
    filed: int = 0
    """Events put on a shelf they were missing from."""
    already: int = 0
    """Events every shelf of which had them (the worker's, or an earlier backfill's)."""
    untrusted: int = 0
    unreadable: int = 0

    def summary(self) -> str:
        return (
            f"{self.read} records read: {self.filed} events filed, {self.already} already on "
            f"the index, {self.untrusted} of untrusted provenance and {self.unreadable} "
            "unreadable skipped"
        )


async def backfill(
    app: Application[UUID],
    batches: AsyncIterable[list[Delivery]],
    provenance: Provenance | None,
) -> Backfilled:
    """File every believable event of `batches` that the index lacks; what was done."""
    done = Backfilled()
    async for batch in batches:
        file_batch(app, batch, provenance, done)
    return done


def file_batch(
    app: Application[UUID],
    batch: Iterable[Delivery],
    provenance: Provenance | None,
    done: Backfilled,
) -> None:
    """File one batch of records, saved together; counted into `done`."""
    believed: list[tuple[Delivery, CloudEvent]] = []
    for delivery in batch:
        done.read += 1
        try:
            upstream = from_record(delivery.key, delivery.value, delivery.headers)
        except EnvelopeError:
            done.unreadable += 1
            continue
        if provenance is not None and provenance.doubt(upstream, delivery.topic) is not None:
            done.untrusted += 1
            continue
        believed.append((delivery, upstream))
    for _ in range(ATTEMPTS):
        try:
            filed = _file(app, believed)
        except IntegrityError:
            continue  # the worker filed on one of these shelves meanwhile: read them again
        done.filed += filed
        done.already += len(believed) - filed
        return
    raise RuntimeError(f"the index kept changing under a batch of {len(believed)} events")


def _file(app: Application[UUID], believed: list[tuple[Delivery, CloudEvent]]) -> int:
    """Put the events on their shelves and save the shelves changed; how many were missing."""
    open_shelves: dict[UUID, TimelineShelf] = {}
    changed: dict[UUID, TimelineShelf] = {}
    filed = 0
    for delivery, upstream in believed:
        tracking = delivery.tracking
        position = [tracking.application_name, tracking.notification_id]
        moved = shelve(app, upstream, position, open_shelves)
        filed += bool(moved)
        changed.update((shelf.id, shelf) for shelf in moved)
    if changed:
        app.save(*changed.values())
    return filed


async def backfill_from_topics(
    app: ServiceApplication, common: CommonSettings, consumes: Iterable[str]
) -> Backfilled:
    """Backfill the index of `app`'s store (assessment's, which keeps it) from the topics of
    the services it `consumes`, read as the node's operator (`common`'s broker and prefix),
    believed as its worker believes them."""
    topics = Topics(common.topic_prefix)
    wanted = [topics.events(service) for service in consumes]
    access = KafkaAccess.of(common, OPERATOR)
    return await backfill(app, read_deliveries(access, wanted), Provenance(topics, app.org))

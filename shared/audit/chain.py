"""The hash chain over a service's stored events: each link commits to its predecessor (Art. 23).

A link is written for every stored event, in the same transaction as the event (see
`shared/audit/recorders.py`), so the chain can never lag behind or run ahead of the store: there
is no second write to forget. Its hash covers the event's position in the notification log, its
originator id and version, its topic and its state bytes exactly as stored, and the previous
link's hash. Editing, deleting or reordering a stored event therefore breaks the chain at that
place; recomputing the whole chain after a rewrite is caught by the witnessed heads
(`shared/audit/checkpoints.py`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from shared.projection import LogFollower, NotificationSource

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from eventsourcing.persistence import Notification

GENESIS = "0" * 64
"""The 'previous hash' of the first link."""


def link_hash(
    previous: str,
    position: int,
    originator_id: UUID | str,
    originator_version: int,
    topic: str,
    state: bytes,
) -> str:
    """sha256 over the previous hash and the stored event's fields, each length-prefixed."""
    digest = hashlib.sha256(bytes.fromhex(previous))
    parts = (
        str(position).encode(),
        str(originator_id).encode(),
        str(originator_version).encode(),
        topic.encode(),
        bytes(state),
    )
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


@dataclass(frozen=True)
class Link:
    """One chain row: which stored event sits at `position`, and the hash that commits to it."""

    position: int
    originator_id: str
    originator_version: int
    hash: str

    @property
    def event_id(self) -> str:
        """The stored event's identity: originator id and version."""
        return f"{self.originator_id}@{self.originator_version}"


def next_links(
    previous: str, positions: Sequence[int], events: Sequence[_StoredLike]
) -> list[Link]:
    """The links for events just stored at `positions`, following the head hash `previous`."""
    links = []
    for position, event in zip(positions, events, strict=True):
        previous = link_hash(
            previous,
            position,
            event.originator_id,
            event.originator_version,
            event.topic,
            event.state,
        )
        links.append(Link(position, str(event.originator_id), event.originator_version, previous))
    return links


class _StoredLike(Protocol):
    @property
    def originator_id(self) -> UUID | str: ...
    @property
    def originator_version(self) -> int: ...
    @property
    def topic(self) -> str: ...
    @property
    def state(self) -> bytes: ...


class ChainedRecorder(NotificationSource, Protocol):
    """What verification needs from a store: its notification log and its chain."""

    def select_links(self, after: int, limit: int) -> list[Link]: ...

    def chain_head(self) -> Link | None: ...


def chained(recorder: object) -> ChainedRecorder:
    """The recorder as a chained one; TypeError if the store was opened without the chain."""
    if not (hasattr(recorder, "select_links") and hasattr(recorder, "chain_head")):
        raise TypeError(
            f"{type(recorder).__name__} keeps no hash chain; open the store with "
            "shared.store.eventsourcing_env (PROCESS_RECORDER_TOPIC)"
        )
    return recorder  # type: ignore[return-value]


def iter_notifications(recorder: NotificationSource, batch: int = 1000) -> Iterator[Notification]:
    """Every stored event in log order, read in batches."""
    for page in LogFollower(recorder, page=batch).pages():
        yield from page


def iter_links(recorder: ChainedRecorder, batch: int = 1000) -> Iterator[Link]:
    """Every chain link in position order, read in batches."""
    after = 0
    while found := recorder.select_links(after, batch):
        yield from found
        after = found[-1].position

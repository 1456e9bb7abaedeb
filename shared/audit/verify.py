"""Recompute a service's hash chain and name the first broken link (Art. 23, 29, 31).

The walk merges the notification log and the chain by position. Each stored event must have a
link at its position naming the same event, and the link's hash must follow from the previous
link's hash and the event's bytes; a link without its event means the event was deleted. A
rewrite that also recomputed every hash passes those checks, so the recomputed hash at each
witnessed position must also equal the head a checkpoint published then (see checkpoints.py):
a rewrite shows as the first witness it contradicts, and lies between the last witness that
still agrees and that one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from shared.audit.chain import GENESIS, iter_links, iter_notifications, link_hash

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from eventsourcing.persistence import Notification

    from shared.audit.chain import ChainedRecorder, Link


@dataclass(frozen=True)
class Witness:
    """A chain head as published in a checkpoint: at `position` the hash was `hash`."""

    service: str
    node_id: str
    position: int
    hash: str
    checkpoint_id: str = ""


@dataclass(frozen=True)
class Break:
    """The first place where the stored history and its chain (or a witness) disagree."""

    service: str
    position: int
    event_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.service}: broken at position {self.position} (event {self.event_id}): " + (
            self.reason
        )


@dataclass
class Verdict:
    """What verifying one service's store found."""

    service: str
    events: int = 0
    witnesses_checked: int = 0
    head: str = GENESIS
    broken: Break | None = None
    witnessed_up_to: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify(service: str, recorder: ChainedRecorder, witnesses: Iterable[Witness] = ()) -> Verdict:
    """Walk the whole store; stop at the first broken link."""
    verdict = Verdict(service)
    witnessed = {w.position: w for w in witnesses}
    agreed = 0  # the last witnessed position found to agree
    previous, previous_position = GENESIS, 0
    seen: set[int] = set()  # witnessed positions met in the store

    def broken(position: int, event_id: str, reason: str) -> Verdict:
        verdict.broken = Break(service, position, event_id, reason)
        return verdict

    for event, link in _merge(iter_notifications(recorder), iter_links(recorder)):
        if link is None:
            assert event is not None
            return broken(event.id, _event_id(event), "a stored event with no chain link")
        if event is None:
            return broken(link.position, link.event_id, "the chained event was deleted")
        if _event_id(event) != link.event_id:
            why = f"this is not the event chained here ({link.event_id}): reordered or replaced"
            return broken(event.id, _event_id(event), why)
        expected = link_hash(
            previous,
            event.id,
            event.originator_id,
            event.originator_version,
            event.topic,
            event.state,
        )
        if expected != link.hash:
            why = "its stored bytes do not match its link: the payload was edited"
            if previous_position:
                why += f", or an event after position {previous_position} was removed with its link"
            return broken(event.id, _event_id(event), why)
        witness = witnessed.get(event.id)
        if witness is not None:
            verdict.witnesses_checked += 1
            if witness.hash != expected:
                since = f"after position {agreed}" if agreed else "from the start"
                why = (
                    f"the history differs from the head witnessed at this position "
                    f"(checkpoint {witness.checkpoint_id or '?'}): it was rewritten and "
                    f"re-hashed {since}, up to here"
                )
                return broken(event.id, _event_id(event), why)
            agreed = event.id
            seen.add(event.id)
        previous, previous_position = expected, event.id
        verdict.events += 1
    verdict.head = previous
    unmet = [w for w in witnessed.values() if w.position not in seen]
    if unmet:
        first = min(unmet, key=lambda w: w.position)
        if first.position > previous_position:
            why = f"a checkpoint witnessed position {first.position}, but the store ends at "
            why += f"{previous_position}: the history was truncated"
        else:
            why = "a checkpoint witnessed an event at this position, and it is gone: it was "
            why += "deleted and the chain re-hashed"
        return broken(first.position, "-", why)
    verdict.witnessed_up_to = agreed
    return verdict


def _event_id(event: Notification) -> str:
    return f"{event.originator_id}@{event.originator_version}"


def _merge(
    events: Iterator[Notification], links: Iterator[Link]
) -> Iterator[tuple[Notification | None, Link | None]]:
    """Pairs by position: (event, link), (event, None) or (None, link), in position order."""
    event, link = next(events, None), next(links, None)
    while event is not None or link is not None:
        if link is None or (event is not None and event.id < link.position):
            yield event, None
            event = next(events, None)
        elif event is None or link.position < event.id:
            yield None, link
            link = next(links, None)
        else:
            yield event, link
            event, link = next(events, None), next(links, None)

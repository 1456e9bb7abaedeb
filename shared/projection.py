"""One way to follow a store's notification log, for every read model and follower.

A read model (a service's view, the org follower, the outbox relay) remembers how far into the
log it has read and, when asked, takes in what was saved since: by this process or by any other
sharing the store. eventsourcing's `NotificationLogReader.select` does the paging; this adds the
remembered position, a lock so two threads never take the same page twice, and the topics of an
aggregate's events so a follower can ask for just the aggregates it shows.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.application import LocalNotificationLog
from eventsourcing.domain import CanMutateAggregate
from eventsourcing.system import NotificationLogReader
from eventsourcing.utils import get_topic

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from eventsourcing.application import Application
    from eventsourcing.persistence import Notification

PAGE = 500


def event_topics(*aggregates: type) -> tuple[str, ...]:
    """The topics of every event class the given aggregate classes declare (their `@event`s)."""
    topics: list[str] = []
    for aggregate in aggregates:
        for value in vars(aggregate).values():
            if isinstance(value, type) and issubclass(value, CanMutateAggregate):
                topics.append(get_topic(value))
    return tuple(sorted(set(topics)))


class LogFollower:
    """Reads an application's notification log onward from where it last stopped."""

    def __init__(
        self, app: Application[UUID], topics: Sequence[str] = (), *, start_after: int = 0
    ) -> None:
        # The application's own log pages by 10; a read model wants bigger pages.
        log = LocalNotificationLog(app.recorder, section_size=PAGE)
        self._reader = NotificationLogReader(log, section_size=PAGE)
        self._topics = tuple(topics)
        self._position = start_after
        self._lock = threading.Lock()

    @property
    def position(self) -> int:
        """The id of the last notification taken in (0 before the first)."""
        return self._position

    def follow(self, take: Callable[[Sequence[Notification]], None]) -> int:
        """Hand every page saved since the last call to `take`, in log order; how many.

        The position moves past a page only once `take` has returned, and under the follower's
        lock, so concurrent callers neither skip nor repeat a page.
        """
        taken = 0
        with self._lock:
            pages = self._reader.select(
                start=self._position, topics=self._topics, inclusive_of_start=False
            )
            for page in pages:
                take(page)
                taken += len(page)
                self._position = page[-1].id
        return taken

    def changed(self) -> set[UUID]:
        """The ids of the aggregates with events saved since the last call."""
        ids: set[UUID] = set()
        self.follow(lambda page: ids.update(UUID(str(n.originator_id)) for n in page))
        return ids

"""One way to follow a store's notification log, for every read model and follower.

A read model (a service's view, the org follower) remembers how far into the log it has read and,
when asked, takes in what was saved since: by this process or by any other sharing the store.
eventsourcing's `NotificationLogReader.select` does the paging; this adds the remembered position,
a lock so two threads never take the same page twice, and the topics of an aggregate's events so a
follower can ask for just the aggregates it shows. A reader that walks the whole log once (the
chain verifier, replay) iterates `pages()`; one whose position is kept elsewhere (the outbox relay,
in its store) asks for `pages(after=...)`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Protocol, cast
from uuid import UUID

from eventsourcing.application import Application, LocalNotificationLog
from eventsourcing.domain import CanMutateAggregate
from eventsourcing.system import NotificationLogReader
from eventsourcing.utils import get_topic

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from eventsourcing.persistence import ApplicationRecorder, Notification

PAGE = 500


class NotificationSource(Protocol):
    """A store's notification log: its events in the order they were stored (a recorder)."""

    def select_notifications(
        self,
        start: int | None,
        limit: int,
        stop: int | None = None,
        topics: Sequence[str] = (),
        *,
        inclusive_of_start: bool = True,
    ) -> Sequence[Notification]: ...

    def max_notification_id(self) -> int | None: ...


def event_topics(*aggregates: type) -> tuple[str, ...]:
    """The topics of every event class the given aggregate classes declare (their `@event`s)."""
    topics: list[str] = []
    for aggregate in aggregates:
        for value in vars(aggregate).values():
            if isinstance(value, type) and issubclass(value, CanMutateAggregate):
                topics.append(get_topic(value))
    return tuple(sorted(set(topics)))


class LogFollower:
    """Reads an application's notification log onward from where it last stopped.

    `source` is the application, or a recorder opened without one; `page` is how many
    notifications are read at once.
    """

    def __init__(
        self,
        source: Application[Any] | NotificationSource,
        topics: Sequence[str] = (),
        *,
        start_after: int = 0,
        page: int = PAGE,
    ) -> None:
        recorder = source.recorder if isinstance(source, Application) else source
        self._recorder: NotificationSource = recorder
        # The application's own log pages by 10; a read model wants bigger pages. The log only
        # ever calls `select_notifications` on the recorder.
        log = LocalNotificationLog(cast("ApplicationRecorder", recorder), section_size=page)
        self._reader = NotificationLogReader(log, section_size=page)
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
        # The head as it is when called: everything committed before the call lies below it.
        # Read before taking the lock, so that callers who queued behind another one find, once
        # it is done, that it read past their head already and return without asking the store
        # (at 32 concurrent filings, each route's catch-up had queued here for every other one).
        head = self._recorder.max_notification_id() or 0
        if head <= self._position:
            return 0
        with self._lock:
            if head <= self._position:
                return 0
            # Read up to that head, then stand there: a follower of a few topics would
            # otherwise start every call from its last match and rescan every later row of
            # other topics (the stores serialise their writers, so nothing commits below the
            # head afterwards).
            pages = self._reader.select(
                start=self._position, stop=head, topics=self._topics, inclusive_of_start=False
            )
            for page in pages:
                take(page)
                taken += len(page)
                self._position = page[-1].id
            self._position = head
        return taken

    def pages(self, after: int | None = None) -> Iterator[Sequence[Notification]]:
        """Each page saved after the position (or after `after`), in log order, for one reader.

        The position moves past a page when the next one is asked for, or the pages run out:
        a reader that stops early (or fails) reads that page again next time.
        """
        start = self._position if after is None else after
        pages = self._reader.select(start=start, topics=self._topics, inclusive_of_start=False)
        for page in pages:
            yield page
            self._position = page[-1].id

    def changed(self) -> set[UUID]:
        """The ids of the aggregates with events saved since the last call."""
        ids: set[UUID] = set()
        self.follow(lambda page: ids.update(UUID(str(n.originator_id)) for n in page))
        return ids

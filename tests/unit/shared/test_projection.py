"""The one log follower: every read model takes in each saved event once, in log order."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from shared.projection import PAGE, LogFollower, event_topics
from tests.support.stores import InMemory, OnSQLite

if TYPE_CHECKING:
    from collections.abc import Sequence

    from eventsourcing.persistence import Notification


class Dossier(Aggregate):
    @event("Opened")
    def __init__(self, title: str) -> None:
        self.title = title

    @event("Renamed")
    def rename(self, title: str) -> None:
        self.title = title


class Memo(Aggregate):
    @event("Written")
    def __init__(self, text: str) -> None:
        self.text = text


def test_event_topics_name_each_declared_event_of_the_aggregate() -> None:
    topics = set(event_topics(Dossier))
    assert {f"{__name__}:Dossier.Opened", f"{__name__}:Dossier.Renamed"} <= topics
    assert not any(":Memo." in t for t in topics)
    assert set(event_topics(Dossier, Memo)) == {*topics, *event_topics(Memo)}


class FollowerStory:
    def test_each_event_once_in_log_order_and_only_the_topics_asked_for(
        self, env: dict[str, str]
    ) -> None:
        app: Application[UUID] = Application(env)
        dossiers = LogFollower(app, event_topics(Dossier))
        everything = LogFollower(app)

        # Nothing saved yet: nothing to take in.
        assert dossiers.changed() == set()

        # Two dossiers and a memo; one dossier renamed.
        first, second, memo = Dossier("甲"), Dossier("乙"), Memo("备忘")
        app.save(first, second, memo)
        first.rename("甲（改）")
        app.save(first)
        assert dossiers.changed() == {first.id, second.id}
        assert dossiers.position == 4

        # Asked again: only what was saved since.
        second.rename("乙（改）")
        app.save(second)
        assert dossiers.changed() == {second.id}

        # Events of other topics only move the follower on to the head of the log, so the next
        # call reads from there instead of rescanning them.
        app.save(Memo("另一份备忘"))
        assert dossiers.changed() == set()
        assert dossiers.position == 6

        # A follower of every topic sees all six events, in the order they were saved.
        seen: list[str] = []
        everything.follow(lambda page: seen.extend(n.topic.rsplit(".", 1)[1] for n in page))
        assert seen == ["Opened", "Opened", "Written", "Renamed", "Renamed", "Written"]

    def test_more_than_a_page_and_concurrent_callers_take_each_event_once(
        self, env: dict[str, str]
    ) -> None:
        app: Application[UUID] = Application(env)
        app.save(*[Memo(str(i)) for i in range(PAGE + 37)])
        follower = LogFollower(app)
        taken: list[int] = []
        lock = threading.Lock()

        def take(page: Sequence[Notification]) -> None:
            with lock:
                taken.extend(n.id for n in page)

        threads = [threading.Thread(target=follower.follow, args=(take,)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert taken == list(range(1, PAGE + 38))

    def test_pages_walk_the_log_for_one_reader_and_resume_where_it_stopped(
        self, env: dict[str, str]
    ) -> None:
        app: Application[UUID] = Application(env)
        app.save(*[Memo(str(i)) for i in range(7)])
        # A recorder alone will do (the chain verifier opens no application); pages of three.
        follower = LogFollower(app.recorder, page=3)
        pages = follower.pages()
        assert [n.id for n in next(pages)] == [1, 2, 3]
        assert follower.position == 0  # the first page is not done with until the next is asked
        assert [n.id for n in next(pages)] == [4, 5, 6]
        assert follower.position == 3
        pages.close()  # the reader stops in the middle of the second page
        assert [[n.id for n in page] for page in follower.pages()] == [[4, 5, 6], [7]]
        assert follower.position == 7
        assert list(follower.pages()) == []
        # A position kept elsewhere (the outbox relay's, in its store) is handed in.
        assert [n.id for n in next(follower.pages(after=5))] == [6, 7]


class TestFollowerInMemory(InMemory, FollowerStory):
    pass


class TestFollowerSQLite(OnSQLite, FollowerStory):
    pass

"""Group commit (shared/group_commit.py, issue #18): writes that arrive while a group commits
form the next group, and each caller gets its own outcome only once its group is done."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from shared.group_commit import GroupCommit, QueuedWrite


class Store:
    """Commits groups into a list; the first group waits until told, so others queue."""

    def __init__(self) -> None:
        self.committed: list[list[str]] = []
        self.first_started = threading.Event()
        self.release_first = threading.Event()
        self.fail_next_group = False

    def commit_group(self, group: list[QueuedWrite]) -> None:
        if not self.committed and not self.first_started.is_set():
            self.first_started.set()
            assert self.release_first.wait(10)
        if self.fail_next_group:
            raise OSError("disk full")
        names = []
        for write in group:
            name = str(write.stored_events[0])
            if name.startswith("conflict"):
                write.error = ValueError(f"{name} conflicts")
                continue
            write.result = [len(self.committed)]
            names.append(name)
        self.committed.append(names)


def test_writes_queued_during_a_commit_go_together_in_the_next_one() -> None:
    store = Store()
    joined = GroupCommit(store.commit_group)
    with ThreadPoolExecutor(max_workers=6) as pool:
        first = pool.submit(joined.write, ["first"])
        assert store.first_started.wait(10)
        later = [pool.submit(joined.write, [f"w{n}"]) for n in range(4)]
        conflict = pool.submit(joined.write, ["conflict-1"])
        while len(joined._queue) < 5:  # all five wait behind the first commit
            threading.Event().wait(0.01)
        assert not any(f.done() for f in [first, *later, conflict])  # nobody answered early
        store.release_first.set()
        assert first.result(10) == [0]
        assert [f.result(10) for f in later] == [[1]] * 4  # one transaction for the four
        with pytest.raises(ValueError, match="conflict-1 conflicts"):
            conflict.result(10)  # its own failure only
    assert store.committed == [["first"], ["w0", "w1", "w2", "w3"]]
    assert (joined.groups, joined.writes) == (2, 6)


def test_a_group_that_fails_to_commit_fails_every_write_in_it() -> None:
    store = Store()
    store.first_started.set()  # no waiting
    store.fail_next_group = True
    joined = GroupCommit(store.commit_group)
    with pytest.raises(OSError, match="disk full"):
        joined.write(["alone"])
    store.fail_next_group = False
    assert joined.write(["again"]) == [0]  # the next group commits normally
    assert store.committed == [["again"]]

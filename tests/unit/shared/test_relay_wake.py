"""The relay's wake (shared/relay_wake.py, issue #18): one address per store file however it is
spelled, none for a store in memory, and one listener per address."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from shared.relay_wake import WakeListener, WakeSender, wake_address

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_one_store_file_has_one_address_however_it_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "var").mkdir()
    monkeypatch.chdir(tmp_path)
    absolute = wake_address(str(tmp_path / "var" / "intake.sqlite"))
    assert absolute is not None
    assert wake_address("var/intake.sqlite") == absolute  # the API started elsewhere
    assert wake_address("var/../var/intake.sqlite") == absolute
    assert wake_address("var/register.sqlite") != absolute
    assert wake_address(":memory:") is None
    assert wake_address("file:x?mode=memory&cache=shared") is None


async def test_a_sent_wake_sets_the_listener_and_a_second_listener_cannot_bind(
    tmp_path: Path,
) -> None:
    address = wake_address(str(tmp_path / "intake.sqlite"))
    listener, rival = WakeListener(address), WakeListener(address)
    sender = WakeSender(address)
    sender.wake()  # nobody listens yet: nothing happens, nothing fails
    assert listener.start()
    try:
        assert not rival.start()  # another relay of the same store listens already
        assert not listener.woken.is_set()
        sender.wake()
        await asyncio.wait_for(listener.woken.wait(), timeout=10)
    finally:
        listener.stop()
        sender.close()
    assert rival.start()  # once let go, the next leader listens
    rival.stop()

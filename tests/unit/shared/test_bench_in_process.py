"""The in-process benches still measure what they say (issue #18): every record taken in once,
the overdue tick over open actions records what is due, once.

Small counts: these keep `make bench`'s in-process parts (bench/hop.py, bench/scan.py) from
rotting between runs; the figures themselves come from `make bench`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bench.hop import hop
from bench.replay import measure as replay_rates
from bench.scan import scan

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("service", ["register", "warning", "assessment"])
def test_each_consuming_service_takes_every_record_in_once(service: str, tmp_path: Path) -> None:
    found = hop(service, 20, tmp_path)  # raises unless 20 records gave 20 receipts
    assert found["records"] == 20
    assert float(str(found["per_second"])) > 0


def test_the_overdue_tick_records_what_is_due_once_among_open_actions() -> None:
    found = scan(actions=400, due=8, ticks=2)
    assert (found.warnings, found.open_actions) == (100, 400)
    assert found.recorded_by_first_tick == 8  # two warnings issued long ago: four actions each
    assert found.tick_seconds >= 0  # and the later ticks recorded nothing again (scan checks)


def test_replay_and_verify_rebuild_every_case_and_check_every_link() -> None:
    rates = replay_rates(400)  # raises unless every case is rebuilt and the chain verifies
    assert rates.events == 400
    assert min(rates.raw, rates.log, rates.replay, rates.verify) > 0

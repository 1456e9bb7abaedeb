"""The development clock (shared/clock.py DevShiftedClock): a test deployment lets the
publication period 公示期 (Art. 10) pass by shifting its node's clock; production may not."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from services.warning.settings import WarningSettings
from shared.clock import DevShiftedClock, SystemClock, clock_for, shift_dev_clock
from shared.keys import development_secret_problems
from shared.settings import CommonSettings
from tests.support.tokens import TEST_JWKS_FILE

if TYPE_CHECKING:
    from pathlib import Path

DAY = timedelta(days=1)


def test_every_reader_of_the_file_moves_forward_together(tmp_path: Path) -> None:
    file = tmp_path / "clock"
    one, other = DevShiftedClock(file), DevShiftedClock(file)
    assert abs(one.now() - datetime.now(UTC)) < timedelta(seconds=5)  # no file: the wall clock
    assert shift_dev_clock(file, 6 * DAY) == 6 * DAY
    assert shift_dev_clock(file, DAY) == 7 * DAY  # shifts add up
    for clock in (one, other):
        assert abs(clock.now() - (datetime.now(UTC) + 7 * DAY)) < timedelta(seconds=5)


def test_the_offset_never_goes_back(tmp_path: Path) -> None:
    file = tmp_path / "clock"
    clock = DevShiftedClock(file)
    shift_dev_clock(file, 3 * DAY)
    assert clock.offset() == 3 * DAY
    for written in ("3600", "-864000", "soon", "inf"):
        file.write_text(written, encoding="utf-8")
        os.utime(file, ns=(file.stat().st_mtime_ns + 10**9,) * 2)  # a new modification time
        assert clock.offset() == 3 * DAY, written
    with pytest.raises(ValueError, match="forward"):
        shift_dev_clock(file, -DAY)


def test_only_dev_mode_may_shift_the_clock(tmp_path: Path) -> None:
    file = tmp_path / "clock"
    assert isinstance(clock_for(False, None), SystemClock)
    assert isinstance(clock_for(True, file), DevShiftedClock)
    with pytest.raises(ValueError, match="may not be shortened in production"):
        clock_for(False, file)
    common = CommonSettings.model_validate(
        {"env": "prod", "jwks_file": TEST_JWKS_FILE, "dev_clock_file": file}
    )
    (problem,) = development_secret_problems(WarningSettings(common=common))
    assert problem.startswith("LIANFANG_DEV_CLOCK_FILE is set")

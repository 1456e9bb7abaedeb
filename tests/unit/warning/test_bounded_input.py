"""Bounded, clean input to the warning service (issue #17 items 4–5, Art. 28): a review meeting's
record with an over-long list or a control character is refused with a 422 naming the field, and
nothing is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.settings import CommonSettings
from tests.support.bounds import refused, stored
from tests.unit.warning.test_warning_api import MEETING, Api

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def api() -> Iterator[Api]:
    town = CommonSettings(store="memory", node_id="town-taihe", node_root_unit="QX-TH")
    yield from Api.serve(SPEC, WarningSettings, common=town)


def test_an_overlong_list_or_a_control_character_records_no_review(api: Api) -> None:
    proposal = api.proposal()
    before = stored(api.runtime)
    review = f"/proposals/{proposal}/review"
    # The review's example (H4): attendees without end.
    crowd = MEETING | {"attendees": ["镇纪委委员"] * 201}
    refused(api.post(review, crowd, api.town_office), "attendees", "at most 200 items")
    # A minutes number is one line; an escape sequence in it would reach the notice and the logs.
    forged = MEETING | {"minutes_ref": "太和纪要\x1b[8m〔2026〕3号"}
    refused(api.post(review, forged, api.town_office), "minutes_ref", "control character U+001B")
    split = MEETING | {"attendees": ["镇党委书记\n镇长"]}
    refused(api.post(review, split, api.town_office), "attendees", "single-line")
    listing = api.client.get("/warnings", params={"within": "Q" * 65}, headers=api.town_office)
    refused(listing, "within", "at most 64 characters")
    assert stored(api.runtime) == before
    held = api.post(review, MEETING, api.town_office)
    assert held.status_code in (200, 201), held.text
    assert stored(api.runtime) > before

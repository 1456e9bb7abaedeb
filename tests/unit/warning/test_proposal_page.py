"""One proposal's page over HTTP: why it was made, its meeting's record and what followed
(Art. 27, 28) — what the console's 预警处置 screen shows before the office issues or transfers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from services.warning.main import SPEC
from services.warning.settings import WarningSettings
from shared.auth import Role
from shared.settings import CommonSettings
from tests.unit.warning.test_warning_api import MEETING, Api

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def api() -> Iterator[Api]:
    town = CommonSettings(store="memory", node_id="town-taihe", node_root_unit="QX-TH")
    yield from Api.serve(SPEC, WarningSettings, common=town)


def test_a_proposal_shows_its_meeting_and_the_warning_it_led_to(api: Api) -> None:
    proposal = api.proposal()
    path = f"/proposals/{proposal}"
    before = api.client.get(path, headers=api.town_office).json()
    assert (before["status"], before["review"], before["warning_id"]) == ("open", None, None)
    assert before["reasoning"]
    # Another town's office may not read it; an unknown id is 404.
    sibling = api.as_("u-tp-office", Role.OFFICE, "QX-TP")
    assert api.client.get(path, headers=sibling).status_code == 403
    unknown = "/proposals/00000000-0000-4000-8000-000000000000"
    assert api.client.get(unknown, headers=api.town_office).status_code == 404
    assert api.post(f"{path}/review", MEETING, api.town_office).status_code == 201
    decided = api.client.get(path, headers=api.town_office).json()
    assert decided["status"] == "decided"
    assert decided["review"]["decision"] == "issue"
    assert decided["review"]["attendees"] == MEETING["attendees"]
    assert decided["review"]["minutes_ref"] == MEETING["minutes_ref"]
    issued = api.post(f"{path}/warning", {}, api.town_office).json()
    after = api.client.get(path, headers=api.town_office).json()
    assert (after["status"], after["warning_id"]) == ("issued", issued["id"])

"""Open information on the district dashboard 区级驾驶舱 is the information database's
待研判 list (Art. 21, 25).

Reports about 太和镇, 市场监管局 and 太平镇 come in from intake; the district's figure counts
all three and the town's only its own, each equal to the information list it clicks through to
and to the application's own rows; the reports of this month are in this month's trend.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from services.register.main import SPEC
from services.register.settings import RegisterSettings
from shared.auth import Role
from shared.dashboard import month_of
from tests.support.http_api import ApiClient
from tests.unit.register.judging import report

if TYPE_CHECKING:
    from collections.abc import Iterator

    from services.register.app import RegisterApplication


@pytest.fixture
def api() -> Iterator[ApiClient]:
    yield from ApiClient.serve(SPEC, RegisterSettings)


def test_open_information_equals_the_awaiting_list(api: ApiClient) -> None:
    app: RegisterApplication = api.runtime.app  # type: ignore[assignment]
    now = app.clock.now()
    for unit in ("QX-TH", "QX-SJ", "QX-TP"):
        report(app, now, unit)
    for root, expected in (("QX", 3), ("QX-TH", 1)):
        who = api.as_("u-office", Role.OFFICE, root)
        shown = api.get("/dashboard", who)
        assert shown.status_code == 200, shown.text
        figures = shown.json()
        listed = api.get("/information?status=awaiting_judgement", who).json()
        stored = [r for r in app.list_information(root) if r.status == "awaiting_judgement"]
        assert figures["open_information"] == len(listed) == len(stored) == expected
        month = month_of(now - timedelta(days=1))
        assert figures["reported_by_month"][month] == expected
    judge_elsewhere = api.as_("u-judge", Role.JUDGE, "QX-TP")
    assert api.get("/dashboard?within=QX-TH", judge_elsewhere).status_code == 403
    assert api.get("/dashboard", api.as_("u-admin", Role.ADMIN, "QX")).status_code == 403

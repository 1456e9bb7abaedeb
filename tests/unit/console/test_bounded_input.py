"""Bounded, clean input to the directory (issue #17 items 4–5): an account with an over-long field
or a control character is refused with a 422 naming the field, and nothing is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from services.console.main import SPEC
from services.console.settings import ConsoleSettings
from tests.support.bounds import refused, stored
from tests.unit.console.test_accounts_api import DECISION, Api

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def api() -> Iterator[Api]:
    yield from Api.serve(SPEC, ConsoleSettings)


def test_an_overlong_field_or_a_control_character_opens_no_account(api: Api) -> None:
    account = {"user_id": "th-wang", "name": "王五", "unit_code": "QX-TH", "posts": ["科员"],
               "authority": DECISION}  # fmt: skip
    admin = api.district_admin
    refused(api.post("/accounts", account | {"name": "王" * 101}, admin), "name",
            "at most 100 characters")  # fmt: skip
    # A name is one line: a newline in it would forge a line in the audit log or the CSV export.
    refused(api.post("/accounts", account | {"name": "王五\n李四"}, admin), "name", "single-line")
    refused(api.post("/accounts", account | {"posts": ["科员\x1b[0m"]}, admin), "posts",
            "control character U+001B")  # fmt: skip
    refused(api.post("/accounts", account | {"authority": "清新纪发\x00"}, admin), "authority",
            "control character U+0000")  # fmt: skip
    listing = api.client.get("/accounts", params={"within": "QX\x08"}, headers=admin)
    refused(listing, "within", "control character U+0008")
    # An import is no way around it: the row and the cell are named, nothing is opened.
    rows = "user_id,name,unit_code,posts,roles\nth-li,李\x07四,QX-TH,科员,officer\n"
    imported = api.import_csv(rows, admin)
    assert imported.status_code == 422
    assert [(d["row"], d["field"]) for d in imported.json()["detail"]] == [(2, "name")]
    assert stored(api.runtime) == 0
    assert api.post("/accounts", account, admin).status_code == 201

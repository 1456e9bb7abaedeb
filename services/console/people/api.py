"""Names for ids: `GET /people?ids=a,b` (the browser: `/api/console/people`), and for unit
codes: `GET /unit-names?codes=a,b`.

Events name people by their staff id (who filed, graded, voted, owns a measure); the console
shows their names. Any signed-in person may ask for the names and units of up to 50 ids at a
time — what a colleague's name on a signed paper form shows, nothing more (no roles, no
contact). Ids with no account are left out. A petitioner is never an account (Art. 22).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from services.console.accounts.api import ConsoleApp
from services.console.bff.deps import ConsoleCaller
from shared.errors import Invalid
from shared.paging import paged

router = APIRouter(tags=["directory 名录"])

MAX_IDS = 50
MAX_ID_LENGTH = 64


class PersonName(BaseModel):
    user_id: str
    name: str
    unit_code: str
    unit_name: str


@router.get("/people", summary="The names and units of up to 50 staff ids (名录)")
@paged
def people(
    _: ConsoleCaller,
    app: ConsoleApp,
    ids: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_IDS * (MAX_ID_LENGTH + 1),
            description="Staff ids separated by commas, at most 50.",
        ),
    ],
) -> list[PersonName]:
    wanted = list(dict.fromkeys(i.strip() for i in ids.split(",") if i.strip()))
    if len(wanted) > MAX_IDS:
        raise Invalid("ids", f"at most {MAX_IDS} ids at a time", "query")
    if any(len(i) > MAX_ID_LENGTH or not i.isprintable() for i in wanted):
        raise Invalid("ids", f"an id is at most {MAX_ID_LENGTH} printable characters", "query")
    found = []
    for user_id in wanted:
        person = app.person(user_id)
        if person is None:
            continue
        unit = app.org.get(person.unit_code) if person.unit_code in app.org else None
        found.append(
            PersonName(
                user_id=person.user_id,
                name=person.name,
                unit_code=person.unit_code,
                unit_name=unit.name if unit else person.unit_code,
            )
        )
    return found


class UnitName(BaseModel):
    code: str
    name: str


@router.get("/unit-names", summary="The names of up to 50 unit codes (名录)")
@paged
def unit_names(
    _: ConsoleCaller,
    app: ConsoleApp,
    codes: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_IDS * (MAX_ID_LENGTH + 1),
            description="Unit codes separated by commas, at most 50.",
        ),
    ],
) -> list[UnitName]:
    """The organisation tree's names (Art. 5) for units a screen names outside the reader's own
    subtree — the level above, a superior business department 上级业务主管部门 a disposal is
    reported to (Art. 27, 29): a unit's name is what its public notices carry, nothing more.
    Unknown codes are left out."""
    wanted = list(dict.fromkeys(c.strip() for c in codes.split(",") if c.strip()))
    if len(wanted) > MAX_IDS:
        raise Invalid("codes", f"at most {MAX_IDS} codes at a time", "query")
    return [UnitName(code=c, name=app.org.get(c).name) for c in wanted if c in app.org]
